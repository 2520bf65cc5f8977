import { parse } from 'csv-parse/sync';
import type { DataIssue } from '../domain/errors.js';

export interface CsvTable {
  file: string;
  header: string[];
  /** Each row with its 1-based line number in the file (the header is line 1). */
  rows: { line: number; cells: Record<string, string> }[];
}

/** Parses UTF-8 CSV with a header row. Malformed CSV becomes an issue, never an exception. */
export function parseCsv(file: string, bytes: Uint8Array | string): { table: CsvTable | null; issues: DataIssue[] } {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const err = e as { message: string; lines?: number };
    return { table: null, issues: [{ file, row: err.lines, message: `not valid CSV: ${err.message}` }] };
  }
  if (records.length === 0) return { table: null, issues: [{ file, message: 'the file is empty; expected a header row' }] };
  const header = records[0].map((h) => h.trim());
  const issues: DataIssue[] = [];
  const rows = records.slice(1).map((r, i) => {
    const line = i + 2;
    if (r.length !== header.length) issues.push({ file, row: line, message: `has ${r.length} cells, the header has ${header.length}` });
    const cells: Record<string, string> = {};
    header.forEach((h, j) => (cells[h] = (r[j] ?? '').trim()));
    return { line, cells };
  });
  return { table: { file, header, rows }, issues };
}

export function missingColumns(table: CsvTable, required: readonly string[]): DataIssue[] {
  return required
    .filter((c) => !table.header.includes(c))
    .map((c) => ({ file: table.file, row: 1, column: c, message: `required column "${c}" is missing from the header` }));
}

/** Helpers that read one typed cell and record an issue naming file, row and column. */
export class CellReader {
  constructor(
    private readonly file: string,
    readonly issues: DataIssue[],
  ) {}

  text(row: { line: number; cells: Record<string, string> }, column: string, required = true): string | null {
    const v = row.cells[column] ?? '';
    if (v === '') {
      if (required) this.issues.push({ file: this.file, row: row.line, column, message: 'is empty; a value is required' });
      return null;
    }
    return v;
  }

  number(row: { line: number; cells: Record<string, string> }, column: string, required = true): number | null {
    const v = this.text(row, column, required);
    if (v === null) return null;
    if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v)) {
      this.issues.push({ file: this.file, row: row.line, column, message: `"${v}" is not a number; use digits with a dot for decimals (e.g. 1234.5)` });
      return null;
    }
    return Number(v);
  }

  integer(row: { line: number; cells: Record<string, string> }, column: string, required = true): number | null {
    const n = this.number(row, column, required);
    if (n !== null && !Number.isInteger(n)) {
      this.issues.push({ file: this.file, row: row.line, column, message: `"${n}" must be a whole number` });
      return null;
    }
    return n;
  }

  issue(row: { line: number }, column: string | undefined, message: string): void {
    this.issues.push({ file: this.file, row: row.line, column, message });
  }
}

/** Splits on `sep` outside parentheses and brackets. */
export function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && s.startsWith(sep, i)) {
      out.push(cur);
      cur = '';
      i += sep.length - 1;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
