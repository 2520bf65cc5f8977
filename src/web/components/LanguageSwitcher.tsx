import { LANGS, useI18n, type Lang, type MessageKey } from '../i18n/index.js';

const LABEL: Record<Lang, MessageKey> = { kk: 'lang.kk', ru: 'lang.ru', en: 'lang.en' };

/** Three buttons kk / ru / en; the current one is pressed. Each label is in its own language. */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switcher" role="group" aria-label={t('lang.label')} data-testid="language-switcher">
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} data-lang={l} onClick={() => setLang(l)}>
          {t(LABEL[l])}
        </button>
      ))}
    </div>
  );
}
