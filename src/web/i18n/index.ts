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

export interface I18n {
  lang: Lang;
  locale: string;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Formats a whole number (population) for the language. */
  num: (n: number) => string;
}

function makeI18n(lang: Lang, setLang: (l: Lang) => void): I18n {
  const locale = LOCALES[lang];
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return { lang, locale, setLang, t: (key, params) => translate(lang, key, params), num: (n) => nf.format(n) };
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
