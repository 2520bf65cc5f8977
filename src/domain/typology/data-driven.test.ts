import { describe, expect, it } from 'vitest';
import { dataDrivenTypology } from './data-driven.js';

describe('dataDrivenTypology on a small hand-checked case', () => {
  // x on a line: a 0, b 1, c 5, d 6, f 20 (the clustering test's points); e lacks x; the second column is constant.
  // Complete rows a, b, c, d, f: mean 32/5 = 6.4; squared deviations 40.96 + 29.16 + 1.96 + 0.16 + 184.96 = 257.2;
  // sample sd √(257.2 / 4) = √64.3 = 8.01873. Ward merges {a,b}, {c,d}, {a,b,c,d}, then f, whatever the scale.
  const input = {
    units: ['a', 'b', 'c', 'd', 'e', 'f'],
    indicators: ['x', 'k'],
    matrix: [
      [0, 7],
      [1, 7],
      [5, 7],
      [6, 7],
      [null, 7],
      [20, 7],
    ],
    k: 3,
    published: {
      // a, b vs c, d: the same split as clusters 1 and 2; e is not clustered, f is unknown.
      same: { a: 'p', b: 'p', c: 'q', d: 'q', e: 'q', f: 'unknown' },
      // a, c vs b, d: crosses the clusters.
      crossed: { a: 'x', b: 'y', c: 'x', d: 'y' },
      tiny: { a: 'x' },
    },
  };
  const r = dataDrivenTypology(input);

  it('leaves out the rows with a missing value and lists them', () => {
    expect(r.units).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect(r.excluded).toEqual([{ unit: 'e', missing: ['x'] }]);
  });

  it('standardises each indicator (a constant one becomes 0, with a warning)', () => {
    expect(r.means).toEqual([6.4, 7]);
    expect(r.sds[0]).toBeCloseTo(8.01873, 5);
    expect(r.sds[1]).toBe(0);
    expect(r.standardised[0][0]).toBeCloseTo(-6.4 / 8.01873, 5);
    expect(r.standardised.map((row) => row[1])).toEqual([0, 0, 0, 0, 0]);
    expect(r.warnings).toEqual(['k is the same for every clustered unit; it is 0 after standardising and separates nothing']);
  });

  it('gives the Ward dendrogram with heights on the standardised scale', () => {
    // Raw ward.D2 heights √(2·ΔESS): 1, 1, √50 = 7.0711, √(2 · 4·1/5 · 17²) = √462.4 = 21.5035; divided by the sd.
    expect(r.dendrogram.merges.map((m) => [m.a, m.b, m.size])).toEqual([
      [0, 1, 2],
      [2, 3, 2],
      [5, 6, 4],
      [4, 7, 5],
    ]);
    [1, 1, Math.sqrt(50), Math.sqrt(462.4)].forEach((h, i) => expect(r.dendrogram.merges[i].height).toBeCloseTo(h / 8.01873, 5));
  });

  it('cuts into k clusters', () => {
    expect(r.labels).toEqual({ a: 1, b: 1, c: 2, d: 2, f: 3 });
  });

  it('compares with each published typology over the units present in both', () => {
    // same: a,b,c,d (e not clustered, f unknown): labels 1,1,2,2 vs p,p,q,q: ARI 1.
    expect(r.comparisons.same).toEqual({ ari: 1, n: 4, units: ['a', 'b', 'c', 'd'] });
    // crossed: a 2×2 table of ones: index 0, expected 2·2/6 = 2/3, max 2: ARI (0 − 2/3)/(2 − 2/3) = −0.5.
    expect(r.comparisons.crossed.n).toBe(4);
    expect(r.comparisons.crossed.ari).toBeCloseTo(-0.5, 12);
    expect(r.comparisons.tiny).toEqual({ ari: null, n: 1, units: ['a'] });
  });

  it('with k = 2 the split a,b | c,d is lost: ARI 0', () => {
    // labels 1,1,1,1 vs p,p,q,q: index 2, expected 6·2/6 = 2, max 4: ARI 0.
    expect(dataDrivenTypology({ ...input, k: 2 }).comparisons.same.ari).toBe(0);
  });

  it('refuses a k larger than the complete rows, saying how many there are', () => {
    expect(() => dataDrivenTypology({ ...input, k: 6 })).toThrow(/Cannot cut 5 complete rows into 6 clusters \(1 of 6 units lack a value\)/);
  });

  it('refuses a matrix that does not fit the units and indicators', () => {
    expect(() => dataDrivenTypology({ ...input, matrix: input.matrix.slice(1) })).toThrow(/5 rows for 6 units/);
    expect(() => dataDrivenTypology({ ...input, matrix: [[0], ...input.matrix.slice(1)] })).toThrow(/the row of "a" has 1 values for 2 indicators/);
    expect(() => dataDrivenTypology({ ...input, units: ['a', 'a', 'c', 'd', 'e', 'f'] })).toThrow(/listed twice/);
  });
});
