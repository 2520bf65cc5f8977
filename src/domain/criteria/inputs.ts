import { periodYear } from '../periods.js';
import type { InputEnterpriseState, InputObservation, Truth, ValueUsed } from './types.js';

/** Statuses that can never establish a legal status. */
const NOT_FACTS = new Set(['target', 'forecast']);

/** The figures a criterion uses, or why there are none. */
export type Selection = { found: true; period: string; candidates: InputObservation[] } | { found: false; reason: string };

function numeric(observations: readonly InputObservation[], indicator: string): InputObservation[] {
  return observations.filter(
    (o) => o.indicator === indicator && typeof o.value === 'number' && Number.isFinite(o.value) && !NOT_FACTS.has(o.status ?? 'actual'),
  );
}

/** The latest period among the figures; all figures of that exact period are the candidates. */
function latest(figures: InputObservation[]): Selection {
  const period = figures.map((o) => o.period).reduce((a, b) => (periodYear(b) > periodYear(a) || (periodYear(b) === periodYear(a) && b > a) ? b : a));
  return { found: true, period, candidates: figures.filter((o) => o.period === period) };
}

/**
 * The figures of `indicator` used for `year`: those of the year itself, else the
 * most recent earlier period no more than `maxAgeYears` older. A later period is
 * never used. Within a year the latest period (text order) is taken; several
 * figures for that period (from different sources) are all returned, so the
 * caller can see whether they disagree.
 */
export function selectForYear(observations: readonly InputObservation[], indicator: string, year: number, maxAgeYears: number): Selection {
  const all = numeric(observations, indicator);
  const eligible = all.filter((o) => periodYear(o.period) <= year && periodYear(o.period) >= year - maxAgeYears);
  if (eligible.length) return latest(eligible);
  const older = all.filter((o) => periodYear(o.period) < year - maxAgeYears).map((o) => o.period);
  const later = all.filter((o) => periodYear(o.period) > year).map((o) => o.period);
  const reasons: string[] = [];
  if (older.length)
    reasons.push(
      `the latest figure before ${year} is for ${older.sort().at(-1)}, older than the look-back window of ${maxAgeYears} year${maxAgeYears === 1 ? '' : 's'} (common.data_max_age_years)`,
    );
  if (later.length)
    reasons.push(`figures exist only for later periods (${[...new Set(later)].sort().join(', ')}), and a later figure is never used for an earlier year`);
  const textOnly = observations.some((o) => o.indicator === indicator && o.value === null && o.valueText !== null);
  if (textOnly) reasons.push('some figures have only a text value, not a number');
  return { found: false, reason: reasons.length ? `no figure for ${indicator}: ${reasons.join('; ')}` : `no figure for ${indicator}` };
}

/** The figures of `indicator` for exactly `year` (no look-back): for rules that need every year of a span. */
export function selectExactYear(observations: readonly InputObservation[], indicator: string, year: number): Selection {
  const inYear = numeric(observations, indicator).filter((o) => periodYear(o.period) === year);
  return inYear.length ? latest(inYear) : { found: false, reason: `no figure for ${indicator} in ${year}` };
}

export interface Judgement {
  result: Truth;
  /** The value when all candidates give the same; null when they differ. */
  value: number | null;
  values: ValueUsed[];
  sources: string[];
  note?: string;
}

const fmt = (o: InputObservation) => `${o.value} from ${o.source}`;

/**
 * Applies `test` to every candidate figure of one period. When the figures
 * disagree on the result the judgement is "unknown" with a note naming the
 * conflict; when they differ in value but agree on the result, the result
 * stands and the note says so. Nothing is chosen silently.
 */
export function judge(candidates: readonly InputObservation[], test: (value: number) => boolean): Judgement {
  const values = candidates.map((o) => ({ period: o.period, value: o.value, source: o.source }));
  const sources = [...new Set(candidates.map((o) => o.source))];
  const results = candidates.map((o) => test(o.value as number));
  const distinct = [...new Set(candidates.map((o) => o.value as number))];
  const period = candidates[0]?.period;
  if (results.some((r) => r !== results[0])) {
    const pass = candidates.filter((_, i) => results[i]).map(fmt);
    const fail = candidates.filter((_, i) => !results[i]).map(fmt);
    return {
      result: 'unknown',
      value: null,
      values,
      sources,
      note: `conflict: the sources disagree for ${period} (${pass.join(', ')} meets the threshold; ${fail.join(', ')} does not); resolve the conflict in the data, the engine does not choose a source`,
    };
  }
  return {
    result: results[0] ?? 'unknown',
    value: distinct.length === 1 ? distinct[0] : null,
    values,
    sources,
    note:
      distinct.length > 1 ? `the sources give different values for ${period} (${candidates.map(fmt).join(', ')}) but all lead to the same result` : undefined,
  };
}

export interface StateReading {
  enterprise: string | null;
  result: Truth;
  state: string | null;
  values: ValueUsed[];
  sources: string[];
  note?: string;
}

/**
 * Whether each enterprise's operating state on `date` is one of `states`. A
 * record is in force on [since, until); among records in force the latest
 * `since` wins (as `stateOn` does). A record without a start date could have
 * begun after `date`, so it gives "unknown"; records with the same start that
 * disagree are a conflict and give "unknown" too.
 */
export function readStates(records: readonly InputEnterpriseState[], date: string, states: readonly string[]): StateReading[] {
  const byEnterprise = new Map<string | null, InputEnterpriseState[]>();
  for (const r of records) byEnterprise.set(r.enterprise, [...(byEnterprise.get(r.enterprise) ?? []), r]);
  const readings: StateReading[] = [];
  for (const [enterprise, list] of byEnterprise) {
    const name = enterprise ?? 'the town-forming enterprise';
    const open = (r: InputEnterpriseState) => r.until === null || date < r.until;
    const known = list.filter((r) => r.since !== null && r.since <= date && open(r));
    const undated = list.filter((r) => r.since === null && open(r));
    const asValue = (r: InputEnterpriseState): ValueUsed => ({ period: `${r.since ?? '?'}–${r.until ?? ''}`, value: r.state, source: r.source });
    if (known.length) {
      const since = known
        .map((r) => r.since as string)
        .sort()
        .at(-1)!;
      const current = known.filter((r) => r.since === since);
      const kinds = [...new Set(current.map((r) => r.state))];
      const sources = [...new Set(current.map((r) => r.source))];
      if (kinds.length > 1 && new Set(kinds.map((k) => states.includes(k))).size > 1) {
        readings.push({
          enterprise,
          result: 'unknown',
          state: null,
          values: current.map(asValue),
          sources,
          note: `conflict: the sources disagree on the state of ${name} on ${date} (${current.map((r) => `${r.state} from ${r.source}`).join(', ')}); resolve the conflict in the data`,
        });
      } else {
        readings.push({
          enterprise,
          result: states.includes(kinds[0]),
          state: kinds.join('/'),
          values: current.map(asValue),
          sources,
          ...(kinds.length > 1
            ? {
                note: `the sources give different states of ${name} (${current.map((r) => `${r.state} from ${r.source}`).join(', ')}) but all lead to the same result`,
              }
            : {}),
        });
      }
    } else if (undated.length) {
      readings.push({
        enterprise,
        result: 'unknown',
        state: null,
        values: undated.map(asValue),
        sources: [...new Set(undated.map((r) => r.source))],
        note: `the state of ${name} (${undated.map((r) => `${r.state} from ${r.source}`).join(', ')}) has no start date, so it may have begun after ${date}; add the date it began`,
      });
    } else {
      readings.push({ enterprise, result: 'unknown', state: null, values: list.map(asValue), sources: [], note: `no state of ${name} is recorded on ${date}` });
    }
  }
  return readings;
}
