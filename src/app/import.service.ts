import { invalidData, type DataIssue } from '../domain/errors.js';
import type { Bundle } from './bundle.js';
import type { RecordOutcome, Store } from './ports.js';
import { validateBundle, type KnownData } from './validate.js';

/** Synthetic values for fictional towns may come without a source; they are filed under this one. */
const FICTIONAL_SOURCE = { id: 'fictional-unsourced', kind: 'dataset' as const, title: 'Synthetic data for a fictional town (no source)', url: null };

export interface ImportSummary {
  sources: number;
  regions: number;
  towns: number;
  enterprises: number;
  indicators: number;
  observations: Record<RecordOutcome, number>;
}

/**
 * Imports a bundle all-or-nothing. Parse issues and reference problems (an unknown
 * town, indicator or region, a value about a real town without a source) are
 * collected together and reported at once; then nothing is written.
 */
export async function importBundle(store: Store, bundle: Bundle, parseIssues: DataIssue[], actor: string, what = 'The import'): Promise<ImportSummary> {
  const { repos } = store;
  const known: KnownData = {
    towns: await repos.towns.existingIds(),
    indicators: await repos.catalogue.indicatorCodes(),
    sources: await repos.catalogue.sourceIds(),
    regions: new Map(),
  };
  for (const r of await repos.towns.regions()) {
    if (!known.regions.has(r.layer)) known.regions.set(r.layer, new Set());
    known.regions.get(r.layer)!.add(r.name.en);
  }
  const issues = [...parseIssues, ...validateBundle(bundle, known)];
  if (issues.length) throw invalidData(issues, what);

  const unsourced = bundle.observations.some((o) => !o.sourceId);
  const sources = unsourced ? [...bundle.sources, FICTIONAL_SOURCE] : bundle.sources;
  return store.transaction(async (tx) => {
    await tx.writer.upsertRegistry({ ...bundle, sources });
    const counts: Record<RecordOutcome, number> = { inserted: 0, revised: 0, unchanged: 0 };
    for (const o of bundle.observations) {
      const fixed = o.sourceId ? o : { ...o, sourceId: FICTIONAL_SOURCE.id };
      const { outcome } = await tx.observations.record(fixed, actor);
      counts[outcome]++;
    }
    const summary: ImportSummary = {
      sources: bundle.sources.length,
      regions: bundle.regions.length,
      towns: bundle.towns.length,
      enterprises: bundle.enterprises.length,
      indicators: bundle.indicators.length,
      observations: counts,
    };
    await tx.audit.append({ actor, action: 'import', entity: 'bundle', details: { ...summary } });
    return summary;
  });
}
