#!/usr/bin/env node
/** `monoqala`: thin commands over the services and the typed API client. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectExport } from '../app/export.service.js';
import { importBundle } from '../app/import.service.js';
import { createClient, type ApiClient } from '../client/api-client.js';
import { DomainError, invalidData, type DataIssue } from '../domain/errors.js';
import { exporterFor } from '../io/exporters/index.js';
import { readPath, readReferenceData } from '../io/reader.js';
import { emptyKnown, knownFrom, validateBundle } from '../app/validate.js';
import { configFromEnv, loadRulesOrThrow, openRuntime, PROJECT_ROOT, VERSION, webRootIfBuilt } from '../runtime.js';
import { evaluateStatus, inputsFromBundle, StatusService, type StatusItem } from '../app/status.service.js';
import { loadRules, loadScenarioFile } from '../io/rules.js';
import { classify, TypologyService, type TypologyItem } from '../app/typology.service.js';
import { ScorecardService } from '../app/scorecard.service.js';
import { runDid, runSynth, type ImpactObservation } from '../app/impact.service.js';
import { indexDataFromBundle, indexDataFromStore, runIndex, type IndexResult } from '../app/index.service.js';
import { runScenario } from '../domain/criteria/index.js';
import { createApp } from '../server/app.js';
import { startServer } from '../server/serve.js';

const HELP = `monoqala ${VERSION}: single-industry towns, their indicators and sources

Usage: monoqala <command> [options]

Commands:
  serve                          serve the web app and the API (PORT, HOST, DATA_DIR, DATABASE_URL)
  migrate                        create or update the database schema and load the reference data
  import <file or folder>        import CSV files in the shared formats (all or nothing)
  export --format csv|json <dir> write the whole dataset to a folder
  validate [file or folder]      check the reference data (or a file against it) without a database
  classify --year YYYY [--data DIR] [--format json|table]
                                 the four typologies of every town, computed with reasons, beside the published classes
  status --year YYYY [--ruleset ID] [--data DIR] [--format json|table]
                                 the legal status of every town under each rule set in force
  rules test [FILE]              run the scenario tests of the rules (or one scenario file)
  impact did --indicator CODE [--treated ID,… --treatment-period P] [--data DIR]
  impact synth --indicator CODE --treated ID --treatment-period P [--donors …] [--predictors …] [--data DIR]
                                 difference-in-differences or synthetic control (JSON)
  scorecard --program ID [--town ID] [--as-of YYYY-MM-DD] [--format json|table]
                                 program targets against actuals: achievement and status, with reasons
  index --config FILE|PRESET [--data DIR] [--format json|table]
                                 the composite index: scores, ranks, contributions, uncertainty
  towns [--lang kk|ru|en] [--json] [--api URL]
                                 list the towns with their latest population and its source
  help                           show this help

Configuration (environment): PORT (3000), HOST (127.0.0.1), DATA_DIR (./data),
DATABASE_URL (postgres://… selects PostgreSQL instead of the embedded PGlite).`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = configFromEnv();
  const envConfig = config;
  switch (command) {
    case 'serve': {
      const rt = await openRuntime(config);
      if (rt.loaded) console.error(`Loaded the reference data: ${rt.loaded.towns} towns, ${rt.loaded.observations.inserted} observations.`);
      const server = await startServer({ store: rt.store, rules: rt.rules, host: config.host, port: config.port, version: VERSION, webRoot: webRootIfBuilt() });
      console.log(`Monoqala is serving at ${server.url} (database: ${rt.store.kind}${rt.store.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`);
      let closing = false;
      const stop = async (signal: string) => {
        if (closing) return;
        closing = true;
        console.error(`${signal}: closing the server and the database…`);
        await server.close();
        await rt.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void stop('SIGTERM'));
      process.on('SIGINT', () => void stop('SIGINT'));
      return new Promise<number>(() => {}); // runs until a signal
    }
    case 'migrate': {
      const rt = await openRuntime(config);
      console.log(rt.applied.length ? `Applied migrations: ${rt.applied.join(', ')}` : 'The schema is up to date.');
      if (rt.loaded) console.log(`Loaded the reference data: ${JSON.stringify(rt.loaded)}`);
      await rt.close();
      return 0;
    }
    case 'import': {
      const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options: { actor: { type: 'string', default: 'cli' } } });
      if (positionals.length !== 1) throw new UsageError('import needs exactly one file or folder: monoqala import data/observations.csv');
      const path = resolve(positionals[0]);
      const { bundle, issues } = readPath(path);
      const rt = await openRuntime(config);
      try {
        const summary = await importBundle(rt.store, bundle, issues, values.actor ?? 'cli', `The import of ${positionals[0]}`);
        const o = summary.observations;
        console.log(
          `Imported ${positionals[0]}: ${summary.towns} towns, ${summary.enterprises} enterprises, ${summary.indicators} indicators, ${summary.sources} sources; observations: ${o.inserted} new, ${o.revised} revised, ${o.unchanged} unchanged.`,
        );
      } finally {
        await rt.close();
      }
      return 0;
    }
    case 'validate': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true });
      if (positionals.length > 1) throw new UsageError('validate takes at most one file or folder: monoqala validate data/observations');
      const reference = readReferenceData(PROJECT_ROOT);
      let issues: DataIssue[];
      let what: string;
      if (positionals.length === 0) {
        issues = [...reference.issues, ...validateBundle(reference.bundle, emptyKnown())];
        what = 'the reference data (data/ and catalogue/)';
      } else {
        const { bundle, issues: parseIssues } = readPath(resolve(positionals[0]));
        issues = [...parseIssues, ...validateBundle(bundle, knownFrom(reference.bundle))];
        what = positionals[0];
      }
      if (issues.length) throw invalidData(issues, `Validation of ${what}`);
      console.log(`${what}: no problems found.`);
      return 0;
    }
    case 'status': {
      const { values } = parseArgs({
        args: rest,
        options: { year: { type: 'string' }, ruleset: { type: 'string' }, data: { type: 'string' }, format: { type: 'string', default: 'table' } },
      });
      const year = Number(values.year);
      if (!values.year || !Number.isInteger(year)) throw new UsageError('status needs --year YYYY, e.g. monoqala status --year 2021');
      const format = formatOption(values.format);
      const rules = loadRulesOrThrow();
      let items: StatusItem[];
      if (values.data) {
        const { bundle, issues } = readPath(resolve(values.data));
        if (issues.length) throw invalidData(issues, `The data in ${values.data}`);
        items = evaluateStatus(rules, inputsFromBundle(bundle), year, values.ruleset);
      } else {
        const rt = await openRuntime(config);
        try {
          items = await new StatusService(rt.store, rules).status(year, values.ruleset);
        } finally {
          await rt.close();
        }
      }
      if (format === 'json') console.log(JSON.stringify(items, null, 2));
      else printStatusTable(items);
      return 0;
    }
    case 'index': {
      const { values } = parseArgs({
        args: rest,
        options: { config: { type: 'string' }, data: { type: 'string' }, format: { type: 'string', default: 'table' } },
      });
      if (!values.config)
        throw new UsageError('index needs --config FILE (a JSON configuration) or the id of a preset, e.g. monoqala index --config east-kazakhstan-2014');
      const format = formatOption(values.format);
      const rules = loadRulesOrThrow();
      const preset = rules.presets.find((p) => p.id === values.config);
      let config: unknown;
      if (preset) config = preset.config;
      else {
        const path = resolve(values.config);
        if (!existsSync(path))
          throw new UsageError(
            `--config: no file "${values.config}" and no preset with that id; presets: ${rules.presets.map((p) => p.id).join(', ') || 'none'}`,
          );
        try {
          config = JSON.parse(readFileSync(path, 'utf8'));
        } catch (e) {
          throw new UsageError(`--config: ${values.config} is not valid JSON: ${(e as Error).message}`);
        }
      }
      let result: IndexResult;
      if (values.data) {
        const { bundle, issues } = readPath(resolve(values.data));
        if (issues.length) throw invalidData(issues, `The data in ${values.data}`);
        result = runIndex(indexDataFromBundle(bundle), config);
      } else {
        const rt = await openRuntime(envConfig);
        try {
          result = runIndex(await indexDataFromStore(rt.store), config);
        } finally {
          await rt.close();
        }
      }
      if (format === 'json') console.log(JSON.stringify(result, null, 2));
      else printIndexTable(result);
      return 0;
    }
    case 'classify': {
      const { values } = parseArgs({
        args: rest,
        options: { year: { type: 'string' }, data: { type: 'string' }, format: { type: 'string', default: 'table' } },
      });
      const year = Number(values.year);
      if (!values.year || !Number.isInteger(year)) throw new UsageError('classify needs --year YYYY, e.g. monoqala classify --year 2024');
      const format = formatOption(values.format);
      const rules = loadRulesOrThrow();
      let items: TypologyItem[];
      if (values.data) {
        const { bundle, issues } = readPath(resolve(values.data));
        if (issues.length) throw invalidData(issues, `The data in ${values.data}`);
        const data = inputsFromBundle(bundle);
        const enterprises = bundle.enterprises.map((e, i) => ({
          id: i + 1,
          townId: e.town,
          name: e.name,
          owner: e.owner,
          product: e.product,
          naceSection: e.naceSection,
          note: e.note,
          sources: [],
          states: [],
        }));
        items = classify(rules, data, enterprises, year);
      } else {
        const rt = await openRuntime(envConfig);
        try {
          items = await new TypologyService(rt.store, rules).classify(year);
        } finally {
          await rt.close();
        }
      }
      if (format === 'json') console.log(JSON.stringify(items, null, 2));
      else
        for (const it of items) {
          const pub = it.published.length ? `  published: ${it.published.map((p) => `${p.class} (${p.period})`).join(', ')}` : '';
          console.log(
            `${it.typology.padEnd(22)} ${it.town.padEnd(12)} ${it.class.padEnd(11)}${it.missing.length ? ` missing: ${it.missing.join(', ')}` : ''}${pub}`,
          );
        }
      return 0;
    }
    case 'scorecard': {
      const { values } = parseArgs({
        args: rest,
        options: { program: { type: 'string' }, town: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string', default: 'table' } },
      });
      if (!values.program) throw new UsageError('scorecard needs --program ID, e.g. monoqala scorecard --program monotowns-development-2012-2020');
      const format = formatOption(values.format);
      // The clock is read here, at the edge.
      const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
      const rt = await openRuntime(envConfig);
      try {
        const card = await new ScorecardService(rt.store, rt.rules).forProgram(values.program, asOf, values.town);
        if (format === 'json') console.log(JSON.stringify(card, null, 2));
        else {
          console.log(`${card.programName.en} — as of ${card.asOf}`);
          for (const r of card.rows) {
            const ach = r.achievementPct === null ? '' : ` achievement ${r.achievementPct.toFixed(1)}%`;
            const act = r.actual ? ` actual ${r.actual.value} (${r.actual.period})` : '';
            console.log(`${r.target.padEnd(34)} ${r.town.padEnd(12)} ${r.status.padEnd(15)}${act}${ach}${r.reason ? `  — ${r.reason}` : ''}`);
          }
        }
      } finally {
        await rt.close();
      }
      return 0;
    }
    case 'impact': {
      const [method, ...args] = rest;
      if (method !== 'did' && method !== 'synth') throw new UsageError('impact needs a method: monoqala impact did … or monoqala impact synth …');
      const { values } = parseArgs({
        args,
        options: {
          data: { type: 'string' },
          indicator: { type: 'string' },
          treated: { type: 'string' },
          'treatment-period': { type: 'string' },
          donors: { type: 'string' },
          predictors: { type: 'string' },
          format: { type: 'string', default: 'json' },
        },
      });
      if (!values.indicator) throw new UsageError(`impact ${method} needs --indicator CODE`);
      const list = (v: string | undefined) =>
        v
          ? v
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : undefined;
      let observations: ImpactObservation[];
      if (values.data) {
        const { bundle, issues } = readPath(resolve(values.data));
        if (issues.length) throw invalidData(issues, `The data in ${values.data}`);
        observations = bundle.observations.map((o) => ({ town: o.town, indicator: o.indicator, period: o.period, value: o.value, status: o.status }));
      } else {
        const rt = await openRuntime(envConfig);
        try {
          observations = (await rt.store.repos.observations.list({})).map((o) => ({
            town: o.town,
            indicator: o.indicator,
            period: o.period,
            value: o.value,
            status: o.status,
          }));
        } finally {
          await rt.close();
        }
      }
      let result: unknown;
      if (method === 'did')
        result = runDid(observations, { indicator: values.indicator, treated: list(values.treated), treatmentPeriod: values['treatment-period'] });
      else {
        if (!values.treated || !values['treatment-period']) throw new UsageError('impact synth needs --treated ID and --treatment-period YYYY');
        result = runSynth(observations, {
          indicator: values.indicator,
          treated: values.treated,
          treatmentPeriod: values['treatment-period'],
          donors: list(values.donors),
          predictors: list(values.predictors),
        });
      }
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    case 'rules': {
      const [sub, ...args] = rest;
      if (sub !== 'test') throw new UsageError('rules has one subcommand: monoqala rules test [FILE]');
      const loaded = loadRules(PROJECT_ROOT);
      const extra = args[0] ? loadScenarioFile(PROJECT_ROOT, resolve(args[0]), loaded.rulesets) : null;
      const issues = [...loaded.issues, ...(extra?.issues ?? [])];
      if (issues.length) throw invalidData(issues, 'The rules');
      const scenarios = extra ? extra.scenarios : loaded.scenarios;
      let failed = 0;
      for (const s of scenarios) {
        const outcome = runScenario(s, loaded.rulesets, loaded.parameters);
        if (outcome.passed) console.log(`ok    ${s.file ?? ''}: ${s.name}`);
        else {
          failed++;
          console.log(`FAIL  ${s.file ?? ''}: ${s.name}\n${outcome.failures.map((f) => `        ${f}`).join('\n')}`);
        }
      }
      console.log(`${scenarios.length - failed} of ${scenarios.length} scenarios passed`);
      return failed ? 1 : 0;
    }
    case 'export': {
      const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', default: 'csv' } } });
      if (positionals.length !== 1) throw new UsageError('export needs a folder: monoqala export --format csv ./export');
      const exporter = exporterFor(values.format ?? 'csv');
      const rt = await openRuntime(config);
      try {
        const dir = resolve(positionals[0]);
        mkdirSync(dir, { recursive: true });
        const files = exporter.files(await collectExport(rt.store));
        for (const f of files) writeFileSync(join(dir, f.name), f.content);
        console.log(`Wrote ${files.map((f) => f.name).join(', ')} to ${dir}`);
      } finally {
        await rt.close();
      }
      return 0;
    }
    case 'towns': {
      const { values } = parseArgs({
        args: rest,
        options: { lang: { type: 'string', default: 'en' }, json: { type: 'boolean', default: false }, api: { type: 'string' } },
      });
      const lang = values.lang as 'kk' | 'ru' | 'en';
      if (!['kk', 'ru', 'en'].includes(lang)) throw new UsageError(`--lang must be kk, ru or en, not "${values.lang}"`);
      let client: ApiClient;
      let close = async () => {};
      if (values.api) client = createClient({ baseUrl: values.api });
      else {
        const rt = await openRuntime(config);
        const app = createApp({ store: rt.store, rules: rt.rules, version: VERSION });
        client = createClient({ baseUrl: 'http://cli.local', fetch: async (input, init) => app.request(input, init) });
        close = rt.close;
      }
      try {
        const towns = await client.towns();
        if (values.json) console.log(JSON.stringify(towns, null, 2));
        else {
          const rows = towns.map((t) => [
            t.id,
            t.name[lang],
            t.region?.name[lang] ?? '—',
            t.population ? `${t.population.value} (${t.population.year})` : '—',
            t.population?.source.url ?? t.population?.source.title ?? '',
          ]);
          const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
          for (const r of rows) console.log(r.map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c)).join('  '));
          console.log(`${towns.length} towns`);
        }
      } finally {
        await close();
      }
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    case '--version':
      console.log(VERSION);
      return 0;
    default:
      throw new UsageError(`"${command}" is not a command.`);
  }
}

function formatOption(v: string | undefined): 'json' | 'table' {
  if (v !== 'json' && v !== 'table') throw new UsageError(`--format must be json or table, not "${v}"`);
  return v;
}

function printIndexTable(r: IndexResult): void {
  const fmt = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));
  const rows = [...r.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit.localeCompare(b.unit));
  for (const u of rows) {
    const unc =
      u.uncertainty && u.uncertainty.medianRank !== null
        ? `  median rank ${fmt(u.uncertainty.medianRank, 1)} [${fmt(u.uncertainty.p5, 0)}–${fmt(u.uncertainty.p95, 0)}]`
        : '';
    console.log(`${String(u.rank ?? '—').padStart(3)}  ${u.unit.padEnd(14)} ${fmt(u.score).padStart(8)}${unc}${u.reason ? `  (${u.reason})` : ''}`);
  }
  for (const w of r.warnings) console.log(`warning: ${w.message}`);
}

function printStatusTable(items: StatusItem[]): void {
  const mark = (r: boolean | 'unknown') => (r === true ? 'yes' : r === false ? 'no' : '?');
  for (const it of items) {
    const crit = it.criteria.map((c) => `${c.id}=${mark(c.result)}${c.value !== null ? `(${c.value})` : ''}`).join(' ');
    const missing = it.missing.length ? `  missing: ${it.missing.join(', ')}` : '';
    console.log(`${it.ruleset.padEnd(28)} ${it.town.padEnd(12)} ${it.verdict.padEnd(13)} ${crit}${missing}`);
  }
  const counts = new Map<string, number>();
  for (const it of items) counts.set(`${it.ruleset} ${it.verdict}`, (counts.get(`${it.ruleset} ${it.verdict}`) ?? 0) + 1);
  console.log([...counts].map(([k, n]) => `${k}: ${n}`).join('; ') || 'no rule set in force that year');
}

/** Exits once stdout and stderr are flushed: a large JSON output to a pipe is never cut short. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (code) => exitAfterFlush(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`monoqala: ${err.message}\n\n${HELP}`);
    else if (err instanceof DomainError) console.error(`monoqala: ${err.message}`);
    else if (err instanceof Error && /ECONNREFUSED|ENOTFOUND|password authentication/.test(err.message))
      console.error(`monoqala: cannot reach the database (${err.message}). Check DATABASE_URL.`);
    else console.error(err);
    exitAfterFlush(err instanceof UsageError ? 2 : 1);
  },
);
