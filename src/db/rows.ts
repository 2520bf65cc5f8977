import type { SourceRef } from '../domain/observations.js';

/** Row → domain helpers shared by the repositories. */
export function sourceRef(r: {
  source_id: string | null;
  source_title?: string | null;
  source_url?: string | null;
  passage?: string | null;
}): SourceRef | null {
  if (!r.source_id) return null;
  return { id: r.source_id, title: r.source_title ?? r.source_id, url: r.source_url ?? null, passage: r.passage ? r.passage : null };
}

export const nullable = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);
