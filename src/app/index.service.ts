import { compose, parseConfig, toJson, type CompositeJson, type CompositeWarning } from '../domain/composite/index.js';
import { DomainError } from '../domain/errors.js';
import { periodYear } from '../domain/periods.js';

/** One figure as the index needs it: from the database or from a CSV folder. */
export interface IndexObservation {
  town: string;
  indicator: string;
  period: string;
  value: number | null;
  status: string;
  source: string;
}

export interface IndexData {
  /** Every unit to rank (towns without data still appear, unscored, with the reason). */
  units: string[];
  observations: readonly IndexObservation[];
  /** Polarity from the indicator catalogue (or indicators.csv); the configuration may override it. */
  polarity: ReadonlyMap<string, 1 | -1>;
}

export type IndexResult = CompositeJson;

/**
 * Builds the unit × indicator matrix for the configuration's period and runs the engine.
 * A value is the actual figure of that year; several different figures for the same unit,
 * indicator and year are not averaged or chosen between: the cell is left empty and a
 * warning names them.
 */
export function runIndex(data: IndexData, rawConfig: unknown): IndexResult {
  const config = parseConfig(rawConfig);
  const year = Number(config.period.slice(0, 4));
  const codes = config.indicators.map((i) => i.code);
  const missingPolarity = config.indicators.filter((i) => i.polarity === undefined && !data.polarity.has(i.code)).map((i) => i.code);
  if (missingPolarity.length) {
    throw new DomainError(
      'invalid_argument',
      `No polarity for ${missingPolarity.map((c) => `"${c}"`).join(', ')}: it is not in the indicator catalogue (indicators.csv); add it there or give "polarity" (1 or -1) for it in the configuration.`,
      { field: 'indicators', codes: missingPolarity },
    );
  }
  const warnings: CompositeWarning[] = [];
  const cell = new Map<string, IndexObservation[]>();
  for (const o of data.observations) {
    if (o.value === null || o.status !== 'actual' || periodYear(o.period) !== year || !codes.includes(o.indicator)) continue;
    const key = `${o.town}\u0000${o.indicator}`;
    cell.set(key, [...(cell.get(key) ?? []), o]);
  }
  const values = data.units.map((u) =>
    codes.map((code) => {
      const found = cell.get(`${u}\u0000${code}`) ?? [];
      if (found.length === 0) return null;
      const distinct = [...new Set(found.map((o) => o.value))];
      if (distinct.length === 1) return distinct[0];
      warnings.push({
        code: 'conflicting_values',
        message: `${u}: ${found.length} different figures for "${code}" in ${config.period} (${found.map((o) => `${o.value} from ${o.source}`).join('; ')}); the cell is left empty rather than choosing one.`,
        details: { unit: u, indicator: code, values: found.map((o) => ({ value: o.value, period: o.period, source: o.source })) },
      });
      return null;
    }),
  );
  const indicators = codes.map((code) => ({ code, polarity: data.polarity.get(code) ?? 1 }));
  const run = compose({ period: config.period, units: data.units, indicators, values }, rawConfig);
  const json = toJson(run);
  return { ...json, warnings: [...warnings, ...json.warnings] };
}

/** A documented configuration for the reference data. */
export interface IndexPreset {
  id: string;
  name: { kk: string; ru: string; en: string };
  description: string;
  config: Record<string, unknown>;
}

/** A preset with what the data lets it score: the result, and the towns it cannot score with the reason. */
export function describePreset(preset: IndexPreset, data: IndexData) {
  const result = runIndex(data, preset.config);
  const unscored = result.units.filter((u) => u.score === null).map((u) => ({ unit: u.unit, reason: u.reason }));
  return { ...preset, scored: result.units.length - unscored.length, unscored };
}

/** Index data from the database: every town, current observations, the catalogue's polarity. */
export async function indexDataFromStore(store: import('./ports.js').Store): Promise<IndexData> {
  const [towns, observations, indicators] = await Promise.all([
    store.repos.towns.list(),
    store.repos.observations.list({}),
    store.repos.catalogue.indicators(),
  ]);
  return {
    units: towns.map((t) => t.id),
    observations: observations.map((o) => ({
      town: o.town,
      indicator: o.indicator,
      period: o.period,
      value: o.value,
      status: o.status,
      source: o.source.passage ? `${o.source.title} | ${o.source.passage}` : (o.source.url ?? o.source.title),
    })),
    polarity: new Map(indicators.map((i) => [i.code, i.polarity])),
  };
}

/** Index data from files (`--data DIR`): the units are those of towns.csv, else those named in observations.csv. */
export function indexDataFromBundle(bundle: import('./bundle.js').Bundle): IndexData {
  const units = bundle.towns.length ? bundle.towns.map((t) => t.id) : [...new Set(bundle.observations.map((o) => o.town))].sort();
  return {
    units,
    observations: bundle.observations.map((o) => ({
      town: o.town,
      indicator: o.indicator,
      period: o.period,
      value: o.value,
      status: o.status,
      source: o.passage ? `${o.sourceId} | ${o.passage}` : o.sourceId,
    })),
    polarity: new Map(bundle.indicators.map((i) => [i.code, i.polarity])),
  };
}
