/**
 * Step 2, impute: fill missing values within an indicator (OECD/JRC Handbook 2008, §1.4,
 * "unconditional mean/median substitution"), and report each filled cell. With "none" the
 * value stays missing and aggregation renormalises the remaining weights (as COINr does).
 */
import { DomainError } from '../errors.js';
import { mean, median } from './stats.js';

export const IMPUTATION_NAMES = ['none', 'mean', 'median'] as const;
export type ImputationName = (typeof IMPUTATION_NAMES)[number];

export interface Imputation {
  /** The vector with missing values filled (or left NaN with "none"). */
  values: Float64Array;
  /** Positions that were filled. */
  imputed: number[];
  /** The value used to fill, or null when nothing was filled. */
  fill: number | null;
}

export type ImputeFn = (values: ArrayLike<number>) => Imputation;

function substitute(name: ImputationName, centre: (x: ArrayLike<number>) => number): ImputeFn {
  return (values) => {
    const out = Float64Array.from(values as ArrayLike<number>);
    const imputed: number[] = [];
    for (let i = 0; i < out.length; i++) if (out[i] !== out[i]) imputed.push(i);
    if (imputed.length === 0) return { values: out, imputed, fill: null };
    const fill = centre(out);
    if (fill !== fill) {
      throw new DomainError(
        'invalid_data',
        `Cannot impute by ${name}: the indicator has no values at all, so there is nothing to take the ${name} of. Remove the indicator for this period.`,
        { imputation: name },
      );
    }
    for (const i of imputed) out[i] = fill;
    return { values: out, imputed, fill };
  };
}

export const imputers: Readonly<Record<ImputationName, ImputeFn>> = {
  none: (values) => ({ values: Float64Array.from(values as ArrayLike<number>), imputed: [], fill: null }),
  mean: substitute('mean', mean),
  median: substitute('median', median),
};
