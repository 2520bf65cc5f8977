import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { createParameters, type Parameter } from '../parameters.js';
import { CRITERION_TYPE_NAMES, criterionType } from './criterion-types.js';
import { evaluate, evaluationDate, leaves, selectVersion } from './evaluate.js';
import type { InputObservation, LeafSpec, RuleSet, TownInput } from './types.js';

const reference = { act: 'Test Act', number: '7', date: '2012-01-01', url: null, passage: null };
const p = (name: string, unit: string, values: Parameter['values']): Parameter => ({ name, description: name, unit, reference, values, note: null });
const params = createParameters([
  p('common.data_max_age_years', 'years', [{ since: '1990-01-01', value: 2 }]),
  p('t.pop_min', 'persons', [{ since: '2012-01-01', value: 20000 }]),
  p('t.pop_max', 'persons', [
    { since: '2012-01-01', value: 200000 },
    { since: '2018-01-01', value: 250000 },
  ]),
  p('t.share', '% of employed', [{ since: '2012-01-01', value: 20 }]),
  p('t.years', 'years', [{ since: '2012-01-01', value: 3 }]),
]);
const label = (en: string) => ({ kk: en, ru: en, en });
const leaf = (id: string, type: string, extra: Partial<LeafSpec>): LeafSpec => ({ id, type, label: label(id), ...extra });

const ruleset: RuleSet = {
  id: 'test',
  label: label('Test rules'),
  definition: null,
  wording: null,
  kind: 'legal',
  variantOf: null,
  jurisdiction: 'KZ',
  reference,
  note: 'A test rule set.',
  versions: [
    {
      since: '2012-01-01',
      until: '2016-01-01',
      reference: null,
      note: null,
      criterion: {
        all_of: [
          leaf('population', 'indicator_between', { indicator: 'population', min: 't.pop_min', max: 't.pop_max' }),
          {
            any_of: [
              leaf('share', 'indicator_above', { indicator: 'tfe_employment_share_pct', threshold: 't.share' }),
              leaf('state', 'enterprise_state_in', { states: ['partial', 'stopped'] }),
            ],
          },
        ],
      },
    },
    {
      since: '2018-01-01',
      until: null,
      reference: null,
      note: 'The second version.',
      criterion: {
        all_of: [
          leaf('population', 'indicator_between', { indicator: 'population', min: 't.pop_min', max: 't.pop_max' }),
          leaf('industry', 'indicator_at_least', {
            indicator: 'employment_industry_share_pct',
            threshold: 't.share',
            proxy: { for: 'tfe_employment_share_pct', label: label('industry for the enterprises') },
          }),
          leaf('share_3y', 'indicator_at_least_each_year', { indicator: 'tfe_employment_share_pct', threshold: 't.share', years: 't.years' }),
        ],
      },
    },
  ],
};

const o = (indicator: string, period: string, value: number, source = 'S'): InputObservation => ({ indicator, period, value, valueText: null, source });
const town = (observations: InputObservation[], enterpriseStates: TownInput['enterpriseStates'] = []): TownInput => ({
  town: 'x',
  observations,
  enterpriseStates,
});

describe('selectVersion: the version in force on 31 December of the year', () => {
  it.each([
    [2012, '2012-01-01'],
    [2015, '2012-01-01'],
    [2018, '2018-01-01'],
    [2040, '2018-01-01'],
  ])('%i → the version from %s', (year, since) => expect(selectVersion(ruleset, evaluationDate(year)).since).toBe(since));

  it.each([2011, 2016, 2017])('%i has no version in force: a not_found error naming the versions', (year) => {
    expect(() => selectVersion(ruleset, evaluationDate(year))).toThrow(DomainError);
    expect(() => selectVersion(ruleset, evaluationDate(year))).toThrow(
      new RegExp(`no version in force on ${year}-12-31: its versions apply 2012-01-01 – 2016-01-01 \\(exclusive; years 2012–2015\\); 2018-01-01 – open-ended`),
    );
  });

  it('refuses a year that is not a year', () => expect(() => evaluationDate(20.5)).toThrow(/not a year/));
});

describe('evaluate', () => {
  it.each<[string, number, TownInput, string, Record<string, boolean | 'unknown'>, string[]]>([
    [
      'meets by the share',
      2013,
      town([o('population', '2013', 30000), o('tfe_employment_share_pct', '2013', 25)]),
      'meets',
      { population: true, share: true, state: 'unknown' },
      ['enterprise_states'],
    ],
    [
      'meets by the state',
      2013,
      town([o('population', '2013', 30000)], [{ enterprise: null, state: 'stopped', since: '2012-06-01', until: null, source: 'S' }]),
      'meets',
      { share: 'unknown', state: true },
      ['tfe_employment_share_pct'],
    ],
    [
      'population too high',
      2013,
      town([o('population', '2013', 210000), o('tfe_employment_share_pct', '2013', 25)]),
      'does_not_meet',
      { population: false },
      ['enterprise_states'],
    ],
    [
      'the bound changed in 2018',
      2019,
      town([o('population', '2019', 210000)]),
      'unknown',
      { population: true, industry: 'unknown' },
      ['employment_industry_share_pct', 'tfe_employment_share_pct:2016', 'tfe_employment_share_pct:2017', 'tfe_employment_share_pct:2018'],
    ],
    [
      'nothing known',
      2013,
      town([]),
      'unknown',
      { population: 'unknown', share: 'unknown', state: 'unknown' },
      ['enterprise_states', 'population', 'tfe_employment_share_pct'],
    ],
  ])('%s', (_name, year, input, verdict, criteria, missing) => {
    const r = evaluate(ruleset, year, input, params);
    expect(r.verdict).toBe(verdict);
    for (const [id, want] of Object.entries(criteria)) expect(r.criteria.find((c) => c.id === id)?.result, id).toBe(want);
    expect(r.missing).toEqual(missing);
  });

  it('reports every criterion, even when one already decides (no short-circuit)', () => {
    const r = evaluate(ruleset, 2013, town([o('population', '2013', 5)]), params);
    expect(r.criteria.map((c) => c.id)).toEqual(['population', 'share', 'state']);
  });

  it('cites the value, the period, the threshold and their sources', () => {
    const r = evaluate(ruleset, 2014, town([o('population', '2012', 30000, 'census'), o('tfe_employment_share_pct', '2014', 25)]), params);
    const pop = r.criteria[0];
    expect(pop).toMatchObject({ value: 30000, period: '2012', threshold: { min: 20000, max: 200000 }, comparator: 'between', sources: ['census'] });
    expect(pop.note).toMatch(/the figure for 2012 is used: none for 2014/);
    expect(pop.thresholdSources.map((t) => [t.parameter, t.value, t.reference.number])).toEqual([
      ['t.pop_min', 20000, '7'],
      ['t.pop_max', 200000, '7'],
    ]);
    expect(r).toMatchObject({ town: 'x', ruleset: 'test', year: 2014, date: '2014-12-31', rulesetVersion: { since: '2012-01-01', until: '2016-01-01' } });
    expect(r.notes.join(' ')).toMatch(/A test rule set\./);
  });

  it('labels a proxy in the criterion, in the result and in the notes', () => {
    const r = evaluate(ruleset, 2019, town([o('population', '2019', 30000), o('employment_industry_share_pct', '2019', 30)]), params);
    const industry = r.criteria.find((c) => c.id === 'industry')!;
    expect(industry.proxy).toEqual({ for: 'tfe_employment_share_pct', use: 'employment_industry_share_pct', label: label('industry for the enterprises') });
    expect(r.proxies).toHaveLength(1);
    expect(r.notes.join(' ')).toMatch(/Proxy: employment_industry_share_pct is used in place of tfe_employment_share_pct/);
    expect(r.criteria.filter((c) => c.proxy).map((c) => c.id)).toEqual(['industry']);
  });

  it.each<[string, number[], boolean | 'unknown', string[]]>([
    ['all three years reach 20', [20, 21, 30], true, []],
    ['one year below', [20, 19, 30], false, []],
    ['one year missing', [20, NaN, 30], 'unknown', ['tfe_employment_share_pct:2017']],
    ['below and missing: below decides', [10, NaN, 30], false, ['tfe_employment_share_pct:2017']],
  ])('each year: %s', (_name, shares, result, missing) => {
    const obs = shares.flatMap((v, i) => (Number.isNaN(v) ? [] : [o('tfe_employment_share_pct', String(2016 + i), v)]));
    const r = evaluate(ruleset, 2019, town([o('population', '2019', 30000), o('employment_industry_share_pct', '2019', 30), ...obs]), params);
    const c = r.criteria.find((x) => x.id === 'share_3y')!;
    expect(c.result).toBe(result);
    expect(c.missing).toEqual(missing);
    expect(c.period).toBe('2016–2018');
    expect(c.thresholdSources.map((t) => t.parameter)).toEqual(['t.share', 't.years']);
  });
});

describe('the criterion registry', () => {
  it('lists its types', () =>
    expect(CRITERION_TYPE_NAMES).toEqual([
      'indicator_at_least',
      'indicator_above',
      'indicator_between',
      'indicator_at_least_each_year',
      'enterprise_state_in',
    ]));
  it.each(['indicator_below', 'constructor', ''])('an unknown type "%s" throws, listing the valid ones', (type) => {
    expect(() => criterionType(type)).toThrow(/is not a criterion type\. Use one of: indicator_at_least, indicator_above, indicator_between/);
  });
  it('a leaf missing a field it needs is an invalid argument', () => {
    const bad: RuleSet = { ...ruleset, versions: [{ ...ruleset.versions[0], criterion: leaf('share', 'indicator_above', { indicator: 'population' }) }] };
    expect(() => evaluate(bad, 2013, town([]), params)).toThrow(/criterion "share" of type indicator_above needs "threshold"/);
  });
  it('leaves() walks the tree in order', () => expect(leaves(ruleset.versions[1].criterion).map((l) => l.id)).toEqual(['population', 'industry', 'share_3y']));
});
