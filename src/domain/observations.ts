import { periodYear, type Period } from './periods.js';

export const OBSERVATION_STATUSES = ['actual', 'estimate', 'target', 'forecast'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

export interface SourceRef {
  id: string;
  title: string;
  url: string | null;
  /** Where in the source: section, table or slide; null when the source is a URL. */
  passage: string | null;
}

export interface Observation {
  town: string;
  indicator: string;
  period: Period;
  value: number | null;
  /** Categorical value (e.g. "stable") for categorical indicators. */
  valueText: string | null;
  /** The indicator's unit from the catalogue. */
  unit: string;
  status: ObservationStatus;
  source: SourceRef;
  note: string | null;
  revision: number;
}

export interface LatestFigure {
  value: number;
  year: number;
  source: SourceRef;
  note: string | null;
  /** Other figures for the same year from other sources: never chosen silently. */
  alternatives: { value: number; source: SourceRef; note: string | null }[];
}

/** Notes that warn the figure may cover the whole town administration, not the town proper. */
const SCOPE_WARNING = /administration|settlements|scope unclear/i;
const TOWN_PROPER = /town proper/i;

/**
 * The latest actual figure of a numeric series. Within the latest year, a
 * figure whose note warns about its scope ranks after one that does not;
 * the others are returned as alternatives so a reader sees the disagreement.
 */
export function latestFigure(observations: readonly Observation[]): LatestFigure | null {
  const usable = observations.filter((o) => o.value !== null && o.status === 'actual');
  if (usable.length === 0) return null;
  const year = Math.max(...usable.map((o) => periodYear(o.period)));
  const sameYear = usable
    .filter((o) => periodYear(o.period) === year)
    .sort((a, b) => scopeRank(a) - scopeRank(b) || b.period.localeCompare(a.period) || a.source.id.localeCompare(b.source.id));
  const [first, ...rest] = sameYear;
  return {
    value: first.value as number,
    year,
    source: first.source,
    note: first.note,
    alternatives: rest.map((o) => ({ value: o.value as number, source: o.source, note: o.note })),
  };
}

function scopeRank(o: Observation): number {
  if (!o.note || TOWN_PROPER.test(o.note)) return 0;
  return SCOPE_WARNING.test(o.note) ? 1 : 0;
}
