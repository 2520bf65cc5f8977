import type { ObservationStatus } from '../observations.js';
import type { LegalReference } from '../parameters.js';
import type { LocalisedName, OperatingState } from '../registry.js';

/** Official wording in kk, ru and en. */
export type Label = LocalisedName;

/** Three-valued (Kleene) truth: "unknown" is a result, not a false. */
export type Truth = true | false | 'unknown';

export const VERDICTS = ['meets', 'does_not_meet', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What a rule set rests on: an act in force, a reading from the literature, or a labelled variant of another rule set. */
export const RULESET_KINDS = ['legal', 'literature', 'variant'] as const;
export type RuleSetKind = (typeof RULESET_KINDS)[number];

/** A criterion judged on another indicator than the one the rule names, said in every result. */
export interface ProxySpec {
  /** The indicator the rule names (e.g. tfe_employment_share_pct). */
  for: string;
  label: Label;
}

/**
 * A leaf of a criterion tree. `type` picks the evaluation from the criterion
 * registry (`CRITERION_TYPES`), which also says which of the optional fields
 * the type needs; parameter fields hold parameter names, never numbers.
 */
export interface LeafSpec {
  id: string;
  type: string;
  label: Label;
  /** An indicator code of the catalogue. */
  indicator?: string;
  /** Parameter names. */
  threshold?: string;
  min?: string;
  max?: string;
  years?: string;
  states?: OperatingState[];
  proxy?: ProxySpec;
}

export type CriterionNode = { all_of: CriterionNode[] } | { any_of: CriterionNode[] } | LeafSpec;

export interface RuleSetVersion {
  /** YYYY-MM-DD; the version applies on dates in [since, until). */
  since: string;
  until: string | null;
  criterion: CriterionNode;
  /** The act that changed the rule, when it differs from the rule set's. */
  reference: LegalReference | null;
  note: string | null;
}

export interface RuleSet {
  id: string;
  label: Label;
  /** The definition as the act words it, when there is one sentence to quote. */
  definition: Label | null;
  /** Where each language's wording comes from (verbatim from which source, or our translation). */
  wording: string | null;
  kind: RuleSetKind;
  /** For a variant: the rule set it varies. */
  variantOf: string | null;
  /** ISO 3166-1 alpha-2 code: KZ, RU. */
  jurisdiction: string;
  reference: LegalReference;
  /** Shown with every result: what the rule set leaves out or assumes. */
  note: string | null;
  versions: RuleSetVersion[];
}

/** One figure for one indicator and period, as the evaluator receives it (pure data, no database). */
export interface InputObservation {
  indicator: string;
  /** A year (2021) or a date (2021-01-01). */
  period: string;
  value: number | null;
  valueText: string | null;
  /** The source: a source id, a URL, or "file | passage". */
  source: string;
  /** Targets and forecasts never establish a status; absent means actual. */
  status?: ObservationStatus;
}

/** The operating state of a town-forming enterprise over [since, until); since null = start date unknown. */
export interface InputEnterpriseState {
  enterprise: string | null;
  state: OperatingState;
  since: string | null;
  until: string | null;
  source: string;
}

export interface TownInput {
  town: string | null;
  observations: readonly InputObservation[];
  enterpriseStates: readonly InputEnterpriseState[];
}

export type Comparator = 'at_least' | 'above' | 'between' | 'in' | 'at_least_each_year';

/** One figure a criterion looked at. */
export interface ValueUsed {
  period: string;
  value: number | string | null;
  source: string;
}

/** Where a threshold comes from: the parameter, its value on the evaluated date and its act. */
export interface ThresholdSource {
  parameter: string;
  value: number;
  unit: string;
  since: string;
  until: string | null;
  reference: LegalReference;
}

export interface ProxyUse {
  /** The indicator the rule names. */
  for: string;
  /** The indicator used instead. */
  use: string;
  label: Label;
}

export type Threshold = number | { min: number; max: number } | readonly string[];

export interface CriterionResult {
  id: string;
  type: string;
  label: Label;
  result: Truth;
  /** The value compared; null when absent or when sources conflict. */
  value: number | string | null;
  /** The period the value is for (it may be earlier than the year evaluated, within the look-back window). */
  period: string | null;
  threshold: Threshold;
  comparator: Comparator;
  /** Sources of the value(s). */
  sources: string[];
  /** Sources of the threshold(s). */
  thresholdSources: ThresholdSource[];
  /** Every figure considered (several when sources disagree or a rule spans years). */
  values: ValueUsed[];
  /** Inputs this criterion looked for and did not find. */
  missing: string[];
  proxy?: ProxyUse;
  note?: string;
}

export interface EvaluationResult {
  town: string | null;
  ruleset: string;
  rulesetLabel: Label;
  rulesetVersion: { since: string; until: string | null };
  year: number;
  /** The date the year is evaluated on: 31 December of the year. */
  date: string;
  verdict: Verdict;
  criteria: CriterionResult[];
  /** Every input a criterion looked for and did not find, sorted (also when the verdict did not depend on it). */
  missing: string[];
  /** Every proxy the version uses; non-empty means the verdict is not the act's own test. */
  proxies: ProxyUse[];
  /** The rule set's and version's notes, and the look-back window used. */
  notes: string[];
}

/** What a criterion is expected to give: a truth, or a truth with details. */
export interface CriterionExpectation {
  result: Truth;
  period?: string | null;
  value?: number | string | null;
  noteContains?: string;
}

export interface ScenarioExpectation {
  verdict?: Verdict;
  criteria?: Record<string, CriterionExpectation>;
  /** Compared as a set. */
  missing?: string[];
  /** Ids of the criteria that must carry a proxy label (compared as a set). */
  proxies?: string[];
  /** The evaluation must fail with this error code and a message containing `contains`. */
  error?: { code: string; contains: string | null };
}

export interface Scenario {
  name: string;
  /** The file the scenario came from, for messages. */
  file: string | null;
  ruleset: string;
  year: number;
  input: TownInput;
  expected: ScenarioExpectation;
}

export interface ScenarioOutcome {
  name: string;
  file: string | null;
  passed: boolean;
  /** One line per expectation that did not hold. */
  failures: string[];
  result: EvaluationResult | null;
  error: { code: string; message: string } | null;
}
