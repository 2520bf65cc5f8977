import { describe, expect, it } from 'vitest';
import { compose, runUncertainty, type CompositeInput } from './index.js';
import { assumptionsOf, buildKernel, evaluateNominal } from './kernel.js';
import { prepare } from './pipeline.js';
import { createRng } from './random.js';

function synthetic(seed: number, U: number, I: number, missing = 0): CompositeInput {
  const rng = createRng(seed);
  const codes = Array.from({ length: I }, (_, i) => `i${i}`);
  return {
    units: Array.from({ length: U }, (_, u) => `u${u}`),
    indicators: codes.map((code, i) => ({ code, polarity: i % 3 === 2 ? -1 : 1 })),
    values: Array.from({ length: U }, () => codes.map(() => (rng.next() < missing ? null : 1 + rng.next() * 99))),
  };
}
const data = synthetic(1, 30, 6, 0.05);
const base = {
  period: 'p',
  indicators: data.indicators.map((x, i) => ({ code: x.code, group: i < 3 ? 'g1' : 'g2', weight: 1 + (i % 2) })),
  groups: [{ code: 'g1' }, { code: 'g2', weight: 2 }],
  normalisation: { method: 'minmax', range: [1, 100] },
};

describe('uncertainty analysis', () => {
  it('same seed → same result; another seed → another result', () => {
    const spec = {
      runs: 300,
      seed: 7,
      weightNoise: 0.3,
      normalisation: ['minmax', 'rank'],
      aggregation: ['arithmetic', 'geometric'],
      imputation: ['none', 'mean'],
    };
    const run = compose(data, { ...base, uncertainty: spec });
    const again = compose(data, { ...base, uncertainty: spec });
    expect(again.result.units.map((u) => u.uncertainty)).toEqual(run.result.units.map((u) => u.uncertainty));
    const other = compose(data, { ...base, uncertainty: { ...spec, seed: 8 } });
    expect(other.result.units.map((u) => u.uncertainty)).not.toEqual(run.result.units.map((u) => u.uncertainty));
  });

  it('gives ordered percentile ranks within 1..n', () => {
    const run = compose(data, { ...base, uncertainty: { runs: 500, seed: 1, weightNoise: 0.5, normalisation: ['minmax', 'zscore', 'rank'] } });
    for (const u of run.result.units) {
      const { p5, medianRank, p95 } = u.uncertainty!;
      expect(1 <= p5! && p5! <= medianRank! && medianRank! <= p95! && p95! <= 30).toBe(true);
    }
  });

  it('known answer: without noise and without alternatives every run reproduces the nominal rank', () => {
    const run = compose(data, { ...base, uncertainty: { runs: 40, seed: 1, weightNoise: 0 } });
    for (const u of run.result.units) expect(u.uncertainty).toEqual({ medianRank: u.rank, p5: u.rank, p95: u.rank });
  });

  it('the Monte Carlo kernel reproduces the nominal scores of the pipeline (incomplete data, pca, geometric)', () => {
    for (const overrides of [{}, { weights: 'pca', imputation: 'median' }, { aggregation: 'geometric' }, { normalisation: 'zscore' }]) {
      const cfg = { ...base, ...overrides, uncertainty: { runs: 1, seed: 1 } };
      const run = compose(data, cfg);
      const kernel = buildKernel(prepare(data, run.config), assumptionsOf(prepare(data, run.config), run.config.uncertainty!));
      evaluateNominal(kernel);
      run.result.units.forEach((u, k) => {
        if (u.score === null) expect(kernel.scores[k]).toBeNaN();
        else expect(kernel.scores[k]).toBeCloseTo(u.score, 12);
        expect(Number.isNaN(kernel.ranks[k]) ? null : kernel.ranks[k]).toBe(u.rank);
      });
    }
  });

  it('geometric aggregation with z-scores is refused before any run, with the fix', () => {
    expect(() =>
      compose(data, { ...base, uncertainty: { runs: 10, seed: 1, normalisation: ['minmax', 'zscore'], aggregation: ['arithmetic', 'geometric'] } }),
    ).toThrow(
      /strictly positive values \(the uncertainty analysis combines geometric aggregation with imputation "none" and normalisation \{"method":"zscore"\}\)/,
    );
  });

  it('runUncertainty can be called on a run with another specification', () => {
    const run = compose(data, base);
    const a = runUncertainty(run, { runs: 100, seed: 3, weightNoise: 0.25, normalisation: null, aggregation: null, imputation: ['none', 'mean'] });
    expect(a.runs).toBe(100);
    expect(Array.from(a.scoredRuns).every((n) => n === 100)).toBe(true);
    expect(() => runUncertainty(run)).toThrow(/No "uncertainty" settings/);
  });

  it('a unit scored only under some imputation alternatives keeps ranks from those runs', () => {
    const holey = { ...data, values: data.values.map((r, u) => (u === 0 ? r.map(() => null) : r)) };
    const run = compose(holey, base);
    expect(run.result.units[0].rank).toBeNull();
    const a = runUncertainty(run, { runs: 200, seed: 1, weightNoise: 0, normalisation: null, aggregation: null, imputation: ['none', 'mean'] });
    expect(a.scoredRuns[0]).toBeGreaterThan(50);
    expect(a.scoredRuns[0]).toBeLessThan(150);
    expect(a.scoredRuns[1]).toBe(200);
  });
});
