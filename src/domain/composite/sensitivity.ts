/**
 * Variance-based sensitivity analysis (Saltelli et al. 2010, "Variance based sensitivity analysis
 * of model output. Design and estimator for the total sensitivity index", Computer Physics
 * Communications 181; as COINr's `SA_estimate`). Two independent N × d sample matrices A and B
 * are drawn from the seeded PRNG; A_B^(i) is A with the columns of assumption i taken from B.
 * With V the sample variance of f(A) ∪ f(B):
 *   first order  Sᵢ  = (1/N) Σⱼ f(B)ⱼ · (f(A_B^(i))ⱼ − f(A)ⱼ) / V          (Saltelli 2010, Table 2 (b))
 *   total        STᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B^(i))ⱼ)² / V               (Jansen 1999, Table 2 (f))
 * An assumption that has no effect gives f(A_B^(i)) = f(A) exactly, hence Sᵢ = STᵢ = 0.
 */
import { DomainError } from '../errors.js';
import type { SensitivityConfig, UncertaintyConfig } from './config.js';
import { assumptionsOf, buildKernel, evaluate, evaluateNominal } from './kernel.js';
import type { Prepared } from './pipeline.js';
import { createRng, type Rng } from './random.js';

export interface SobolIndices {
  /** NaN when the output does not vary (V = 0). */
  readonly firstOrder: Float64Array;
  readonly total: Float64Array;
  readonly variance: number;
  /** Model evaluations: N·(k + 2). */
  readonly evaluations: number;
}

/**
 * Sobol indices of a model f on [0, 1)^dims whose inputs are split into `factors` (each a list of
 * coordinates; a factor with several coordinates gets a group index).
 */
export function sobolIndices(f: (x: Float64Array) => number, dims: number, factors: readonly (readonly number[])[], samples: number, rng: Rng): SobolIndices {
  const N = samples;
  const k = factors.length;
  const A = new Float64Array(N * dims);
  const B = new Float64Array(N * dims);
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < dims; i++) A[j * dims + i] = rng.next();
    for (let i = 0; i < dims; i++) B[j * dims + i] = rng.next();
  }
  const yA = new Float64Array(N);
  const yB = new Float64Array(N);
  const yAB = new Float64Array(N * k);
  const x = new Float64Array(dims);
  for (let j = 0; j < N; j++) {
    const a = A.subarray(j * dims, (j + 1) * dims);
    x.set(a);
    yA[j] = f(x);
    x.set(B.subarray(j * dims, (j + 1) * dims));
    yB[j] = f(x);
    for (let i = 0; i < k; i++) {
      x.set(a);
      for (const col of factors[i]) x[col] = B[j * dims + col];
      yAB[i * N + j] = f(x);
    }
  }
  let mean = 0;
  for (let j = 0; j < N; j++) mean += yA[j] + yB[j];
  mean /= 2 * N;
  let ss = 0;
  for (let j = 0; j < N; j++) ss += (yA[j] - mean) ** 2 + (yB[j] - mean) ** 2;
  const variance = ss / (2 * N - 1);
  const firstOrder = new Float64Array(k);
  const total = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s1 = 0;
    let st = 0;
    for (let j = 0; j < N; j++) {
      const d = yAB[i * N + j] - yA[j];
      s1 += yB[j] * d;
      st += d * d;
    }
    firstOrder[i] = variance > 0 ? s1 / N / variance : NaN;
    total[i] = variance > 0 ? st / (2 * N) / variance : NaN;
  }
  return { firstOrder, total, variance, evaluations: N * (k + 2) };
}

export interface SensitivityResult extends SobolIndices {
  readonly output: 'rank' | 'score';
  readonly unit: string | null;
  readonly samples: number;
  readonly seed: number;
  /** Assumption names, in the order of the indices. */
  readonly factors: readonly string[];
}

/**
 * Sobol indices of the configuration's uncertain assumptions on the output: by default COINr's
 * mean absolute rank change of all units against the nominal ranks (or mean absolute score change
 * with output "score"); with `unit`, that unit's rank (or score).
 */
export function sensitivityOf(p: Prepared, uncertainty: UncertaintyConfig, spec: SensitivityConfig): SensitivityResult {
  const kernel = buildKernel(p, assumptionsOf(p, uncertainty));
  evaluateNominal(kernel);
  const nominalScores = kernel.scores.slice();
  const nominalRanks = kernel.ranks.slice();
  let unit = -1;
  if (spec.unit !== null) {
    unit = p.units.indexOf(spec.unit);
    if (unit < 0)
      throw new DomainError(
        'invalid_argument',
        `sensitivity.unit: unknown unit "${spec.unit}". Use one of the input's unit ids, or leave it out to analyse all units.`,
        { unit: spec.unit },
      );
    if (nominalScores[unit] !== nominalScores[unit])
      throw new DomainError(
        'invalid_data',
        `sensitivity.unit: unit "${spec.unit}" cannot be scored with the nominal settings, so its rank has nothing to vary around.`,
        { unit: spec.unit },
      );
  }
  const root = kernel.tree.root;
  const weightCols = Array.from({ length: root }, (_, n) => 3 + n);
  const factors: { name: string; cols: number[] }[] = [
    { name: 'imputation', cols: [0] },
    { name: 'normalisation', cols: [1] },
    { name: 'aggregation', cols: [2] },
    ...(spec.weights === 'together' ? [{ name: 'weights', cols: weightCols }] : weightCols.map((col) => ({ name: kernel.names[col], cols: [col] }))),
  ];
  const byRank = spec.output === 'rank';
  const current = byRank ? kernel.ranks : kernel.scores;
  const nominal = byRank ? nominalRanks : nominalScores;
  const f = (x: Float64Array): number => {
    evaluate(kernel, x);
    if (unit >= 0) {
      const y = current[unit];
      if (y !== y) {
        throw new DomainError(
          'invalid_data',
          `sensitivity.unit: unit "${spec.unit}" cannot be scored under some of the alternatives (e.g. imputation "none" with its values missing), so its ${spec.output} is not defined in every run. Analyse all units instead.`,
          {
            unit: spec.unit,
          },
        );
      }
      return y;
    }
    let s = 0;
    let n = 0;
    for (let u = 0; u < current.length; u++) {
      const y = current[u];
      const y0 = nominal[u];
      if (y === y && y0 === y0) {
        s += Math.abs(y - y0);
        n++;
      }
    }
    return n > 0 ? s / n : 0;
  };
  const seed = spec.seed ?? uncertainty.seed;
  const sobol = sobolIndices(
    f,
    kernel.dims,
    factors.map((x) => x.cols),
    spec.samples,
    createRng(seed),
  );
  return { ...sobol, output: spec.output, unit: spec.unit, samples: spec.samples, seed, factors: factors.map((x) => x.name) };
}
