import { DomainError } from '../errors.js';
import type { Parameters } from '../parameters.js';
import { evaluate } from './evaluate.js';
import type { EvaluationResult, RuleSet, Scenario, ScenarioOutcome } from './types.js';

const show = (v: unknown) => JSON.stringify(v);
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const [x, y] = [[...new Set(a)].sort(), [...new Set(b)].sort()];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

function check(s: Scenario, r: EvaluationResult): string[] {
  const f: string[] = [];
  const e = s.expected;
  if (e.error) f.push(`expected the error ${e.error.code}${e.error.contains ? ` ("${e.error.contains}")` : ''}, got the verdict ${r.verdict}`);
  if (e.verdict !== undefined && r.verdict !== e.verdict) f.push(`verdict: expected ${e.verdict}, got ${r.verdict}`);
  for (const [id, want] of Object.entries(e.criteria ?? {})) {
    const got = r.criteria.find((c) => c.id === id);
    if (!got) {
      f.push(`criterion ${id}: not in the result (criteria: ${r.criteria.map((c) => c.id).join(', ')})`);
      continue;
    }
    if (got.result !== want.result) f.push(`criterion ${id}: expected ${show(want.result)}, got ${show(got.result)}${got.note ? ` (${got.note})` : ''}`);
    if (want.period !== undefined && got.period !== want.period) f.push(`criterion ${id}: expected the period ${show(want.period)}, got ${show(got.period)}`);
    if (want.value !== undefined && got.value !== want.value) f.push(`criterion ${id}: expected the value ${show(want.value)}, got ${show(got.value)}`);
    if (want.noteContains !== undefined && !(got.note ?? '').includes(want.noteContains))
      f.push(`criterion ${id}: expected a note containing ${show(want.noteContains)}, got ${show(got.note ?? null)}`);
  }
  if (e.missing && !sameSet(e.missing, r.missing)) f.push(`missing: expected ${show([...e.missing].sort())}, got ${show(r.missing)}`);
  if (e.proxies) {
    const got = r.criteria.filter((c) => c.proxy).map((c) => c.id);
    if (!sameSet(e.proxies, got)) f.push(`proxies: expected the criteria ${show(e.proxies)} to carry a proxy label, got ${show(got)}`);
  }
  return f;
}

/**
 * Runs one scenario case (`rules/tests/*.yaml`) and reports every expectation
 * that does not hold. A DomainError is an outcome (expected or not); any other
 * error is a bug and is rethrown.
 */
export function runScenario(scenario: Scenario, rulesets: Readonly<Record<string, RuleSet>>, parameters: Parameters): ScenarioOutcome {
  const base = { name: scenario.name, file: scenario.file };
  const ruleset = Object.hasOwn(rulesets, scenario.ruleset) ? rulesets[scenario.ruleset] : undefined;
  if (!ruleset)
    return {
      ...base,
      passed: false,
      failures: [`no rule set "${scenario.ruleset}"; known rule sets: ${Object.keys(rulesets).sort().join(', ')}`],
      result: null,
      error: null,
    };
  let result: EvaluationResult;
  try {
    result = evaluate(ruleset, scenario.year, scenario.input, parameters);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const want = scenario.expected.error;
    const failures = !want
      ? [`unexpected error ${err.code}: ${err.message}`]
      : [
          ...(err.code !== want.code ? [`error: expected the code ${want.code}, got ${err.code}`] : []),
          ...(want.contains && !err.message.includes(want.contains)
            ? [`error: expected a message containing ${show(want.contains)}, got ${show(err.message)}`]
            : []),
        ];
    return { ...base, passed: failures.length === 0, failures, result: null, error: { code: err.code, message: err.message } };
  }
  const failures = check(scenario, result);
  return { ...base, passed: failures.length === 0, failures, result, error: null };
}
