import type { Indicator } from '../domain/indicators.js';
import type { Observation } from '../domain/observations.js';
import type { Enterprise, Town } from '../domain/registry.js';
import type { Source, Store } from './ports.js';

export interface ExportData {
  towns: Town[];
  enterprises: Enterprise[];
  indicators: Indicator[];
  observations: Observation[];
  sources: Source[];
}

/** Everything a researcher needs to reproduce the dataset, current revisions only. */
export async function collectExport(store: Store): Promise<ExportData> {
  const { repos } = store;
  const towns = await repos.towns.list();
  const enterprises = (await Promise.all(towns.map((t) => repos.towns.enterprises(t.id)))).flat();
  const [indicators, observations, sources] = await Promise.all([repos.catalogue.indicators(), repos.observations.list({}), repos.catalogue.sources()]);
  return { towns, enterprises, indicators, observations, sources };
}
