/**
 * Statistical audit of the normalised indicators (OECD/JRC Handbook 2008, Step 4; COINr
 * `get_corr`, `get_cronbach`, `get_PCA`): correlation matrix, Cronbach's alpha on standardised
 * indicators (and alpha if each indicator is deleted), PCA eigenvalues and loadings, and warnings
 * for negatively correlated or redundant indicators.
 */
import { jacobiEigen } from './pca.js';
import { correlationMatrix } from './stats.js';

export interface CompositeWarning {
  /** Stable, machine-readable code, e.g. "negative_correlation". */
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface AuditOptions {
  /** Pairs correlated below this are flagged (default −0.4). */
  negativeCorrelation?: number;
  /** Pairs correlated above this are flagged as possibly redundant (default 0.9, COINr's `get_corr_flags`). */
  redundantCorrelation?: number;
}

export const DEFAULT_AUDIT: Required<AuditOptions> = { negativeCorrelation: -0.4, redundantCorrelation: 0.9 };

export interface Audit {
  /** Pearson correlations (p × p row-major) over pairwise-complete units; NaN = undefined. */
  correlations: Float64Array;
  /** Standardised alpha over complete cases; NaN = not computable. */
  cronbachAlpha: number;
  /** Alpha recomputed without each indicator. */
  alphaIfDeleted: Float64Array;
  /** Units with a value for every indicator (used by alpha and PCA). */
  completeUnits: number;
  /** PCA of the complete-case correlation matrix; null when not computable. */
  pca: { eigenvalues: Float64Array; explained: Float64Array; loadings: Float64Array[] } | null;
  warnings: CompositeWarning[];
}

/**
 * Standardised Cronbach's alpha from a correlation matrix: α = k·r̄ / (1 + (k − 1)·r̄), where r̄
 * is the mean correlation between distinct indicators (equal to the classical alpha computed on
 * z-scores). `skip` leaves one indicator out ("alpha if deleted"). NaN when k < 2.
 */
export function cronbachAlpha(correlation: ArrayLike<number>, p: number, skip = -1): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < p; i++) {
    if (i === skip) continue;
    for (let j = i + 1; j < p; j++) {
      if (j === skip) continue;
      sum += correlation[i * p + j];
      pairs++;
    }
  }
  const k = skip >= 0 && skip < p ? p - 1 : p;
  if (k < 2) return NaN;
  const rbar = sum / pairs;
  return (k * rbar) / (1 + (k - 1) * rbar);
}

export function audit(columns: readonly ArrayLike<number>[], codes: readonly string[], options: AuditOptions = {}): Audit {
  const { negativeCorrelation, redundantCorrelation } = { ...DEFAULT_AUDIT, ...options };
  const p = columns.length;
  const warnings: CompositeWarning[] = [];
  const { matrix: correlations } = correlationMatrix(columns, 'pairwise');
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const r = correlations[i * p + j];
      if (r < negativeCorrelation) {
        warnings.push({
          code: 'negative_correlation',
          message: `Indicators "${codes[i]}" and "${codes[j]}" are negatively correlated (r = ${r.toFixed(2)}) after polarity: they pull the index in opposite directions. Check both polarities, or whether both belong in the index.`,
          details: { indicators: [codes[i], codes[j]], r },
        });
      } else if (r > redundantCorrelation) {
        warnings.push({
          code: 'redundant_indicators',
          message: `Indicators "${codes[i]}" and "${codes[j]}" are very highly correlated (r = ${r.toFixed(2)}): they may measure the same thing and count it twice. Consider keeping one.`,
          details: { indicators: [codes[i], codes[j]], r },
        });
      }
    }
  }
  const complete = correlationMatrix(columns, 'complete');
  const usable = complete.units >= 3 && complete.matrix.every((x) => Number.isFinite(x));
  let cronbach = NaN;
  const alphaIfDeleted = new Float64Array(p).fill(NaN);
  let pca: Audit['pca'] = null;
  if (!usable) {
    warnings.push({
      code: 'audit_not_computable',
      message:
        complete.units < 3
          ? `Cronbach's alpha and PCA were not computed: only ${complete.units} unit(s) have a value for every indicator (at least 3 are needed).`
          : `Cronbach's alpha and PCA were not computed: at least one indicator does not vary over the units with complete data, so its correlations are undefined.`,
      details: { completeUnits: complete.units },
    });
  } else {
    cronbach = cronbachAlpha(complete.matrix, p);
    if (p > 2) for (let i = 0; i < p; i++) alphaIfDeleted[i] = cronbachAlpha(complete.matrix, p, i);
    const eig = jacobiEigen(complete.matrix, p);
    pca = {
      eigenvalues: eig.values,
      explained: eig.values.map((v) => v / p),
      loadings: eig.vectors.map((vec, k) => vec.map((x) => x * Math.sqrt(Math.max(eig.values[k], 0)))),
    };
  }
  return { correlations, cronbachAlpha: cronbach, alphaIfDeleted, completeUnits: complete.units, pca, warnings };
}
