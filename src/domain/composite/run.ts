/**
 * The composite-index pipeline as one immutable run object (the COINr "coin" idea): it keeps the
 * input, the validated configuration, a log of each step's specification and outcome, and the
 * result. `regen(run, overrides)` replays it with any step's setting changed.
 *
 * Steps: transform → impute → normalise → weight → aggregate, then the statistical audit and, when
 * the configuration asks for them, the uncertainty and sensitivity analyses.
 */
import { DomainError } from '../errors.js';
import { aggregateTree, geometricError, unitWeights, type AggregationName } from './aggregate.js';
import { audit, type CompositeWarning } from './audit.js';
import {
  applyOverrides,
  parseConfig,
  type CompositeConfig,
  type NormalisationConfig,
  type RunOverrides,
  type SensitivityConfig,
  type UncertaintyConfig,
} from './config.js';
import type { ImputationName } from './impute.js';
import { imputeStage, normaliseStage, prepare, rowMajor, weightStage, type CompositeInput, type Prepared } from './pipeline.js';
import { sensitivityOf, type SensitivityResult } from './sensitivity.js';
import { descendingRanks } from './stats.js';
import type { TransformName } from './transform.js';
import { uncertaintyOf, type UncertaintyResult } from './uncertainty.js';
import type { WeightScheme } from './weights.js';

type Dict<T> = Readonly<Record<string, T>>;

export type StepRecord =
  | { readonly step: 'transform'; readonly spec: { readonly indicators: Dict<TransformName> } }
  | {
      readonly step: 'impute';
      readonly spec: { readonly method: ImputationName };
      readonly outcome: { readonly imputed: number; readonly incompleteUnits: number };
    }
  | {
      readonly step: 'normalise';
      readonly spec: {
        readonly method: NormalisationConfig;
        readonly polarity: Dict<1 | -1>;
        readonly goalposts: Dict<readonly [number, number]>;
        readonly targets: Dict<number>;
      };
      /** Values capped at the goalposts, per indicator. */
      readonly outcome: { readonly capped: Dict<number> };
    }
  | {
      readonly step: 'weight';
      readonly spec: { readonly method: WeightScheme; readonly indicators: Dict<number>; readonly groups: Dict<number> };
      /** The weights used, and each indicator's effective weight in the index for a unit with complete data. */
      readonly outcome: { readonly indicators: Dict<number>; readonly groups: Dict<number>; readonly effective: Dict<number>; readonly pca: PcaOutcome | null };
    }
  | {
      readonly step: 'aggregate';
      /** hierarchy: members of each group, and of "" (the index itself). */
      readonly spec: { readonly method: AggregationName; readonly hierarchy: Dict<readonly string[]> };
      readonly outcome: { readonly scored: number; readonly unscored: number };
    };

export interface PcaOutcome {
  readonly units: number;
  readonly eigenvalues: readonly number[];
  readonly retained: number;
  /** Factor each indicator was assigned to (0-based) and its rotated loadings. */
  readonly factor: Dict<number>;
  readonly rotatedLoadings: Dict<readonly number[]>;
  readonly share: readonly number[];
}

export interface UnitUncertainty {
  readonly medianRank: number | null;
  readonly p5: number | null;
  readonly p95: number | null;
}

export interface UnitResult {
  readonly unit: string;
  readonly score: number | null;
  /** 1 = best; ties share the smallest rank; null when not scored. */
  readonly rank: number | null;
  /** Why the unit could not be scored; null when it was. */
  readonly reason: string | null;
  readonly groups: Dict<number | null>;
  readonly groupRanks: Dict<number | null>;
  readonly normalised: Dict<number | null>;
  /** Arithmetic: effective weight × value (sums to the score). Geometric: effective weight × ln value (sums to ln score). */
  readonly contributions: Dict<number | null>;
  /** Aggregated over incomplete data (missing values left out, weights renormalised). */
  readonly incomplete: boolean;
  readonly imputed: readonly string[];
  readonly uncertainty: UnitUncertainty | null;
}

export interface AuditSummary {
  readonly correlations: Dict<Dict<number | null>>;
  readonly cronbachAlpha: { readonly alpha: number | null; readonly ifDeleted: Dict<number | null>; readonly units: number };
  readonly pca: { readonly eigenvalues: readonly number[]; readonly explained: readonly number[]; readonly loadings: Dict<readonly number[]> } | null;
}

export interface SensitivitySummary {
  readonly output: 'rank' | 'score';
  readonly unit: string | null;
  readonly samples: number;
  readonly seed: number;
  readonly evaluations: number;
  readonly variance: number | null;
  readonly firstOrder: Dict<number | null>;
  readonly total: Dict<number | null>;
}

export interface CompositeResult {
  readonly period: string;
  readonly units: readonly UnitResult[];
  /** Effective weight of each indicator in the index for a unit with complete data. */
  readonly weights: Dict<number>;
  readonly imputed: readonly { readonly unit: string; readonly indicator: string; readonly value: number }[];
  readonly incompleteUnits: readonly string[];
  readonly contributionsSumTo: 'score' | 'log_score';
  readonly audit: AuditSummary;
  readonly uncertainty: { readonly runs: number; readonly seed: number } | null;
  readonly sensitivity: SensitivitySummary | null;
  readonly warnings: readonly CompositeWarning[];
}

export interface CompositeRun {
  /** The input data (kept by reference and never modified). */
  readonly input: CompositeInput;
  readonly config: CompositeConfig;
  readonly steps: readonly StepRecord[];
  readonly result: CompositeResult;
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const dict = <T>(keys: readonly string[], value: (i: number) => T): Record<string, T> => {
  const out: Record<string, T> = {};
  keys.forEach((k, i) => (out[k] = value(i)));
  return out;
};

/** Runs the pipeline on plain input with a configuration (raw JSON or parsed). */
export function compose(input: CompositeInput, config: unknown): CompositeRun {
  const cfg = parseConfig(config);
  const p = prepare(input, cfg);
  const { codes, groupCodes, tree, units } = p;
  const U = units.length;
  const I = codes.length;
  const warnings: CompositeWarning[] = [];

  const imputation = imputeStage(p, cfg.imputation);
  const normalisation = normaliseStage(p, imputation.columns, cfg.normalisation);
  const normalised = normalisation.columns;
  const weighting = weightStage(p, normalised, cfg.weights);
  const w = weighting.nodes;
  const rows = rowMajor(normalised, U);

  if (cfg.aggregation === 'geometric') {
    const bad: { where: string; value: number }[] = [];
    for (let k = 0; k < rows.length; k++)
      if (rows[k] <= 0) bad.push({ where: `unit "${units[Math.floor(k / I)]}", indicator "${codes[k % I]}"`, value: rows[k] });
    if (bad.length > 0) throw geometricError(bad, ` (after ${cfg.normalisation.method} normalisation)`);
  }
  const values = aggregateTree(tree, rows, U, w, cfg.aggregation);
  const nodes = tree.nodes;
  const nodeRanks = new Float64Array(U * nodes);
  const column = new Float64Array(U);
  const ranked = new Float64Array(U);
  for (const node of tree.bottomUp) {
    for (let u = 0; u < U; u++) column[u] = values[u * nodes + node];
    descendingRanks(column, ranked);
    for (let u = 0; u < U; u++) nodeRanks[u * nodes + node] = ranked[u];
  }

  const uncertainty: UncertaintyResult | null = cfg.uncertainty ? uncertaintyOf(p, cfg.uncertainty) : null;
  const sensitivity: SensitivityResult | null = cfg.sensitivity && cfg.uncertainty ? sensitivityOf(p, cfg.uncertainty, cfg.sensitivity) : null;

  const imputedBy: string[][] = Array.from({ length: U }, () => []);
  for (const cell of imputation.imputed) imputedBy[cell.unit].push(codes[cell.indicator]);
  const geometric = cfg.aggregation === 'geometric';
  const eff = new Float64Array(nodes);
  const incompleteUnits: string[] = [];
  const unscored: string[] = [];
  const unitResults: UnitResult[] = units.map((unit, u) => {
    const row = values.subarray(u * nodes, (u + 1) * nodes);
    unitWeights(tree, row, w, eff);
    let present = 0;
    for (let i = 0; i < I; i++) if (row[i] === row[i]) present++;
    const incomplete = present < I;
    if (incomplete) incompleteUnits.push(unit);
    const score = num(row[tree.root]);
    let reason: string | null = null;
    if (score === null) {
      unscored.push(unit);
      reason =
        present === 0
          ? `no indicator has a value for this unit in period "${cfg.period}"`
          : `every indicator with a value for this unit has zero weight, so there is nothing to average`;
    }
    return {
      unit,
      score,
      rank: num(nodeRanks[u * nodes + tree.root]),
      reason,
      groups: dict(groupCodes, (g) => num(row[I + g])),
      groupRanks: dict(groupCodes, (g) => num(nodeRanks[u * nodes + I + g])),
      normalised: dict(codes, (i) => num(row[i])),
      contributions: dict(codes, (i) => (row[i] === row[i] && score !== null ? eff[i] * (geometric ? Math.log(row[i]) : row[i]) : null)),
      incomplete,
      imputed: imputedBy[u],
      uncertainty: uncertainty ? { medianRank: num(uncertainty.medianRank[u]), p5: num(uncertainty.p5[u]), p95: num(uncertainty.p95[u]) } : null,
    };
  });

  // effective weights for a unit with complete data
  const complete = new Float64Array(nodes);
  unitWeights(tree, complete, w, eff);
  const effective = dict(codes, (i) => eff[i]);

  if (imputation.imputed.length > 0) {
    warnings.push({
      code: 'imputed',
      message: `${imputation.imputed.length} missing value(s) were imputed by the ${cfg.imputation} of their indicator; the imputed cells are listed in the result.`,
      details: { count: imputation.imputed.length },
    });
  }
  if (incompleteUnits.length > 0) {
    warnings.push({
      code: 'incomplete_data',
      message: `${incompleteUnits.length} unit(s) were aggregated over incomplete data: each missing value was left out and the other weights in its group were renormalised (as COINr does). Their scores rest on fewer indicators: ${incompleteUnits.slice(0, 10).join(', ')}${incompleteUnits.length > 10 ? ', …' : ''}.`,
      details: { units: incompleteUnits },
    });
  }
  if (unscored.length > 0) {
    warnings.push({
      code: 'not_scored',
      message: `${unscored.length} unit(s) could not be scored and have no rank: ${unscored.slice(0, 10).join(', ')}${unscored.length > 10 ? ', …' : ''}. See each unit's reason.`,
      details: { units: unscored },
    });
  }
  if (cfg.normalisation.method !== 'minmax' && cfg.indicators.some((x) => x.goalposts)) {
    warnings.push({
      code: 'goalposts_unused',
      message: `Goalposts are used only by minmax normalisation; with ${cfg.normalisation.method} they have no effect.`,
    });
  }
  normalisation.capped.forEach((n, i) => {
    if (n > 0) {
      warnings.push({
        code: 'outside_goalposts',
        message: `${n} value(s) of indicator "${codes[i]}" lie outside its goalposts and were capped at them.`,
        details: { indicator: codes[i], count: n },
      });
    }
  });
  if (cfg.weights === 'pca' && groupCodes.length > 0) {
    warnings.push({
      code: 'pca_with_groups',
      message: 'PCA weights were computed over all indicators and are renormalised within each group; the group weights come from the configuration.',
    });
  }

  const a = audit(normalised, codes);
  warnings.push(...a.warnings);
  const sensitivitySummary: SensitivitySummary | null = sensitivity
    ? {
        output: sensitivity.output,
        unit: sensitivity.unit,
        samples: sensitivity.samples,
        seed: sensitivity.seed,
        evaluations: sensitivity.evaluations,
        variance: num(sensitivity.variance),
        firstOrder: dict(sensitivity.factors, (i) => num(sensitivity.firstOrder[i])),
        total: dict(sensitivity.factors, (i) => num(sensitivity.total[i])),
      }
    : null;
  if (sensitivity && !(sensitivity.variance > 0)) {
    warnings.push({
      code: 'sensitivity_not_computable',
      message:
        'The sensitivity indices are not computable: the output did not vary across the samples (variance 0), so there is no variance to apportion. Widen the uncertainty ranges.',
    });
  }

  const hierarchy: Record<string, string[]> = {};
  const nodeName = (n: number) => (n < I ? codes[n] : n === tree.root ? '' : groupCodes[n - I]);
  for (const node of [tree.root, ...Array.from({ length: groupCodes.length }, (_, g) => I + g)]) {
    hierarchy[nodeName(node)] = Array.from(tree.children.subarray(tree.childStart[node], tree.childStart[node + 1]), nodeName);
  }
  const pca = weighting.pca;
  const steps: StepRecord[] = [
    { step: 'transform', spec: { indicators: dict(codes, (i) => cfg.indicators[i].transform) } },
    { step: 'impute', spec: { method: cfg.imputation }, outcome: { imputed: imputation.imputed.length, incompleteUnits: incompleteUnits.length } },
    {
      step: 'normalise',
      spec: {
        method: cfg.normalisation,
        polarity: dict(codes, (i) => p.polarity[i]),
        goalposts: Object.fromEntries(cfg.indicators.filter((x) => x.goalposts).map((x) => [x.code, x.goalposts!])),
        targets: Object.fromEntries(cfg.indicators.filter((x) => x.target !== null).map((x) => [x.code, x.target!])),
      },
      outcome: { capped: dict(codes, (i) => normalisation.capped[i]) },
    },
    {
      step: 'weight',
      spec: { method: cfg.weights, indicators: dict(codes, (i) => cfg.indicators[i].weight), groups: dict(groupCodes, (g) => cfg.groups[g].weight) },
      outcome: {
        indicators: dict(codes, (i) => w[i]),
        groups: dict(groupCodes, (g) => w[I + g]),
        effective,
        pca: pca
          ? {
              units: pca.units,
              eigenvalues: Array.from(pca.eigenvalues),
              retained: pca.retained,
              factor: dict(codes, (i) => pca.factor[i]),
              rotatedLoadings: dict(codes, (i) => pca.rotated.map((col) => col[i])),
              share: Array.from(pca.share),
            }
          : null,
      },
    },
    { step: 'aggregate', spec: { method: cfg.aggregation, hierarchy }, outcome: { scored: U - unscored.length, unscored: unscored.length } },
  ];

  const result: CompositeResult = {
    period: cfg.period,
    units: unitResults,
    weights: effective,
    imputed: imputation.imputed.map((c) => ({ unit: units[c.unit], indicator: codes[c.indicator], value: c.value })),
    incompleteUnits,
    contributionsSumTo: geometric ? 'log_score' : 'score',
    audit: {
      correlations: dict(codes, (i) => dict(codes, (j) => num(a.correlations[i * I + j]))),
      cronbachAlpha: { alpha: num(a.cronbachAlpha), ifDeleted: dict(codes, (i) => num(a.alphaIfDeleted[i])), units: a.completeUnits },
      pca: a.pca
        ? {
            eigenvalues: Array.from(a.pca.eigenvalues),
            explained: Array.from(a.pca.explained),
            loadings: dict(codes, (i) => a.pca!.loadings.map((col) => col[i])),
          }
        : null,
    },
    uncertainty: uncertainty ? { runs: uncertainty.runs, seed: uncertainty.seed } : null,
    sensitivity: sensitivitySummary,
    warnings,
  };
  return deepFreeze({ input, config: cfg, steps, result }, input);
}

/** Replays a run with some settings changed (any step; see `RunOverrides`). The original run is untouched. */
export function regen(run: CompositeRun, overrides: RunOverrides): CompositeRun {
  return compose(run.input, applyOverrides(run.config, overrides));
}

/** Re-prepares a run's data (transform step) for the Monte Carlo analyses. */
function prepared(run: CompositeRun): Prepared {
  return prepare(run.input, run.config);
}

/** The uncertainty analysis of a run, with the run's own "uncertainty" section unless another is given. */
export function runUncertainty(run: CompositeRun, spec: UncertaintyConfig | null = run.config.uncertainty): UncertaintyResult {
  if (!spec) throw missingSection('uncertainty');
  return uncertaintyOf(prepared(run), parseConfig({ ...run.config, uncertainty: spec, sensitivity: null }).uncertainty!);
}

/** The sensitivity analysis of a run, with the run's own sections unless others are given. */
export function runSensitivity(
  run: CompositeRun,
  uncertainty: UncertaintyConfig | null = run.config.uncertainty,
  sensitivity: SensitivityConfig | null = run.config.sensitivity,
): SensitivityResult {
  if (!uncertainty) throw missingSection('uncertainty');
  if (!sensitivity) throw missingSection('sensitivity');
  const cfg = parseConfig({ ...run.config, uncertainty, sensitivity });
  return sensitivityOf(prepared(run), cfg.uncertainty!, cfg.sensitivity!);
}

function missingSection(name: string): DomainError {
  return new DomainError('invalid_argument', `No "${name}" settings: add an "${name}" section to the configuration or pass one.`, { field: name });
}

function deepFreeze<T>(value: T, skip: unknown): T {
  if (value === null || typeof value !== 'object' || value === skip || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const v of Object.values(value as object)) deepFreeze(v, skip);
  return Object.freeze(value);
}
