import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, ApiError } from '../client/api-client.js';
import { openRuntime, PROJECT_ROOT, type Runtime } from '../runtime.js';
import { readReferenceData } from '../io/reader.js';
import { createApp } from './app.js';

let rt: Runtime;
let app: ReturnType<typeof createApp>;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  rt = await openRuntime({ dataDir: 'memory://' });
  app = createApp({ store: rt.store, rules: rt.rules, version: 'test' });
  client = createClient({ baseUrl: 'http://test', fetch: async (input, init) => app.request(input, init) });
});
afterAll(async () => rt?.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
};

describe('API /api/v1', () => {
  it('health reports the database and counts', async () => {
    const expected = readReferenceData(PROJECT_ROOT).bundle.observations.length;
    expect(await client.health()).toEqual({ status: 'ok', database: 'pglite', towns: 27, observations: expected, version: 'test' });
  });

  it('lists 27 towns with names, region, coordinates and the sourced latest population', async () => {
    const towns = await client.towns();
    expect(towns).toHaveLength(27);
    const ridder = towns.find((t) => t.id === 'ridder')!;
    expect(ridder.name).toEqual({ en: 'Ridder', ru: 'Риддер', kk: 'Риддер' });
    expect(ridder.region?.name.en).toBe('East Kazakhstan');
    expect(ridder.industries).toEqual(['B']);
    expect(towns.find((t) => t.id === 'ekibastuz')?.industries).toEqual(['B', 'D']);
    expect(typeof ridder.lat).toBe('number');
    expect(ridder.population).toMatchObject({ value: expect.any(Number), year: expect.any(Number), source: { url: expect.stringMatching(/^https?:/) } });
  });

  it('gives a town profile with enterprises', async () => {
    const p = await client.town('ekibastuz');
    expect(p.enterprises.map((e) => e.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Bogatyr Komir/)]));
    expect(p.populationSeries.length).toBeGreaterThan(3);
  });

  it('filters observations by indicator and years, each with its source', async () => {
    const all = await client.observations('ridder', { indicator: 'population' });
    const some = await client.observations('ridder', { indicator: 'population', from: 2000, to: 2015 });
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    for (const o of some) {
      expect(Number(o.period.slice(0, 4))).toBeGreaterThanOrEqual(2000);
      expect(Number(o.period.slice(0, 4))).toBeLessThanOrEqual(2015);
      expect(Object.keys(o).sort()).toEqual(['indicator', 'note', 'period', 'revision', 'source', 'status', 'unit', 'value', 'valueText']);
      expect(o.source.url ?? o.source.passage).toBeTruthy();
    }
  });

  it('answers an unknown town with 404 and a problem body', async () => {
    const r = await get('/api/v1/towns/atlantis');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: 'not_found', message: expect.stringContaining('atlantis') });
    await expect(client.town('atlantis')).rejects.toBeInstanceOf(ApiError);
    expect((await get('/api/v1/towns/atlantis/observations')).status).toBe(404);
  });

  it.each([
    ['/api/v1/towns/ridder/observations?from=abc', 'from'],
    ['/api/v1/towns/ridder/observations?to=3000', 'to'],
    ['/api/v1/towns/ridder/observations?indicator=Bad-Code', 'indicator'],
    ['/api/v1/towns/ridder/observations?from=2020&to=2010', 'from'],
    ['/api/v1/regions?layer=1999', 'layer'],
  ])('answers %s with 400 naming "%s"', async (path, param) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining(`"${param}"`), details: { parameter: param } });
  });

  it('serves indicators, sources and region boundaries', async () => {
    const indicators = await client.indicators();
    expect(indicators.find((i) => i.code === 'population')?.name.kk).toBe('Халық саны');
    const sources = await client.sources();
    expect(sources.find((s) => s.id === 'geokz-adm1-2024')?.licence).toMatch(/CC BY 4\.0/);
    expect(sources.find((s) => s.id === 'doc-002-7b44d14f520a3fb9')).toMatchObject({ kind: 'document', authors: 'S. Samekina, G. Issayeva', year: 2022 });
    const regions = await client.regions(2024);
    expect(regions.features).toHaveLength(20);
    expect((await client.regions(2018)).features).toHaveLength(17);
  });

  it('reports coverage: what is known per town and indicator, with sources', async () => {
    const c = await client.coverage();
    expect(c.towns).toHaveLength(27);
    const ridder = c.cells.find((x) => x.town === 'ridder' && x.indicator === 'population')!;
    const series = await client.observations('ridder', { indicator: 'population' });
    expect(ridder.values).toBe(series.length);
    expect(ridder.periods).toBe(new Set(series.map((o) => o.period)).size);
    expect(ridder.first).toBe(series.map((o) => o.period).sort()[0]);
    expect(ridder.latest).toBe(
      series
        .map((o) => o.period)
        .sort()
        .at(-1),
    );
    expect(ridder.sources.sort()).toEqual([...new Set(series.map((o) => o.source.id))].sort());
    for (const s of ridder.sources) expect(c.sources[s].title).toEqual(expect.any(String));
    expect(c.totals.observations).toBe(c.cells.reduce((n, x) => n + x.values, 0));
    expect(c.totals.possibleCells).toBe(27 * c.indicators.length);
  });

  it('lists the rule sets with their legal basis', async () => {
    const rs = await client.rulesets();
    expect(rs.map((r) => r.id)).toEqual(['kz-2012', 'kz-nrdp-2020', 'kz-nrdp-2020-industry-proxy', 'literature-2024', 'ru-709-2014']);
    expect(rs.find((r) => r.id === 'kz-2012')?.reference).toMatchObject({ number: '683', date: '2012-05-25' });
  });

  it('reproduces seed 002: Arkalyk and Kentau, judged by employment in industry, no longer meet the 2020–2025 definition', async () => {
    const items = await client.status(2022, 'kz-nrdp-2020-industry-proxy');
    expect(items).toHaveLength(27);
    for (const [town, share] of [
      ['arkalyk', 16.1],
      ['kentau', 7.1],
    ] as const) {
      const it = items.find((i) => i.town === town)!;
      expect(it.verdict).toBe('does_not_meet');
      const c = it.criteria.find((x) => x.proxy)!;
      expect(c).toMatchObject({ result: false, value: share, threshold: 20, proxy: { for: 'tfe_employment_share_pct', use: 'employment_industry_share_pct' } });
      expect(c.sources[0]).toMatchObject({ id: 'doc-002-7b44d14f520a3fb9', passage: expect.any(String) });
      expect(c.thresholdSources[0].reference.number).toBe('990');
      expect(it.proxies).toHaveLength(1);
    }
  });

  it('answers unknown, naming the missing inputs, where data is missing', async () => {
    const items = await client.status(2022, 'kz-nrdp-2020');
    expect(items.every((i) => i.verdict === 'unknown')).toBe(true);
    expect(items[0].missing).toEqual(expect.arrayContaining(['tfe_output_share_pct']));
    const town = await client.townStatus('ridder', 2014);
    expect(town.map((i) => i.ruleset).sort()).toEqual(['kz-2012', 'literature-2024', 'ru-709-2014']);
  });

  it.each([
    ['/api/v1/status', 'year', 400],
    ['/api/v1/status?year=abc', 'year', 400],
    ['/api/v1/towns/ridder/status?year=1800', 'year', 400],
  ])('answers %s with %s naming the parameter', async (path, param, code) => {
    const r = await get(path);
    expect(r.status).toBe(code);
    expect(r.body).toMatchObject({ code: 'invalid_argument', details: { parameter: param } });
  });

  it('answers an unknown rule set or town with 404', async () => {
    expect((await get('/api/v1/status?year=2015&ruleset=nope')).body).toMatchObject({ code: 'not_found', message: expect.stringContaining('kz-2012') });
    expect((await get('/api/v1/towns/atlantis/status?year=2015')).status).toBe(404);
    const notInForce = await get('/api/v1/status?year=2005&ruleset=kz-nrdp-2020');
    expect(notInForce.status).toBe(404);
    expect(notInForce.body.message).toMatch(/no version in force/);
  });

  it('runs the composite index on POST /index and explains bad configurations', async () => {
    const presets = await client.indexPresets();
    const ek = presets.find((p) => p.id === 'east-kazakhstan-2014')!;
    expect(ek.scored).toBe(4);
    expect(ek.unscored).toHaveLength(23);
    expect(ek.unscored[0].reason).toMatch(/no indicator has a value/);
    const result = await client.index(ek.config);
    const scored = result.units
      .filter((u) => u.rank !== null)
      .map((u) => u.unit)
      .sort();
    expect(scored).toEqual(['altai', 'kurchatov', 'ridder', 'serebryansk']);
    expect(result.units.find((u) => u.unit === 'ridder')?.uncertainty).toMatchObject({
      medianRank: expect.any(Number),
      p5: expect.any(Number),
      p95: expect.any(Number),
    });
    const res = await app.request('/api/v1/index', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2014', indicators: [], colour: 'red' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/colour/);
  });

  it('classifies every town four ways, with reasons and the published classes beside', async () => {
    const items = await client.typologies(2024);
    expect(items).toHaveLength(27 * 4);
    const kurchatov = items.find((i) => i.town === 'kurchatov' && i.typology === 'production_type')!;
    expect(kurchatov.class).toBe('research');
    expect(kurchatov.reasons[0].sourceRef?.url).toMatch(/^https?:/);
    expect(kurchatov.published).toEqual([expect.objectContaining({ class: 'research', source: expect.objectContaining({ id: 'doc-003-619b76c66df76652' }) })]);
    const state = items.find((i) => i.town === 'ridder' && i.typology === 'tfe_operating_state')!;
    expect(state.class).toBe('unknown');
    expect(state.missing.length).toBeGreaterThan(0);
    const compare = await client.typologiesCompare(2024);
    const op = compare.find((c) => c.typology === 'tfe_operating_state')!;
    expect(op.table.cells.filter((x) => x.published !== null).reduce((n, x) => n + x.count, 0)).toBe(27);
  });

  it('clusters towns on chosen indicators and explains when it cannot', async () => {
    const ok = await client.typologiesClusters(2021, ['population'], 2);
    expect(ok.labels ?? ok).toBeTruthy();
    const bad = await get('/api/v1/typologies/clusters?year=2021&indicators=Bad&k=2');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ parameter: 'indicators' });
  });

  it('explains the vulnerability score: components, what is missing, unknown when too little is known', async () => {
    const v = await client.vulnerability('serebryansk', 2024);
    expect(v.components.length).toBeGreaterThan(5);
    expect(v.band).toBe('unknown');
    expect(v.missing).toEqual(expect.arrayContaining(['tfe_output_share_pct']));
    expect((await get('/api/v1/towns/atlantis/vulnerability')).status).toBe(404);
    // The default year is the latest year of an actual figure: Rudny's 2046 population target does not count.
    expect((await client.vulnerability('rudny')).year).toBeLessThan(2030);
  });

  it('exports an index result as CSV and XLSX (compared by cells)', async () => {
    const config = (await client.indexPresets()).find((p) => p.id === 'east-kazakhstan-2014')!.config;
    const post = (format: string) =>
      app.request(`/api/v1/index/export?format=${format}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
    const csv = await (await post('csv')).text();
    const lines = csv.trim().split('\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual(['unit', 'rank', 'score', 'median_rank', 'rank_p5', 'rank_p95']);
    expect(lines[1].split(',').slice(0, 2)).toEqual(['serebryansk', '1']);
    expect(lines).toHaveLength(28);
    const res = await post('xlsx');
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = wb.getWorksheet('ranking')!;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value, sheet.getCell('B2').value]).toEqual(['unit', 'serebryansk', 1]);
    expect(sheet.rowCount).toBe(28);
    expect(wb.getWorksheet('warnings')!.rowCount).toBeGreaterThan(1);
  });

  it('scores program targets against actuals, never inventing a base', async () => {
    const card = await client.programScorecard('monotowns-development-2012-2020', '2016-01-01', 'kurchatov');
    const output = card.rows.find((r) => r.town === 'kurchatov' && r.status === 'missed')!;
    expect(output).toMatchObject({ basis: 'volume_index' });
    expect(output.actual?.value).toBe(51.2);
    expect(Math.round(output.achievementPct!)).toBe(-244);
    expect(card.rows.some((r) => r.status === 'not_computable' && r.reason)).toBe(true);
    const town = await client.townScorecard('kurchatov', '2016-01-01');
    expect(town.programs.map((p) => p.program)).toContain('monotowns-development-2012-2020');
    expect((await get('/api/v1/programs/monotowns-development-2012-2020/scorecard?asOf=2016-13-45')).status).toBe(400);
    expect((await get('/api/v1/programs/nope/scorecard')).status).toBe(404);
  });

  it('estimates impact on the reference data, or says why it cannot', async () => {
    const post = async (path: string, body: unknown) => {
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const did = await post('/api/v1/impact/did', { indicator: 'population', treated: ['kurchatov'], treatmentPeriod: '2012' });
    expect(did.status).toBe(200);
    expect(['ok', 'not_computable']).toContain(did.body.status);
    if (did.body.status === 'not_computable') expect(did.body.reason).toMatch(/^Not computable, because/);
    const synth = await post('/api/v1/impact/synth', { indicator: 'population', treated: 'kurchatov', treatmentPeriod: '2012' });
    expect(synth.status).toBe(200);
    expect(['ok', 'not_computable']).toContain(synth.body.status);
    const bad = await post('/api/v1/impact/did', { indicator: 'population', colour: 'red' });
    expect(bad.status).toBe(400);
    const none = await post('/api/v1/impact/did', { indicator: 'no_such_indicator', treated: ['kurchatov'], treatmentPeriod: '2012' });
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/no actual observations/);
  });

  it('shows where the money went and which ratios cannot be computed', async () => {
    const m = await client.programMoney('monotowns-development-2012-2020');
    expect(m.lines.length).toBeGreaterThan(0);
    expect(Object.values(m.totalsByStatus).every((x) => x > 0)).toBe(true);
    expect(m.utilisation).toMatchObject({ value: null, reason: expect.stringMatching(/funds used/) });
    const withJobs = m.lines.filter((l) => l.costPerJob);
    for (const l of withJobs) expect(l.costPerJob!.value === null ? l.costPerJob!.reason : l.costPerJob!.value).toBeTruthy();
  });

  it('keeps the revision history readable', async () => {
    const h = await client.history('khromtau', 'population', '1999');
    expect(h.map((r) => r.value).sort()).toEqual([21740, 23882, 24089]);
    expect(h[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('describes itself in OpenAPI 3.1 generated from the route schemas', async () => {
    const doc = (await get('/api/v1/openapi.json')).body as unknown as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/coverage',
        '/health',
        '/impact/did',
        '/impact/synth',
        '/index',
        '/index/export',
        '/index/presets',
        '/indicators',
        '/regions',
        '/programs',
        '/programs/{id}',
        '/programs/{id}/money',
        '/programs/{id}/scorecard',
        '/rulesets',
        '/status',
        '/towns/{id}/scorecard',
        '/towns/{id}/status',
        '/towns/{id}/vulnerability',
        '/typologies',
        '/typologies/clusters',
        '/typologies/compare',
        '/sources',
        '/towns',
        '/towns/{id}',
        '/towns/{id}/observations',
        '/towns/{id}/observations/history',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['TownSummary', 'Observation', 'Problem']));
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const r = await get('/api/v1/nothing');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
  });
});
