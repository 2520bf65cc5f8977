/**
 * UI translations: one flat dictionary per language, `t(key, params)` through a React context.
 * The language is remembered in localStorage (`monoqala.lang`); the first visit follows the browser.
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Dictionary, type MessageKey } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';

export type { Dictionary, MessageKey };
export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ru';
export const STORAGE_KEY = 'monoqala.lang';
export const dictionaries: Record<Lang, Dictionary> = { kk, ru, en };

/** BCP 47 tags for Intl formatting. */
export const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export type Params = Record<string, string | number>;

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
/** True when `key` is a message of the dictionaries (for keys built from data, such as `nace.B`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[lang][key] ?? en[key] ?? key, params);
}

/** The first of kk/ru/en among the browser's languages (by primary subtag), else ru. */
export function pickLanguage(preferred: readonly string[] | undefined): Lang {
  for (const tag of preferred ?? []) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return DEFAULT_LANG;
}

function storedLanguage(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export function initialLanguage(): Lang {
  const nav = typeof navigator === 'undefined' ? undefined : navigator.languages?.length ? navigator.languages : [navigator.language];
  return storedLanguage() ?? pickLanguage(nav);
}

const MONTHS = [
  'month.1',
  'month.2',
  'month.3',
  'month.4',
  'month.5',
  'month.6',
  'month.7',
  'month.8',
  'month.9',
  'month.10',
  'month.11',
  'month.12',
] as const satisfies readonly MessageKey[];

/** An ISO date (YYYY-MM-DD) in the language's words, from the dictionary (browsers' ICU data for kk is often missing). */
export function formatIsoDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return translate(lang, 'date.format', { day: Number(m[3]), month: translate(lang, month), year: m[1]! });
}

/**
 * The locale to format numbers with. Some browsers ship ICU without Kazakh data and format kk like
 * en-US (1,000.5); Kazakh writes numbers like Russian (1 000,5), so ru-RU stands in then.
 */
export function numberLocale(lang: Lang): string {
  const locale = LOCALES[lang];
  if (lang !== 'kk') return locale;
  try {
    return new Intl.NumberFormat(locale).format(1000.5) === '1,000.5' ? LOCALES.ru : locale;
  } catch {
    return LOCALES.ru;
  }
}

export interface I18n {
  lang: Lang;
  /** BCP 47 tag for collation. */
  locale: string;
  /** BCP 47 tag for number formatting. */
  numLocale: string;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Formats a whole number (population) for the language. */
  num: (n: number) => string;
  /** Formats an ISO date (YYYY-MM-DD) for the language. */
  date: (iso: string) => string;
}

function makeI18n(lang: Lang, setLang: (l: Lang) => void): I18n {
  const locale = LOCALES[lang];
  const numLocale = numberLocale(lang);
  const nf = new Intl.NumberFormat(numLocale, { maximumFractionDigits: 0 });
  return {
    lang,
    locale,
    numLocale,
    setLang,
    t: (key, params) => translate(lang, key, params),
    num: (n) => nf.format(n),
    date: (iso) => formatIsoDate(lang, iso),
  };
}

const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LANG, () => {}));

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? initialLanguage());
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for this visit only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
