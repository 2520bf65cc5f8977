import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, cutTree, herfindahl, standardise, ward } from './clustering.js';

describe('ward', () => {
  // Five points on a line: 0, 1, 5, 6, 20.
  // Step 1: {0},{1} (d² = 1) — the first of two ties with {5},{6}; height √1 = 1.
  // Step 2: {5},{6} (d² = 1); height 1.
  // Step 3: Lance–Williams: d²({0,1},{5,6}) = [(1+1)·d²(0,{5,6}) + (1+1)·d²(1,{5,6}) − 2·d²(0,1)] / 4
  //   d²(0,{5,6}) = [2·25 + 2·36 − 1·1]/3 = 121/3; d²(1,{5,6}) = [2·16 + 2·25 − 1]/3 = 81/3
  //   → [2·121/3 + 2·81/3 − 2]/4 = (404/3 − 2)/4 = 398/12 = 33.1667; height √33.1667 = 5.7590.
  //   Check with the ESS increase: means 0.5 and 5.5, 2·2/4 · 5² = 25 → ward.D2 height √(2·25)·… = √50? No:
  //   ward.D2's height² equals 2·ΔESS = 2 · (n1·n2/(n1+n2))·|m1−m2|² = 2·1·25 = 50 for the squared-distance input.
  //   Our input is squared distances without the factor 2, so height² = ΔESS·2/2… see the direct check below.
  const pts = [[0], [1], [5], [6], [20]];
  const tree = ward(pts);
  it('merges the closest pairs first and the outlier last', () => {
    expect(tree.merges.map((m) => [m.a, m.b, m.size])).toEqual([
      [0, 1, 2],
      [2, 3, 2],
      [5, 6, 4],
      [4, 7, 5],
    ]);
  });
  it('has Ward heights: √(2·ΔESS) with ΔESS = n1·n2/(n1+n2)·|m1 − m2|² (as hclust ward.D2)', () => {
    const dess = (n1: number, n2: number, m1: number, m2: number) => ((n1 * n2) / (n1 + n2)) * (m1 - m2) ** 2;
    const expected = [dess(1, 1, 0, 1), dess(1, 1, 5, 6), dess(2, 2, 0.5, 5.5), dess(4, 1, 3, 20)].map((x) => Math.sqrt(2 * x));
    tree.merges.forEach((m, i) => expect(m.height).toBeCloseTo(expected[i], 10));
  });
  it('cuts into k clusters', () => {
    expect(cutTree(tree, 1)).toEqual([1, 1, 1, 1, 1]);
    expect(cutTree(tree, 2)).toEqual([1, 1, 1, 1, 2]);
    expect(cutTree(tree, 3)).toEqual([1, 1, 2, 2, 3]);
    expect(cutTree(tree, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(() => cutTree(tree, 6)).toThrow(/between 1 and 5/);
  });
  it('refuses missing values naming the row', () => {
    expect(() => ward([[1], [Number.NaN]])).toThrow(/Row 1/);
  });
});

describe('adjustedRandIndex', () => {
  it('is 1 for identical partitions up to relabelling', () => {
    expect(adjustedRandIndex([1, 1, 2, 2, 3], ['a', 'a', 'b', 'b', 'c'])).toBe(1);
  });
  it('matches a hand-computed case', () => {
    // a = [1,1,1,2,2,2], b = [1,1,2,2,3,3]; contingency: (1,1)=2,(1,2)=1,(2,2)=1,(2,3)=2
    // Σ C(nij,2) = 1+0+0+1 = 2; rows C(3,2)+C(3,2) = 6; cols C(2,2)·3 = 3; C(6,2) = 15
    // expected = 6·3/15 = 1.2; max = 4.5; ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3 = 0.242424…
    expect(adjustedRandIndex([1, 1, 1, 2, 2, 2], [1, 1, 2, 2, 3, 3])).toBeCloseTo(0.8 / 3.3, 12);
  });
  it('is negative or zero for anti-correlated partitions and symmetric', () => {
    const a = [1, 1, 2, 2];
    const b = [1, 2, 1, 2];
    expect(adjustedRandIndex(a, b)).toBeLessThanOrEqual(0);
    expect(adjustedRandIndex(a, b)).toBe(adjustedRandIndex(b, a));
  });
});

describe('standardise and herfindahl', () => {
  it('gives columns of mean 0 and sample sd 1; constant columns become 0', () => {
    const s = standardise([
      [1, 5],
      [2, 5],
      [3, 5],
    ]);
    expect(s.map((r) => r[0])).toEqual([-1, 0, 1]);
    expect(s.map((r) => r[1])).toEqual([0, 0, 0]);
  });
  it('HHI of shares', () => {
    expect(herfindahl([50, 30, 20])).toBe(3800);
    expect(herfindahl([1])).toBe(1);
  });
});
