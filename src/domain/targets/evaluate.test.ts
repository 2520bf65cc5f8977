import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { createParameters, type Parameter } from '../parameters.js';
import type { Target } from '../programs.js';
import { MAX_ACTUAL_AGE, ON_TRACK_TOLERANCE, evaluateTarget, resolvePolarity } from './evaluate.js';
import type { TargetObservation, TargetStatus } from './types.js';

const reference = { act: 'Test method note', number: null, date: '2026-11-25', url: null, passage: null };
const param = (name: string, value: number): Parameter => ({
  name,
  description: name,
  unit: 'x',
  reference,
  values: [{ since: '2000-01-01', value }],
  note: null,
});
const params = createParameters([param(ON_TRACK_TOLERANCE, 0.9), param(MAX_ACTUAL_AGE, 2)]);

const target = (over: Partial<Target>): Target => ({
  id: 't',
  indicator: 'active_smes',
  scope: { kind: 'all_monotowns', towns: [], note: null },
  rule: 'at_least',
  comparison: null,
  value: 0,
  baseYear: null,
  baselineValue: null,
  deadline: null,
  wording: 'test target',
  note: null,
  sources: ['000_test.txt | test passage'],
  ...over,
});

const ob = (indicator: string, period: string, value: number, more: Partial<TargetObservation> = {}): TargetObservation => ({
  indicator,
  period,
  value,
  valueText: null,
  source: `src-${indicator}-${period}`,
  ...more,
});

const run = (t: Target, observations: TargetObservation[], asOf: string) => evaluateTarget(t, { town: 'ridder', observations }, params, asOf, 'test-program');

const U = 'unemployment_rate_pct';
const S = 'active_smes';
const OUT = 'industrial_output_mkzt';
const IDX = 'industrial_output_volume_index_pct';
const PPI = 'industrial_producer_price_index_pct';

// Time points are the ends of periods: the level of a year Y is reached at Y + 1, a date at its day.
// expected (linear path) = (t_actual − t_base) ÷ (t_deadline − t_base); on track when achievement ≥ expected × 0.9.
interface Case {
  name: string;
  target: Partial<Target>;
  obs: TargetObservation[];
  asOf: string;
  status: TargetStatus;
  achievement?: number | null;
  expected?: number | null;
  targetValue?: number | null;
  changePct?: number | null;
  basis?: string | null;
  reason?: string;
}

const cases: Case[] = [
  // ---- absolute bounds and their polarity
  {
    name: 'at_least met before the deadline → achieved',
    target: { indicator: S, rule: 'at_least', value: 100, deadline: '2020' },
    obs: [ob(S, '2015', 120)],
    asOf: '2016-06-30',
    status: 'achieved',
    targetValue: 100,
    basis: 'level',
    achievement: null,
  },
  {
    name: 'at_most met (5.0 ≤ 5.5), no deadline needed → achieved',
    target: { indicator: U, rule: 'at_most', value: 5.5 },
    obs: [ob(U, '2014-08-01', 5)],
    asOf: '2014-12-31',
    status: 'achieved',
  },
  {
    name: 'at_most on the bound (5.5 ≤ 5.5) → achieved',
    target: { indicator: U, rule: 'at_most', value: 5.5 },
    obs: [ob(U, '2014-08-01', 5.5)],
    asOf: '2014-12-31',
    status: 'achieved',
  },
  {
    name: 'at_most not met and no deadline → not_computable',
    target: { indicator: U, rule: 'at_most', value: 5.5 },
    obs: [ob(U, '2013-08-01', 5.8)],
    asOf: '2013-12-31',
    status: 'not_computable',
    reason: 'the target has no deadline',
  },
  {
    // achievement (6 − 7) ÷ (5.5 − 7) = 66.7 %; expected (2015 − 2013) ÷ (2017 − 2013) = 50 %; 66.7 ≥ 45
    name: 'at_most, falling towards the bound faster than the line → on_track',
    target: { indicator: U, rule: 'at_most', value: 5.5, baseYear: 2012, deadline: '2016' },
    obs: [ob(U, '2012', 7), ob(U, '2014', 6)],
    asOf: '2015-01-01',
    status: 'on_track',
    achievement: 66.667,
    expected: 50,
  },
  {
    // achievement (105 − 100) ÷ (130 − 100) = 16.7 %; expected 50 %; 16.7 < 45
    name: 'at_least, rising slower than the line → at_risk',
    target: { indicator: S, rule: 'at_least', value: 130, baseYear: 2012, deadline: '2016' },
    obs: [ob(S, '2012', 100), ob(S, '2014', 105)],
    asOf: '2015-01-01',
    status: 'at_risk',
    achievement: 16.667,
    expected: 50,
  },
  {
    // the same figures read with the opposite polarity: 105 ≤ 130 is met
    name: 'at_most with the same figures → achieved (polarity decides)',
    target: { indicator: S, rule: 'at_most', value: 130, baseYear: 2012, deadline: '2016' },
    obs: [ob(S, '2012', 100), ob(S, '2014', 105)],
    asOf: '2015-01-01',
    status: 'achieved',
    achievement: null,
  },
  {
    name: 'at_most: the baseline met the bound and the latest figure no longer does → at_risk',
    target: { indicator: U, rule: 'at_most', value: 5.5, baseYear: 2012, deadline: '2016' },
    obs: [ob(U, '2012', 5), ob(U, '2014', 6)],
    asOf: '2015-01-01',
    status: 'at_risk',
    achievement: null,
  },
  {
    name: 'absolute bound not met before the deadline, no base year → not_computable (no baseline)',
    target: { indicator: U, rule: 'at_most', value: 4.8, deadline: '2021' },
    obs: [ob(U, '2019', 5)],
    asOf: '2020-01-01',
    status: 'not_computable',
    reason: 'no base year',
  },
  // ---- change against a base period
  {
    // target 50 × 1.2 = 60; 60 ≥ 60
    name: 'change_vs_base_pct +20 % reached (50 → 60) → achieved',
    target: { indicator: S, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 50), ob(S, '2013', 60)],
    asOf: '2014-01-01',
    status: 'achieved',
    targetValue: 60,
    changePct: 20,
    achievement: 100,
    basis: 'nominal',
  },
  {
    // target 50 × 1.2 = 60; achievement (53 − 50) ÷ 10 = 30 %; expected (2014 − 2012) ÷ (2016 − 2012) = 50 %; 30 < 45
    name: 'change_vs_base_pct +20 % behind the line → at_risk',
    target: { indicator: S, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 50), ob(S, '2013', 53)],
    asOf: '2014-01-01',
    status: 'at_risk',
    achievement: 30,
    expected: 50,
    changePct: 6,
  },
  {
    name: 'change_vs_base_pct with the baseline from the program file',
    target: { indicator: S, rule: 'change_vs_base_pct', comparison: 'at_least', value: 10, baseYear: 2011, baselineValue: 200, deadline: '2015' },
    obs: [ob(S, '2015', 210)],
    asOf: '2016-01-01',
    // target 220; 210 < 220 at the deadline; achievement (210 − 200) ÷ 20 = 50 %
    status: 'missed',
    achievement: 50,
    targetValue: 220,
  },
  // ---- multiple of the base
  {
    // target 185 × 2 = 370; achievement (200 − 185) ÷ 185 = 8.1 %; expected (2014 − 2012) ÷ (2016 − 2012) = 50 %
    name: 'multiple_of_base ×2 → at_risk',
    target: { indicator: S, rule: 'multiple_of_base', comparison: 'at_least', value: 2, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 185), ob(S, '2013', 200)],
    asOf: '2014-01-01',
    status: 'at_risk',
    targetValue: 370,
    achievement: 8.108,
    expected: 50,
  },
  {
    // target 200; 150 < 200 at the deadline; achievement (150 − 100) ÷ 100 = 50 %
    name: 'multiple_of_base ×2, deadline passed short of it → missed',
    target: { indicator: S, rule: 'multiple_of_base', comparison: 'at_least', value: 2, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 100), ob(S, '2015', 150), ob(S, '2016', 250)],
    asOf: '2017-03-01',
    status: 'missed',
    achievement: 50,
  },
  {
    name: 'multiple_of_base ×2 reached at the deadline → achieved',
    target: { indicator: S, rule: 'multiple_of_base', comparison: 'at_least', value: 2, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 100), ob(S, '2015', 200)],
    asOf: '2016-01-01',
    status: 'achieved',
    achievement: 100,
  },
  // ---- not computable, with the reason
  {
    name: 'zero base → not_computable, no value substituted',
    target: { indicator: S, rule: 'multiple_of_base', comparison: 'at_least', value: 2, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 0), ob(S, '2013', 5)],
    asOf: '2014-01-01',
    status: 'not_computable',
    reason: 'zero base',
    targetValue: null,
    achievement: null,
    changePct: null,
  },
  {
    name: 'missing baseline (no figure for the base year) → not_computable',
    target: { indicator: S, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2013', 60)],
    asOf: '2014-01-01',
    status: 'not_computable',
    reason: 'no baseline: no figure of active_smes for ridder for 2011',
  },
  {
    name: 'relative rule without a base year → not_computable',
    target: { indicator: S, rule: 'change_vs_base_pct', comparison: 'at_least', value: 10, deadline: '2021' },
    obs: [ob(S, '2019', 60)],
    asOf: '2020-01-01',
    status: 'not_computable',
    reason: 'no base year',
  },
  {
    name: 'no actual → not_computable',
    target: { indicator: U, rule: 'at_most', value: 5.5 },
    obs: [],
    asOf: '2014-12-31',
    status: 'not_computable',
    reason: 'no figure for unemployment_rate_pct for ridder up to 2014-12-31',
    basis: null,
  },
  {
    name: 'deadline passed without a figure for its year → not_computable',
    target: { indicator: S, rule: 'at_least', value: 100, deadline: '2015' },
    obs: [ob(S, '2014', 120)],
    asOf: '2017-01-01',
    status: 'not_computable',
    reason: 'no figure for active_smes for ridder for the deadline 2015',
  },
  {
    name: 'a figure whose period has not ended by asOf is not used',
    target: { indicator: U, rule: 'at_most', value: 5.5 },
    obs: [ob(U, '2014', 5)],
    asOf: '2014-06-30',
    status: 'not_computable',
    reason: 'no figure',
  },
  {
    name: 'target and forecast figures are never actuals',
    target: { indicator: U, rule: 'at_most', value: 5.5 },
    obs: [ob(U, '2014', 5, { status: 'target' }), ob(U, '2014', 5, { status: 'forecast' })],
    asOf: '2015-01-01',
    status: 'not_computable',
    reason: 'no figure',
  },
  {
    name: 'sources that disagree → not_computable (conflict)',
    target: { indicator: U, rule: 'at_most', value: 5.5 },
    obs: [ob(U, '2014', 5), ob(U, '2014', 6, { source: 'other' })],
    asOf: '2015-01-01',
    status: 'not_computable',
    reason: 'conflict',
  },
  {
    name: 'a figure older than targets.max_actual_age_years before the deadline → not_computable',
    target: { indicator: U, rule: 'at_most', value: 5.5, deadline: '2021' },
    obs: [ob(U, '2014-08-01', 5)],
    asOf: '2019-01-01',
    status: 'not_computable',
    reason: 'older than 2 years',
  },
  {
    name: 'a figure for a date is not compared with a whole base year',
    target: { indicator: S, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2013, deadline: '2015' },
    obs: [ob(S, '2013', 50), ob(S, '2014-08-01', 70)],
    asOf: '2014-12-31',
    status: 'not_computable',
    reason: 'the base year has only 2013',
  },
  {
    // «на 1.08.2014» against «на 1.08.2013»: 183 ÷ 185; target 370; achievement (183 − 185) ÷ 185 = −1.08 %
    name: 'a figure for a date is compared with the same date of the base year',
    target: { indicator: S, rule: 'multiple_of_base', comparison: 'at_least', value: 2, baseYear: 2013, deadline: '2015' },
    obs: [ob(S, '2013-08-01', 185), ob(S, '2014-08-01', 183)],
    asOf: '2014-12-31',
    status: 'at_risk',
    achievement: -1.081,
  },
  {
    name: 'a national target is not judged on a town → not_computable',
    target: { indicator: U, rule: 'at_most', value: 5.5, scope: { kind: 'country', towns: [], note: null } },
    obs: [ob(U, '2014', 5)],
    asOf: '2015-01-01',
    status: 'not_computable',
    reason: 'national',
  },
  {
    name: 'an unstated scope is not assumed → not_computable',
    target: { indicator: U, rule: 'at_most', value: 4.8, scope: { kind: 'unstated', towns: [], note: 'the seed does not say' } },
    obs: [ob(U, '2014', 5)],
    asOf: '2015-01-01',
    status: 'not_computable',
    reason: 'does not say whether the target applies to each monotown (the seed does not say)',
  },
  // ---- real growth: the volume index, a deflator, or nominal labelled and not judged
  {
    // Kurchatov, seed 000: industrial production in 2015 was 48.8 % below 2011 (index 51.2, 2011 = 100),
    // against a planned +20 % (index 120). achievement = (51.2 − 100) ÷ (120 − 100) × 100 = −48.8 ÷ 20 × 100 = −244 %:
    // the town moved 2.44 times the planned distance, backwards.
    name: 'Kurchatov 2015: volume index 51.2 against a target of 120 → missed, −244 %',
    target: { indicator: OUT, rule: 'change_vs_base_pct', comparison: 'unspecified', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [
      ob(IDX, '2015', 51.2, { note: '2015 in % of 2011 (base 2011, not the previous year); 51.2 = 100 − 48.8' }),
      ob(IDX, '2015', 120, { status: 'target', note: '2015 in % of 2011 (base 2011, not the previous year)' }),
      ob(IDX, '2014-08-01', 105.4, { note: '"105,4%", column "ИФО / темп роста": 1.08.2014 against 1.08.2013.' }),
      ob(OUT, '2013-08-01', 1169.4),
      ob(OUT, '2014-08-01', 1322.3),
    ],
    asOf: '2016-12-31',
    status: 'missed',
    basis: 'volume_index',
    targetValue: 120,
    changePct: -48.8,
    achievement: -244,
  },
  {
    // index 110 (2011 = 100), target 120: achievement 10 ÷ 20 = 50 %; expected (2014 − 2012) ÷ (2016 − 2012) = 50 %; 50 ≥ 45
    name: 'volume index before the deadline → on_track',
    target: { indicator: OUT, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(IDX, '2013', 110, { basePeriod: '2011' }), ob(OUT, '2011', 100), ob(OUT, '2013', 200)],
    asOf: '2014-06-30',
    status: 'on_track',
    basis: 'volume_index',
    achievement: 50,
    expected: 50,
  },
  {
    // nominal output doubled (100 → 200) but the real index says +10 %: the index is used, not the tenge
    name: 'the volume index wins over a nominal rise',
    target: { indicator: OUT, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2013' },
    obs: [ob(IDX, '2013', 110, { basePeriod: '2011' }), ob(OUT, '2011', 100), ob(OUT, '2013', 200)],
    asOf: '2014-06-30',
    status: 'missed',
    basis: 'volume_index',
    changePct: 10,
  },
  {
    // 1500 ÷ 1.25 = 1200 in 2011 prices; +20 % against 1000 → achieved
    name: 'nominal output deflated by a sourced price index → deflated basis',
    target: { indicator: OUT, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(OUT, '2011', 1000), ob(OUT, '2013', 1500), ob(PPI, '2013', 125, { basePeriod: '2011' })],
    asOf: '2014-01-01',
    status: 'achieved',
    basis: 'deflated',
    targetValue: 1200,
    changePct: 20,
    achievement: 100,
  },
  {
    name: 'a price index of 0 is not a deflator',
    target: { indicator: OUT, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(OUT, '2011', 1000), ob(OUT, '2013', 1500), ob(PPI, '2013', 0, { basePeriod: '2011' })],
    asOf: '2014-01-01',
    status: 'not_computable',
    basis: 'nominal',
    reason: 'no deflator: the price index for 2013 is 0, not a positive index',
  },
  {
    name: 'neither index nor deflator: the nominal change is shown labelled nominal, not judged',
    target: { indicator: OUT, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(OUT, '2011', 100), ob(OUT, '2013', 150)],
    asOf: '2014-01-01',
    status: 'not_computable',
    basis: 'nominal',
    changePct: 50,
    reason: 'real growth of industrial output against 2011 is not computable',
  },
  {
    name: 'an index whose base period is stated nowhere is not used',
    target: { indicator: OUT, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' },
    obs: [ob(IDX, '2013', 130)],
    asOf: '2014-01-01',
    status: 'not_computable',
    reason: 'no volume index (industrial_output_volume_index_pct) against 2011',
  },
  // ---- direction
  {
    name: 'a stated change of 0 with comparison unspecified has no direction → not_computable',
    target: { indicator: S, rule: 'change_vs_base_pct', comparison: 'unspecified', value: 0, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 50), ob(S, '2013', 50)],
    asOf: '2014-01-01',
    status: 'not_computable',
    reason: 'has no direction',
  },
  {
    name: 'a relative rule with no comparison is not given a direction',
    target: { indicator: S, rule: 'multiple_of_base', comparison: null, value: 2, baseYear: 2011, deadline: '2015' },
    obs: [ob(S, '2011', 50), ob(S, '2013', 100)],
    asOf: '2014-01-01',
    status: 'not_computable',
    reason: 'Monoqala does not assume a direction',
  },
];

describe('evaluateTarget', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = run(target(c.target), c.obs, c.asOf);
    expect(r.status, r.reason ?? '').toBe(c.status);
    if (c.status === 'not_computable') expect(r.reason).toContain(c.reason ?? '');
    else expect(r.reason).toBeNull();
    const close = (got: number | null, want: number | null | undefined, what: string) => {
      if (want === undefined) return;
      if (want === null) expect(got, what).toBeNull();
      else expect(got, what).toBeCloseTo(want, 2);
    };
    close(r.achievementPct, c.achievement, 'achievement');
    close(r.expectedPct, c.expected, 'expected');
    close(r.targetValue, c.targetValue, 'target value');
    close(r.changePct, c.changePct, 'change');
    if (c.basis !== undefined) expect(r.basis).toBe(c.basis);
  });

  it('carries the row: program, target, town, baseline, actual, deadline, sources', () => {
    const t = target({
      id: 'kurchatov-industrial-output-2015',
      indicator: OUT,
      scope: { kind: 'towns', towns: ['kurchatov'], note: null },
      rule: 'change_vs_base_pct',
      comparison: 'unspecified',
      value: 20,
      baseYear: 2011,
      deadline: '2015',
    });
    const r = evaluateTarget(t, { town: 'kurchatov', observations: [ob(IDX, '2015', 51.2, { note: '2015 in % of 2011' })] }, params, '2016-12-31', 'p');
    expect(r).toMatchObject({
      program: 'p',
      target: 'kurchatov-industrial-output-2015',
      town: 'kurchatov',
      indicator: OUT,
      rule: 'change_vs_base_pct',
      comparison: 'unspecified',
      statedValue: 20,
      polarity: 'at_least',
      polarityFrom: 'stated_change',
      basis: 'volume_index',
      baseline: { indicator: IDX, value: 100, period: '2011', from: 'index_base' },
      actual: { indicator: IDX, value: 51.2, period: '2015' },
      targetValue: 120,
      status: 'missed',
      deadline: '2015',
      deadlineReached: true,
      targetSource: ['000_test.txt | test passage'],
    });
    expect(r.notes.join(' ')).toContain('does not say whether +20 % is a floor or a ceiling');
    expect(r.indexHistory).toEqual([expect.objectContaining({ value: 51.2, basePeriod: '2011' })]);
  });

  it('shows the history and the trend of the reported figures', () => {
    const r = run(
      target({ indicator: S, rule: 'multiple_of_base', comparison: 'unspecified', value: 2 }),
      [ob(S, '2014-08-01', 183), ob(S, '2013-08-01', 185)],
      '2014-12-31',
    );
    expect(r.history.map((f) => [f.period, f.value])).toEqual([
      ['2013-08-01', 185],
      ['2014-08-01', 183],
    ]);
    // 183 ÷ 185 × 100 = 98.9 («темп роста» as slide 11 prints it)
    expect(r.trend?.ratioPct).toBeCloseTo(98.9, 1);
    expect(r.trend?.difference).toBe(-2);
  });

  it('notes a target figure in the observations that differs from the program', () => {
    const t = target({ indicator: OUT, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2015' });
    const r = run(t, [ob(IDX, '2015', 90, { basePeriod: '2011' }), ob(IDX, '2015', 125, { status: 'target', basePeriod: '2011' })], '2016-01-01');
    expect(r.notes.join(' ')).toContain('the observations record a target of 125');
  });

  it('rejects a bad date and a town outside a towns scope', () => {
    const t = target({ indicator: U, rule: 'at_most', value: 5.5, scope: { kind: 'towns', towns: ['kurchatov'], note: null } });
    expect(() => run(t, [], '2015-01-01')).toThrow(DomainError);
    expect(() => run(t, [], '2015-01-01')).toThrow(/not in the scope of target t \(kurchatov\)/);
    expect(() => evaluateTarget(t, { town: 'kurchatov', observations: [] }, params, '2015')).toThrow(/not a date/);
  });

  it('reads its thresholds through params.at and fails with the parameter named when one is missing', () => {
    const none = createParameters([param(ON_TRACK_TOLERANCE, 0.9)]);
    expect(() => evaluateTarget(target({ indicator: U, rule: 'at_most', value: 5.5 }), { town: 'x', observations: [] }, none, '2015-01-01')).toThrow(
      /targets.max_actual_age_years/,
    );
    const strict = createParameters([param(ON_TRACK_TOLERANCE, 1), param(MAX_ACTUAL_AGE, 2)]);
    // achievement 30 %, expected 33.3 % ((2014 − 2012) ÷ (2018 − 2012)): on track with 0.9 (30 ≥ 30), at risk with 1
    const t = target({ indicator: S, rule: 'change_vs_base_pct', comparison: 'at_least', value: 20, baseYear: 2011, deadline: '2017' });
    const o = { town: 'x', observations: [ob(S, '2011', 50), ob(S, '2013', 53)] };
    expect(evaluateTarget(t, o, params, '2014-01-01').status).toBe('on_track');
    expect(evaluateTarget(t, o, strict, '2014-01-01').status).toBe('at_risk');
  });
});

describe('resolvePolarity', () => {
  it.each([
    [{ rule: 'at_least' as const }, 'at_least', 'rule'],
    [{ rule: 'at_most' as const }, 'at_most', 'rule'],
    [{ rule: 'change_vs_base_pct' as const, comparison: 'at_most' as const, value: 10 }, 'at_most', 'comparison'],
    [{ rule: 'change_vs_base_pct' as const, comparison: 'unspecified' as const, value: 20 }, 'at_least', 'stated_change'],
    [{ rule: 'change_vs_base_pct' as const, comparison: 'unspecified' as const, value: -15 }, 'at_most', 'stated_change'],
    [{ rule: 'multiple_of_base' as const, comparison: 'unspecified' as const, value: 2 }, 'at_least', 'stated_change'],
    [{ rule: 'multiple_of_base' as const, comparison: 'unspecified' as const, value: 0.5 }, 'at_most', 'stated_change'],
    [{ rule: 'multiple_of_base' as const, comparison: 'unspecified' as const, value: 1 }, null, null],
  ])('%j → %s (%s)', (over, polarity, from) => {
    const r = resolvePolarity(target(over));
    expect(r.polarity).toBe(polarity);
    expect(r.from).toBe(from);
  });
});
