/**
 * Step 3, normalise: bring indicators to a common scale (OECD/JRC Handbook 2008, §1.5;
 * COINr `n_minmax`, `n_zscore`, `n_rank`, `n_goalposts`, `n_dist2targ`). Every method works on
 * a plain vector where NaN marks a missing value (kept as NaN). Polarity is applied before:
 * an indicator with polarity −1 is multiplied by −1 (see `orient`), so higher is always better.
 */
import { DomainError } from '../errors.js';
import { ascendingRanks, mean, sampleSd } from './stats.js';

export const NORMALISATION_NAMES = ['minmax', 'zscore', 'rank', 'distance_to_target'] as const;
export type NormalisationName = (typeof NORMALISATION_NAMES)[number];

export interface NormaliseParams {
  /** minmax: the output range, default [0, 1]. */
  range?: readonly [number, number];
  /** minmax: fixed goalposts [low, high] (already oriented); values outside are capped. */
  goalposts?: readonly [number, number] | null;
  /** distance_to_target: the target (already oriented). */
  target?: number | null;
  /** distance_to_target: cap values beyond the target at 1 (COINr `cap_max`), default false. */
  cap?: boolean;
}

/** `what` names the vector in error messages, e.g. `indicator "patents"`. */
export type NormaliseFn = (values: ArrayLike<number>, params?: NormaliseParams, what?: string) => Float64Array;

function notComputable(method: NormalisationName, what: string, why: string, fix: string): DomainError {
  return new DomainError('invalid_data', `Cannot normalise ${what} by ${method}: ${why}. ${fix}`, { method, what });
}

function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** y = a + (x − min)/(max − min)·(b − a), or with goalposts y = a + clamp((x − lo)/(hi − lo), 0, 1)·(b − a). */
const minmax: NormaliseFn = (values, params = {}, what = 'the values') => {
  const [a, b] = params.range ?? [0, 1];
  const out = new Float64Array(values.length);
  const gp = params.goalposts ?? null;
  if (gp) {
    const [lo, hi] = gp;
    for (let i = 0; i < values.length; i++) {
      const t = (values[i] - lo) / (hi - lo);
      out[i] = a + (t < 0 ? 0 : t > 1 ? 1 : t) * (b - a);
    }
    return out;
  }
  const [lo, hi] = extent(values);
  if (lo === Infinity) return out.fill(NaN);
  if (hi === lo) {
    throw notComputable('minmax', what, `every unit has the same value (${lo}), so max − min is zero`, 'Give the indicator fixed goalposts, or leave it out.');
  }
  for (let i = 0; i < values.length; i++) out[i] = a + ((values[i] - lo) / (hi - lo)) * (b - a);
  return out;
};

/** y = (x − mean)/sd with the sample standard deviation (n − 1), as R's `sd` and COINr. */
const zscore: NormaliseFn = (values, _params, what = 'the values') => {
  const m = mean(values);
  const sd = sampleSd(values);
  if (!(sd > 0)) {
    throw notComputable(
      'zscore',
      what,
      sd === 0 ? 'every unit has the same value, so the standard deviation is zero' : 'fewer than two units have a value',
      'Leave the indicator out, or use rank normalisation.',
    );
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - m) / sd;
  return out;
};

/** Ascending ranks 1..n (highest value = n), ties sharing the smallest rank (COINr `n_rank`, ties.method "min"). */
const rank: NormaliseFn = (values) => ascendingRanks(values);

/** y = (x − min)/(target − min) (COINr `n_dist2targ`): 0 for the worst unit, 1 at the target. */
const distanceToTarget: NormaliseFn = (values, params = {}, what = 'the values') => {
  const target = params.target;
  if (target === undefined || target === null || !Number.isFinite(target)) {
    throw notComputable('distance_to_target', what, 'no target is set', 'Add "target" to the indicator in the configuration.');
  }
  const [lo] = extent(values);
  const out = new Float64Array(values.length);
  if (lo === Infinity) return out.fill(NaN);
  if (!(target > lo)) {
    throw notComputable(
      'distance_to_target',
      what,
      `the target (${target}, after polarity) is not beyond the worst unit's value (${lo}), so the distance is undefined`,
      'Check the target and the indicator polarity.',
    );
  }
  for (let i = 0; i < values.length; i++) {
    const y = (values[i] - lo) / (target - lo);
    out[i] = params.cap && y > 1 ? 1 : y;
  }
  return out;
};

export const normalisers: Readonly<Record<NormalisationName, NormaliseFn>> = {
  minmax,
  zscore,
  rank,
  distance_to_target: distanceToTarget,
};

/** Multiplies a vector by its polarity (−1 reverses it, so that higher is better). */
export function orient(values: ArrayLike<number>, polarity: 1 | -1): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = polarity * values[i];
  return out;
}

/** Goalposts [low, high] oriented by polarity: for −1 they become [−high, −low]. */
export function orientGoalposts(gp: readonly [number, number], polarity: 1 | -1): [number, number] {
  return polarity === 1 ? [gp[0], gp[1]] : [-gp[1], -gp[0]];
}
