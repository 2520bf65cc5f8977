import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { applyOverrides, parseConfig, type ConfigIssue } from './config.js';

const issueExample = {
  period: '2021',
  indicators: [{ code: 'patents', group: 'creation', weight: 1, transform: 'log10', goalposts: [0, 1000], polarity: 1 }],
  groups: [{ code: 'creation', weight: 1, parent: null }],
  imputation: 'none',
  normalisation: { method: 'minmax', range: [0, 1] },
  weights: 'explicit',
  aggregation: 'arithmetic',
  uncertainty: { runs: 1000, seed: 1, weightNoise: 0.25, normalisation: ['minmax', 'zscore'], aggregation: ['arithmetic', 'geometric'] },
};

const issuesOf = (raw: unknown): ConfigIssue[] => {
  try {
    parseConfig(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('invalid_argument');
    return (e as DomainError).details.issues as ConfigIssue[];
  }
  throw new Error('expected the configuration to be rejected');
};

describe('parseConfig', () => {
  it('accepts the example from the specification', () => {
    const c = parseConfig(issueExample);
    expect(c.indicators[0]).toEqual({ code: 'patents', group: 'creation', weight: 1, transform: 'log10', goalposts: [0, 1000], polarity: 1, target: null });
    expect(c.uncertainty?.normalisation).toEqual([{ method: 'minmax', range: null }, { method: 'zscore' }]);
    expect(c.sensitivity).toBeNull();
  });

  it('fills documented defaults: explicit weights 1, arithmetic, minmax [0, 1], no imputation, flat index', () => {
    const c = parseConfig({ period: '2021', indicators: [{ code: 'a' }, { code: 'b' }] });
    expect(c).toMatchObject({
      groups: [],
      imputation: 'none',
      normalisation: { method: 'minmax', range: [0, 1] },
      weights: 'explicit',
      aggregation: 'arithmetic',
      uncertainty: null,
    });
    expect(c.indicators.map((x) => [x.weight, x.group, x.transform, x.polarity])).toEqual([
      [1, null, 'none', null],
      [1, null, 'none', null],
    ]);
  });

  it('is idempotent: a parsed configuration parses to itself', () => {
    const c = parseConfig({ ...issueExample, sensitivity: { samples: 64 } });
    expect(parseConfig(c)).toEqual(c);
    expect(parseConfig(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it('names unknown keys with their path', () => {
    const issues = issuesOf({
      ...issueExample,
      colour: 'red',
      indicators: [{ code: 'a', wieght: 2 }],
      groups: [],
      uncertainty: { runs: 10, seed: 1, noise: 1 },
    });
    expect(issues.map((i) => i.path)).toEqual(['colour', 'indicators[0].wieght', 'uncertainty.noise']);
    expect(issues[1].message).toContain('unknown key "wieght"; the keys here are "code", "group", "weight"');
  });

  it('names the field path of every wrong type, all at once', () => {
    const issues = issuesOf({
      period: 2021,
      indicators: [{ code: 'a', weight: '2', transform: 'log', goalposts: [5, 1], polarity: 0 }],
      normalisation: { method: 'zscore', range: [0, 1] },
      aggregation: 'median',
      uncertainty: { runs: 0.5, seed: 'x', weightNoise: 2, aggregation: [] },
    });
    expect(issues.map((i) => i.path)).toEqual([
      'period',
      'indicators[0].transform',
      'indicators[0].goalposts',
      'indicators[0].polarity',
      'indicators[0].weight',
      'normalisation.range',
      'aggregation',
      'uncertainty.runs',
      'uncertainty.seed',
      'uncertainty.weightNoise',
      'uncertainty.aggregation',
    ]);
    expect(issues[1].message).toBe('expected one of "none", "log10", "ln", got the text "log"');
    expect(issues[4].message).toBe('expected a weight: a number ≥ 0, got the text "2"');
  });

  it('checks the hierarchy: unknown, duplicate, cyclic and empty groups, clashing codes', () => {
    const issues = issuesOf({
      period: '2021',
      indicators: [
        { code: 'a', group: 'g1' },
        { code: 'b', group: 'nope' },
        { code: 'g3', group: 'g2' },
      ],
      groups: [{ code: 'g1', parent: 'g2' }, { code: 'g2', parent: 'g1' }, { code: 'g3' }, { code: 'g4', parent: null }],
    });
    const text = issues.map((i) => `${i.path}: ${i.message}`);
    expect(text).toContain('groups[2].code: "g3" is also an indicator code; group and indicator codes must differ');
    expect(text).toContain('indicators[1].group: unknown group "nope"; the groups are "g1", "g2", "g3", "g4"');
    expect(text).toContain('groups[0].parent: groups form a cycle: g1 → g2 → g1');
    expect(text).toContain('groups[3]: group "g4" has no indicators or subgroups; remove it or assign indicators to it');
  });

  it('distance_to_target needs a target per indicator; sensitivity needs an uncertainty section', () => {
    const issues = issuesOf({
      period: '2021',
      indicators: [{ code: 'a', target: 5 }, { code: 'b' }],
      normalisation: 'distance_to_target',
      sensitivity: { samples: 10 },
    });
    expect(issues.map((i) => i.path)).toEqual(['sensitivity', 'indicators[1].target']);
  });

  it('the message reads like help', () => {
    expect(() => parseConfig({ period: '2021', indicators: [] })).toThrow(
      'The composite-index configuration has 1 problem; nothing was computed. Fix it and run again:\n  - indicators: expected a non-empty array, got an empty array',
    );
  });
});

describe('applyOverrides', () => {
  const base = parseConfig(issueExample);

  it('changes a step and patches an indicator by code, leaving the original untouched', () => {
    const c = applyOverrides(base, { normalisation: 'rank', indicators: { patents: { transform: 'ln', weight: 3 } }, uncertainty: { runs: 5 } });
    expect(c.normalisation).toEqual({ method: 'rank' });
    expect(c.indicators[0]).toMatchObject({ transform: 'ln', weight: 3, goalposts: [0, 1000] });
    expect(c.uncertainty).toMatchObject({ runs: 5, seed: 1, weightNoise: 0.25 });
    expect(base.normalisation).toEqual({ method: 'minmax', range: [0, 1] });
    expect(base.indicators[0].transform).toBe('log10');
  });

  it('rejects unknown steps and codes, naming them', () => {
    expect(() => applyOverrides(base, { normalise: 'rank' } as never)).toThrow(/normalise: unknown key "normalise"/);
    expect(() => applyOverrides(base, { indicators: { patent: { weight: 2 } } })).toThrow(
      /indicators\.patent: unknown key "patent"; the keys here are "patents"/,
    );
    expect(() => applyOverrides(base, { aggregation: 'harmonic' as never })).toThrow(/aggregation: expected one of "arithmetic", "geometric"/);
  });
});
