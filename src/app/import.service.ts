import { invalidData, type DataIssue } from '../domain/errors.js';
import type { Bundle } from './bundle.js';
import type { RecordOutcome, Store } from './ports.js';

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
  const issues = [...parseIssues];
  const { repos } = store;
  const townIds = await repos.towns.existingIds();
  const fictional = new Set(bundle.towns.filter((t) => t.fictional).map((t) => t.id));
  for (const t of bundle.towns) townIds.add(t.id);
  const indicators = await repos.catalogue.indicatorCodes();
  for (const i of bundle.indicators) indicators.set(i.code, i.kind);
  const sourceIds = await repos.catalogue.sourceIds();
  for (const s of bundle.sources) sourceIds.add(s.id);
  const regionNames = new Map<number, Set<string>>();
  for (const r of [...(await repos.towns.regions()), ...bundle.regions]) {
    if (!regionNames.has(r.layer)) regionNames.set(r.layer, new Set());
    regionNames.get(r.layer)!.add(r.name.en);
  }
  for (const t of bundle.towns) {
    for (const [name, layer, col] of [
      [t.regionName, 2024, 'region'],
      [t.region2012Name, 2018, 'region_2012_en'],
    ] as const) {
      if (name && !regionNames.get(layer)?.has(name)) {
        issues.push({
          message: `town "${t.id}": region "${name}" (column ${col}) is not a known ${layer} region; known: ${[...(regionNames.get(layer) ?? [])].join(', ')}`,
        });
      }
    }
  }
  for (const e of bundle.enterprises) {
    if (!townIds.has(e.town))
      issues.push({ message: `enterprise "${e.name}": town "${e.town}" is unknown; import its towns file first or in the same folder` });
    for (const s of e.sourceIds) if (!sourceIds.has(s)) issues.push({ message: `enterprise "${e.name}": source "${s}" is unknown` });
  }
  for (const o of bundle.observations) {
    const at = { file: o.origin.file, row: o.origin.row };
    if (o.town && !townIds.has(o.town)) issues.push({ ...at, column: 'town', message: `"${o.town}" is not a known town id; list them with "monoqala towns"` });
    const kind = indicators.get(o.indicator);
    if (o.indicator && kind === undefined)
      issues.push({ ...at, column: 'indicator', message: `"${o.indicator}" is not in the indicator catalogue (catalogue/indicators/)` });
    if (kind === 'numeric' && o.value === null) issues.push({ ...at, column: 'value', message: `indicator "${o.indicator}" is numeric; give a number` });
    if (!o.sourceId && !fictional.has(o.town))
      issues.push({ ...at, column: 'source', message: 'is empty: a value about a real town is stored only with its source (a URL, or "document | passage")' });
  }
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
