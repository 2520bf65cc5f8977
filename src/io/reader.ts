import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { DataIssue } from '../domain/errors.js';
import { emptyBundle, mergeBundles, type Bundle } from '../app/bundle.js';
import { parseCsv } from './csv.js';
import { importEnterprisesCsv } from './importers/enterprises.importer.js';
import { importIndicatorsCsv, importIndicatorYaml } from './importers/indicators.importer.js';
import { importObservationsCsv, importPopulationCsv } from './importers/observations.importer.js';
import { importRegions } from './importers/regions.importer.js';
import { importSourcesCsv } from './importers/sources.importer.js';
import { importTownsCsv } from './importers/towns.importer.js';

/** The formats `import` understands, recognised by their header. */
const FORMATS: { name: string; columns: string[] }[] = [
  { name: 'observations', columns: ['town', 'indicator', 'period', 'value'] },
  { name: 'population', columns: ['id', 'year', 'population', 'source'] },
  { name: 'indicators', columns: ['code', 'name_en', 'name_ru', 'name_kk', 'unit', 'dimension', 'polarity'] },
  { name: 'enterprises', columns: ['town', 'name', 'sources'] },
  { name: 'regions', columns: ['id', 'layer', 'pcode', 'name_en', 'name_ru', 'name_kk'] },
  { name: 'sources', columns: ['id', 'kind', 'title'] },
  { name: 'towns', columns: ['id', 'name_en', 'name_ru', 'name_kk', 'lat', 'lon'] },
];

export function detectFormat(header: string[]): string | null {
  return FORMATS.find((f) => f.columns.every((c) => header.includes(c)))?.name ?? null;
}

/** Reads one file into a bundle, recognising its format; problems come back as issues. */
export function readFile(path: string, shownAs = path): { bundle: Bundle; issues: DataIssue[] } {
  const bundle = emptyBundle();
  const bytes = readFileSync(path);
  if (/\.ya?ml$/.test(path)) {
    const { indicator, issues } = importIndicatorYaml(shownAs, bytes.toString('utf8'));
    if (indicator) bundle.indicators.push(indicator);
    return { bundle, issues };
  }
  if (!path.endsWith('.csv'))
    return { bundle, issues: [{ file: shownAs, message: 'is not a .csv or .yaml file; import reads the shared CSV formats and indicator YAML' }] };
  const { table, issues } = parseCsv(shownAs, bytes);
  if (!table) return { bundle, issues };
  const format = detectFormat(table.header);
  switch (format) {
    case 'observations': {
      const r = importObservationsCsv(shownAs, bytes);
      return { bundle: { ...bundle, observations: r.observations, sources: r.sources }, issues: r.issues };
    }
    case 'population': {
      const r = importPopulationCsv(shownAs, bytes);
      return { bundle: { ...bundle, observations: r.observations, sources: r.sources }, issues: r.issues };
    }
    case 'indicators': {
      const r = importIndicatorsCsv(shownAs, bytes);
      return { bundle: { ...bundle, indicators: r.indicators }, issues: r.issues };
    }
    case 'enterprises': {
      const r = importEnterprisesCsv(shownAs, bytes);
      return { bundle: { ...bundle, enterprises: r.enterprises, sources: r.sources }, issues: r.issues };
    }
    case 'sources': {
      const r = importSourcesCsv(shownAs, bytes);
      return { bundle: { ...bundle, sources: r.sources }, issues: r.issues };
    }
    case 'towns': {
      const r = importTownsCsv(shownAs, bytes);
      return { bundle: { ...bundle, towns: r.towns, sources: r.sources }, issues: r.issues };
    }
    case 'regions': {
      const dir = dirname(path);
      const boundaries: Record<number, { file: string; text: string; sourceId: string }> = {};
      for (const f of readdirSync(dir)) {
        const m = /^kz-adm1-(\d{4})\.geojson$/.exec(f);
        if (m) boundaries[Number(m[1])] = { file: f, text: readFileSync(join(dir, f), 'utf8'), sourceId: `geokz-adm1-${m[1]}` };
      }
      const r = importRegions(shownAs, bytes, boundaries);
      return { bundle: { ...bundle, regions: r.regions }, issues: r.issues };
    }
    default:
      return {
        bundle,
        issues: [
          {
            file: shownAs,
            row: 1,
            message: `the header (${table.header.join(',')}) matches no known format; expected one of: ${FORMATS.map((f) => `${f.name} (${f.columns.join(',')})`).join('; ')}`,
          },
        ],
      };
  }
}

/** Reads a file, or every .csv and .yaml file under a folder (recursively, in name order). */
export function readPath(path: string): { bundle: Bundle; issues: DataIssue[] } {
  if (!existsSync(path)) return { bundle: emptyBundle(), issues: [{ file: path, message: 'does not exist' }] };
  if (!statSync(path).isDirectory()) return readFile(path, basename(path));
  const files = walk(path).filter((f) => /\.(csv|ya?ml)$/.test(f));
  const results = files.map((f) => readFile(f, relative(path, f)));
  return { bundle: mergeBundles(...results.map((r) => r.bundle)), issues: results.flatMap((r) => r.issues) };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? (e.name === 'pglite' ? [] : walk(join(dir, e.name))) : [join(dir, e.name)]));
}

/** The project's own reference data: `data/` and `catalogue/` at the project root. */
export function readReferenceData(root: string): { bundle: Bundle; issues: DataIssue[] } {
  const data = readPath(join(root, 'data'));
  const catalogue = readPath(join(root, 'catalogue'));
  return { bundle: mergeBundles(data.bundle, catalogue.bundle), issues: [...data.issues, ...catalogue.issues] };
}
