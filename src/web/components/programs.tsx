import { useId, type ReactNode } from 'react';
import type { SourceRefDto } from '../../client/api-client.js';
import type { TargetResult, TargetStatus } from '../../domain/targets/types.js';
import { LOCALES, useI18n, type I18n, type Lang, type MessageKey } from '../i18n/index.js';
import { client, loadIndicators, useApi } from '../api.js';
import { hrefProgram, hrefTown } from '../router.js';
import { DataText, ErrorPanel, Loading, SourceLink } from './common.js';

/** The id a seed document has on the sources page: `doc-` and its file name without extension, lowercased, `_` → `-`. */
export function docId(file: string): string {
  const f = file.trim();
  if (f.startsWith('doc-')) return f;
  return `doc-${f
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/_/g, '-')}`;
}

/** A source reference as the data writes it ("<file> | <passage>", a source id or a URL), as a cited source. */
export function sourceRef(text: string, known?: Record<string, SourceRefDto>): SourceRefDto {
  const hit = known?.[text];
  if (hit) return hit;
  const bar = text.indexOf(' | ');
  if (bar >= 0) {
    const file = text.slice(0, bar);
    const passage = text.slice(bar + 3);
    const id = docId(file);
    return known?.[`${id} | ${passage}`] ?? { id, title: file.trim(), url: null, passage };
  }
  if (/^https?:\/\//.test(text)) return { id: text, title: text.replace(/^https?:\/\//, ''), url: text, passage: null };
  return { id: text, title: text, url: null, passage: null };
}

/** The sources of an item, each a link. */
export function Sources({ sources, known }: { sources: readonly string[]; known?: Record<string, SourceRefDto> }) {
  const { t } = useI18n();
  if (sources.length === 0) return <span className="muted">{t('common.noSource')}</span>;
  return (
    <ul className="source-list">
      {sources.map((s) => (
        <li key={s}>
          <SourceLink source={sourceRef(s, known)} />
        </li>
      ))}
    </ul>
  );
}

export function formatNum(v: number | null | undefined, lang: Lang, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(v);
}

const STATUS_SYMBOL: Record<TargetStatus, string> = {
  achieved: '✓',
  on_track: '↗',
  at_risk: '!',
  missed: '✗',
  not_computable: '?',
};
const STATUS_KEY: Record<TargetStatus, MessageKey> = {
  achieved: 'target.status.achieved',
  on_track: 'target.status.on_track',
  at_risk: 'target.status.at_risk',
  missed: 'target.status.missed',
  not_computable: 'target.status.not_computable',
};

/** A target's status: a symbol and a word, on a coloured badge (never the colour alone). */
export function StatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge target-status target-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]} </span>
      {t(STATUS_KEY[status])}
    </span>
  );
}

/** A figure with its period and source link. */
function FigureCell({ value, period, source, known }: { value: number; period: string; source: string; known: Record<string, SourceRefDto> }) {
  const { lang } = useI18n();
  return (
    <>
      <span className="num">{formatNum(value, lang, 2)}</span> <span className="muted">({period})</span>
      <br />
      <SourceLink source={sourceRef(source, known)} />
    </>
  );
}

export function reasonCell(r: TargetResult, t: I18n['t']): ReactNode {
  if (r.status !== 'not_computable') return null;
  return (
    <>
      <span className="visually-hidden">{t('target.reason')}: </span>
      <DataText>{r.reason ?? '—'}</DataText>
    </>
  );
}

/**
 * Rows with nothing to show but the same reason (no baseline, no actual, not computable) are
 * grouped into one row per target and reason, listing the towns, so the few evaluated rows stand out.
 */
function groupRows(rows: readonly TargetResult[], group: boolean): { r: TargetResult; towns: string[] }[] {
  if (!group) return rows.map((r) => ({ r, towns: [r.town] }));
  const out: { r: TargetResult; towns: string[] }[] = [];
  const groups = new Map<string, { r: TargetResult; towns: string[] }>();
  for (const r of rows) {
    if (r.status !== 'not_computable' || r.actual || r.baseline) {
      out.push({ r, towns: [r.town] });
      continue;
    }
    // A reason may name the town ("no figure … for abai"): group on the reason without it.
    const reason = (r.reason ?? '').split(` for ${r.town}`).join('');
    const key = `${r.target}\u0000${reason}`;
    const g = groups.get(key);
    if (g) g.towns.push(r.town);
    else {
      const ng = { r: { ...r, reason }, towns: [r.town] };
      groups.set(key, ng);
      out.push(ng);
    }
  }
  return out;
}

/** A table of target results (one row per target × town; empty not-computable rows grouped). */
export function ScorecardTable({
  rows,
  known,
  townNames,
  caption,
  showTown = true,
}: {
  rows: readonly TargetResult[];
  known: Record<string, SourceRefDto>;
  townNames: ReadonlyMap<string, string>;
  caption: string;
  showTown?: boolean;
}) {
  const { t, lang } = useI18n();
  const indicators = useApi('indicators', loadIndicators);
  const indicatorNames = new Map(indicators.state === 'ready' ? indicators.data.map((i) => [i.code, i.name]) : []);
  return (
    <div className="table-scroll">
      <table className="data-table scorecard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('target.target')}</th>
            {showTown ? <th scope="col">{t('target.town')}</th> : null}
            <th scope="col">{t('target.status')}</th>
            <th scope="col">{t('target.baseline')}</th>
            <th scope="col">{t('target.targetValue')}</th>
            <th scope="col">{t('target.actual')}</th>
            <th scope="col" className="num">
              {t('target.achievement')}
            </th>
            <th scope="col" className="num">
              {t('target.expected')}
            </th>
            <th scope="col">{t('target.reason')}</th>
            <th scope="col">{t('target.source')}</th>
          </tr>
        </thead>
        <tbody>
          {groupRows(rows, showTown).map(({ r, towns }) => (
            <tr
              key={`${r.target}:${r.town}:${towns.length}`}
              data-testid={towns.length > 1 ? 'scorecard-group' : 'scorecard-row'}
              data-status={r.status}
              data-town={towns.length > 1 ? undefined : r.town}
              data-target={r.target}
            >
              <th scope="row">
                {indicatorNames.get(r.indicator)?.[lang] ?? <DataText>{r.indicator}</DataText>}
                <br />
                <span className="muted">
                  <DataText>{r.target}</DataText>
                  {r.deadline ? <> · {t('target.deadline', { deadline: r.deadline })}</> : null}
                </span>
              </th>
              {showTown ? (
                <td>
                  {towns.length > 1 ? (
                    <details>
                      <summary>{t('target.townsCount', { count: towns.length })}</summary>
                      {towns.map((id, i) => (
                        <span key={id}>
                          {i > 0 ? ', ' : null}
                          <a href={hrefTown(id)}>{townNames.get(id) ?? id}</a>
                        </span>
                      ))}
                    </details>
                  ) : (
                    <a href={hrefTown(r.town)}>{townNames.get(r.town) ?? r.town}</a>
                  )}
                </td>
              ) : null}
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{r.baseline ? <FigureCell value={r.baseline.value} period={r.baseline.period} source={r.baseline.source} known={known} /> : '—'}</td>
              <td className="num">{formatNum(r.targetValue, lang, 2)}</td>
              <td>{r.actual ? <FigureCell value={r.actual.value} period={r.actual.period} source={r.actual.source} known={known} /> : '—'}</td>
              <td className="num">{r.achievementPct === null ? '—' : `${formatNum(r.achievementPct, lang, 1)} %`}</td>
              <td className="num">{r.expectedPct === null ? '—' : `${formatNum(r.expectedPct, lang, 1)} %`}</td>
              <td className="reason-cell">{reasonCell(r, t)}</td>
              <td>
                <Sources sources={r.targetSource} known={known} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every program target that applies to one town, with its status and, when not computable, the reason. */
export function TownScorecardSection({ townId, townName }: { townId: string; townName: string }) {
  const { t, lang } = useI18n();
  const h = useId();
  const card = useApi(`town-scorecard:${townId}`, () => client.townScorecard(townId));
  return (
    <section aria-labelledby={h} className="card" data-testid="town-scorecard">
      <h2 id={h}>{t('townTargets.heading')}</h2>
      {card.state === 'loading' ? <Loading /> : null}
      {card.state === 'error' ? <ErrorPanel error={card.error} onRetry={card.retry} /> : null}
      {card.state === 'ready' ? (
        <>
          <p className="hint">{t('townTargets.asOf', { asOf: card.data.asOf })}</p>
          {card.data.programs.every((p) => p.rows.length === 0) ? <p className="muted">{t('townTargets.none')}</p> : null}
          {card.data.programs
            .filter((p) => p.rows.length > 0)
            .map((p) => (
              <div key={p.program}>
                <h3>
                  <a href={hrefProgram(p.program)}>{p.programName[lang]}</a>
                </h3>
                <ScorecardTable
                  rows={p.rows}
                  known={card.data.sources}
                  townNames={new Map([[townId, townName]])}
                  showTown={false}
                  caption={t('townTargets.caption', { town: townName })}
                />
              </div>
            ))}
        </>
      ) : null}
    </section>
  );
}
