/**
 * Monoqala's impact estimators: what a state program changed in the towns it supported, where
 * comparison data exist. Pure functions on plain panels, no I/O. See docs/methods/impact.md.
 */
export { differenceInDifferences } from './did.js';
export type { DidTreatment, DidOptions, DidEstimate, DidResult, EventStudyPoint, PreTrendTest } from './did.js';
export { syntheticControl } from './synth.js';
export type {
  SynthInput,
  SynthOptions,
  SynthPredictor,
  SynthEstimate,
  SynthResult,
  SynthGapPoint,
  SynthPlacebo,
  SynthBalance,
  VStart,
  RandomSource,
} from './synth.js';
export type { PanelRow, ImpactWarning, NotComputable, SimplexFit, LeastSquares, NelderMeadResult, NelderMeadOptions } from './linalg.js';
export {
  leastSquares,
  simplexLeastSquares,
  simplexLeastSquaresGram,
  projectedGradientSimplex,
  projectOntoSimplex,
  nelderMead,
  studentTQuantile,
  studentTCdf,
  fSurvival,
} from './linalg.js';
