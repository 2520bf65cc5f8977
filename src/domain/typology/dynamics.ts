import { periodYear } from '../periods.js';
import { selectForYear } from './select.js';
import { ParamReader, band, bounds, combine, fmt, readDimension, type CustomReading, type DimensionContext, type Scale, type SourceSpec } from './signals.js';
import type { TypologyInput, TypologyResult } from './types.js';
import type { Parameters } from '../parameters.js';

/**
 * Development dynamics (seed 000: «fast and moderately developing», «slowly
 * developing», «truly depressed; stagnating and shrinking»): growing / slow /
 * depressed, from up to three signals — population, industrial output,
 * employment — each read from its most precise available source. The
 * thresholds are Monoqala's operationalisation, `rules/parameters/typology_dynamics/`.
 */

export const DYNAMICS_SCALE: Scale = { upper: 'growing', middle: 'slow', lower: 'depressed' };

const P = (name: string) => `typology_dynamics.${name}`;

/**
 * A trend from two figures of a series: the end figure (the year, or within the
 * look-back window) and a start figure between `minSpan` and `maxSpan` years
 * earlier (the latest such). Every pair of end and start figures is computed;
 * pairs that disagree on the class are a conflict.
 */
function seriesTrend(opts: {
  indicator: string;
  minSpan: number;
  maxSpan: number;
  ctx: DimensionContext;
  /** The change from start to end over `years`. */
  change: (start: number, end: number, years: number) => number;
  classify: (change: number) => string;
  describe: (change: string, start: string, end: string) => string;
  threshold: Record<string, number>;
  parameters: string[];
}): CustomReading {
  const { indicator, ctx } = opts;
  const end = selectForYear(ctx.observations, indicator, ctx.year, ctx.maxAgeYears);
  if (!end.found) return { status: 'absent', why: end.reason };
  const endYear = periodYear(end.period);
  const start = selectForYear(ctx.observations, indicator, endYear - opts.minSpan, opts.maxSpan - opts.minSpan);
  if (!start.found)
    return {
      status: 'absent',
      why: `${indicator}: the latest figure is for ${end.period}, and there is no figure between ${endYear - opts.maxSpan} and ${endYear - opts.minSpan} to start the trend from`,
    };
  const years = endYear - periodYear(start.period);
  const pairs = end.candidates.flatMap((e) =>
    start.candidates.map((s) => {
      const change = opts.change(s.value as number, e.value as number, years);
      return { s, e, change, cls: opts.classify(change) };
    }),
  );
  const shown = (x: (typeof pairs)[number]) => `${x.s.value} (${x.s.source}) → ${x.e.value} (${x.e.source}): ${fmt(x.change)} → ${x.cls}`;
  const classes = [...new Set(pairs.map((x) => x.cls))];
  if (classes.length > 1)
    return {
      status: 'conflict',
      year: endYear,
      why: `${indicator} ${start.period}–${end.period}: the sources disagree (${pairs.map(shown).join('; ')}); resolve the conflict in the data, no source is preferred`,
      missing: `${indicator}:conflict`,
    };
  const values = [...new Set(pairs.map((x) => x.change))];
  const sources = [...new Set(pairs.flatMap((x) => [x.s.source, x.e.source]))];
  return {
    status: 'signal',
    year: endYear,
    cls: classes[0],
    warnings:
      values.length > 1
        ? [`${indicator} ${start.period}–${end.period}: the sources give different figures (${pairs.map(shown).join('; ')}) but all lead to the same class`]
        : [],
    reason: {
      code: indicator,
      text: opts.describe(values.length === 1 ? fmt(values[0]) : values.map(fmt).join(' / '), start.period, end.period) + `: ${classes[0]}`,
      value: values.length === 1 ? values[0] : null,
      threshold: opts.threshold,
      parameters: opts.parameters,
      period: `${start.period}–${end.period}`,
      source: sources.join('; '),
    },
  };
}

const populationSeries: SourceSpec = {
  kind: 'custom',
  indicators: ['population'],
  read: (ctx) => {
    const hi = ctx.p.at(P('population_growing_min_pct_per_year'));
    const lo = ctx.p.at(P('population_depressed_max_pct_per_year'));
    const b = bounds(hi, lo, ctx.scale);
    return seriesTrend({
      indicator: 'population',
      minSpan: ctx.p.at(P('population_window_min_years')),
      maxSpan: ctx.p.at(P('population_window_max_years')),
      ctx,
      change: (s, e, years) => ((e / s) ** (1 / years) - 1) * 100,
      classify: (c) => band(c, hi, lo, ctx.scale),
      describe: (c, s, e) => `population ${s}–${e}, average annual change ${c} %/year (${b.text})`,
      threshold: b.threshold,
      parameters: [
        P('population_window_min_years'),
        P('population_window_max_years'),
        P('population_growing_min_pct_per_year'),
        P('population_depressed_max_pct_per_year'),
      ],
    });
  },
};

const unemploymentSeries: SourceSpec = {
  kind: 'custom',
  indicators: ['unemployment_rate_pct'],
  read: (ctx) => {
    const hi = ctx.p.at(P('unemployment_change_growing_max_pp'));
    const lo = ctx.p.at(P('unemployment_change_depressed_min_pp'));
    const b = bounds(hi, lo, ctx.scale, -1);
    return seriesTrend({
      indicator: 'unemployment_rate_pct',
      minSpan: 1,
      maxSpan: 1,
      ctx,
      change: (s, e) => e - s,
      classify: (c) => band(c, hi, lo, ctx.scale, -1),
      describe: (c, s, e) => `unemployment rate ${s} to ${e}, change ${c} pp (${b.text})`,
      threshold: b.threshold,
      parameters: [P('unemployment_change_growing_max_pp'), P('unemployment_change_depressed_min_pp')],
    });
  },
};

/** The dimensions and their sources, most precise first. */
export const DYNAMICS_DIMENSIONS: readonly { id: string; label: string; sources: readonly SourceSpec[] }[] = [
  {
    id: 'population',
    label: 'population trend',
    sources: [
      populationSeries,
      {
        kind: 'number',
        indicator: 'population_change_pct',
        upper: P('population_change_growing_min_pct'),
        lower: P('population_change_depressed_max_pct'),
        direction: 1,
        unit: '%',
        what: 'population change (over the span the source states)',
      },
      {
        kind: 'class',
        indicator: 'population_trend_class',
        map: { growing: 'growing', declining: 'depressed', largest_decline: 'depressed' },
        what: 'population trend as the source judges it',
      },
    ],
  },
  {
    id: 'output',
    label: 'industrial output trend',
    sources: [
      {
        kind: 'number',
        indicator: 'industrial_output_volume_index_pct',
        upper: P('output_index_growing_min_pct'),
        lower: P('output_index_depressed_max_pct'),
        direction: 1,
        unit: '% of the base period',
        what: 'physical volume index of industrial output',
      },
      {
        kind: 'class',
        indicator: 'industrial_output_trend_class',
        map: { increase: 'growing', stable: 'slow', decrease: 'depressed' },
        what: 'industrial output trend as the source states it',
      },
    ],
  },
  {
    id: 'employment',
    label: 'employment trend',
    sources: [
      {
        kind: 'number',
        indicator: 'unemployment_rate_change_pp',
        upper: P('unemployment_change_growing_max_pp'),
        lower: P('unemployment_change_depressed_min_pp'),
        direction: -1,
        unit: 'pp',
        what: 'change of the unemployment rate',
      },
      unemploymentSeries,
      {
        kind: 'class',
        indicator: 'employed_number_trend_class',
        map: { declining: 'depressed', not_declining: 'slow' },
        what: 'trend of the number of employed as the source judges it',
      },
    ],
  },
];

export function evaluateDynamics(
  input: TypologyInput,
  year: number,
  date: string,
  params: Parameters,
): Omit<TypologyResult, 'town' | 'typology' | 'year' | 'date'> {
  const p = new ParamReader(params, date);
  const ctx: DimensionContext = { observations: input.observations, year, maxAgeYears: p.at(P('max_age_years')), p, scale: DYNAMICS_SCALE };
  const outcomes = DYNAMICS_DIMENSIONS.map((d) => readDimension(d.id, d.label, d.sources, ctx));
  const { cls, reason } = combine(outcomes, DYNAMICS_SCALE, p, {
    minSignals: P('min_signals'),
    upperMinMean: P('growing_min_mean_score'),
    lowerMaxMean: P('depressed_max_mean_score'),
  });
  return {
    class: cls,
    reasons: [...outcomes.flatMap((o) => o.reasons), reason],
    // The inputs of the dimensions without a signal (any one of a dimension's sources would give it), also when the class did not need them.
    missing: [...new Set(outcomes.flatMap((o) => o.missing))].sort(),
    warnings: outcomes.flatMap((o) => o.warnings),
  };
}
