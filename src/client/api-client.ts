/**
 * The typed client of the Monoqala API, shared by the web app and the CLI. Its types
 * come from the contract's schemas (type-only import: no zod in the browser bundle).
 */
import type {
  CoverageDto,
  TypologyItemDto,
  IndexPresetDto,
  ProgramSummaryDto,
  RuleSetDto,
  StatusItemDto,
  HealthDto,
  IndicatorDto,
  ObservationDto,
  ObservationRevisionDto,
  ProblemDto,
  RegionCollectionDto,
  SourceDto,
  TownProfileDto,
  TownSummaryDto,
} from '../contract/api.js';

export type {
  TypologyItemDto,
  IndexPresetDto,
  ProgramSummaryDto,
  CoverageDto,
  RuleSetDto,
  StatusItemDto,
  HealthDto,
  IndicatorDto,
  ObservationDto,
  ObservationRevisionDto,
  RegionCollectionDto,
  SourceDto,
  TownProfileDto,
  TownSummaryDto,
};
export type { SourceRefDto } from '../contract/api.js';
import type { SourceRefDto } from '../contract/api.js';

/** The index result (its full shape: `CompositeJson` in src/domain/composite/json.ts). */
export type IndexResultDto = import('../domain/composite/json.js').CompositeJson;

/** The vulnerability result (its full shape: `VulnerabilityResult` in src/domain/vulnerability.ts). */
export type VulnerabilityDto = import('../domain/vulnerability.js').VulnerabilityResult;
/** Per typology: computed against published classes (`compareTypologies` in src/app/typology.service.ts). */
export type TypologyComparisonDto = {
  typology: string;
  label: { kk: string; ru: string; en: string };
  table: import('../domain/typology/confusion.js').ConfusionTable;
  conflicts: string[];
};
/** The data-driven typology (`DataDrivenResult` in src/domain/typology/data-driven.ts). */
export type ClustersDto = import('../domain/typology/data-driven.js').DataDrivenResult;

/** A program's scorecard (`Scorecard` in src/domain/targets/types.ts) with the program's name and the sources behind the keys. */
export type ScorecardDto = import('../domain/targets/types.js').Scorecard & {
  programName: { kk: string; ru: string; en: string };
  sources: Record<string, SourceRefDto>;
};
/** Every program target that applies to one town. */
export type TownScorecardDto = {
  town: string;
  asOf: string;
  programs: (import('../domain/targets/types.js').Scorecard & { programName: { kk: string; ru: string; en: string } })[];
  sources: Record<string, SourceRefDto>;
};

/** The answer of POST /impact/did: an estimate or "not computable", with the data warnings. */
export type ImpactDidDto = import('../domain/impact/index.js').DidResult & { dataWarnings: import('../app/impact.service.js').DataWarning[] };
/** The answer of POST /impact/synth: a synthetic control or "not computable", with the data warnings. */
export type ImpactSynthDto = import('../domain/impact/index.js').SynthResult & { dataWarnings: import('../app/impact.service.js').DataWarning[] };

/** A program's money view (`MoneyView` in src/app/money.service.ts). */
export type MoneyDto = import('../app/money.service.js').MoneyView;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:3000`; empty for same-origin in a browser. */
  baseUrl?: string;
  /** A fetch implementation; an in-process app's `request` works too. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

export interface ObservationQuery {
  indicator?: string;
  from?: number;
  to?: number;
}

export function createClient(opts: ClientOptions = {}) {
  const base = `${(opts.baseUrl ?? '').replace(/\/$/, '')}/api/v1`;
  const doFetch = opts.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));

  async function get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const qs = Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const res = await doFetch(`${base}${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } });
    const body = (await res.json().catch(() => null)) as unknown;
    if (!res.ok) {
      const p = (body ?? {}) as Partial<ProblemDto>;
      throw new ApiError(res.status, p.code ?? 'http_error', p.message ?? `HTTP ${res.status}`, p.details);
    }
    return body as T;
  }

  async function post<T>(path: string, body: unknown): Promise<T> {
    const res = await doFetch(`${base}${path}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const data = (await res.json().catch(() => null)) as unknown;
    if (!res.ok) {
      const p = (data ?? {}) as Partial<ProblemDto>;
      throw new ApiError(res.status, p.code ?? 'http_error', p.message ?? `HTTP ${res.status}`, p.details);
    }
    return data as T;
  }

  return {
    health: () => get<HealthDto>('/health'),
    towns: () => get<TownSummaryDto[]>('/towns'),
    town: (id: string) => get<TownProfileDto>(`/towns/${encodeURIComponent(id)}`),
    observations: (id: string, q: ObservationQuery = {}) => get<ObservationDto[]>(`/towns/${encodeURIComponent(id)}/observations`, { ...q }),
    history: (id: string, indicator: string, period: string) =>
      get<ObservationRevisionDto[]>(`/towns/${encodeURIComponent(id)}/observations/history`, { indicator, period }),
    indicators: () => get<IndicatorDto[]>('/indicators'),
    sources: () => get<SourceDto[]>('/sources'),
    coverage: () => get<CoverageDto>('/coverage'),
    rulesets: () => get<RuleSetDto[]>('/rulesets'),
    programScorecard: (id: string, asOf?: string, town?: string) => get<ScorecardDto>(`/programs/${encodeURIComponent(id)}/scorecard`, { asOf, town }),
    programMoney: (id: string) => get<MoneyDto>(`/programs/${encodeURIComponent(id)}/money`),
    townScorecard: (id: string, asOf?: string) => get<TownScorecardDto>(`/towns/${encodeURIComponent(id)}/scorecard`, { asOf }),
    typologies: (year: number) => get<TypologyItemDto[]>('/typologies', { year }),
    typologiesCompare: (year: number) => get<TypologyComparisonDto[]>('/typologies/compare', { year }),
    typologiesClusters: (year: number, indicators: string[], k = 3) => get<ClustersDto>('/typologies/clusters', { year, indicators: indicators.join(','), k }),
    vulnerability: (id: string, year?: number) => get<VulnerabilityDto>(`/towns/${encodeURIComponent(id)}/vulnerability`, { year }),
    index: (config: unknown) => post<IndexResultDto>('/index', config),
    /** The ranking of a configuration as a CSV file or an XLSX workbook (POST /index/export). */
    indexExport: async (config: unknown, format: 'csv' | 'xlsx'): Promise<Blob> => {
      const res = await doFetch(`${base}/index/export?format=${format}`, {
        method: 'POST',
        headers: {
          accept: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-type': 'application/json',
        },
        body: JSON.stringify(config),
      });
      if (!res.ok) {
        const p = ((await res.json().catch(() => null)) ?? {}) as Partial<ProblemDto>;
        throw new ApiError(res.status, p.code ?? 'http_error', p.message ?? `HTTP ${res.status}`, p.details);
      }
      return res.blob();
    },
    /** Difference-in-differences with an event study (POST /impact/did). */
    impactDid: (body: import('../app/impact.service.js').DidRequest) => post<ImpactDidDto>('/impact/did', body),
    /** A synthetic control with placebos (POST /impact/synth). */
    impactSynth: (body: import('../app/impact.service.js').SynthRequest) => post<ImpactSynthDto>('/impact/synth', body),
    indexPresets: () => get<IndexPresetDto[]>('/index/presets'),
    programs: () => get<ProgramSummaryDto[]>('/programs'),
    program: (id: string) => get<Record<string, unknown>>(`/programs/${encodeURIComponent(id)}`),
    status: (year: number, ruleset?: string) => get<StatusItemDto[]>('/status', { year, ruleset }),
    townStatus: (id: string, year: number) => get<StatusItemDto[]>(`/towns/${encodeURIComponent(id)}/status`, { year }),
    regions: (layer: 2018 | 2024 = 2024) => get<RegionCollectionDto>('/regions', { layer }),
  };
}

export type ApiClient = ReturnType<typeof createClient>;
