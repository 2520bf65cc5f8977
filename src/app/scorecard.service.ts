import { notFound } from '../domain/errors.js';
import type { Observation, SourceRef } from '../domain/observations.js';
import { scorecard, townsInScope, type TargetObservation } from '../domain/targets/index.js';
import type { Store } from './ports.js';
import type { Rules } from './status.service.js';

const keyOf = (s: SourceRef) => (s.passage ? `${s.id} | ${s.passage}` : s.id);

/** Observations per town in the shape the target engine reads, and the sources behind the keys it reports. */
export function targetInputs(observations: readonly Observation[]): { byTown: Record<string, TargetObservation[]>; refs: Map<string, SourceRef> } {
  const byTown: Record<string, TargetObservation[]> = {};
  const refs = new Map<string, SourceRef>();
  for (const o of observations) {
    const source = keyOf(o.source);
    refs.set(source, o.source);
    (byTown[o.town] ??= []).push({ indicator: o.indicator, period: o.period, value: o.value, valueText: o.valueText, source, status: o.status, note: o.note });
  }
  return { byTown, refs };
}

/** Targets against actuals: per program, or every target that applies to one town. `asOf` comes from the caller (the edge reads the clock). */
export class ScorecardService {
  constructor(
    private readonly store: Store,
    private readonly rules: Rules,
  ) {}

  private program(id: string) {
    const p = this.rules.programs.find((x) => x.id === id);
    if (!p) throw notFound('program', id, `Known programs: ${this.rules.programs.map((x) => x.id).join(', ')}.`);
    return p;
  }

  async forProgram(programId: string, asOf: string, town?: string) {
    const program = this.program(programId);
    const towns = (await this.store.repos.towns.list()).map((t) => t.id);
    if (town !== undefined && !towns.includes(town)) throw notFound('town', town, 'List the towns with GET /api/v1/towns.');
    const { byTown, refs } = targetInputs(await this.store.repos.observations.list({}));
    const card = scorecard(program, byTown, town ? [town] : towns, this.rules.parameters, asOf);
    return { ...card, programName: program.name, sources: Object.fromEntries(refs) };
  }

  async forTown(town: string, asOf: string) {
    if (!(await this.store.repos.towns.get(town))) throw notFound('town', town, 'List the towns with GET /api/v1/towns.');
    const { byTown, refs } = targetInputs(await this.store.repos.observations.list({ town }));
    const cards = this.rules.programs
      .filter((p) => p.targets.some((t) => townsInScope(t, [town]).length > 0))
      .map((p) => ({ ...scorecard(p, byTown, [town], this.rules.parameters, asOf), programName: p.name }));
    return { town, asOf, programs: cards, sources: Object.fromEntries(refs) };
  }
}
