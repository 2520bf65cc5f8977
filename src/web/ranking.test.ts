import { describe, expect, it } from 'vitest';
import { buildConfig, groupByReason, hasUncertainty, isIndexConfig, readReason, setWeight, splitUnits, weightTree, warningIndicators } from './ranking.js';

const catalogue = [
  { code: 'a', dimension: 'economy' },
  { code: 'b', dimension: 'labour' },
  { code: 'c', dimension: 'economy' },
];

describe('buildConfig', () => {
  it('groups the indicators by their dimension with equal weights', () => {
    const c = buildConfig('2014', ['a', 'b', 'c'], catalogue, true);
    expect(c.period).toBe('2014');
    expect(c.indicators).toEqual([
      { code: 'a', group: 'economy', weight: 1 },
      { code: 'b', group: 'labour', weight: 1 },
      { code: 'c', group: 'economy', weight: 1 },
    ]);
    expect(c.groups).toEqual([
      { code: 'economy', weight: 1, parent: null },
      { code: 'labour', weight: 1, parent: null },
    ]);
    expect(hasUncertainty(c)).toBe(true);
    expect(hasUncertainty(buildConfig('2014', ['a'], catalogue, false))).toBe(false);
    expect(isIndexConfig(c)).toBe(true);
    expect(isIndexConfig({ period: 2014 })).toBe(false);
  });
});

describe('weights', () => {
  it('reads the sliders and changes one weight in a copy', () => {
    const c = buildConfig('2014', ['a', 'b', 'c'], catalogue, false);
    const changed = setWeight(setWeight(c, 'group', 'labour', 2), 'indicator', 'c', 0.5);
    expect(weightTree(changed)).toEqual({
      groups: [
        {
          code: 'economy',
          weight: 1,
          indicators: [
            { code: 'a', weight: 1 },
            { code: 'c', weight: 0.5 },
          ],
        },
        { code: 'labour', weight: 2, indicators: [{ code: 'b', weight: 1 }] },
      ],
      ungrouped: [],
    });
    expect(weightTree(c).groups[1]!.weight).toBe(1);
    expect(weightTree({ period: '2014', indicators: [{ code: 'x' }] })).toEqual({ groups: [], ungrouped: [{ code: 'x', weight: 1 }] });
  });
});

describe('results', () => {
  it('orders scored units by rank and keeps the unscored apart', () => {
    const u = (unit: string, rank: number | null) => ({ unit, rank, score: rank === null ? null : 10 - rank }) as never;
    const { scored, unscored } = splitUnits([u('z', null), u('b', 2), u('a', 1), u('c', null)]);
    expect(scored.map((x: { unit: string }) => x.unit)).toEqual(['a', 'b']);
    expect(unscored.map((x: { unit: string }) => x.unit)).toEqual(['c', 'z']);
  });

  it('reads the reasons and groups units by them', () => {
    expect(readReason('no indicator has a value for this unit in period "2014"')).toEqual({ kind: 'noValue', period: '2014' });
    expect(readReason('every indicator with a value for this unit has zero weight, so there is nothing to average')).toEqual({ kind: 'zeroWeight' });
    expect(readReason('something else')).toEqual({ kind: 'other', text: 'something else' });
    expect(
      groupByReason([
        { unit: 'a', reason: 'r1' },
        { unit: 'b', reason: 'r2' },
        { unit: 'c', reason: 'r1' },
      ]),
    ).toEqual([
      { reason: 'r1', units: ['a', 'c'] },
      { reason: 'r2', units: ['b'] },
    ]);
  });

  it('reads the indicators of a warning', () => {
    expect(warningIndicators({ indicators: ['a', 'b'], r: 0.9 })).toEqual(['a', 'b']);
    expect(warningIndicators({ units: ['a'] })).toBeNull();
    expect(warningIndicators(undefined)).toBeNull();
  });
});
