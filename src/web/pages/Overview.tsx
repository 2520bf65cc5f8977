import { useEffect, useId, useMemo } from 'react';
import { client, useApi } from '../api.js';
import { ErrorPanel, Loading } from '../components/common.js';
import { KazakhstanMap } from '../components/KazakhstanMap.js';
import { TownTable } from '../components/TownTable.js';
import { prepareRegions } from '../geo.js';
import { useI18n } from '../i18n/index.js';

export function Overview() {
  const { t } = useI18n();
  const towns = useApi('towns', () => client.towns());
  const regionsRaw = useApi('regions-2024', () => client.regions(2024));
  const regionsData = regionsRaw.state === 'ready' ? regionsRaw.data : null;
  const regions = useMemo(() => (regionsData ? prepareRegions(regionsData) : null), [regionsData]);
  const mapHeading = useId();
  const tableHeading = useId();
  const captionId = useId();

  useEffect(() => {
    document.title = t('title.overview');
  }, [t]);

  return (
    <div className="overview" data-testid="overview">
      <h1 tabIndex={-1}>{t('overview.heading')}</h1>
      <p className="lead">{t('overview.intro')}</p>
      {towns.state === 'ready' ? <p className="count">{t('overview.count', { count: towns.data.length })}</p> : null}

      <section aria-labelledby={mapHeading} className="card map-section">
        <h2 id={mapHeading}>{t('map.heading')}</h2>
        <p className="hint">{t('map.hint')}</p>
        <figure className="map-figure">
          {regionsRaw.state === 'error' ? (
            <ErrorPanel error={regionsRaw.error} title={t('map.mapError')} onRetry={regionsRaw.retry} />
          ) : regions === null || towns.state === 'loading' ? (
            <Loading label={t('map.loadingMap')} />
          ) : (
            <KazakhstanMap regions={regions} towns={towns.state === 'ready' ? towns.data : []} />
          )}
          <figcaption className="credit" data-testid="map-credit">
            {t('map.credit')}
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby={tableHeading} className="card">
        <h2 id={tableHeading}>{t('table.heading')}</h2>
        {towns.state === 'loading' ? <Loading /> : null}
        {towns.state === 'error' ? <ErrorPanel error={towns.error} onRetry={towns.retry} /> : null}
        {towns.state === 'ready' ? <TownTable towns={towns.data} captionId={captionId} /> : null}
      </section>
    </div>
  );
}
