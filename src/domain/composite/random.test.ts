import { describe, expect, it } from 'vitest';
import { createRng, xoshiro128ss } from './random.js';

describe('xoshiro128**', () => {
  it('reproduces the reference sequence for the state (1, 2, 3, 4)', () => {
    // Reference computed independently in Python from Blackman & Vigna's C code:
    //   result = rotl(s1 * 5, 7) * 9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11)
    const next = xoshiro128ss(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('refuses the all-zero state, which would only ever produce zeros', () => {
    expect(() => xoshiro128ss(0, 0, 0, 0)).toThrow(/non-zero/);
  });
});

describe('createRng', () => {
  it('same seed → same stream; another seed → another stream', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
  });

  it('gives uniforms in [0, 1) with mean ≈ 1/2 and variance ≈ 1/12, and integers in [0, n)', () => {
    const r = createRng(7);
    const n = 100_000;
    let s = 0;
    let ss = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      s += x;
      ss += x * x;
    }
    expect(outside).toBe(0);
    const mean = s / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(ss / n - mean * mean).toBeCloseTo(1 / 12, 2);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const k of counts) expect(Math.abs(k - 10_000)).toBeLessThan(500);
  });

  it('accepts negative and large seeds, rejects non-integers', () => {
    expect(createRng(-5).next()).not.toBe(createRng(5).next());
    expect(createRng(2 ** 40).next()).not.toBe(createRng(0).next());
    expect(() => createRng(1.5)).toThrow(/whole number/);
  });
});
