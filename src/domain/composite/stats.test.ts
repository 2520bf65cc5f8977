import { describe, expect, it } from 'vitest';
import { ascendingRanks, correlationMatrix, descendingRanks, mean, median, pearson, quantileSorted, sampleSd, sortedPresent } from './stats.js';

describe('stats on plain vectors', () => {
  it('mean, median and sample sd skip missing values', () => {
    // [2, 4, NaN, 4, 5]: mean = 15/4 = 3.75; median of 2,4,4,5 = (4 + 4)/2 = 4
    // sd = sqrt(((−1.75)² + 0.25² + 0.25² + 1.25²)/3) = sqrt(4.75/3) = 1.2583057…
    const x = [2, 4, NaN, 4, 5];
    expect(mean(x)).toBe(3.75);
    expect(median(x)).toBe(4);
    expect(sampleSd(x)).toBeCloseTo(Math.sqrt(4.75 / 3), 14);
    expect(mean([NaN])).toBeNaN();
  });

  it('quantiles are type 7 (numpy and R default)', () => {
    // numpy.quantile([3,1,4,1,5,9,2,6,5,3], [0.05, 0.5, 0.95]) = [1, 3.5, 7.65]
    const s = sortedPresent([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    expect(quantileSorted(s, 0.05)).toBeCloseTo(1, 12);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(3.5, 12);
    expect(quantileSorted(s, 0.95)).toBeCloseTo(7.65, 12);
  });

  it('ascending ranks: ties share the smallest rank ("min"), missing kept', () => {
    // values 10, 20, 20, NaN, 5 → 5 is 1st, 10 is 2nd, the two 20s share 3rd
    expect(Array.from(ascendingRanks([10, 20, 20, NaN, 5]))).toEqual([2, 3, 3, NaN, 1]);
  });

  it('descending ranks: 1 = best, ties share the smallest rank, NaN unranked', () => {
    // scores 0.5, 0.9, 0.5, NaN, 0.1 → 0.9 first; the two 0.5 share rank 2; 0.1 is 4th
    expect(Array.from(descendingRanks([0.5, 0.9, 0.5, NaN, 0.1]))).toEqual([2, 1, 2, NaN, 4]);
  });

  it('pearson by hand, and pairwise vs complete cases', () => {
    // x = 1,2,3; y = 2,4,7: mx = 2, my = 13/3; sxy = (−1)(−7/3) + 0 + 1·(8/3) = 5; sxx = 2;
    // syy = 49/9 + 1/9 + 64/9 = 114/9; r = 5 / sqrt(2 · 114/9) = 0.99339…
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt((2 * 114) / 9), 14);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    const cols = [
      [1, 2, 3, 4],
      [2, 4, 7, NaN],
      [4, 3, 2, 1],
    ];
    const pairwise = correlationMatrix(cols, 'pairwise');
    const complete = correlationMatrix(cols, 'complete');
    expect(complete.units).toBe(3);
    expect(pairwise.matrix[0 * 3 + 2]).toBeCloseTo(-1, 14); // all four units
    expect(complete.matrix[0 * 3 + 2]).toBeCloseTo(-1, 14);
    expect(pairwise.matrix[0 * 3 + 1]).toBeCloseTo(5 / Math.sqrt((2 * 114) / 9), 14);
  });
});
