import { DomainError } from '../errors.js';
import type { LegalReference, Parameters } from '../parameters.js';
import { evaluateDynamics } from './dynamics.js';
import { evaluateOperatingState } from './operating-state.js';
import { evaluatePotential } from './potential.js';
import { evaluateProductionType } from './production-type.js';
import { evaluationDate } from './select.js';
import { TYPOLOGY_IDS, UNKNOWN, type InputObservation, type TypologyId, type TypologyInput, type TypologyResult, type TypologyRule } from './types.js';

/**
 * The four typologies of monotowns as rule records (id, label, the seed they
 * rest on, versions by date), computed per town and year with reasons and
 * missing inputs. A typology that cannot decide says `unknown` and why; it
 * never falls back on a default class. Method: docs/methods/typologies.md.
 */

const SEED_003: LegalReference = {
  act: '«Current economic situation and development trends of monotowns in the Republic of Kazakhstan», journal article (seed 003, 003_619b76c66df76652.txt); not a legal act',
  number: null,
  date: '2025',
  url: null,
  passage:
    'Results and Discussion: «In Kazakhstan, mono-cities are classified based on two main factors … the level of economic activity of the main enterprise; the type of production»',
};

/** Every version starts on this date: the typologies are analytic, not acts, and apply to any year from 2000 on. */
const SINCE = '2000-01-01';

export const TYPOLOGIES: Readonly<Record<TypologyId, TypologyRule>> = {
  tfe_operating_state: {
    id: 'tfe_operating_state',
    label: { kk: 'Қала құрушы кәсіпорынның жұмыс жағдайы', ru: 'Состояние градообразующего предприятия', en: 'Operating state of the town-forming enterprise' },
    reference: SEED_003,
    publishedIndicator: 'tfe_operating_state_class',
    classes: ['stable', 'unstable', 'declining'],
    versions: [{ since: SINCE, until: null, evaluate: evaluateOperatingState }],
  },
  production_type: {
    id: 'production_type',
    label: { kk: 'Өндіріс түрі', ru: 'Тип производства', en: 'Type of production' },
    reference: SEED_003,
    publishedIndicator: 'production_type_class',
    classes: ['extractive', 'processing', 'research'],
    versions: [{ since: SINCE, until: null, evaluate: evaluateProductionType }],
  },
  development_dynamics: {
    id: 'development_dynamics',
    label: { kk: 'Даму динамикасы', ru: 'Динамика развития', en: 'Development dynamics' },
    reference: {
      act: 'L. L. Bozhko, «Government support for monotowns in the Republic of Kazakhstan», R-Economy 3(1) (seed 000, 000_8d3b91899ef0f156.txt); not a legal act',
      number: null,
      date: '2017',
      url: null,
      passage: '«According to the dynamics and socioeconomic potential, monotowns in Kazakhstan can be broadly classified into the following categories …»',
    },
    publishedIndicator: 'development_dynamics_class',
    classes: ['growing', 'slow', 'depressed'],
    versions: [{ since: SINCE, until: null, evaluate: evaluateDynamics }],
  },
  economic_potential: {
    id: 'economic_potential',
    label: { kk: 'Экономикалық әлеует', ru: 'Экономический потенциал', en: 'Economic potential' },
    reference: {
      act: 'M. Junussova, A. Beimisheva, «Monotowns of Kazakhstan: development challenges and opportunities», slides (seed 001, 001_732c555d31ec85e8.txt); not a legal act',
      number: null,
      date: '2019',
      url: null,
      passage:
        'Slide 7: «Temirtau, Rudny, Ridder, Aksu, and Ekibastuz were identified as having high economic potential. Only Zhanatas and Arkalyk were categorised as having low economic potential.»',
    },
    publishedIndicator: 'economic_potential_class',
    classes: ['high', 'medium', 'low'],
    versions: [{ since: SINCE, until: null, evaluate: evaluatePotential }],
  },
};

/** The typology by id; an unknown id throws, listing the valid ones. */
export function typology(id: string): TypologyRule {
  if (!Object.hasOwn(TYPOLOGIES, id))
    throw new DomainError('invalid_argument', `No typology "${id}". Valid typologies: ${TYPOLOGY_IDS.join(', ')}.`, {
      field: 'typology',
      id,
      valid: [...TYPOLOGY_IDS],
    });
  return TYPOLOGIES[id as TypologyId];
}

/** Computes one typology for one town and year; the parameters are read on 31 December of the year. */
export function computeTypology(id: string, input: TypologyInput, year: number, params: Parameters): TypologyResult {
  const rule = typology(id);
  const date = evaluationDate(year);
  const version = rule.versions.find((v) => v.since <= date && (v.until === null || date < v.until));
  if (!version)
    throw new DomainError(
      'not_found',
      `The typology "${rule.id}" has no version in force on ${date}; its versions cover ${rule.versions.map((v) => `${v.since} – ${v.until ?? 'open-ended'}`).join(', ')}. Evaluate a year within them.`,
      { what: 'typology_version', typology: rule.id, date },
    );
  const r = version.evaluate(input, year, date, params);
  return { town: input.town, typology: rule.id, year, date, ...r };
}

/** All four typologies for one town and year. */
export function computeTypologies(input: TypologyInput, year: number, params: Parameters): TypologyResult[] {
  return TYPOLOGY_IDS.map((id) => computeTypology(id, input, year, params));
}

/**
 * The published class of each town for a typology and year: the categorical
 * observations of the typology's indicator dated in exactly that year (the
 * seeds date a classification by the year of the text). Targets and forecasts
 * are not classes. Two different published classes for one town and year are a
 * conflict and give `unknown` for that town, listed in `conflicts`.
 */
export function publishedClasses(
  towns: readonly { town: string; observations: readonly InputObservation[] }[],
  id: TypologyId,
  year: number,
): { classes: Record<string, string>; conflicts: string[] } {
  const indicator = typology(id).publishedIndicator;
  const classes: Record<string, string> = {};
  const conflicts: string[] = [];
  for (const t of towns) {
    const found = [
      ...new Set(
        t.observations
          .filter(
            (o) =>
              o.indicator === indicator &&
              o.valueText &&
              o.period.slice(0, 4) === String(year) &&
              (o.status ?? 'actual') !== 'target' &&
              o.status !== 'forecast',
          )
          .map((o) => o.valueText as string),
      ),
    ];
    if (found.length === 1) classes[t.town] = found[0];
    else if (found.length > 1) {
      classes[t.town] = UNKNOWN;
      conflicts.push(`${t.town}: ${indicator} ${year} is published as ${found.join(' and ')}`);
    }
  }
  return { classes, conflicts };
}

export { confusionTable, type ConfusionTable } from './confusion.js';
export { dataDrivenTypology, type DataDrivenInput, type DataDrivenResult } from './data-driven.js';
export { DYNAMICS_DIMENSIONS } from './dynamics.js';
export { operatingClass } from './operating-state.js';
export { NATIONAL_WAGE_PARAMETER, POTENTIAL_DIMENSIONS } from './potential.js';
export { NACE_PRODUCTION_TYPES, PRODUCTION_TYPES, majorityType, type ProductionType } from './production-type.js';
export { evaluationDate, readCandidates, selectForYear, stateOnDate } from './select.js';
export * from './types.js';
