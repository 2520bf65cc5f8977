import type { DataIssue } from '../domain/errors.js';
import type { Bundle } from './bundle.js';

/** What is already known (in the database) besides the bundle itself. */
export interface KnownData {
  towns: Set<string>;
  indicators: Map<string, { kind: 'numeric' | 'categorical'; unit: string }>;
  sources: Set<string>;
  regions: Map<number, Set<string>>;
}

export function emptyKnown(): KnownData {
  return { towns: new Set(), indicators: new Map(), sources: new Set(), regions: new Map() };
}

/** What a bundle makes known, to check another file against it. */
export function knownFrom(b: Bundle): KnownData {
  const k = emptyKnown();
  for (const t of b.towns) k.towns.add(t.id);
  for (const i of b.indicators) k.indicators.set(i.code, { kind: i.kind, unit: i.unit });
  for (const s of b.sources) k.sources.add(s.id);
  for (const r of b.regions) {
    if (!k.regions.has(r.layer)) k.regions.set(r.layer, new Set());
    k.regions.get(r.layer)!.add(r.name.en);
  }
  return k;
}

/**
 * Checks a bundle against itself and what is known: unknown towns, indicators,
 * regions and sources; values of the wrong kind; observations of real towns without a
 * source; a unit that differs from the catalogue's (a unit changing within a series);
 * and duplicates. Returns every problem at once, each naming its file, row and column.
 */
export function validateBundle(bundle: Bundle, known: KnownData): DataIssue[] {
  const issues: DataIssue[] = [];
  const towns = new Set([...known.towns, ...bundle.towns.map((t) => t.id)]);
  const fictional = new Set(bundle.towns.filter((t) => t.fictional).map((t) => t.id));
  const indicators = new Map(known.indicators);
  for (const i of bundle.indicators) indicators.set(i.code, { kind: i.kind, unit: i.unit });
  const sources = new Set([...known.sources, ...bundle.sources.map((s) => s.id)]);
  const regions = new Map<number, Set<string>>();
  for (const [layer, names] of known.regions) regions.set(layer, new Set(names));
  for (const r of bundle.regions) {
    if (!regions.has(r.layer)) regions.set(r.layer, new Set());
    regions.get(r.layer)!.add(r.name.en);
  }

  const seenIndicators = new Map<string, number>();
  for (const i of bundle.indicators) seenIndicators.set(i.code, (seenIndicators.get(i.code) ?? 0) + 1);
  for (const [code, n] of seenIndicators) if (n > 1) issues.push({ message: `indicator "${code}" is defined ${n} times; keep one definition` });

  for (const t of bundle.towns) {
    for (const [name, layer, col] of [
      [t.regionName, 2024, 'region'],
      [t.region2012Name, 2018, 'region_2012_en'],
    ] as const) {
      if (name && !regions.get(layer)?.has(name)) {
        issues.push({
          message: `town "${t.id}": region "${name}" (column ${col}) is not a known ${layer} region; known: ${[...(regions.get(layer) ?? [])].join(', ')}`,
        });
      }
    }
  }
  for (const e of bundle.enterprises) {
    if (!towns.has(e.town)) issues.push({ message: `enterprise "${e.name}": town "${e.town}" is unknown; import its towns file first or in the same folder` });
    for (const s of e.sourceIds) if (!sources.has(s)) issues.push({ message: `enterprise "${e.name}": source "${s}" is unknown` });
  }

  const byKey = new Map<string, { file: string; row: number; value: number | null; valueText: string | null }>();
  for (const o of bundle.observations) {
    const at = { file: o.origin.file, row: o.origin.row };
    if (o.town && !towns.has(o.town)) issues.push({ ...at, column: 'town', message: `"${o.town}" is not a known town id; list them with "monoqala towns"` });
    const ind = indicators.get(o.indicator);
    if (o.indicator && ind === undefined) {
      issues.push({ ...at, column: 'indicator', message: `"${o.indicator}" is not in the indicator catalogue (catalogue/indicators/)` });
    }
    if (ind?.kind === 'numeric' && o.value === null) issues.push({ ...at, column: 'value', message: `indicator "${o.indicator}" is numeric; give a number` });
    if (ind?.kind === 'categorical' && o.valueText === null) {
      issues.push({ ...at, column: 'value_text', message: `indicator "${o.indicator}" is categorical; give its class in value_text` });
    }
    if (ind && o.unit !== null && o.unit !== ind.unit) {
      issues.push({
        ...at,
        column: 'unit',
        message: `unit "${o.unit}" differs from the catalogue unit "${ind.unit}" of "${o.indicator}"; a series keeps one unit: convert the value and keep the original wording in the note`,
      });
    }
    if (!o.sourceId && !fictional.has(o.town)) {
      issues.push({ ...at, column: 'source', message: 'is empty: a value about a real town is stored only with its source (a URL, or "document | passage")' });
    }
    const key = [o.town, o.indicator, o.period, o.status, o.sourceId, o.passage].join('\u0000');
    const prev = byKey.get(key);
    if (prev) {
      const same = prev.value === o.value && prev.valueText === o.valueText;
      issues.push({
        ...at,
        message: same
          ? `exact duplicate of ${prev.file} row ${prev.row} (same town, indicator, period, status, source and passage); remove one`
          : `two values for the same town, indicator, period, status, source and passage (also ${prev.file} row ${prev.row}); make the passage or the period tell them apart`,
      });
    } else byKey.set(key, { ...at, value: o.value, valueText: o.valueText });
  }
  return issues;
}
