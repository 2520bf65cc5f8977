import type { ReactNode } from 'react';
import { ApiError } from '../api.js';
import type { SourceRefDto } from '../../client/api-client.js';
import { noteWarning, sourceLabel } from '../format.js';
import { hasMessage, useI18n, type MessageKey } from '../i18n/index.js';
import { hrefSource } from '../router.js';

/**
 * A cited source: a link to it when it has a URL; else (a document) its title and passage, linked to
 * its entry on the sources page (authors, year, file).
 */
export function SourceLink({ source }: { source: SourceRefDto | null }) {
  const { t } = useI18n();
  if (!source) return <span className="muted">{t('common.noSource')}</span>;
  const label = sourceLabel(source);
  if (!source.url)
    return (
      <a className="source source-doc" href={hrefSource(source.id)} data-testid="source-doc-link" title={t('common.sourceDetails')}>
        <cite>{source.title}</cite>
        {source.passage ? <>, {source.passage}</> : null}
      </a>
    );
  return (
    <a className="source" href={source.url} rel="noreferrer noopener" target="_blank" data-testid="source-link">
      {label}
      <span className="visually-hidden"> {t('common.opensNewTab')}</span>
    </a>
  );
}

/** Text that comes from the data (in English) rather than from the dictionaries. */
export function DataText({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span lang="en" className={className}>
      {children}
    </span>
  );
}

/** A visible marker for a figure whose note warns about its scope or a conflict between sources. */
export function NoteBadge({ note }: { note: string | null | undefined }) {
  const { t } = useI18n();
  const w = noteWarning(note);
  if (!w) return null;
  const long = w === 'scope' ? t('warn.scopeLong') : t('warn.conflictLong');
  return (
    <span className={`badge badge-${w}`} title={`${long} (${note})`} data-testid={`warning-${w}`}>
      <span aria-hidden="true">{w === 'scope' ? '◆ ' : '≠ '}</span>
      {w === 'scope' ? t('warn.scope') : t('warn.conflict')}
      <span className="visually-hidden">: {long}</span>
    </span>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </p>
  );
}

/** The translated frame around an error; the API's own message is shown verbatim (it is in English). */
export function ErrorPanel({
  error,
  title,
  level = 2,
  onRetry,
  children,
}: {
  error: Error;
  title?: string;
  level?: 1 | 2;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const fromApi = error instanceof ApiError;
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="error-panel" role="alert" data-testid="error">
      <Heading tabIndex={level === 1 ? -1 : undefined}>{title ?? t('error.title')}</Heading>
      {fromApi ? (
        <p>
          {t('error.serverSaid')}{' '}
          <q lang="en" data-testid="error-message">
            {error.message}
          </q>
        </p>
      ) : (
        <p>{t('error.network')}</p>
      )}
      <div className="error-actions">
        {onRetry && !(fromApi && error.status === 404) ? (
          <button type="button" className="button" onClick={onRetry}>
            {t('error.retry')}
          </button>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/** NACE/OKED sections as short translated labels; the full official name is the tooltip. */
export function Sectors({ sections, full = false }: { sections: readonly string[]; full?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="sectors">
      {sections.map((s, i) => {
        const key = `nace.${s}` as MessageKey;
        const short = `naceShort.${s}` as MessageKey;
        const known = hasMessage(key);
        return (
          <span key={s}>
            {i > 0 ? ', ' : null}
            {known ? <span title={full ? undefined : t(key)}>{full ? `${s} — ${t(key)}` : t(short)}</span> : s}
          </span>
        );
      })}
    </span>
  );
}

/** Note parts the reference data uses over and over, translated; any other part stays as the source wrote it. */
const NOTE_TERMS: Record<string, MessageKey> = {
  census: 'noteTerm.census',
  '1 Jan estimate': 'noteTerm.jan1Estimate',
  'town proper': 'noteTerm.townProper',
  estimate: 'noteTerm.estimate',
};

/** The note as plain text with the known parts translated (for tooltips). */
export function noteString(note: string, t: (key: MessageKey) => string): string {
  return note
    .split('; ')
    .map((p) => (NOTE_TERMS[p.trim()] ? t(NOTE_TERMS[p.trim()]) : p))
    .join('; ');
}

export function NoteText({ note }: { note: string }) {
  const { t } = useI18n();
  const parts = note.split('; ');
  return (
    <span>
      {parts.map((p, i) => {
        const key = NOTE_TERMS[p.trim()];
        return (
          <span key={i}>
            {i > 0 ? '; ' : null}
            {key ? t(key) : <DataText>{p}</DataText>}
          </span>
        );
      })}
    </span>
  );
}

/** A labelled year selector (the town page's typology and vulnerability sections). */
export function YearSelect({
  id,
  label,
  years,
  year,
  onChange,
  testId,
  describedBy,
}: {
  id: string;
  label: string;
  years: readonly number[];
  year: number;
  onChange: (year: number) => void;
  testId: string;
  describedBy?: string;
}) {
  return (
    <div className="status-controls">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={year} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId} aria-describedby={describedBy}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
