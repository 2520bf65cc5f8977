/**
 * Pure helpers for the ranking page (no React, no DOM; unit-tested in ranking.test.ts): a composite-index
 * configuration built from chosen indicators, its weights read and changed, and the engine's reasons
 * and warnings read for translation (docs/methods/composite-index.md).
 */
import type { IndexResultDto, IndicatorDto } from '../client/api-client.js';

/** The parts of a configuration the page reads and changes; anything else is passed on untouched. */
export interface IndexConfig {
  period: string;
  indicators: { code: string; group?: string | null; weight?: number; [key: string]: unknown }[];
  groups?: { code: string; weight?: number; parent?: string | null; [key: string]: unknown }[];
  [key: string]: unknown;
}

export function isIndexConfig(x: unknown): x is IndexConfig {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Record<string, unknown>;
  return (
    typeof c.period === 'string' && Array.isArray(c.indicators) && c.indicators.every((i) => typeof i === 'object' && i !== null && typeof i.code === 'string')
  );
}

/** Monte Carlo settings of a configuration built on the page (as the documented preset: ±25 % weights, two normalisations, two aggregations). */
export const BUILT_UNCERTAINTY = {
  runs: 500,
  seed: 1,
  weightNoise: 0.25,
  normalisation: ['minmax', 'rank'],
  aggregation: ['arithmetic', 'geometric'],
} as const;

/**
 * A configuration from chosen indicators: each indicator in the group of its catalogue dimension, equal
 * weights, min–max normalisation to [1, 100] (so that geometric aggregation stays possible), arithmetic
 * mean, and the uncertainty analysis when asked for.
 */
export function buildConfig(
  period: string,
  codes: readonly string[],
  catalogue: readonly Pick<IndicatorDto, 'code' | 'dimension'>[],
  uncertainty: boolean,
): IndexConfig {
  const dimension = new Map(catalogue.map((i) => [i.code, i.dimension]));
  const indicators = codes.map((code) => ({ code, group: dimension.get(code) ?? 'other', weight: 1 }));
  const groups = [...new Set(indicators.map((i) => i.group))].map((code) => ({ code, weight: 1, parent: null }));
  return {
    period,
    indicators,
    groups,
    imputation: 'none',
    normalisation: { method: 'minmax', range: [1, 100] },
    weights: 'explicit',
    aggregation: 'arithmetic',
    uncertainty: uncertainty
      ? { ...BUILT_UNCERTAINTY, normalisation: [...BUILT_UNCERTAINTY.normalisation], aggregation: [...BUILT_UNCERTAINTY.aggregation] }
      : null,
  };
}

/** The weight sliders of a configuration: its groups (those with members) and, in each, its indicators; indicators outside any group last. */
export interface WeightTree {
  groups: { code: string; weight: number; indicators: { code: string; weight: number }[] }[];
  ungrouped: { code: string; weight: number }[];
}

export function weightTree(config: IndexConfig): WeightTree {
  const weight = (w: unknown) => (typeof w === 'number' && Number.isFinite(w) ? w : 1);
  const groups = (config.groups ?? []).map((g) => ({
    code: g.code,
    weight: weight(g.weight),
    indicators: config.indicators.filter((i) => i.group === g.code).map((i) => ({ code: i.code, weight: weight(i.weight) })),
  }));
  const known = new Set(groups.map((g) => g.code));
  return {
    groups,
    ungrouped: config.indicators.filter((i) => !i.group || !known.has(i.group)).map((i) => ({ code: i.code, weight: weight(i.weight) })),
  };
}

/** A copy of the configuration with one group's or indicator's weight changed. */
export function setWeight(config: IndexConfig, kind: 'group' | 'indicator', code: string, weight: number): IndexConfig {
  if (kind === 'group') return { ...config, groups: (config.groups ?? []).map((g) => (g.code === code ? { ...g, weight } : g)) };
  return { ...config, indicators: config.indicators.map((i) => (i.code === code ? { ...i, weight } : i)) };
}

/** Whether the configuration asks for the uncertainty analysis (then each unit has a rank interval). */
export function hasUncertainty(config: IndexConfig): boolean {
  return typeof config.uncertainty === 'object' && config.uncertainty !== null;
}

/** The weight sliders' range. */
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 3;
export const WEIGHT_STEP = 0.25;

export type UnitResultDto = IndexResultDto['units'][number];

/** Scored units by rank (then id), unscored units after them by id. */
export function splitUnits(units: readonly UnitResultDto[]): { scored: UnitResultDto[]; unscored: UnitResultDto[] } {
  const scored = units.filter((u) => u.score !== null && u.rank !== null).sort((a, b) => a.rank! - b.rank! || a.unit.localeCompare(b.unit));
  const unscored = units.filter((u) => u.score === null || u.rank === null).sort((a, b) => a.unit.localeCompare(b.unit));
  return { scored, unscored };
}

/** What an unscored unit's reason says (src/domain/composite/run.ts), for translation; `other` keeps the engine's text. */
export type UnscoredReason = { kind: 'noValue'; period: string } | { kind: 'zeroWeight' } | { kind: 'other'; text: string };

export function readReason(reason: string | null): UnscoredReason {
  const text = reason ?? '';
  const m = /^no indicator has a value for this unit in period "(.+)"$/.exec(text);
  if (m) return { kind: 'noValue', period: m[1]! };
  if (/^every indicator with a value for this unit has zero weight/.test(text)) return { kind: 'zeroWeight' };
  return { kind: 'other', text };
}

/** Unscored units grouped by their reason, in the order of first appearance. */
export function groupByReason<T extends { unit: string; reason: string | null }>(units: readonly T[]): { reason: string | null; units: string[] }[] {
  const groups = new Map<string, { reason: string | null; units: string[] }>();
  for (const u of units) {
    const key = u.reason ?? '';
    const g = groups.get(key) ?? { reason: u.reason, units: [] };
    g.units.push(u.unit);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** The effective weights of a result by indicator, and its indicators in the configuration's order. */
export function resultIndicators(result: Pick<IndexResultDto, 'weights'>, config: IndexConfig): string[] {
  const inResult = Object.keys(result.weights);
  const ordered = config.indicators.map((i) => i.code).filter((c) => inResult.includes(c));
  return [...ordered, ...inResult.filter((c) => !ordered.includes(c))];
}

/** A warning's details, read defensively (the engine's `details` are free-form). */
export function warningIndicators(details: unknown): [string, string] | null {
  const d = details as { indicators?: unknown } | undefined;
  return Array.isArray(d?.indicators) && d.indicators.length === 2 && d.indicators.every((x) => typeof x === 'string')
    ? [d.indicators[0], d.indicators[1]]
    : null;
}

export function detailNumber(details: unknown, key: string): number | null {
  const v = (details as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function detailString(details: unknown, key: string): string | null {
  const v = (details as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : null;
}

export function detailList(details: unknown, key: string): string[] | null {
  const v = (details as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
}
