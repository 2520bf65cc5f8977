/** Pure helpers for showing figures: no React, no DOM (unit-tested in format.test.ts). */
import type { ObservationDto, SourceRefDto } from '../client/api-client.js';

/** Notes that say the figure covers something other than the town proper (the town administration, an agglomeration…). */
const SCOPE = /scope|administration|akimat|municipality|subordinate|agglomeration|settlements|not comparable|incl\./i;
/** A note that says the figure is for the town proper, even if it mentions the larger unit in passing. */
const TOWN_PROPER = /town proper/i;
const CONFLICT = /conflict|swapped|other sources give|gives \d|not verified/i;

export type NoteWarning = 'scope' | 'conflict' | null;

/** Classifies a figure's note: a scope warning wins over a conflict warning. */
export function noteWarning(note: string | null | undefined): NoteWarning {
  if (!note) return null;
  if (SCOPE.test(note) && !TOWN_PROPER.test(note)) return 'scope';
  if (CONFLICT.test(note)) return 'conflict';
  return null;
}

/** The year of an observation period (`YYYY` or `YYYY-MM-DD`). */
export function periodYear(period: string): number {
  return Number.parseInt(period.slice(0, 4), 10);
}

export interface SeriesPoint {
  key: string;
  year: number;
  value: number;
  obs: ObservationDto;
  warning: NoteWarning;
}

/** The numeric points of a population series, sorted by year then value. */
export function seriesPoints(series: readonly ObservationDto[]): SeriesPoint[] {
  return series
    .filter((o): o is ObservationDto & { value: number } => o.value !== null && Number.isFinite(o.value))
    .map((o, i) => ({ key: `${o.period}-${o.source.id}-${i}`, year: periodYear(o.period), value: o.value, obs: o, warning: noteWarning(o.note) }))
    .filter((p) => Number.isFinite(p.year))
    .sort((a, b) => a.year - b.year || a.value - b.value);
}

/** Round, evenly spaced axis ticks (about `count` steps) from at most `min` to at least `max`. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return ticks;
}

/** A source's visible label: its title, with the passage when there is one. */
export function sourceLabel(s: SourceRefDto): string {
  return s.passage ? `${s.title}, ${s.passage}` : s.title;
}

export function formatCoordinate(v: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(v);
}
