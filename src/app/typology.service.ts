import { dataDrivenTypology, type DataDrivenResult } from '../domain/typology/data-driven.js';
import { confusionTable, type ConfusionTable } from '../domain/typology/confusion.js';
import { computeTypologies, publishedClasses, TYPOLOGIES } from '../domain/typology/typologies.js';
import { TYPOLOGY_IDS, type TypologyId, type TypologyInput, type TypologyResult } from '../domain/typology/types.js';
import { vulnerabilityScore, type VulnerabilityResult } from '../domain/vulnerability.js';
import { invalidArgument, notFound } from '../domain/errors.js';
import { periodYear } from '../domain/periods.js';
import type { SourceRef } from '../domain/observations.js';
import type { Enterprise } from '../domain/registry.js';
import { inputsFromRecords, type Rules, type TownInputs } from './status.service.js';
import type { Store } from './ports.js';

/** A computed class with the classes the literature publishes for the town, each with its source. */
export interface TypologyItem extends Omit<TypologyResult, 'reasons'> {
  town: string;
  /** Each reason with its source resolved to a reference a reader can follow. */
  reasons: (TypologyResult['reasons'][number] & { sourceRef: SourceRef | null })[];
  published: { class: string; period: string; source: SourceRef }[];
}

const keyOf = (s: SourceRef) => (s.passage ? `${s.id} | ${s.passage}` : s.id);

/** Adds the town-forming enterprises (name, NACE section) to the legal-status inputs. */
export function typologyInputs(data: TownInputs, enterprises: readonly Enterprise[]): Map<string, TypologyInput> {
  const byTown = new Map<string, Enterprise[]>();
  for (const e of enterprises) byTown.set(e.townId, [...(byTown.get(e.townId) ?? []), e]);
  return new Map(
    data.towns.map((t) => [
      t,
      {
        ...data.inputs.get(t)!,
        enterprises: (byTown.get(t) ?? []).map((e) => {
          const key = e.sources[0] ? keyOf(e.sources[0]) : `enterprise: ${e.name}`;
          if (e.sources[0]) data.refs.set(key, e.sources[0]);
          return { name: e.name, naceSection: e.naceSection, source: key };
        }),
      },
    ]),
  );
}

/** Every typology for every town in a year, with the published classes beside the computed ones. */
export function classify(rules: Rules, data: TownInputs, enterprises: readonly Enterprise[], year: number): TypologyItem[] {
  const inputs = typologyInputs(data, enterprises);
  const items: TypologyItem[] = [];
  for (const town of data.towns) {
    const input = inputs.get(town)!;
    for (const r of computeTypologies(input, year, rules.parameters)) {
      const indicator = TYPOLOGIES[r.typology].publishedIndicator;
      const published = input.observations
        .filter((o) => o.indicator === indicator && o.valueText !== null)
        .map((o) => ({
          class: o.valueText!,
          period: o.period,
          source: data.refs.get(o.source) ?? { id: o.source, title: o.source, url: null, passage: null },
        }));
      const reasons = r.reasons.map((x) => ({ ...x, sourceRef: x.source ? (data.refs.get(x.source) ?? null) : null }));
      items.push({ ...r, reasons, town, published });
    }
  }
  return items;
}

/** Per typology: computed against published classes for the year (the published class dated that year or earlier, latest first). */
export function compareTypologies(
  items: readonly TypologyItem[],
  data: TownInputs,
  year: number,
): { typology: TypologyId; label: (typeof TYPOLOGIES)[TypologyId]['label']; table: ConfusionTable; conflicts: string[] }[] {
  const towns = data.towns.map((t) => ({ town: t, observations: data.inputs.get(t)!.observations }));
  return TYPOLOGY_IDS.map((id) => {
    const { classes, conflicts } = publishedClasses(towns, id, year);
    const computed = items.filter((i) => i.typology === id).map((i) => ({ town: i.town, class: i.class }));
    return { typology: id, label: TYPOLOGIES[id].label, table: confusionTable(computed, classes), conflicts };
  });
}

/** Ward clustering of the towns on chosen indicators (figures of that year; conflicting figures leave the cell empty). */
export function clusterTowns(data: TownInputs, year: number, indicators: string[], k: number): DataDrivenResult {
  if (indicators.length === 0)
    throw invalidArgument('indicators', 'choose at least one indicator to cluster on, e.g. indicators=population,avg_monthly_wage_kzt');
  const matrix = data.towns.map((t) =>
    indicators.map((code) => {
      const values = [
        ...new Set(
          data.inputs
            .get(t)!
            .observations.filter((o) => o.indicator === code && o.value !== null && (o.status ?? 'actual') === 'actual' && periodYear(o.period) === year)
            .map((o) => o.value as number),
        ),
      ];
      return values.length === 1 ? values[0] : null;
    }),
  );
  const published: Record<string, Record<string, string>> = {};
  for (const id of TYPOLOGY_IDS) {
    const towns = data.towns.map((t) => ({ town: t, observations: data.inputs.get(t)!.observations }));
    published[id] = publishedClasses(towns, id, year).classes;
  }
  return dataDrivenTypology({ units: data.towns, indicators, matrix, k, published });
}

/** The explained vulnerability score of one town; the production type comes from the typology. */
export function vulnerability(rules: Rules, data: TownInputs, enterprises: readonly Enterprise[], town: string, year: number): VulnerabilityResult {
  const input = typologyInputs(data, enterprises).get(town)!;
  const production = computeTypologies(input, year, rules.parameters).find((r) => r.typology === 'production_type');
  return vulnerabilityScore(
    { town, observations: input.observations, productionType: production ? { class: production.class, year } : null },
    year,
    rules.parameters,
  );
}

/** The latest year with an actual observation of the town (targets and forecasts do not count): the default year of a profile view. */
export function latestDataYear(data: TownInputs, town: string): number | null {
  const years = (data.inputs.get(town)?.observations ?? []).filter((o) => (o.status ?? 'actual') === 'actual').map((o) => periodYear(o.period));
  return years.length ? Math.max(...years) : null;
}

/** Loads what the typologies need from the database once per request. */
export class TypologyService {
  constructor(
    private readonly store: Store,
    private readonly rules: Rules,
  ) {}

  private async load(towns?: string[]) {
    const { repos } = this.store;
    const ids = towns ?? (await repos.towns.list()).map((t) => t.id);
    const [observations, enterprises] = await Promise.all([repos.observations.list({}), Promise.all(ids.map((t) => repos.towns.enterprises(t)))]);
    const wanted = new Set(ids);
    const flat = enterprises.flat();
    return {
      data: inputsFromRecords(
        ids,
        observations.filter((o) => wanted.has(o.town)),
        flat,
      ),
      enterprises: flat,
    };
  }

  async classify(year: number): Promise<TypologyItem[]> {
    const { data, enterprises } = await this.load();
    return classify(this.rules, data, enterprises, year);
  }

  async compare(year: number) {
    const { data, enterprises } = await this.load();
    return compareTypologies(classify(this.rules, data, enterprises, year), data, year);
  }

  async clusters(year: number, indicators: string[], k: number) {
    const { data } = await this.load();
    return clusterTowns(data, year, indicators, k);
  }

  async vulnerability(town: string, year?: number): Promise<VulnerabilityResult> {
    if (!(await this.store.repos.towns.get(town))) throw notFound('town', town, 'List the towns with GET /api/v1/towns.');
    const { data, enterprises } = await this.load([town]);
    const y = year ?? latestDataYear(data, town);
    if (y === null) throw invalidArgument('year', `the town "${town}" has no observations to take a default year from; give ?year=YYYY.`);
    return vulnerability(this.rules, data, enterprises, town, y);
  }
}
