import { DomainError, invalidArgument } from '../errors.js';
import type { ParameterEntry, Parameters } from '../parameters.js';
import { judge, readStates, selectExactYear, selectForYear, type Judgement } from './inputs.js';
import { allOf, anyOf } from './kleene.js';
import type { Comparator, CriterionResult, LeafSpec, ThresholdSource, TownInput, Truth, ValueUsed } from './types.js';

/** What a leaf evaluation sees: the year, the date it is read on, the parameters and one town's inputs. */
export interface EvalContext {
  year: number;
  /** YYYY-MM-DD: 31 December of `year`. */
  date: string;
  params: Parameters;
  input: TownInput;
  /** The look-back window (common.data_max_age_years on `date`). */
  maxAgeYears: number;
}

export type LeafOutcome = Omit<CriterionResult, 'id' | 'type' | 'label' | 'proxy'>;

/** The leaf fields a type may use. */
export const LEAF_FIELDS = ['indicator', 'threshold', 'min', 'max', 'years', 'states'] as const;
export type LeafField = (typeof LEAF_FIELDS)[number];

/**
 * How the loader checks a field: `indicator` an indicator code of the catalogue
 * (numeric); `threshold` a parameter name whose unit is the indicator's unit;
 * `count` a parameter name in years; `states` a list of operating states.
 */
export type FieldKind = 'indicator' | 'threshold' | 'count' | 'states';

export interface CriterionType {
  summary: string;
  /** Every field the type needs (all required; no other field is allowed). */
  fields: Partial<Record<LeafField, FieldKind>>;
  evaluate(leaf: LeafSpec, ctx: EvalContext): LeafOutcome;
}

function field(leaf: LeafSpec, name: 'indicator' | 'threshold' | 'min' | 'max' | 'years'): string {
  const v = leaf[name];
  if (typeof v !== 'string' || v === '') throw invalidArgument(`${leaf.id}.${name}`, `criterion "${leaf.id}" of type ${leaf.type} needs "${name}".`);
  return v;
}

function cite(e: ParameterEntry): ThresholdSource {
  return { parameter: e.name, value: e.value, unit: e.unit, since: e.since, until: e.until, reference: e.reference };
}

function fromJudgement(
  j: Judgement,
  period: string,
  threshold: LeafOutcome['threshold'],
  comparator: Comparator,
  thresholdSources: ThresholdSource[],
  year: number,
): LeafOutcome {
  const notes = [j.note, period.slice(0, 4) !== String(year) ? `the figure for ${period} is used: none for ${year}` : undefined].filter(Boolean);
  return {
    result: j.result,
    value: j.value,
    period,
    threshold,
    comparator,
    sources: j.sources,
    thresholdSources,
    values: j.values,
    missing: [],
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

function absent(
  indicator: string,
  reason: string,
  threshold: LeafOutcome['threshold'],
  comparator: Comparator,
  thresholdSources: ThresholdSource[],
): LeafOutcome {
  return { result: 'unknown', value: null, period: null, threshold, comparator, sources: [], thresholdSources, values: [], missing: [indicator], note: reason };
}

/** A leaf comparing one indicator's figure for the year with one threshold parameter. */
function comparison(comparator: 'at_least' | 'above', test: (value: number, threshold: number) => boolean, summary: string): CriterionType {
  return {
    summary,
    fields: { indicator: 'indicator', threshold: 'threshold' },
    evaluate(leaf, ctx) {
      const indicator = field(leaf, 'indicator');
      const t = ctx.params.entry(field(leaf, 'threshold'), ctx.date);
      const sel = selectForYear(ctx.input.observations, indicator, ctx.year, ctx.maxAgeYears);
      if (!sel.found) return absent(indicator, sel.reason, t.value, comparator, [cite(t)]);
      return fromJudgement(
        judge(sel.candidates, (v) => test(v, t.value)),
        sel.period,
        t.value,
        comparator,
        [cite(t)],
        ctx.year,
      );
    },
  };
}

/**
 * The criterion registry: a rule set names a type by key. Adding a kind of rule
 * is adding one entry here (the loader checks rule sets against `fields`).
 */
export const CRITERION_TYPES: Readonly<Record<string, CriterionType>> = {
  indicator_at_least: comparison('at_least', (v, t) => v >= t, 'the indicator is at least the threshold (≥)'),
  indicator_above: comparison('above', (v, t) => v > t, 'the indicator is above the threshold (>, strictly)'),

  indicator_between: {
    summary: 'the indicator lies between min and max, both included',
    fields: { indicator: 'indicator', min: 'threshold', max: 'threshold' },
    evaluate(leaf, ctx) {
      const indicator = field(leaf, 'indicator');
      const min = ctx.params.entry(field(leaf, 'min'), ctx.date);
      const max = ctx.params.entry(field(leaf, 'max'), ctx.date);
      const threshold = { min: min.value, max: max.value };
      const sel = selectForYear(ctx.input.observations, indicator, ctx.year, ctx.maxAgeYears);
      if (!sel.found) return absent(indicator, sel.reason, threshold, 'between', [cite(min), cite(max)]);
      return fromJudgement(
        judge(sel.candidates, (v) => v >= min.value && v <= max.value),
        sel.period,
        threshold,
        'between',
        [cite(min), cite(max)],
        ctx.year,
      );
    },
  },

  indicator_at_least_each_year: {
    summary: 'the indicator is at least the threshold in each of the `years` years before the year evaluated (no look-back: every year needs its own figure)',
    fields: { indicator: 'indicator', threshold: 'threshold', years: 'count' },
    evaluate(leaf, ctx) {
      const indicator = field(leaf, 'indicator');
      const t = ctx.params.entry(field(leaf, 'threshold'), ctx.date);
      const n = ctx.params.entry(field(leaf, 'years'), ctx.date);
      if (!Number.isInteger(n.value) || n.value < 1)
        throw new DomainError(
          'invalid_data',
          `The parameter "${n.name}" is ${n.value} on ${ctx.date}; a number of years must be a whole number of at least 1.`,
          {
            parameter: n.name,
          },
        );
      const first = ctx.year - n.value;
      const truths: Truth[] = [];
      const values: ValueUsed[] = [];
      const sources = new Set<string>();
      const missing: string[] = [];
      const perYear: string[] = [];
      let lowest: number | null = null;
      let conflicts = false;
      for (let y = first; y < ctx.year; y++) {
        const sel = selectExactYear(ctx.input.observations, indicator, y);
        if (!sel.found) {
          truths.push('unknown');
          missing.push(`${indicator}:${y}`);
          perYear.push(`${y}: missing`);
          continue;
        }
        const j = judge(sel.candidates, (v) => v >= t.value);
        truths.push(j.result);
        values.push(...j.values);
        j.sources.forEach((s) => sources.add(s));
        if (j.value === null) conflicts = true;
        else lowest = lowest === null ? j.value : Math.min(lowest, j.value);
        perYear.push(
          `${y}: ${j.value ?? 'conflicting figures'} (${j.result === true ? 'meets' : j.result === false ? 'below' : 'unknown'})${j.note ? ` — ${j.note}` : ''}`,
        );
      }
      return {
        result: allOf(truths),
        value: conflicts ? null : lowest,
        period: `${first}–${ctx.year - 1}`,
        threshold: t.value,
        comparator: 'at_least_each_year',
        sources: [...sources],
        thresholdSources: [cite(t), cite(n)],
        values,
        missing,
        note: `each year must reach the threshold; value = the lowest yearly figure. ${perYear.join('; ')}`,
      };
    },
  },

  enterprise_state_in: {
    summary: "a town-forming enterprise's operating state on 31 December of the year is one of `states`",
    fields: { states: 'states' },
    evaluate(leaf, ctx) {
      const states = leaf.states ?? [];
      if (states.length === 0)
        throw invalidArgument(`${leaf.id}.states`, `criterion "${leaf.id}" of type enterprise_state_in needs a non-empty "states" list.`);
      const base = { threshold: states, comparator: 'in' as const, thresholdSources: [], period: ctx.date };
      if (ctx.input.enterpriseStates.length === 0)
        return {
          ...base,
          result: 'unknown',
          value: null,
          sources: [],
          values: [],
          missing: ['enterprise_states'],
          note: 'no operating state of the town-forming enterprises is given',
        };
      const readings = readStates(ctx.input.enterpriseStates, ctx.date, states);
      const single = readings.length === 1 && readings[0].enterprise === null;
      const notes = readings.map((r) => r.note).filter(Boolean);
      return {
        ...base,
        result: anyOf(readings.map((r) => r.result)),
        value: single ? readings[0].state : readings.map((r) => `${r.enterprise ?? '(unnamed)'}: ${r.state ?? 'unknown'}`).join('; '),
        sources: [...new Set(readings.flatMap((r) => r.sources))],
        values: readings.flatMap((r) => r.values),
        missing: readings.some((r) => r.result === 'unknown' && r.state === null && r.sources.length === 0) ? ['enterprise_states'] : [],
        ...(notes.length ? { note: notes.join('; ') } : {}),
      };
    },
  },
};

export const CRITERION_TYPE_NAMES = Object.keys(CRITERION_TYPES);

/** The registry entry for `type`; an unknown type throws, listing the valid ones. */
export function criterionType(type: string): CriterionType {
  const t = Object.hasOwn(CRITERION_TYPES, type) ? CRITERION_TYPES[type] : undefined;
  if (!t)
    throw new DomainError('invalid_argument', `"${type}" is not a criterion type. Use one of: ${CRITERION_TYPE_NAMES.join(', ')}.`, {
      field: 'type',
      valid: CRITERION_TYPE_NAMES,
    });
  return t;
}
