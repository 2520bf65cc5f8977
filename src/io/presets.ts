import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexPreset } from '../app/index.service.js';
import { parseConfig } from '../domain/composite/index.js';
import { DomainError, type DataIssue } from '../domain/errors.js';

const KEYS = ['id', 'name', 'description', 'config'];

/** Reads `catalogue/presets/*.json`: each a documented index configuration; strict about keys and the configuration. */
export function loadPresets(projectRoot: string): { presets: IndexPreset[]; issues: DataIssue[] } {
  const dir = join(projectRoot, 'catalogue', 'presets');
  const issues: DataIssue[] = [];
  const presets: IndexPreset[] = [];
  if (!existsSync(dir)) return { presets, issues };
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const file = `catalogue/presets/${f}`;
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
    } catch (e) {
      issues.push({ file, message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    for (const k of Object.keys(doc)) if (!KEYS.includes(k)) issues.push({ file, column: k, message: `unknown key "${k}"; allowed: ${KEYS.join(', ')}` });
    if (doc.id !== f.replace(/\.json$/, '')) issues.push({ file, column: 'id', message: `id must equal the file name "${f.replace(/\.json$/, '')}"` });
    const name = doc.name as Record<string, unknown> | undefined;
    for (const l of ['kk', 'ru', 'en'])
      if (typeof name?.[l] !== 'string' || !name[l]) issues.push({ file, column: `name.${l}`, message: `name in "${l}" is required` });
    if (typeof doc.description !== 'string' || !doc.description)
      issues.push({ file, column: 'description', message: 'a description saying what the preset measures and why is required' });
    try {
      parseConfig(doc.config);
    } catch (e) {
      if (e instanceof DomainError) issues.push({ file, column: 'config', message: e.message });
      else throw e;
    }
    if (!issues.some((i) => i.file === file)) presets.push(doc as unknown as IndexPreset);
  }
  return { presets, issues };
}
