import type { DataIssue } from '../../domain/errors.js';
import { CellReader, missingColumns, parseCsv } from '../csv.js';
import type { SourceInput } from '../../app/bundle.js';

const KINDS = ['url', 'document', 'dataset'] as const;

/** `sources.csv`: id,kind,title,authors,year,url,file,language,licence */
export function importSourcesCsv(file: string, bytes: Uint8Array | string): { sources: SourceInput[]; issues: DataIssue[] } {
  const { table, issues } = parseCsv(file, bytes);
  if (!table) return { sources: [], issues };
  issues.push(...missingColumns(table, ['id', 'kind', 'title']));
  if (issues.length) return { sources: [], issues };
  const r = new CellReader(file, issues);
  const sources = table.rows.map((row) => {
    const kind = r.text(row, 'kind') as SourceInput['kind'];
    if (kind && !KINDS.includes(kind)) r.issue(row, 'kind', `"${kind}" is not one of ${KINDS.join(', ')}`);
    return {
      id: r.text(row, 'id') ?? '',
      kind,
      title: r.text(row, 'title') ?? '',
      authors: r.text(row, 'authors', false),
      year: r.integer(row, 'year', false),
      url: r.text(row, 'url', false),
      file: r.text(row, 'file', false),
      language: r.text(row, 'language', false),
      licence: r.text(row, 'licence', false),
      declared: true,
    };
  });
  return { sources, issues };
}
