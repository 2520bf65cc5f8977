/**
 * Benchmarks, printed as JSON. Synthetic data only for fictional towns (ids "fictional-…").
 * Run with `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { importBundle } from '../src/app/import.service.js';
import { emptyBundle, type Bundle } from '../src/app/bundle.js';
import { openRuntime } from '../src/runtime.js';
import { createApp } from '../src/server/app.js';
import { compositeBench } from './composite.js';

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

function fictionalBundle(towns: number, years: number): Bundle {
  const b = emptyBundle();
  for (let i = 0; i < towns; i++) {
    const id = `fictional-${i}`;
    b.towns.push({
      id,
      name: { en: `Fictional ${i}`, ru: `Вымышленный ${i}`, kk: `Ойдан шығарылған ${i}` },
      regionName: null,
      region2012Name: null,
      lat: 48,
      lon: 68,
      foundedYear: null,
      townStatusYear: null,
      mainIndustry: null,
      fictional: true,
      factSources: [],
      statuses: [],
    });
    for (let y = 0; y < years; y++) {
      b.observations.push({
        town: id,
        indicator: 'population',
        period: String(1990 + y),
        value: 10000 + i * 10 + y,
        valueText: null,
        status: 'actual',
        sourceId: '',
        passage: '',
        unit: null,
        note: null,
        origin: { file: 'bench', row: y },
      });
    }
  }
  return b;
}

const result: Record<string, unknown> = { node: process.version };
let t0 = performance.now();
const rt = await openRuntime({ dataDir: 'memory://' });
result.open_migrate_load_reference_ms = ms(t0);

const app = createApp({ store: rt.store, rules: rt.rules, version: 'bench' });
for (const path of ['/api/v1/towns', '/api/v1/towns/ridder', '/api/v1/health']) {
  const n = 200;
  t0 = performance.now();
  for (let i = 0; i < n; i++) await (await app.request(path)).arrayBuffer();
  const elapsed = performance.now() - t0;
  result[`GET ${path}`] = { requests: n, per_second: Math.round((n / elapsed) * 1000), mean_ms: Math.round((elapsed / n) * 100) / 100 };
}

const bundle = fictionalBundle(200, 50);
t0 = performance.now();
const summary = await importBundle(rt.store, bundle, [], 'bench');
const importMs = ms(t0);
result.import_10k_observations = {
  rows: bundle.observations.length,
  ms: importMs,
  rows_per_second: Math.round((bundle.observations.length / importMs) * 1000),
  inserted: summary.observations.inserted,
};

t0 = performance.now();
const again = await importBundle(rt.store, bundle, [], 'bench');
result.reimport_10k_unchanged = { ms: ms(t0), unchanged: again.observations.unchanged };

t0 = performance.now();
const towns = (await (await app.request('/api/v1/towns')).json()) as unknown[];
result.get_towns_with_227_towns_ms = { towns: towns.length, ms: ms(t0) };

await rt.close();
result.composite = await compositeBench();
console.log(JSON.stringify(result, null, 2));
