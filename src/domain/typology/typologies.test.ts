import { describe, expect, it } from 'vitest';
import type { TownInput as CriteriaTownInput } from '../criteria/types.js';
import { createParameters, type Parameter } from '../parameters.js';
import {
  TYPOLOGIES,
  computeTypologies,
  computeTypology,
  majorityType,
  operatingClass,
  publishedClasses,
  type InputEnterprise,
  type InputEnterpriseState,
  type InputObservation,
  type TownInput,
  type TypologyInput,
  type TypologyResult,
} from './typologies.js';

// The typology input shapes are the legal-status engine's: a criteria TownInput is a typology TownInput and back.
const _fromCriteria: TownInput = {} as CriteriaTownInput;
const _toCriteria: CriteriaTownInput = {} as TownInput;
void _fromCriteria;
void _toCriteria;

/** The values of rules/parameters/typology_*, as of 2024 (the real files are checked in test/data/typologies.test.ts). */
const TYPOLOGY_PARAMETERS: Record<string, number> = {
  'typology_operating_state.stable_min_full_share': 1,
  'typology_operating_state.declining_min_stopped_share': 1,
  'typology_production_type.majority_min_share': 0.5,
  'typology_dynamics.max_age_years': 3,
  'typology_dynamics.population_window_min_years': 3,
  'typology_dynamics.population_window_max_years': 10,
  'typology_dynamics.population_growing_min_pct_per_year': 0.7,
  'typology_dynamics.population_depressed_max_pct_per_year': -0.5,
  'typology_dynamics.population_change_growing_min_pct': 2,
  'typology_dynamics.population_change_depressed_max_pct': -2,
  'typology_dynamics.output_index_growing_min_pct': 103,
  'typology_dynamics.output_index_depressed_max_pct': 97,
  'typology_dynamics.unemployment_change_growing_max_pp': -1,
  'typology_dynamics.unemployment_change_depressed_min_pp': 1,
  'typology_dynamics.min_signals': 2,
  'typology_dynamics.growing_min_mean_score': 0.5,
  'typology_dynamics.depressed_max_mean_score': -0.5,
  'typology_potential.max_age_years': 3,
  'typology_potential.output_share_high_min_pct': 1,
  'typology_potential.output_share_low_max_pct': 0.1,
  'typology_potential.wage_ratio_high_min': 1.25,
  'typology_potential.wage_ratio_low_max': 0.8,
  'typology_potential.min_criteria': 2,
  'typology_potential.high_min_mean_score': 0.5,
  'typology_potential.low_max_mean_score': -0.5,
};

const reference = { act: 'Test', number: null, date: '2024', url: null, passage: null };
const param = (name: string, values: Parameter['values']): Parameter => ({ name, description: name, unit: 'x', reference, values, note: null });
const paramsWith = (overrides: Record<string, number> = {}) =>
  createParameters([
    ...Object.entries({ ...TYPOLOGY_PARAMETERS, ...overrides }).map(([name, value]) => param(name, [{ since: '2000-01-01', value }])),
    param('typology_potential.national_avg_monthly_wage_kzt', [
      { since: '2018-01-01', value: 162300 },
      { since: '2019-01-01', value: null },
    ]),
  ]);
const params = paramsWith();

const obs = (indicator: string, period: string, value: number | string, source = 'S', extra: Partial<InputObservation> = {}): InputObservation => ({
  indicator,
  period,
  value: typeof value === 'number' ? value : null,
  valueText: typeof value === 'string' ? value : null,
  source,
  ...extra,
});
const ent = (name: string, naceSection: string | null): InputEnterprise => ({ name, naceSection, source: `src-${name}` });
const st = (enterprise: string | null, state: InputEnterpriseState['state'], since: string | null, until: string | null = null): InputEnterpriseState => ({
  enterprise,
  state,
  since,
  until,
  source: `st-${enterprise}`,
});
const town = (parts: Partial<TypologyInput>): TypologyInput => ({ town: 't', observations: [], enterpriseStates: [], enterprises: [], ...parts });
const run = (id: string, input: TypologyInput, year = 2024, p = params): TypologyResult => computeTypology(id, input, year, p);

describe('the typology registry', () => {
  it('holds the four typologies with the published indicator of each', () => {
    expect(Object.values(TYPOLOGIES).map((t) => [t.id, t.publishedIndicator])).toEqual([
      ['tfe_operating_state', 'tfe_operating_state_class'],
      ['production_type', 'production_type_class'],
      ['development_dynamics', 'development_dynamics_class'],
      ['economic_potential', 'economic_potential_class'],
    ]);
  });
  it('refuses an unknown typology, listing the valid ones', () => {
    expect(() => run('size', town({}))).toThrow(
      /No typology "size". Valid typologies: tfe_operating_state, production_type, development_dynamics, economic_potential/,
    );
  });
  it('refuses a year that is not a year, and one before the typologies apply', () => {
    expect(() => run('production_type', town({}), 24)).toThrow(/24 is not a year/);
    expect(() => run('production_type', town({}), 1995)).toThrow(/no version in force on 1995-12-31/);
  });
  it('reads its thresholds only from parameters: a missing parameter throws naming it', () => {
    const partial = createParameters([param('typology_production_type.majority_min_share', [{ since: '2000-01-01', value: 0.5 }])]);
    expect(() => run('tfe_operating_state', town({ enterprises: [ent('A', 'B')] }), 2024, partial)).toThrow(/typology_operating_state.stable_min_full_share/);
  });
});

describe('operating state of the town-forming enterprises (stable / unstable / declining)', () => {
  const A = ent('A', 'B');
  const B = ent('B', 'C');
  it.each<[string, InputEnterprise[], InputEnterpriseState[], string, string[], Record<string, number>?]>([
    ['one enterprise working fully', [A], [st('A', 'full', '2010-01-01')], 'stable', []],
    ['one enterprise partly working', [A], [st('A', 'partial', '2010-01-01')], 'unstable', []],
    ['one enterprise stopped', [A], [st('A', 'stopped', '2010-01-01')], 'declining', []],
    ['one full, one stopped: a mix is unstable', [A, B], [st('A', 'full', '2010-01-01'), st('B', 'stopped', '2015-01-01')], 'unstable', []],
    ['the later record wins', [A], [st('A', 'full', '2010-01-01'), st('A', 'stopped', '2020-06-01')], 'declining', []],
    ['a record that ended before the date does not count', [A], [st('A', 'full', '2010-01-01', '2020-01-01')], 'unknown', ['enterprise_states:A']],
    ['a record starting after the date does not count', [A], [st('A', 'full', '2025-01-01')], 'unknown', ['enterprise_states:A']],
    ['an undated record gives no state', [A], [st('A', 'stopped', null)], 'unknown', ['enterprise_states:A']],
    ['no record at all', [A], [], 'unknown', ['enterprise_states:A']],
    // A partial, B unknown: B full or partial gives unstable, B stopped gives unstable too (stable and declining need all).
    ['an unknown state that cannot change the class', [A, B], [st('A', 'partial', '2010-01-01')], 'unstable', ['enterprise_states:B']],
    ['an unknown state that could change the class', [A, B], [st('A', 'full', '2010-01-01')], 'unknown', ['enterprise_states:B']],
    // With the stable bound at one half, A full decides whatever B is.
    [
      'a lower bound decides with one unknown',
      [A, B],
      [st('A', 'full', '2010-01-01')],
      'stable',
      ['enterprise_states:B'],
      { 'typology_operating_state.stable_min_full_share': 0.5 },
    ],
    ['an enterprise named only in a state record counts', [], [st(null, 'full', '2010-01-01')], 'stable', []],
    ['no enterprise at all', [], [], 'unknown', ['town_forming_enterprises']],
  ])('%s', (_name, enterprises, enterpriseStates, cls, missing, overrides) => {
    const r = run('tfe_operating_state', town({ enterprises, enterpriseStates }), 2024, overrides ? paramsWith(overrides) : params);
    expect(r.class).toBe(cls);
    expect(r.missing).toEqual(missing);
    expect(r.date).toBe('2024-12-31');
  });
  it('says which states could follow from the unknown ones', () => {
    const r = run('tfe_operating_state', town({ enterprises: [A, B], enterpriseStates: [st('A', 'full', '2010-01-01')] }));
    expect(r.reasons.at(-1)?.text).toMatch(/1 full, 0 partial, 0 stopped, 1 unknown; .*could give stable or unstable/);
    expect(r.reasons.at(-1)?.parameters).toEqual(['typology_operating_state.stable_min_full_share', 'typology_operating_state.declining_min_stopped_share']);
  });
  it('names conflicting records and does not choose', () => {
    const r = run(
      'tfe_operating_state',
      town({ enterprises: [A], enterpriseStates: [st('A', 'full', '2010-01-01'), { ...st('A', 'stopped', '2010-01-01'), source: 'other' }] }),
    );
    expect(r.class).toBe('unknown');
    expect(r.warnings[0]).toMatch(/conflict: the sources disagree on the state of A on 2024-12-31 \(full from st-A, stopped from other\)/);
  });
  it.each([
    [2, 0, 2, 'stable'],
    [1, 0, 2, 'unstable'],
    [0, 2, 2, 'declining'],
    [0, 1, 2, 'unstable'],
  ])('operatingClass(full %i, stopped %i of %i) = %s with both bounds at 1', (full, stopped, n, cls) => {
    expect(operatingClass(full, stopped, n, 1, 1)).toBe(cls);
  });
});

describe('type of production (extractive / processing / research) from NACE sections', () => {
  it.each<[string, InputEnterprise[], InputEnterpriseState[], string, string, string[]]>([
    ['a mine', [ent('mine', 'B')], [], 'extractive', 'majority', []],
    ['a smelter', [ent('smelter', 'C')], [], 'processing', 'majority', []],
    ['two research institutes (Kurchatov)', [ent('NNC', 'M'), ent('park', 'M')], [], 'research', 'majority', []],
    ['a mine and a power station: the power station is left out', [ent('mine', 'B'), ent('GRES', 'D')], [], 'extractive', 'majority', []],
    ['a mine and a plant: a tie', [ent('mine', 'B'), ent('plant', 'C')], [], 'unknown', 'tie', []],
    ['only a power station', [ent('HPP', 'D')], [], 'unknown', 'no_classified_enterprise', []],
    ['a section with no production type', [ent('bank', 'K')], [], 'unknown', 'no_classified_enterprise', []],
    [
      'two mines and one enterprise without a section: extractive whatever it is',
      [ent('m1', 'B'), ent('m2', 'B'), ent('x', null)],
      [],
      'extractive',
      'majority',
      ['nace_section:x'],
    ],
    [
      'a plant and one enterprise without a section: could be a tie',
      [ent('plant', 'C'), ent('x', null)],
      [],
      'unknown',
      'sections_missing',
      ['nace_section:x'],
    ],
    ['a mine stopped before the date is left out', [ent('mine', 'B'), ent('plant', 'C')], [st('mine', 'stopped', '2015-01-01')], 'processing', 'majority', []],
    ['every enterprise stopped: the type is what they produced', [ent('mine', 'B')], [st('mine', 'stopped', '2015-01-01')], 'extractive', 'majority', []],
    ['a mine stopped on an unknown date still counts', [ent('mine', 'B'), ent('plant', 'C')], [st('mine', 'stopped', null)], 'unknown', 'tie', []],
    ['no enterprise', [], [], 'unknown', 'no_enterprises', ['town_forming_enterprises']],
  ])('%s', (_name, enterprises, enterpriseStates, cls, code, missing) => {
    const r = run('production_type', town({ enterprises, enterpriseStates }));
    expect(r.class).toBe(cls);
    expect(r.reasons.at(-1)?.code).toBe(code);
    expect(r.missing).toEqual(missing);
  });
  it('says why a power station is left out and names the source of each section', () => {
    const r = run('production_type', town({ enterprises: [ent('mine', 'B'), ent('GRES', 'D')] }));
    expect(r.reasons.map((x) => [x.code, x.value, x.source])).toEqual([
      ['nace_section', 'B', 'src-mine'],
      ['nace_section_left_out', 'D', 'src-GRES'],
      ['majority', '1 extractive, 0 processing, 0 research', null],
    ]);
    expect(r.reasons[1].text).toMatch(/section D, electricity, gas and steam supply: neither extractive nor processing/);
  });
  it.each<[Record<string, number>, number, string | null]>([
    [{ extractive: 2, processing: 1, research: 0 }, 0.5, 'extractive'],
    [{ extractive: 1, processing: 1, research: 0 }, 0.5, null],
    [{ extractive: 2, processing: 1, research: 1 }, 0.5, null],
    [{ extractive: 0, processing: 0, research: 0 }, 0.5, null],
    [{ extractive: 2, processing: 1, research: 1 }, 0.4, 'extractive'],
  ])('majorityType(%o, %s) = %s', (counts, min, type) => {
    expect(majorityType(counts as never, min)).toBe(type);
  });
});

describe('development dynamics (growing / slow / depressed)', () => {
  // Population 10,000 (2014) → 10,800 (2021): (1.08)^(1/7) − 1 = 1.1055 %/year ≥ 0.7: growing.
  const growingPop = [obs('population', '2014', 10000), obs('population', '2021', 10800)];
  // 10,000 (2016) → 9,500 (2021): (0.95)^(1/5) − 1 = −1.0206 %/year ≤ −0.5: depressed.
  const shrinkingPop = [obs('population', '2016', 10000), obs('population', '2021', 9500)];
  it.each<[string, InputObservation[], number, string, string[]]>([
    [
      'population and output growing',
      [...growingPop, obs('industrial_output_volume_index_pct', '2022', 105)],
      2024,
      'growing',
      ['employed_number_trend_class', 'unemployment_rate_change_pp', 'unemployment_rate_pct'],
    ],
    // growing (+1) and depressed (−1): mean 0: slow.
    [
      'mixed signals are slow',
      [...growingPop, obs('industrial_output_volume_index_pct', '2022', 95)],
      2024,
      'slow',
      ['employed_number_trend_class', 'unemployment_rate_change_pp', 'unemployment_rate_pct'],
    ],
    [
      'shrinking and unemployment up 1.5 pp',
      [...shrinkingPop, obs('unemployment_rate_change_pp', '2021', 1.5)],
      2022,
      'depressed',
      ['industrial_output_trend_class', 'industrial_output_volume_index_pct'],
    ],
    // depressed (−1) and slow (0): mean −0.5: depressed.
    [
      'shrinking and employment not declining',
      [...shrinkingPop, obs('employed_number_trend_class', '2021', 'not_declining')],
      2022,
      'depressed',
      ['industrial_output_trend_class', 'industrial_output_volume_index_pct'],
    ],
    // 5.0 → 3.8: −1.2 pp ≤ −1: growing; with the output trend class "increase": growing.
    [
      'unemployment from two figures a year apart',
      [obs('unemployment_rate_pct', '2020', 5), obs('unemployment_rate_pct', '2021', 3.8), obs('industrial_output_trend_class', '2021', 'increase')],
      2021,
      'growing',
      ['population', 'population_change_pct', 'population_trend_class'],
    ],
    [
      'one signal is too few',
      growingPop,
      2024,
      'unknown',
      [
        'employed_number_trend_class',
        'industrial_output_trend_class',
        'industrial_output_volume_index_pct',
        'unemployment_rate_change_pp',
        'unemployment_rate_pct',
      ],
    ],
  ])('%s', (_name, observations, year, cls, missing) => {
    const r = run('development_dynamics', town({ observations }), year);
    expect(r.class).toBe(cls);
    expect(r.missing).toEqual(missing);
  });
  it('gives the population trend with its value, bounds, period and sources', () => {
    const r = run('development_dynamics', town({ observations: [...growingPop, obs('industrial_output_volume_index_pct', '2022', 105)] }));
    const pop = r.reasons.find((x) => x.code === 'population')!;
    expect(pop.value).toBeCloseTo(1.1055, 4);
    expect(pop.threshold).toEqual({ growing_min: 0.7, depressed_max: -0.5 });
    expect(pop.period).toBe('2014–2021');
    expect(pop.parameters).toContain('typology_dynamics.population_growing_min_pct_per_year');
    expect(r.reasons.at(-1)).toMatchObject({ code: 'mean_score', value: 1, threshold: { min_signals: 2, growing_min: 0.5, depressed_max: -0.5 } });
  });
  it('needs the start of a population trend 3 to 10 years before its end', () => {
    const r = run('development_dynamics', town({ observations: [obs('population', '2020', 10000), obs('population', '2021', 11000)] }));
    expect(r.reasons[0].text).toMatch(/no figure between 2011 and 2018 to start the trend from/);
  });
  it('counts one signal per dimension: the population class is not counted next to the series', () => {
    const r = run(
      'development_dynamics',
      town({ observations: [...growingPop, obs('population_trend_class', '2021', 'largest_decline'), obs('industrial_output_volume_index_pct', '2022', 105)] }),
    );
    expect(r.class).toBe('growing');
    expect(r.reasons.map((x) => x.code)).toContain('population_trend_class_not_counted');
  });
  it('reads the most recent source of a dimension: a 2015 decrease outranks a 2014 index', () => {
    const r = run(
      'development_dynamics',
      town({
        observations: [
          obs('industrial_output_volume_index_pct', '2014-08-01', 119.3),
          obs('industrial_output_trend_class', '2015', 'decrease'),
          obs('unemployment_rate_change_pp', '2014-08-01', 1.2),
        ],
      }),
      2017,
    );
    expect(r.class).toBe('depressed');
    expect(r.reasons.map((x) => x.code)).toEqual([
      'population_absent',
      'industrial_output_trend_class',
      'industrial_output_volume_index_pct_not_counted',
      'unemployment_rate_change_pp',
      'mean_score',
    ]);
  });
  it('does not choose between sources that disagree', () => {
    const r = run(
      'development_dynamics',
      town({
        observations: [
          obs('population', '2013', 28247, 'A'),
          obs('population', '2021', 26365, 'B'),
          obs('population', '2021', 44954, 'C'),
          obs('employed_number_trend_class', '2021', 'declining'),
        ],
      }),
    );
    expect(r.class).toBe('unknown');
    expect(r.missing).toContain('population:conflict');
    expect(r.warnings[0]).toMatch(
      /population 2013–2021: the sources disagree \(28247 \(A\) → 26365 \(B\): -0.858 → depressed; 28247 \(A\) → 44954 \(C\): 5.98 → growing\)/,
    );
  });
  it('keeps a class the sources agree on, with a warning when their values differ', () => {
    const r = run(
      'development_dynamics',
      town({ observations: [...growingPop, obs('population', '2021', 10900, 'B'), obs('industrial_output_volume_index_pct', '2022', 105)] }),
    );
    expect(r.class).toBe('growing');
    expect(r.reasons.find((x) => x.code === 'population')?.value).toBeNull();
    expect(r.warnings[0]).toMatch(/different figures .* but all lead to the same class/);
  });
  it('never uses a later figure or a target', () => {
    const r = run(
      'development_dynamics',
      town({
        observations: [...growingPop, obs('industrial_output_volume_index_pct', '2025', 105), obs('population', '2024', 20000, 'plan', { status: 'target' })],
      }),
    );
    expect(r.class).toBe('unknown');
  });
});

describe('economic potential (high / medium / low)', () => {
  it.each<[string, InputObservation[], number, string]>([
    // 1.04 % ≥ 1 %: high; investment share above 1 %: high.
    [
      'a large share of national output and investment',
      [obs('industrial_output_national_share_pct', '2017', 1.04), obs('investment_national_share_over_1pct', '2017', 'yes')],
      2017,
      'high',
    ],
    // 0.011 % ≤ 0.1 %: low; 87.1 thousand KZT in 2021 has no national average: the band says low.
    [
      'closed-down output and a low wage band',
      [obs('industrial_output_national_share_pct', '2017', 0.011), obs('wage_band_class', '2018', '3_to_3.5_subsistence_minima')],
      2018,
      'low',
    ],
    // 448,800 / 162,300 = 2.765 ≥ 1.25: high; less developed: low; mean 0: medium.
    [
      'a high wage in a less developed town',
      [obs('avg_monthly_wage_kzt', '2018', 448800), obs('economic_development_level_class', '2018', 'less_developed')],
      2018,
      'medium',
    ],
    ['one criterion is too few', [obs('wage_band_class', '2021', 'over_5_minimum_wages')], 2021, 'unknown'],
  ])('%s', (_name, observations, year, cls) => {
    expect(run('economic_potential', town({ observations }), year).class).toBe(cls);
  });
  it('compares the wage with the national average of the same year, and says when there is none', () => {
    const r2018 = run('economic_potential', town({ observations: [obs('avg_monthly_wage_kzt', '2018', 448800)] }), 2018);
    expect(r2018.reasons.find((x) => x.code === 'avg_monthly_wage_ratio')).toMatchObject({
      threshold: { high_min: 1.25, low_max: 0.8, national_avg_monthly_wage_kzt: 162300 },
      parameters: ['typology_potential.national_avg_monthly_wage_kzt', 'typology_potential.wage_ratio_high_min', 'typology_potential.wage_ratio_low_max'],
    });
    expect(r2018.reasons.find((x) => x.code === 'avg_monthly_wage_ratio')?.value).toBeCloseTo(2.7652, 4);
    const r2021 = run(
      'economic_potential',
      town({ observations: [obs('avg_monthly_wage_kzt', '2021', 87100), obs('wage_band_class', '2021', '3_to_3.5_subsistence_minima')] }),
      2021,
    );
    expect(r2021.reasons.map((x) => x.code)).toContain('wage_more_precise_absent');
    expect(r2021.reasons.find((x) => x.code === 'wage_more_precise_absent')?.text).toMatch(/no national average for 2021/);
  });
});

describe('a town with no data', () => {
  const results = computeTypologies(town({ town: 'nowhere' }), 2024, params);
  it('gets unknown for every typology, with the missing inputs named', () => {
    expect(results.map((r) => [r.typology, r.class])).toEqual([
      ['tfe_operating_state', 'unknown'],
      ['production_type', 'unknown'],
      ['development_dynamics', 'unknown'],
      ['economic_potential', 'unknown'],
    ]);
    expect(results[0].missing).toEqual(['town_forming_enterprises']);
    expect(results[1].missing).toEqual(['town_forming_enterprises']);
    expect(results[2].missing).toEqual([
      'employed_number_trend_class',
      'industrial_output_trend_class',
      'industrial_output_volume_index_pct',
      'population',
      'population_change_pct',
      'population_trend_class',
      'unemployment_rate_change_pp',
      'unemployment_rate_pct',
    ]);
    expect(results[3].missing).toEqual([
      'avg_monthly_wage_kzt',
      'economic_development_level_class',
      'industrial_output_national_share_over_1pct',
      'industrial_output_national_share_pct',
      'industrial_output_per_capita_above_national_average',
      'investment_national_share_over_1pct',
      'wage_band_class',
      'wage_vs_region_average_class',
    ]);
    for (const r of results) expect(r.town).toBe('nowhere');
  });
});

describe('publishedClasses', () => {
  const towns = [
    { town: 'a', observations: [obs('production_type_class', '2024', 'extractive')] },
    { town: 'b', observations: [obs('production_type_class', '2024', 'research'), obs('production_type_class', '2017', 'processing')] },
    { town: 'c', observations: [obs('production_type_class', '2024', 'extractive', 'X'), obs('production_type_class', '2024', 'processing', 'Y')] },
    { town: 'd', observations: [obs('production_type_class', '2030', 'research', 'P', { status: 'target' })] },
  ];
  it('takes the classes dated in the year, and flags two different ones as a conflict', () => {
    expect(publishedClasses(towns, 'production_type', 2024)).toEqual({
      classes: { a: 'extractive', b: 'research', c: 'unknown' },
      conflicts: ['c: production_type_class 2024 is published as extractive and processing'],
    });
    expect(publishedClasses(towns, 'production_type', 2017).classes).toEqual({ b: 'processing' });
    expect(publishedClasses(towns, 'production_type', 2030).classes).toEqual({});
  });
});
