import type { Repositories } from '../app/ports.js';
import type { Sql } from './sql.js';

export function auditRepository(sql: Sql): Repositories['audit'] {
  return {
    async append(e) {
      await sql.query('INSERT INTO audit_log (actor, action, entity, entity_id, details) VALUES ($1,$2,$3,$4,$5::jsonb)', [
        e.actor,
        e.action,
        e.entity,
        e.entityId ?? null,
        JSON.stringify(e.details ?? {}),
      ]);
    },
    async list(limit) {
      const rows = await sql.query<{
        id: number;
        at: Date;
        actor: string;
        action: string;
        entity: string;
        entity_id: string | null;
        details: Record<string, unknown>;
      }>('SELECT id, at, actor, action, entity, entity_id, details FROM audit_log ORDER BY id DESC LIMIT $1', [limit]);
      return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, details: r.details }));
    },
  };
}

export function usersRepository(sql: Sql): Repositories['users'] {
  return {
    async create(u) {
      const rows = await sql.query<{ id: number }>('INSERT INTO users (email, name, role, town_scope) VALUES ($1,$2,$3,$4) RETURNING id', [
        u.email,
        u.name,
        u.role,
        u.townScope ?? [],
      ]);
      return rows[0].id;
    },
    async list() {
      const rows = await sql.query<{ id: number; email: string; name: string; role: string; town_scope: string[] }>(
        'SELECT id, email, name, role, town_scope FROM users ORDER BY id',
      );
      return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, townScope: r.town_scope }));
    },
  };
}
