/**
 * Building blocks shared by the impact estimators: the tidy panel they read (with its validation and
 * the "not computable" result), and the numerics on plain vectors — least squares by Householder QR
 * with R's limited pivoting (aliased columns are detected and dropped, as `lm` does), a Cholesky
 * inverse, Student's t and Fisher's F distributions, least squares on the probability simplex
 * (Wolfe's exact active-set algorithm, with an accelerated projected-gradient fallback) and a
 * Nelder–Mead minimiser. Pure and deterministic.
 *
 * The composite engine has similar helpers (src/domain/composite/stats.ts, pca.ts), but the
 * architecture test lets a domain subfolder import only its own files and its parent's, so the few
 * needed here are written again rather than imported across folders.
 */
import { invalidArgument, invalidData, type DataIssue } from '../errors.js';

/* ------------------------------------------------------------------ panels and results */

/** One cell of a tidy panel: one indicator's value for one unit (town) and period. */
export interface PanelRow {
  unit: string;
  /** A year ("2021") or a date ("2021-07-01"); periods are ordered as text, which is chronological for both. */
  period: string;
  /** null marks a missing value (the cell is then not used). */
  value: number | null;
  /** Difference-in-differences only, with `treatment: { kind: 'observations' }`: 1 when the program acts on this unit in this period. */
  treated?: 0 | 1 | null;
}

/** A warning that travels with a result: something suspicious that does not stop the estimate. */
export interface ImpactWarning {
  /** Stable, machine-readable code, e.g. "few_clusters". */
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** "Not computable, because …" is a result, not an error and not a zero. */
export interface NotComputable {
  status: 'not_computable';
  /** Stable, machine-readable code, e.g. "too_few_donors". */
  code: string;
  /** A sentence for people: what is missing and how to get an estimate. */
  reason: string;
  details: Record<string, unknown>;
  warnings: ImpactWarning[];
}

export function notComputable(code: string, reason: string, details: Record<string, unknown> = {}, warnings: ImpactWarning[] = []): NotComputable {
  return { status: 'not_computable', code, reason, details, warnings };
}

/** A validated panel: sorted units and periods, values[u][t] with NaN where there is no value. */
export interface Panel {
  units: string[];
  periods: string[];
  values: Float64Array[];
  /** rows[u][t]: index of the input row of the cell, −1 when there is none. */
  rows: Int32Array[];
}

/**
 * Validates tidy rows and arranges them as a unit × period grid. Every problem is reported at once
 * (row = index in the array): a unit or period that is not a non-empty string, a value that is
 * neither null nor a finite number, two rows for the same unit and period.
 */
export function readPanel(rows: readonly PanelRow[], what: string): Panel {
  const issues: DataIssue[] = [];
  const unitSet = new Set<string>();
  const periodSet = new Set<string>();
  rows.forEach((r, i) => {
    let ok = true;
    if (typeof r.unit !== 'string' || r.unit === '') {
      issues.push({ file: what, row: i, column: 'unit', message: 'must be a non-empty unit id' });
      ok = false;
    }
    if (typeof r.period !== 'string' || r.period === '') {
      issues.push({ file: what, row: i, column: 'period', message: 'must be a non-empty period such as "2021"' });
      ok = false;
    }
    if (r.value !== null && !(typeof r.value === 'number' && Number.isFinite(r.value))) {
      issues.push({ file: what, row: i, column: 'value', message: `${String(r.value)} is not a finite number; use null for a missing value` });
    }
    if (ok) {
      unitSet.add(r.unit);
      periodSet.add(r.period);
    }
  });
  const units = [...unitSet].sort();
  const periods = [...periodSet].sort();
  const ui = new Map(units.map((u, i) => [u, i]));
  const pi = new Map(periods.map((p, i) => [p, i]));
  const values = units.map(() => new Float64Array(periods.length).fill(NaN));
  const index = units.map(() => new Int32Array(periods.length).fill(-1));
  rows.forEach((r, i) => {
    const u = ui.get(r.unit);
    const t = pi.get(r.period);
    if (u === undefined || t === undefined) return;
    if (index[u][t] >= 0) {
      issues.push({ file: what, row: i, message: `a second row for unit "${r.unit}" and period "${r.period}" (the first is row ${index[u][t]}); keep one` });
      return;
    }
    index[u][t] = i;
    if (typeof r.value === 'number' && Number.isFinite(r.value)) values[u][t] = r.value;
  });
  if (issues.length > 0) throw invalidData(issues, `The ${what}`);
  return { units, periods, values, rows: index };
}

/* ------------------------------------------------------------------ least squares */

export interface LeastSquares {
  /** One coefficient per column; NaN for an aliased column. */
  coefficients: Float64Array;
  /** True where the column is (numerically) a linear combination of the columns before it. */
  aliased: boolean[];
  /** Number of columns kept. */
  rank: number;
  /** y − X·β over the kept columns. */
  residuals: Float64Array;
  /** (X′X)⁻¹ over all p columns, p × p row-major; rows and columns of aliased columns are NaN. */
  xtxInverse: Float64Array;
}

/**
 * Ordinary least squares y ≈ X·β by Householder QR. Columns are taken in the order given; a
 * column whose part orthogonal to the columns kept before it has norm ≤ `tolerance` × its own norm
 * is aliased and left out (LINPACK `dqrdc2` limited pivoting, as R's `lm`, which uses 1e-7).
 */
export function leastSquares(columns: readonly ArrayLike<number>[], y: ArrayLike<number>, tolerance = 1e-9): LeastSquares {
  const n = y.length;
  const p = columns.length;
  for (const c of columns) if (c.length !== n) throw invalidArgument('columns', `every column needs ${n} entries, one per observation.`);
  const reflectors: { u: Float64Array; tau: number; start: number }[] = [];
  const kept: number[] = [];
  const rColumns: Float64Array[] = [];
  const aliased = new Array<boolean>(p).fill(false);
  const reflect = (a: Float64Array) => {
    for (const h of reflectors) {
      let s = 0;
      for (let i = h.start; i < n; i++) s += h.u[i - h.start] * a[i];
      s *= h.tau;
      for (let i = h.start; i < n; i++) a[i] -= s * h.u[i - h.start];
    }
  };
  for (let j = 0; j < p; j++) {
    const a = Float64Array.from(columns[j]);
    let norm0 = 0;
    for (let i = 0; i < n; i++) norm0 += a[i] * a[i];
    norm0 = Math.sqrt(norm0);
    const r = kept.length;
    reflect(a);
    let rest = 0;
    for (let i = r; i < n; i++) rest += a[i] * a[i];
    rest = Math.sqrt(rest);
    if (norm0 === 0 || r >= n || rest <= tolerance * norm0) {
      aliased[j] = true;
      continue;
    }
    const alpha = a[r] > 0 ? -rest : rest;
    const u = a.slice(r);
    u[0] -= alpha;
    let uu = 0;
    for (const x of u) uu += x * x;
    reflectors.push({ u, tau: 2 / uu, start: r });
    const rc = new Float64Array(r + 1);
    for (let i = 0; i < r; i++) rc[i] = a[i];
    rc[r] = alpha;
    rColumns.push(rc);
    kept.push(j);
  }
  const rank = kept.length;
  const qty = Float64Array.from(y);
  reflect(qty);
  // back substitution R·b = (Q′y)[0..rank)
  const b = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = qty[i];
    for (let k = i + 1; k < rank; k++) s -= rColumns[k][i] * b[k];
    b[i] = s / rColumns[i][i];
  }
  // R⁻¹ (upper triangular), then (X′X)⁻¹ = R⁻¹R⁻ᵀ
  const rInv = new Float64Array(rank * rank);
  for (let c = 0; c < rank; c++) {
    rInv[c * rank + c] = 1 / rColumns[c][c];
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= c; k++) s += rColumns[k][i] * rInv[k * rank + c];
      rInv[i * rank + c] = -s / rColumns[i][i];
    }
  }
  const coefficients = new Float64Array(p).fill(NaN);
  kept.forEach((j, i) => (coefficients[j] = b[i]));
  const xtxInverse = new Float64Array(p * p).fill(NaN);
  for (let i = 0; i < rank; i++) {
    for (let j = 0; j < rank; j++) {
      let s = 0;
      for (let k = Math.max(i, j); k < rank; k++) s += rInv[i * rank + k] * rInv[j * rank + k];
      xtxInverse[kept[i] * p + kept[j]] = s;
    }
  }
  const residuals = Float64Array.from(y);
  for (const j of kept) {
    const c = columns[j];
    const bj = coefficients[j];
    for (let i = 0; i < n; i++) residuals[i] -= bj * c[i];
  }
  return { coefficients, aliased, rank, residuals, xtxInverse };
}

/**
 * Inverse of a symmetric positive-definite n × n matrix (row-major) by Cholesky; null when a pivot
 * is not positive beyond `tolerance` × the largest diagonal entry (the matrix is singular).
 */
export function choleskyInverse(a: ArrayLike<number>, n: number, tolerance = 1e-12): Float64Array | null {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]));
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > tolerance * maxDiag)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  // L⁻¹ (lower triangular), then A⁻¹ = L⁻ᵀL⁻¹
  const li = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    li[c * n + c] = 1 / l[c * n + c];
    for (let i = c + 1; i < n; i++) {
      let s = 0;
      for (let k = c; k < i; k++) s += l[i * n + k] * li[k * n + c];
      li[i * n + c] = -s / l[i * n + i];
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = Math.max(i, j); k < n; k++) s += li[k * n + i] * li[k * n + j];
      inv[i * n + j] = s;
    }
  }
  return inv;
}

/* ------------------------------------------------------------------ distributions */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7; about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes §6.4). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with `df` > 0 degrees of freedom (bisection on the CDF, to machine precision). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw invalidArgument('p', `a probability strictly between 0 and 1 is needed, got ${p}.`);
  if (!(df > 0)) throw invalidArgument('df', `degrees of freedom must be positive, got ${df}.`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(F > x) for Fisher's F with (d1, d2) degrees of freedom. */
export function fSurvival(x: number, d1: number, d2: number): number {
  if (x <= 0) return 1;
  return regularizedBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2);
}

/* ------------------------------------------------------------------ the probability simplex */

/** Euclidean projection of v onto { w : w ≥ 0, Σw = 1 } (sort-based; Duchi et al. 2008, Fig. 1). */
export function projectOntoSimplex(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const u = Float64Array.from(v).sort().reverse();
  let cumulative = 0;
  let theta = 0;
  for (let j = 0; j < n; j++) {
    cumulative += u[j];
    const t = (cumulative - 1) / (j + 1);
    if (u[j] - t > 0) theta = t;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.max(v[i] - theta, 0);
  return out;
}

export interface SimplexFit {
  /** Weights: non-negative, summing to one. */
  weights: Float64Array;
  /** ‖Σ_j w_j·P_j‖², the minimised objective. */
  objective: number;
  /**
   * Frank–Wolfe duality gap ‖x‖² − min_j x·P_j (x = Σ w_j·P_j): an upper bound on how far the
   * objective is above the optimum, divided by 2. Zero at the optimum.
   */
  gap: number;
  /** The gap relative to max_j ‖P_j‖², compared with the tolerance. */
  relativeGap: number;
  converged: boolean;
  iterations: number;
  solver: 'wolfe' | 'projected_gradient';
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The Gram matrix G_jl = P_j·P_l of m points, m × m row-major. */
export function gramMatrix(points: readonly ArrayLike<number>[]): Float64Array {
  const m = points.length;
  const g = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = i; j < m; j++) g[i * m + j] = g[j * m + i] = dot(points[i], points[j]);
  return g;
}

/**
 * The point of the convex hull of `points` (each of dimension k) nearest to the origin: min ‖Σ w_j·P_j‖²
 * over the simplex. This is least squares on the simplex: with P_j = V^½(x_j − x₁) it is the
 * synthetic-control problem min (x₁ − X₀w)′V(x₁ − X₀w). See `simplexLeastSquaresGram`.
 */
export function simplexLeastSquares(points: readonly ArrayLike<number>[], tolerance = 1e-12, maxIterations = 0): SimplexFit {
  if (points.length === 0) throw invalidArgument('points', 'at least one point (donor) is needed.');
  return simplexLeastSquaresGram(gramMatrix(points), points.length, tolerance, maxIterations);
}

/**
 * min w′Gw over the simplex for a Gram matrix G (m × m, row-major, positive semi-definite), by
 * Wolfe's (1976) finite active-set algorithm for the nearest point of a polytope ("Finding the
 * nearest point in a polytope", Math. Programming 11, 128–149). It keeps an affinely independent
 * support (a "corral"), so the solution is sparse and deterministic; each minor cycle solves the
 * affine minimiser of the support by Cholesky. Convergence is certified by the Frank–Wolfe gap
 * x′x − min_j x·P_j ≤ tolerance × max_j ‖P_j‖² (x = Σ w_j P_j). Should rounding stall it first, the
 * result is polished by accelerated projected gradient, and the returned gap says how close it came.
 */
export function simplexLeastSquaresGram(gram: ArrayLike<number>, m: number, tolerance = 1e-12, maxIterations = 0): SimplexFit {
  if (m === 0) throw invalidArgument('points', 'at least one point (donor) is needed.');
  let scale = 0;
  let start = 0;
  for (let j = 0; j < m; j++) {
    const d = gram[j * m + j];
    scale = Math.max(scale, d);
    if (d < gram[start * m + start]) start = j;
  }
  const budget = maxIterations > 0 ? maxIterations : 100 * (m + 10);
  let support = [start];
  let lambda = [1];
  const g = new Float64Array(m); // g_j = x·P_j
  const refresh = () => {
    g.fill(0);
    for (let i = 0; i < support.length; i++) {
      const row = support[i] * m;
      const l = lambda[i];
      for (let j = 0; j < m; j++) g[j] += l * gram[row + j];
    }
    let xx = 0;
    for (let i = 0; i < support.length; i++) xx += lambda[i] * g[support[i]];
    return xx;
  };
  // affine minimiser of the support: min ‖P_0 + Σ β_i (P_i − P_0)‖², normal equations by Cholesky
  const affine = (): Float64Array | null => {
    const s = support.length;
    const q = s - 1;
    const p0 = support[0];
    const a = new Float64Array(q * q);
    const b = new Float64Array(q);
    let maxDiag = 0;
    for (let i = 0; i < q; i++) {
      const pi = support[i + 1];
      b[i] = -(gram[pi * m + p0] - gram[p0 * m + p0]);
      for (let l = 0; l < q; l++) {
        const pl = support[l + 1];
        a[i * q + l] = gram[pi * m + pl] - gram[pi * m + p0] - gram[p0 * m + pl] + gram[p0 * m + p0];
      }
      maxDiag = Math.max(maxDiag, a[i * q + i]);
    }
    for (let j = 0; j < q; j++) {
      let d = a[j * q + j];
      for (let c = 0; c < j; c++) d -= a[j * q + c] * a[j * q + c];
      if (!(d > 1e-13 * maxDiag)) return null;
      const ljj = Math.sqrt(d);
      a[j * q + j] = ljj;
      for (let i = j + 1; i < q; i++) {
        let t = a[i * q + j];
        for (let c = 0; c < j; c++) t -= a[i * q + c] * a[j * q + c];
        a[i * q + j] = t / ljj;
      }
    }
    const y = new Float64Array(q);
    for (let i = 0; i < q; i++) {
      let t = b[i];
      for (let c = 0; c < i; c++) t -= a[i * q + c] * y[c];
      y[i] = t / a[i * q + i];
    }
    for (let i = q - 1; i >= 0; i--) {
      let t = y[i];
      for (let c = i + 1; c < q; c++) t -= a[c * q + i] * y[c];
      y[i] = t / a[i * q + i];
    }
    const alpha = new Float64Array(s);
    let rest = 1;
    for (let i = 0; i < q; i++) {
      alpha[i + 1] = y[i];
      rest -= y[i];
    }
    alpha[0] = rest;
    return alpha;
  };
  let iterations = 0;
  let converged = scale === 0;
  while (!converged && iterations < budget) {
    iterations++;
    const xx = refresh();
    let best = 0;
    for (let j = 1; j < m; j++) if (g[j] < g[best]) best = j;
    if (xx - g[best] <= tolerance * scale) {
      converged = true;
      break;
    }
    if (support.includes(best)) break; // rounding: the best vertex is already in the corral
    support.push(best);
    lambda.push(0);
    let stalled = false;
    // minor cycles: move towards the affine minimiser, dropping points that leave the hull
    for (;;) {
      iterations++;
      const alpha = affine();
      if (!alpha) {
        stalled = true;
        break;
      }
      const floor = 1e-14;
      if (alpha.every((x) => x > floor)) {
        lambda = Array.from(alpha);
        break;
      }
      let theta = 1;
      for (let i = 0; i < alpha.length; i++) {
        if (alpha[i] <= floor) {
          const denominator = lambda[i] - alpha[i];
          const t = denominator > 0 ? lambda[i] / denominator : 0;
          if (t < theta) theta = t;
        }
      }
      const next = lambda.map((l, i) => (1 - theta) * l + theta * alpha[i]);
      const keep = next.map((l) => l > floor);
      if (keep.every(Boolean)) {
        let drop = 0;
        for (let i = 1; i < next.length; i++) if (next[i] < next[drop]) drop = i;
        keep[drop] = false;
      }
      support = support.filter((_, i) => keep[i]);
      lambda = next.filter((_, i) => keep[i]);
      const total = lambda.reduce((a, l) => a + l, 0);
      lambda = lambda.map((l) => l / total);
      if (support.length === 1 || iterations >= budget) break;
    }
    if (stalled) {
      // the new vertex is (numerically) in the affine hull of the corral: stop and polish
      support.pop();
      lambda.pop();
      break;
    }
  }
  const weights = new Float64Array(m);
  support.forEach((j, i) => (weights[j] = lambda[i]));
  const xx = refresh();
  let min = Infinity;
  for (let j = 0; j < m; j++) min = Math.min(min, g[j]);
  const gap = Math.max(xx - min, 0);
  if (converged || gap <= tolerance * scale) {
    return { weights, objective: Math.max(xx, 0), gap, relativeGap: scale > 0 ? gap / scale : 0, converged: true, iterations, solver: 'wolfe' };
  }
  const polished = projectedGradientGram(gram, m, weights, tolerance);
  return { ...polished, iterations: iterations + polished.iterations };
}

/**
 * Accelerated projected gradient (FISTA, Beck & Teboulle 2009, with the adaptive restart of
 * O'Donoghue & Candès 2015) for min ‖Σ w_j·P_j‖² on the simplex, with exact Euclidean projection.
 * Slower than `simplexLeastSquares` but independent of it: the fallback, and the cross-check in tests.
 */
export function projectedGradientSimplex(
  points: readonly ArrayLike<number>[],
  start?: ArrayLike<number>,
  tolerance = 1e-12,
  maxIterations = 200000,
): SimplexFit {
  return projectedGradientGram(gramMatrix(points), points.length, start, tolerance, maxIterations);
}

function projectedGradientGram(gram: ArrayLike<number>, m: number, start?: ArrayLike<number>, tolerance = 1e-12, maxIterations = 200000): SimplexFit {
  let scale = 0;
  for (let i = 0; i < m; i++) scale = Math.max(scale, gram[i * m + i]);
  // step 1/L with L = 2·λmax(G), the Lipschitz constant of the gradient 2·G·w
  const lmax = scale > 0 ? powerIteration(gram, m) : 0;
  const step = lmax > 0 ? 1 / (2 * lmax) : 0;
  let w = start ? projectOntoSimplex(start) : new Float64Array(m).fill(1 / m);
  let y = Float64Array.from(w);
  let t = 1;
  const grad = new Float64Array(m);
  const gradient = (v: Float64Array) => {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += gram[i * m + j] * v[j];
      grad[i] = 2 * s;
    }
  };
  const fwGap = (v: Float64Array) => {
    gradient(v);
    let min = Infinity;
    let wg = 0;
    for (let i = 0; i < m; i++) {
      min = Math.min(min, grad[i]);
      wg += v[i] * grad[i];
    }
    return (wg - min) / 2;
  };
  let iterations = 0;
  let gap = fwGap(w);
  while (iterations < maxIterations && gap > tolerance * scale && step > 0) {
    iterations++;
    gradient(y);
    const next = projectOntoSimplex(Float64Array.from(y, (v, i) => v - step * grad[i]));
    // restart the momentum when it points uphill
    let uphill = 0;
    for (let i = 0; i < m; i++) uphill += (y[i] - next[i]) * (next[i] - w[i]);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    if (uphill > 0) {
      t = 1;
      y = Float64Array.from(next);
    } else {
      y = Float64Array.from(next, (v, i) => v + ((t - 1) / tNext) * (v - w[i]));
      t = tNext;
    }
    w = next;
    if (iterations % 10 === 0) gap = fwGap(w);
  }
  gap = Math.max(fwGap(w), 0);
  let objective = 0;
  for (let i = 0; i < m; i++) objective += (w[i] * grad[i]) / 2;
  return {
    weights: w,
    objective: Math.max(objective, 0),
    gap,
    relativeGap: scale > 0 ? gap / scale : 0,
    converged: gap <= tolerance * scale,
    iterations,
    solver: 'projected_gradient',
  };
}

/** Largest eigenvalue of a symmetric positive semi-definite m × m matrix, by power iteration (an upper estimate). */
function powerIteration(a: ArrayLike<number>, m: number): number {
  let v = new Float64Array(m).fill(1 / Math.sqrt(m));
  let lambda = 0;
  for (let it = 0; it < 500; it++) {
    const next = new Float64Array(m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) next[i] += a[i * m + j] * v[j];
    const norm = Math.sqrt(dot(next, next));
    if (norm === 0) return 0;
    const change = Math.abs(norm - lambda);
    lambda = norm;
    v = next.map((x) => x / norm);
    if (change <= 1e-12 * norm) break;
  }
  // a little headroom so that the step 1/L stays safe
  return lambda * 1.01;
}

/* ------------------------------------------------------------------ Nelder–Mead */

export interface NelderMeadOptions {
  /** Initial simplex: x0 plus `step` along each axis (default 1). */
  step?: number;
  /** Stop when max f − min f over the simplex ≤ fTolerance·(|min f| + fScale) … (default 1e-10). */
  fTolerance?: number;
  /** … and the largest coordinate distance from the best vertex ≤ xTolerance (default 1e-6). */
  xTolerance?: number;
  /** Added to |min f| in the f test, so that an optimum at 0 can converge (default 1e-12). */
  fScale?: number;
  maxEvaluations?: number;
  /** Restarts from the best vertex with a fresh simplex after convergence, until no improvement (default 2). */
  restarts?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  f: number;
  evaluations: number;
  iterations: number;
  converged: boolean;
}

/**
 * Derivative-free minimisation by the Nelder–Mead simplex method (Nelder & Mead 1965; the standard
 * coefficients reflection 1, expansion 2, contraction ½, shrink ½, as in R's `optim`), restarted from
 * the best point until a restart no longer improves (guarding against premature collapse).
 */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const step = options.step ?? 1;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-6;
  const fScale = options.fScale ?? 1e-12;
  const maxEvaluations = options.maxEvaluations ?? 200 * (n + 1) * (n + 1);
  let evaluations = 0;
  let iterations = 0;
  const evaluate = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  let bestX = Float64Array.from(x0);
  let bestF = evaluate(bestX);
  if (n === 0) return { x: bestX, f: bestF, evaluations, iterations, converged: true };
  let converged = false;
  for (let round = 0; round <= (options.restarts ?? 2); round++) {
    const simplex: Float64Array[] = [Float64Array.from(bestX)];
    const values: number[] = [bestF];
    for (let i = 0; i < n; i++) {
      const v = Float64Array.from(bestX);
      v[i] += step;
      simplex.push(v);
      values.push(evaluate(v));
    }
    converged = false;
    while (evaluations < maxEvaluations) {
      iterations++;
      const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
      const sorted = order.map((i) => simplex[i]);
      const sortedValues = order.map((i) => values[i]);
      for (let i = 0; i <= n; i++) {
        simplex[i] = sorted[i];
        values[i] = sortedValues[i];
      }
      let size = 0;
      for (let i = 1; i <= n; i++) for (let d = 0; d < n; d++) size = Math.max(size, Math.abs(simplex[i][d] - simplex[0][d]));
      if (values[n] - values[0] <= fTol * (Math.abs(values[0]) + fScale) && size <= xTol) {
        converged = true;
        break;
      }
      const centroid = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d] += simplex[i][d] / n;
      const towards = (coefficient: number) => Float64Array.from(centroid, (c, d) => c + coefficient * (simplex[n][d] - c));
      const reflected = towards(-1);
      const fr = evaluate(reflected);
      if (fr < values[0]) {
        const expanded = towards(-2);
        const fe = evaluate(expanded);
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
        continue;
      }
      if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
        continue;
      }
      const outside = fr < values[n];
      const contracted = towards(outside ? -0.5 : 0.5);
      const fc = evaluate(contracted);
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = contracted;
        values[n] = fc;
        continue;
      }
      for (let i = 1; i <= n; i++) {
        simplex[i] = Float64Array.from(simplex[i], (v, d) => simplex[0][d] + 0.5 * (v - simplex[0][d]));
        values[i] = evaluate(simplex[i]);
      }
    }
    let best = 0;
    for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
    const improved = values[best] < bestF - fTol * (Math.abs(bestF) + fScale);
    if (values[best] <= bestF) {
      bestF = values[best];
      bestX = Float64Array.from(simplex[best]);
    }
    if (!improved || evaluations >= maxEvaluations) break;
  }
  return { x: bestX, f: bestF, evaluations, iterations, converged };
}
