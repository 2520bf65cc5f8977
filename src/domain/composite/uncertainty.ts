/**
 * Uncertainty analysis (OECD/JRC Handbook 2008, §7; COINr `get_sensitivity(SA_type = "UA")`):
 * the index is recomputed `runs` times, each time with multiplicative noise on the weights and
 * with the imputation, normalisation and aggregation drawn uniformly from their alternatives, all
 * from a seeded PRNG. Per unit: the median rank and the 5th and 95th percentile ranks (type 7
 * quantiles, as R's `quantile` used by COINr).
 */
import type { UncertaintyConfig } from './config.js';
import { assumptionsOf, buildKernel, evaluate } from './kernel.js';
import type { Prepared } from './pipeline.js';
import { createRng } from './random.js';
import { quantileSorted } from './stats.js';

export interface UncertaintyResult {
  readonly runs: number;
  readonly seed: number;
  /** Per unit, in input order; NaN when the unit was never scored. */
  readonly medianRank: Float64Array;
  readonly p5: Float64Array;
  readonly p95: Float64Array;
  /** Number of runs in which each unit could be scored. */
  readonly scoredRuns: Int32Array;
}

export function uncertaintyOf(p: Prepared, spec: UncertaintyConfig): UncertaintyResult {
  const kernel = buildKernel(p, assumptionsOf(p, spec));
  const U = kernel.units;
  const R = spec.runs;
  const rng = createRng(spec.seed);
  const x = new Float64Array(kernel.dims);
  // ranks stored unit-major so each unit's runs can be sorted in place; 0 = not scored
  const store = U < 65535 ? new Uint16Array(U * R) : new Uint32Array(U * R);
  const ranks = kernel.ranks;
  for (let r = 0; r < R; r++) {
    for (let d = 0; d < x.length; d++) x[d] = rng.next();
    evaluate(kernel, x);
    for (let u = 0; u < U; u++) {
      const rank = ranks[u];
      store[u * R + r] = rank === rank ? rank : 0;
    }
  }
  const medianRank = new Float64Array(U);
  const p5 = new Float64Array(U);
  const p95 = new Float64Array(U);
  const scoredRuns = new Int32Array(U);
  for (let u = 0; u < U; u++) {
    const sorted = store.subarray(u * R, (u + 1) * R).sort();
    let z = 0;
    while (z < R && sorted[z] === 0) z++;
    const scored = sorted.subarray(z);
    scoredRuns[u] = scored.length;
    medianRank[u] = quantileSorted(scored, 0.5);
    p5[u] = quantileSorted(scored, 0.05);
    p95[u] = quantileSorted(scored, 0.95);
  }
  return { runs: R, seed: spec.seed, medianRank, p5, p95, scoredRuns };
}
