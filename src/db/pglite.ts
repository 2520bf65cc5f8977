import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Row, Sql } from './sql.js';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

/** Opens PGlite in a directory, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<Sql> {
  const pg = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, { parsers });
  return wrap(pg, pg);
}

function wrap(root: PGlite, q: PGlite | Transaction): Sql {
  return {
    kind: 'pglite',
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(text, params as unknown[]);
      return r.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (q !== root) return fn(wrap(root, q)); // already inside one: join it
      return root.transaction((tx) => fn(wrap(root, tx)));
    },
    async close() {
      if (q === root) await root.close();
    },
  };
}
