import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../domain/criteria/index.js';
import { formatIssue, type DataIssue } from '../../domain/errors.js';
import { createParameters, type Parameter } from '../../domain/parameters.js';
import { importParameterYaml, importRuleSetYaml, importScenariosYaml, parameterNameOf, type Catalogue } from './rules.importer.js';

const catalogue: Catalogue = new Map([
  ['population', { unit: 'persons', kind: 'numeric' }],
  ['tfe_employment_share_pct', { unit: '% of employed', kind: 'numeric' }],
  ['employment_industry_share_pct', { unit: '% of employed', kind: 'numeric' }],
  ['tfe_operating_state_class', { unit: 'class', kind: 'categorical' }],
]);
const reference = { act: 'Test Act', number: '1', date: '2012-05-25', url: null, passage: null };
const p = (name: string, unit: string, values: Parameter['values']): Parameter => ({ name, description: name, unit, reference, values, note: null });
const parameters = createParameters([
  p('common.data_max_age_years', 'years', [{ since: '1990-01-01', value: 2 }]),
  p('t.pop_min', 'persons', [
    { since: '2012-05-25', value: 20000 },
    { since: '2020-01-01', value: null },
  ]),
  p('t.pop_max', 'persons', [{ since: '2012-05-25', value: 200000 }]),
  p('t.share', '% of employed', [
    { since: '2012-05-25', value: 20 },
    { since: '2016-01-01', value: 25 },
  ]),
  p('t.years', 'years', [{ since: '2012-05-25', value: 5 }]),
]);

const shown = (issues: DataIssue[]) => issues.map(formatIssue);

describe('importParameterYaml', () => {
  const good = `description: Lower bound
unit: persons
reference: { act: Test Act, number: "683", date: 2012-05-25, url: "https://example.org/a" }
values:
  2012-05-25: 20000
  2020-01-01: null
`;
  it('reads a parameter, named by its path', () => {
    const r = importParameterYaml('rules/parameters/kz_2012/population_min.yaml', good);
    expect(r.issues).toEqual([]);
    expect(r.parameter).toMatchObject({
      name: 'kz_2012.population_min',
      unit: 'persons',
      reference: { act: 'Test Act', number: '683', date: '2012-05-25', url: 'https://example.org/a', passage: null },
      values: [
        { since: '2012-05-25', value: 20000 },
        { since: '2020-01-01', value: null },
      ],
    });
  });

  it.each<[string, string, string[]]>([
    [
      'an unknown key',
      `${good}units: persons\n`,
      ['f/a/b.yaml, column "units": unknown key "units"; allowed keys here are description, unit, reference, values, note'],
    ],
    [
      'a bad effective date',
      good.replace('2020-01-01: null', '2020-13-01: null'),
      ['f/a/b.yaml, column "values.2020-13-01": "2020-13-01" is not a date; key each value by the date it takes effect, written YYYY-MM-DD'],
    ],
    [
      'a value that is not a number',
      good.replace('20000', '"twenty"'),
      ['f/a/b.yaml, column "values.2012-05-25": "twenty" is not a number; give a number, or null to end validity'],
    ],
    [
      'a first value that is null',
      good.replace('20000', 'null'),
      ['f/a/b.yaml, column "values.2012-05-25": the first value is null: a parameter cannot end before it starts'],
    ],
    [
      'a reference without an act and with a bad date and URL',
      good.replace('act: Test Act, number: "683", date: 2012-05-25, url: "https://example.org/a"', 'date: 25.05.2012, url: example.org'),
      [
        'f/a/b.yaml, column "reference.act": "act" is required',
        'f/a/b.yaml, column "reference.date": "25.05.2012" is not a date; write YYYY-MM-DD, or YYYY when only the year is known',
        'f/a/b.yaml, column "reference.url": "example.org" is not a web address (http:// or https://)',
      ],
    ],
    ['no reference', good.replace(/reference:.*\n/, ''), ['f/a/b.yaml, column "reference": "reference" is required']],
    ['not YAML', 'values: [', [expect.stringMatching(/^f\/a\/b\.yaml: not valid YAML/) as unknown as string]],
  ])('%s', (_name, text, issues) => {
    const r = importParameterYaml('f/a/b.yaml', text);
    expect(shown(r.issues)).toEqual(issues);
    expect(r.parameter).toBeNull();
  });

  it('a path that is not <area>/<name> in snake_case', () => {
    expect(shown(importParameterYaml('rules/parameters/KZ/Pop-Min.yaml', good).issues)).toEqual([
      'rules/parameters/KZ/Pop-Min.yaml: the path must be rules/parameters/<area>/<name>.yaml with snake_case area and name; "KZ/Pop-Min" is not',
    ]);
    expect(parameterNameOf('rules\\parameters\\kz\\x.yml')).toBe('kz.x');
  });
});

const RULESET = `id: test
kind: legal
jurisdiction: KZ
label: { kk: k, ru: r, en: e }
reference: { act: Test Act, number: "1", date: 2012-05-25 }
versions:
  - since: 2012-05-25
    until: 2020-01-01
    criterion:
      all_of:
        - id: population
          type: indicator_between
          indicator: population
          min: t.pop_min
          max: t.pop_max
          label: { kk: k, ru: r, en: e }
        - any_of:
            - id: share
              type: indicator_above
              indicator: tfe_employment_share_pct
              threshold: t.share
              label: { kk: k, ru: r, en: e }
            - id: state
              type: enterprise_state_in
              states: [partial, stopped]
              label: { kk: k, ru: r, en: e }
`;

describe('importRuleSetYaml', () => {
  const load = (text: string, file = 'rules/rulesets/test.yaml') => importRuleSetYaml(file, text, { parameters, catalogue });

  it('reads a rule set with its criterion tree', () => {
    const r = load(RULESET);
    expect(r.issues).toEqual([]);
    expect(r.ruleset?.versions[0]).toMatchObject({ since: '2012-05-25', until: '2020-01-01' });
    expect(r.ruleset?.versions[0].criterion).toEqual({
      all_of: [
        { id: 'population', type: 'indicator_between', indicator: 'population', min: 't.pop_min', max: 't.pop_max', label: { kk: 'k', ru: 'r', en: 'e' } },
        {
          any_of: [
            { id: 'share', type: 'indicator_above', indicator: 'tfe_employment_share_pct', threshold: 't.share', label: { kk: 'k', ru: 'r', en: 'e' } },
            { id: 'state', type: 'enterprise_state_in', states: ['partial', 'stopped'], label: { kk: 'k', ru: 'r', en: 'e' } },
          ],
        },
      ],
    });
  });

  const C = 'versions[0].criterion';
  it.each<[string, string, string[]]>([
    [
      'an unknown criterion type lists the valid ones',
      RULESET.replace('type: indicator_above', 'type: indicator_greater'),
      [
        `column "${C}.all_of[1].any_of[0].type": "indicator_greater" is not a criterion type; valid types are indicator_at_least, indicator_above, indicator_between, indicator_at_least_each_year, enterprise_state_in`,
      ],
    ],
    [
      'an unknown parameter',
      RULESET.replace('threshold: t.share', 'threshold: t.shares'),
      [
        `column "${C}.all_of[1].any_of[0].threshold": "t.shares" is not a parameter; define rules/parameters/t/shares.yaml, or use one of common.data_max_age_years, t.pop_max, t.pop_min, t.share, t.years`,
      ],
    ],
    [
      'an unknown indicator',
      RULESET.replace('indicator: population', 'indicator: populaton'),
      [`column "${C}.all_of[0].indicator": "populaton" is not in the indicator catalogue (catalogue/indicators/populaton.yaml does not exist)`],
    ],
    [
      'a categorical indicator in a comparison',
      RULESET.replace('indicator: population', 'indicator: tfe_operating_state_class'),
      [`column "${C}.all_of[0].indicator": "tfe_operating_state_class" is a categorical indicator; indicator_between compares numbers`],
    ],
    [
      'a threshold in another unit than the indicator',
      RULESET.replace('threshold: t.share', 'threshold: t.pop_max'),
      [
        `column "${C}.all_of[1].any_of[0].threshold": the parameter "t.pop_max" is in "persons" but the indicator "tfe_employment_share_pct" is in "% of employed"; a threshold must be in the indicator's unit`,
      ],
    ],
    [
      'a parameter not in force throughout the version',
      RULESET.replace('until: 2020-01-01', 'until: 2021-01-01'),
      [
        `column "${C}.all_of[0].min": the parameter "t.pop_min" is not in force throughout this version (2012-05-25 – 2021-01-01); extend its values or end the version earlier`,
      ],
    ],
    [
      'a parameter in force only after the version starts',
      RULESET.replace('since: 2012-05-25', 'since: 2011-01-01'),
      [
        `column "${C}.all_of[0].min": the parameter "t.pop_min" is not in force throughout this version (2011-01-01 – 2020-01-01); extend its values or end the version earlier`,
        `column "${C}.all_of[0].max": the parameter "t.pop_max" is not in force throughout this version (2011-01-01 – 2020-01-01); extend its values or end the version earlier`,
        `column "${C}.all_of[1].any_of[0].threshold": the parameter "t.share" is not in force throughout this version (2011-01-01 – 2020-01-01); extend its values or end the version earlier`,
      ],
    ],
    [
      'an unknown operating state',
      RULESET.replace('[partial, stopped]', '[partial, closed]'),
      [`column "${C}.all_of[1].any_of[1].states[1]": "closed" is not an operating state; use full, partial, stopped`],
    ],
    [
      'a field the type does not use',
      RULESET.replace('states: [partial, stopped]', 'states: [partial]\n              threshold: t.share'),
      [`column "${C}.all_of[1].any_of[1].threshold": unknown key "threshold"; allowed keys here are id, type, label, proxy, states`],
    ],
    [
      'a bad date and an until before since',
      RULESET.replace('until: 2020-01-01', 'until: 2010-01-01').replace('since: 2012-05-25', 'since: 2012-02-30'),
      ['column "versions[0].since": "2012-02-30" is not a date; write it YYYY-MM-DD (e.g. 2012-05-25)'],
    ],
    [
      'an id that is not the file name, and a missing label language',
      RULESET.replace('id: test', 'id: other').replace('label: { kk: k, ru: r, en: e }\nreference', 'label: { kk: k, ru: r }\nreference'),
      ['column "id": id "other" must equal the file name "test"', 'column "label.en": "en" is required'],
    ],
    [
      'a duplicate criterion id',
      RULESET.replace('id: state', 'id: share'),
      ['column "versions[0].criterion": the criterion id "share" is used twice in this version; ids must be unique'],
    ],
    [
      'a proxy on a criterion without an indicator',
      RULESET.replace('states: [partial, stopped]', 'states: [partial]\n              proxy: { for: population, label: { kk: k, ru: r, en: e } }'),
      [`column "${C}.all_of[1].any_of[1].proxy": a enterprise_state_in criterion reads no indicator, so it cannot be a proxy`],
    ],
    [
      'a proxy for an unknown indicator',
      RULESET.replace('threshold: t.share', 'threshold: t.share\n              proxy: { for: tfe_share, label: { kk: k, ru: r, en: e } }'),
      [`column "${C}.all_of[1].any_of[0].proxy.for": "tfe_share" is not in the indicator catalogue`],
    ],
    [
      'a node that is neither',
      RULESET.replace('- any_of:', '- one_of:'),
      [`column "${C}.all_of[1]": a criterion is either all_of: [...], any_of: [...] or a leaf with a "type"`],
    ],
    [
      'a variant without variant_of',
      RULESET.replace('kind: legal', 'kind: variant'),
      ['column "variant_of": a variant must name the rule set it varies in "variant_of"'],
    ],
    [
      'an unknown kind and a bad jurisdiction',
      RULESET.replace('kind: legal', 'kind: law').replace('jurisdiction: KZ', 'jurisdiction: Kazakhstan'),
      ['column "kind": "law" is not one of legal, literature, variant', 'column "jurisdiction": "Kazakhstan" is not a two-letter country code (KZ, RU)'],
    ],
    [
      'overlapping versions',
      RULESET + RULESET.slice(RULESET.indexOf('  - since')).replace('until: 2020-01-01', 'until: 2019-01-01').replace('since: 2012-05-25', 'since: 2015-01-01'),
      ['column "versions": the version from 2012-05-25 overlaps the version from 2015-01-01; give the earlier one an "until" no later than 2015-01-01'],
    ],
  ])('%s', (_name, text, issues) => {
    const r = load(text);
    expect(shown(r.issues)).toEqual(issues.map((i) => `rules/rulesets/test.yaml, ${i}`));
    expect(r.ruleset).toBeNull();
  });

  it('reports every problem of a file at once', () => {
    const text = RULESET.replace('type: indicator_above', 'type: nope')
      .replace('indicator: population', 'indicator: nope')
      .replace('max: t.pop_max', 'max: t.nope')
      .replace('jurisdiction: KZ', 'jurisdiction: kz');
    expect(load(text).issues.map((i) => i.column)).toEqual(['jurisdiction', `${C}.all_of[0].indicator`, `${C}.all_of[0].max`, `${C}.all_of[1].any_of[0].type`]);
  });

  it('the each-year type needs a parameter in years', () => {
    const text = RULESET.replace(
      'type: indicator_above\n              indicator: tfe_employment_share_pct\n              threshold: t.share',
      'type: indicator_at_least_each_year\n              indicator: tfe_employment_share_pct\n              threshold: t.share\n              years: t.share',
    );
    expect(shown(load(text).issues)).toEqual([
      `rules/rulesets/test.yaml, column "${C}.all_of[1].any_of[0].years": the parameter "t.share" must be in years, not "% of employed"`,
    ]);
  });
});

describe('importScenariosYaml', () => {
  const ruleset = importRuleSetYaml('rules/rulesets/test.yaml', RULESET, { parameters, catalogue }).ruleset as RuleSet;
  const rulesets = { test: ruleset };
  const load = (text: string) => importScenariosYaml('rules/tests/t.yaml', text, { rulesets, catalogue });
  const CASE = `cases:
  - name: one
    ruleset: test
    year: 2014
    town: ridder
    input:
      observations:
        - { indicator: population, period: "2014", value: 30000, source: S }
        - { indicator: tfe_employment_share_pct, period: 2014-01-01, value: 25, source: S, status: estimate }
      enterprise_states:
        - { enterprise: Plant, state: partial, since: 2013-01-01, source: S }
    expected:
      verdict: meets
      criteria: { population: true, share: { result: true, period: "2014-01-01", note_contains: x }, state: unknown }
      missing: []
      proxies: []
`;

  it('reads the cases', () => {
    const r = load(CASE);
    expect(r.issues).toEqual([]);
    expect(r.scenarios[0]).toEqual({
      name: 'one',
      file: 'rules/tests/t.yaml',
      ruleset: 'test',
      year: 2014,
      input: {
        town: 'ridder',
        observations: [
          { indicator: 'population', period: '2014', value: 30000, valueText: null, source: 'S' },
          { indicator: 'tfe_employment_share_pct', period: '2014-01-01', value: 25, valueText: null, source: 'S', status: 'estimate' },
        ],
        enterpriseStates: [{ enterprise: 'Plant', state: 'partial', since: '2013-01-01', until: null, source: 'S' }],
      },
      expected: {
        verdict: 'meets',
        criteria: { population: { result: true }, share: { result: true, period: '2014-01-01', noteContains: 'x' }, state: { result: 'unknown' } },
        missing: [],
        proxies: [],
      },
    });
  });

  const at = 'cases[0]';
  it.each<[string, string, string[]]>([
    ['an unknown rule set', CASE.replace('ruleset: test', 'ruleset: kz'), [`column "${at}.ruleset": no rule set "kz"; known: test`]],
    [
      'an unknown indicator',
      CASE.replace('indicator: population', 'indicator: people'),
      [`column "${at}.input.observations[0].indicator": "people" is not in the indicator catalogue (catalogue/indicators/)`],
    ],
    [
      'a bad period',
      CASE.replace('period: "2014", value: 30000', 'period: "2014-02-30", value: 30000'),
      [`column "${at}.input.observations[0].period": "2014-02-30" is not a period; use a year (2021) or a date (2021-01-01)`],
    ],
    ['no value', CASE.replace('value: 30000, ', ''), [`column "${at}.input.observations[0]": give exactly one of "value" (a number) and "value_text"`]],
    [
      'an unknown key in an observation',
      CASE.replace('source: S }', 'source: S, unit: persons }'),
      [`column "${at}.input.observations[0].unit": unknown key "unit"; allowed keys here are indicator, period, value, value_text, source, status`],
    ],
    [
      'a bad state and date',
      CASE.replace('state: partial, since: 2013-01-01', 'state: closed, since: 2013-1-1'),
      [
        `column "${at}.input.enterprise_states[0].state": "closed" is not one of full, partial, stopped`,
        `column "${at}.input.enterprise_states[0].since": "2013-1-1" is not a date; write it YYYY-MM-DD (e.g. 2012-05-25)`,
      ],
    ],
    [
      'an unknown verdict',
      CASE.replace('verdict: meets', 'verdict: yes'),
      [`column "${at}.expected.verdict": "yes" is not one of meets, does_not_meet, unknown`],
    ],
    [
      'an unknown criterion id',
      CASE.replace('population: true,', 'pop: true,'),
      [`column "${at}.expected.criteria.pop": "pop" is not a criterion of test; its criteria are population, share, state`],
    ],
    [
      'a result that is not a truth',
      CASE.replace('population: true,', 'population: maybe,'),
      [`column "${at}.expected.criteria.population": "maybe" is not a result; use true, false or unknown, or { result, period?, value?, note_contains? }`],
    ],
    [
      'both verdict and error',
      CASE.replace('verdict: meets', 'verdict: meets\n      error: { code: not_found }'),
      [`column "${at}.expected": give exactly one of "verdict" and "error"`],
    ],
    [
      'a year that is not a year',
      CASE.replace('year: 2014', 'year: "2014"'),
      [`column "${at}.year": "2014" is not a year; write a four-digit year such as 2021`],
    ],
    ['no cases', 'description: nothing\n', ['column "cases": "cases" is required']],
  ])('%s', (_name, text, issues) => {
    const r = load(text);
    expect(shown(r.issues)).toEqual(issues.map((i) => `rules/tests/t.yaml, ${i}`));
    expect(r.scenarios).toEqual([]);
  });

  it('a duplicate name within a file', () => {
    const twice = CASE + CASE.replace('cases:\n', '');
    expect(shown(load(twice).issues)).toEqual(['rules/tests/t.yaml, column "cases[1].name": the name "one" is used twice in this file']);
  });
});
