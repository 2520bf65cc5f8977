import ExcelJS from 'exceljs';
import type { IndexResult } from '../../app/index.service.js';
import { toCsv } from '../csv.js';

/** The rows of an index result as a table: one row per unit, sorted by rank (unscored last). */
export function indexRows(r: IndexResult): { header: string[]; rows: (string | number | null)[][] } {
  const groups = Object.keys(r.units[0]?.groups ?? {});
  const indicators = Object.keys(r.units[0]?.normalised ?? {});
  const withUnc = r.units.some((u) => u.uncertainty);
  const header = [
    'unit',
    'rank',
    'score',
    ...(withUnc ? ['median_rank', 'rank_p5', 'rank_p95'] : []),
    ...groups.map((g) => `group:${g}`),
    ...indicators.map((c) => `normalised:${c}`),
    ...indicators.map((c) => `contribution:${c}`),
    'reason',
  ];
  const sorted = [...r.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit.localeCompare(b.unit));
  const rows = sorted.map((u) => [
    u.unit,
    u.rank,
    u.score,
    ...(withUnc ? [u.uncertainty?.medianRank ?? null, u.uncertainty?.p5 ?? null, u.uncertainty?.p95 ?? null] : []),
    ...groups.map((g) => u.groups[g] ?? null),
    ...indicators.map((c) => u.normalised[c] ?? null),
    ...indicators.map((c) => u.contributions[c] ?? null),
    u.reason,
  ]);
  return { header, rows };
}

export function indexCsv(r: IndexResult): string {
  const { header, rows } = indexRows(r);
  return toCsv(header, rows);
}

/** An XLSX workbook: the ranking, the weights, and the warnings, each on its own sheet. */
export async function indexXlsx(r: IndexResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Monoqala';
  const { header, rows } = indexRows(r);
  const ranking = wb.addWorksheet('ranking');
  ranking.addRow(header);
  for (const row of rows) ranking.addRow(row);
  ranking.getRow(1).font = { bold: true };
  const weights = wb.addWorksheet('weights');
  weights.addRow(['code', 'weight']);
  for (const [k, v] of Object.entries(r.weights)) weights.addRow([k, v]);
  const warnings = wb.addWorksheet('warnings');
  warnings.addRow(['code', 'message']);
  for (const w of r.warnings) warnings.addRow([w.code, w.message]);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
