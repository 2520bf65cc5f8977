import { describe, expect, it } from 'vitest';
import { aggregateTree, aggregators, buildTree, unitWeights } from './aggregate.js';

describe('aggregators on plain vectors', () => {
  it('arithmetic: Σwx/Σw', () => {
    // (1·0.2 + 3·0.6)/(1 + 3) = 2/4 = 0.5
    expect(aggregators.arithmetic([0.2, 0.6], [1, 3])).toBeCloseTo(0.5, 15);
  });

  it('geometric: exp(Σw ln x / Σw)', () => {
    // 4^(1/3) · 16^(2/3) = 2^(2/3) · 2^(8/3) = 2^(10/3) = 10.0793684…
    expect(aggregators.geometric([4, 16], [1, 2])).toBeCloseTo(2 ** (10 / 3), 12);
  });

  it('a missing value is left out and the remaining weights renormalised (COINr)', () => {
    // (0.2·1 + 0.8·1)/(1 + 1) = 0.5 — the weight 3 of the missing value is dropped
    expect(aggregators.arithmetic([0.2, NaN, 0.8], [1, 3, 1])).toBeCloseTo(0.5, 15);
    expect(aggregators.arithmetic([NaN, NaN], [1, 1])).toBeNaN();
  });

  it('geometric refuses zero or negative values with a clear error', () => {
    expect(() => aggregators.geometric([0, 1], [1, 1])).toThrow(/strictly positive.*"range": \[1, 100\]/s);
  });
});

describe('a hierarchy of any depth', () => {
  // index ← { g_a (w 1) ← { x0 (w 1), sub (w 1) ← { x1 (w 1), x2 (w 3) } },  x3 (w 2, directly in the index) }
  // nodes: x0..x3 = 0..3, g_a = 4, sub = 5, index = 6
  const tree = buildTree([0, 1, 1, -1], [-1, 0]);
  const w = [1, 1, 3, 2, 1, 1, 1];

  it('builds children lists and a bottom-up order', () => {
    expect(tree.root).toBe(6);
    expect(Array.from(tree.bottomUp)).toEqual([5, 4, 6]);
    expect(Array.from(tree.depth)).toEqual([2, 3, 3, 1, 1, 2, 0]);
  });

  it('aggregates level by level', () => {
    // unit: x = 0.4, 0.2, 0.6, 1.0
    // sub = (0.2 + 3·0.6)/4 = 0.5; g_a = (0.4 + 0.5)/2 = 0.45; index = (1·0.45 + 2·1.0)/3 = 0.8166…
    const v = aggregateTree(tree, Float64Array.from([0.4, 0.2, 0.6, 1.0]), 1, w, 'arithmetic');
    expect(v[5]).toBeCloseTo(0.5, 15);
    expect(v[4]).toBeCloseTo(0.45, 15);
    expect(v[6]).toBeCloseTo(2.45 / 3, 15);
    // effective weights: x0 = 1/3 · 1/2 = 1/6; x1 = 1/3 · 1/2 · 1/4 = 1/24; x2 = 3/24; x3 = 2/3 — they reproduce the score
    const eff = unitWeights(tree, v, w);
    expect(Array.from(eff.subarray(0, 4))).toEqual([1 / 6, 1 / 24, 3 / 24, 2 / 3].map((x) => expect.closeTo(x, 15)));
    expect(0.4 * eff[0] + 0.2 * eff[1] + 0.6 * eff[2] + 1.0 * eff[3]).toBeCloseTo(v[6], 15);
  });

  it('a group with no values is missing in its parent, whose weights renormalise', () => {
    // x1, x2 missing → sub missing → g_a = x0 = 0.4; index = (0.4 + 2·1)/3 = 0.8
    const v = aggregateTree(tree, Float64Array.from([0.4, NaN, NaN, 1.0]), 1, w, 'arithmetic');
    expect(v[5]).toBeNaN();
    expect(v[4]).toBeCloseTo(0.4, 15);
    expect(v[6]).toBeCloseTo(0.8, 15);
    const eff = unitWeights(tree, v, w);
    expect(Array.from(eff.subarray(0, 4))).toEqual([1 / 3, 0, 0, 2 / 3].map((x) => expect.closeTo(x, 15)));
  });

  it('geometric over the tree equals one geometric mean with the effective weights', () => {
    const x = [0.4, 0.2, 0.6, 1.0];
    const v = aggregateTree(tree, Float64Array.from(x), 1, w, 'geometric');
    const expected = Math.exp(Math.log(0.4) / 6 + Math.log(0.2) / 24 + (3 * Math.log(0.6)) / 24 + (2 * Math.log(1)) / 3);
    expect(v[6]).toBeCloseTo(expected, 14);
    expect(Array.from(v.subarray(0, 4))).toEqual(x);
  });
});
