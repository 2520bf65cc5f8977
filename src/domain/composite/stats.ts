/**
 * Small statistics on plain vectors. Missing values are NaN and are skipped unless said otherwise.
 */

/** Number of present (non-NaN) values. */
export function countPresent(x: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) n++;
  return n;
}

/** Arithmetic mean of the present values; NaN when there are none. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v) {
      s += v;
      n++;
    }
  }
  return n === 0 ? NaN : s / n;
}

/** Sample standard deviation (divisor n − 1) of the present values; NaN when fewer than two. */
export function sampleSd(x: ArrayLike<number>): number {
  const m = mean(x);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v) {
      ss += (v - m) * (v - m);
      n++;
    }
  }
  return n < 2 ? NaN : Math.sqrt(ss / (n - 1));
}

/** The present values, sorted ascending. */
export function sortedPresent(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(countPresent(x));
  let k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) out[k++] = x[i];
  return out.sort();
}

/**
 * Quantile of an ascending-sorted vector by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R's `quantile` and of numpy). NaN for an empty vector.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median of the present values; NaN when there are none. */
export function median(x: ArrayLike<number>): number {
  return quantileSorted(sortedPresent(x), 0.5);
}

/** Pearson correlation over the pairs where both values are present; NaN when undefined. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a === a && b === b) {
      n++;
      sx += a;
      sy += b;
    }
  }
  if (n < 2) return NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a === a && b === b) {
      sxy += (a - mx) * (b - my);
      sxx += (a - mx) * (a - mx);
      syy += (b - my) * (b - my);
    }
  }
  if (sxx === 0 || syy === 0) return NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/** Ascending ranks 1..n, ties sharing the smallest rank (R's `rank(ties.method = "min")`, COINr's `n_rank`); NaN stays NaN. */
export function ascendingRanks(x: ArrayLike<number>): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) idx.push(i);
  idx.sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(x.length).fill(NaN);
  for (let k = 0; k < idx.length; k++) out[idx[k]] = k > 0 && x[idx[k]] === x[idx[k - 1]] ? out[idx[k - 1]] : k + 1;
  return out;
}

/**
 * Descending competition ranks: 1 = highest value, ties share the smallest rank ("min"), NaN
 * (not computable) stays NaN. `sortedScratch` must have room for x.length values.
 */
export function descendingRanks(x: ArrayLike<number>, out: Float64Array = new Float64Array(x.length), sortedScratch?: Float64Array): Float64Array {
  const buf = sortedScratch ?? new Float64Array(x.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) buf[n++] = x[i];
  const sorted = buf.subarray(0, n).sort();
  for (let i = 0; i < x.length; i++) {
    const s = x[i];
    if (s !== s) {
      out[i] = NaN;
      continue;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= s) lo = mid + 1;
      else hi = mid;
    }
    out[i] = n - lo + 1;
  }
  return out;
}

/**
 * Pearson correlation matrix (p × p, row-major) of p columns. "pairwise" uses, for each pair, the
 * units where both are present (R's `use = "pairwise.complete.obs"`); "complete" uses only the
 * units where every column is present (R's `use = "complete.obs"`). NaN marks an undefined entry.
 */
export function correlationMatrix(columns: readonly ArrayLike<number>[], mode: 'pairwise' | 'complete'): { matrix: Float64Array; units: number } {
  const p = columns.length;
  const n = p === 0 ? 0 : columns[0].length;
  let cols = columns;
  let units = n;
  if (mode === 'complete') {
    const keep: number[] = [];
    for (let u = 0; u < n; u++) {
      let ok = true;
      for (let j = 0; j < p && ok; j++) ok = columns[j][u] === columns[j][u];
      if (ok) keep.push(u);
    }
    units = keep.length;
    cols = columns.map((c) => Float64Array.from(keep, (u) => c[u]));
  }
  const matrix = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    const selfDefined = sampleSd(cols[i]) > 0;
    matrix[i * p + i] = selfDefined ? 1 : NaN;
    for (let j = i + 1; j < p; j++) {
      const r = pearson(cols[i], cols[j]);
      matrix[i * p + j] = r;
      matrix[j * p + i] = r;
    }
  }
  return { matrix, units };
}
