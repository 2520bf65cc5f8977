/**
 * Hash routing without a library: `#/` is the overview, `#/towns/<id>` a town page, `#/coverage` the
 * data coverage matrix, `#/sources` the list of sources (`#/sources?id=<id>` points at one of them).
 */
import { useEffect, useState } from 'react';

export type Route =
  { page: 'overview' } | { page: 'town'; id: string } | { page: 'coverage' } | { page: 'sources'; focus: string | null } | { page: 'notFound'; path: string };

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // keep the raw text; the page will say it does not know it
    return s;
  }
}

export function parseHash(hash: string): Route {
  const full = hash.replace(/^#/, '') || '/';
  const q = full.indexOf('?');
  const path = q >= 0 ? full.slice(0, q) : full;
  const query = new URLSearchParams(q >= 0 ? full.slice(q + 1) : '');
  if (path === '/' || path === '') return { page: 'overview' };
  if (/^\/coverage\/?$/.test(path)) return { page: 'coverage' };
  if (/^\/sources\/?$/.test(path)) return { page: 'sources', focus: query.get('id') || null };
  const m = /^\/towns\/([^/?#]+)\/?$/.exec(path);
  if (m) return { page: 'town', id: decode(m[1]!) };
  return { page: 'notFound', path: full };
}

export const hrefOverview = '#/';
export const hrefCoverage = '#/coverage';
export const hrefSources = '#/sources';
export const hrefTown = (id: string) => `#/towns/${encodeURIComponent(id)}`;
/** A link to one source on the sources page. */
export const hrefSource = (id: string) => `#/sources?id=${encodeURIComponent(id)}`;
/** The element id of a source on the sources page. */
export const sourceAnchor = (id: string) => `source-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
