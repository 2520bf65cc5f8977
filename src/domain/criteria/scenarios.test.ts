import { describe, expect, it } from 'vitest';
import { createParameters } from '../parameters.js';
import { runScenario } from './scenarios.js';
import type { RuleSet, Scenario, ScenarioExpectation } from './types.js';

const reference = { act: 'Test Act', number: null, date: '2012', url: null, passage: null };
const params = createParameters([
  { name: 'common.data_max_age_years', description: 'window', unit: 'years', reference, values: [{ since: '1990-01-01', value: 2 }], note: null },
  { name: 't.share', description: 'share', unit: '% of employed', reference, values: [{ since: '2012-01-01', value: 20 }], note: null },
]);
const label = { kk: 'k', ru: 'r', en: 'e' };
const rulesets: Record<string, RuleSet> = {
  t: {
    id: 't',
    label,
    definition: null,
    wording: null,
    kind: 'literature',
    variantOf: null,
    jurisdiction: 'KZ',
    reference,
    note: null,
    versions: [
      {
        since: '2012-01-01',
        until: null,
        reference: null,
        note: null,
        criterion: { all_of: [{ id: 'share', type: 'indicator_at_least', label, indicator: 'tfe_employment_share_pct', threshold: 't.share' }] },
      },
    ],
  },
};
const scenario = (expected: ScenarioExpectation, year = 2014, ruleset = 't'): Scenario => ({
  name: 'case',
  file: 'rules/tests/x.yaml',
  ruleset,
  year,
  input: {
    town: null,
    observations: [{ indicator: 'tfe_employment_share_pct', period: '2014', value: 25, valueText: null, source: 'S' }],
    enterpriseStates: [],
  },
  expected,
});

describe('runScenario', () => {
  it.each<[string, Scenario, string[]]>([
    ['all expectations hold', scenario({ verdict: 'meets', criteria: { share: { result: true, period: '2014', value: 25 } }, missing: [], proxies: [] }), []],
    ['a wrong verdict', scenario({ verdict: 'does_not_meet' }), ['verdict: expected does_not_meet, got meets']],
    ['a wrong criterion result', scenario({ verdict: 'meets', criteria: { share: { result: false } } }), ['criterion share: expected false, got true']],
    ['an unknown criterion id', scenario({ verdict: 'meets', criteria: { nope: { result: true } } }), ['criterion nope: not in the result (criteria: share)']],
    [
      'a wrong period and note',
      scenario({ verdict: 'meets', criteria: { share: { result: true, period: '2013', noteContains: 'x' } } }),
      ['criterion share: expected the period "2013", got "2014"', 'criterion share: expected a note containing "x", got null'],
    ],
    ['missing compared as a set', scenario({ verdict: 'meets', missing: ['population'] }), ['missing: expected ["population"], got []']],
    [
      'proxies compared as a set',
      scenario({ verdict: 'meets', proxies: ['share'] }),
      ['proxies: expected the criteria ["share"] to carry a proxy label, got []'],
    ],
    [
      'an expected error that does not come',
      scenario({ error: { code: 'not_found', contains: null } }),
      ['expected the error not_found, got the verdict meets'],
    ],
    ['an expected error', scenario({ error: { code: 'not_found', contains: 'no version in force' } }, 2011), []],
    [
      'an error with the wrong code',
      scenario({ error: { code: 'invalid_argument', contains: null } }, 2011),
      ['error: expected the code invalid_argument, got not_found'],
    ],
    [
      'an unexpected error',
      scenario({ verdict: 'meets' }, 2011),
      [expect.stringMatching(/^unexpected error not_found: The rule set "t"/) as unknown as string],
    ],
    ['an unknown rule set', scenario({ verdict: 'meets' }, 2014, 'zz'), ['no rule set "zz"; known rule sets: t']],
  ])('%s', (_name, s, failures) => {
    const out = runScenario(s, rulesets, params);
    expect(out.failures).toEqual(failures);
    expect(out.passed).toBe(failures.length === 0);
    expect(out.file).toBe('rules/tests/x.yaml');
  });
});
