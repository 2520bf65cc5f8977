import type { LegalReference, Parameters } from '../parameters.js';
import type { LocalisedName } from '../registry.js';

/**
 * The inputs and results of the typologies. The input shapes are those of the
 * legal-status engine (`src/domain/criteria/types.ts`: `InputObservation`,
 * `InputEnterpriseState`, `TownInput`), re-exported here; a typology input is a
 * criteria `TownInput` plus the town-forming enterprises.
 */

import type { TownInput } from '../criteria/types.js';
export type { InputEnterpriseState, InputObservation, TownInput } from '../criteria/types.js';

/** A town-forming enterprise with its NACE section (the letter, A–U); null when not recorded. */
export interface InputEnterprise {
  name: string;
  naceSection: string | null;
  source: string;
}

/** What the typologies read: the legal-status input plus the town-forming enterprises. */
export interface TypologyInput extends TownInput {
  enterprises: readonly InputEnterprise[];
}

export const TYPOLOGY_IDS = ['tfe_operating_state', 'production_type', 'development_dynamics', 'economic_potential'] as const;
export type TypologyId = (typeof TYPOLOGY_IDS)[number];

/** One step of the reasoning: what was read, against which threshold, from where. */
export interface TypologyReason {
  /** Stable snake_case code, e.g. `population_trend`, `enterprise_state`, `majority`. */
  code: string;
  /** English, for logs; the UI builds its own wording from the code and the values. */
  text: string;
  value: number | string | null;
  /** Named bounds, e.g. `{ growing_min: 0.7, depressed_max: -0.5 }`, or the classes a value was matched against. */
  threshold: Readonly<Record<string, number | string>> | null;
  /** The parameters the threshold comes from (`<area>.<name>`). */
  parameters: string[];
  period: string | null;
  source: string | null;
}

export interface TypologyResult {
  town: string | null;
  typology: TypologyId;
  year: number;
  /** The date the year is evaluated on (31 December) and the parameters are read on. */
  date: string;
  class: string;
  reasons: TypologyReason[];
  /** The inputs the rule needed and did not find (or found in conflict); non-empty whenever the class is `unknown` for want of data. */
  missing: string[];
  /** Suspicious data that did not stop the rule (e.g. sources giving different values that lead to the same class). */
  warnings: string[];
}

/** A typology as a rule record (habit 2): the version in force on the date evaluated is used. */
export interface TypologyVersion {
  since: string;
  until: string | null;
  evaluate: (input: TypologyInput, year: number, date: string, params: Parameters) => Omit<TypologyResult, 'town' | 'typology' | 'year' | 'date'>;
}

export interface TypologyRule {
  id: TypologyId;
  label: LocalisedName;
  /** The seed the classes come from. */
  reference: LegalReference;
  /** The catalogue indicator holding the published classes (the seeds' categorical observations). */
  publishedIndicator: string;
  classes: readonly string[];
  versions: readonly TypologyVersion[];
}

/** The class used when a rule cannot decide; it always comes with reasons or missing inputs. */
export const UNKNOWN = 'unknown';
