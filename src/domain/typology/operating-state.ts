import type { Parameters } from '../parameters.js';
import { ParamReader, fmt } from './signals.js';
import { stateOnDate } from './select.js';
import type { TypologyInput, TypologyReason, TypologyResult } from './types.js';
import { UNKNOWN } from './types.js';

/**
 * Operating state of the town-forming enterprise(s) (seed 003: «fully
 * operational core enterprises» / «only partially functional» / «the main
 * enterprise has shut down»): stable / unstable / declining, from each
 * town-forming enterprise's state on 31 December of the year.
 *
 * With n enterprises: stable when the share working fully reaches
 * `typology_operating_state.stable_min_full_share`; else declining when the
 * share stopped reaches `typology_operating_state.declining_min_stopped_share`;
 * else unstable (some partly working, or a mix). An enterprise whose state is
 * not known on the date could be in any state: the class is given only when
 * every possible state of the unknown ones leads to the same class.
 */

const P = (name: string) => `typology_operating_state.${name}`;

/** The class from the counts of enterprises in each state. */
export function operatingClass(full: number, stopped: number, n: number, stableMin: number, decliningMin: number): 'stable' | 'declining' | 'unstable' {
  if (full / n >= stableMin) return 'stable';
  if (stopped / n >= decliningMin) return 'declining';
  return 'unstable';
}

/** The town-forming enterprises: those listed, and any named only in a state record (null = the town's single enterprise). */
export function enterpriseKeys(input: TypologyInput): (string | null)[] {
  const keys: (string | null)[] = input.enterprises.map((e) => e.name);
  for (const s of input.enterpriseStates) if (!keys.includes(s.enterprise)) keys.push(s.enterprise);
  return keys;
}

export function evaluateOperatingState(
  input: TypologyInput,
  _year: number,
  date: string,
  params: Parameters,
): Omit<TypologyResult, 'town' | 'typology' | 'year' | 'date'> {
  const p = new ParamReader(params, date);
  const stableMin = p.at(P('stable_min_full_share'));
  const decliningMin = p.at(P('declining_min_stopped_share'));
  const keys = enterpriseKeys(input);
  if (keys.length === 0)
    return {
      class: UNKNOWN,
      reasons: [
        {
          code: 'no_enterprises',
          text: 'no town-forming enterprise is recorded for the town',
          value: 0,
          threshold: null,
          parameters: [],
          period: null,
          source: null,
        },
      ],
      missing: ['town_forming_enterprises'],
      warnings: [],
    };
  const reasons: TypologyReason[] = [];
  const missing: string[] = [];
  const warnings: string[] = [];
  let full = 0;
  let partial = 0;
  let stopped = 0;
  for (const key of keys) {
    const name = key ?? 'the town-forming enterprise';
    const s = stateOnDate(input.enterpriseStates, key, date);
    if (!s.known) {
      missing.push(`enterprise_states:${name}`);
      reasons.push({
        code: 'enterprise_state_unknown',
        text: `${name}: ${s.reason}`,
        value: null,
        threshold: null,
        parameters: [],
        period: date,
        source: null,
      });
      if (s.reason.startsWith('conflict')) warnings.push(`${name}: ${s.reason}`);
      continue;
    }
    if (s.state === 'full') full++;
    else if (s.state === 'stopped') stopped++;
    else partial++;
    reasons.push({
      code: 'enterprise_state',
      text: `${name}: ${s.state} on ${date} (since ${s.record.since}${s.record.until ? `, until ${s.record.until}` : ''})`,
      value: s.state,
      threshold: null,
      parameters: [],
      period: `${s.record.since}–${s.record.until ?? ''}`,
      source: s.record.source,
    });
  }
  const n = keys.length;
  const unknown = n - full - partial - stopped;
  // Every way the unknown states could fall: a unknown ones full, b stopped, the rest partial.
  const possible = new Set<string>();
  for (let a = 0; a <= unknown; a++) for (let b = 0; a + b <= unknown; b++) possible.add(operatingClass(full + a, stopped + b, n, stableMin, decliningMin));
  const cls = possible.size === 1 ? [...possible][0] : UNKNOWN;
  reasons.push({
    code: 'state_shares',
    text:
      `${n} town-forming enterprise${n === 1 ? '' : 's'}: ${full} full, ${partial} partial, ${stopped} stopped, ${unknown} unknown; ` +
      `stable when the share working fully is at least ${fmt(stableMin)}, else declining when the share stopped is at least ${fmt(decliningMin)}, else unstable` +
      (unknown === 0
        ? `: ${cls}`
        : cls === UNKNOWN
          ? `; the unknown states could give ${[...possible].sort().join(' or ')}`
          : `; ${cls} whatever the unknown states`),
    value: unknown === 0 ? `${full}/${partial}/${stopped}` : `${full}/${partial}/${stopped} (+${unknown} unknown)`,
    threshold: { stable_min_full_share: stableMin, declining_min_stopped_share: decliningMin },
    parameters: [...p.used],
    period: date,
    source: null,
  });
  return { class: cls, reasons, missing: [...new Set(missing)].sort(), warnings };
}
