/**
 * Step 5, aggregate: weighted arithmetic or geometric means over a hierarchy of groups of any
 * depth (OECD/JRC Handbook 2008, §1.7 and §6.2; COINr `a_amean`, `a_gmean`). A missing value is
 * left out and the remaining weights of its group are renormalised (COINr's default); a group with
 * no value is itself missing in its parent. Weights are relative: they are normalised within each
 * group.
 */
import { DomainError } from '../errors.js';

export const AGGREGATION_NAMES = ['arithmetic', 'geometric'] as const;
export type AggregationName = (typeof AGGREGATION_NAMES)[number];

/** Aggregates one vector with its weights; NaN values are skipped; NaN when nothing is left. */
export type AggregateFn = (values: ArrayLike<number>, weights: ArrayLike<number>) => number;

/** Σ wᵢxᵢ / Σ wᵢ over the present values. */
const arithmetic: AggregateFn = (values, weights) => {
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      num += weights[i] * v;
      den += weights[i];
    }
  }
  return den > 0 ? num / den : NaN;
};

/** exp(Σ wᵢ ln xᵢ / Σ wᵢ) over the present values; every present value must be positive. */
const geometric: AggregateFn = (values, weights) => {
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (!(v > 0)) throw geometricError([{ where: `position ${i}`, value: v }]);
    num += weights[i] * Math.log(v);
    den += weights[i];
  }
  return den > 0 ? Math.exp(num / den) : NaN;
};

export const aggregators: Readonly<Record<AggregationName, AggregateFn>> = { arithmetic, geometric };

/** The error for geometric aggregation over values that are zero or negative. */
export function geometricError(bad: readonly { where: string; value: number }[], context = ''): DomainError {
  const shown = bad.slice(0, 20).map((b) => `  - ${b.where}: ${b.value}`);
  const more = bad.length > 20 ? [`  … and ${bad.length - 20} more`] : [];
  return new DomainError(
    'invalid_data',
    `Geometric aggregation needs strictly positive values${context}, because it takes their logarithms: a zero would force the whole score to zero and a negative value has no real root. ` +
      `${bad.length} value(s) are not positive:\n${[...shown, ...more].join('\n')}\n` +
      `Fix: normalise to a range that starts above zero, e.g. "normalisation": { "method": "minmax", "range": [1, 100] } (the Handbook's practice), or use "rank", or aggregate arithmetically. Monoqala does not shift the values for you.`,
    { bad: bad.slice(0, 100) },
  );
}

/**
 * The aggregation hierarchy as flat arrays. Nodes 0..I−1 are indicators, I..I+G−1 groups, and
 * I+G is the index itself (the root).
 */
export interface Tree {
  readonly indicators: number;
  readonly groups: number;
  readonly nodes: number;
  readonly root: number;
  /** Parent node of each node; −1 for the root. */
  readonly parent: Int32Array;
  /** Children of node k are children[childStart[k] .. childStart[k+1]). */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  /** Groups and the root, each after all of its descendants (deepest first, root last). */
  readonly bottomUp: Int32Array;
  /** Depth of each node (root 0). */
  readonly depth: Int32Array;
}

/**
 * Builds the tree. `indicatorParent[i]` and `groupParent[g]` are group indices (0..G−1) or −1 for
 * the index itself. The caller has checked that there are no cycles.
 */
export function buildTree(indicatorParent: readonly number[], groupParent: readonly number[]): Tree {
  const I = indicatorParent.length;
  const G = groupParent.length;
  const nodes = I + G + 1;
  const root = I + G;
  const parent = new Int32Array(nodes);
  for (let i = 0; i < I; i++) parent[i] = indicatorParent[i] < 0 ? root : I + indicatorParent[i];
  for (let g = 0; g < G; g++) parent[I + g] = groupParent[g] < 0 ? root : I + groupParent[g];
  parent[root] = -1;
  const counts = new Int32Array(nodes);
  for (let k = 0; k < root; k++) counts[parent[k]]++;
  const childStart = new Int32Array(nodes + 1);
  for (let k = 0; k < nodes; k++) childStart[k + 1] = childStart[k] + counts[k];
  const fill = childStart.slice(0, nodes);
  const children = new Int32Array(root);
  for (let k = 0; k < root; k++) children[fill[parent[k]]++] = k;
  const depth = new Int32Array(nodes);
  for (let k = 0; k < root; k++) {
    let d = 0;
    for (let a = k; parent[a] >= 0; a = parent[a]) d++;
    depth[k] = d;
  }
  const inner = Array.from({ length: G + 1 }, (_, g) => I + g);
  inner.sort((a, b) => depth[b] - depth[a] || a - b);
  return { indicators: I, groups: G, nodes, root, parent, childStart, children, bottomUp: Int32Array.from(inner), depth };
}

/**
 * Aggregates every unit over the tree. `rows` holds the normalised values row-major (unit × I,
 * NaN = missing); `weights` holds one relative weight per node. Returns node values row-major
 * (unit × nodes): indicators copied, then groups, then the index.
 */
export function aggregateTree(tree: Tree, rows: Float64Array, units: number, weights: ArrayLike<number>, method: AggregationName): Float64Array {
  const { indicators: I, nodes, childStart, children, bottomUp } = tree;
  const out = new Float64Array(units * nodes);
  const geometricMean = method === 'geometric';
  for (let u = 0; u < units; u++) {
    const base = u * nodes;
    for (let i = 0; i < I; i++) {
      const x = rows[u * I + i];
      out[base + i] = geometricMean ? Math.log(x) : x;
    }
    for (let b = 0; b < bottomUp.length; b++) {
      const node = bottomUp[b];
      let num = 0;
      let den = 0;
      for (let c = childStart[node]; c < childStart[node + 1]; c++) {
        const child = children[c];
        const v = out[base + child];
        if (v === v) {
          num += weights[child] * v;
          den += weights[child];
        }
      }
      out[base + node] = den > 0 ? num / den : NaN;
    }
    if (geometricMean) {
      for (let i = 0; i < I; i++) out[base + i] = rows[u * I + i];
      for (let k = I; k < nodes; k++) out[base + k] = Math.exp(out[base + k]);
    }
  }
  return out;
}

/**
 * The effective weight of each indicator in one unit's index score: the product, along its path,
 * of its weight divided by the summed weights of the siblings that have a value. Missing
 * indicators get 0. `values` are that unit's node values (from `aggregateTree`).
 */
export function unitWeights(tree: Tree, values: ArrayLike<number>, weights: ArrayLike<number>, out: Float64Array = new Float64Array(tree.nodes)): Float64Array {
  const { root, childStart, children, bottomUp } = tree;
  out.fill(0);
  out[root] = values[root] === values[root] ? 1 : 0;
  for (let b = bottomUp.length - 1; b >= 0; b--) {
    const node = bottomUp[b];
    if (out[node] === 0) continue;
    let den = 0;
    for (let c = childStart[node]; c < childStart[node + 1]; c++) if (values[children[c]] === values[children[c]]) den += weights[children[c]];
    for (let c = childStart[node]; c < childStart[node + 1]; c++) {
      const child = children[c];
      if (values[child] === values[child] && den > 0) out[child] = (out[node] * weights[child]) / den;
    }
  }
  return out;
}
