/**
 * Monoqala's composite-indicator engine: pure functions, no I/O. See docs/methods/composite-index.md.
 */
export { compose, regen, runUncertainty, runSensitivity } from './run.js';
export type { CompositeRun, CompositeResult, UnitResult, UnitUncertainty, StepRecord, AuditSummary, SensitivitySummary, PcaOutcome } from './run.js';
export { toJson } from './json.js';
export type { CompositeJson, CompositeUnitJson } from './json.js';
export { parseConfig, applyOverrides, DEFAULT_NORMALISATION } from './config.js';
export type {
  CompositeConfig,
  IndicatorConfig,
  GroupConfig,
  NormalisationConfig,
  NormalisationAlternative,
  UncertaintyConfig,
  SensitivityConfig,
  RunOverrides,
  ConfigIssue,
} from './config.js';
export type { CompositeInput, IndicatorMeta } from './pipeline.js';
export { transforms, TRANSFORM_NAMES } from './transform.js';
export type { TransformName, TransformFn } from './transform.js';
export { imputers, IMPUTATION_NAMES } from './impute.js';
export type { ImputationName, ImputeFn, Imputation } from './impute.js';
export { normalisers, NORMALISATION_NAMES, orient } from './normalise.js';
export type { NormalisationName, NormaliseFn, NormaliseParams } from './normalise.js';
export { weightSchemes, WEIGHT_SCHEMES } from './weights.js';
export type { WeightScheme, WeightFn, Weighting } from './weights.js';
export { aggregators, AGGREGATION_NAMES } from './aggregate.js';
export type { AggregationName, AggregateFn } from './aggregate.js';
export { audit, cronbachAlpha, DEFAULT_AUDIT } from './audit.js';
export type { Audit, AuditOptions, CompositeWarning } from './audit.js';
export { jacobiEigen, varimax, varimaxCriterion, pcaWeights, PCA_RETAIN_SHARE } from './pca.js';
export type { Eigen, PcaWeights } from './pca.js';
export { sobolIndices } from './sensitivity.js';
export type { SobolIndices, SensitivityResult } from './sensitivity.js';
export type { UncertaintyResult } from './uncertainty.js';
export { createRng } from './random.js';
export type { Rng } from './random.js';
export { pick } from './registry.js';
export { ascendingRanks, descendingRanks, correlationMatrix, quantileSorted } from './stats.js';
