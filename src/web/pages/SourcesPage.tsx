import { useEffect, useId, useMemo } from 'react';
import type { SourceDto } from '../../client/api-client.js';
import { client, useApi } from '../api.js';
import { DataText, ErrorPanel, Loading } from '../components/common.js';
import { Missing } from '../components/indicators.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { sourceAnchor } from '../router.js';

type Kind = SourceDto['kind'];

const KINDS: readonly { kind: Kind; heading: MessageKey; intro: MessageKey }[] = [
  { kind: 'document', heading: 'sources.documents', intro: 'sources.documentsIntro' },
  { kind: 'dataset', heading: 'sources.datasets', intro: 'sources.datasetsIntro' },
  { kind: 'url', heading: 'sources.urls', intro: 'sources.urlsIntro' },
];

/** Language codes of the sources (`en ru kk`) as names in the UI's language. */
const LANGUAGE_NAME: Record<string, MessageKey> = { en: 'language.en', ru: 'language.ru', kk: 'language.kk' };

export function SourcesPage({ focus }: { focus: string | null }) {
  const { t } = useI18n();
  const sources = useApi('sources', () => client.sources());

  useEffect(() => {
    document.title = t('title.sources');
  }, [t]);

  // `#/sources?id=<id>`: bring that source into view and give it focus once the list is there.
  const ready = sources.state === 'ready';
  useEffect(() => {
    if (!ready || !focus) return;
    const el = document.getElementById(sourceAnchor(focus));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [ready, focus]);

  return (
    <div className="sources-page" data-testid="sources-page">
      <h1 tabIndex={-1}>{t('sources.heading')}</h1>
      <p className="lead">{t('sources.intro')}</p>
      {sources.state === 'loading' ? <Loading /> : null}
      {sources.state === 'error' ? <ErrorPanel error={sources.error} onRetry={sources.retry} /> : null}
      {sources.state === 'ready' ? (
        <>
          {focus && !sources.data.some((s) => s.id === focus) ? (
            <p className="error-panel" role="alert" data-testid="unknown-source">
              {t('sources.unknown', { id: focus })}
            </p>
          ) : null}
          <p className="count">{t('sources.count', { count: sources.data.length })}</p>
          {KINDS.map((k) => (
            <SourceGroup
              key={k.kind}
              heading={t(k.heading)}
              intro={t(k.intro)}
              sources={sources.data.filter((s) => s.kind === k.kind)}
              kind={k.kind}
              focus={focus}
            />
          ))}
        </>
      ) : null}
    </div>
  );
}

function Languages({ codes }: { codes: string | null }) {
  const { t } = useI18n();
  if (!codes) return <Missing />;
  const parts = codes.split(/[\s,;]+/).filter(Boolean);
  return <>{parts.map((c) => (LANGUAGE_NAME[c] ? t(LANGUAGE_NAME[c]) : c)).join(', ')}</>;
}

function SourceGroup({ heading, intro, sources, kind, focus }: { heading: string; intro: string; sources: SourceDto[]; kind: Kind; focus: string | null }) {
  const { locale, t } = useI18n();
  const headingId = useId();
  const captionId = useId();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    return [...sources].sort((a, b) => collator.compare(a.title, b.title));
  }, [sources, locale]);

  return (
    <section aria-labelledby={headingId} className="card" data-testid={`sources-${kind}`}>
      <h2 id={headingId}>
        {heading} <span className="heading-count">({sorted.length})</span>
      </h2>
      <p className="hint">{intro}</p>
      {sorted.length === 0 ? (
        <p className="muted">{t('sources.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table sources-table">
            <caption id={captionId} className="visually-hidden">
              {t('sources.caption', { kind: heading })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('sources.col.title')}</th>
                <th scope="col">{t('sources.col.authors')}</th>
                <th scope="col">{t('sources.col.year')}</th>
                <th scope="col">{t('sources.col.language')}</th>
                <th scope="col">{t('sources.col.licence')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((s) => (
                <tr
                  key={s.id}
                  id={sourceAnchor(s.id)}
                  tabIndex={-1}
                  data-testid="source-entry"
                  data-source={s.id}
                  className={s.id === focus ? 'is-target' : undefined}
                  aria-current={s.id === focus ? 'true' : undefined}
                >
                  <th scope="row" className="source-title">
                    {s.url ? (
                      <a className="source" href={s.url} rel="noreferrer noopener" target="_blank">
                        {s.title}
                        <span className="visually-hidden"> {t('common.opensNewTab')}</span>
                      </a>
                    ) : (
                      <cite className="source">{s.title}</cite>
                    )}
                    {s.file ? (
                      <span className="source-file">
                        {t('sources.file')}: <code>{s.file}</code>
                      </span>
                    ) : null}
                    {!s.url && !s.file ? <span className="source-file muted">{t('sources.noLink')}</span> : null}
                  </th>
                  <td>{s.authors ? <DataText>{s.authors}</DataText> : <Missing />}</td>
                  <td>{s.year ?? <Missing />}</td>
                  <td>
                    <Languages codes={s.language} />
                  </td>
                  <td>{s.licence ? <DataText>{s.licence}</DataText> : <Missing />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
