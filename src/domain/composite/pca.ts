/**
 * Small dense linear algebra for principal components: the cyclic Jacobi eigen-decomposition of a
 * symmetric matrix, Kaiser's varimax rotation, and the factor-analysis weights of the OECD/JRC
 * Handbook on Constructing Composite Indicators (2008), §6.1 and Step 6 (Table 17).
 */
import { DomainError, invalidArgument } from '../errors.js';

export interface Eigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** vectors[k] is the unit eigenvector of values[k]; its sign makes its component sum non-negative. */
  vectors: Float64Array[];
}

/**
 * Eigenvalues and eigenvectors of a symmetric n × n matrix (row-major) by cyclic Jacobi rotations
 * (Press et al., Numerical Recipes, §11.1). Accurate to about 1e-14 relative for small matrices.
 */
export function jacobiEigen(matrix: ArrayLike<number>, n: number, maxSweeps = 100): Eigen {
  if (matrix.length !== n * n) throw invalidArgument('matrix', `expected ${n * n} entries for a ${n} × ${n} matrix, got ${matrix.length}.`);
  const a = Float64Array.from(matrix);
  let total = 0;
  for (let i = 0; i < n * n; i++) {
    if (!Number.isFinite(a[i])) throw invalidArgument('matrix', 'every entry must be a finite number.');
    total += a[i] * a[i];
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (Math.abs(a[i * n + j] - a[j * n + i]) > 1e-9 * Math.sqrt(total)) throw invalidArgument('matrix', 'the matrix is not symmetric.');
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y] - a[x * n + x] || x - y);
  const values = Float64Array.from(order, (k) => a[k * n + k]);
  const vectors = order.map((k) => {
    const vec = Float64Array.from({ length: n }, (_, i) => v[i * n + k]);
    let sum = 0;
    for (const x of vec) sum += x;
    let flip = sum < -1e-12;
    if (Math.abs(sum) <= 1e-12) {
      const first = vec.find((x) => Math.abs(x) > 1e-12) ?? 0;
      flip = first < 0;
    }
    if (flip) for (let i = 0; i < n; i++) vec[i] = -vec[i];
    return vec;
  });
  return { values, vectors };
}

/** The raw varimax criterion Σ_k [p Σ_i l⁴ − (Σ_i l²)²] / p² of loadings given as columns. */
export function varimaxCriterion(columns: readonly ArrayLike<number>[]): number {
  let total = 0;
  for (const col of columns) {
    const p = col.length;
    let s2 = 0;
    let s4 = 0;
    for (let i = 0; i < p; i++) {
      const q = col[i] * col[i];
      s2 += q;
      s4 += q * q;
    }
    total += (p * s4 - s2 * s2) / (p * p);
  }
  return total;
}

/**
 * Varimax rotation (Kaiser 1958) of loadings given as m columns of length p, by successive planar
 * rotations of factor pairs. With `normalize` (Kaiser normalisation, the default as in R's
 * `varimax`) each row is divided by its communality's square root before rotating and multiplied
 * back after. One column is returned unchanged.
 */
export function varimax(columns: readonly ArrayLike<number>[], normalize = true, tolerance = 1e-12, maxSweeps = 1000): Float64Array[] {
  const m = columns.length;
  const L = columns.map((c) => Float64Array.from(c));
  if (m < 2) return L;
  const p = L[0].length;
  const h = new Float64Array(p).fill(1);
  if (normalize) {
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += L[k][i] * L[k][i];
      h[i] = s > 0 ? Math.sqrt(s) : 1;
      for (let k = 0; k < m; k++) L[k][i] /= h[i];
    }
  }
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let largest = 0;
    for (let j = 0; j < m; j++) {
      for (let k = j + 1; k < m; k++) {
        const x = L[j];
        const y = L[k];
        let A = 0;
        let B = 0;
        let C = 0;
        let D = 0;
        for (let i = 0; i < p; i++) {
          const u = x[i] * x[i] - y[i] * y[i];
          const w = 2 * x[i] * y[i];
          A += u;
          B += w;
          C += u * u - w * w;
          D += 2 * u * w;
        }
        const phi = Math.atan2(D - (2 * A * B) / p, C - (A * A - B * B) / p) / 4;
        if (Math.abs(phi) > largest) largest = Math.abs(phi);
        if (Math.abs(phi) <= tolerance) continue;
        const c = Math.cos(phi);
        const s = Math.sin(phi);
        for (let i = 0; i < p; i++) {
          const xi = x[i];
          const yi = y[i];
          x[i] = c * xi + s * yi;
          y[i] = -s * xi + c * yi;
        }
      }
    }
    if (largest <= tolerance) break;
  }
  if (normalize) for (let k = 0; k < m; k++) for (let i = 0; i < p; i++) L[k][i] *= h[i];
  return L;
}

export interface PcaWeights {
  /** One weight per indicator, summing to 1. */
  weights: Float64Array;
  /** Eigenvalues of the correlation matrix, largest first. */
  eigenvalues: Float64Array;
  /** Number of retained components (each explaining more than 10% of the variance). */
  retained: number;
  /** Rotated loadings, one column per retained factor. */
  rotated: Float64Array[];
  /** The factor each indicator was assigned to (index into `rotated`). */
  factor: Int32Array;
  /** Each retained factor's share of the explained variance after rotation. */
  share: Float64Array;
}

/** Components are retained when they each explain more than this share of the total variance. */
export const PCA_RETAIN_SHARE = 0.1;

/**
 * Factor-analysis weights from a p × p correlation matrix (OECD/JRC Handbook 2008, pp. 89–91):
 * retain the principal components that each explain more than 10% of the variance; loadings are
 * eigenvectors × √eigenvalue; rotate them by varimax (Kaiser normalisation); square them and scale
 * each factor's column to unit sum; each indicator goes to the factor where that scaled squared
 * loading is largest, and its weight is that value times the factor's share of the variance the
 * retained factors explain; the weights are then scaled to sum to 1.
 */
export function pcaWeights(correlation: ArrayLike<number>, p: number): PcaWeights {
  for (let i = 0; i < correlation.length; i++) {
    if (!Number.isFinite(correlation[i])) {
      throw new DomainError(
        'invalid_data',
        'PCA weights need a complete correlation matrix, but at least one correlation is undefined (an indicator does not vary over the units with complete data). Use equal or explicit weights, or leave that indicator out.',
        {},
      );
    }
  }
  const { values, vectors } = jacobiEigen(correlation, p);
  let trace = 0;
  for (let i = 0; i < p; i++) trace += correlation[i * p + i];
  let retained = 0;
  while (retained < p && values[retained] / trace > PCA_RETAIN_SHARE) retained++;
  if (retained === 0) {
    throw new DomainError(
      'invalid_data',
      `PCA weights are not computable: no principal component explains more than ${PCA_RETAIN_SHARE * 100}% of the variance (the largest explains ${((values[0] / trace) * 100).toFixed(1)}%), so the indicators share almost no common structure. Use equal or explicit weights.`,
      { eigenvalues: Array.from(values) },
    );
  }
  const loadings = vectors.slice(0, retained).map((vec, k) => vec.map((x) => x * Math.sqrt(Math.max(values[k], 0))));
  const rotated = varimax(loadings, true);
  const explained = new Float64Array(retained);
  for (let k = 0; k < retained; k++) for (let i = 0; i < p; i++) explained[k] += rotated[k][i] * rotated[k][i];
  let totalExplained = 0;
  for (const e of explained) totalExplained += e;
  const share = explained.map((e) => e / totalExplained);
  const weights = new Float64Array(p);
  const factor = new Int32Array(p);
  for (let i = 0; i < p; i++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < retained; k++) {
      const scaled = (rotated[k][i] * rotated[k][i]) / explained[k];
      if (scaled > bestValue) {
        bestValue = scaled;
        best = k;
      }
    }
    factor[i] = best;
    weights[i] = bestValue * share[best];
  }
  let sum = 0;
  for (const w of weights) sum += w;
  for (let i = 0; i < p; i++) weights[i] /= sum;
  return { weights, eigenvalues: values, retained, rotated, factor, share };
}
