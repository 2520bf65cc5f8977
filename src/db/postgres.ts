import pg from 'pg';
import type { Row, Sql } from './sql.js';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** Connects to PostgreSQL by URL (`postgres://user:pass@host:port/db`). */
export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const client = await pool.connect(); // fail early with a clear error when unreachable
  client.release();
  return fromPool(pool);
}

function fromPool(pool: pg.Pool): Sql {
  return {
    kind: 'postgres',
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const r = await pool.query(text, params as unknown[]);
      return r.rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(fromClient(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

function fromClient(client: pg.PoolClient): Sql {
  return {
    kind: 'postgres',
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as T[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    transaction: (fn) => fn(fromClient(client)),
    async close() {
      /* the pool owns the connection */
    },
  };
}
