import { describe, expect, it } from 'vitest';
import { imputers } from './impute.js';

describe('imputation within an indicator', () => {
  it('mean: fills with the mean of the present values and reports what it filled', () => {
    // present 2, 4, 9 → mean 5
    const r = imputers.mean([2, NaN, 4, 9, NaN]);
    expect(Array.from(r.values)).toEqual([2, 5, 4, 9, 5]);
    expect(r.imputed).toEqual([1, 4]);
    expect(r.fill).toBe(5);
  });

  it('median: fills with the median (of 1, 3, 100 → 3)', () => {
    const r = imputers.median([1, NaN, 100, 3]);
    expect(Array.from(r.values)).toEqual([1, 3, 100, 3]);
    expect(r.imputed).toEqual([1]);
  });

  it('none leaves the gaps (aggregation renormalises the weights)', () => {
    const r = imputers.none([1, NaN]);
    expect(r.values[1]).toBeNaN();
    expect(r.imputed).toEqual([]);
  });

  it('a complete vector is returned unchanged, and an empty one cannot be imputed', () => {
    expect(imputers.mean([1, 2]).fill).toBeNull();
    expect(() => imputers.mean([NaN, NaN])).toThrow(/no values at all/);
  });
});
