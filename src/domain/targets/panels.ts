import { invalidArgument } from '../errors.js';
import { isIsoDate } from '../parameters.js';
import { figuresUpTo, latestOf } from './figures.js';
import { budgetUtilisation } from './money.js';
import type { TargetObservation } from './types.js';

/**
 * Effectiveness panels: the indicators seed 000 proposes in its conclusion for judging a program's
 * social effectiveness (unemployment rate, jobs created, median income, share of the ageing
 * population) and economic effectiveness (efficiency of budget use, level of industrial
 * cooperation, level of innovation). Each panel item names the indicator code it needs; whether the
 * catalogue has it and whether the town has a figure is checked, and a related indicator is never
 * substituted for a missing one.
 */

const SEED_000 = '000_8d3b91899ef0f156.txt | Conclusion, paragraph "In order to improve the existing program documents…"';

export type PanelName = 'social' | 'economic';

export type PanelMeasure =
  /** The latest figure of one indicator. */
  | { kind: 'indicator'; indicator: string }
  /** Budget utilisation: used ÷ allocated × 100, both in million KZT for the same period. */
  | { kind: 'budget_utilisation'; used: string; allocated: string }
  /** The source proposes the indicator without saying how to measure it. */
  | { kind: 'undefined'; why: string };

export interface PanelItemSpec {
  id: string;
  panel: PanelName;
  label: string;
  measure: PanelMeasure;
  /** Indicators that exist and look related but are not this measure, with why; named in the reason, never used. */
  notSubstituted: { indicator: string; why: string }[];
  source: string;
}

/** The panels of seed 000's conclusion; indicator codes absent from the catalogue are what Monoqala would record. */
export const EFFECTIVENESS_PANELS: readonly PanelItemSpec[] = [
  {
    id: 'unemployment_rate',
    panel: 'social',
    label: 'unemployment rate',
    measure: { kind: 'indicator', indicator: 'unemployment_rate_pct' },
    notSubstituted: [],
    source: SEED_000,
  },
  {
    id: 'jobs_created',
    panel: 'social',
    label: 'jobs created',
    measure: { kind: 'indicator', indicator: 'jobs_created' },
    notSubstituted: [{ indicator: 'program budget lines (counts.jobs)', why: 'jobs a project plans to create are not jobs created' }],
    source: SEED_000,
  },
  {
    id: 'median_income',
    panel: 'social',
    label: 'median income',
    measure: { kind: 'indicator', indicator: 'median_income_kzt' },
    notSubstituted: [{ indicator: 'avg_monthly_wage_kzt', why: 'the mean wage of employees is not the median income of the population' }],
    source: SEED_000,
  },
  {
    id: 'ageing_share',
    panel: 'social',
    label: 'share of the ageing population (aged 65 and over)',
    measure: { kind: 'indicator', indicator: 'share_65_plus_pct' },
    notSubstituted: [],
    source: SEED_000,
  },
  {
    id: 'budget_use_efficiency',
    panel: 'economic',
    label: 'efficiency of budget use (funds used ÷ funds allocated)',
    measure: { kind: 'budget_utilisation', used: 'program_budget_used_mkzt', allocated: 'program_budget_allocated_mkzt' },
    notSubstituted: [
      {
        indicator: 'program_projects_in_procurement_mkzt',
        why: 'projects at the stage of state expertise and procurement are not funds used',
      },
      { indicator: 'budget_funds_underused', why: 'a yes/no finding, not a share' },
    ],
    source: SEED_000,
  },
  {
    id: 'industrial_cooperation',
    panel: 'economic',
    label: 'level of industrial cooperation',
    measure: {
      kind: 'undefined',
      why: 'seed 000 proposes "the level of industrial cooperation" without saying how to measure it, and the catalogue has no indicator for it',
    },
    notSubstituted: [
      {
        indicator: 'partnership_contracts_count / partnership_contracts_mkzt',
        why: "contracts under the town-forming enterprise's partnership programme are one form of cooperation, not its level",
      },
    ],
    source: SEED_000,
  },
  {
    id: 'innovation_level',
    panel: 'economic',
    label: 'level of innovation',
    measure: {
      kind: 'undefined',
      why: 'seed 000 proposes "the level of innovation" without saying how to measure it, and the catalogue has no indicator for it',
    },
    notSubstituted: [],
    source: SEED_000,
  },
];

export interface PanelValue {
  id: string;
  panel: PanelName;
  label: string;
  /** The indicator codes the item reads (empty for an undefined measure). */
  indicators: string[];
  value: number | null;
  unit: string | null;
  period: string | null;
  sources: string[];
  status: 'computed' | 'not_computable';
  /** Why the value is null; null when computed. */
  reason: string | null;
  notes: string[];
}

export interface EffectivenessPanels {
  town: string;
  asOf: string;
  social: PanelValue[];
  economic: PanelValue[];
}

/** What the panels need to know about the catalogue: the codes it has and their units. */
export type PanelCatalogue = ReadonlyMap<string, { unit: string }>;

function notSubstitutedNote(spec: PanelItemSpec): string {
  return spec.notSubstituted.map((n) => `${n.indicator} is not used instead: ${n.why}`).join('; ');
}

function item(spec: PanelItemSpec, town: string, observations: readonly TargetObservation[], catalogue: PanelCatalogue, asOf: string): PanelValue {
  const base = { id: spec.id, panel: spec.panel, label: spec.label };
  const none = (indicators: string[], reason: string, notes: string[] = []): PanelValue => {
    const extra = notSubstitutedNote(spec);
    return {
      ...base,
      indicators,
      value: null,
      unit: null,
      period: null,
      sources: [],
      status: 'not_computable',
      reason: extra ? `${reason}; ${extra}` : reason,
      notes,
    };
  };
  const m = spec.measure;
  if (m.kind === 'undefined') return none([], m.why);
  const needed = m.kind === 'indicator' ? [m.indicator] : [m.used, m.allocated];
  const absent = needed.filter((c) => !catalogue.has(c));
  if (absent.length) return none(needed, `no indicator for ${spec.label} in the catalogue (Monoqala would record ${absent.join(' and ')})`);
  if (!observations.length) return none(needed, `no observation for ${town}`);

  if (m.kind === 'indicator') {
    const pick = latestOf(figuresUpTo(observations, m.indicator, asOf), `${m.indicator} for ${town} up to ${asOf}`);
    if (!pick.found) return none(needed, pick.reason);
    const f = pick.figure;
    return {
      ...base,
      indicators: needed,
      value: f.value,
      unit: catalogue.get(m.indicator)!.unit,
      period: f.period,
      sources: [f.source],
      status: 'computed',
      reason: null,
      notes: pick.notes,
    };
  }

  // Budget utilisation on the latest period with an allocation, used funds of the same period.
  const allocated = latestOf(figuresUpTo(observations, m.allocated, asOf), `${m.allocated} for ${town} up to ${asOf}`);
  if (!allocated.found) return none(needed, allocated.reason);
  const a = allocated.figure;
  const used = latestOf(
    figuresUpTo(observations, m.used, asOf).filter((f) => f.period === a.period),
    `${m.used} for ${town} for ${a.period}`,
  );
  if (!used.found) return none(needed, `${used.reason}, the period of the latest allocation (${a.value} million KZT)`);
  const u = used.figure;
  const r = budgetUtilisation({ amount: u.value, unit: 'million_kzt', period: u.period }, { amount: a.value, unit: 'million_kzt', period: a.period });
  if (r.value === null) return none(needed, r.reason ?? 'not computable');
  return {
    ...base,
    indicators: needed,
    value: r.value,
    unit: r.unit,
    period: a.period,
    sources: [...new Set([u.source, a.source])],
    status: 'computed',
    reason: null,
    notes: [...allocated.notes, ...used.notes, ...r.notes],
  };
}

/**
 * The social and economic effectiveness panels for one town on `asOf` (YYYY-MM-DD): each item's
 * latest value with period and source, or `not_computable` with the reason.
 */
export function effectivenessPanels(
  town: string,
  observations: readonly TargetObservation[],
  catalogue: PanelCatalogue,
  asOf: string,
  specs: readonly PanelItemSpec[] = EFFECTIVENESS_PANELS,
): EffectivenessPanels {
  if (!isIsoDate(asOf)) throw invalidArgument('asOf', `"${asOf}" is not a date; panels are read on a date written YYYY-MM-DD.`);
  const values = specs.map((s) => item(s, town, observations, catalogue, asOf));
  return { town, asOf, social: values.filter((v) => v.panel === 'social'), economic: values.filter((v) => v.panel === 'economic') };
}
