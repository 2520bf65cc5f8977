import { useEffect, useId, useMemo, useState } from 'react';
import { client, loadRulesets, useApi } from '../api.js';
import { ErrorPanel, Loading } from '../components/common.js';
import { KazakhstanMap, MapLegend, type MapStatus } from '../components/KazakhstanMap.js';
import { StatusFilter, type VerdictFilter } from '../components/StatusFilter.js';
import { TownTable } from '../components/TownTable.js';
import { prepareRegions } from '../geo.js';
import { useI18n } from '../i18n/index.js';
import { countVerdicts, defaultRuleset, latestYearInForce, rulesetsInForce, type Verdict } from '../status.js';

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
  const [chosenYear, setYear] = useState<number | null>(null);
  const [chosenRuleset, setRuleset] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const year = chosenYear ?? (rulesets ? latestYearInForce(rulesets) : null);
  const inForce = rulesets && year !== null ? rulesetsInForce(rulesets, year) : [];
  const ruleset = inForce.find((r) => r.id === chosenRuleset) ?? defaultRuleset(inForce);
  const status = useApi(`status:${year}:${ruleset?.id ?? ''}`, () => (year !== null && ruleset ? client.status(year, ruleset.id) : Promise.resolve([])));
  const statusData = status.state === 'ready' && ruleset ? status.data : null;
  const verdicts = useMemo(() => (statusData ? new Map<string, Verdict>(statusData.map((s) => [s.town, s.verdict])) : null), [statusData]);
  const counts = useMemo(() => (statusData ? countVerdicts(statusData) : null), [statusData]);

  useEffect(() => {
    document.title = t('title.overview');
  }, [t]);

  const allTowns = towns.state === 'ready' ? towns.data : [];
  const filtering = verdict !== 'all' && verdicts !== null;
  const shown = filtering ? allTowns.filter((tw) => verdicts.get(tw.id) === verdict) : allTowns;
  const shownIds = new Set(shown.map((tw) => tw.id));
  const mapStatus: MapStatus | null =
    year !== null && ruleset && verdicts ? { year, verdicts, dimmed: filtering ? (id) => !shownIds.has(id) : () => false } : null;

  return (
    <div className="overview" data-testid="overview">
      <h1 tabIndex={-1}>{t('overview.heading')}</h1>
      <p className="lead">{t('overview.intro')}</p>
      {towns.state === 'ready' ? <p className="count">{t('overview.count', { count: towns.data.length })}</p> : null}

      {rulesetsApi.state === 'error' ? <ErrorPanel error={rulesetsApi.error} title={t('filter.error')} onRetry={rulesetsApi.retry} /> : null}
      {rulesets && year !== null ? (
        <StatusFilter rulesets={rulesets} year={year} onYear={setYear} ruleset={ruleset} onRuleset={setRuleset} verdict={verdict} onVerdict={setVerdict} />
      ) : null}
      {status.state === 'error' ? <ErrorPanel error={status.error} title={t('filter.error')} onRetry={status.retry} /> : null}

      <section aria-labelledby={mapHeading} className="card map-section">
        <h2 id={mapHeading}>{t('map.heading')}</h2>
        <p className="hint">{t('map.hint')}</p>
        <figure className="map-figure">
          {regionsRaw.state === 'error' ? (
            <ErrorPanel error={regionsRaw.error} title={t('map.mapError')} onRetry={regionsRaw.retry} />
          ) : regions === null || towns.state === 'loading' ? (
            <Loading label={t('map.loadingMap')} />
          ) : (
            <KazakhstanMap regions={regions} towns={allTowns} status={mapStatus} />
          )}
          {mapStatus && ruleset && counts ? <MapLegend year={mapStatus.year} ruleset={ruleset.label[lang]} counts={counts} filtering={filtering} /> : null}
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
            status={year !== null && ruleset ? { year, ruleset: ruleset.label[lang], verdicts, loading: status.state === 'loading' } : null}
          />
        ) : null}
        {towns.state === 'ready' && filtering && shown.length === 0 ? (
          <p className="muted" data-testid="no-towns">
            {t('overview.noneShown')}
          </p>
        ) : null}
      </section>
    </div>
  );
}
