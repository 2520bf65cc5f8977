import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Store } from '../app/ports.js';
import { TownService } from '../app/town.service.js';
import { coverage } from '../app/coverage.service.js';
import { StatusService, type Rules } from '../app/status.service.js';
import { describePreset, indexDataFromStore, runIndex } from '../app/index.service.js';
import { TypologyService } from '../app/typology.service.js';
import { ScorecardService } from '../app/scorecard.service.js';
import { runDid, runSynth } from '../app/impact.service.js';
import { programMoney } from '../app/money.service.js';
import { indexCsv, indexXlsx } from '../io/exporters/index-result.exporter.js';
import { routes } from '../contract/api.js';
import { onError } from './errors.js';
import { notFound } from '../domain/errors.js';

export interface AppOptions {
  store: Store;
  /** The legal rules (rule sets and dated parameters), loaded once at start. */
  rules: Rules;
  version: string;
  /** Folder of the built web app; when absent only the API is served. */
  webRoot?: string;
}

function api(store: Store, version: string, rules: Rules) {
  const towns = new TownService(store);
  const status = new StatusService(store, rules);
  const typologies = new TypologyService(store, rules);
  const scorecards = new ScorecardService(store, rules);
  // The clock is read here, at the edge, and passed in as a date.
  const today = () => new Date().toISOString().slice(0, 10);
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const param = issue?.path.join('.') || 'request';
        return c.json({ code: 'invalid_argument', message: `Invalid "${param}": ${issue?.message ?? 'invalid value'}`, details: { parameter: param } }, 400);
      }
    },
  });
  app.openapi(routes.health, async (c) => {
    await store.ping();
    const [ids, observations] = await Promise.all([store.repos.towns.existingIds(), store.repos.observations.count()]);
    return c.json({ status: 'ok' as const, database: store.kind, towns: ids.size, observations, version }, 200);
  });
  app.openapi(routes.towns, async (c) => c.json(await towns.list(), 200));
  app.openapi(routes.town, async (c) => c.json(await towns.get(c.req.valid('param').id), 200));
  app.openapi(routes.observations, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      return c.json({ code: 'invalid_argument', message: `Invalid "from": ${q.from} is after "to" ${q.to}; swap them.`, details: { parameter: 'from' } }, 400);
    }
    const rows = await towns.observations(id, q);
    return c.json(
      rows.map(({ town: _town, ...o }) => o),
      200,
    );
  });
  app.openapi(routes.history, async (c) => {
    const { id } = c.req.valid('param');
    const { indicator, period } = c.req.valid('query');
    const rows = await towns.history(id, indicator, period);
    return c.json(
      rows.map(({ town: _town, recordedAt, ...o }) => ({ ...o, recordedAt: recordedAt.toISOString() })),
      200,
    );
  });
  app.openapi(routes.indicators, async (c) => c.json(await store.repos.catalogue.indicators(), 200));
  app.openapi(routes.coverage, async (c) => c.json(await coverage(store), 200));
  app.openapi(routes.rulesets, async (c) => c.json(status.rulesets(), 200));
  app.openapi(routes.status, async (c) => {
    const { year, ruleset } = c.req.valid('query');
    return c.json(await status.status(year, ruleset), 200);
  });
  app.openapi(routes.townStatus, async (c) => c.json(await status.townStatus(c.req.valid('param').id, c.req.valid('query').year), 200));
  app.openapi(routes.programs, async (c) =>
    c.json(
      rules.programs.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        legalAct: { type: p.legalAct.type, number: p.legalAct.number, date: p.legalAct.date, year: p.legalAct.year, title: p.legalAct.title },
        period: { from: p.period.from, to: p.period.to },
        counts: { directions: p.directions.length, instruments: p.instruments.length, targets: p.targets.length, budgetLines: p.budget.length },
      })),
      200,
    ),
  );
  app.openapi(routes.program, async (c) => {
    const { id } = c.req.valid('param');
    const p = rules.programs.find((x) => x.id === id);
    if (!p) throw notFound('program', id, `Known programs: ${rules.programs.map((x) => x.id).join(', ')}.`);
    return c.json(p as unknown as Record<string, unknown>, 200);
  });
  app.openapi(routes.index, async (c) => c.json(runIndex(await indexDataFromStore(store), c.req.valid('json')) as unknown as Record<string, unknown>, 200));
  app.openapi(routes.indexExport, async (c) => {
    const result = runIndex(await indexDataFromStore(store), c.req.valid('json'));
    if (c.req.valid('query').format === 'xlsx') {
      const bytes = await indexXlsx(result);
      return c.body(bytes as unknown as ArrayBuffer, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="monoqala-index-${result.period}.xlsx"`,
      });
    }
    return c.body(indexCsv(result), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="monoqala-index-${result.period}.csv"`,
    });
  });
  app.openapi(routes.indexPresets, async (c) => {
    const data = await indexDataFromStore(store);
    return c.json(
      rules.presets.map((p) => describePreset(p, data)),
      200,
    );
  });
  app.openapi(routes.typologies, async (c) => c.json(await typologies.classify(c.req.valid('query').year), 200));
  app.openapi(routes.typologiesCompare, async (c) =>
    c.json((await typologies.compare(c.req.valid('query').year)) as unknown as Record<string, unknown>[], 200),
  );
  app.openapi(routes.typologiesClusters, async (c) => {
    const { year, indicators, k } = c.req.valid('query');
    return c.json((await typologies.clusters(year, indicators.split(','), k)) as unknown as Record<string, unknown>, 200);
  });
  app.openapi(routes.vulnerability, async (c) =>
    c.json((await typologies.vulnerability(c.req.valid('param').id, c.req.valid('query').year)) as unknown as Record<string, unknown>, 200),
  );
  app.openapi(routes.programScorecard, async (c) => {
    const { asOf, town } = c.req.valid('query');
    return c.json((await scorecards.forProgram(c.req.valid('param').id, asOf ?? today(), town)) as unknown as Record<string, unknown>, 200);
  });
  app.openapi(routes.programMoney, async (c) => {
    const population = await store.repos.observations.list({ indicator: 'population' });
    const byTown = new Map<string, typeof population>();
    for (const o of population) byTown.set(o.town, [...(byTown.get(o.town) ?? []), o]);
    return c.json(programMoney(rules.programs, c.req.valid('param').id, byTown) as unknown as Record<string, unknown>, 200);
  });
  app.openapi(routes.townScorecard, async (c) =>
    c.json((await scorecards.forTown(c.req.valid('param').id, c.req.valid('query').asOf ?? today())) as unknown as Record<string, unknown>, 200),
  );
  const impactObservations = async () =>
    (await store.repos.observations.list({})).map((o) => ({ town: o.town, indicator: o.indicator, period: o.period, value: o.value, status: o.status }));
  app.openapi(routes.impactDid, async (c) => c.json(runDid(await impactObservations(), c.req.valid('json')) as unknown as Record<string, unknown>, 200));
  app.openapi(routes.impactSynth, async (c) => c.json(runSynth(await impactObservations(), c.req.valid('json')) as unknown as Record<string, unknown>, 200));
  app.openapi(routes.sources, async (c) => c.json(await store.repos.catalogue.sources(), 200));
  app.openapi(routes.regions, async (c) => {
    const layer = Number(c.req.valid('query').layer);
    const regions = await store.repos.towns.regions(layer);
    return c.json(
      {
        type: 'FeatureCollection' as const,
        features: regions
          .filter((r) => r.boundary)
          .map((r) => ({
            type: 'Feature' as const,
            properties: { id: r.id, pcode: r.pcode, layer: r.layer, name_en: r.name.en, name_ru: r.name.ru, name_kk: r.name.kk },
            geometry: r.boundary,
          })),
      },
      200,
    );
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Monoqala API',
      version,
      description: 'Single-industry towns (monotowns): registry, indicators and their sources. Every value carries its source.',
      license: { name: 'MIT' },
    },
  });
  app.onError(onError);
  return app;
}

export function createApp({ store, version, rules, webRoot }: AppOptions) {
  const app = new OpenAPIHono();
  app.route('/api/v1', api(store, version, rules));
  app.onError(onError);
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}; see /api/v1/openapi.json` }, 404)
      : c.text('Not found', 404),
  );
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: webRoot }));
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(index)));
  } else {
    app.get('/', (c) => c.text('Monoqala API is running at /api/v1. The web app is not built: run "npm run build:web".'));
  }
  return app;
}
