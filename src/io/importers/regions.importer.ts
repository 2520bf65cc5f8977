import type { DataIssue } from '../../domain/errors.js';
import { CellReader, missingColumns, parseCsv } from '../csv.js';
import type { RegionInput } from '../../app/bundle.js';

interface Feature {
  properties: Record<string, unknown>;
  geometry: unknown;
}

/**
 * `regions.csv` (id,layer,pcode,boundary_name,name_en,name_ru,name_kk) joined with the
 * boundary GeoJSON of each layer by `boundary_name` = the feature's `ADM1_EN`.
 */
export function importRegions(
  file: string,
  bytes: Uint8Array | string,
  boundaries: Record<number, { file: string; text: string; sourceId: string }>,
): { regions: RegionInput[]; issues: DataIssue[] } {
  const { table, issues } = parseCsv(file, bytes);
  if (!table) return { regions: [], issues };
  issues.push(...missingColumns(table, ['id', 'layer', 'pcode', 'name_en', 'name_ru', 'name_kk']));
  if (issues.length) return { regions: [], issues };
  const features = new Map<number, Map<string, Feature>>();
  for (const [layer, b] of Object.entries(boundaries)) {
    try {
      const fc = JSON.parse(b.text) as { features?: Feature[] };
      if (!Array.isArray(fc.features)) throw new Error('no "features" array');
      features.set(Number(layer), new Map(fc.features.map((f) => [String(f.properties.ADM1_EN), f])));
    } catch (e) {
      issues.push({ file: b.file, message: `not a GeoJSON FeatureCollection: ${(e as Error).message}` });
    }
  }
  const r = new CellReader(file, issues);
  const regions = table.rows.map((row) => {
    const layer = r.integer(row, 'layer') ?? 0;
    const boundaryName = r.text(row, 'boundary_name', false);
    let boundary: unknown = null;
    if (boundaryName) {
      const f = features.get(layer)?.get(boundaryName);
      if (!f) r.issue(row, 'boundary_name', `no feature with ADM1_EN "${boundaryName}" in the ${layer} boundary file`);
      else boundary = f.geometry;
    }
    return {
      id: r.text(row, 'id') ?? '',
      layer,
      pcode: r.text(row, 'pcode') ?? '',
      name: { en: r.text(row, 'name_en') ?? '', ru: r.text(row, 'name_ru') ?? '', kk: r.text(row, 'name_kk') ?? '' },
      boundary,
      sourceId: boundary ? (boundaries[layer]?.sourceId ?? null) : null,
    };
  });
  return { regions, issues };
}
