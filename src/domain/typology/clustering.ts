/**
 * Ward hierarchical clustering (Lance–Williams update on squared Euclidean distances,
 * as R's `hclust(method = "ward.D2")` on Euclidean distances) and the adjusted Rand index.
 * Pure functions on plain arrays.
 */
import { DomainError } from '../errors.js';

export interface Merge {
  /** Cluster ids merged: ids < n are single units (their index), ids ≥ n are earlier merges (n + step). */
  a: number;
  b: number;
  /** Merge height: the Ward distance (square root of the Lance–Williams criterion), as ward.D2. */
  height: number;
  size: number;
}

export interface Dendrogram {
  n: number;
  merges: Merge[];
}

/** Standardises each column to mean 0 and sample standard deviation 1 (n − 1); a constant column becomes 0. */
export function standardise(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  if (n === 0) return [];
  const m = matrix[0].length;
  const out = matrix.map((r) => [...r]);
  for (let j = 0; j < m; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += matrix[i][j];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (matrix[i][j] - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    for (let i = 0; i < n; i++) out[i][j] = sd > 0 ? (matrix[i][j] - mean) / sd : 0;
  }
  return out;
}

/** Ward clustering of the rows of `points` (no missing values: impute or drop rows first). */
export function ward(points: readonly (readonly number[])[]): Dendrogram {
  const n = points.length;
  for (const [i, p] of points.entries()) {
    if (p.some((v) => !Number.isFinite(v)))
      throw new DomainError('invalid_argument', `Row ${i} has a missing or non-finite value; Ward clustering needs complete rows.`, { row: i });
  }
  if (n < 2) return { n, merges: [] };
  // d[i][j] = squared Euclidean distance between active clusters; Lance–Williams for Ward on squared distances.
  const d: number[][] = points.map((p) => points.map((q) => p.reduce((s, v, k) => s + (v - q[k]) ** 2, 0)));
  const size = new Array<number>(n).fill(1);
  const id = Array.from({ length: n }, (_, i) => i);
  const active = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  for (let step = 0; step < n - 1; step++) {
    let bi = -1;
    let bj = -1;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!active[j]) continue;
        // Ties resolve to the lowest (i, j), deterministically.
        if (d[i][j] < best - 1e-12) {
          best = d[i][j];
          bi = i;
          bj = j;
        }
      }
    }
    const [ni, nj] = [size[bi], size[bj]];
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === bi || k === bj) continue;
      const nk = size[k];
      const v = ((ni + nk) * d[bi][k] + (nj + nk) * d[bj][k] - nk * d[bi][bj]) / (ni + nj + nk);
      d[bi][k] = v;
      d[k][bi] = v;
    }
    // The Lance–Williams value for Ward on squared distances is 2 × the increase in within-cluster sum of squares
    // scaled as in ward.D2; its square root is the merge height hclust reports.
    merges.push({ a: Math.min(id[bi], id[bj]), b: Math.max(id[bi], id[bj]), height: Math.sqrt(best), size: ni + nj });
    size[bi] = ni + nj;
    id[bi] = n + step;
    active[bj] = false;
  }
  return { n, merges };
}

/** Cuts a dendrogram into `k` clusters; labels are 1…k in order of each cluster's first unit. */
export function cutTree(tree: Dendrogram, k: number): number[] {
  const { n, merges } = tree;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new DomainError('invalid_argument', `Cannot cut ${n} units into ${k} clusters; choose k between 1 and ${n}.`, { k, n });
  const parent = Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let s = 0; s < n - k; s++) {
    const m = merges[s];
    parent[find(m.a)] = n + s;
    parent[find(m.b)] = n + s;
  }
  const labelOf = new Map<number, number>();
  return Array.from({ length: n }, (_, i) => {
    const root = find(i);
    if (!labelOf.has(root)) labelOf.set(root, labelOf.size + 1);
    return labelOf.get(root)!;
  });
}

/** Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same units. */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length)
    throw new DomainError('invalid_argument', `The two classifications have ${a.length} and ${b.length} units; compare the same units.`, {});
  const n = a.length;
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((s, x) => s + choose2(x), 0);
  const sa = [...rows.values()].reduce((s, x) => s + choose2(x), 0);
  const sb = [...cols.values()].reduce((s, x) => s + choose2(x), 0);
  const expected = (sa * sb) / choose2(n);
  const max = (sa + sb) / 2;
  if (max === expected) return 1; // both classifications put everything in one class, or each unit alone
  return (index - expected) / (max - expected);
}

/** Herfindahl–Hirschman index of shares given in per cent (0–10 000) or as fractions (0–1), as given. */
export function herfindahl(shares: readonly number[]): number {
  return shares.reduce((s, x) => s + x * x, 0);
}
