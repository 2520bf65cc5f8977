import { useEffect, useId, useMemo, useState } from 'react';
import type { ClustersDto, IndicatorDto, TypologyComparisonDto, TypologyItemDto } from '../../client/api-client.js';
import { ApiError, client, loadIndicators, loadTowns, loadTypologies, useApi } from '../api.js';
import { DataText, ErrorPanel, Loading } from '../components/common.js';
import { Dendrogram } from '../components/Dendrogram.js';
import { compareDimensions, IndicatorPickerGroups } from '../components/indicators.js';
import { ClassBadge, formatNumber, typologyName, type IndicatorMap } from '../components/typology.js';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { hrefTownSection } from '../router.js';
import { DEFAULT_TYPOLOGY_YEAR, isTypologyId, missingCounts, orderClasses, TYPOLOGY_YEARS, UNKNOWN, type TypologyId } from '../typology.js';

/** Why a typology's computed class is so often unknown, in a sentence per typology (docs/methods/typologies.md). */
const WHY_UNKNOWN: Record<TypologyId, MessageKey> = {
  tfe_operating_state: 'cmp.why.tfe_operating_state',
  production_type: 'cmp.why.production_type',
  development_dynamics: 'cmp.why.development_dynamics',
  economic_potential: 'cmp.why.economic_potential',
};

/** Defaults of the data-driven section: the figures most towns have in one year. */
const DEFAULT_CLUSTER_YEAR = 2021;
const DEFAULT_CLUSTER_INDICATORS = ['population'];
const DEFAULT_K = 3;

export function TypologiesPage({ year: requestedYear }: { year: number | null }) {
  const { t } = useI18n();
  const selectId = useId();
  const [year, setYear] = useState(requestedYear !== null && TYPOLOGY_YEARS.includes(requestedYear) ? requestedYear : DEFAULT_TYPOLOGY_YEAR);
  const meta = useApi('typologies-page-meta', () => Promise.all([loadIndicators(), loadTowns()]));
  const metaData = meta.state === 'ready' ? meta.data : null;
  const indicators = useMemo(() => new Map(metaData ? metaData[0].map((i) => [i.code, i]) : []), [metaData]);
  const { lang } = useI18n();
  const names = useMemo(() => new Map(metaData ? metaData[1].map((tw) => [tw.id, tw.name[lang]]) : []), [metaData, lang]);
  const data = useApi(`typologies-compare:${year}`, () => Promise.all([client.typologiesCompare(year), loadTypologies(year)]));

  useEffect(() => {
    document.title = t('title.typologies');
  }, [t]);

  return (
    <div className="typologies-page" data-testid="typologies-page">
      <h1 tabIndex={-1}>{t('typologies.heading')}</h1>
      <p className="lead">{t('typologies.intro')}</p>
      <div className="status-controls">
        <label htmlFor={selectId}>{t('typ.year')}</label>
        <select id={selectId} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="typologies-page-year">
          {TYPOLOGY_YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {meta.state === 'error' ? <ErrorPanel error={meta.error} onRetry={meta.retry} /> : null}
      <div aria-live="polite" aria-busy={data.state === 'loading'}>
        {data.state === 'loading' || meta.state === 'loading' ? <Loading /> : null}
        {data.state === 'error' ? <ErrorPanel error={data.error} onRetry={data.retry} /> : null}
        {data.state === 'ready' && metaData
          ? data.data[0].map((cmp) => (
              <Comparison
                key={cmp.typology}
                cmp={cmp}
                items={data.data[1].filter((i) => i.typology === cmp.typology)}
                year={year}
                names={names}
                indicators={indicators}
              />
            ))
          : null}
      </div>
      {metaData ? <DataDriven catalogue={metaData[0]} names={names} indicators={indicators} /> : null}
    </div>
  );
}

/** A missing input's name for the «most often missing» line (the codes of `missingCounts`). */
function missingCodeName(code: string, indicators: IndicatorMap, i18n: I18n): string {
  if (code === 'enterprise_states') return i18n.t('status.missingStates');
  if (code === 'nace_section') return i18n.t('typ.missing.sectionsShort');
  if (code === 'town_forming_enterprises') return i18n.t('typ.missing.enterprises');
  return indicators.get(code)?.name[i18n.lang] ?? code;
}

function TownList({ towns, names, typology }: { towns: readonly string[]; names: ReadonlyMap<string, string>; typology: string }) {
  const { locale } = useI18n();
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const sorted = [...towns].sort((a, b) => collator.compare(names.get(a) ?? a, names.get(b) ?? b));
  return (
    <ul className="town-list">
      {sorted.map((id) => (
        <li key={id}>
          <a href={hrefTownSection(id, 'typologies')} data-town={id} data-typology={typology}>
            {names.get(id) ?? id}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** One typology: the confusion table of computed against published classes, and why so many are unknown. */
function Comparison({
  cmp,
  items,
  year,
  names,
  indicators,
}: {
  cmp: TypologyComparisonDto;
  items: readonly TypologyItemDto[];
  year: number;
  names: ReadonlyMap<string, string>;
  indicators: IndicatorMap;
}) {
  const i18n = useI18n();
  const { t, numLocale } = i18n;
  const headingId = useId();
  const captionId = useId();
  const typology = isTypologyId(cmp.typology) ? cmp.typology : null;
  const { table } = cmp;
  const computed = orderClasses(table.computedClasses, typology ?? undefined);
  const published = orderClasses(table.publishedClasses, typology ?? undefined);
  const cell = (c: string, p: string) => table.cells.find((x) => x.computed === c && x.published === p);
  const computedUnknown = table.cells.filter((x) => x.computed === UNKNOWN).reduce((s, x) => s + x.count, 0);
  const publishedUnknown = table.cells.filter((x) => x.published === UNKNOWN).reduce((s, x) => s + x.count, 0);
  const topMissing = missingCounts(items).slice(0, 4);
  const name = typology ? typologyName(typology, t) : cmp.label[i18n.lang];

  return (
    <section aria-labelledby={headingId} className="card comparison" data-testid="typology-comparison" data-typology={cmp.typology}>
      <h2 id={headingId}>{name}</h2>
      <p className="comparison-summary" data-testid="comparison-summary">
        {table.compared > 0
          ? t('cmp.summary', {
              compared: table.compared,
              total: table.total,
              agreed: table.agreed,
              share: formatNumber((table.agreement ?? 0) * 100, numLocale, 0),
            })
          : t('cmp.summaryNone', { total: table.total })}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table confusion-table" data-testid="confusion-table" data-typology={cmp.typology}>
          <caption id={captionId}>{t('cmp.caption', { typology: name, year })}</caption>
          <thead>
            <tr>
              <th scope="col" className="corner">
                {t('cmp.corner')}
              </th>
              {published.map((p) => (
                <th key={p} scope="col" data-class={p}>
                  <span className="unit">{t('cmp.published')}</span>
                  <ClassBadge cls={p} scheme={typology ?? 'production_type'} />
                </th>
              ))}
              <th scope="col" className="num">
                {t('cmp.rowTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {computed.map((c) => (
              <tr key={c} data-class={c}>
                <th scope="row">
                  <span className="unit">{t('cmp.computed')}</span>
                  <ClassBadge cls={c} scheme={typology ?? 'production_type'} />
                </th>
                {published.map((p) => {
                  const x = cell(c, p);
                  const agree = c !== UNKNOWN && p !== UNKNOWN ? (c === p ? 'agree' : 'disagree') : 'not-compared';
                  return (
                    <td
                      key={p}
                      className={`confusion-cell ${agree}`}
                      data-testid="confusion-cell"
                      data-computed={c}
                      data-published={p}
                      data-count={x?.count ?? 0}
                    >
                      {x ? (
                        <>
                          <strong className="confusion-count">{x.count}</strong>
                          {agree !== 'not-compared' ? <span className="visually-hidden">{agree === 'agree' ? t('cmp.agree') : t('cmp.disagree')}</span> : null}
                          <TownList towns={x.towns} names={names} typology={cmp.typology} />
                        </>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  );
                })}
                <td className="num">{table.cells.filter((x) => x.computed === c).reduce((s, x) => s + x.count, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fact-note">{t('cmp.legend')}</p>
      {computedUnknown > 0 && typology ? (
        <div className="why-unknown" data-testid="why-unknown">
          <p>
            <strong>{t('cmp.whyHeading', { count: computedUnknown, total: table.total })}</strong> {t(WHY_UNKNOWN[typology])}
          </p>
          {topMissing.length > 0 ? (
            <p className="muted">
              {t('cmp.mostMissing', {
                list: topMissing.map((m) => t('cmp.missingCount', { name: missingCodeName(m.code, indicators, i18n), count: m.towns })).join('; '),
              })}
            </p>
          ) : null}
        </div>
      ) : null}
      {publishedUnknown > 0 ? <p className="muted">{t('cmp.whyPublishedUnknown', { count: publishedUnknown, year })}</p> : null}
      {table.publishedOnly.length > 0 ? (
        <p className="muted">
          {t('cmp.publishedOnly')} <TownList towns={table.publishedOnly} names={names} typology={cmp.typology} />
        </p>
      ) : null}
      {cmp.conflicts.length > 0 ? (
        <details className="status-notes">
          <summary>{t('cmp.conflicts', { count: cmp.conflicts.length })}</summary>
          <ul>
            {cmp.conflicts.map((c, i) => (
              <li key={i}>
                <DataText>{c}</DataText>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The indicators offered for clustering: the numeric ones, by dimension. */
function numericByDimension(catalogue: readonly IndicatorDto[]): { dimension: string; indicators: IndicatorDto[] }[] {
  const by = new Map<string, IndicatorDto[]>();
  for (const i of catalogue) if (i.kind === 'numeric') by.set(i.dimension, [...(by.get(i.dimension) ?? []), i]);
  return [...by.entries()].sort(([a], [b]) => compareDimensions(a, b)).map(([dimension, indicators]) => ({ dimension, indicators }));
}

/** The excluded towns of a clustering that could not run, from the API's details. */
function excludedOf(error: Error): { unit: string; missing: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const list = error.details?.excluded;
  return Array.isArray(list) ? list.filter((x): x is { unit: string; missing: string[] } => typeof x?.unit === 'string' && Array.isArray(x?.missing)) : [];
}

function ExcludedTable({
  excluded,
  names,
  indicators,
}: {
  excluded: readonly { unit: string; missing: string[] }[];
  names: ReadonlyMap<string, string>;
  indicators: IndicatorMap;
}) {
  const { t, lang } = useI18n();
  const captionId = useId();
  if (excluded.length === 0) return null;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="clusters-excluded">
        <caption id={captionId}>{t('clusters.excludedCaption', { count: excluded.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('clusters.col.lacks')}</th>
          </tr>
        </thead>
        <tbody>
          {excluded.map((e) => (
            <tr key={e.unit} data-testid="excluded-row" data-town={e.unit}>
              <th scope="row">{names.get(e.unit) ?? e.unit}</th>
              <td>{e.missing.map((m) => indicators.get(m)?.name[lang] ?? m).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Ward clustering on chosen indicators: the dendrogram, the clusters, who is left out and why, and the ARI against each published typology. */
function DataDriven({ catalogue, names, indicators }: { catalogue: readonly IndicatorDto[]; names: ReadonlyMap<string, string>; indicators: IndicatorMap }) {
  const { t } = useI18n();
  const headingId = useId();
  const ids = { year: useId(), k: useId(), legend: useId() };
  const [chosen, setChosen] = useState<string[]>(DEFAULT_CLUSTER_INDICATORS);
  const [year, setYear] = useState(DEFAULT_CLUSTER_YEAR);
  const [kText, setKText] = useState(String(DEFAULT_K));
  const k = /^\d+$/.test(kText) && Number(kText) >= 1 && Number(kText) <= 27 ? Number(kText) : null;
  const groups = useMemo(() => numericByDimension(catalogue), [catalogue]);
  const key = `clusters:${year}:${chosen.join(',')}:${k}`;
  const result = useApi(key, () => (chosen.length === 0 || k === null ? Promise.resolve(null) : client.typologiesClusters(year, chosen, k)));
  const toggle = (code: string, on: boolean) =>
    setChosen((c) => (on ? catalogue.filter((i) => i.code === code || c.includes(i.code)).map((i) => i.code) : c.filter((x) => x !== code)));

  return (
    <section aria-labelledby={headingId} className="card data-driven" data-testid="data-driven">
      <h2 id={headingId}>{t('clusters.heading')}</h2>
      <p className="hint">{t('clusters.intro')}</p>
      <div className="cluster-controls">
        <fieldset className="indicator-picker" aria-describedby={ids.legend}>
          <legend>{t('clusters.indicators')}</legend>
          <p className="fact-note" id={ids.legend}>
            {t('clusters.indicatorsHint')}
          </p>
          <IndicatorPickerGroups groups={groups} chosen={chosen} toggle={toggle} testId="cluster-indicator" />
        </fieldset>
        <div className="filter-row">
          <div className="field">
            <label htmlFor={ids.year}>{t('typ.year')}</label>
            <select id={ids.year} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="clusters-year">
              {TYPOLOGY_YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.k}>{t('clusters.k')}</label>
            <input
              id={ids.k}
              type="number"
              min={1}
              max={27}
              step={1}
              value={kText}
              onChange={(e) => setKText(e.target.value)}
              data-testid="clusters-k"
              className="number-input"
              aria-invalid={k === null}
            />
          </div>
        </div>
      </div>
      <div aria-live="polite" aria-busy={result.state === 'loading'} className="cluster-result">
        {chosen.length === 0 ? <p className="muted">{t('clusters.chooseOne')}</p> : null}
        {k === null ? <p className="muted">{t('clusters.kInvalid')}</p> : null}
        {result.state === 'loading' ? <Loading /> : null}
        {result.state === 'error' ? <ClusterError error={result.error} names={names} indicators={indicators} onRetry={result.retry} /> : null}
        {result.state === 'ready' && result.data ? <ClusterResult result={result.data} names={names} indicators={indicators} /> : null}
      </div>
    </section>
  );
}

function ClusterError({
  error,
  names,
  indicators,
  onRetry,
}: {
  error: Error;
  names: ReadonlyMap<string, string>;
  indicators: IndicatorMap;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const excluded = excludedOf(error);
  if (!(error instanceof ApiError) || error.status !== 400) return <ErrorPanel error={error} onRetry={onRetry} />;
  return (
    <div className="notice" data-testid="clusters-impossible">
      <h3>{t('clusters.impossible')}</h3>
      <p>{t('clusters.impossibleText')}</p>
      <p>
        {t('error.serverSaid')}{' '}
        <q lang="en" data-testid="error-message">
          {error.message}
        </q>
      </p>
      <ExcludedTable excluded={excluded} names={names} indicators={indicators} />
    </div>
  );
}

function ClusterResult({ result, names, indicators }: { result: ClustersDto; names: ReadonlyMap<string, string>; indicators: IndicatorMap }) {
  const { t, numLocale, lang } = useI18n();
  const ariCaption = useId();
  const clusters = Array.from({ length: result.k }, (_, i) => i + 1).map((c) => ({
    cluster: c,
    towns: result.units.filter((u) => result.labels[u] === c),
  }));
  return (
    <div data-testid="clusters-result">
      <p className="comparison-summary">
        {t('clusters.summary', { count: result.units.length, k: result.k, excluded: result.excluded.length, indicators: result.indicators.length })}
      </p>
      {result.warnings.length > 0 ? (
        <details className="status-notes" open>
          <summary>{t('clusters.warnings')}</summary>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>
                <DataText>{w}</DataText>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="clusters-layout">
        <figure className="dendrogram-figure">
          <Dendrogram result={result} names={names} />
          <figcaption className="fact-note">
            {t('clusters.figcaption', { indicators: result.indicators.map((c) => indicators.get(c)?.name[lang] ?? c).join('; ') })}
          </figcaption>
        </figure>
        <div>
          <h3>{t('clusters.clustersHeading')}</h3>
          <ol className="cluster-list" data-testid="cluster-list">
            {clusters.map((c) => (
              <li key={c.cluster} data-cluster={c.cluster}>
                <span className={`cluster-dot-inline cluster-${((c.cluster - 1) % 6) + 1}`} aria-hidden="true">
                  {c.cluster}
                </span>{' '}
                <strong>{t('clusters.clusterName', { n: c.cluster, count: c.towns.length })}</strong>: {c.towns.map((u) => names.get(u) ?? u).join(', ')}
              </li>
            ))}
          </ol>
        </div>
      </div>
      <div className="table-scroll" role="region" aria-labelledby={ariCaption} tabIndex={0}>
        <table className="data-table" data-testid="ari-table">
          <caption id={ariCaption}>{t('clusters.ariCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clusters.col.typology')}</th>
              <th scope="col" className="num">
                {t('clusters.col.ari')}
              </th>
              <th scope="col" className="num">
                {t('clusters.col.n')}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(result.comparisons).map(([typology, c]) => (
              <tr key={typology} data-testid="ari-row" data-typology={typology}>
                <th scope="row">{typologyName(typology, t)}</th>
                <td className="num">{c.ari === null ? <span className="muted">{t('clusters.ariNone')}</span> : formatNumber(c.ari, numLocale, 2)}</td>
                <td className="num">{c.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fact-note">{t('clusters.ariHint')}</p>
      <ExcludedTable excluded={result.excluded} names={names} indicators={indicators} />
    </div>
  );
}
