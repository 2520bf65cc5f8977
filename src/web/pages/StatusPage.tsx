import { useEffect, useId, useMemo, useState } from 'react';
import type { RuleSetDto, StatusItemDto, TownSummaryDto } from '../../client/api-client.js';
import { client, loadIndicators, loadRulesets, useApi } from '../api.js';
import { DataText, ErrorPanel, Loading } from '../components/common.js';
import {
  LegalReference,
  missingText,
  RuleText,
  RulesetKind,
  validityText,
  VERDICT_KEY,
  VerdictBadge,
  VerdictCounts,
  type IndicatorMap,
} from '../components/status.js';
import { useI18n } from '../i18n/index.js';
import { hrefTown, hrefTownStatus, rulesetAnchor } from '../router.js';
import {
  combination,
  countVerdicts,
  criterionLeaves,
  evaluationDate,
  latestYearInForce,
  rulesetsInForce,
  STATUS_YEARS,
  versionInForce,
  type Combination,
} from '../status.js';

/**
 * The legal status of every town under every rule set in force in a year (a matrix), and what each
 * rule set is: its label, definition, legal basis, validity and notes.
 */
export function StatusPage({ year: requestedYear, focus }: { year: number | null; focus: string | null }) {
  const { t, date } = useI18n();
  const meta = useApi('status-page-meta', () => Promise.all([loadRulesets(), loadIndicators(), client.towns()]));
  const metaData = meta.state === 'ready' ? meta.data : null;
  const rulesets = metaData ? metaData[0] : null;
  const indicators = useMemo(() => new Map(metaData ? metaData[1].map((i) => [i.code, i]) : []), [metaData]);
  const [chosen, setChosen] = useState<number | null>(requestedYear !== null && STATUS_YEARS.includes(requestedYear) ? requestedYear : null);
  const year = chosen ?? (rulesets ? latestYearInForce(rulesets) : null);
  const status = useApi(`status-all:${year}`, () => (year === null ? Promise.resolve([]) : client.status(year)));
  const selectId = useId();

  useEffect(() => {
    document.title = t('title.status');
  }, [t]);

  // `#/status?ruleset=<id>`: bring that rule set's description into view once the page is there.
  const ready = metaData !== null;
  useEffect(() => {
    if (!ready || !focus) return;
    const el = document.getElementById(rulesetAnchor(focus));
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [ready, focus]);

  return (
    <div className="status-page" data-testid="status-page">
      <h1 tabIndex={-1}>{t('status.heading')}</h1>
      <p className="lead">{t('status.pageIntro')}</p>
      {meta.state === 'loading' ? <Loading /> : null}
      {meta.state === 'error' ? <ErrorPanel error={meta.error} onRetry={meta.retry} /> : null}
      {metaData && rulesets && year !== null ? (
        <>
          <div className="status-controls">
            <label htmlFor={selectId}>{t('status.year')}</label>
            <select id={selectId} value={year} onChange={(e) => setChosen(Number(e.target.value))} data-testid="status-page-year">
              {STATUS_YEARS.map((y) => (
                <option key={y} value={y}>
                  {rulesetsInForce(rulesets, y).length > 0 ? y : t('status.yearNone', { year: y })}
                </option>
              ))}
            </select>
            <span className="muted">{t('status.asOf', { date: date(evaluationDate(year)) })}</span>
          </div>
          <div aria-live="polite" aria-busy={status.state === 'loading'}>
            {status.state === 'loading' ? <Loading /> : null}
            {status.state === 'error' ? <ErrorPanel error={status.error} onRetry={status.retry} /> : null}
            {status.state === 'ready' ? (
              <Matrix year={year} rulesets={rulesetsInForce(rulesets, year)} towns={metaData[2]} items={status.data} indicators={indicators} />
            ) : null}
          </div>
          <Descriptions rulesets={rulesets} year={year} focus={focus} />
        </>
      ) : null}
    </div>
  );
}

function Matrix({
  year,
  rulesets,
  towns,
  items,
  indicators,
}: {
  year: number;
  rulesets: readonly RuleSetDto[];
  towns: readonly TownSummaryDto[];
  items: readonly StatusItemDto[];
  indicators: IndicatorMap;
}) {
  const i18n = useI18n();
  const { lang, locale, t } = i18n;
  const headingId = useId();
  const captionId = useId();
  const byKey = useMemo(() => new Map(items.map((i) => [`${i.town}\u0000${i.ruleset}`, i])), [items]);
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    return [...towns].sort((a, b) => collator.compare(a.name[lang], b.name[lang]));
  }, [towns, lang, locale]);

  if (rulesets.length === 0)
    return (
      <section aria-labelledby={headingId} className="card">
        <h2 id={headingId}>{t('status.matrixHeading', { year })}</h2>
        <p className="muted" data-testid="legal-status-none">
          {t('status.noneInForce', { year })}
        </p>
      </section>
    );

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('status.matrixHeading', { year })}</h2>
      <p className="hint">{t('status.matrixHint')}</p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table status-matrix" data-testid="status-matrix">
          <caption id={captionId}>{t('status.matrixCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.name')}</th>
              {rulesets.map((r) => (
                <th key={r.id} scope="col" data-ruleset={r.id} className="ruleset-head">
                  <span className="ruleset-head-label">{r.label[lang]}</span>
                  <span className="unit">
                    <RulesetKind ruleset={r} rulesets={rulesets} />
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((town) => (
              <tr key={town.id} data-testid="status-row" data-town={town.id}>
                <th scope="row">
                  <a href={hrefTown(town.id)}>{town.name[lang]}</a>
                </th>
                {rulesets.map((r) => {
                  const item = byKey.get(`${town.id}\u0000${r.id}`);
                  if (!item)
                    return (
                      <td key={r.id} className="muted">
                        {t('common.noData')}
                      </td>
                    );
                  const missing = missingText(item.missing, indicators, i18n);
                  const title =
                    item.verdict === 'unknown' && missing
                      ? t('status.cellTitleMissing', { town: town.name[lang], verdict: t(VERDICT_KEY[item.verdict]), missing })
                      : t('status.cellTitle', { town: town.name[lang], verdict: t(VERDICT_KEY[item.verdict]) });
                  return (
                    <td key={r.id} data-testid="status-matrix-cell" data-ruleset={r.id} data-verdict={item.verdict}>
                      <a href={hrefTownStatus(town.id, year)} title={title} className="matrix-link">
                        <VerdictBadge verdict={item.verdict} />
                        {item.proxies.length > 0 ? (
                          <span className="matrix-proxy">
                            <span aria-hidden="true">≈ </span>
                            {t('status.proxy')}
                          </span>
                        ) : null}
                      </a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('status.totals')}</th>
              {rulesets.map((r) => (
                <td key={r.id}>
                  <VerdictCounts counts={countVerdicts(items.filter((i) => i.ruleset === r.id))} />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function CriteriaList({ tree }: { tree: unknown }) {
  const { lang, t } = useI18n();
  const leaves = criterionLeaves(tree);
  const combo = combination(tree);
  const numbers = new Map(leaves.map((l, i) => [l.id, i + 1]));
  const text = (c: Combination, top = true): string => {
    if ('leaf' in c) return String(numbers.get(c.leaf) ?? c.leaf);
    if (c.parts.length === 1) return text(c.parts[0]!, top);
    const s = c.parts.map((p) => text(p, false)).join(` ${c.op === 'all' ? t('status.and') : t('status.or')} `);
    return top ? s : `(${s})`;
  };
  return (
    <>
      <ol className="criteria-list">
        {leaves.map((l) => (
          <li key={l.id}>{l.label ? l.label[lang] : <DataText>{l.id}</DataText>}</li>
        ))}
      </ol>
      {combo && leaves.length > 1 ? <p className="fact-note">{t('status.combinationLine', { rule: text(combo) })}</p> : null}
    </>
  );
}

function Descriptions({ rulesets, year, focus }: { rulesets: readonly RuleSetDto[]; year: number; focus: string | null }) {
  const i18n = useI18n();
  const { lang, t } = i18n;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="ruleset-descriptions">
      <h2 id={headingId}>{t('status.definitionsHeading')}</h2>
      <p className="hint">{t('status.definitionsIntro')}</p>
      {rulesets.map((r) => {
        const inForce = versionInForce(r, year) !== null;
        return (
          <article
            key={r.id}
            id={rulesetAnchor(r.id)}
            tabIndex={-1}
            className={focus === r.id ? 'card ruleset-desc is-target' : 'card ruleset-desc'}
            data-testid="ruleset-description"
            data-ruleset={r.id}
            aria-labelledby={`${rulesetAnchor(r.id)}-h`}
          >
            <h3 id={`${rulesetAnchor(r.id)}-h`}>{r.label[lang]}</h3>
            <p className="status-card-kind">
              <RulesetKind ruleset={r} rulesets={rulesets} /> ·{' '}
              <span className={inForce ? 'in-force' : 'not-in-force'}>{inForce ? t('status.inForce', { year }) : t('status.notInForce', { year })}</span>
            </p>
            {r.definition ? (
              <figure className="definition">
                <blockquote>{r.definition[lang]}</blockquote>
                <figcaption className="fact-note">{t('status.definitionCaption')}</figcaption>
              </figure>
            ) : null}
            <dl className="facts compact ruleset-facts">
              <div className="fact">
                <dt>{r.kind === 'literature' ? t('status.basisLiterature') : t('status.basis')}</dt>
                <dd>
                  <LegalReference reference={r.reference} />
                </dd>
              </div>
              <div className="fact">
                <dt>{t('status.versions')}</dt>
                <dd>
                  <ul className="plain">
                    {r.versions.map((v) => (
                      <li key={v.since}>
                        {validityText(v.since, v.until, i18n)}
                        {v.reference ? (
                          <span className="fact-source">
                            <LegalReference reference={v.reference} />
                          </span>
                        ) : null}
                        {v.note ? (
                          <span className="fact-note">
                            <RuleText>{v.note}</RuleText>
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            </dl>
            {r.versions.map((v) => (
              <div key={v.since} className="ruleset-criteria">
                <h4>{r.versions.length > 1 ? t('status.criteriaOfVersion', { validity: validityText(v.since, v.until, i18n) }) : t('status.criteria')}</h4>
                <CriteriaList tree={v.criterion} />
              </div>
            ))}
            {r.note ? (
              <div className="ruleset-note">
                <h4>{t('status.note')}</h4>
                <p>
                  <RuleText>{r.note}</RuleText>
                </p>
              </div>
            ) : null}
            {r.wording ? (
              <div className="ruleset-note">
                <h4>{t('status.wording')}</h4>
                <p>
                  <RuleText>{r.wording}</RuleText>
                </p>
              </div>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
