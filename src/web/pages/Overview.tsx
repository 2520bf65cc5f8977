import { useEffect, useId, useMemo, useState } from 'react';
import { client, loadRulesets, loadTowns, loadTypologies, loadVulnerability, useApi } from '../api.js';
import { ErrorPanel, Loading } from '../components/common.js';
import { ClassLegend, KazakhstanMap, MapLegend, type MapClasses, type MapStatus } from '../components/KazakhstanMap.js';
import { COLOUR_BY_KEY, filterClasses, StatusFilter, type ColourBy, type VerdictFilter } from '../components/StatusFilter.js';
import { TownTable, type TableClasses } from '../components/TownTable.js';
import { prepareRegions } from '../geo.js';
import { useI18n } from '../i18n/index.js';
import { hrefTownSection } from '../router.js';
import { countVerdicts, defaultRuleset, latestYearInForce, rulesetsInForce, STATUS_YEARS, type Verdict } from '../status.js';
import { DEFAULT_TYPOLOGY_YEAR, TYPOLOGY_YEARS, UNKNOWN, type ClassScheme } from '../typology.js';

/** Each town's class of a typology, or its vulnerability band, in a year (town → class). */
async function loadClasses(scheme: ClassScheme, year: number): Promise<Map<string, string>> {
  if (scheme === 'vulnerability') {
    const towns = await loadTowns();
    const results = await Promise.all(towns.map((tw) => loadVulnerability(tw.id, year)));
    return new Map(results.map((v, i) => [towns[i]!.id, v.band]));
  }
  const items = await loadTypologies(year);
  return new Map(items.filter((i) => i.typology === scheme).map((i) => [i.town, i.class]));
}

export function Overview() {
  const { lang, t } = useI18n();
  const towns = useApi('towns', () => client.towns());
  const regionsRaw = useApi('regions-2024', () => client.regions(2024));
  const regionsData = regionsRaw.state === 'ready' ? regionsRaw.data : null;
  const regions = useMemo(() => (regionsData ? prepareRegions(regionsData) : null), [regionsData]);
  const mapHeading = useId();
  const tableHeading = useId();
  const captionId = useId();

  // The legal status filter: nothing is remembered; the year starts at the latest with a rule set in force.
  const rulesetsApi = useApi('rulesets', loadRulesets);
  const rulesets = rulesetsApi.state === 'ready' ? rulesetsApi.data : null;
  const [colourBy, setColourBy] = useState<ColourBy>('status');
  const [chosenYear, setYear] = useState<number | null>(null);
  const [chosenRuleset, setRuleset] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const [classFilter, setClassFilter] = useState<string>('all');
  const byStatus = colourBy === 'status';
  // The year is shared by the modes; each mode offers its own years and starts at its own default.
  const year = byStatus
    ? chosenYear !== null && STATUS_YEARS.includes(chosenYear)
      ? chosenYear
      : rulesets
        ? latestYearInForce(rulesets)
        : null
    : chosenYear !== null && TYPOLOGY_YEARS.includes(chosenYear)
      ? chosenYear
      : DEFAULT_TYPOLOGY_YEAR;
  const inForce = rulesets && year !== null ? rulesetsInForce(rulesets, year) : [];
  const ruleset = inForce.find((r) => r.id === chosenRuleset) ?? defaultRuleset(inForce);
  const status = useApi(byStatus ? `status:${year}:${ruleset?.id ?? ''}` : 'status:none', () =>
    byStatus && year !== null && ruleset ? client.status(year, ruleset.id) : Promise.resolve([]),
  );
  const statusData = byStatus && status.state === 'ready' && ruleset ? status.data : null;
  const classesApi = useApi(byStatus || year === null ? 'classes:none' : `classes:${colourBy}:${year}`, () =>
    byStatus || year === null ? Promise.resolve(new Map<string, string>()) : loadClasses(colourBy, year),
  );
  const classValues = !byStatus && classesApi.state === 'ready' ? classesApi.data : null;
  const classCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of classValues?.values() ?? []) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  }, [classValues]);
  const verdicts = useMemo(() => (statusData ? new Map<string, Verdict>(statusData.map((s) => [s.town, s.verdict])) : null), [statusData]);
  const counts = useMemo(() => (statusData ? countVerdicts(statusData) : null), [statusData]);

  useEffect(() => {
    document.title = t('title.overview');
  }, [t]);

  const allTowns = towns.state === 'ready' ? towns.data : [];
  const filtering = byStatus ? verdict !== 'all' && verdicts !== null : classFilter !== 'all' && classValues !== null;
  const shown = !filtering
    ? allTowns
    : byStatus
      ? allTowns.filter((tw) => verdicts?.get(tw.id) === verdict)
      : allTowns.filter((tw) => (classValues?.get(tw.id) ?? UNKNOWN) === classFilter);
  const shownIds = new Set(shown.map((tw) => tw.id));
  const dimmed = filtering ? (id: string) => !shownIds.has(id) : () => false;
  const mapStatus: MapStatus | null = byStatus && year !== null && ruleset && verdicts ? { year, verdicts, dimmed } : null;
  const schemeTitle = t(COLOUR_BY_KEY[colourBy]);
  const mapClasses: MapClasses | null =
    !byStatus && year !== null && classValues ? { scheme: colourBy, year, title: schemeTitle, values: classValues, dimmed } : null;
  const tableClasses: TableClasses | null =
    !byStatus && year !== null
      ? {
          scheme: colourBy,
          year,
          title: schemeTitle,
          values: classValues,
          loading: classesApi.state === 'loading',
          href: (id) => hrefTownSection(id, colourBy === 'vulnerability' ? 'vulnerability' : 'typologies'),
        }
      : null;
  const chooseColourBy = (c: ColourBy) => {
    setColourBy(c);
    setClassFilter('all');
  };

  return (
    <div className="overview" data-testid="overview">
      <h1 tabIndex={-1}>{t('overview.heading')}</h1>
      <p className="lead">{t('overview.intro')}</p>
      {towns.state === 'ready' ? <p className="count">{t('overview.count', { count: towns.data.length })}</p> : null}

      {rulesetsApi.state === 'error' ? <ErrorPanel error={rulesetsApi.error} title={t('filter.error')} onRetry={rulesetsApi.retry} /> : null}
      {rulesets && year !== null ? (
        <StatusFilter
          rulesets={rulesets}
          colourBy={colourBy}
          onColourBy={chooseColourBy}
          year={year}
          onYear={setYear}
          ruleset={ruleset}
          onRuleset={setRuleset}
          verdict={verdict}
          onVerdict={setVerdict}
          classFilter={classFilter}
          onClassFilter={setClassFilter}
        />
      ) : null}
      {status.state === 'error' ? <ErrorPanel error={status.error} title={t('filter.error')} onRetry={status.retry} /> : null}
      {classesApi.state === 'error' ? <ErrorPanel error={classesApi.error} title={t('filter.classError')} onRetry={classesApi.retry} /> : null}

      <section aria-labelledby={mapHeading} className="card map-section">
        <h2 id={mapHeading}>{t('map.heading')}</h2>
        <p className="hint">{t('map.hint')}</p>
        <figure className="map-figure">
          {regionsRaw.state === 'error' ? (
            <ErrorPanel error={regionsRaw.error} title={t('map.mapError')} onRetry={regionsRaw.retry} />
          ) : regions === null || towns.state === 'loading' ? (
            <Loading label={t('map.loadingMap')} />
          ) : (
            <KazakhstanMap regions={regions} towns={allTowns} status={mapStatus} classes={mapClasses} />
          )}
          {mapStatus && ruleset && counts ? <MapLegend year={mapStatus.year} ruleset={ruleset.label[lang]} counts={counts} filtering={filtering} /> : null}
          {mapClasses ? (
            <ClassLegend
              scheme={mapClasses.scheme}
              title={t('map.legendTitleClass', { year: mapClasses.year, typology: schemeTitle })}
              classes={filterClasses(mapClasses.scheme)}
              counts={classCounts}
              filtering={filtering}
            />
          ) : null}
          <figcaption className="credit" data-testid="map-credit">
            {t('map.credit')}
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby={tableHeading} className="card">
        <h2 id={tableHeading}>{t('table.heading')}</h2>
        <p className="count" aria-live="polite" data-testid="shown-count">
          {towns.state === 'ready' && filtering ? t('overview.shown', { shown: shown.length, total: allTowns.length }) : null}
        </p>
        {towns.state === 'loading' ? <Loading /> : null}
        {towns.state === 'error' ? <ErrorPanel error={towns.error} onRetry={towns.retry} /> : null}
        {towns.state === 'ready' ? (
          <TownTable
            towns={shown}
            captionId={captionId}
            status={byStatus && year !== null && ruleset ? { year, ruleset: ruleset.label[lang], verdicts, loading: status.state === 'loading' } : null}
            classes={tableClasses}
          />
        ) : null}
        {towns.state === 'ready' && filtering && shown.length === 0 ? (
          <p className="muted" data-testid="no-towns">
            {byStatus ? t('overview.noneShown') : t('overview.noneShownClass')}
          </p>
        ) : null}
      </section>
    </div>
  );
}
