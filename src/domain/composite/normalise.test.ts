import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';
import { normalisers, orient, orientGoalposts } from './normalise.js';

const close = (actual: ArrayLike<number>, expected: readonly number[], digits = 12) =>
  expected.forEach((e, i) => (Number.isNaN(e) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(e, digits)));

describe('minmax', () => {
  it('maps min → a and max → b', () => {
    // x = 2, 4, 10: (x − 2)/8 = 0, 0.25, 1; to [1, 100]: 1 + 99·t = 1, 25.75, 100
    close(normalisers.minmax([2, 4, 10, NaN]), [0, 0.25, 1, NaN]);
    close(normalisers.minmax([2, 4, 10], { range: [1, 100] }), [1, 25.75, 100]);
  });

  it('fixed goalposts, values outside them capped', () => {
    // goalposts [0, 1000]: 500 → 0.5; 1500 → capped 1; −10 → capped 0
    close(normalisers.minmax([500, 1500, -10], { goalposts: [0, 1000] }), [0.5, 1, 0]);
  });

  it('a constant indicator is not computable without goalposts', () => {
    expect(() => normalisers.minmax([3, 3, 3], {}, 'indicator "x"')).toThrow(/Cannot normalise indicator "x" by minmax: every unit has the same value/);
  });

  it('property: normalised values stay within the range', () => {
    const rng = createRng(1);
    for (let t = 0; t < 200; t++) {
      const n = 2 + rng.int(30);
      const x = Array.from({ length: n }, () => (rng.next() < 0.1 ? NaN : (rng.next() - 0.5) * 10 ** (1 + rng.int(6))));
      if (new Set(x.filter((v) => !Number.isNaN(v))).size < 2) continue;
      const a = rng.next() * 10;
      const b = a + 0.1 + rng.next() * 100;
      const y = normalisers.minmax(x, { range: [a, b] });
      for (const v of y) if (!Number.isNaN(v)) expect(v >= a - 1e-9 && v <= b + 1e-9).toBe(true);
      const g = normalisers.minmax(x, { range: [a, b], goalposts: [-1000, 1000] });
      for (const v of g) if (!Number.isNaN(v)) expect(v >= a && v <= b).toBe(true);
    }
  });
});

describe('zscore', () => {
  it('uses the sample standard deviation (n − 1)', () => {
    // x = 1, 2, 3, 4, 5: mean 3, sd = sqrt(10/4) = 1.5811388…; z = (x − 3)/1.5811388
    const sd = Math.sqrt(10 / 4);
    close(normalisers.zscore([1, 2, 3, 4, 5, NaN]), [-2 / sd, -1 / sd, 0, 1 / sd, 2 / sd, NaN]);
  });
  it('is not computable for a constant indicator', () => {
    expect(() => normalisers.zscore([2, 2])).toThrow(/standard deviation is zero/);
  });
});

describe('rank', () => {
  it('ranks ascending, ties sharing the smallest rank (COINr n_rank)', () => {
    close(normalisers.rank([30, 10, 20, 20, NaN]), [4, 1, 2, 2, NaN]);
  });

  it('property: invariant to any strictly increasing transformation', () => {
    const rng = createRng(2);
    const monotone = [(x: number) => Math.exp(x / 10), (x: number) => x ** 3 + x, (x: number) => 7 * x - 3, (x: number) => Math.atan(x)];
    for (let t = 0; t < 100; t++) {
      const x = Array.from({ length: 3 + rng.int(20) }, () => Math.round((rng.next() - 0.5) * 40));
      const base = Array.from(normalisers.rank(x));
      for (const f of monotone) expect(Array.from(normalisers.rank(x.map(f)))).toEqual(base);
    }
  });
});

describe('distance_to_target', () => {
  it('is (x − min)/(target − min), 1 at the target (COINr n_dist2targ)', () => {
    // min 2, target 12: 2 → 0; 7 → 0.5; 12 → 1; 17 → 1.5 (or 1 when capped)
    close(normalisers.distance_to_target([2, 7, 12, 17], { target: 12 }), [0, 0.5, 1, 1.5]);
    close(normalisers.distance_to_target([2, 7, 12, 17], { target: 12, cap: true }), [0, 0.5, 1, 1]);
  });
  it('needs a target beyond the worst value', () => {
    expect(() => normalisers.distance_to_target([2, 7])).toThrow(/no target is set/);
    expect(() => normalisers.distance_to_target([2, 7], { target: 1 })).toThrow(/not beyond the worst unit/);
  });
});

describe('polarity', () => {
  it('−1 multiplies by −1 before normalising, so the lowest raw value scores best', () => {
    // unemployment 4, 10, 6 → −4, −10, −6 → minmax: (−4 + 10)/6 = 1, 0, (−6 + 10)/6 = 0.667
    close(normalisers.minmax(orient([4, 10, 6], -1)), [1, 0, 4 / 6]);
    // goalposts [0, 20] become [−20, 0]: value 5 → −5 → (−5 + 20)/20 = 0.75
    close(normalisers.minmax(orient([5], -1), { goalposts: orientGoalposts([0, 20], -1) }), [0.75]);
  });
});
