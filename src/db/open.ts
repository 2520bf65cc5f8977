import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Sql } from './sql.js';

export interface DbConfig {
  /** `postgres://…` selects PostgreSQL; otherwise PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory://`. */
  dataDir: string;
}

export async function openDatabase(config: DbConfig): Promise<Sql> {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  if (url === 'memory://' || config.dataDir === 'memory://') return openPglite('memory://');
  const dir = resolve(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}
