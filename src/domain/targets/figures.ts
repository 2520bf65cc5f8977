import { isPeriod, periodYear, type Period } from '../periods.js';
import type { Figure, IndexFigure, TargetObservation } from './types.js';

/**
 * Which figure target tracking uses, and when a period ends. A figure is available on a date once
 * its period has ended (a year on 31 December, a date «на 1.08.2014» on that day); a later figure is
 * never used. Several figures for the same moment that disagree are a conflict the data must resolve:
 * nothing is chosen silently.
 */

/** Statuses that are never actuals. */
const NOT_FACTS = new Set(['target', 'forecast']);

const isYear = (p: Period) => /^\d{4}$/.test(p);

/** The last day of a period, YYYY-MM-DD: 31 December for a year, the date itself for a date. */
export function periodEnd(p: Period): string {
  return isYear(p) ? `${p}-12-31` : p;
}

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** A date (YYYY-MM-DD) as a decimal year at the end of that day: 2014-08-01 → 2014.58. */
export function dateTimePoint(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return y + (utc(y, m, d) + DAY - utc(y, 1, 1)) / (utc(y + 1, 1, 1) - utc(y, 1, 1));
}

/** The end of a period as a decimal year: 2011 → 2012.0 (the level of 2011 is reached at its end), 2014-08-01 → 2014.58. */
export function timePoint(p: Period): number {
  return isYear(p) ? Number(p) + 1 : dateTimePoint(p);
}

/**
 * Whether two periods can be compared as levels: both years, or both dates on the same day of the
 * year (output «на 1.08.2014» accumulates January–July and compares with «на 1.08.2013», not with
 * the whole of 2013).
 */
export function comparablePeriods(a: Period, b: Period): boolean {
  if (isYear(a) || isYear(b)) return isYear(a) && isYear(b);
  return a.slice(5) === b.slice(5);
}

/** The period of the base year comparable with `period`: 2011 for a year, 2011-08-01 for 2014-08-01. */
export function comparableIn(year: number, period: Period): Period {
  return isYear(period) ? String(year) : `${year}${period.slice(4)}`;
}

const usable = (o: TargetObservation) => !NOT_FACTS.has(o.status ?? 'actual') && typeof o.value === 'number' && Number.isFinite(o.value);

const toFigure = (o: TargetObservation): Figure => ({
  indicator: o.indicator,
  value: o.value as number,
  period: o.period,
  source: o.source,
  status: o.status ?? 'actual',
  note: o.note ?? null,
});

const byEnd = (a: Figure, b: Figure) =>
  periodEnd(a.period).localeCompare(periodEnd(b.period)) || a.period.localeCompare(b.period) || a.source.localeCompare(b.source);

/** Every actual (or estimated) figure of `indicator` whose period has ended by `asOf`, oldest first. */
export function figuresUpTo(observations: readonly TargetObservation[], indicator: string, asOf: string): Figure[] {
  return observations
    .filter((o) => o.indicator === indicator && usable(o) && isPeriod(o.period) && periodEnd(o.period) <= asOf)
    .map(toFigure)
    .sort(byEnd);
}

const DMY = String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`;
const pad = (s: string) => s.padStart(2, '0');
const dmy = (d: string, m: string, y: string) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * The base period an index note states, checked against the figure's own period. Recognised
 * wordings: "1.08.2014 against 1.08.2013", "2015 against 2011", "2015 in % of 2011". Returns null
 * when the note states no base, states several, or names another period than the figure's.
 */
export function indexBaseFromNote(note: string | null | undefined, period: Period): Period | null {
  if (!note) return null;
  const found: { period: Period; base: Period }[] = [];
  for (const m of note.matchAll(new RegExp(`${DMY}\\s+against\\s+${DMY}`, 'g'))) found.push({ period: dmy(m[1], m[2], m[3]), base: dmy(m[4], m[5], m[6]) });
  for (const m of note.matchAll(/(?<![.\d])(\d{4})\s+(?:against|in % of)\s+(\d{4})(?![.\d])/g)) found.push({ period: m[1], base: m[2] });
  const bases = new Set(found.map((f) => f.base));
  if (bases.size !== 1) return null;
  const f = found[0];
  if (f.period !== period || !isPeriod(f.base) || f.base >= period) return null;
  return f.base;
}

/** Every index figure of `indicator` up to `asOf`, with its base period (explicit, else from the note, else null). */
export function indexFiguresUpTo(observations: readonly TargetObservation[], indicator: string, asOf: string): IndexFigure[] {
  return observations
    .filter((o) => o.indicator === indicator && usable(o) && isPeriod(o.period) && periodEnd(o.period) <= asOf)
    .map((o) => ({ ...toFigure(o), basePeriod: o.basePeriod ?? indexBaseFromNote(o.note, o.period) }))
    .sort(byEnd);
}

/** The figure chosen, or why there is none. */
export type Pick<F extends Figure = Figure> = { found: true; figure: F; notes: string[] } | { found: false; reason: string };

const describe = (f: Figure) => `${f.value} (${f.source})`;

/**
 * The figures of the latest moment (latest period end) in `figures`: one figure, or several that
 * agree (the others named in a note), or a conflict (found: false, every figure named).
 */
export function latestOf<F extends Figure>(figures: readonly F[], what: string): Pick<F> {
  if (figures.length === 0) return { found: false, reason: `no figure for ${what}` };
  const end = periodEnd(figures.at(-1)!.period);
  const at = figures.filter((f) => periodEnd(f.period) === end);
  const values = new Set(at.map((f) => f.value));
  if (values.size > 1)
    return {
      found: false,
      reason: `conflict: the sources give different figures for ${what} for ${[...new Set(at.map((f) => f.period))].join(' / ')} (${at.map(describe).join('; ')}); resolve the conflict in the data, Monoqala does not choose a source`,
    };
  const notes = at.length > 1 ? [`${what} for ${at[0].period}: ${at.length} sources give the same figure (${at.map((f) => f.source).join('; ')})`] : [];
  return { found: true, figure: at[0], notes };
}

/**
 * The figure at a deadline: the latest within the deadline's year that ends no later than the
 * deadline (the whole year for a year deadline, so an annual figure is preferred to one «на 1.08»).
 */
export function atDeadline<F extends Figure>(figures: readonly F[], deadline: Period, what: string): Pick<F> {
  const year = periodYear(deadline);
  const end = periodEnd(deadline);
  const within = figures.filter((f) => periodYear(f.period) === year && periodEnd(f.period) <= end);
  if (within.length) return latestOf(within, what);
  const latest = figures.at(-1);
  return {
    found: false,
    reason:
      `no figure for ${what} for the deadline ${deadline}: a target is judged on the figure at its deadline` +
      (latest ? `, and the latest figure is for ${latest.period}` : ''),
  };
}
