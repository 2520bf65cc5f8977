/** Stable ids and readable titles for sources given only as a URL or a repository path. */

/** FNV-1a 32-bit hash, hex: stable across runs and platforms, no crypto needed. */
export function stableHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function urlSourceId(url: string): string {
  return `url-${stableHash(url)}`;
}

/** A short readable title: host and decoded path, e.g. "de.wikipedia.org/wiki/Chromtau". */
export function urlTitle(url: string): string {
  if (url.startsWith('github:')) return url.slice('github:'.length).split(' ')[0];
  try {
    const u = new URL(url);
    let path = u.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      /* keep the encoded path */
    }
    const title = `${u.hostname}${path === '/' ? '' : path}`;
    return title.length > 120 ? `${title.slice(0, 117)}…` : title;
  } catch {
    return url.length > 120 ? `${url.slice(0, 117)}…` : url;
  }
}

/** `github:owner/repo/path` references become browsable GitHub URLs; http(s) stays as is. */
export function referenceUrl(ref: string): string | null {
  if (/^https?:\/\//.test(ref)) return ref;
  const m = /^github:([^/\s]+)\/([^/\s]+)\/(\S+)/.exec(ref);
  if (m) return `https://github.com/${m[1]}/${m[2]}/blob/HEAD/${m[3]}`;
  return null;
}

const LANGUAGE_SUBDOMAIN = /^(en|ru|kk|de|fr|uk|it|nl|es|pl|tr|zh)\.(m\.)?/;
const LANGUAGE_PATH = /^\/(en|ru|kk|de|fr|uk|rus|kaz|eng)(\/|$)/;
const PATH_LANGUAGE: Record<string, string> = { rus: 'ru', kaz: 'kk', eng: 'en' };

/**
 * What a URL itself tells about its source, by fixed rules (documented, never guessed):
 * the language from a language subdomain (`de.wikipedia.org`) or first path segment
 * (`/ru/`, `/rus/`), and the licence of Wikipedia text (CC BY-SA 4.0). Null when the URL does not say.
 */
export function urlMetadata(url: string): { language: string | null; licence: string | null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { language: null, licence: null };
  }
  const host = u.hostname;
  const path = u.pathname;
  const sub = LANGUAGE_SUBDOMAIN.exec(host)?.[1];
  const seg = LANGUAGE_PATH.exec(path)?.[1];
  const language = sub ?? (seg ? (PATH_LANGUAGE[seg] ?? seg) : null);
  const licence = /(^|\.)wikipedia\.org$/.test(host) ? 'CC BY-SA 4.0 (Wikipedia text; facts are not copyrightable)' : null;
  return { language, licence };
}
