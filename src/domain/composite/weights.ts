/**
 * Step 4, weight: one relative weight per indicator (groups keep their configured weights;
 * weights are normalised within each group at aggregation). Schemes: explicit (from the
 * configuration), equal (every indicator and group 1), pca (the Handbook's factor-analysis
 * weights, see `pcaWeights`).
 */
import { DomainError } from '../errors.js';
import { pcaWeights, type PcaWeights } from './pca.js';
import { correlationMatrix } from './stats.js';

export const WEIGHT_SCHEMES = ['explicit', 'equal', 'pca'] as const;
export type WeightScheme = (typeof WEIGHT_SCHEMES)[number];

export interface WeightContext {
  /** Indicator weights from the configuration. */
  configured: ArrayLike<number>;
  /** Group weights from the configuration. */
  groups: ArrayLike<number>;
  /** The normalised (and imputed) indicator columns; NaN = missing. */
  columns: readonly ArrayLike<number>[];
}

export interface Weighting {
  indicators: Float64Array;
  groups: Float64Array;
  /** The PCA details when the scheme is pca. */
  pca: (PcaWeights & { units: number }) | null;
}

export type WeightFn = (ctx: WeightContext) => Weighting;

/** Units with complete data needed at least for PCA weights. */
export const PCA_MIN_UNITS = 3;

export const weightSchemes: Readonly<Record<WeightScheme, WeightFn>> = {
  explicit: (ctx) => ({ indicators: Float64Array.from(ctx.configured), groups: Float64Array.from(ctx.groups), pca: null }),
  equal: (ctx) => ({ indicators: new Float64Array(ctx.configured.length).fill(1), groups: new Float64Array(ctx.groups.length).fill(1), pca: null }),
  pca: (ctx) => {
    const p = ctx.columns.length;
    if (p < 2) {
      throw new DomainError('invalid_argument', 'PCA weights need at least two indicators; with one indicator use explicit or equal weights.', {
        indicators: p,
      });
    }
    const { matrix, units } = correlationMatrix(ctx.columns, 'complete');
    if (units < PCA_MIN_UNITS) {
      throw new DomainError(
        'invalid_data',
        `PCA weights need at least ${PCA_MIN_UNITS} units with a value for every indicator (PCA uses complete cases), but only ${units} have one. Impute the missing values, or use explicit or equal weights.`,
        { units },
      );
    }
    const pca = pcaWeights(matrix, p);
    return { indicators: pca.weights, groups: Float64Array.from(ctx.groups), pca: { ...pca, units } };
  },
};
