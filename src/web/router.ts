/**
 * Hash routing without a library: `#/` is the overview, `#/towns/<id>` a town page (`?status=<year>`
 * opens its legal status for that year), `#/coverage` the data coverage matrix, `#/sources` the list of
 * sources (`#/sources?id=<id>` points at one of them), `#/status` the legal status of all towns
 * (`?year=<year>`, `&ruleset=<id>` points at one definition), `#/typologies` the typologies compared with the
 * published classes and a data-driven typology (`?year=<year>`), `#/ranking` the composite index (`?preset=<id>`).
 */
import { useEffect, useState } from 'react';

/** A section of the town page a link can point at (`?section=`). */
export type TownSection = 'typologies' | 'vulnerability';

export type Route =
  | { page: 'overview' }
  | { page: 'town'; id: string; statusYear: number | null; section: TownSection | null }
  | { page: 'coverage' }
  | { page: 'sources'; focus: string | null }
  | { page: 'status'; year: number | null; ruleset: string | null }
  | { page: 'typologies'; year: number | null }
  | { page: 'ranking'; preset: string | null }
  | { page: 'programs' }
  | { page: 'program'; id: string; asOf: string | null }
  | { page: 'impact' }
  | { page: 'notFound'; path: string };

/** A year in a query string, or null when absent or not a plausible year. */
function queryYear(v: string | null): number | null {
  return v && /^\d{4}$/.test(v) ? Number(v) : null;
}

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
  if (/^\/status\/?$/.test(path)) return { page: 'status', year: queryYear(query.get('year')), ruleset: query.get('ruleset') || null };
  if (/^\/typologies\/?$/.test(path)) return { page: 'typologies', year: queryYear(query.get('year')) };
  if (/^\/ranking\/?$/.test(path)) return { page: 'ranking', preset: query.get('preset') || null };
  if (/^\/programs\/?$/.test(path)) return { page: 'programs' };
  if (/^\/impact\/?$/.test(path)) return { page: 'impact' };
  const pm = /^\/programs\/([^/?#]+)\/?$/.exec(path);
  if (pm) {
    const asOf = query.get('asOf');
    return { page: 'program', id: decode(pm[1]!), asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null };
  }
  const m = /^\/towns\/([^/?#]+)\/?$/.exec(path);
  if (m) {
    const section = query.get('section');
    return {
      page: 'town',
      id: decode(m[1]!),
      statusYear: queryYear(query.get('status')),
      section: section === 'typologies' || section === 'vulnerability' ? section : null,
    };
  }
  return { page: 'notFound', path: full };
}

export const hrefOverview = '#/';
export const hrefCoverage = '#/coverage';
export const hrefSources = '#/sources';
export const hrefTown = (id: string) => `#/towns/${encodeURIComponent(id)}`;
/** A town page opened at one of its sections. */
export const hrefTownSection = (id: string, section: TownSection) => `${hrefTown(id)}?section=${section}`;
/** A town page opened at its legal status for a year. */
export const hrefTownStatus = (id: string, year: number) => `${hrefTown(id)}?status=${year}`;
export const hrefStatus = '#/status';
/** The legal status page for a year, optionally pointing at one rule set's description. */
export const hrefStatusFor = (year: number | null, ruleset?: string) => {
  const q = new URLSearchParams();
  if (year !== null) q.set('year', String(year));
  if (ruleset) q.set('ruleset', ruleset);
  const qs = q.toString();
  return qs ? `${hrefStatus}?${qs}` : hrefStatus;
};
export const hrefTypologies = '#/typologies';
export const hrefTypologiesFor = (year: number) => `${hrefTypologies}?year=${year}`;
export const hrefRanking = '#/ranking';
export const hrefRankingPreset = (id: string) => `${hrefRanking}?preset=${encodeURIComponent(id)}`;
export const hrefPrograms = '#/programs';
/** A program page, optionally with its scorecard as of a date (YYYY-MM-DD). */
export const hrefProgram = (id: string, asOf?: string) => `${hrefPrograms}/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`;
export const hrefImpact = '#/impact';
/** The element id of the typologies section of a town page. */
export const TOWN_TYPOLOGIES_ANCHOR = 'typologies';
/** The element id of a rule set's description on the legal status page. */
export const rulesetAnchor = (id: string) => `ruleset-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
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
