import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../runtime.js';
import { readReferenceData } from '../io/reader.js';

const REFERENCE_OBSERVATIONS = readReferenceData(PROJECT_ROOT).bundle.observations.length;
import { freePort } from '../../test/support/postgres.js';

/** The CLI as a user runs it: a separate process on an on-disk PGlite data directory. */
const dataDir = mkdtempSync(join(tmpdir(), 'mq-cli-'));
const work = mkdtempSync(join(tmpdir(), 'mq-cli-work-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/monoqala.js'), ...args], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe.sequential('monoqala CLI', () => {
  it('migrate creates the schema and loads the reference data once', () => {
    const first = cli('migrate');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Applied migrations: 0001_initial/);
    expect(first.out).toMatch(/"towns":27/);
    const second = cli('migrate');
    expect(second.out).toMatch(/The schema is up to date/);
    expect(second.out).not.toMatch(/Loaded/);
  });

  it('towns lists the 27 towns in the chosen language, through the typed client', () => {
    const r = cli('towns', '--lang', 'kk');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/27 towns/);
    expect(r.out).toMatch(/Жезқазған/);
    expect(r.out).toMatch(/Ұлытау облысы/);
  });

  it('import is all or nothing and its errors name file, row and column', () => {
    // Synthetic values only for a clearly fictional town.
    writeFileSync(join(work, 'fictional-towns.csv'), 'id,name_en,name_ru,name_kk,region,lat,lon,fictional\ntestville,Testville,Тествиль,Тествиль,,,,true\n');
    expect(cli('import', 'fictional-towns.csv').out).toMatch(/Imported fictional-towns\.csv: 1 towns/);
    writeFileSync(
      join(work, 'bad.csv'),
      'town,indicator,period,value,source\ntestville,unemployment_rate_pct,2014,4.2,https://example.org/a\natlantis,unemployment_rate_pct,2014,x,https://example.org/a\n',
    );
    const bad = cli('import', 'bad.csv');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/nothing was written/);
    expect(bad.err).toMatch(/bad\.csv, row 3, column "value": "x" is not a number/);
    expect(bad.err).toMatch(/bad\.csv, row 3, column "town": "atlantis" is not a known town id/);

    writeFileSync(join(work, 'good.csv'), 'town,indicator,period,value,source\ntestville,unemployment_rate_pct,2014,4.2,https://example.org/a\n');
    expect(cli('import', 'good.csv').out).toMatch(/1 new, 0 revised, 0 unchanged/);
    expect(cli('import', 'good.csv').out).toMatch(/0 new, 0 revised, 1 unchanged/);
    writeFileSync(join(work, 'good.csv'), 'town,indicator,period,value,source\ntestville,unemployment_rate_pct,2014,4.3,https://example.org/a\n');
    expect(cli('import', 'good.csv').out).toMatch(/0 new, 1 revised, 0 unchanged/);
  });

  it('export writes the shared formats, and importing them back changes nothing', () => {
    const r = cli('export', '--format', 'csv', 'out');
    expect(r.code).toBe(0);
    for (const f of ['towns.csv', 'observations.csv', 'indicators.csv', 'sources.csv', 'enterprises.csv'])
      expect(existsSync(join(work, 'out', f)), f).toBe(true);
    const obs = readFileSync(join(work, 'out', 'observations.csv'), 'utf8');
    expect(obs.split('\n')[0]).toBe('town,indicator,period,value,value_text,status,source,note');
    expect(obs).toMatch(/testville,unemployment_rate_pct,2014,4\.3,,actual,https:\/\/example\.org\/a,/);
    const back = cli('import', 'out');
    expect(back.code, back.err).toBe(0);
    expect(back.out).toContain(`observations: 0 new, 0 revised, ${REFERENCE_OBSERVATIONS + 1} unchanged`);
    expect(cli('export', '--format', 'json', 'json').code).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'json', 'towns.json'), 'utf8'))).toHaveLength(28);
  });

  it('validate checks the reference data, or a file against it, without a database', () => {
    const ok = cli('validate');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/no problems found/);
    writeFileSync(
      join(work, 'dup.csv'),
      'town,indicator,period,value,source,unit\nridder,population,2014,1,https://example.org/a,persons\nridder,population,2014,1,https://example.org/a,thousand persons\n',
    );
    const bad = cli('validate', 'dup.csv');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/dup\.csv, row 3, column "unit": unit "thousand persons" differs from the catalogue unit "persons"/);
    expect(bad.err).toMatch(/dup\.csv, row 3: exact duplicate of dup\.csv row 2/);
  });

  it("status evaluates another country's towns from a folder of CSV files, without importing them", () => {
    const r = cli('status', '--year', '2020', '--ruleset', 'ru-709-2014', '--data', join(PROJECT_ROOT, 'test/fixtures/other-country'), '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const items = JSON.parse(r.out) as { town: string; verdict: string; missing: string[] }[];
    expect(Object.fromEntries(items.map((i) => [i.town, i.verdict]))).toEqual({
      'fictional-east': 'unknown',
      'fictional-north': 'meets',
      'fictional-south': 'does_not_meet',
    });
    expect(items.find((i) => i.town === 'fictional-east')?.missing).toEqual(['tfe_employment_share_pct:2018']);
    const table = cli('status', '--year', '2022', '--ruleset', 'kz-nrdp-2020-industry-proxy');
    expect(table.out).toMatch(/kentau\s+does_not_meet/);
    expect(cli('status').err).toMatch(/status needs --year YYYY/);
  });

  it('index ranks any units from a folder of CSV files (hand-computed answer)', () => {
    const dir = join(PROJECT_ROOT, 'test/fixtures/index-example');
    const r = cli('index', '--config', join(dir, 'config.json'), '--data', dir, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { units: { unit: string; score: number | null; rank: number | null }[] };
    const got = Object.fromEntries(out.units.map((u) => [u.unit, [u.score === null ? null : Math.round(u.score * 1e9) / 1e9, u.rank]]));
    expect(got).toEqual({ a: [0.5, 2], b: [0.25, 3], c: [0.75, 1], d: [null, null] });
    const preset = cli('index', '--config', 'east-kazakhstan-2014');
    expect(preset.code, preset.err).toBe(0);
    expect(preset.out).toMatch(/serebryansk/);
    expect(cli('index', '--config', 'nope.json').err).toMatch(/no file "nope.json" and no preset/);
  });

  it('classify prints the typologies with the published classes', () => {
    const r = cli('classify', '--year', '2024', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const items = JSON.parse(r.out) as { town: string; typology: string; class: string }[];
    expect(items.find((i) => i.town === 'kurchatov' && i.typology === 'production_type')?.class).toBe('research');
    expect(cli('classify').err).toMatch(/classify needs --year/);
  });

  it('scorecard shows targets against actuals with reasons', () => {
    const r = cli('scorecard', '--program', 'monotowns-development-2012-2020', '--as-of', '2016-01-01', '--town', 'kurchatov');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/kurchatov-industrial-output-2015\s+kurchatov\s+missed\s+actual 51\.2 \(2015\) achievement -244\.0%/);
    expect(r.out).toMatch(/not_computable .*no base year/);
    expect(cli('scorecard').err).toMatch(/scorecard needs --program/);
  });

  it('impact did reproduces the textbook 2×2 and impact synth a constructed known answer', () => {
    const did = cli(
      'impact',
      'did',
      '--data',
      join(PROJECT_ROOT, 'test/fixtures/impact-did'),
      '--indicator',
      'fte_employment',
      '--treated',
      'nj',
      '--treatment-period',
      '1992-11-01',
    );
    expect(did.code, did.err).toBe(0);
    expect((JSON.parse(did.out) as { estimate: number }).estimate).toBeCloseTo(2.75, 9);
    const synth = cli(
      'impact',
      'synth',
      '--data',
      join(PROJECT_ROOT, 'test/fixtures/impact-synth'),
      '--indicator',
      'outcome',
      '--treated',
      'fictional-treated',
      '--treatment-period',
      '2015',
    );
    expect(synth.code, synth.err).toBe(0);
    const s = JSON.parse(synth.out) as { weights: Record<string, number>; rmspePre: number; gap: { period: string; gap: number }[] };
    expect(s.weights['fictional-a']).toBeCloseTo(0.3, 6);
    expect(s.weights['fictional-b']).toBeCloseTo(0.7, 6);
    expect(s.rmspePre).toBeLessThan(1e-6);
    for (const g of s.gap.filter((x) => x.period >= '2015')) expect(g.gap).toBeCloseTo(5, 5);
    const placebos = (JSON.parse(synth.out) as { placebos: { unit: string; gap?: { period: string }[] }[] }).placebos;
    expect(placebos.map((p) => p.unit).sort()).toEqual(['fictional-a', 'fictional-b', 'fictional-c', 'fictional-d']);
    for (const p of placebos) if (p.gap) expect(p.gap).toHaveLength(s.gap.length);
    expect(placebos.some((p) => p.gap)).toBe(true);
    expect(cli('impact', 'nope').err).toMatch(/impact needs a method/);
  });

  it('rules test runs the scenario tests', () => {
    const r = cli('rules', 'test');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/(\d+) of \1 scenarios passed/);
    writeFileSync(
      join(work, 'wrong.yaml'),
      'cases:\n  - name: deliberately wrong\n    ruleset: ru-709-2014\n    year: 2020\n    input: { observations: [] }\n    expected: { verdict: meets }\n',
    );
    const wrong = cli('rules', 'test', 'wrong.yaml');
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/FAIL .*deliberately wrong/);
  });

  it('explains usage errors with a non-zero exit', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/"frobnicate" is not a command/);
    const f = cli('export', '--format', 'xml', 'x');
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/use one of csv, json/);
    expect(cli('import').err).toMatch(/import needs exactly one file or folder/);
  });

  it('serve answers on the configured port, closes the database on SIGTERM, and a restart keeps the data', async () => {
    for (const round of [1, 2]) {
      const port = await freePort();
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/monoqala.js'), 'serve'], {
        cwd: work,
        env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
      });
      let log = '';
      child.stdout.on('data', (d) => (log += d));
      child.stderr.on('data', (d) => (log += d));
      const deadline = Date.now() + 60_000;
      while (!log.includes('serving at') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const health = (await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json()) as { observations: number };
      expect(health.observations, `round ${round}`).toBe(REFERENCE_OBSERVATIONS + 1);
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(log).toMatch(/SIGTERM: closing the server and the database/);
      expect(log).not.toMatch(/Loaded the reference data/);
    }
  });
});
