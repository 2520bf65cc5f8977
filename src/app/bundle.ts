import type { LocalisedName } from '../domain/registry.js';
import type { ObservationStatus } from '../domain/observations.js';

/** Everything an import can carry; each importer fills the parts its format holds. */
export interface SourceInput {
  id: string;
  kind: 'url' | 'document' | 'dataset';
  title: string;
  url: string | null;
  file?: string | null;
  authors?: string | null;
  year?: number | null;
  language?: string | null;
  licence?: string | null;
  /**
   * True for a full bibliographic record (from a sources file); false or absent for a record made
   * up from a source cell (a URL or a document name), which never overwrites a declared one.
   */
  declared?: boolean;
}

export interface RegionInput {
  id: string;
  layer: number;
  pcode: string;
  name: LocalisedName;
  boundary: unknown | null;
  sourceId: string | null;
}

export interface TownInput {
  id: string;
  name: LocalisedName;
  /** Region given by English name, resolved against the regions of the layer. */
  regionName: string | null;
  region2012Name: string | null;
  lat: number | null;
  lon: number | null;
  foundedYear: number | null;
  townStatusYear: number | null;
  mainIndustry: string | null;
  fictional: boolean;
  factSources: { field: string; sourceId: string; note: string | null }[];
  statuses: {
    status: 'monotown' | 'not_monotown' | 'withdrawn';
    since: string | null;
    basis: string | null;
    basisId: string | null;
    sourceId: string | null;
    note: string | null;
  }[];
}

export interface EnterpriseInput {
  town: string;
  name: string;
  owner: string | null;
  product: string | null;
  naceSection: string | null;
  note: string | null;
  sourceIds: string[];
  states: { state: 'full' | 'partial' | 'stopped'; since: string | null; employees: number | null; sourceId: string | null; note: string | null }[];
}

export interface IndicatorInput {
  code: string;
  name: LocalisedName;
  unit: string;
  dimension: string;
  polarity: 1 | -1;
  kind: 'numeric' | 'categorical';
  definition: string | null;
  source: string | null;
}

export interface ObservationInput {
  town: string;
  indicator: string;
  period: string;
  value: number | null;
  valueText: string | null;
  status: ObservationStatus;
  sourceId: string;
  passage: string;
  note: string | null;
  /** The unit the file states, checked against the catalogue; null when the file has no unit column. */
  unit: string | null;
  /** Where the row came from, so later checks can name it. */
  origin: { file: string; row: number };
}

export interface Bundle {
  sources: SourceInput[];
  regions: RegionInput[];
  towns: TownInput[];
  enterprises: EnterpriseInput[];
  indicators: IndicatorInput[];
  observations: ObservationInput[];
}

export function emptyBundle(): Bundle {
  return { sources: [], regions: [], towns: [], enterprises: [], indicators: [], observations: [] };
}

export function mergeBundles(...bs: Bundle[]): Bundle {
  const out = emptyBundle();
  for (const b of bs) {
    for (const k of Object.keys(out) as (keyof Bundle)[]) (out[k] as unknown[]).push(...(b[k] as unknown[]));
  }
  // One record per source id; a declared record (from a sources file) wins over one made up from a cell.
  const byId = new Map<string, SourceInput>();
  for (const s of out.sources) {
    const prev = byId.get(s.id);
    if (!prev || (s.declared && !prev.declared)) byId.set(s.id, s);
  }
  out.sources = [...byId.values()];
  return out;
}
