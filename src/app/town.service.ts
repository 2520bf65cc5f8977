import { notFound } from '../domain/errors.js';
import { latestFigure, type LatestFigure, type Observation } from '../domain/observations.js';
import type { Enterprise, Town } from '../domain/registry.js';
import type { ObservationFilter, Store, TownStatus } from './ports.js';
import type { SourceRef } from '../domain/observations.js';

export interface TownSummary extends Town {
  population: LatestFigure | null;
  /** NACE sections of the town-forming enterprises, most frequent first. */
  industries: string[];
}

export interface TownProfile extends TownSummary {
  enterprises: Enterprise[];
  statusHistory: TownStatus[];
  populationSeries: Observation[];
  factSources: { field: string; source: SourceRef; note: string | null }[];
}

const NO_TOWN_HINT = 'List the towns with GET /api/v1/towns or "monoqala towns"; ids are lowercase latin slugs such as "ridder".';

export class TownService {
  constructor(private readonly store: Store) {}

  async list(): Promise<TownSummary[]> {
    const { repos } = this.store;
    const [towns, population, sections] = await Promise.all([
      repos.towns.list(),
      repos.observations.list({ indicator: 'population' }),
      repos.towns.naceSections(),
    ]);
    const byTown = groupBy(population, (o) => o.town);
    return towns.map((t) => ({ ...t, population: latestFigure(byTown.get(t.id) ?? []), industries: sections.get(t.id) ?? [] }));
  }

  async get(id: string): Promise<TownProfile> {
    const town = await this.requireTown(id);
    const { repos } = this.store;
    const [enterprises, statusHistory, populationSeries, factSources] = await Promise.all([
      repos.towns.enterprises(id),
      repos.towns.statusHistory(id),
      repos.observations.list({ town: id, indicator: 'population' }),
      repos.towns.factSources(id),
    ]);
    const counts = new Map<string, number>();
    for (const e of enterprises) if (e.naceSection) counts.set(e.naceSection, (counts.get(e.naceSection) ?? 0) + 1);
    const industries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
    return { ...town, population: latestFigure(populationSeries), industries, enterprises, statusHistory, populationSeries, factSources };
  }

  async observations(id: string, filter: Omit<ObservationFilter, 'town'>): Promise<Observation[]> {
    await this.requireTown(id);
    return this.store.repos.observations.list({ ...filter, town: id });
  }

  async history(id: string, indicator: string, period: string) {
    await this.requireTown(id);
    return this.store.repos.observations.history(id, indicator, period);
  }

  private async requireTown(id: string): Promise<Town> {
    const town = await this.store.repos.towns.get(id);
    if (!town) throw notFound('town', id, NO_TOWN_HINT);
    return town;
  }
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(x);
  }
  return m;
}
