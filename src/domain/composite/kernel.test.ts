import { describe, expect, it } from 'vitest';
import { compose, type CompositeInput } from './index.js';
import { assumptionsOf, buildKernel, evaluate, evaluateNominal, rankScores } from './kernel.js';
import { prepare } from './pipeline.js';
import { createRng } from './random.js';
import { descendingRanks } from './stats.js';

describe('Monte Carlo kernel', () => {
  it('bucketed ranking equals plain competition ranking (ties, NaN, skewed values)', () => {
    const rng = createRng(4);
    for (let t = 0; t < 200; t++) {
      const n = 1 + rng.int(60);
      const x = Float64Array.from({ length: n }, () => {
        const r = rng.next();
        return r < 0.1 ? NaN : r < 0.3 ? Math.round(r * 10) : r < 0.4 ? 1e6 * r : Math.exp(20 * rng.next());
      });
      const out = new Float64Array(n);
      rankScores(x, out, new Float64Array(n), new Int32Array(n + 2));
      expect(Array.from(out)).toEqual(Array.from(descendingRanks(x)));
    }
  });

  it('fast and tree paths agree with the pipeline on a deep, mixed hierarchy with many gaps', () => {
    // index ← { top (w 2) ← { a, b, mid ← { c, d, e } },  f,  g },  a group with indicators and a subgroup ("top")
    const rng = createRng(12);
    const codes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const data: CompositeInput = {
      units: Array.from({ length: 60 }, (_, u) => `u${u}`),
      indicators: codes.map((code) => ({ code, polarity: 1 as const })),
      values: Array.from({ length: 60 }, (_, u) => codes.map((_, i) => (u < 3 ? (i < 5 ? null : 1 + u) : rng.next() < 0.25 ? null : 1 + rng.next() * 9))),
    };
    const config = {
      period: 'p',
      indicators: [
        { code: 'a', group: 'top' },
        { code: 'b', group: 'top', weight: 2 },
        { code: 'c', group: 'mid' },
        { code: 'd', group: 'mid', weight: 3 },
        { code: 'e', group: 'mid' },
        { code: 'f', weight: 0.5 },
        { code: 'g' },
      ],
      groups: [
        { code: 'top', weight: 2 },
        { code: 'mid', parent: 'top' },
      ],
      normalisation: { method: 'minmax', range: [1, 10] },
    };
    for (const aggregation of ['arithmetic', 'geometric'] as const) {
      const run = compose(data, { ...config, aggregation, uncertainty: { runs: 1, seed: 1, weightNoise: 0.5 } });
      const p = prepare(data, run.config);
      const kernel = buildKernel(p, assumptionsOf(p, run.config.uncertainty!));
      expect(kernel.variants[0].fast.some((f) => f === 1) && kernel.variants[0].fast.some((f) => f === 0)).toBe(true);
      evaluateNominal(kernel);
      run.result.units.forEach((u, k) => expect(kernel.scores[k]).toBeCloseTo(u.score!, 12));
      // with noisy weights: compare with the pipeline run at those exact weights
      const x = Float64Array.from({ length: kernel.dims }, () => rng.next());
      evaluate(kernel, x);
      const w = (n: number) => 1 * (1 + 0.5 * (2 * x[3 + n] - 1));
      const weighted = compose(data, {
        ...config,
        aggregation,
        indicators: config.indicators.map((ind, i) => ({ ...ind, weight: (ind.weight ?? 1) * w(i) })),
        groups: config.groups.map((g, j) => ({ ...g, weight: (g.weight ?? 1) * w(7 + j) })),
      });
      weighted.result.units.forEach((u, k) => expect(kernel.scores[k]).toBeCloseTo(u.score!, 12));
    }
  });
});
