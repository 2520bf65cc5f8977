/** The legal-status rules engine: rule sets as data, criteria from a registry, three-valued results. */
export * from './types.js';
export { allOf, anyOf, verdictOf } from './kleene.js';
export {
  CRITERION_TYPES,
  CRITERION_TYPE_NAMES,
  LEAF_FIELDS,
  criterionType,
  type CriterionType,
  type EvalContext,
  type FieldKind,
  type LeafField,
} from './criterion-types.js';
export { judge, readStates, selectExactYear, selectForYear, type Judgement, type Selection } from './inputs.js';
export { DATA_MAX_AGE_PARAMETER, evaluate, evaluationDate, isLeaf, leaves, selectVersion } from './evaluate.js';
export { runScenario } from './scenarios.js';
