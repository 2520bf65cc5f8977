import { invalidArgument } from './errors.js';

/** A period is a year (`2021`) or a date (`2014-08-01`); both sort as text. */
export type Period = string;

const YEAR = /^\d{4}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPeriod(s: string): boolean {
  if (YEAR.test(s)) return true;
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

export function parsePeriod(field: string, s: string): Period {
  if (!isPeriod(s)) throw invalidArgument(field, `"${s}" is not a period; use a year (2021) or a date (2014-08-01).`);
  return s;
}

/** The calendar year a period falls in. */
export function periodYear(p: Period): number {
  return Number(p.slice(0, 4));
}

/** True when `p` lies within [from, to] by year; either bound may be open. */
export function periodWithin(p: Period, from?: number, to?: number): boolean {
  const y = periodYear(p);
  return (from === undefined || y >= from) && (to === undefined || y <= to);
}
