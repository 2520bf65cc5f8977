import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataIssue } from '../domain/errors.js';
import type { Program } from '../domain/programs.js';
import { parseCsv } from './csv.js';
import { importProgramsYaml } from './importers/programs.importer.js';

/** Reads `rules/programs/*.yaml` and checks them against the catalogue, the towns and the cited documents. */
export function loadPrograms(projectRoot: string): { programs: Program[]; issues: DataIssue[] } {
  const dir = join(projectRoot, 'rules', 'programs');
  if (!existsSync(dir)) return { programs: [], issues: [] };
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `rules/programs/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const column = (file: string, name: string, keep: (cells: Record<string, string>) => boolean = () => true) => {
    const { table } = parseCsv(file, readFileSync(join(projectRoot, file)));
    return new Set((table?.rows ?? []).filter((r) => keep(r.cells)).map((r) => r.cells[name]));
  };
  const indicators = new Set(readdirSync(join(projectRoot, 'catalogue', 'indicators')).flatMap((f) => (f.endsWith('.yaml') ? [f.slice(0, -5)] : [])));
  return importProgramsYaml(files, {
    indicators,
    towns: column('data/kz-monotowns.csv', 'id'),
    sourceFiles: column('data/sources.csv', 'file', (c) => c.kind === 'document'),
  });
}
