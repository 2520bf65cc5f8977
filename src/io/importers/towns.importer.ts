import type { DataIssue } from '../../domain/errors.js';
import { isTownId } from '../../domain/registry.js';
import { CellReader, missingColumns, parseCsv, splitTopLevel } from '../csv.js';
import type { SourceInput, TownInput } from '../../app/bundle.js';
import { sourceFromCell } from './references.js';

/** The 2012 list: Government Resolution No. 683 of 25 May 2012. */
const PROGRAMME_2012 = {
  since: '2012-05-25',
  basisId: 'kz-gov-res-683-2012',
  basis: 'Government Resolution No. 683 of 25.05.2012 (Monotown Development Programme 2012–2020)',
};

/**
 * Towns CSV: `id,name_en,name_ru,name_kk,region,lat,lon` (the shared format), or the
 * reference file's richer shape with `region_current_en`, `region_2012_en`,
 * `founded_year`, `town_status_year`, `main_industry` and a `sources` column of
 * `field=reference` items. A `fictional` column (true/false) marks synthetic towns.
 */
export function importTownsCsv(file: string, bytes: Uint8Array | string): { towns: TownInput[]; sources: SourceInput[]; issues: DataIssue[] } {
  const { table, issues } = parseCsv(file, bytes);
  if (!table) return { towns: [], sources: [], issues };
  const regionCol = table.header.includes('region_current_en') ? 'region_current_en' : 'region';
  issues.push(...missingColumns(table, ['id', 'name_en', 'name_ru', 'name_kk', regionCol, 'lat', 'lon']));
  if (issues.length) return { towns: [], sources: [], issues };
  const r = new CellReader(file, issues);
  const sources = new Map<string, SourceInput>();
  const seen = new Set<string>();
  const towns = table.rows.map((row): TownInput => {
    const id = r.text(row, 'id') ?? '';
    if (id && !isTownId(id)) r.issue(row, 'id', `"${id}" is not a town id; use a lowercase latin slug such as "ridder"`);
    if (seen.has(id)) r.issue(row, 'id', `"${id}" appears twice`);
    seen.add(id);
    const lat = r.number(row, 'lat', false);
    const lon = r.number(row, 'lon', false);
    if (lat !== null && (lat < -90 || lat > 90)) r.issue(row, 'lat', `${lat} is outside −90…90`);
    if (lon !== null && (lon < -180 || lon > 180)) r.issue(row, 'lon', `${lon} is outside −180…180`);
    const fictionalCell = (row.cells.fictional ?? '').toLowerCase();
    if (!['', 'true', 'false'].includes(fictionalCell)) r.issue(row, 'fictional', `"${fictionalCell}" must be true or false`);
    const factSources: TownInput['factSources'] = [];
    const statuses: TownInput['statuses'] = [];
    for (const item of splitTopLevel(row.cells.sources ?? '', ';')) {
      const eq = item.indexOf('=');
      if (eq < 1) {
        r.issue(row, 'sources', `"${item}" is not a field=reference item`);
        continue;
      }
      const field = item.slice(0, eq).trim();
      const { source, note } = sourceFromCell(item.slice(eq + 1).trim());
      sources.set(source.id, source);
      if (field === 'monotown_programme_2012') {
        statuses.push({
          status: 'monotown',
          since: PROGRAMME_2012.since,
          basis: PROGRAMME_2012.basis,
          basisId: PROGRAMME_2012.basisId,
          sourceId: source.id,
          note,
        });
      }
      for (const f of field.split('/')) factSources.push({ field: f === 'lat' || f === 'lon' ? 'lat/lon' : f, sourceId: source.id, note });
    }
    const dedup = new Map(factSources.map((f) => [`${f.field}|${f.sourceId}`, f]));
    return {
      id,
      name: { en: r.text(row, 'name_en') ?? '', ru: r.text(row, 'name_ru') ?? '', kk: r.text(row, 'name_kk') ?? '' },
      regionName: r.text(row, regionCol, false),
      region2012Name: table.header.includes('region_2012_en') ? r.text(row, 'region_2012_en', false) : null,
      lat,
      lon,
      foundedYear: table.header.includes('founded_year') ? r.integer(row, 'founded_year', false) : null,
      townStatusYear: table.header.includes('town_status_year') ? r.integer(row, 'town_status_year', false) : null,
      mainIndustry: table.header.includes('main_industry') ? r.text(row, 'main_industry', false) : null,
      fictional: fictionalCell === 'true',
      factSources: [...dedup.values()],
      statuses,
    };
  });
  return { towns, sources: [...sources.values()], issues };
}
