import { AMOUNT_UNITS, type AmountQualifier, type AmountUnit, type BudgetLine } from '../programs.js';
import type { Period } from '../periods.js';

/**
 * Money helpers for program evaluation: budget utilisation, cost per job created and money per
 * resident. Each returns a value or `null` with the reason; a missing or zero input is never
 * replaced by a made-up one.
 */

/** An amount of money as a source states it. */
export interface MoneyAmount {
  amount: number;
  unit: AmountUnit;
  /** exact (default), about, or more_than (a lower bound, not a value). */
  qualifier?: AmountQualifier;
  period?: Period | null;
  source?: string | null;
}

/** A count (jobs, residents) as a source states it. */
export interface CountFigure {
  value: number;
  period?: Period | null;
  source?: string | null;
}

export interface MoneyResult {
  /** The value in `unit`; null when not computable. */
  value: number | null;
  unit: string;
  /** Why the value is null; null when it is computed. */
  reason: string | null;
  /** Warnings that travel with the value (an approximate amount, used above allocated). */
  notes: string[];
}

type Checked = { mkzt: number; notes: string[] } | { reason: string };

/** The amount in million tenge, or why it cannot be used. */
function millionKzt(what: string, m: MoneyAmount | null | undefined): Checked {
  if (!m) return { reason: `no figure for ${what}` };
  if (!Number.isFinite(m.amount)) return { reason: `${what} is not a number` };
  if (m.amount < 0) return { reason: `${what} is negative (${m.amount} ${m.unit})` };
  const factor = AMOUNT_UNITS[m.unit];
  if (factor === null) return { reason: `${what} is in ${m.unit}, and the sources give no exchange rate to tenge` };
  if (m.qualifier === 'more_than') return { reason: `${what} is a lower bound («more than ${m.amount} ${m.unit}»), not an amount` };
  const notes = m.qualifier === 'about' ? [`${what} is approximate («about ${m.amount} ${m.unit}»)`] : [];
  return { mkzt: m.amount * factor, notes };
}

function count(what: string, c: CountFigure | null | undefined): { value: number } | { reason: string } {
  if (!c) return { reason: `no figure for ${what}` };
  if (!Number.isFinite(c.value) || c.value < 0) return { reason: `${what} is not a count ≥ 0 (${c.value})` };
  if (c.value === 0) return { reason: `zero base: ${what} is 0, and an amount per zero is not defined` };
  return { value: c.value };
}

const samePeriod = (a: { period?: Period | null } | null | undefined, b: { period?: Period | null } | null | undefined, what: string): string | null =>
  a?.period && b?.period && a.period !== b.period ? `${what} are for different periods (${a.period} and ${b.period})` : null;

const fail = (unit: string, reason: string, notes: string[] = []): MoneyResult => ({ value: null, unit, reason, notes });

/** Budget utilisation: funds used ÷ funds allocated × 100, in %. */
export function budgetUtilisation(used: MoneyAmount | null, allocated: MoneyAmount | null): MoneyResult {
  const unit = '%';
  const u = millionKzt('the funds used', used);
  const a = millionKzt('the funds allocated', allocated);
  const reasons = ['reason' in u ? u.reason : null, 'reason' in a ? a.reason : null, samePeriod(used, allocated, 'the funds used and allocated')].filter(
    (r): r is string => r !== null,
  );
  if ('mkzt' in a && a.mkzt === 0) reasons.push('zero base: the funds allocated are 0, and a share of zero is not defined');
  if (reasons.length || !('mkzt' in u) || !('mkzt' in a)) return fail(unit, reasons.join('; '));
  const notes = [...u.notes, ...a.notes];
  if (u.mkzt > a.mkzt) notes.push(`the funds used (${u.mkzt} million KZT) exceed the funds allocated (${a.mkzt} million KZT)`);
  return { value: (u.mkzt / a.mkzt) * 100, unit, reason: null, notes };
}

/** Cost per job created: funds spent ÷ jobs created, in tenge per job. */
export function costPerJob(spent: MoneyAmount | null, jobsCreated: CountFigure | null): MoneyResult {
  const unit = 'KZT per job';
  const s = millionKzt('the funds spent', spent);
  const j = count('the jobs created', jobsCreated);
  const reasons = ['reason' in s ? s.reason : null, 'reason' in j ? j.reason : null, samePeriod(spent, jobsCreated, 'the funds and the jobs')].filter(
    (r): r is string => r !== null,
  );
  if (reasons.length || !('mkzt' in s) || !('value' in j)) return fail(unit, reasons.join('; '));
  return { value: (s.mkzt * 1e6) / j.value, unit, reason: null, notes: s.notes };
}

/** Money per resident: an amount ÷ the population, in tenge per resident. */
export function moneyPerResident(amount: MoneyAmount | null, population: CountFigure | null): MoneyResult {
  const unit = 'KZT per resident';
  const s = millionKzt('the amount', amount);
  const p = count('the population', population);
  const reasons = ['reason' in s ? s.reason : null, 'reason' in p ? p.reason : null].filter((r): r is string => r !== null);
  if (reasons.length || !('mkzt' in s) || !('value' in p)) return fail(unit, reasons.join('; '));
  const notes = [...s.notes];
  if (amount?.period && population?.period && amount.period !== population.period)
    notes.push(`the amount is for ${amount.period} and the population for ${population.period}`);
  return { value: (s.mkzt * 1e6) / p.value, unit, reason: null, notes };
}

/**
 * A program budget line as an amount. The period is the line's year when it covers one year, null
 * for a span or unknown years. The line's status (planned, allocated …) is the caller's to check
 * and to label: a planned amount is not an allocation, and planned jobs are not jobs created.
 */
export function amountOfBudgetLine(line: BudgetLine): MoneyAmount {
  return {
    amount: line.original.amount,
    unit: line.original.unit,
    qualifier: line.qualifier,
    period: line.period.from !== null && line.period.from === line.period.to ? line.period.from : null,
    source: line.sources.join('; '),
  };
}
