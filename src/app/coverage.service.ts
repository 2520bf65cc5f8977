import type { Indicator } from '../domain/indicators.js';
import type { LocalisedName } from '../domain/registry.js';
import type { CoverageCell, Store } from './ports.js';

export interface Coverage {
  towns: { id: string; name: LocalisedName }[];
  indicators: Pick<Indicator, 'code' | 'name' | 'unit' | 'dimension' | 'kind'>[];
  cells: CoverageCell[];
  sources: Record<string, { title: string; url: string | null }>;
  totals: { observations: number; cells: number; possibleCells: number; sources: number };
}

/** What is known and what is missing: every town × indicator with data, and the sources behind it. */
export async function coverage(store: Store): Promise<Coverage> {
  const { repos } = store;
  const [towns, indicators, cells, sources] = await Promise.all([
    repos.towns.list(),
    repos.catalogue.indicators(),
    repos.observations.coverage(),
    repos.catalogue.sources(),
  ]);
  const used = new Set(cells.flatMap((c) => c.sources));
  return {
    towns: towns.map((t) => ({ id: t.id, name: t.name })),
    indicators: indicators.map(({ code, name, unit, dimension, kind }) => ({ code, name, unit, dimension, kind })),
    cells,
    sources: Object.fromEntries(sources.filter((s) => used.has(s.id)).map((s) => [s.id, { title: s.title, url: s.url }])),
    totals: {
      observations: cells.reduce((n, c) => n + c.values, 0),
      cells: cells.length,
      possibleCells: towns.length * indicators.length,
      sources: used.size,
    },
  };
}
