import { DomainError, invalidArgument } from '../errors.js';
import { adjustedRandIndex, cutTree, standardise, ward, type Dendrogram } from './clustering.js';
import { UNKNOWN } from './types.js';

/**
 * A data-driven typology: Ward clustering of the towns on standardised
 * indicators, cut into k clusters, compared with each published typology by
 * the adjusted Rand index. Rows with a missing value are left out and listed
 * (no imputation here: impute first if that is wanted, and say so).
 */

export interface DataDrivenInput {
  units: readonly string[];
  indicators: readonly string[];
  /** unit × indicator; null = missing. */
  matrix: readonly (readonly (number | null)[])[];
  k: number;
  /** typology → unit → class; `unknown` or an absent unit is not compared. */
  published?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface AriComparison {
  /** Null when fewer than two units are in both. */
  ari: number | null;
  /** How many units are in both the clustering and the published typology. */
  n: number;
  units: string[];
}

export interface DataDrivenResult {
  /** The units clustered (complete rows), in input order; indices of the dendrogram refer to this list. */
  units: string[];
  indicators: string[];
  /** Rows left out, with the indicators they lack. */
  excluded: { unit: string; missing: string[] }[];
  /** Mean and sample standard deviation of each indicator over the complete rows. */
  means: number[];
  sds: number[];
  /** The standardised complete rows (mean 0, sd 1; a constant column is 0). */
  standardised: number[][];
  dendrogram: Dendrogram;
  k: number;
  /** unit → cluster 1…k. */
  labels: Record<string, number>;
  /** typology → the adjusted Rand index over the units present in both. */
  comparisons: Record<string, AriComparison>;
  warnings: string[];
}

export function dataDrivenTypology(input: DataDrivenInput): DataDrivenResult {
  const { units, indicators, matrix, k } = input;
  if (matrix.length !== units.length) throw invalidArgument('matrix', `it has ${matrix.length} rows for ${units.length} units; give one row per unit.`);
  if (new Set(units).size !== units.length) throw invalidArgument('units', 'a unit is listed twice; give each unit once.');
  if (indicators.length === 0) throw invalidArgument('indicators', 'no indicators; give at least one column to cluster on.');
  matrix.forEach((row, i) => {
    if (row.length !== indicators.length)
      throw invalidArgument(
        'matrix',
        `the row of "${units[i]}" has ${row.length} values for ${indicators.length} indicators; give one value (or null) per indicator.`,
      );
  });
  const excluded: { unit: string; missing: string[] }[] = [];
  const keep: number[] = [];
  matrix.forEach((row, i) => {
    const missing = indicators.filter((_, j) => row[j] === null || !Number.isFinite(row[j] as number));
    if (missing.length) excluded.push({ unit: units[i], missing });
    else keep.push(i);
  });
  const used = keep.map((i) => units[i]);
  if (!Number.isInteger(k) || k < 1 || k > used.length)
    throw new DomainError(
      'invalid_argument',
      `Cannot cut ${used.length} complete row${used.length === 1 ? '' : 's'} into ${k} clusters (${excluded.length} of ${units.length} units lack a value); choose k between 1 and ${used.length}, or fill the missing values.`,
      { field: 'k', k, complete: used.length, excluded },
    );
  const rows = keep.map((i) => matrix[i] as number[]);
  const n = rows.length;
  const means = indicators.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const sds = indicators.map((_, j) => (n > 1 ? Math.sqrt(rows.reduce((s, r) => s + (r[j] - means[j]) ** 2, 0) / (n - 1)) : 0));
  const warnings = indicators
    .filter((_, j) => sds[j] === 0)
    .map((ind) => `${ind} is the same for every clustered unit; it is 0 after standardising and separates nothing`);
  const standardised = standardise(rows);
  const dendrogram = ward(standardised);
  const cut = cutTree(dendrogram, k);
  const labels: Record<string, number> = {};
  used.forEach((u, i) => (labels[u] = cut[i]));
  const comparisons: Record<string, AriComparison> = {};
  for (const [name, classes] of Object.entries(input.published ?? {})) {
    const both = used.filter((u) => Object.hasOwn(classes, u) && classes[u] !== UNKNOWN);
    comparisons[name] = {
      ari:
        both.length >= 2
          ? adjustedRandIndex(
              both.map((u) => labels[u]),
              both.map((u) => classes[u]),
            )
          : null,
      n: both.length,
      units: both,
    };
  }
  return { units: used, indicators: [...indicators], excluded, means, sds, standardised, dendrogram, k, labels, comparisons, warnings };
}
