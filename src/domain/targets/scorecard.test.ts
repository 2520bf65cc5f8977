import { describe, expect, it } from 'vitest';
import { createParameters, type Parameter } from '../parameters.js';
import type { Program, Target } from '../programs.js';
import { MAX_ACTUAL_AGE, ON_TRACK_TOLERANCE } from './evaluate.js';
import { scorecard, townsInScope } from './scorecard.js';
import type { TargetObservation } from './types.js';

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

const target = (id: string, over: Partial<Target>): Target => ({
  id,
  indicator: 'unemployment_rate_pct',
  scope: { kind: 'all_monotowns', towns: [], note: null },
  rule: 'at_most',
  comparison: null,
  value: 5.5,
  baseYear: null,
  baselineValue: null,
  deadline: null,
  wording: id,
  note: null,
  sources: ['001_test.txt | slide 11'],
  ...over,
});

const program = (targets: Target[]): Program => ({
  id: 'test-program',
  kind: 'program',
  name: { kk: 'k', ru: 'r', en: 'e' },
  nameNote: null,
  legalAct: { type: null, typeWording: null, number: null, date: null, year: null, title: null, amendments: [], note: null, sources: [] },
  validity: { since: null, until: null, note: null, sources: [] },
  period: { from: null, to: null, stages: [], note: null, sources: [] },
  goals: [],
  directions: [],
  budget: [],
  instruments: [],
  targets,
  namedIndicators: [],
  definitions: [],
  statements: [],
  findings: [],
  relations: [],
  note: null,
});

const ob = (indicator: string, period: string, value: number): TargetObservation => ({ indicator, period, value, valueText: null, source: 's' });

describe('scorecard', () => {
  const all = target('unemployment-max-5-5', {});
  const one = target('kurchatov-only', { scope: { kind: 'towns', towns: ['kurchatov', 'kentau'], note: null } });
  const p = program([all, one]);
  const observations = { ridder: [ob('unemployment_rate_pct', '2014-08-01', 4.8)], kurchatov: [ob('unemployment_rate_pct', '2014-08-01', 4.4)] };

  it('has one row per target × town in scope, in program and town order', () => {
    const s = scorecard(p, observations, ['ridder', 'kurchatov', 'temirtau'], params, '2014-12-31');
    expect(s.rows.map((r) => [r.target, r.town, r.status])).toEqual([
      ['unemployment-max-5-5', 'ridder', 'achieved'],
      ['unemployment-max-5-5', 'kurchatov', 'achieved'],
      ['unemployment-max-5-5', 'temirtau', 'not_computable'],
      ['kurchatov-only', 'kurchatov', 'achieved'],
    ]);
    expect(s.rows[2].reason).toBe('no figure for unemployment_rate_pct for temirtau up to 2014-12-31');
    expect(s.rows.every((r) => r.program === 'test-program')).toBe(true);
  });

  it('records the method parameters it used, with their references', () => {
    const s = scorecard(p, observations, ['ridder'], params, '2014-12-31');
    expect(s.parameters.map((e) => [e.name, e.value])).toEqual([
      [ON_TRACK_TOLERANCE, 0.9],
      [MAX_ACTUAL_AGE, 2],
    ]);
    expect(s).toMatchObject({ program: 'test-program', asOf: '2014-12-31' });
  });

  it('keeps national and unstated targets as rows that say why they are not judged', () => {
    expect(townsInScope(target('n', { scope: { kind: 'country', towns: [], note: null } }), ['a', 'b'])).toEqual(['a', 'b']);
    expect(townsInScope(one, ['ridder', 'kurchatov'])).toEqual(['kurchatov']);
  });

  it('rejects a date that is not a date', () => {
    expect(() => scorecard(p, observations, ['ridder'], params, '31.12.2014')).toThrow(/not a date/);
  });
});
