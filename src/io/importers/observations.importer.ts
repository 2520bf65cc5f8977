import type { DataIssue } from '../../domain/errors.js';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../../domain/observations.js';
import { isPeriod } from '../../domain/periods.js';
import { CellReader, missingColumns, parseCsv } from '../csv.js';
import type { ObservationInput, SourceInput } from '../../app/bundle.js';
import { sourceFromCell } from './references.js';

/**
 * Observations, the shared long format: `town,indicator,period,value` and optionally
 * `status,source,note`. A `value` that is not a number is kept as a categorical value
 * only when the file has a `value_text` column; otherwise it is an error.
 */
export function importObservationsCsv(
  file: string,
  bytes: Uint8Array | string,
): { observations: ObservationInput[]; sources: SourceInput[]; issues: DataIssue[] } {
  const { table, issues } = parseCsv(file, bytes);
  if (!table) return { observations: [], sources: [], issues };
  issues.push(...missingColumns(table, ['town', 'indicator', 'period', 'value']));
  if (issues.length) return { observations: [], sources: [], issues };
  const r = new CellReader(file, issues);
  const sources = new Map<string, SourceInput>();
  const observations: ObservationInput[] = [];
  for (const row of table.rows) {
    const town = r.text(row, 'town') ?? '';
    const indicator = r.text(row, 'indicator') ?? '';
    const period = r.text(row, 'period') ?? '';
    if (period && !isPeriod(period)) r.issue(row, 'period', `"${period}" is not a period; use YYYY or YYYY-MM-DD`);
    const valueText = table.header.includes('value_text') ? r.text(row, 'value_text', false) : null;
    const value = r.number(row, 'value', valueText === null);
    const status = (r.text(row, 'status', false) ?? 'actual') as ObservationStatus;
    if (!OBSERVATION_STATUSES.includes(status)) r.issue(row, 'status', `"${status}" is not one of ${OBSERVATION_STATUSES.join(', ')}`);
    const sourceCell = r.text(row, 'source', false);
    let sourceId = '';
    let passage = '';
    let sourceNote: string | null = null;
    if (sourceCell) {
      const parsed = sourceFromCell(sourceCell);
      sources.set(parsed.source.id, parsed.source);
      sourceId = parsed.source.id;
      passage = parsed.passage;
      sourceNote = parsed.note;
    }
    const note = [r.text(row, 'note', false), sourceNote].filter(Boolean).join('; ') || null;
    const unit = table.header.includes('unit') ? r.text(row, 'unit', false) : null;
    observations.push({ town, indicator, period, value, valueText, status, sourceId, passage, note, unit, origin: { file, row: row.line } });
  }
  return { observations, sources: [...sources.values()], issues };
}

/**
 * The population file of the reference data: `id,year,population,source`, where
 * `source` is a URL optionally followed by a note in square brackets. Figures the
 * note calls approximate or an estimate (other than the statistics bureau's
 * official 1 January estimates) get status `estimate`.
 */
export function importPopulationCsv(
  file: string,
  bytes: Uint8Array | string,
): { observations: ObservationInput[]; sources: SourceInput[]; issues: DataIssue[] } {
  const { table, issues } = parseCsv(file, bytes);
  if (!table) return { observations: [], sources: [], issues };
  issues.push(...missingColumns(table, ['id', 'year', 'population', 'source']));
  if (issues.length) return { observations: [], sources: [], issues };
  const r = new CellReader(file, issues);
  const sources = new Map<string, SourceInput>();
  const observations = table.rows.map((row): ObservationInput => {
    const year = r.integer(row, 'year');
    const { source, passage, note } = sourceFromCell(r.text(row, 'source') ?? '');
    sources.set(source.id, source);
    const estimate = note !== null && (/approximate/i.test(note) || /^estimate$/i.test(note.trim()));
    return {
      town: r.text(row, 'id') ?? '',
      indicator: 'population',
      period: String(year ?? ''),
      value: r.integer(row, 'population'),
      valueText: null,
      status: estimate ? 'estimate' : 'actual',
      sourceId: source.id,
      passage,
      note,
      unit: null,
      origin: { file, row: row.line },
    };
  });
  return { observations, sources: [...sources.values()], issues };
}
