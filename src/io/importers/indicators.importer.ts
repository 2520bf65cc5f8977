import { parse as parseYaml } from 'yaml';
import type { DataIssue } from '../../domain/errors.js';
import { DIMENSIONS } from '../../domain/indicators.js';
import { CellReader, missingColumns, parseCsv } from '../csv.js';
import type { IndicatorInput } from '../../app/bundle.js';

/** Indicator metadata CSV: `code,name_en,name_ru,name_kk,unit,dimension,polarity`. */
export function importIndicatorsCsv(file: string, bytes: Uint8Array | string): { indicators: IndicatorInput[]; issues: DataIssue[] } {
  const { table, issues } = parseCsv(file, bytes);
  if (!table) return { indicators: [], issues };
  issues.push(...missingColumns(table, ['code', 'name_en', 'name_ru', 'name_kk', 'unit', 'dimension', 'polarity']));
  if (issues.length) return { indicators: [], issues };
  const r = new CellReader(file, issues);
  const indicators = table.rows.map((row): IndicatorInput => {
    const code = r.text(row, 'code') ?? '';
    if (code && !/^[a-z][a-z0-9_]*$/.test(code)) r.issue(row, 'code', `"${code}" is not a snake_case code`);
    const polarity = r.integer(row, 'polarity');
    if (polarity !== null && polarity !== 1 && polarity !== -1) r.issue(row, 'polarity', `${polarity} must be 1 (higher is better) or -1 (lower is better)`);
    const dimension = r.text(row, 'dimension') ?? '';
    if (dimension && !DIMENSIONS.includes(dimension as never)) r.issue(row, 'dimension', `"${dimension}" is not one of ${DIMENSIONS.join(', ')}`);
    const kind = r.text(row, 'kind', false) ?? 'numeric';
    if (kind !== 'numeric' && kind !== 'categorical') r.issue(row, 'kind', `"${kind}" must be numeric or categorical`);
    return {
      code,
      name: { en: r.text(row, 'name_en') ?? '', ru: r.text(row, 'name_ru') ?? '', kk: r.text(row, 'name_kk') ?? '' },
      unit: r.text(row, 'unit') ?? '',
      dimension,
      polarity: (polarity === -1 ? -1 : 1) as 1 | -1,
      kind: kind as IndicatorInput['kind'],
      definition: r.text(row, 'definition', false),
      source: r.text(row, 'source', false),
    };
  });
  return { indicators, issues };
}

const YAML_KEYS = ['code', 'name', 'unit', 'dimension', 'polarity', 'kind', 'definition', 'source', 'note'];

/** One `catalogue/indicators/<code>.yaml` file. The loader is strict: unknown keys fail. */
export function importIndicatorYaml(file: string, text: string): { indicator: IndicatorInput | null; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  let doc: Record<string, unknown>;
  try {
    doc = parseYaml(text) as Record<string, unknown>;
  } catch (e) {
    return { indicator: null, issues: [{ file, message: `not valid YAML: ${(e as Error).message}` }] };
  }
  if (!doc || typeof doc !== 'object') return { indicator: null, issues: [{ file, message: 'expected a mapping of keys' }] };
  for (const k of Object.keys(doc))
    if (!YAML_KEYS.includes(k)) issues.push({ file, column: k, message: `unknown key "${k}"; allowed keys are ${YAML_KEYS.join(', ')}` });
  const str = (k: string, required = true): string | null => {
    const v = doc[k];
    if (v === undefined || v === null || v === '') {
      if (required) issues.push({ file, column: k, message: `"${k}" is required` });
      return null;
    }
    if (typeof v !== 'string') {
      issues.push({ file, column: k, message: `"${k}" must be text` });
      return null;
    }
    return v.trim();
  };
  const code = str('code') ?? '';
  const expected = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (code && code !== expected) issues.push({ file, column: 'code', message: `code "${code}" must equal the file name "${expected}"` });
  const name = (doc.name ?? {}) as Record<string, unknown>;
  for (const l of ['kk', 'ru', 'en'])
    if (typeof name[l] !== 'string' || name[l] === '') issues.push({ file, column: `name.${l}`, message: `name in "${l}" is required` });
  const polarity = doc.polarity;
  if (polarity !== 1 && polarity !== -1) issues.push({ file, column: 'polarity', message: 'polarity must be 1 (higher is better) or -1 (lower is better)' });
  const dimension = str('dimension') ?? '';
  if (dimension && !DIMENSIONS.includes(dimension as never))
    issues.push({ file, column: 'dimension', message: `"${dimension}" is not one of ${DIMENSIONS.join(', ')}` });
  const kind = str('kind', false) ?? 'numeric';
  if (kind !== 'numeric' && kind !== 'categorical') issues.push({ file, column: 'kind', message: `"${kind}" must be numeric or categorical` });
  if (issues.length) return { indicator: null, issues };
  return {
    indicator: {
      code,
      name: { en: String(name.en), ru: String(name.ru), kk: String(name.kk) },
      unit: str('unit') ?? '',
      dimension,
      polarity: polarity as 1 | -1,
      kind: kind as IndicatorInput['kind'],
      definition: str('definition', false),
      source: str('source', false),
    },
    issues,
  };
}
