/**
 * The one API contract: these schemas validate requests at the HTTP edge, generate
 * the OpenAPI 3.1 document, and give the typed client its types.
 */
import { createRoute, z } from '@hono/zod-openapi';

export const LocalisedName = z.object({ en: z.string(), ru: z.string(), kk: z.string() }).openapi('LocalisedName');

export const SourceRef = z
  .object({
    id: z.string(),
    title: z.string().openapi({ description: 'Document title, or host and path of a URL' }),
    url: z.string().nullable(),
    passage: z.string().nullable().openapi({ description: 'Section, table or slide of the document; null for a URL' }),
  })
  .openapi('SourceRef');

export const Region = z.object({ id: z.string(), layer: z.number().int(), pcode: z.string(), name: LocalisedName }).openapi('Region');

export const Figure = z
  .object({
    value: z.number(),
    year: z.number().int(),
    source: SourceRef,
    note: z.string().nullable(),
    alternatives: z.array(z.object({ value: z.number(), source: SourceRef, note: z.string().nullable() })).openapi({
      description: 'Other figures for the same year from other sources, never dropped silently',
    }),
  })
  .openapi('Figure');

export const TownSummary = z
  .object({
    id: z.string().openapi({ example: 'ridder' }),
    name: LocalisedName,
    region: Region.nullable(),
    region2012: Region.nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    foundedYear: z.number().int().nullable(),
    townStatusYear: z.number().int().nullable(),
    mainIndustry: z.string().nullable(),
    fictional: z.boolean(),
    population: Figure.nullable().openapi({ description: 'The latest population figure with its source; null when none is known' }),
    industries: z.array(z.string()).openapi({ description: 'NACE (OKED) sections of the town-forming enterprises, most frequent first' }),
  })
  .openapi('TownSummary');

export const Observation = z
  .object({
    indicator: z.string(),
    period: z.string().openapi({ description: 'YYYY or YYYY-MM-DD' }),
    value: z.number().nullable(),
    valueText: z.string().nullable(),
    unit: z.string().openapi({ description: "The indicator's unit from the catalogue" }),
    status: z.enum(['actual', 'estimate', 'target', 'forecast']),
    source: SourceRef,
    note: z.string().nullable(),
    revision: z.number().int(),
  })
  .openapi('Observation');

export const ObservationRevision = Observation.extend({ recordedAt: z.string(), recordedBy: z.string() }).openapi('ObservationRevision');

export const EnterpriseState = z.object({
  state: z.enum(['full', 'partial', 'stopped']),
  since: z.string().nullable(),
  until: z.string().nullable(),
  employees: z.number().int().nullable(),
  source: SourceRef.nullable(),
  note: z.string().nullable(),
});

export const Enterprise = z
  .object({
    id: z.number().int(),
    name: z.string(),
    owner: z.string().nullable(),
    product: z.string().nullable(),
    naceSection: z.string().nullable(),
    note: z.string().nullable(),
    sources: z.array(SourceRef),
    states: z.array(EnterpriseState),
  })
  .openapi('Enterprise');

export const TownProfile = TownSummary.extend({
  enterprises: z.array(Enterprise),
  statusHistory: z.array(
    z.object({
      status: z.string(),
      since: z.string().nullable(),
      until: z.string().nullable(),
      basis: z.string().nullable(),
      basisId: z.string().nullable(),
      source: SourceRef.nullable(),
      note: z.string().nullable(),
    }),
  ),
  populationSeries: z.array(Observation),
  factSources: z.array(z.object({ field: z.string(), source: SourceRef, note: z.string().nullable() })),
}).openapi('TownProfile');

export const Indicator = z
  .object({
    code: z.string(),
    name: LocalisedName,
    unit: z.string(),
    dimension: z.string(),
    polarity: z.union([z.literal(1), z.literal(-1)]),
    kind: z.enum(['numeric', 'categorical']),
    definition: z.string().nullable(),
    source: z.string().nullable(),
  })
  .openapi('Indicator');

export const Source = z
  .object({
    id: z.string(),
    kind: z.enum(['url', 'document', 'dataset']),
    title: z.string(),
    authors: z.string().nullable(),
    year: z.number().int().nullable(),
    url: z.string().nullable(),
    file: z.string().nullable(),
    language: z.string().nullable(),
    licence: z.string().nullable(),
  })
  .openapi('Source');

export const Coverage = z
  .object({
    towns: z.array(z.object({ id: z.string(), name: LocalisedName })),
    indicators: z.array(z.object({ code: z.string(), name: LocalisedName, unit: z.string(), dimension: z.string(), kind: z.enum(['numeric', 'categorical']) })),
    cells: z.array(
      z.object({
        town: z.string(),
        indicator: z.string(),
        periods: z.number().int(),
        values: z.number().int(),
        first: z.string(),
        latest: z.string(),
        sources: z.array(z.string()),
      }),
    ),
    sources: z.record(z.string(), z.object({ title: z.string(), url: z.string().nullable() })),
    totals: z.object({ observations: z.number().int(), cells: z.number().int(), possibleCells: z.number().int(), sources: z.number().int() }),
  })
  .openapi('Coverage');

export const LegalReference = z
  .object({ act: z.string(), number: z.string().nullable(), date: z.string(), url: z.string().nullable(), passage: z.string().nullable() })
  .openapi('LegalReference');

export const RuleSetDoc = z
  .object({
    id: z.string(),
    label: LocalisedName,
    definition: LocalisedName.nullable(),
    wording: z.string().nullable(),
    kind: z.enum(['legal', 'literature', 'variant']),
    variantOf: z.string().nullable(),
    jurisdiction: z.string(),
    reference: LegalReference,
    note: z.string().nullable(),
    versions: z.array(
      z.object({
        since: z.string(),
        until: z.string().nullable(),
        reference: LegalReference.nullable(),
        note: z.string().nullable(),
        criterion: z.unknown().openapi({
          description:
            'The criterion tree: {all_of: [...]}, {any_of: [...]} or a leaf {id, type, label, indicator?, threshold?, min?, max?, years?, states?, proxy?}',
        }),
      }),
    ),
  })
  .openapi('RuleSet');

const Truth = z.union([z.boolean(), z.literal('unknown')]);
export const StatusCriterion = z
  .object({
    id: z.string(),
    type: z.string(),
    label: LocalisedName,
    result: Truth,
    value: z.union([z.number(), z.string()]).nullable(),
    period: z.string().nullable(),
    threshold: z.union([z.number(), z.object({ min: z.number(), max: z.number() }), z.array(z.string()).readonly()]),
    comparator: z.enum(['at_least', 'above', 'between', 'in', 'at_least_each_year']),
    sources: z.array(SourceRef),
    thresholdSources: z.array(
      z.object({ parameter: z.string(), value: z.number(), unit: z.string(), since: z.string(), until: z.string().nullable(), reference: LegalReference }),
    ),
    values: z.array(z.object({ period: z.string(), value: z.union([z.number(), z.string()]).nullable(), source: z.string() })),
    missing: z.array(z.string()),
    proxy: z.object({ for: z.string(), use: z.string(), label: LocalisedName }).optional(),
    note: z.string().optional(),
  })
  .openapi('StatusCriterion');

export const StatusItem = z
  .object({
    town: z.string(),
    ruleset: z.string(),
    rulesetLabel: LocalisedName,
    rulesetVersion: z.object({ since: z.string(), until: z.string().nullable() }),
    year: z.number().int(),
    date: z.string(),
    verdict: z.enum(['meets', 'does_not_meet', 'unknown']),
    criteria: z.array(StatusCriterion),
    missing: z.array(z.string()).openapi({ description: 'Inputs the criteria looked for and did not find' }),
    proxies: z.array(z.object({ for: z.string(), use: z.string(), label: LocalisedName })),
    notes: z.array(z.string()),
  })
  .openapi('StatusItem');

export const ProgramSummary = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: LocalisedName,
    legalAct: z.object({
      type: z.string().nullable(),
      number: z.string().nullable(),
      date: z.string().nullable(),
      year: z.number().int().nullable(),
      title: z.string().nullable(),
    }),
    period: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
    counts: z.object({ directions: z.number().int(), instruments: z.number().int(), targets: z.number().int(), budgetLines: z.number().int() }),
  })
  .openapi('ProgramSummary');

export const ProgramDoc = z.record(z.string(), z.unknown()).openapi('Program', {
  description:
    'The program as in rules/programs/<id>.yaml: legal act, validity, period, goals, directions, budget, instruments, targets, each item with its source',
});

export const IndexResult = z.record(z.string(), z.unknown()).openapi('IndexResult', {
  description:
    '{ period, units: [{ unit, score, rank, reason, groups, groupRanks, normalised, contributions, incomplete, imputed, uncertainty?: { medianRank, p5, p95 } }], weights, contributionsSumTo, imputed, incompleteUnits, audit: { correlations, cronbachAlpha, pca: { eigenvalues, loadings } }, uncertainty?, sensitivity?: { firstOrder, total }, warnings } — see docs/methods/composite-index.md',
});

export const IndexPresetDoc = z
  .object({
    id: z.string(),
    name: LocalisedName,
    description: z.string(),
    config: z.record(z.string(), z.unknown()),
    scored: z.number().int(),
    unscored: z.array(z.object({ unit: z.string(), reason: z.string().nullable() })),
  })
  .openapi('IndexPreset');

export const TypologyItem = z
  .object({
    town: z.string(),
    typology: z.enum(['tfe_operating_state', 'production_type', 'development_dynamics', 'economic_potential']),
    year: z.number().int(),
    date: z.string(),
    class: z.string().openapi({ description: 'The computed class, or "unknown" (then `missing` names what is needed)' }),
    reasons: z.array(
      z.object({
        code: z.string(),
        text: z.string(),
        value: z.union([z.number(), z.string()]).nullable(),
        threshold: z.unknown(),
        parameters: z.array(z.string()),
        period: z.string().nullable(),
        source: z.string().nullable(),
        sourceRef: SourceRef.nullable(),
      }),
    ),
    missing: z.array(z.string()),
    warnings: z.array(z.string()),
    published: z
      .array(z.object({ class: z.string(), period: z.string(), source: SourceRef }))
      .openapi({ description: 'The classes the literature publishes for the town, with their sources' }),
  })
  .openapi('TypologyItem');

export const Health = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), towns: z.number().int(), observations: z.number().int(), version: z.string() })
  .openapi('Health');

export const Problem = z
  .object({ code: z.string().openapi({ example: 'not_found' }), message: z.string(), details: z.record(z.string(), z.unknown()).optional() })
  .openapi('Problem');

export const RegionCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()), geometry: z.unknown() })),
  })
  .openapi('RegionCollection');

const year = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a year such as 2015` })
    .int(`${name} must be a whole year`)
    .min(1800, `${name} must be 1800 or later`)
    .max(2100, `${name} must be 2100 or earlier`)
    .optional()
    .openapi({ param: { name, in: 'query' }, example: 2015 });

const statusYear = z.coerce
  .number({ error: 'year must be a year such as 2015' })
  .int('year must be a whole year')
  .min(1900, 'year must be 1900 or later')
  .max(2100, 'year must be 2100 or earlier')
  .openapi({ param: { name: 'year', in: 'query' }, example: 2015 });

const asOfDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be a date written YYYY-MM-DD')
  .optional()
  .openapi({ param: { name: 'asOf', in: 'query' }, example: '2016-01-01', description: 'The date the scorecard is drawn up on; default today' });

const TownIdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ridder' }),
});
const indicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'indicator must be a snake_case indicator code such as population')
  .openapi({ param: { name: 'indicator', in: 'query' }, example: 'population' });

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const problems = { 400: json(Problem, 'Invalid parameter'), 404: json(Problem, 'Not found') };

export const routes = {
  health: createRoute({ method: 'get', path: '/health', tags: ['system'], responses: { 200: json(Health, 'The service and its database are up') } }),
  towns: createRoute({
    method: 'get',
    path: '/towns',
    tags: ['registry'],
    responses: { 200: json(z.array(TownSummary), 'All towns with their latest population') },
  }),
  town: createRoute({
    method: 'get',
    path: '/towns/{id}',
    tags: ['registry'],
    request: { params: TownIdParam },
    responses: { 200: json(TownProfile, 'The town profile'), ...problems },
  }),
  observations: createRoute({
    method: 'get',
    path: '/towns/{id}/observations',
    tags: ['indicators'],
    request: { params: TownIdParam, query: z.object({ indicator: indicatorCode.optional(), from: year('from'), to: year('to') }) },
    responses: { 200: json(z.array(Observation), 'The current revision of each observation, with its source'), ...problems },
  }),
  history: createRoute({
    method: 'get',
    path: '/towns/{id}/observations/history',
    tags: ['indicators'],
    request: {
      params: TownIdParam,
      query: z.object({
        indicator: indicatorCode,
        period: z
          .string()
          .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'period must be YYYY or YYYY-MM-DD')
          .openapi({ param: { name: 'period', in: 'query' }, example: '2021' }),
      }),
    },
    responses: { 200: json(z.array(ObservationRevision), 'Every revision of the observations of one indicator and period'), ...problems },
  }),
  indicators: createRoute({
    method: 'get',
    path: '/indicators',
    tags: ['indicators'],
    responses: { 200: json(z.array(Indicator), 'The indicator catalogue') },
  }),
  coverage: createRoute({
    method: 'get',
    path: '/coverage',
    tags: ['indicators'],
    responses: { 200: json(Coverage, 'For each town × indicator with data: periods, values, first and latest period, sources') },
  }),
  rulesets: createRoute({
    method: 'get',
    path: '/rulesets',
    tags: ['legal status'],
    responses: { 200: json(z.array(RuleSetDoc), 'The definitions of a monotown as dated rule sets with their legal basis') },
  }),
  status: createRoute({
    method: 'get',
    path: '/status',
    tags: ['legal status'],
    request: {
      query: z.object({
        year: statusYear,
        ruleset: z
          .string()
          .optional()
          .openapi({ param: { name: 'ruleset', in: 'query' }, example: 'kz-2012' }),
      }),
    },
    responses: { 200: json(z.array(StatusItem), 'One verdict per town and rule set in force that year, each criterion traced to its sources'), ...problems },
  }),
  townStatus: createRoute({
    method: 'get',
    path: '/towns/{id}/status',
    tags: ['legal status'],
    request: { params: TownIdParam, query: z.object({ year: statusYear }) },
    responses: { 200: json(z.array(StatusItem), "The town's verdict under every rule set in force that year"), ...problems },
  }),
  programs: createRoute({
    method: 'get',
    path: '/programs',
    tags: ['programs'],
    responses: { 200: json(z.array(ProgramSummary), 'The state programs the literature describes, with their legal acts') },
  }),
  program: createRoute({
    method: 'get',
    path: '/programs/{id}',
    tags: ['programs'],
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'monotowns-development-2012-2020' }) }) },
    responses: { 200: json(ProgramDoc, 'One program with its directions, instruments, targets and budget, each with its source'), ...problems },
  }),
  index: createRoute({
    method: 'post',
    path: '/index',
    tags: ['composite index'],
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.record(z.string(), z.unknown()).openapi({ description: 'The index configuration (docs/methods/composite-index.md)' }),
          },
        },
        required: true,
      },
    },
    responses: {
      200: json(IndexResult, 'Scores, ranks, contributions, audit, and uncertainty/sensitivity when asked for'),
      400: json(Problem, 'Invalid configuration'),
    },
  }),
  indexExport: createRoute({
    method: 'post',
    path: '/index/export',
    tags: ['composite index'],
    request: {
      query: z.object({
        format: z
          .enum(['csv', 'xlsx'])
          .default('csv')
          .openapi({ param: { name: 'format', in: 'query' } }),
      }),
      body: {
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'The index configuration' }) } },
        required: true,
      },
    },
    responses: {
      200: {
        description: 'The ranking as a CSV file or an XLSX workbook (ranking, weights, warnings)',
        content: {
          'text/csv': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      400: json(Problem, 'Invalid configuration'),
    },
  }),
  indexPresets: createRoute({
    method: 'get',
    path: '/index/presets',
    tags: ['composite index'],
    responses: { 200: json(z.array(IndexPresetDoc), 'Documented configurations for the reference data, with the towns each cannot score and why') },
  }),
  typologies: createRoute({
    method: 'get',
    path: '/typologies',
    tags: ['typologies'],
    request: { query: z.object({ year: statusYear }) },
    responses: {
      200: json(z.array(TypologyItem), 'Each typology for each town: the computed class with its reasons, and the published classes with their sources'),
      ...problems,
    },
  }),
  typologiesCompare: createRoute({
    method: 'get',
    path: '/typologies/compare',
    tags: ['typologies'],
    request: { query: z.object({ year: statusYear }) },
    responses: {
      200: json(z.array(z.record(z.string(), z.unknown())), 'Per typology: the confusion table of computed against published classes'),
      ...problems,
    },
  }),
  typologiesClusters: createRoute({
    method: 'get',
    path: '/typologies/clusters',
    tags: ['typologies'],
    request: {
      query: z.object({
        year: statusYear,
        indicators: z
          .string()
          .regex(/^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/, 'indicators must be comma-separated indicator codes')
          .openapi({ param: { name: 'indicators', in: 'query' }, example: 'population,avg_monthly_wage_kzt' }),
        k: z.coerce
          .number({ error: 'k must be a whole number of clusters' })
          .int('k must be a whole number')
          .min(1, 'k must be at least 1')
          .max(27, 'k must be at most 27')
          .default(3)
          .openapi({ param: { name: 'k', in: 'query' } }),
      }),
    },
    responses: {
      200: json(
        z.record(z.string(), z.unknown()),
        'Ward clustering on standardised indicators: dendrogram, clusters, and the adjusted Rand index against each published typology',
      ),
      ...problems,
    },
  }),
  vulnerability: createRoute({
    method: 'get',
    path: '/towns/{id}/vulnerability',
    tags: ['typologies'],
    request: { params: TownIdParam, query: z.object({ year: statusYear.optional() }) },
    responses: {
      200: json(
        z.record(z.string(), z.unknown()),
        'The explained vulnerability score: each component with value, source, normalised score, weight and contribution; missing components listed',
      ),
      ...problems,
    },
  }),
  programScorecard: createRoute({
    method: 'get',
    path: '/programs/{id}/scorecard',
    tags: ['programs'],
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'monotowns-development-2012-2020' }) }),
      query: z.object({
        asOf: asOfDate,
        town: z
          .string()
          .optional()
          .openapi({ param: { name: 'town', in: 'query' }, example: 'kurchatov' }),
      }),
    },
    responses: {
      200: json(
        z.record(z.string(), z.unknown()),
        'Per target and town: baseline, actual, achievement, status (achieved, on_track, at_risk, missed, not_computable with the reason), sources',
      ),
      ...problems,
    },
  }),
  programMoney: createRoute({
    method: 'get',
    path: '/programs/{id}/money',
    tags: ['programs'],
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'monotowns-development-2012-2020' }) }) },
    responses: {
      200: json(
        z.record(z.string(), z.unknown()),
        'Budget lines with cost per job and money per resident where computable, totals by status and by purpose, and why utilisation is not computable',
      ),
      ...problems,
    },
  }),
  townScorecard: createRoute({
    method: 'get',
    path: '/towns/{id}/scorecard',
    tags: ['programs'],
    request: { params: TownIdParam, query: z.object({ asOf: asOfDate }) },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'Every program target that applies to the town, evaluated'), ...problems },
  }),
  impactDid: createRoute({
    method: 'post',
    path: '/impact/did',
    tags: ['impact'],
    request: {
      body: {
        content: {
          'application/json': {
            schema: z
              .object({
                indicator: z.string().regex(/^[a-z][a-z0-9_]*$/, 'indicator must be an indicator code'),
                treated: z.array(z.string()).optional(),
                treatmentPeriod: z
                  .string()
                  .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'treatmentPeriod must be YYYY or YYYY-MM-DD')
                  .optional(),
              })
              .strict(),
          },
        },
        required: true,
      },
    },
    responses: {
      200: json(z.record(z.string(), z.unknown()), 'Two-way fixed-effects estimate, cluster-robust SE, event study; or not_computable with the reason'),
      ...problems,
    },
  }),
  impactSynth: createRoute({
    method: 'post',
    path: '/impact/synth',
    tags: ['impact'],
    request: {
      body: {
        content: {
          'application/json': {
            schema: z
              .object({
                indicator: z.string().regex(/^[a-z][a-z0-9_]*$/, 'indicator must be an indicator code'),
                treated: z.string(),
                treatmentPeriod: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'treatmentPeriod must be YYYY or YYYY-MM-DD'),
                donors: z.array(z.string()).optional(),
                predictors: z.array(z.string()).optional(),
              })
              .strict(),
          },
        },
        required: true,
      },
    },
    responses: {
      200: json(z.record(z.string(), z.unknown()), 'Donor weights, pre-treatment RMSPE, gaps, placebos; or not_computable with the reason'),
      ...problems,
    },
  }),
  sources: createRoute({ method: 'get', path: '/sources', tags: ['registry'], responses: { 200: json(z.array(Source), 'Every source the data cites') } }),
  regions: createRoute({
    method: 'get',
    path: '/regions',
    tags: ['registry'],
    request: {
      query: z.object({
        layer: z
          .enum(['2018', '2024'])
          .default('2024')
          .openapi({ param: { name: 'layer', in: 'query' } }),
      }),
    },
    responses: { 200: json(RegionCollection, 'Region boundaries as GeoJSON (geokz, CC BY 4.0)'), ...problems },
  }),
};

export type TownSummaryDto = z.infer<typeof TownSummary>;
export type TownProfileDto = z.infer<typeof TownProfile>;
export type ObservationDto = z.infer<typeof Observation>;
export type ObservationRevisionDto = z.infer<typeof ObservationRevision>;
export type IndicatorDto = z.infer<typeof Indicator>;
export type SourceDto = z.infer<typeof Source>;
export type HealthDto = z.infer<typeof Health>;
export type ProblemDto = z.infer<typeof Problem>;
export type CoverageDto = z.infer<typeof Coverage>;
export type ProgramSummaryDto = z.infer<typeof ProgramSummary>;
export type IndexPresetDto = z.infer<typeof IndexPresetDoc>;
export type TypologyItemDto = z.infer<typeof TypologyItem>;
export type RuleSetDto = z.infer<typeof RuleSetDoc>;
export type StatusItemDto = z.infer<typeof StatusItem>;
export type RegionCollectionDto = z.infer<typeof RegionCollection>;
export type SourceRefDto = z.infer<typeof SourceRef>;
