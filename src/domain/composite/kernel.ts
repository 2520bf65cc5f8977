/**
 * The Monte Carlo kernel shared by uncertainty and sensitivity analysis. Everything that does not
 * depend on the sampled weights is computed once, outside the loop: one normalised matrix (and its
 * logarithms, for geometric aggregation) per imputation × normalisation alternative, the nominal
 * weights of each, and which units have complete data. One evaluation then costs one weighted sum
 * per unit plus a sort for the ranks, and allocates nothing.
 *
 * A design point is a vector of uniforms in [0, 1): x[0] picks the imputation, x[1] the
 * normalisation, x[2] the aggregation (uniformly among the alternatives), and x[3 + n] perturbs
 * the weight of tree node n (indicators, then groups): w = w₀·(1 + noise·(2x − 1)), as COINr's
 * `get_noisy_weights`.
 */
import { geometricError, type AggregationName, type Tree } from './aggregate.js';
import type { NormalisationConfig, UncertaintyConfig } from './config.js';
import type { ImputationName } from './impute.js';
import { imputeStage, normaliseStage, resolveNormalisation, rowMajor, weightStage, type Prepared } from './pipeline.js';

export interface Assumptions {
  readonly imputations: readonly ImputationName[];
  readonly normalisations: readonly NormalisationConfig[];
  readonly aggregations: readonly AggregationName[];
  /** Relative weight noise per tree node (the root's is 0). */
  readonly noise: Float64Array;
}

/** The uncertain assumptions of a configuration's "uncertainty" section (nominal method when a list is absent). */
export function assumptionsOf(p: Prepared, u: UncertaintyConfig): Assumptions {
  const c = p.config;
  const noise = new Float64Array(p.tree.nodes);
  const codes = [...p.codes, ...p.groupCodes];
  codes.forEach((code, n) => {
    noise[n] = typeof u.weightNoise === 'number' ? u.weightNoise : (u.weightNoise[code] ?? 0);
  });
  return {
    imputations: u.imputation ?? [c.imputation],
    normalisations: (u.normalisation ?? [c.normalisation]).map((n) => resolveNormalisation(n, c.normalisation)),
    aggregations: u.aggregation ?? [c.aggregation],
    noise,
  };
}

interface Variant {
  /** Normalised values, unit-major, indicators in leaf order (see `Layout`), missing = 0. */
  readonly rows: Float64Array;
  /** ln of rows (missing = 0), only when the variant can be aggregated geometrically. */
  logRows: Float64Array | null;
  /** Units with every value present, and the others. */
  readonly complete: Int32Array;
  readonly incomplete: Int32Array;
  /** For incomplete[q], its missing leaf positions are missing[missingStart[q] .. missingStart[q + 1]). */
  readonly missingStart: Int32Array;
  readonly missing: Int32Array;
  /**
   * 1 when incomplete[q] can take the fast path: each of its missing values sits in a group with
   * only indicator members, of which at least one is present.
   */
  readonly fast: Uint8Array;
  /** Nominal weight of each tree node (tree numbering). */
  readonly weights: Float64Array;
}

/**
 * Indicators reordered so that the indicator children of every node are contiguous ("leaf
 * order"); then a node's indicator part is one dense loop over a slice of the row.
 */
interface Layout {
  /** leaf position → indicator (tree node) */
  readonly order: Int32Array;
  /** leaf position → parent node */
  readonly leafParent: Int32Array;
  /** per node: its indicator children occupy leaf positions [leafStart, leafEnd) */
  readonly leafStart: Int32Array;
  readonly leafEnd: Int32Array;
  /** per node: its group children are groupChildren[groupStart[node] .. groupStart[node + 1]) */
  readonly groupStart: Int32Array;
  readonly groupChildren: Int32Array;
}

function layoutOf(tree: Tree): Layout {
  const I = tree.indicators;
  const order = Int32Array.from({ length: I }, (_, i) => i).sort((a, b) => tree.parent[a] - tree.parent[b] || a - b);
  const leafParent = order.map((i) => tree.parent[i]);
  const leafStart = new Int32Array(tree.nodes);
  const leafEnd = new Int32Array(tree.nodes);
  for (let pos = I - 1; pos >= 0; pos--) leafStart[leafParent[pos]] = pos;
  for (let pos = 0; pos < I; pos++) leafEnd[leafParent[pos]] = pos + 1;
  const groupStart = new Int32Array(tree.nodes + 1);
  const groupChildren: number[] = [];
  for (let node = 0; node < tree.nodes; node++) {
    for (let c = tree.childStart[node]; c < tree.childStart[node + 1]; c++) if (tree.children[c] >= I) groupChildren.push(tree.children[c]);
    groupStart[node + 1] = groupChildren.length;
  }
  return { order, leafParent, leafStart, leafEnd, groupStart, groupChildren: Int32Array.from(groupChildren) };
}

export interface Kernel {
  readonly units: number;
  readonly indicators: number;
  readonly tree: Tree;
  readonly layout: Layout;
  readonly assumptions: Assumptions;
  /** Length of a design point. */
  readonly dims: number;
  /** Names of the design point's coordinates. */
  readonly names: readonly string[];
  /** After `evaluate`: the scores and ranks (1 = best, NaN = not scored) of the last evaluated point. */
  readonly scores: Float64Array;
  readonly ranks: Float64Array;
  readonly variants: readonly Variant[];
  readonly nominal: { variant: Variant; geometric: boolean };
  readonly scratch: Scratch;
}

interface Scratch {
  readonly weights: Float64Array;
  readonly effective: Float64Array;
  readonly leafWeights: Float64Array;
  readonly leafEffective: Float64Array;
  readonly leafSum: Float64Array;
  readonly leafCount: Int32Array;
  readonly denominator: Float64Array;
  readonly missingCount: Int32Array;
  readonly values: Float64Array;
  readonly sorted: Float64Array;
  readonly buckets: Int32Array;
}

const key = (n: NormalisationConfig) => JSON.stringify(n);

export function buildKernel(p: Prepared, assumptions: Assumptions): Kernel {
  const U = p.units.length;
  const I = p.codes.length;
  const c = p.config;
  const layout = layoutOf(p.tree);
  const { order } = layout;
  const geometricAlternative = assumptions.aggregations.includes('geometric');
  const cache = new Map<string, Variant>();
  const variant = (imputation: ImputationName, normalisation: NormalisationConfig, geometric: boolean): Variant => {
    const id = `${imputation}|${key(normalisation)}`;
    let v = cache.get(id);
    if (!v) {
      const imputed = imputeStage(p, imputation);
      const normalised = normaliseStage(p, imputed.columns, normalisation).columns;
      const weights = weightStage(p, normalised, c.weights).nodes;
      const rows = rowMajor(
        Array.from(order, (i) => normalised[i]),
        U,
      );
      const complete: number[] = [];
      const incomplete: number[] = [];
      const missingStart: number[] = [0];
      const missing: number[] = [];
      for (let u = 0; u < U; u++) {
        const before = missing.length;
        for (let pos = 0; pos < I; pos++) {
          if (rows[u * I + pos] !== rows[u * I + pos]) {
            missing.push(pos);
            rows[u * I + pos] = 0;
          }
        }
        if (missing.length === before) complete.push(u);
        else {
          incomplete.push(u);
          missingStart.push(missing.length);
        }
      }
      const fast = new Uint8Array(incomplete.length);
      for (let q = 0; q < incomplete.length; q++) {
        let ok = true;
        for (let m = missingStart[q]; m < missingStart[q + 1] && ok;) {
          const parent = layout.leafParent[missing[m]];
          let n = 0;
          while (m < missingStart[q + 1] && layout.leafParent[missing[m]] === parent) {
            n++;
            m++;
          }
          ok = layout.groupStart[parent] === layout.groupStart[parent + 1] && n < layout.leafEnd[parent] - layout.leafStart[parent];
        }
        fast[q] = ok ? 1 : 0;
      }
      v = {
        rows,
        logRows: null,
        complete: Int32Array.from(complete),
        incomplete: Int32Array.from(incomplete),
        missingStart: Int32Array.from(missingStart),
        missing: Int32Array.from(missing),
        fast,
        weights,
      };
      cache.set(id, v);
    }
    if (geometric && !v.logRows) {
      const bad: { where: string; value: number }[] = [];
      const logRows = new Float64Array(v.rows.length);
      const isMissing = new Uint8Array(v.rows.length);
      for (let q = 0; q < v.incomplete.length; q++)
        for (let m = v.missingStart[q]; m < v.missingStart[q + 1]; m++) isMissing[v.incomplete[q] * I + v.missing[m]] = 1;
      for (let k = 0; k < v.rows.length; k++) {
        if (isMissing[k]) continue;
        const x = v.rows[k];
        if (x <= 0) bad.push({ where: `unit "${p.units[Math.floor(k / I)]}", indicator "${p.codes[order[k % I]]}"`, value: x });
        logRows[k] = Math.log(x);
      }
      if (bad.length > 0) {
        throw geometricError(
          bad,
          ` (the uncertainty analysis combines geometric aggregation with imputation "${imputation}" and normalisation ${key(normalisation)})`,
        );
      }
      v.logRows = logRows;
    }
    return v;
  };
  const variants: Variant[] = [];
  for (const imputation of assumptions.imputations)
    for (const normalisation of assumptions.normalisations) variants.push(variant(imputation, normalisation, geometricAlternative));
  const nominalGeometric = c.aggregation === 'geometric';
  const nominal = { variant: variant(c.imputation, c.normalisation, nominalGeometric), geometric: nominalGeometric };
  const nodeNames = [...p.codes, ...p.groupCodes].map((code) => `weight:${code}`);
  const nodes = p.tree.nodes;
  const leafCount = new Int32Array(nodes);
  for (let node = 0; node < nodes; node++) leafCount[node] = layout.leafEnd[node] - layout.leafStart[node];
  return {
    units: U,
    indicators: I,
    tree: p.tree,
    layout,
    assumptions,
    dims: 3 + nodeNames.length,
    names: ['imputation', 'normalisation', 'aggregation', ...nodeNames],
    scores: new Float64Array(U),
    ranks: new Float64Array(U),
    variants,
    nominal,
    scratch: {
      weights: new Float64Array(nodes),
      effective: new Float64Array(nodes),
      leafWeights: new Float64Array(I),
      leafEffective: new Float64Array(I),
      leafSum: new Float64Array(nodes),
      leafCount,
      denominator: new Float64Array(nodes),
      missingCount: new Int32Array(nodes),
      values: new Float64Array(nodes),
      sorted: new Float64Array(U),
      buckets: new Int32Array(U + 2),
    },
  };
}

const choose = (x: number, m: number) => Math.min(Math.floor(x * m), m - 1);

/** Scores and ranks every unit at one design point (into kernel.scores and kernel.ranks). */
export function evaluate(k: Kernel, x: ArrayLike<number>): void {
  const a = k.assumptions;
  const imp = choose(x[0], a.imputations.length);
  const norm = choose(x[1], a.normalisations.length);
  const geometric = a.aggregations[choose(x[2], a.aggregations.length)] === 'geometric';
  const v = k.variants[imp * a.normalisations.length + norm];
  const w = k.scratch.weights;
  const root = k.tree.root;
  for (let n = 0; n < root; n++) w[n] = v.weights[n] * (1 + a.noise[n] * (2 * x[3 + n] - 1));
  w[root] = 1;
  score(k, v, geometric, w);
}

/** Scores and ranks at the nominal assumptions (no noise, the configured methods). */
export function evaluateNominal(k: Kernel): void {
  score(k, k.nominal.variant, k.nominal.geometric, k.nominal.variant.weights);
}

function score(k: Kernel, v: Variant, geometric: boolean, w: Float64Array): void {
  const { tree, scores, indicators: I, layout, scratch } = k;
  const { childStart, children, bottomUp, root } = tree;
  const { order, leafParent, leafStart, leafEnd, groupStart, groupChildren } = layout;
  const { effective: eff, leafWeights: wl, leafEffective: effl, leafSum, leafCount, denominator: den, missingCount: count, values: vals } = scratch;
  // effective indicator weights for units with complete data: product of normalised weights along the path
  eff[root] = 1;
  for (let b = bottomUp.length - 1; b >= 0; b--) {
    const node = bottomUp[b];
    let s = 0;
    for (let c = childStart[node]; c < childStart[node + 1]; c++) s += w[children[c]];
    const scale = eff[node] / s;
    for (let c = childStart[node]; c < childStart[node + 1]; c++) eff[children[c]] = w[children[c]] * scale;
  }
  leafSum.fill(0);
  for (let pos = 0; pos < I; pos++) {
    const i = order[pos];
    wl[pos] = w[i];
    effl[pos] = eff[i];
    leafSum[leafParent[pos]] += w[i];
  }
  const data = geometric ? v.logRows! : v.rows;
  denseScores(effl, data, v.complete, I, scores);
  // Units with missing values: a missing value is left out and the other weights of its group are
  // renormalised. Fast path: the dense sum (missing values stored as 0) corrected, for each group
  // p with gaps, by eff[p]·num[p]·(1/(S[p] − missing weight) − 1/S[p]); the group stays present,
  // so nothing above it changes. Otherwise: aggregate up the tree.
  const incomplete = v.incomplete;
  const { missing, missingStart, fast } = v;
  for (let q = 0; q < incomplete.length; q++) {
    const u = incomplete[q];
    const base = u * I;
    let total = NaN;
    if (fast[q]) {
      let s = dot(effl, data, base, I);
      for (let m = missingStart[q]; m < missingStart[q + 1];) {
        const parent = leafParent[missing[m]];
        let gone = 0;
        while (m < missingStart[q + 1] && leafParent[missing[m]] === parent) gone += wl[missing[m++]];
        const all = leafSum[parent];
        if (!(all - gone > 0)) {
          s = NaN;
          break;
        }
        let num = 0;
        for (let pos = leafStart[parent]; pos < leafEnd[parent]; pos++) num += wl[pos] * data[base + pos];
        s += eff[parent] * num * (1 / (all - gone) - 1 / all);
      }
      total = s;
    }
    if (total !== total) {
      for (let b = 0; b < bottomUp.length; b++) {
        const node = bottomUp[b];
        den[node] = leafSum[node];
        count[node] = 0;
      }
      for (let m = missingStart[q]; m < missingStart[q + 1]; m++) {
        const pos = missing[m];
        den[leafParent[pos]] -= wl[pos];
        count[leafParent[pos]]++;
      }
      for (let b = 0; b < bottomUp.length; b++) {
        const node = bottomUp[b];
        let num = 0;
        for (let pos = leafStart[node]; pos < leafEnd[node]; pos++) num += wl[pos] * data[base + pos];
        let d = count[node] === leafCount[node] ? 0 : den[node];
        for (let c = groupStart[node]; c < groupStart[node + 1]; c++) {
          const child = groupChildren[c];
          const val = vals[child];
          if (val === val) {
            num += w[child] * val;
            d += w[child];
          }
        }
        vals[node] = d > 0 ? num / d : NaN;
      }
      total = vals[root];
    }
    scores[u] = total;
  }
  if (geometric) for (let u = 0; u < scores.length; u++) scores[u] = Math.exp(scores[u]);
  rankScores(scores, k.ranks, scratch.sorted, scratch.buckets);
}

/** Σ w[i]·data[base + i] for i < n. */
function dot(w: Float64Array, data: Float64Array, base: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += w[i] * data[base + i];
  return s;
}

/** One weighted sum per listed unit (row-major data, n values per unit). */
function denseScores(w: Float64Array, data: Float64Array, units: Int32Array, n: number, out: Float64Array): void {
  for (let q = 0; q < units.length; q++) {
    const u = units[q];
    out[u] = dot(w, data, u * n, n);
  }
}

/**
 * Descending competition ranks (1 = best, ties share the smallest rank, NaN unranked), as
 * `descendingRanks`, but the search for each score starts from a bucket index over the sorted
 * scores, so it is close to constant time per unit.
 */
export function rankScores(x: Float64Array, out: Float64Array, buf: Float64Array, bucketStart: Int32Array): void {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) buf[n++] = x[i];
  const sorted = buf.subarray(0, n).sort();
  const lo = sorted[0];
  const span = sorted[n - 1] - lo;
  const B = n;
  const scale = span > 0 ? B / span : 0;
  // bucketOf(s) is non-decreasing in s, so every value in an earlier bucket is below s and every value in a later one above it
  const bucketOf = (s: number) => Math.min(Math.floor((s - lo) * scale), B);
  let i = 0;
  for (let b = 0; b <= B; b++) {
    while (i < n && bucketOf(sorted[i]) < b) i++;
    bucketStart[b] = i;
  }
  bucketStart[B + 1] = n;
  for (let u = 0; u < x.length; u++) {
    const s = x[u];
    if (s !== s) {
      out[u] = NaN;
      continue;
    }
    const b = bucketOf(s);
    let a = bucketStart[b];
    let z = bucketStart[b + 1];
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (sorted[mid] <= s) a = mid + 1;
      else z = mid;
    }
    out[u] = n - a + 1;
  }
}
