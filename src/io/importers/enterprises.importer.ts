import type { DataIssue } from '../../domain/errors.js';
import { OPERATING_STATES, type OperatingState } from '../../domain/registry.js';
import { CellReader, missingColumns, parseCsv } from '../csv.js';
import type { EnterpriseInput, SourceInput } from '../../app/bundle.js';
import { sourceFromCell } from './references.js';

/**
 * `enterprises.csv`: town,name,owner,product,nace_section,state,note,sources — `sources`
 * holds one or more references separated by " ; ". `state` (full/partial/stopped),
 * when given, is recorded with an unknown start date unless `state_since` is given.
 */
export function importEnterprisesCsv(
  file: string,
  bytes: Uint8Array | string,
): { enterprises: EnterpriseInput[]; sources: SourceInput[]; issues: DataIssue[] } {
  const { table, issues } = parseCsv(file, bytes);
  if (!table) return { enterprises: [], sources: [], issues };
  issues.push(...missingColumns(table, ['town', 'name', 'sources']));
  if (issues.length) return { enterprises: [], sources: [], issues };
  const r = new CellReader(file, issues);
  const sources = new Map<string, SourceInput>();
  const enterprises = table.rows.map((row): EnterpriseInput => {
    const ids: string[] = [];
    for (const ref of (r.text(row, 'sources') ?? '').split(' ; ').filter(Boolean)) {
      const { source } = sourceFromCell(ref);
      sources.set(source.id, source);
      ids.push(source.id);
    }
    const nace = r.text(row, 'nace_section', false);
    if (nace && !/^[A-U]$/.test(nace)) r.issue(row, 'nace_section', `"${nace}" is not a NACE section letter (A–U)`);
    const state = r.text(row, 'state', false);
    if (state && !OPERATING_STATES.includes(state as OperatingState)) r.issue(row, 'state', `"${state}" is not one of ${OPERATING_STATES.join(', ')}`);
    return {
      town: r.text(row, 'town') ?? '',
      name: r.text(row, 'name') ?? '',
      owner: r.text(row, 'owner', false),
      product: r.text(row, 'product', false),
      naceSection: nace,
      note: r.text(row, 'note', false),
      sourceIds: ids,
      states: state
        ? [
            {
              state: state as OperatingState,
              since: r.text(row, 'state_since', false),
              employees: null,
              sourceId: ids[0] ?? null,
              note: r.text(row, 'note', false),
            },
          ]
        : [],
    };
  });
  return { enterprises, sources: [...sources.values()], issues };
}
