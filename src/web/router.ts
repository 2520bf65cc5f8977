/** Hash routing without a library: `#/` is the overview, `#/towns/<id>` a town page. */
import { useEffect, useState } from 'react';

export type Route = { page: 'overview' } | { page: 'town'; id: string } | { page: 'notFound'; path: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { page: 'overview' };
  const m = /^\/towns\/([^/?#]+)\/?$/.exec(path);
  if (m) {
    let id = m[1]!;
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep the raw segment; the API will say it is not a town
    }
    return { page: 'town', id };
  }
  return { page: 'notFound', path };
}

export const hrefOverview = '#/';
export const hrefTown = (id: string) => `#/towns/${encodeURIComponent(id)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
