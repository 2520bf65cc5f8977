import { referenceUrl, urlMetadata, urlSourceId, urlTitle } from '../../domain/sources.js';
import type { SourceInput } from '../../app/bundle.js';

/**
 * A source cell is a URL (`https://…`), a repository path (`github:owner/repo/path`),
 * or a document with a passage: `document | passage` (e.g. `003_619b76c66df76652.txt | Table 2`).
 */
export function sourceFromCell(cell: string): { source: SourceInput; passage: string; note: string | null } {
  const bracket = /\s*\[([^\]]*)\]\s*$/.exec(cell);
  const note = bracket ? bracket[1] : null;
  const body = bracket ? cell.slice(0, bracket.index).trim() : cell.trim();
  if (/^(https?:\/\/|github:)/.test(body)) {
    const ref = body.split(/\s+/)[0];
    const rest = body.slice(ref.length).trim();
    const url = referenceUrl(ref) ?? ref;
    return {
      source: { id: urlSourceId(url), kind: 'url', title: urlTitle(ref), url, ...urlMetadata(url) },
      passage: '',
      note: [rest || null, note].filter(Boolean).join('; ') || null,
    };
  }
  const [doc, ...passage] = body.split(' | ');
  return {
    source: { id: documentSourceId(doc), kind: 'document', title: doc.trim(), url: null, file: doc.trim() },
    passage: passage.join(' | ').trim(),
    note,
  };
}

export function documentSourceId(doc: string): string {
  return `doc-${doc
    .trim()
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
