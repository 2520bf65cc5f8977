import type { Parameters } from '../parameters.js';
import { periodYear } from '../periods.js';
import { readCandidates, selectForYear } from './select.js';
import type { InputObservation, TypologyReason } from './types.js';
import { UNKNOWN } from './types.js';

/**
 * The machinery shared by the typologies that weigh several signals
 * (development dynamics, economic potential): each dimension (population,
 * output, …) gives at most one signal, read from the most precise source
 * available; a signal is a class with a score (+1, 0, −1); the mean score,
 * over at least a minimum number of signals, gives the class.
 */

/** Reads parameters on one date and remembers which were read. */
export class ParamReader {
  readonly used = new Set<string>();
  constructor(
    readonly params: Parameters,
    readonly date: string,
  ) {}
  at(name: string): number {
    this.used.add(name);
    return this.params.at(name, this.date);
  }
}

/** Three ordered classes: the upper one scores +1, the middle 0, the lower −1. */
export interface Scale {
  upper: string;
  middle: string;
  lower: string;
}

export interface Signal {
  dimension: string;
  cls: string;
  score: number;
}

export interface DimensionOutcome {
  signal: Signal | null;
  reasons: TypologyReason[];
  missing: string[];
  warnings: string[];
}

export interface DimensionContext {
  observations: readonly InputObservation[];
  year: number;
  maxAgeYears: number;
  p: ParamReader;
  scale: Scale;
}

/** One way to read a dimension: a number banded by two parameters, or a class mapped to the scale. */
export type SourceSpec =
  | {
      kind: 'number';
      indicator: string;
      /** The parameter bounding the upper class: at or above it (direction 1), at or below it (direction −1). */
      upper: string;
      /** The parameter bounding the lower class: at or below it (direction 1), at or above it (direction −1). */
      lower: string;
      /** 1 when a higher value is better (population growth), −1 when lower is better (unemployment change). */
      direction: 1 | -1;
      /** "%/year", "pp" … for the text. */
      unit: string;
      /** How the value is read, for the reason text. */
      what: string;
    }
  | {
      kind: 'class';
      indicator: string;
      /** Source class → scale class; a source class not listed gives no signal (said in the reasons). */
      map: Readonly<Record<string, string>>;
      what: string;
    }
  | {
      kind: 'custom';
      /** The indicators the custom reader looks for (for `missing`). */
      indicators: readonly string[];
      read: (ctx: DimensionContext) => CustomReading;
    };

/** What a custom source found: a signal with its reason, nothing (with why), or a conflict. */
export type CustomReading =
  | { status: 'signal'; year: number; cls: string; reason: TypologyReason; warnings: string[] }
  | { status: 'absent'; why: string }
  | { status: 'conflict'; year: number; why: string; missing: string };

export const scoreOf = (scale: Scale, cls: string): number => (cls === scale.upper ? 1 : cls === scale.lower ? -1 : 0);

export const fmt = (v: number): string => String(Math.round(v * 1000) / 1000);

/** Bands a number: direction 1: ≥ upper → upper class, ≤ lower → lower class; direction −1 the other way round; else the middle class. */
export function band(value: number, upper: number, lower: number, scale: Scale, direction: 1 | -1 = 1): string {
  if (direction === 1 ? value >= upper : value <= upper) return scale.upper;
  if (direction === 1 ? value <= lower : value >= lower) return scale.lower;
  return scale.middle;
}

/** The bounds of a banded number as a reason's threshold and text. */
export function bounds(upper: number, lower: number, scale: Scale, direction: 1 | -1 = 1): { threshold: Record<string, number>; text: string } {
  const [u, l] = direction === 1 ? ['min', 'max'] : ['max', 'min'];
  const [uw, lw] = direction === 1 ? ['at or above', 'at or below'] : ['at or below', 'at or above'];
  return {
    threshold: { [`${scale.upper}_${u}`]: upper, [`${scale.lower}_${l}`]: lower },
    text: `${scale.upper} ${uw} ${fmt(upper)}, ${scale.lower} ${lw} ${fmt(lower)}`,
  };
}

function readSource(spec: SourceSpec, ctx: DimensionContext): CustomReading {
  if (spec.kind === 'custom') return spec.read(ctx);
  const { observations, year, maxAgeYears, p, scale } = ctx;
  const sel = selectForYear(observations, spec.indicator, year, maxAgeYears, spec.kind === 'number' ? 'number' : 'text');
  if (!sel.found) return { status: 'absent', why: sel.reason };
  if (spec.kind === 'number') {
    const hi = p.at(spec.upper);
    const lo = p.at(spec.lower);
    const r = readCandidates(sel.candidates, (o) => band(o.value as number, hi, lo, scale, spec.direction));
    if (!r.agreed) return { status: 'conflict', year: periodYear(sel.period), why: `${spec.indicator}: ${r.conflict}`, missing: `${spec.indicator}:conflict` };
    const b = bounds(hi, lo, scale, spec.direction);
    return {
      status: 'signal',
      year: periodYear(sel.period),
      cls: r.cls,
      warnings: r.warning ? [`${spec.indicator}: ${r.warning}`] : [],
      reason: {
        code: spec.indicator,
        text: `${spec.what} ${r.value === null ? r.values.map((o) => fmt(o.value as number)).join(' / ') : fmt(r.value as number)} ${spec.unit} in ${sel.period}: ${r.cls} (${b.text})`,
        value: r.value,
        threshold: b.threshold,
        parameters: [spec.upper, spec.lower],
        period: sel.period,
        source: [...new Set(r.values.map((o) => o.source))].join('; '),
      },
    };
  }
  const unmapped = sel.candidates.filter((o) => !Object.hasOwn(spec.map, o.valueText as string));
  if (unmapped.length)
    return {
      status: 'absent',
      why: `${spec.indicator} is "${unmapped.map((o) => o.valueText).join('", "')}" in ${sel.period}, which gives no signal (the classes read are ${Object.keys(spec.map).join(', ')})`,
    };
  const r = readCandidates(sel.candidates, (o) => spec.map[o.valueText as string]);
  if (!r.agreed) return { status: 'conflict', year: periodYear(sel.period), why: `${spec.indicator}: ${r.conflict}`, missing: `${spec.indicator}:conflict` };
  return {
    status: 'signal',
    year: periodYear(sel.period),
    cls: r.cls,
    warnings: r.warning ? [`${spec.indicator}: ${r.warning}`] : [],
    reason: {
      code: spec.indicator,
      text: `${spec.what} "${r.value ?? r.values.map((o) => o.valueText).join('" / "')}" in ${sel.period}: ${r.cls}`,
      value: r.value,
      threshold: { ...spec.map },
      parameters: [],
      period: sel.period,
      source: [...new Set(r.values.map((o) => o.source))].join('; '),
    },
  };
}

const indicatorsOf = (spec: SourceSpec): readonly string[] => (spec.kind === 'custom' ? spec.indicators : [spec.indicator]);

/**
 * One dimension from its sources: the source with the most recent figure is
 * used, and among sources of the same year the more precise one (the order of
 * `sources`); the other sources that give a signal are listed as not counted
 * (one signal per dimension, so one fact reported twice does not count twice,
 * and an older statement does not outvote a newer one). When the source chosen
 * is in conflict the dimension gives no signal: no other source is read in its
 * place, so a disagreement is never hidden.
 */
export function readDimension(dimension: string, label: string, sources: readonly SourceSpec[], ctx: DimensionContext): DimensionOutcome {
  const readings = sources.map((spec) => readSource(spec, ctx));
  const usable = readings.flatMap((r, i) => (r.status === 'absent' ? [] : [{ r, i }]));
  const absent = readings.flatMap((r) => (r.status === 'absent' ? [r.why] : []));
  if (usable.length === 0)
    return {
      signal: null,
      reasons: [
        {
          code: `${dimension}_absent`,
          text: `${label}: no signal (${absent.join('; ')})`,
          value: null,
          threshold: null,
          parameters: [],
          period: null,
          source: null,
        },
      ],
      missing: sources.flatMap(indicatorsOf),
      warnings: [],
    };
  const chosen = usable.reduce((best, x) => (x.r.year > best.r.year ? x : best));
  const reasons: TypologyReason[] = [];
  const warnings: string[] = [];
  const others = usable.filter((x) => x !== chosen);
  const notCounted = (x: (typeof usable)[number]): TypologyReason =>
    x.r.status === 'signal'
      ? {
          ...x.r.reason,
          code: `${x.r.reason.code}_not_counted`,
          text: `not counted (one signal per dimension; ${label} is read from the most recent, most precise source): ${x.r.reason.text}`,
        }
      : {
          code: `${dimension}_conflict_not_counted`,
          text: `not counted (older or less precise than the source used): ${x.r.why}`,
          value: null,
          threshold: null,
          parameters: [],
          period: null,
          source: null,
        };
  if (chosen.r.status === 'conflict') {
    reasons.push({
      code: `${dimension}_conflict`,
      text: `${label}: ${chosen.r.why}`,
      value: null,
      threshold: null,
      parameters: [],
      period: null,
      source: null,
    });
    reasons.push(...others.map(notCounted));
    return { signal: null, reasons, missing: [chosen.r.missing], warnings: [`${label}: ${chosen.r.why}`] };
  }
  const r = chosen.r as Extract<CustomReading, { status: 'signal' }>;
  reasons.push({ ...r.reason, text: `${label}: ${r.reason.text}` });
  reasons.push(...others.map(notCounted));
  const before = readings.slice(0, chosen.i).filter((x): x is Extract<CustomReading, { status: 'absent' }> => x.status === 'absent');
  if (before.length)
    reasons.push({
      code: `${dimension}_more_precise_absent`,
      text: `${label}: more precise sources not available (${before.map((x) => x.why).join('; ')})`,
      value: null,
      threshold: null,
      parameters: [],
      period: null,
      source: null,
    });
  warnings.push(...r.warnings);
  for (const x of others) if (x.r.status === 'conflict') warnings.push(`${label} (not counted): ${x.r.why}`);
  return { signal: { dimension, cls: r.cls, score: scoreOf(ctx.scale, r.cls) }, reasons, missing: [], warnings };
}

/**
 * The class from the signals: unknown below `minSignals`; else the mean score
 * against two bounds (upper at or above `upperMinMean`, lower at or below
 * `lowerMaxMean`, middle between).
 */
export function combine(
  outcomes: readonly DimensionOutcome[],
  scale: Scale,
  p: ParamReader,
  names: { minSignals: string; upperMinMean: string; lowerMaxMean: string },
): { cls: string; reason: TypologyReason } {
  const signals = outcomes.flatMap((o) => (o.signal ? [o.signal] : []));
  const min = p.at(names.minSignals);
  const hi = p.at(names.upperMinMean);
  const lo = p.at(names.lowerMaxMean);
  const listed = signals.map((s) => `${s.dimension} ${s.cls} (${s.score > 0 ? '+' : ''}${s.score})`).join(', ') || 'none';
  if (signals.length < min)
    return {
      cls: UNKNOWN,
      reason: {
        code: 'too_few_signals',
        text: `${signals.length} signal${signals.length === 1 ? '' : 's'} (${listed}); at least ${min} are needed to classify`,
        value: signals.length,
        threshold: { min_signals: min },
        parameters: [names.minSignals],
        period: null,
        source: null,
      },
    };
  const mean = signals.reduce((s, x) => s + x.score, 0) / signals.length;
  const cls = band(mean, hi, lo, scale);
  const b = bounds(hi, lo, scale);
  return {
    cls,
    reason: {
      code: 'mean_score',
      text: `mean score ${fmt(mean)} over ${signals.length} signals (${listed}): ${cls} (${b.text})`,
      value: mean,
      threshold: { min_signals: min, ...b.threshold },
      parameters: [names.minSignals, names.upperMinMean, names.lowerMaxMean],
      period: null,
      source: null,
    },
  };
}
