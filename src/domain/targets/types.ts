import type { ObservationStatus } from '../observations.js';
import type { ParameterEntry } from '../parameters.js';
import type { Period } from '../periods.js';
import type { Comparison, ScopeKind, TargetRule } from '../programs.js';

/**
 * The inputs and results of target tracking (docs/methods/targets.md). The input is the
 * legal-status engine's `InputObservation` (`src/domain/criteria/types.ts`) with the observation's
 * note, restated here because a domain subfolder imports only its siblings and the domain's
 * top-level modules (test/architecture.test.ts). TypeScript compares shapes, so a criteria
 * observation with a `note` is a target observation.
 */

/** One figure for one indicator and period, as target tracking receives it (pure data, no database). */
export interface TargetObservation {
  indicator: string;
  /** A year (2021) or a date (2014-08-01, a figure «на 1.08.2014»). */
  period: Period;
  value: number | null;
  valueText: string | null;
  /** The source: a source id, a URL, or "file | passage". */
  source: string;
  /** Targets and forecasts are never actuals; absent means actual. */
  status?: ObservationStatus;
  /** The observation's note: for an index, where its base period is stated ("2015 in % of 2011"). */
  note?: string | null;
  /**
   * For an index (a volume or price index): the period it is measured against. When absent it is
   * read from `note` (`indexBaseFromNote`); an index whose base is stated nowhere is not used.
   */
  basePeriod?: Period | null;
}

/** A town and its observations. */
export interface TownObservations {
  town: string;
  observations: readonly TargetObservation[];
}

export const TARGET_STATUSES = ['achieved', 'on_track', 'at_risk', 'missed', 'not_computable'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * What the actual and the baseline of a result are:
 * - `volume_index`: a physical volume index (real terms) against the target's base period = 100;
 * - `deflated`: nominal values divided by a price index that is itself an observation (real terms);
 * - `nominal`: the indicator's values as reported (current prices for money);
 * - `level`: the indicator's value compared with an absolute bound (at_least / at_most rules).
 */
export const BASES = ['volume_index', 'deflated', 'nominal', 'level'] as const;
export type Basis = (typeof BASES)[number];

/** Which side of the target value is success. */
export type Polarity = 'at_least' | 'at_most';
/**
 * Where the polarity comes from: the rule itself (at_least / at_most), the target's comparison, or —
 * for a comparison the source leaves `unspecified` — the direction of the stated change (an increase
 * of 20 % is reached once the indicator is 20 % up or more), which every result then says in a note.
 */
export type PolarityFrom = 'rule' | 'comparison' | 'stated_change';

/** One figure used, with where it comes from. */
export interface Figure {
  indicator: string;
  value: number;
  period: Period;
  source: string;
  status: ObservationStatus;
  note: string | null;
}

/** An index figure and the period it is measured against (null: stated nowhere, so not usable). */
export interface IndexFigure extends Figure {
  basePeriod: Period | null;
}

/** The starting point of progress. */
export interface Baseline {
  indicator: string;
  value: number;
  period: Period;
  source: string;
  /** `program`: baseline_value of the program file; `observation`: a figure of the base year; `index_base`: 100 by definition of the index. */
  from: 'program' | 'observation' | 'index_base';
}

/** The change between the two latest comparable figures of the target's indicator, as reported (nominal for money). */
export interface Trend {
  from: Figure;
  to: Figure;
  /** to ÷ from × 100 («темп роста»); null when `from` is 0. */
  ratioPct: number | null;
  /** to − from (percentage points for a rate). */
  difference: number;
}

/** One target evaluated for one town on one date: a row of a scorecard. */
export interface TargetResult {
  program: string | null;
  target: string;
  town: string;
  indicator: string;
  rule: TargetRule;
  comparison: Comparison | null;
  scope: ScopeKind;
  /** The target's `value` as the program states it (20 for +20 %, 2 for ×2, 5.5 for ≤ 5.5 %). */
  statedValue: number;
  polarity: Polarity | null;
  polarityFrom: PolarityFrom | null;
  /** What the actual and baseline are; null when no figure was found at all. */
  basis: Basis | null;
  baseline: Baseline | null;
  /** The level to reach, in the basis's terms (120 for +20 % on an index, 2 × base for ×2, 5.5 for ≤ 5.5 %). */
  targetValue: number | null;
  /** The figure judged: at the deadline once it has passed, else the latest on `asOf`. */
  actual: Figure | null;
  /** For the `deflated` basis: the price index used. */
  deflator: IndexFigure | null;
  /** Relative rules: (actual ÷ baseline − 1) × 100, in the basis's terms. */
  changePct: number | null;
  /** Progress from the baseline towards the target: (actual − baseline) ÷ (target − baseline) × 100. */
  achievementPct: number | null;
  /** The linear path: the share of the time from the baseline to the deadline elapsed at the actual's period, × 100. */
  expectedPct: number | null;
  status: TargetStatus;
  /** Why the status is `not_computable` (every reason, joined with "; "); null otherwise. */
  reason: string | null;
  deadline: Period | null;
  deadlineReached: boolean;
  targetSource: string[];
  wording: string;
  /** Every actual figure of the target's indicator up to `asOf`, oldest first. */
  history: Figure[];
  /** For indicators measured in real terms: every volume index figure up to `asOf`, with its base period. */
  indexHistory: IndexFigure[];
  trend: Trend | null;
  /** Warnings and readings that travel with the result. */
  notes: string[];
}

/** A program's targets evaluated for towns on one date. */
export interface Scorecard {
  program: string;
  asOf: string;
  /** The method parameters used, with their validity and reference. */
  parameters: ParameterEntry[];
  rows: TargetResult[];
}
