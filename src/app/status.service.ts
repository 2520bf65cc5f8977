import {
  evaluate,
  selectVersion,
  evaluationDate,
  type EvaluationResult,
  type InputEnterpriseState,
  type InputObservation,
  type RuleSet,
  type TownInput,
} from '../domain/criteria/index.js';
import { DomainError, notFound } from '../domain/errors.js';
import type { Observation, SourceRef } from '../domain/observations.js';
import type { Parameters } from '../domain/parameters.js';
import type { Program } from '../domain/programs.js';
import type { IndexPreset } from './index.service.js';
import type { Enterprise } from '../domain/registry.js';
import type { Bundle } from './bundle.js';
import type { Store } from './ports.js';

/** The legal rules the services evaluate: loaded once at start from `rules/`. */
export interface Rules {
  rulesets: Readonly<Record<string, RuleSet>>;
  parameters: Parameters;
  /** The state programs as the seeds describe them (`rules/programs/`). */
  programs: readonly Program[];
  /** Documented index configurations (`catalogue/presets/`). */
  presets: readonly IndexPreset[];
}

/** A criterion result with its sources resolved to references a reader can follow. */
export type StatusCriterion = Omit<EvaluationResult['criteria'][number], 'sources'> & { sources: SourceRef[] };
export type StatusItem = Omit<EvaluationResult, 'criteria' | 'town'> & { town: string; criteria: StatusCriterion[] };

/** Town inputs for the evaluator plus a lookup from the source keys it reports back to full references. */
export interface TownInputs {
  towns: string[];
  inputs: Map<string, TownInput>;
  refs: Map<string, SourceRef>;
}

const keyOf = (s: SourceRef) => (s.passage ? `${s.id} | ${s.passage}` : s.id);

/** Builds evaluator inputs from observations and enterprises (as the repositories return them). */
export function inputsFromRecords(towns: string[], observations: readonly Observation[], enterprises: readonly Enterprise[]): TownInputs {
  const refs = new Map<string, SourceRef>();
  const obs = new Map<string, InputObservation[]>();
  for (const o of observations) {
    const key = keyOf(o.source);
    refs.set(key, o.source);
    const list = obs.get(o.town) ?? [];
    list.push({ indicator: o.indicator, period: o.period, value: o.value, valueText: o.valueText, source: key, status: o.status });
    obs.set(o.town, list);
  }
  const states = new Map<string, InputEnterpriseState[]>();
  for (const e of enterprises) {
    for (const s of e.states) {
      const source = s.source ?? e.sources[0] ?? null;
      const key = source ? keyOf(source) : `enterprise: ${e.name}`;
      if (source) refs.set(key, source);
      const list = states.get(e.townId) ?? [];
      list.push({ enterprise: e.name, state: s.state, since: s.since, until: s.until, source: key });
      states.set(e.townId, list);
    }
  }
  const inputs = new Map(towns.map((t) => [t, { town: t, observations: obs.get(t) ?? [], enterpriseStates: states.get(t) ?? [] }]));
  return { towns, inputs, refs };
}

/** Builds evaluator inputs straight from files (CLI `--data DIR`): any unit ids, no database. */
export function inputsFromBundle(bundle: Bundle): TownInputs {
  const titles = new Map(bundle.sources.map((s) => [s.id, s]));
  const ref = (id: string, passage: string): SourceRef => ({
    id,
    title: titles.get(id)?.title ?? id,
    url: titles.get(id)?.url ?? null,
    passage: passage || null,
  });
  const units = new Set<string>([...bundle.towns.map((t) => t.id), ...bundle.observations.map((o) => o.town), ...bundle.enterprises.map((e) => e.town)]);
  const observations: Observation[] = bundle.observations.map((o) => ({
    town: o.town,
    indicator: o.indicator,
    period: o.period,
    value: o.value,
    valueText: o.valueText,
    unit: o.unit ?? '',
    status: o.status,
    source: ref(o.sourceId || 'unsourced', o.passage),
    note: o.note,
    revision: 1,
  }));
  const enterprises: Enterprise[] = bundle.enterprises.map((e, i) => ({
    id: i + 1,
    townId: e.town,
    name: e.name,
    owner: e.owner,
    product: e.product,
    naceSection: e.naceSection,
    note: e.note,
    sources: e.sourceIds.map((s) => ref(s, '')),
    states: e.states.map((s) => ({
      state: s.state,
      since: s.since,
      until: null,
      employees: s.employees,
      source: s.sourceId ? ref(s.sourceId, '') : null,
      note: s.note,
    })),
  }));
  return inputsFromRecords([...units].sort(), observations, enterprises);
}

/** Rule sets with a version in force on 31 December of `year`. */
export function rulesetsInForce(rules: Rules, year: number): RuleSet[] {
  const date = evaluationDate(year);
  return Object.values(rules.rulesets).filter((r) => r.versions.some((v) => v.since <= date && (v.until === null || date < v.until)));
}

/** Evaluates every town under every rule set in force (or the one named) for a year. */
export function evaluateStatus(rules: Rules, data: TownInputs, year: number, rulesetId?: string): StatusItem[] {
  let rulesets: RuleSet[];
  if (rulesetId !== undefined) {
    const r = rules.rulesets[rulesetId];
    if (!r) throw notFound('rule set', rulesetId, `Known rule sets: ${Object.keys(rules.rulesets).sort().join(', ')}.`);
    selectVersion(r, evaluationDate(year)); // a clear error when not in force that year
    rulesets = [r];
  } else rulesets = rulesetsInForce(rules, year);
  const items: StatusItem[] = [];
  for (const r of rulesets.sort((a, b) => a.id.localeCompare(b.id))) {
    for (const town of data.towns) {
      const result = evaluate(r, year, data.inputs.get(town)!, rules.parameters);
      items.push({
        ...result,
        town,
        criteria: result.criteria.map((c) => ({ ...c, sources: c.sources.map((s) => data.refs.get(s) ?? { id: s, title: s, url: null, passage: null }) })),
      });
    }
  }
  return items;
}

export class StatusService {
  constructor(
    private readonly store: Store,
    private readonly rules: Rules,
  ) {}

  rulesets(): RuleSet[] {
    return Object.values(this.rules.rulesets).sort((a, b) => a.id.localeCompare(b.id));
  }

  async inputs(townIds?: string[]): Promise<TownInputs> {
    const { repos } = this.store;
    const towns = townIds ?? (await repos.towns.list()).map((t) => t.id);
    const [observations, enterprises] = await Promise.all([repos.observations.list({}), Promise.all(towns.map((t) => repos.towns.enterprises(t)))]);
    const wanted = new Set(towns);
    return inputsFromRecords(
      towns,
      observations.filter((o) => wanted.has(o.town)),
      enterprises.flat(),
    );
  }

  async status(year: number, rulesetId?: string): Promise<StatusItem[]> {
    checkYear(year);
    return evaluateStatus(this.rules, await this.inputs(), year, rulesetId);
  }

  async townStatus(townId: string, year: number): Promise<StatusItem[]> {
    checkYear(year);
    if (!(await this.store.repos.towns.get(townId))) throw notFound('town', townId, 'List the towns with GET /api/v1/towns.');
    return evaluateStatus(this.rules, await this.inputs([townId]), year);
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2100)
    throw new DomainError('invalid_argument', `Invalid "year": ${year} is not a year between 1900 and 2100.`, { field: 'year' });
}
