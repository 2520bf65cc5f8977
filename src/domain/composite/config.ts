/**
 * The composite-index configuration (JSON), validated strictly: unknown keys are an error that
 * names them, a wrong type names the field path, and every problem is reported at once.
 */
import { DomainError } from '../errors.js';
import { AGGREGATION_NAMES, type AggregationName } from './aggregate.js';
import { IMPUTATION_NAMES, type ImputationName } from './impute.js';
import { NORMALISATION_NAMES, type NormalisationName } from './normalise.js';
import { TRANSFORM_NAMES, type TransformName } from './transform.js';
import { WEIGHT_SCHEMES, type WeightScheme } from './weights.js';

export interface IndicatorConfig {
  readonly code: string;
  /** The group the indicator belongs to; null = directly in the index. */
  readonly group: string | null;
  /** Relative weight within its group (default 1). */
  readonly weight: number;
  readonly transform: TransformName;
  /** minmax goalposts [low, high] on the scale of the values being normalised: after the transform, before polarity (as COINr). */
  readonly goalposts: readonly [number, number] | null;
  /** Overrides the polarity from the indicator metadata; null = use the metadata. */
  readonly polarity: 1 | -1 | null;
  /** distance_to_target target, on the same scale as the goalposts (after the transform, before polarity). */
  readonly target: number | null;
}

export interface GroupConfig {
  readonly code: string;
  readonly weight: number;
  /** The parent group; null = directly in the index. */
  readonly parent: string | null;
}

export type NormalisationConfig =
  | { readonly method: 'minmax'; readonly range: readonly [number, number] }
  | { readonly method: 'zscore' }
  | { readonly method: 'rank' }
  | { readonly method: 'distance_to_target'; readonly cap: boolean };

/**
 * A normalisation alternative for the uncertainty analysis. A null parameter is taken from the
 * nominal normalisation when that uses the same method, else from the method's default.
 */
export type NormalisationAlternative =
  | { readonly method: 'minmax'; readonly range: readonly [number, number] | null }
  | { readonly method: 'zscore' }
  | { readonly method: 'rank' }
  | { readonly method: 'distance_to_target'; readonly cap: boolean | null };

export interface UncertaintyConfig {
  readonly runs: number;
  readonly seed: number;
  /** ± relative noise on every indicator and group weight, or per code (unlisted codes: 0). */
  readonly weightNoise: number | Readonly<Record<string, number>>;
  /** Alternatives sampled uniformly; null = only the nominal method. */
  readonly normalisation: readonly NormalisationAlternative[] | null;
  readonly aggregation: readonly AggregationName[] | null;
  readonly imputation: readonly ImputationName[] | null;
}

export interface SensitivityConfig {
  /** Base sample size N; the analysis runs the index N·(k + 2) times for k assumptions. */
  readonly samples: number;
  /** null = the uncertainty seed. */
  readonly seed: number | null;
  readonly output: 'rank' | 'score';
  /** null = the mean absolute change over all units (COINr); else that unit's rank or score. */
  readonly unit: string | null;
  /** "together": all weights are one assumption (COINr); "each": one assumption per weight. */
  readonly weights: 'together' | 'each';
}

export interface CompositeConfig {
  readonly period: string;
  readonly indicators: readonly IndicatorConfig[];
  readonly groups: readonly GroupConfig[];
  readonly imputation: ImputationName;
  readonly normalisation: NormalisationConfig;
  readonly weights: WeightScheme;
  readonly aggregation: AggregationName;
  readonly uncertainty: UncertaintyConfig | null;
  readonly sensitivity: SensitivityConfig | null;
}

export interface ConfigIssue {
  path: string;
  message: string;
}

const ROOT_KEYS = ['period', 'indicators', 'groups', 'imputation', 'normalisation', 'weights', 'aggregation', 'uncertainty', 'sensitivity'];
const INDICATOR_KEYS = ['code', 'group', 'weight', 'transform', 'goalposts', 'polarity', 'target'];
const GROUP_KEYS = ['code', 'weight', 'parent'];
const UNCERTAINTY_KEYS = ['runs', 'seed', 'weightNoise', 'normalisation', 'aggregation', 'imputation'];
const SENSITIVITY_KEYS = ['samples', 'seed', 'output', 'unit', 'weights'];
const NORMALISATION_KEYS: Record<NormalisationName, string[]> = {
  minmax: ['method', 'range'],
  zscore: ['method'],
  rank: ['method'],
  distance_to_target: ['method', 'cap'],
};

export const DEFAULT_NORMALISATION: NormalisationConfig = { method: 'minmax', range: [0, 1] };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the text ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const quoteAll = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

class Checker {
  readonly issues: ConfigIssue[] = [];
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
  object(v: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | null {
    if (!isObject(v)) {
      this.add(path, `expected an object, got ${describe(v)}`);
      return null;
    }
    const unknown = Object.keys(v).filter((k) => !allowed.includes(k));
    for (const k of unknown) this.add(path ? `${path}.${k}` : k, `unknown key "${k}"; the keys here are ${quoteAll(allowed)}`);
    return v;
  }
  text(v: unknown, path: string): string | null {
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.add(path, `expected a non-empty text, got ${describe(v)}`);
    return null;
  }
  number(v: unknown, path: string, what: string, ok: (x: number) => boolean): number | null {
    if (typeof v === 'number' && Number.isFinite(v) && ok(v)) return v;
    this.add(path, `expected ${what}, got ${describe(v)}`);
    return null;
  }
  oneOf<T extends string>(v: unknown, path: string, names: readonly T[]): T | null {
    if (typeof v === 'string' && (names as readonly string[]).includes(v)) return v as T;
    this.add(path, `expected one of ${quoteAll(names)}, got ${describe(v)}`);
    return null;
  }
  list(v: unknown, path: string): unknown[] | null {
    if (Array.isArray(v) && v.length > 0) return v;
    this.add(path, `expected a non-empty array, got ${Array.isArray(v) ? 'an empty array' : describe(v)}`);
    return null;
  }
}

const isWhole = (x: number) => Number.isSafeInteger(x);

function pair(c: Checker, v: unknown, path: string): [number, number] | null {
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    if (v[0] < v[1]) return [v[0], v[1]];
    c.add(path, `the first number must be below the second, got [${v[0]}, ${v[1]}]`);
    return null;
  }
  c.add(path, `expected two numbers [low, high], got ${describe(v)}`);
  return null;
}

function normalisation(c: Checker, v: unknown, path: string, alternative: boolean): NormalisationAlternative | null {
  const raw = typeof v === 'string' ? { method: v } : v;
  const o = c.object(raw, path, ['method', 'range', 'cap']);
  if (!o) return null;
  const method = c.oneOf(o.method, typeof v === 'string' ? path : `${path}.method`, NORMALISATION_NAMES);
  if (!method) return null;
  for (const k of Object.keys(o)) {
    if (k !== 'method' && (k === 'range' || k === 'cap') && !NORMALISATION_KEYS[method].includes(k)) {
      c.add(`${path}.${k}`, `"${k}" applies only to ${k === 'range' ? '"minmax"' : '"distance_to_target"'}, not to "${method}"`);
    }
  }
  if (method === 'minmax') {
    if (o.range === undefined || o.range === null) return { method, range: alternative ? null : [0, 1] };
    const range = pair(c, o.range, `${path}.range`);
    return range ? { method, range } : null;
  }
  if (method === 'distance_to_target') {
    if (o.cap === undefined || o.cap === null) return { method, cap: alternative ? null : false };
    if (typeof o.cap !== 'boolean') {
      c.add(`${path}.cap`, `expected true or false, got ${describe(o.cap)}`);
      return null;
    }
    return { method, cap: o.cap };
  }
  return { method };
}

function weightOf(c: Checker, v: unknown, path: string): number {
  if (v === undefined) return 1;
  return c.number(v, path, 'a weight: a number ≥ 0', (x) => x >= 0) ?? 1;
}

/**
 * Parses and validates a configuration. Accepts raw JSON or an already parsed configuration
 * (parsing is idempotent). Throws a `DomainError` ("invalid_argument") listing every problem.
 */
export function parseConfig(raw: unknown): CompositeConfig {
  const c = new Checker();
  const root = c.object(raw, '', ROOT_KEYS);
  if (!root) throw configError(c.issues);

  const period =
    root.period === undefined ? (c.add('period', 'is required: the period the values are for, e.g. "2021"'), '') : (c.text(root.period, 'period') ?? '');

  const indicators: IndicatorConfig[] = [];
  const rawIndicators =
    root.indicators === undefined ? (c.add('indicators', 'is required: a non-empty array of indicators'), []) : (c.list(root.indicators, 'indicators') ?? []);
  rawIndicators.forEach((v, i) => {
    const path = `indicators[${i}]`;
    const o = c.object(v, path, INDICATOR_KEYS);
    if (!o) return;
    const code = c.text(o.code, `${path}.code`) ?? `#${i}`;
    const group = o.group === undefined || o.group === null ? null : c.text(o.group, `${path}.group`);
    const transform = o.transform === undefined ? 'none' : (c.oneOf(o.transform, `${path}.transform`, TRANSFORM_NAMES) ?? 'none');
    const goalposts = o.goalposts === undefined || o.goalposts === null ? null : pair(c, o.goalposts, `${path}.goalposts`);
    let polarity: 1 | -1 | null = null;
    if (o.polarity !== undefined && o.polarity !== null) {
      if (o.polarity === 1 || o.polarity === -1) polarity = o.polarity;
      else c.add(`${path}.polarity`, `expected 1 (higher is better) or -1 (lower is better), got ${describe(o.polarity)}`);
    }
    const target = o.target === undefined || o.target === null ? null : c.number(o.target, `${path}.target`, 'a number', () => true);
    indicators.push({ code, group, weight: weightOf(c, o.weight, `${path}.weight`), transform, goalposts, polarity, target });
  });

  const groups: GroupConfig[] = [];
  const rawGroups =
    root.groups === undefined || root.groups === null
      ? []
      : Array.isArray(root.groups)
        ? root.groups
        : (c.add('groups', `expected an array, got ${describe(root.groups)}`), []);
  rawGroups.forEach((v, g) => {
    const path = `groups[${g}]`;
    const o = c.object(v, path, GROUP_KEYS);
    if (!o) return;
    const code = c.text(o.code, `${path}.code`) ?? `#${g}`;
    const parent = o.parent === undefined || o.parent === null ? null : c.text(o.parent, `${path}.parent`);
    groups.push({ code, weight: weightOf(c, o.weight, `${path}.weight`), parent });
  });
  checkStructure(c, indicators, groups);

  const imputation = root.imputation === undefined ? 'none' : (c.oneOf(root.imputation, 'imputation', IMPUTATION_NAMES) ?? 'none');
  const nominal =
    root.normalisation === undefined
      ? DEFAULT_NORMALISATION
      : ((normalisation(c, root.normalisation, 'normalisation', false) as NormalisationConfig | null) ?? DEFAULT_NORMALISATION);
  const weights = root.weights === undefined ? 'explicit' : (c.oneOf(root.weights, 'weights', WEIGHT_SCHEMES) ?? 'explicit');
  const aggregation = root.aggregation === undefined ? 'arithmetic' : (c.oneOf(root.aggregation, 'aggregation', AGGREGATION_NAMES) ?? 'arithmetic');

  const codes = new Set([...indicators.map((x) => x.code), ...groups.map((x) => x.code)]);
  const uncertainty = root.uncertainty === undefined || root.uncertainty === null ? null : parseUncertainty(c, root.uncertainty, codes);
  const sensitivity = root.sensitivity === undefined || root.sensitivity === null ? null : parseSensitivity(c, root.sensitivity);
  if (sensitivity && !uncertainty)
    c.add('sensitivity', 'needs an "uncertainty" section: it says which assumptions vary (weights, normalisation, aggregation, imputation)');

  const methods = [nominal.method, ...(uncertainty?.normalisation ?? []).map((n) => n.method)];
  if (methods.includes('distance_to_target')) {
    indicators.forEach((ind, i) => {
      if (ind.target === null)
        c.add(
          `indicators[${i}].target`,
          `is required because normalisation "distance_to_target" is used; give the target on the indicator's scale (after its transform)`,
        );
    });
  }

  if (c.issues.length > 0) throw configError(c.issues);
  return { period, indicators, groups, imputation, normalisation: nominal, weights, aggregation, uncertainty, sensitivity };
}

function checkStructure(c: Checker, indicators: readonly IndicatorConfig[], groups: readonly GroupConfig[]): void {
  const seen = new Map<string, string>();
  indicators.forEach((x, i) => {
    if (seen.has(x.code)) c.add(`indicators[${i}].code`, `"${x.code}" is listed twice`);
    seen.set(x.code, 'indicator');
  });
  const groupIndex = new Map<string, number>();
  groups.forEach((g, k) => {
    if (seen.get(g.code) === 'indicator') c.add(`groups[${k}].code`, `"${g.code}" is also an indicator code; group and indicator codes must differ`);
    else if (groupIndex.has(g.code)) c.add(`groups[${k}].code`, `"${g.code}" is listed twice`);
    groupIndex.set(g.code, k);
  });
  const groupCodes = groups.map((g) => g.code);
  const members = new Map<string, number>();
  indicators.forEach((x, i) => {
    if (x.group === null) return;
    if (!groupIndex.has(x.group))
      c.add(`indicators[${i}].group`, `unknown group "${x.group}"; ${groupCodes.length ? `the groups are ${quoteAll(groupCodes)}` : 'add it to "groups"'}`);
    else members.set(x.group, (members.get(x.group) ?? 0) + 1);
  });
  groups.forEach((g, k) => {
    if (g.parent === null) return;
    if (!groupIndex.has(g.parent)) c.add(`groups[${k}].parent`, `unknown group "${g.parent}"; the groups are ${quoteAll(groupCodes)}`);
    else members.set(g.parent, (members.get(g.parent) ?? 0) + 1);
  });
  groups.forEach((g, k) => {
    const path: string[] = [g.code];
    for (let at = g.parent; at !== null && groupIndex.has(at); at = groups[groupIndex.get(at)!].parent) {
      if (path.includes(at)) {
        c.add(`groups[${k}].parent`, `groups form a cycle: ${[...path, at].join(' → ')}`);
        break;
      }
      path.push(at);
    }
    if (!members.has(g.code)) c.add(`groups[${k}]`, `group "${g.code}" has no indicators or subgroups; remove it or assign indicators to it`);
  });
}

function parseUncertainty(c: Checker, v: unknown, codes: ReadonlySet<string>): UncertaintyConfig | null {
  const o = c.object(v, 'uncertainty', UNCERTAINTY_KEYS);
  if (!o) return null;
  const runs = c.number(o.runs, 'uncertainty.runs', 'a whole number of runs between 1 and 10000000', (x) => isWhole(x) && x >= 1 && x <= 1e7) ?? 1;
  const seed = c.number(o.seed, 'uncertainty.seed', 'a whole number (the random seed)', isWhole) ?? 1;
  let weightNoise: number | Record<string, number> = 0;
  const isNoise = (x: number) => x >= 0 && x <= 1;
  if (isObject(o.weightNoise)) {
    const noise: Record<string, number> = {};
    for (const [code, x] of Object.entries(o.weightNoise)) {
      if (!codes.has(code)) c.add(`uncertainty.weightNoise.${code}`, `unknown indicator or group "${code}"`);
      noise[code] = c.number(x, `uncertainty.weightNoise.${code}`, 'a relative noise between 0 and 1', isNoise) ?? 0;
    }
    weightNoise = noise;
  } else if (o.weightNoise !== undefined && o.weightNoise !== null) {
    weightNoise =
      c.number(o.weightNoise, 'uncertainty.weightNoise', 'a relative noise between 0 and 1 (e.g. 0.25 for ±25%), or an object of them per code', isNoise) ?? 0;
  }
  const listOf = <T>(key: string, each: (x: unknown, path: string) => T | null): T[] | null => {
    const raw = o[key];
    if (raw === undefined || raw === null) return null;
    const xs = c.list(raw, `uncertainty.${key}`);
    if (!xs) return null;
    return xs.map((x, i) => each(x, `uncertainty.${key}[${i}]`)).filter((x): x is T => x !== null);
  };
  return {
    runs,
    seed,
    weightNoise,
    normalisation: listOf('normalisation', (x, path) => normalisation(c, x, path, true)),
    aggregation: listOf('aggregation', (x, path) => c.oneOf(x, path, AGGREGATION_NAMES)),
    imputation: listOf('imputation', (x, path) => c.oneOf(x, path, IMPUTATION_NAMES)),
  };
}

function parseSensitivity(c: Checker, v: unknown): SensitivityConfig | null {
  const o = c.object(v, 'sensitivity', SENSITIVITY_KEYS);
  if (!o) return null;
  return {
    samples: c.number(o.samples, 'sensitivity.samples', 'a whole number of base samples between 2 and 1000000', (x) => isWhole(x) && x >= 2 && x <= 1e6) ?? 2,
    seed: o.seed === undefined || o.seed === null ? null : c.number(o.seed, 'sensitivity.seed', 'a whole number (the random seed)', isWhole),
    output: o.output === undefined ? 'rank' : (c.oneOf(o.output, 'sensitivity.output', ['rank', 'score'] as const) ?? 'rank'),
    unit: o.unit === undefined || o.unit === null ? null : c.text(o.unit, 'sensitivity.unit'),
    weights: o.weights === undefined ? 'together' : (c.oneOf(o.weights, 'sensitivity.weights', ['together', 'each'] as const) ?? 'together'),
  };
}

function configError(issues: readonly ConfigIssue[]): DomainError {
  const lines = issues.slice(0, 30).map((i) => `  - ${i.path || '(the configuration)'}: ${i.message}`);
  if (issues.length > 30) lines.push(`  … and ${issues.length - 30} more`);
  return new DomainError(
    'invalid_argument',
    `The composite-index configuration has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was computed. Fix ${issues.length === 1 ? 'it' : 'them'} and run again:\n${lines.join('\n')}`,
    { issues },
  );
}

/** Changes to replay a run with: any step's setting, per-indicator and per-group patches. */
export interface RunOverrides {
  imputation?: ImputationName;
  normalisation?: NormalisationName | { method: NormalisationName; range?: readonly [number, number]; cap?: boolean };
  weights?: WeightScheme;
  aggregation?: AggregationName;
  /** Patches per indicator code, e.g. { patents: { transform: "ln", weight: 2 } }. */
  indicators?: Readonly<Record<string, Partial<Omit<IndicatorConfig, 'code'>>>>;
  /** Patches per group code, e.g. { creation: { weight: 2 } }. */
  groups?: Readonly<Record<string, Partial<Omit<GroupConfig, 'code'>>>>;
  /** Merged key by key into the current section; null removes it. */
  uncertainty?: Partial<UncertaintyConfig> | null;
  sensitivity?: Partial<SensitivityConfig> | null;
}

const OVERRIDE_KEYS = ['imputation', 'normalisation', 'weights', 'aggregation', 'indicators', 'groups', 'uncertainty', 'sensitivity'];

/** Applies overrides to a configuration and validates the result. */
export function applyOverrides(config: CompositeConfig, overrides: RunOverrides): CompositeConfig {
  const c = new Checker();
  const o = c.object(overrides, '', OVERRIDE_KEYS);
  if (!o) throw configError(c.issues);
  const patchList = <T extends { code: string }>(list: readonly T[], patches: unknown, key: string, allowed: string[]): T[] => {
    if (patches === undefined) return [...list];
    const p = c.object(
      patches,
      key,
      list.map((x) => x.code),
    );
    if (!p) return [...list];
    return list.map((x) => {
      const patch = p[x.code];
      if (patch === undefined) return x;
      const q = c.object(patch, `${key}.${x.code}`, allowed);
      return q ? ({ ...x, ...q } as T) : x;
    });
  };
  const merged: Record<string, unknown> = {
    ...config,
    indicators: patchList(config.indicators, o.indicators, 'indicators', INDICATOR_KEYS.slice(1)),
    groups: patchList(config.groups, o.groups, 'groups', GROUP_KEYS.slice(1)),
  };
  for (const key of ['imputation', 'normalisation', 'weights', 'aggregation'] as const) if (o[key] !== undefined) merged[key] = o[key];
  for (const key of ['uncertainty', 'sensitivity'] as const) {
    if (o[key] === undefined) continue;
    merged[key] = o[key] === null ? null : isObject(o[key]) && config[key] ? { ...config[key], ...o[key] } : o[key];
  }
  if (c.issues.length > 0) throw configError(c.issues);
  return parseConfig(merged);
}
