import { invalidArgument } from '../errors.js';
import { periodYear } from '../periods.js';
import type { InputEnterpriseState, InputObservation } from './types.js';

/**
 * Which figure a typology uses for a year, and the state of an enterprise on a
 * date. The rules are those of the legal-status engine
 * (`src/domain/criteria/inputs.ts`: `selectForYear`, `readStates`), restated
 * here because a domain subfolder may not import another subfolder
 * (test/architecture.test.ts); `select.test.ts` checks both give the same
 * answers. Nothing is chosen silently: every figure of the chosen period is
 * returned, and the caller says when they disagree.
 */

/** Statuses that never establish a class. */
const NOT_FACTS = new Set(['target', 'forecast']);

export type Selection = { found: true; period: string; candidates: InputObservation[] } | { found: false; reason: string };

export type ValueKind = 'number' | 'text';

const usable = (o: InputObservation, kind: ValueKind) =>
  !NOT_FACTS.has(o.status ?? 'actual') &&
  (kind === 'number' ? typeof o.value === 'number' && Number.isFinite(o.value) : o.valueText !== null && o.valueText !== '');

function latest(figures: InputObservation[]): Selection {
  const period = figures.map((o) => o.period).reduce((a, b) => (periodYear(b) > periodYear(a) || (periodYear(b) === periodYear(a) && b > a) ? b : a));
  return { found: true, period, candidates: figures.filter((o) => o.period === period) };
}

/**
 * The figures of `indicator` used for `year`: those of the year itself, else the
 * most recent earlier period no more than `maxAgeYears` older; never a later one.
 * `kind` says whether the number (`value`) or the class (`valueText`) is wanted.
 */
export function selectForYear(
  observations: readonly InputObservation[],
  indicator: string,
  year: number,
  maxAgeYears: number,
  kind: ValueKind = 'number',
): Selection {
  const all = observations.filter((o) => o.indicator === indicator && usable(o, kind));
  const eligible = all.filter((o) => periodYear(o.period) <= year && periodYear(o.period) >= year - maxAgeYears);
  if (eligible.length) return latest(eligible);
  const older = all.filter((o) => periodYear(o.period) < year - maxAgeYears).map((o) => o.period);
  const later = all.filter((o) => periodYear(o.period) > year).map((o) => o.period);
  const reasons: string[] = [];
  if (older.length)
    reasons.push(
      `the latest figure before ${year} is for ${older.sort().at(-1)}, older than the look-back window of ${maxAgeYears} year${maxAgeYears === 1 ? '' : 's'}`,
    );
  if (later.length)
    reasons.push(`figures exist only for later periods (${[...new Set(later)].sort().join(', ')}), and a later figure is never used for an earlier year`);
  if (kind === 'number' && observations.some((o) => o.indicator === indicator && o.value === null && o.valueText !== null))
    reasons.push('some figures have only a text value, not a number');
  return { found: false, reason: reasons.length ? `no figure for ${indicator}: ${reasons.join('; ')}` : `no figure for ${indicator}` };
}

/** Several figures of one period read as one class: agreed, or a conflict that the data must resolve. */
export type Reading<C> =
  { agreed: true; cls: C; value: number | string | null; values: InputObservation[]; warning: string | null } | { agreed: false; conflict: string };

/**
 * Classifies every candidate; when they disagree on the class the reading is a
 * conflict naming each source; when they differ in value but agree on the
 * class the class stands, the value is null and a warning lists the values.
 * No source is preferred.
 */
export function readCandidates<C extends string>(candidates: readonly InputObservation[], classify: (o: InputObservation) => C): Reading<C> {
  const shown = (o: InputObservation) => `${o.value ?? o.valueText} from ${o.source}`;
  const classes = candidates.map(classify);
  const distinctClasses = [...new Set(classes)];
  if (distinctClasses.length > 1)
    return {
      agreed: false,
      conflict: `the sources disagree for ${candidates[0]?.period}: ${candidates.map((o, i) => `${shown(o)} → ${classes[i]}`).join('; ')}; resolve the conflict in the data, no source is preferred`,
    };
  const values = [...new Set(candidates.map((o) => o.value ?? o.valueText))];
  return {
    agreed: true,
    cls: distinctClasses[0],
    value: values.length === 1 ? (values[0] as number | string) : null,
    values: [...candidates],
    warning:
      values.length > 1
        ? `the sources give different values for ${candidates[0].period} (${candidates.map(shown).join(', ')}) but all lead to the same class`
        : null,
  };
}

/** The date a year is evaluated on: 31 December, as the legal-status engine does. */
export function evaluationDate(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw invalidArgument('year', `${year} is not a year; give a four-digit calendar year such as 2024.`);
  return `${year}-12-31`;
}

/** An enterprise's state on a date, or why it is not known. */
export type StateOnDate = { known: true; state: string; record: InputEnterpriseState; warning: string | null } | { known: false; reason: string };

/**
 * The state of one enterprise on `date` (the rules of `readStates`): a record is
 * in force on [since, until); among records in force the latest `since` wins; a
 * record without a start date may have begun after `date`, so it gives no state;
 * records with the same start that disagree are a conflict.
 */
export function stateOnDate(records: readonly InputEnterpriseState[], enterprise: string | null, date: string): StateOnDate {
  const name = enterprise ?? 'the town-forming enterprise';
  const mine = records.filter((r) => r.enterprise === enterprise);
  const open = (r: InputEnterpriseState) => r.until === null || date < r.until;
  const known = mine.filter((r) => r.since !== null && r.since <= date && open(r));
  if (known.length) {
    const since = known
      .map((r) => r.since as string)
      .sort()
      .at(-1)!;
    const current = known.filter((r) => r.since === since);
    const kinds = [...new Set(current.map((r) => r.state))];
    if (kinds.length > 1)
      return {
        known: false,
        reason: `conflict: the sources disagree on the state of ${name} on ${date} (${current.map((r) => `${r.state} from ${r.source}`).join(', ')}); resolve the conflict in the data`,
      };
    return { known: true, state: kinds[0], record: current[0], warning: null };
  }
  const undated = mine.filter((r) => r.since === null && open(r));
  if (undated.length)
    return {
      known: false,
      reason: `the state of ${name} (${undated.map((r) => `${r.state} from ${r.source}`).join(', ')}) has no start date, so it may have begun after ${date}; add the date it began`,
    };
  return { known: false, reason: `no state of ${name} is recorded on ${date}` };
}
