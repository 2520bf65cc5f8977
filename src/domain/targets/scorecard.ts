import { invalidArgument } from '../errors.js';
import { isIsoDate, type Parameters } from '../parameters.js';
import type { Program, Target } from '../programs.js';
import { TARGET_PARAMETERS, evaluateTarget } from './evaluate.js';
import type { Scorecard, TargetObservation } from './types.js';

/**
 * The towns a target is evaluated for among `towns`: the listed towns for a `towns` scope, every
 * town otherwise. National (`country`) and `unstated` targets get a row per town too, each
 * `not_computable` with the reason, so that no target disappears from a scorecard unexplained.
 */
export function townsInScope(target: Target, towns: readonly string[]): string[] {
  return target.scope.kind === 'towns' ? towns.filter((t) => target.scope.towns.includes(t)) : [...towns];
}

/**
 * A program's targets evaluated for the given towns on `asOf`: one row per target × town in scope,
 * in the program's target order and the given town order. A town without observations gets rows
 * that say so.
 */
export function scorecard(
  program: Program,
  observationsByTown: Readonly<Record<string, readonly TargetObservation[]>>,
  towns: readonly string[],
  params: Parameters,
  asOf: string,
): Scorecard {
  if (!isIsoDate(asOf)) throw invalidArgument('asOf', `"${asOf}" is not a date; a scorecard is drawn up on a date written YYYY-MM-DD.`);
  const rows = program.targets.flatMap((target) =>
    townsInScope(target, towns).map((town) => evaluateTarget(target, { town, observations: observationsByTown[town] ?? [] }, params, asOf, program.id)),
  );
  return { program: program.id, asOf, parameters: TARGET_PARAMETERS.map((p) => params.entry(p, asOf)), rows };
}
