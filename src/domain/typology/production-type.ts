import type { Parameters } from '../parameters.js';
import { enterpriseKeys } from './operating-state.js';
import { ParamReader, fmt } from './signals.js';
import { stateOnDate } from './select.js';
import type { TypologyInput, TypologyReason, TypologyResult } from './types.js';
import { UNKNOWN } from './types.js';

/**
 * Type of production (seed 003: towns «focused on extractive industries»,
 * «centered around processing industries», «involved in scientific research
 * and development»): extractive / processing / research, from the NACE
 * sections of the town-forming enterprises.
 */

export const PRODUCTION_TYPES = ['extractive', 'processing', 'research'] as const;
export type ProductionType = (typeof PRODUCTION_TYPES)[number];

/**
 * NACE section → production type. The seed's three types follow the statistics
 * bureau's breakdown of industry: «горнодобывающая промышленность» (section B)
 * is extractive, «обрабатывающая промышленность» (section C, manufacturing) is
 * processing; research is section M (scientific research and development is
 * its division 72). Section D (electricity, gas and steam supply) is a branch
 * of industry of its own in that breakdown, neither mining nor manufacturing:
 * a power station is left out of the vote (the reason says so), so a town of a
 * coal mine and a power station is extractive, and a town whose only
 * town-forming enterprise is a power station is `unknown`. Any other section
 * has no production type and is left out too. See docs/methods/typologies.md.
 */
export const NACE_PRODUCTION_TYPES: Readonly<Record<string, { type: ProductionType | null; why: string }>> = {
  B: { type: 'extractive', why: 'section B, mining and quarrying (горнодобывающая промышленность)' },
  C: { type: 'processing', why: 'section C, manufacturing (обрабатывающая промышленность)' },
  D: {
    type: null,
    why: 'section D, electricity, gas and steam supply: neither extractive nor processing in the statistics breakdown of industry, so left out',
  },
  M: { type: 'research', why: 'section M, professional, scientific and technical activities (incl. scientific research and development)' },
};

const P = (name: string) => `typology_production_type.${name}`;

/** The type holding more than `majorityMin` of the classified enterprises, or null (a tie, or no majority). */
export function majorityType(counts: Readonly<Record<ProductionType, number>>, majorityMin: number): ProductionType | null {
  const total = PRODUCTION_TYPES.reduce((s, t) => s + counts[t], 0);
  if (total === 0) return null;
  return PRODUCTION_TYPES.find((t) => counts[t] / total > majorityMin) ?? null;
}

export function evaluateProductionType(
  input: TypologyInput,
  _year: number,
  date: string,
  params: Parameters,
): Omit<TypologyResult, 'town' | 'typology' | 'year' | 'date'> {
  const p = new ParamReader(params, date);
  const majorityMin = p.at(P('majority_min_share'));
  const reasons: TypologyReason[] = [];
  const missing: string[] = [];
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
  const counts: Record<ProductionType, number> = { extractive: 0, processing: 0, research: 0 };
  let unclassified = 0;
  const stoppedOn = (key: string | null) => {
    const s = stateOnDate(input.enterpriseStates, key, date);
    return s.known && s.state === 'stopped' ? s.record : null;
  };
  // Stopped enterprises are left out while another one still works; when all have stopped, they still say what the town produced.
  const allStopped = keys.every((k) => stoppedOn(k) !== null);
  if (allStopped)
    reasons.push({
      code: 'all_stopped',
      text: `every town-forming enterprise has stopped on ${date}; the type is read from what they produced`,
      value: keys.length,
      threshold: null,
      parameters: [],
      period: date,
      source: null,
    });
  for (const key of keys) {
    const name = key ?? 'the town-forming enterprise';
    const e = input.enterprises.find((x) => x.name === key);
    const stopped = allStopped ? null : stoppedOn(key);
    if (stopped) {
      reasons.push({
        code: 'enterprise_stopped',
        text: `${name}: stopped on ${date} (since ${stopped.since}), left out while another town-forming enterprise has not stopped`,
        value: 'stopped',
        threshold: null,
        parameters: [],
        period: `${stopped.since}–${stopped.until ?? ''}`,
        source: stopped.source,
      });
      continue;
    }
    const section = e?.naceSection ?? null;
    if (section === null) {
      unclassified++;
      missing.push(`nace_section:${name}`);
      reasons.push({
        code: 'nace_section_missing',
        text: `${name}: no NACE section recorded`,
        value: null,
        threshold: null,
        parameters: [],
        period: null,
        source: e?.source ?? null,
      });
      continue;
    }
    const mapping = Object.hasOwn(NACE_PRODUCTION_TYPES, section) ? NACE_PRODUCTION_TYPES[section] : null;
    const type = mapping?.type ?? null;
    if (type) counts[type]++;
    reasons.push({
      code: type ? 'nace_section' : 'nace_section_left_out',
      text: `${name}: ${mapping ? mapping.why : `section ${section} has no production type, left out`}${type ? ` → ${type}` : ''}`,
      value: section,
      threshold: null,
      parameters: [],
      period: null,
      source: e?.source ?? null,
    });
  }
  // An enterprise without a section could be of any type, or left out: the class stands only if it holds whatever they are.
  const possible = new Set<string>();
  for (let a = 0; a <= unclassified; a++)
    for (let b = 0; a + b <= unclassified; b++)
      for (let c = 0; a + b + c <= unclassified; c++)
        possible.add(
          majorityType({ extractive: counts.extractive + a, processing: counts.processing + b, research: counts.research + c }, majorityMin) ?? UNKNOWN,
        );
  const cls = possible.size === 1 ? [...possible][0] : UNKNOWN;
  const total = PRODUCTION_TYPES.reduce((s, t) => s + counts[t], 0);
  const listed = PRODUCTION_TYPES.map((t) => `${counts[t]} ${t}`).join(', ');
  const top = Math.max(...PRODUCTION_TYPES.map((t) => counts[t]));
  const undecided = total > 0 && unclassified === 0 && cls === UNKNOWN;
  const tie = undecided && PRODUCTION_TYPES.filter((t) => counts[t] === top).length > 1;
  reasons.push({
    code:
      total === 0 && unclassified === 0
        ? 'no_classified_enterprise'
        : tie
          ? 'tie'
          : undecided
            ? 'no_majority'
            : cls === UNKNOWN
              ? 'sections_missing'
              : 'majority',
    text:
      `${listed}${unclassified ? `, ${unclassified} without a section` : ''}; a type needs more than ${fmt(majorityMin)} of the classified enterprises` +
      (total === 0 && unclassified === 0
        ? ': no town-forming enterprise in a section with a production type'
        : tie
          ? `: a tie between ${PRODUCTION_TYPES.filter((t) => counts[t] === top).join(' and ')}, so the type is not decided`
          : undecided
            ? ': no type has a majority, so the type is not decided'
            : cls === UNKNOWN
              ? `: the enterprises without a section could give ${[...possible].sort().join(' or ')}`
              : `: ${cls}`),
    value: listed,
    threshold: { majority_min_share: majorityMin },
    parameters: [P('majority_min_share')],
    period: null,
    source: null,
  });
  return { class: cls, reasons, missing: [...new Set(missing)].sort(), warnings: [] };
}
