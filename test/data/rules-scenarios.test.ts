import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/domain/criteria/index.js';
import { formatIssue } from '../../src/domain/errors.js';
import { loadRules } from '../../src/io/rules.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

const rules = loadRules(PROJECT_ROOT);

describe('rules/: parameters, rule sets and scenario tests', () => {
  it('load with no issues', () => {
    expect(rules.issues.map(formatIssue)).toEqual([]);
  });

  it('hold the rule sets of the legal-status issue', () => {
    expect(Object.keys(rules.rulesets).sort()).toEqual(['kz-2012', 'kz-nrdp-2020', 'kz-nrdp-2020-industry-proxy', 'literature-2024', 'ru-709-2014']);
  });

  it('test every rule set: meets, does_not_meet, and unknown with the missing inputs named', () => {
    const outcomes = rules.scenarios.map((s) => ({ s, o: runScenario(s, rules.rulesets, rules.parameters) }));
    for (const id of Object.keys(rules.rulesets)) {
      const verdicts = new Set(outcomes.filter(({ s }) => s.ruleset === id).map(({ o }) => o.result?.verdict));
      expect([...verdicts].sort(), id).toEqual(expect.arrayContaining(['does_not_meet', 'meets', 'unknown']));
      const unknownWithMissing = outcomes.some(({ s, o }) => s.ruleset === id && o.result?.verdict === 'unknown' && (s.expected.missing?.length ?? 0) > 0);
      expect(unknownWithMissing, `${id} has an unknown case that names its missing inputs`).toBe(true);
    }
  });

  it.each(rules.scenarios.map((s) => [`${s.file}: ${s.name}`, s] as const))('%s', (_name, scenario) => {
    const outcome = runScenario(scenario, rules.rulesets, rules.parameters);
    expect(outcome.failures).toEqual([]);
    expect(outcome.passed).toBe(true);
  });
});
