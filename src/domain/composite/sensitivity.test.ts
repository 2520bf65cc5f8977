import { describe, expect, it } from 'vitest';
import { compose, runSensitivity, type CompositeInput } from './index.js';
import { createRng } from './random.js';
import { sobolIndices } from './sensitivity.js';

describe('Sobol indices (Saltelli 2010 first order, Jansen total)', () => {
  it('linear model Y = X1 + 2·X2 with X ~ U(0, 1): S = ST = (1/5, 4/5), and 0 for an unused input', () => {
    // V(aX) = a²/12 → V1 = 1/12, V2 = 4/12, V = 5/12 → S1 = 0.2, S2 = 0.8; additive, so ST = S
    const r = sobolIndices((x) => x[0] + 2 * x[1], 3, [[0], [1], [2]], 20_000, createRng(1));
    expect(r.firstOrder[0]).toBeCloseTo(0.2, 1);
    expect(r.firstOrder[1]).toBeCloseTo(0.8, 1);
    expect(r.total[0]).toBeCloseTo(0.2, 1);
    expect(r.total[1]).toBeCloseTo(0.8, 1);
    expect(r.firstOrder[2]).toBe(0);
    expect(r.total[2]).toBe(0);
    expect(r.evaluations).toBe(20_000 * 5);
  });

  it('Ishigami function (a = 7, b = 0.1): analytic indices', () => {
    // Y = sin X1 + 7 sin² X2 + 0.1 X3⁴ sin X1, Xi ~ U(−π, π). Analytic: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
    // S1 = (bπ⁴/5 + b²π⁸/50 + 1/2)/V = 0.3139, S2 = (a²/8)/V = 0.4424, S3 = 0,
    // ST1 = 0.5576, ST2 = 0.4424, ST3 = (8b²π⁸/225)/V = 0.2437
    const t = (u: number) => Math.PI * (2 * u - 1);
    const f = (x: Float64Array) => Math.sin(t(x[0])) + 7 * Math.sin(t(x[1])) ** 2 + 0.1 * t(x[2]) ** 4 * Math.sin(t(x[0]));
    const r = sobolIndices(f, 3, [[0], [1], [2]], 50_000, createRng(2));
    const V = 49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5;
    const S = [((0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 50 + 0.5) / V, 49 / 8 / V, 0];
    const ST = [1 - 49 / 8 / V, 49 / 8 / V, (8 * 0.01 * Math.PI ** 8) / 225 / V];
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.firstOrder[i] - S[i])).toBeLessThan(0.03);
      expect(Math.abs(r.total[i] - ST[i])).toBeLessThan(0.03);
    }
  });

  it('a group of inputs gets one index (here everything: 1)', () => {
    const r = sobolIndices((x) => x[0] * x[1] + x[2], 3, [[0, 1, 2], [0]], 20_000, createRng(3));
    expect(r.firstOrder[0]).toBeCloseTo(1, 1);
    expect(r.total[0]).toBeCloseTo(1, 1);
  });

  it('not computable when the output does not vary', () => {
    const r = sobolIndices(() => 4, 2, [[0], [1]], 50, createRng(4));
    expect(r.variance).toBe(0);
    expect(r.firstOrder[0]).toBeNaN();
  });
});

describe('sensitivity of the index to its assumptions', () => {
  const rng = createRng(9);
  const codes = ['a', 'b', 'c', 'd'];
  const data: CompositeInput = {
    units: Array.from({ length: 25 }, (_, u) => `u${u}`),
    indicators: codes.map((code) => ({ code, polarity: 1 as const })),
    values: Array.from({ length: 25 }, () => codes.map(() => 1 + rng.next() * 9)),
  };
  const config = {
    period: 'p',
    indicators: codes.map((code, i) => ({ code, group: i < 2 ? 'g1' : 'g2' })),
    groups: [{ code: 'g1' }, { code: 'g2' }],
    normalisation: { method: 'minmax', range: [1, 100] },
    uncertainty: { runs: 10, seed: 5, weightNoise: { a: 0.5, b: 0.5, c: 0, d: 0.5, g1: 0.3, g2: 0.3 }, aggregation: ['arithmetic', 'geometric'] },
    sensitivity: { samples: 64, weights: 'each' },
  };

  it('known answer: an assumption that does not vary has index exactly 0 (a weight without noise, a single normalisation)', () => {
    const s = compose(data, config).result.sensitivity!;
    expect(Object.keys(s.firstOrder)).toEqual([
      'imputation',
      'normalisation',
      'aggregation',
      'weight:a',
      'weight:b',
      'weight:c',
      'weight:d',
      'weight:g1',
      'weight:g2',
    ]);
    for (const name of ['imputation', 'normalisation', 'weight:c']) {
      expect(s.firstOrder[name]).toBe(0);
      expect(s.total[name]).toBe(0);
    }
    expect(s.total.aggregation).toBeGreaterThan(0);
    expect(s.total['weight:a']).toBeGreaterThan(0);
    expect(s.evaluations).toBe(64 * 11);
  });

  it('same seed → same indices', () => {
    const a = compose(data, config).result.sensitivity;
    const b = compose(data, config).result.sensitivity;
    expect(b).toEqual(a);
    const c = compose(data, { ...config, sensitivity: { ...config.sensitivity, seed: 99 } }).result.sensitivity;
    expect(c).not.toEqual(a);
  });

  it('one unit’s score or rank can be the output; an unknown unit is named', () => {
    const run = compose(data, { ...config, sensitivity: null });
    const s = runSensitivity(run, run.config.uncertainty, { samples: 32, seed: 1, output: 'score', unit: 'u3', weights: 'together' });
    expect(s.factors).toEqual(['imputation', 'normalisation', 'aggregation', 'weights']);
    expect(s.total[3]).toBeGreaterThan(0);
    expect(() => runSensitivity(run, run.config.uncertainty, { samples: 8, seed: 1, output: 'rank', unit: 'nobody', weights: 'together' })).toThrow(
      'sensitivity.unit: unknown unit "nobody"',
    );
  });
});
