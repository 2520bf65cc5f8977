/**
 * Synthetic control (Abadie & Gardeazabal 2003; Abadie, Diamond & Hainmueller 2010, 2011 — the
 * method of the R package Synth): the treated unit's path without the program is estimated as a
 * weighted average of donor units, the weights W non-negative and summing to one, chosen to
 * reproduce the treated unit before treatment. With predictors, W matches the (standardised)
 * predictor averages under predictor weights V, and V is chosen to minimise the pre-treatment
 * mean squared prediction error of the outcome; inference is by placebo runs on each donor.
 * See docs/methods/impact.md.
 */
import { invalidArgument } from '../errors.js';
import { leastSquares, nelderMead, notComputable, readPanel, simplexLeastSquares, simplexLeastSquaresGram } from './linalg.js';
import type { ImpactWarning, NotComputable, PanelRow, SimplexFit } from './linalg.js';

export interface SynthPredictor {
  /** Name used in `v` and in the balance table, e.g. "avg_monthly_wage_kzt". */
  name: string;
  panel: readonly PanelRow[];
  /** Pre-treatment periods to average over, where observed (Synth's `time.predictors.prior` or a special predictor's window); default every pre-treatment period. */
  periods?: readonly string[];
}

export interface SynthInput {
  /** The outcome panel; the periods used are those where the treated unit has a value. */
  outcome: readonly PanelRow[];
  treatedUnit: string;
  /** The first period the program acts in; earlier periods are the pre-treatment periods. */
  treatmentPeriod: string;
  /** The donor pool; default every other unit of the outcome panel. */
  donors?: readonly string[];
  /** Without predictors, W fits the pre-treatment outcome path directly. */
  predictors?: readonly SynthPredictor[];
}

/** Any seeded generator with `next()` uniform in [0, 1), e.g. the composite engine's `createRng(seed)`. */
export interface RandomSource {
  next(): number;
}

export interface SynthOptions {
  /** Pre-treatment periods whose outcome MSPE chooses V, or that W fits without predictors (Synth's `time.optimize.ssr`); default all. */
  optimisePeriods?: readonly string[];
  /** Run the placebo on each donor (default true). */
  placebos?: boolean;
  /** Fewer donors left than this is not computable (default 2). */
  minDonors?: number;
  /** Fewer pre-treatment periods than this is not computable (default 3). */
  minPrePeriods?: number;
  /** Extra starting points for V, drawn from `rng` (default 0: only the equal and the regression-based start, as Synth). */
  randomStarts?: number;
  rng?: RandomSource;
  /** Nelder–Mead evaluations per start (default 1000 + 200 per predictor). */
  maxEvaluations?: number;
  /** Relative Frank–Wolfe gap at which W counts as optimal (default 1e-12). */
  tolerance?: number;
  /** Fixed predictor weights instead of the search (Synth's `custom.v`): one non-negative number per predictor, normalised to sum 1. */
  customV?: Readonly<Record<string, number>>;
}

export interface SynthGapPoint {
  period: string;
  treated: number;
  synthetic: number;
  /** treated − synthetic: after treatment, the estimated effect. */
  gap: number;
}

export interface SynthPlacebo {
  unit: string;
  rmspePre: number | null;
  rmspePost: number | null;
  /** rmspePost / rmspePre; null when not finite (a perfect pre-treatment fit) or not computable. */
  ratio: number | null;
  /** The placebo's gap path (donor − its synthetic control) in every period, for the placebo spread. */
  gap?: { period: string; gap: number }[];
  note?: string;
}

export interface SynthBalance {
  predictor: string;
  treated: number;
  synthetic: number;
  /** Unweighted mean over the donors (Synth's `synth.tab` "Sample Mean"). */
  donorMean: number;
}

export interface VStart {
  start: 'equal' | 'regression' | 'corner' | 'random';
  loss: number;
  evaluations: number;
  iterations: number;
  converged: boolean;
}

export interface SynthEstimate {
  status: 'ok';
  treatedUnit: string;
  treatmentPeriod: string;
  /** Donor weights: non-negative, summing to one; every donor used is listed. */
  weights: Record<string, number>;
  /** Predictor weights (non-negative, summing to one); absent without predictors. */
  v?: Record<string, number>;
  /** Root mean squared gap over the pre-treatment periods: how well the synthetic unit reproduces the treated one. */
  rmspePre: number;
  /** The same over the post-treatment periods. */
  rmspePost: number;
  /** rmspePost / rmspePre; null when not finite (rmspePre = 0). */
  ratio: number | null;
  gap: SynthGapPoint[];
  placebos: SynthPlacebo[];
  /** Share of units (treated and placebos) whose ratio is at least the treated unit's: the permutation p-value; null when not computable. */
  pValue: number | null;
  pValueNote?: string;
  prePeriods: string[];
  postPeriods: string[];
  donorsUsed: string[];
  droppedDonors: { unit: string; reason: string }[];
  balance?: SynthBalance[];
  optimisation: {
    /** The W step of the final fit: solver, iterations and its optimality gap. */
    w: Pick<SimplexFit, 'solver' | 'iterations' | 'gap' | 'relativeGap' | 'converged'>;
    /** The nested V search: each start and its loss (the pre-treatment MSPE over optimisePeriods); the lowest wins, ties to the earlier start. */
    v?: { starts: VStart[]; chosen: number; loss: number; note?: string };
  };
  warnings: ImpactWarning[];
}

export type SynthResult = SynthEstimate | NotComputable;

interface Prepared {
  units: string[];
  periods: string[];
  pre: number[];
  post: number[];
  optimise: number[];
  /** outcome[u][t] over the periods used. */
  outcome: Float64Array[];
  predictorNames: string[];
  /** predictors[u][r]: raw predictor averages. */
  predictors: Float64Array[] | null;
}

interface Fit {
  weights: Float64Array;
  v: Float64Array | null;
  /** Predictors used (indices), after leaving out those that do not vary. */
  usedPredictors: number[];
  constantPredictors: number[];
  synthetic: Float64Array;
  rmspePre: number;
  rmspePost: number;
  w: SimplexFit;
  vSearch?: { starts: VStart[]; chosen: number; loss: number; note?: string };
}

const softmax = (theta: ArrayLike<number>): Float64Array => {
  // the last logit is fixed at 0
  const z = Float64Array.from({ length: theta.length + 1 }, (_, i) => (i < theta.length ? theta[i] : 0));
  let max = -Infinity;
  for (const x of z) max = Math.max(max, x);
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i] - max);
  return z.map((x) => x / sum);
};

const logits = (v: ArrayLike<number>): Float64Array => {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, v[i]);
  const floor = 1e-10 * max;
  const last = Math.max(v[v.length - 1], floor);
  return Float64Array.from({ length: v.length - 1 }, (_, i) => Math.log(Math.max(v[i], floor) / last));
};

function sampleSd(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - m) * (x[i] - m);
  return Math.sqrt(ss / (n - 1));
}

function rmspe(outcome: Float64Array, synthetic: Float64Array, periods: readonly number[]): number {
  if (periods.length === 0) return NaN;
  let s = 0;
  for (const t of periods) s += (outcome[t] - synthetic[t]) ** 2;
  return Math.sqrt(s / periods.length);
}

type FitOptions = Required<Omit<SynthOptions, 'rng' | 'customV'>> & { rng?: RandomSource; customV: Float64Array | null };

/** Fits W (and V) for one treated unit against a set of donors; a code and reason when not computable. */
function fit(data: Prepared, treated: number, donors: readonly number[], options: FitOptions): Fit | { reason: string; code: string } {
  const yT = data.outcome[treated];
  const yD = donors.map((d) => data.outcome[d]);
  const T = data.periods.length;
  const synthesise = (w: ArrayLike<number>) => {
    const s = new Float64Array(T);
    for (let j = 0; j < donors.length; j++) if (w[j] !== 0) for (let t = 0; t < T; t++) s[t] += w[j] * yD[j][t];
    return s;
  };
  const finish = (w: SimplexFit, v: Float64Array | null, used: number[], constant: number[], vSearch?: Fit['vSearch']): Fit => {
    const synthetic = synthesise(w.weights);
    return {
      weights: w.weights,
      v,
      usedPredictors: used,
      constantPredictors: constant,
      synthetic,
      rmspePre: rmspe(yT, synthetic, data.pre),
      rmspePost: rmspe(yT, synthetic, data.post),
      w,
      vSearch,
    };
  };
  if (!data.predictors) {
    const points = yD.map((y) => Float64Array.from(data.optimise, (t) => y[t] - yT[t]));
    return finish(simplexLeastSquares(points, options.tolerance), null, [], []);
  }

  // standardise each predictor by its sample standard deviation over the treated unit and the donors (as Synth)
  const all = [treated, ...donors];
  const k0 = data.predictorNames.length;
  const used: number[] = [];
  const constant: number[] = [];
  const sd = new Float64Array(k0);
  for (let r = 0; r < k0; r++) {
    sd[r] = sampleSd(all.map((u) => data.predictors![u][r]));
    if (sd[r] > 0) used.push(r);
    else constant.push(r);
  }
  if (used.length === 0) {
    return {
      code: 'predictors_constant',
      reason:
        'Not computable, because no predictor varies across the treated unit and the donors, so none can tell the donors apart. Add predictors that differ between towns, or fit the outcome path without predictors.',
    };
  }
  const k = used.length;
  const scaled = (u: number) => Float64Array.from(used, (r) => data.predictors![u][r] / sd[r]);
  const xT = scaled(treated);
  const diffs = donors.map((d) => {
    const x = scaled(d);
    return x.map((v, i) => v - xT[i]);
  });
  const zT = Float64Array.from(data.optimise, (t) => yT[t]);
  const zD = yD.map((y) => Float64Array.from(data.optimise, (t) => y[t]));
  const m = donors.length;
  const gram = new Float64Array(m * m);
  const solveW = (v: ArrayLike<number>) => {
    // G_jl = Σ_r v_r·d_rj·d_rl, the Gram matrix of the V-weighted predictor differences
    for (let j = 0; j < m; j++) {
      const dj = diffs[j];
      for (let l = j; l < m; l++) {
        const dl = diffs[l];
        let s = 0;
        for (let r = 0; r < k; r++) s += v[r] * dj[r] * dl[r];
        gram[j * m + l] = gram[l * m + j] = s;
      }
    }
    return simplexLeastSquaresGram(gram, m, options.tolerance);
  };
  const loss = (w: ArrayLike<number>) => {
    let s = 0;
    for (let t = 0; t < zT.length; t++) {
      let synth = 0;
      for (let j = 0; j < donors.length; j++) synth += w[j] * zD[j][t];
      s += (zT[t] - synth) ** 2;
    }
    return s / zT.length;
  };
  if (options.customV) {
    const raw = Float64Array.from(used, (r) => options.customV![r]);
    const total = raw.reduce((a, x) => a + x, 0);
    if (!(total > 0)) {
      return {
        code: 'custom_v_zero',
        reason: 'Not computable, because the custom predictor weights are zero on every predictor that varies. Give a positive weight to at least one of them.',
      };
    }
    const v = raw.map((x) => x / total);
    const w = solveW(v);
    return finish(w, v, used, constant, { starts: [], chosen: -1, loss: loss(w.weights), note: 'Custom V: no search.' });
  }
  if (k === 1) {
    const v = Float64Array.of(1);
    const w = solveW(v);
    return finish(w, v, used, constant, { starts: [], chosen: -1, loss: loss(w.weights), note: 'One predictor: V = 1, nothing to choose.' });
  }

  // the nested search for V: Nelder–Mead on softmax logits from several starts
  const starts: { start: VStart['start']; theta: Float64Array }[] = [{ start: 'equal', theta: new Float64Array(k - 1) }];
  // Synth's regression-based start: regress each optimisation-period outcome on the scaled predictors over all units; v ∝ Σ_t β_rt²
  const design = [Float64Array.from(all, () => 1), ...used.map((_, i) => Float64Array.from(all, (u) => scaled(u)[i]))];
  const vReg = new Float64Array(k);
  let regressionOk = all.length > k + 1;
  for (const t of data.optimise) {
    if (!regressionOk) break;
    const ls = leastSquares(
      design,
      all.map((u) => data.outcome[u][t]),
    );
    if (ls.rank < design.length) regressionOk = false;
    else for (let i = 0; i < k; i++) vReg[i] += ls.coefficients[i + 1] ** 2;
  }
  let note: string | undefined;
  if (regressionOk && vReg.some((x) => x > 0)) starts.push({ start: 'regression', theta: logits(vReg) });
  else
    note = `Synth's regression-based start was skipped: regressing the outcome on ${k} standardised predictors needs more than ${k + 1} units with a full-rank design, and ${all.length} are used.`;
  // corner screening: V nearly all on one predictor (the rest share 1e-6 each). The loss is often flat
  // around the equal start (W stays on one vertex for a whole region of V), so a search from there stops
  // at once; the best corner gives the search a start outside that plateau.
  let bestCorner: Float64Array | null = null;
  let bestCornerLoss = Infinity;
  for (let r = 0; r < k; r++) {
    const v = new Float64Array(k).fill(1e-6);
    v[r] = 1 - (k - 1) * 1e-6;
    const l = loss(solveW(v).weights);
    if (l < bestCornerLoss) {
      bestCornerLoss = l;
      bestCorner = v;
    }
  }
  if (bestCorner) starts.push({ start: 'corner', theta: logits(bestCorner) });
  for (let s = 0; s < options.randomStarts; s++) {
    const e = Float64Array.from({ length: k }, () => -Math.log(1 - options.rng!.next()));
    starts.push({ start: 'random', theta: logits(e) });
  }
  let scaleZ = 0;
  for (const z of zT) scaleZ += (z * z) / zT.length;
  const objective = (theta: Float64Array) => loss(solveW(softmax(theta)).weights);
  const results: VStart[] = [];
  let bestTheta = starts[0].theta;
  let best = Infinity;
  let chosen = 0;
  starts.forEach((s, i) => {
    const r = nelderMead(objective, s.theta, {
      maxEvaluations: options.maxEvaluations,
      fTolerance: 1e-10,
      xTolerance: 1e-4,
      fScale: 1e-14 * (scaleZ + 1e-300),
    });
    results.push({ start: s.start, loss: r.f, evaluations: r.evaluations, iterations: r.iterations, converged: r.converged });
    if (r.f < best) {
      best = r.f;
      bestTheta = r.x;
      chosen = i;
    }
  });
  const v = softmax(bestTheta);
  const w = solveW(v);
  return finish(w, v, used, constant, { starts: results, chosen, loss: loss(w.weights), ...(note ? { note } : {}) });
}

function ratioOf(post: number, pre: number): number {
  return post / pre;
}

/**
 * Estimates a program's effect on one treated unit by the synthetic control method. Invalid input
 * throws a DomainError; too few donors or pre-treatment periods return `status: 'not_computable'`.
 */
export function syntheticControl(input: SynthInput, options: SynthOptions = {}): SynthResult {
  const opts = {
    optimisePeriods: options.optimisePeriods ?? [],
    placebos: options.placebos ?? true,
    minDonors: options.minDonors ?? 2,
    minPrePeriods: options.minPrePeriods ?? 3,
    randomStarts: options.randomStarts ?? 0,
    maxEvaluations: options.maxEvaluations ?? 1000 + 200 * (input.predictors?.length ?? 0),
    tolerance: options.tolerance ?? 1e-12,
    rng: options.rng,
    customV: null as Float64Array | null,
  };
  if (!Number.isInteger(opts.minDonors) || opts.minDonors < 1) throw invalidArgument('minDonors', 'a whole number ≥ 1 is needed (default 2).');
  if (!Number.isInteger(opts.minPrePeriods) || opts.minPrePeriods < 1) throw invalidArgument('minPrePeriods', 'a whole number ≥ 1 is needed (default 3).');
  if (!Number.isInteger(opts.randomStarts) || opts.randomStarts < 0) throw invalidArgument('randomStarts', 'a whole number ≥ 0 is needed (default 0).');
  if (opts.randomStarts > 0 && !opts.rng) {
    throw invalidArgument(
      'rng',
      `randomStarts = ${opts.randomStarts} needs a seeded generator (e.g. createRng(1)); randomness is never drawn from an unseeded source.`,
    );
  }
  if (!(opts.tolerance > 0 && opts.tolerance < 1e-3)) throw invalidArgument('tolerance', 'a small positive number is needed (default 1e-12).');

  const panel = readPanel(input.outcome, 'outcome panel');
  const { treatedUnit, treatmentPeriod } = input;
  const treatedRow = panel.units.indexOf(treatedUnit);
  if (treatedRow < 0) throw invalidArgument('treatedUnit', `"${treatedUnit}" has no row in the outcome panel. Its units are: ${panel.units.join(', ')}.`);
  if (typeof treatmentPeriod !== 'string' || treatmentPeriod === '')
    throw invalidArgument('treatmentPeriod', 'give the first period the program acts in, e.g. "2015".');
  const donorIds = input.donors ? [...new Set(input.donors)].sort() : panel.units.filter((u) => u !== treatedUnit);
  const unknown = donorIds.filter((d) => !panel.units.includes(d));
  if (unknown.length > 0)
    throw invalidArgument(
      'donors',
      `${unknown.map((d) => `"${d}"`).join(', ')} ${unknown.length === 1 ? 'has' : 'have'} no row in the outcome panel; check the ids.`,
    );
  if (donorIds.includes(treatedUnit))
    throw invalidArgument('donors', `the treated unit "${treatedUnit}" cannot be its own donor; leave it out of the donor pool.`);

  const warnings: ImpactWarning[] = [];
  // the periods used: those where the treated unit has an outcome
  const tIdx = panel.periods.map((_, t) => t).filter((t) => !Number.isNaN(panel.values[treatedRow][t]));
  const skipped = panel.periods.filter((_, t) => Number.isNaN(panel.values[treatedRow][t]));
  if (skipped.length > 0) {
    warnings.push({
      code: 'treated_periods_missing',
      message: `The treated unit "${treatedUnit}" has no outcome in ${skipped.join(', ')}; ${skipped.length === 1 ? 'that period is' : 'those periods are'} left out for every unit.`,
      details: { periods: skipped },
    });
  }
  const periods = tIdx.map((t) => panel.periods[t]);
  const pre = periods.map((p, i) => (p < treatmentPeriod ? i : -1)).filter((i) => i >= 0);
  const post = periods.map((p, i) => (p >= treatmentPeriod ? i : -1)).filter((i) => i >= 0);
  const base = { treatedUnit, treatmentPeriod, prePeriods: pre.map((i) => periods[i]), postPeriods: post.map((i) => periods[i]) };
  if (pre.length < opts.minPrePeriods) {
    return notComputable(
      'too_few_pre_periods',
      `Not computable, because the treated unit has ${pre.length} pre-treatment period(s) with an outcome and at least ${opts.minPrePeriods} are needed to judge whether the synthetic unit reproduces it. Extend the panel back in time.`,
      base,
      warnings,
    );
  }
  if (post.length === 0) {
    return notComputable(
      'no_post_periods',
      `Not computable, because the treated unit has no outcome in or after the treatment period ${treatmentPeriod}, so there is no effect to estimate yet.`,
      base,
      warnings,
    );
  }
  let optimise = pre;
  if (opts.optimisePeriods.length > 0) {
    const bad = opts.optimisePeriods.filter((p) => !pre.some((i) => periods[i] === p));
    if (bad.length > 0)
      throw invalidArgument(
        'optimisePeriods',
        `${bad.join(', ')} ${bad.length === 1 ? 'is not a pre-treatment period' : 'are not pre-treatment periods'} with a treated outcome; use periods before ${treatmentPeriod}.`,
      );
    optimise = pre.filter((i) => opts.optimisePeriods.includes(periods[i]));
  }

  // donors need a complete outcome path over the periods used
  const dropped: { unit: string; reason: string }[] = [];
  let kept: string[] = [];
  for (const d of donorIds) {
    const u = panel.units.indexOf(d);
    const missing = tIdx.filter((t) => Number.isNaN(panel.values[u][t])).map((t) => panel.periods[t]);
    if (missing.length > 0) dropped.push({ unit: d, reason: `no outcome in ${missing.join(', ')}` });
    else kept.push(d);
  }

  // predictor averages over their pre-treatment periods, where observed
  const predictorNames = (input.predictors ?? []).map((p) => p.name);
  if (new Set(predictorNames).size !== predictorNames.length)
    throw invalidArgument('predictors', 'two predictors have the same name; give each a distinct name.');
  if (options.customV) {
    const cv = options.customV;
    const names = Object.keys(cv);
    const unknownNames = names.filter((n) => !predictorNames.includes(n));
    const missingNames = predictorNames.filter((n) => !Object.hasOwn(cv, n));
    if (predictorNames.length === 0)
      throw invalidArgument('customV', 'predictor weights need predictors; without predictors W fits the outcome path directly.');
    if (unknownNames.length > 0 || missingNames.length > 0) {
      throw invalidArgument(
        'customV',
        `give one weight per predictor (${predictorNames.join(', ')})${unknownNames.length > 0 ? `; unknown: ${unknownNames.join(', ')}` : ''}${missingNames.length > 0 ? `; missing: ${missingNames.join(', ')}` : ''}.`,
      );
    }
    const bad = predictorNames.filter((n) => !(Number.isFinite(cv[n]) && cv[n] >= 0));
    if (bad.length > 0) throw invalidArgument('customV', `${bad.join(', ')} need a finite, non-negative weight.`);
    opts.customV = Float64Array.from(predictorNames, (n) => cv[n]);
  }
  const unitsUsed = [treatedUnit, ...kept];
  const predictorValues = new Map<string, Float64Array>(unitsUsed.map((u) => [u, new Float64Array(predictorNames.length).fill(NaN)]));
  (input.predictors ?? []).forEach((p, r) => {
    if (typeof p.name !== 'string' || p.name === '') throw invalidArgument('predictors', 'every predictor needs a name.');
    const pp = readPanel(p.panel, `predictor "${p.name}" panel`);
    const window = p.periods ? [...p.periods] : pre.map((i) => periods[i]);
    const late = window.filter((q) => q >= treatmentPeriod);
    if (late.length > 0) {
      throw invalidArgument(
        `predictors.${p.name}.periods`,
        `${late.join(', ')} ${late.length === 1 ? 'is' : 'are'} not before the treatment period ${treatmentPeriod}; a predictor measured after treatment would carry the effect into the weights.`,
      );
    }
    const cols = window.map((q) => pp.periods.indexOf(q)).filter((t) => t >= 0);
    for (const u of unitsUsed) {
      const row = pp.units.indexOf(u);
      let s = 0;
      let n = 0;
      if (row >= 0) {
        for (const t of cols) {
          const x = pp.values[row][t];
          if (!Number.isNaN(x)) {
            s += x;
            n++;
          }
        }
      }
      predictorValues.get(u)![r] = n > 0 ? s / n : NaN;
    }
  });
  if (predictorNames.length > 0) {
    const missingForTreated = predictorNames.filter((_, r) => Number.isNaN(predictorValues.get(treatedUnit)![r]));
    if (missingForTreated.length > 0) {
      return notComputable(
        'treated_predictor_missing',
        `Not computable, because the treated unit "${treatedUnit}" has no value of ${missingForTreated.join(', ')} in the pre-treatment periods, so the donors cannot be matched on ${missingForTreated.length === 1 ? 'it' : 'them'}. Supply the values, or leave ${missingForTreated.length === 1 ? 'that predictor' : 'those predictors'} out.`,
        { ...base, predictors: missingForTreated },
        warnings,
      );
    }
    kept = kept.filter((d) => {
      const miss = predictorNames.filter((_, r) => Number.isNaN(predictorValues.get(d)![r]));
      if (miss.length > 0) dropped.push({ unit: d, reason: `no pre-treatment value of predictor ${miss.join(', ')}` });
      return miss.length === 0;
    });
  }
  dropped.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  if (dropped.length > 0) {
    warnings.push({
      code: 'donors_dropped',
      message: `${dropped.length} donor(s) left out for missing data: ${dropped.map((d) => `${d.unit} (${d.reason})`).join('; ')}. The synthetic control needs a complete outcome path and every predictor for each donor.`,
      details: { dropped },
    });
  }
  if (kept.length < opts.minDonors) {
    return notComputable(
      'too_few_donors',
      `Not computable, because ${kept.length} donor(s) with complete data remain and at least ${opts.minDonors} are needed${dropped.length > 0 ? ` (${dropped.length} were left out for missing data, see droppedDonors)` : ''}. Fill the gaps or widen the donor pool.`,
      { ...base, donorsUsed: kept, droppedDonors: dropped },
      warnings,
    );
  }

  const all = [treatedUnit, ...kept];
  const data: Prepared = {
    units: all,
    periods,
    pre,
    post,
    optimise,
    outcome: all.map((u) => Float64Array.from(tIdx, (t) => panel.values[panel.units.indexOf(u)][t])),
    predictorNames,
    predictors: predictorNames.length > 0 ? all.map((u) => predictorValues.get(u)!) : null,
  };
  const donorIdx = kept.map((_, i) => i + 1);
  const main = fit(data, 0, donorIdx, opts);
  if ('reason' in main) return notComputable(main.code, main.reason, { ...base, donorsUsed: kept, droppedDonors: dropped }, warnings);
  if (main.constantPredictors.length > 0) {
    warnings.push({
      code: 'predictor_constant',
      message: `${main.constantPredictors.map((r) => predictorNames[r]).join(', ')} take${main.constantPredictors.length === 1 ? 's' : ''} the same value for every unit and ${main.constantPredictors.length === 1 ? 'was' : 'were'} left out (a predictor that does not vary cannot be standardised or matched).`,
    });
  }
  if (!main.w.converged) {
    warnings.push({
      code: 'weights_not_converged',
      message: `The donor weights did not reach the optimality tolerance (relative gap ${main.w.relativeGap.toExponential(2)}); the fit may be slightly improvable.`,
    });
  }
  const search = main.vSearch;
  if (search && search.chosen >= 0 && !search.starts[search.chosen].converged) {
    warnings.push({
      code: 'v_search_not_converged',
      message: `The search for the predictor weights V stopped at its evaluation limit (${search.starts[search.chosen].evaluations}) before converging; raise maxEvaluations, or add random starts.`,
    });
  }
  const y0 = data.outcome[0];
  const outside = pre.filter((t) => {
    const donorValues = donorIdx.map((d) => data.outcome[d][t]);
    return y0[t] > Math.max(...donorValues) || y0[t] < Math.min(...donorValues);
  });
  if (outside.length > 0) {
    warnings.push({
      code: 'treated_outside_donor_range',
      message: `Before treatment the treated unit lies above every donor or below every donor in ${outside.map((t) => periods[t]).join(', ')}: no weighted average of donors can reproduce it there, so the pre-treatment fit is imperfect and the gap after treatment partly reflects that. Compare rmspePre with the size of the gaps.`,
      details: { periods: outside.map((t) => periods[t]) },
    });
  }

  // placebos: each donor in turn treated as if it were the treated unit, the other donors as its pool
  const placebos: SynthPlacebo[] = [];
  let pValue: number | null = null;
  let pValueNote: string | undefined;
  const ratio = ratioOf(main.rmspePost, main.rmspePre);
  if (opts.placebos) {
    if (kept.length - 1 < opts.minDonors) {
      pValueNote = `Not computable, because a placebo run on a donor would have only ${kept.length - 1} donor(s) and ${opts.minDonors} are needed.`;
    } else {
      const placeboRatios: number[] = [];
      donorIdx.forEach((d) => {
        const pool = donorIdx.filter((x) => x !== d);
        const f = fit(data, d, pool, opts);
        if ('reason' in f) {
          placebos.push({ unit: all[d], rmspePre: null, rmspePost: null, ratio: null, note: f.reason });
          return;
        }
        const r = ratioOf(f.rmspePost, f.rmspePre);
        const p: SynthPlacebo = {
          unit: all[d],
          rmspePre: f.rmspePre,
          rmspePost: f.rmspePost,
          ratio: Number.isFinite(r) ? r : null,
          gap: data.periods.map((period, t) => ({ period, gap: data.outcome[d][t] - f.synthetic[t] })),
        };
        if (!Number.isFinite(r))
          p.note = Number.isNaN(r)
            ? 'Ratio not computable, because both RMSPEs are 0.'
            : 'Ratio infinite, because the placebo fits exactly before treatment (rmspePre = 0); it ranks above every finite ratio.';
        if (!Number.isNaN(r)) placeboRatios.push(r);
        placebos.push(p);
      });
      if (Number.isNaN(ratio)) {
        pValueNote = 'Not computable, because the treated unit has rmspePre = rmspePost = 0, so its ratio is undefined.';
      } else {
        const atLeast = placeboRatios.filter((r) => r >= ratio).length;
        pValue = (1 + atLeast) / (1 + placeboRatios.length);
        const skippedRuns = placebos.length - placeboRatios.length;
        if (skippedRuns > 0) pValueNote = `${skippedRuns} placebo run(s) without a ratio are not counted.`;
        if (1 + placeboRatios.length < 20) {
          warnings.push({
            code: 'coarse_p_value',
            message: `With ${placeboRatios.length} placebo runs the permutation p-value cannot be smaller than 1/${1 + placeboRatios.length} = ${(1 / (1 + placeboRatios.length)).toFixed(3)}; it cannot reach 0.05 with fewer than 19 donors.`,
          });
        }
      }
    }
  } else {
    pValueNote = 'Not computed: placebo runs were switched off.';
  }

  const weights: Record<string, number> = {};
  kept.forEach((d, j) => (weights[d] = main.weights[j]));
  const result: SynthEstimate = {
    status: 'ok',
    treatedUnit,
    treatmentPeriod,
    weights,
    rmspePre: main.rmspePre,
    rmspePost: main.rmspePost,
    ratio: Number.isFinite(ratio) ? ratio : null,
    gap: periods.map((p, t) => ({ period: p, treated: y0[t], synthetic: main.synthetic[t], gap: y0[t] - main.synthetic[t] })),
    placebos,
    pValue,
    prePeriods: base.prePeriods,
    postPeriods: base.postPeriods,
    donorsUsed: kept,
    droppedDonors: dropped,
    optimisation: {
      w: { solver: main.w.solver, iterations: main.w.iterations, gap: main.w.gap, relativeGap: main.w.relativeGap, converged: main.w.converged },
    },
    warnings,
  };
  if (pValueNote) result.pValueNote = pValueNote;
  if (main.v && data.predictors) {
    const v: Record<string, number> = {};
    predictorNames.forEach((name, r) => {
      const i = main.usedPredictors.indexOf(r);
      v[name] = i >= 0 ? main.v![i] : 0;
    });
    result.v = v;
    result.balance = predictorNames.map((name, r) => {
      let synthetic = 0;
      let mean = 0;
      donorIdx.forEach((d, j) => {
        synthetic += main.weights[j] * data.predictors![d][r];
        mean += data.predictors![d][r] / donorIdx.length;
      });
      return { predictor: name, treated: data.predictors![0][r], synthetic, donorMean: mean };
    });
  }
  if (main.vSearch) result.optimisation.v = main.vSearch;
  return result;
}
