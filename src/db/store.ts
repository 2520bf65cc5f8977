import type { Repositories, Store } from '../app/ports.js';
import { openDatabase, type DbConfig } from './open.js';
import { migrate } from './migrate.js';
import type { Sql } from './sql.js';
import { townsRepository } from './towns.repository.js';
import { observationsRepository } from './observations.repository.js';
import { catalogueRepository } from './catalogue.repository.js';
import { registryWriter } from './registry.writer.js';
import { auditRepository, usersRepository } from './audit.repository.js';

export function repositories(sql: Sql): Repositories {
  return {
    towns: townsRepository(sql),
    observations: observationsRepository(sql),
    catalogue: catalogueRepository(sql),
    writer: registryWriter(sql),
    audit: auditRepository(sql),
    users: usersRepository(sql),
  };
}

export function storeFromSql(sql: Sql): Store {
  return {
    kind: sql.kind,
    repos: repositories(sql),
    transaction: (fn) => sql.transaction((tx) => fn(repositories(tx))),
    async ping() {
      await sql.query('SELECT 1');
    },
    close: () => sql.close(),
  };
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(config: DbConfig): Promise<{ store: Store; sql: Sql; applied: string[] }> {
  const sql = await openDatabase(config);
  const applied = await migrate(sql);
  return { store: storeFromSql(sql), sql, applied };
}
