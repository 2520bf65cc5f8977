import type { Parameters } from '../parameters.js';
import { periodYear } from '../periods.js';
import { readCandidates, selectForYear } from './select.js';
import { ParamReader, band, bounds, combine, fmt, readDimension, type DimensionContext, type Scale, type SourceSpec } from './signals.js';
import type { TypologyInput, TypologyResult } from './types.js';

/**
 * Economic potential (seed 001: «high economic potential» / «low economic
 * potential»): high / medium / low from explicit criteria — the town's weight
 * in national industry (output share, output per head, investment share), its
 * wage level and a source's judgement of its development level. Each criterion
 * gives one signal; the mean score gives the class. Parameters:
 * `rules/parameters/typology_potential/`.
 */

export const POTENTIAL_SCALE: Scale = { upper: 'high', middle: 'medium', lower: 'low' };

const P = (name: string) => `typology_potential.${name}`;
export const NATIONAL_WAGE_PARAMETER = P('national_avg_monthly_wage_kzt');

/** The town's average wage against the national average of the same year (a dated parameter). */
const wageRatio: SourceSpec = {
  kind: 'custom',
  indicators: ['avg_monthly_wage_kzt'],
  read: (ctx) => {
    const sel = selectForYear(ctx.observations, 'avg_monthly_wage_kzt', ctx.year, ctx.maxAgeYears);
    if (!sel.found) return { status: 'absent', why: sel.reason };
    const y = periodYear(sel.period);
    const on = `${y}-12-31`;
    const span = ctx.p.params.validity(NATIONAL_WAGE_PARAMETER).find((s) => s.since <= on && (s.until === null || on < s.until));
    if (!span)
      return {
        status: 'absent',
        why: `the wage figure is for ${sel.period}, but ${NATIONAL_WAGE_PARAMETER} has no national average for ${y}; add it with its source to rules/parameters/typology_potential/national_avg_monthly_wage_kzt.yaml`,
      };
    ctx.p.used.add(NATIONAL_WAGE_PARAMETER);
    const national = span.value;
    const hi = ctx.p.at(P('wage_ratio_high_min'));
    const lo = ctx.p.at(P('wage_ratio_low_max'));
    const r = readCandidates(sel.candidates, (o) => band((o.value as number) / national, hi, lo, ctx.scale));
    if (!r.agreed) return { status: 'conflict', year: y, why: `avg_monthly_wage_kzt: ${r.conflict}`, missing: 'avg_monthly_wage_kzt:conflict' };
    const b = bounds(hi, lo, ctx.scale);
    const ratio = r.value === null ? null : (r.value as number) / national;
    return {
      status: 'signal',
      year: y,
      cls: r.cls,
      warnings: r.warning ? [`avg_monthly_wage_kzt: ${r.warning}`] : [],
      reason: {
        code: 'avg_monthly_wage_ratio',
        text: `average monthly wage ${r.value ?? r.values.map((o) => o.value).join(' / ')} KZT in ${sel.period} against the national ${national} KZT: ratio ${ratio === null ? 'differs by source' : fmt(ratio)}: ${r.cls} (${b.text})`,
        value: ratio,
        threshold: { ...b.threshold, national_avg_monthly_wage_kzt: national },
        parameters: [NATIONAL_WAGE_PARAMETER, P('wage_ratio_high_min'), P('wage_ratio_low_max')],
        period: sel.period,
        source: [...new Set(r.values.map((o) => o.source))].join('; '),
      },
    };
  },
};

export const POTENTIAL_DIMENSIONS: readonly { id: string; label: string; sources: readonly SourceSpec[] }[] = [
  {
    id: 'output_share',
    label: 'share of national industrial output',
    sources: [
      {
        kind: 'number',
        indicator: 'industrial_output_national_share_pct',
        upper: P('output_share_high_min_pct'),
        lower: P('output_share_low_max_pct'),
        direction: 1,
        unit: '%',
        what: 'share of national industrial output',
      },
      {
        kind: 'class',
        indicator: 'industrial_output_national_share_over_1pct',
        map: { yes: 'high' },
        what: 'share of national industrial output above 1 %',
      },
    ],
  },
  {
    id: 'output_per_capita',
    label: 'industrial output per head',
    sources: [
      {
        kind: 'class',
        indicator: 'industrial_output_per_capita_above_national_average',
        map: { yes: 'high' },
        what: 'industrial output per head above the national average',
      },
    ],
  },
  {
    id: 'investment',
    label: 'share of national investment in fixed capital',
    sources: [
      {
        kind: 'class',
        indicator: 'investment_national_share_over_1pct',
        map: { yes: 'high' },
        what: 'share of national investment in fixed capital above 1 %',
      },
    ],
  },
  {
    id: 'wage',
    label: 'wage level',
    sources: [
      wageRatio,
      {
        kind: 'class',
        indicator: 'wage_band_class',
        map: { over_5_minimum_wages: 'high', '3_to_3.5_subsistence_minima': 'low', below_usd_300: 'low' },
        what: 'wage band',
      },
      {
        kind: 'class',
        indicator: 'wage_vs_region_average_class',
        map: { above: 'high', below: 'low' },
        what: 'average wage against the region',
      },
    ],
  },
  {
    id: 'development_level',
    label: 'level of economic development',
    sources: [
      {
        kind: 'class',
        indicator: 'economic_development_level_class',
        map: { less_developed: 'low' },
        what: 'level of economic development as the source judges it',
      },
    ],
  },
];

export function evaluatePotential(
  input: TypologyInput,
  year: number,
  date: string,
  params: Parameters,
): Omit<TypologyResult, 'town' | 'typology' | 'year' | 'date'> {
  const p = new ParamReader(params, date);
  const ctx: DimensionContext = { observations: input.observations, year, maxAgeYears: p.at(P('max_age_years')), p, scale: POTENTIAL_SCALE };
  const outcomes = POTENTIAL_DIMENSIONS.map((d) => readDimension(d.id, d.label, d.sources, ctx));
  const { cls, reason } = combine(outcomes, POTENTIAL_SCALE, p, {
    minSignals: P('min_criteria'),
    upperMinMean: P('high_min_mean_score'),
    lowerMaxMean: P('low_max_mean_score'),
  });
  return {
    class: cls,
    reasons: [...outcomes.flatMap((o) => o.reasons), reason],
    missing: [...new Set(outcomes.flatMap((o) => o.missing))].sort(),
    warnings: outcomes.flatMap((o) => o.warnings),
  };
}
