import { useEffect, useId, useMemo, type ReactNode } from 'react';
import type { TownProfileDto } from '../../client/api-client.js';
import { client, useApi } from '../api.js';
import { DataText, ErrorPanel, Loading, NoteBadge, NoteText, Sectors, SourceLink } from '../components/common.js';
import { byPeriod, compareDimensions, dimensionName, IndicatorGroupsTable, type IndicatorGroup, type IndicatorInfo } from '../components/indicators.js';
import { LegalStatusSection } from '../components/LegalStatusSection.js';
import { TownScorecardSection } from '../components/programs.js';
import { PopulationChart } from '../components/PopulationChart.js';
import { TypologySection } from '../components/TypologySection.js';
import { VulnerabilitySection } from '../components/VulnerabilitySection.js';
import { formatCoordinate } from '../format.js';
import { hasMessage, useI18n, type MessageKey } from '../i18n/index.js';
import { hrefCoverage, hrefOverview, type TownSection } from '../router.js';

type Enterprise = TownProfileDto['enterprises'][number];
type StatusEntry = TownProfileDto['statusHistory'][number];

const STATE_KEY: Record<Enterprise['states'][number]['state'], MessageKey> = {
  full: 'ent.stateFull',
  partial: 'ent.statePartial',
  stopped: 'ent.stateStopped',
};

const FIELD_KEY: Record<string, MessageKey> = {
  enterprises: 'field.enterprises',
  name_kk: 'field.name_kk',
  name_ru: 'field.name_ru',
  name_en: 'field.name_en',
  region_current_en: 'field.region_current_en',
  region_2012_en: 'field.region_2012_en',
  founded_year: 'field.founded_year',
  town_status_year: 'field.town_status_year',
  'lat/lon': 'field.latlon',
  main_industry: 'field.main_industry',
  population: 'field.population',
  monotown_programme_2012: 'field.monotown_programme_2012',
  named_as_monotown_in: 'field.named_as_monotown_in',
};

const STATUS_NAME: Record<string, MessageKey> = { monotown: 'history.statusMonotown' };

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back">
      <a href={hrefOverview} data-testid="back-link">
        {t('town.back')}
      </a>
    </p>
  );
}

export function TownPage({ id, statusYear = null, section = null }: { id: string; statusYear?: number | null; section?: TownSection | null }) {
  const { lang, t } = useI18n();
  const town = useApi(`town:${id}`, () => client.town(id));
  const name = town.state === 'ready' ? town.data.name : null;

  useEffect(() => {
    if (town.state === 'ready' && name) document.title = t('title.town', { town: name[lang] });
    else if (town.state === 'error') document.title = t('title.error');
  }, [town.state, name, lang, t]);

  if (town.state === 'loading')
    return (
      <div className="town-page">
        <BackLink />
        <Loading />
      </div>
    );
  if (town.state === 'error')
    return (
      <div className="town-page">
        <BackLink />
        <ErrorPanel error={town.error} title={t('error.townTitle')} level={1} onRetry={town.retry} />
      </div>
    );
  return <TownProfile town={town.data} statusYear={statusYear} section={section} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TownProfile({ town, statusYear, section }: { town: TownProfileDto; statusYear: number | null; section: TownSection | null }) {
  const { lang, numLocale, t, num } = useI18n();
  const ids = { facts: useId(), pop: useId(), ent: useId(), hist: useId(), src: useId() };
  const noData = <span className="muted">{t('common.noData')}</span>;
  const name = town.name[lang];

  return (
    <article className="town-page" data-testid="town-page" data-town={town.id}>
      <BackLink />
      <header className="town-header">
        <h1 tabIndex={-1}>{name}</h1>
        <p className="subtitle">
          {town.region ? town.region.name[lang] : null}
          {town.industries.length ? (
            <>
              {town.region ? ' · ' : null}
              <Sectors sections={town.industries} />
            </>
          ) : null}
        </p>
        {town.fictional ? <p className="badge badge-scope">{t('town.fictional')}</p> : null}
      </header>

      <section aria-labelledby={ids.facts} className="card">
        <h2 id={ids.facts}>{t('town.facts')}</h2>
        <dl className="facts" data-testid="facts">
          <Fact label={t('town.nameKk')}>
            <span lang="kk">{town.name.kk}</span>
          </Fact>
          <Fact label={t('town.nameRu')}>
            <span lang="ru">{town.name.ru}</span>
          </Fact>
          <Fact label={t('town.nameEn')}>
            <span lang="en">{town.name.en}</span>
          </Fact>
          <Fact label={t('town.region')}>{town.region ? town.region.name[lang] : noData}</Fact>
          <Fact label={t('town.region2012')}>{town.region2012 ? town.region2012.name[lang] : noData}</Fact>
          <Fact label={t('town.coordinates')}>
            {town.lat !== null && town.lon !== null
              ? t('town.coordsValue', { lat: formatCoordinate(town.lat, numLocale), lon: formatCoordinate(town.lon, numLocale) })
              : noData}
          </Fact>
          <Fact label={t('town.founded')}>{town.foundedYear ?? noData}</Fact>
          <Fact label={t('town.townStatus')}>{town.townStatusYear ?? noData}</Fact>
          <Fact label={t('town.sectors')}>{town.industries.length ? <Sectors sections={town.industries} full /> : noData}</Fact>
          <Fact label={t('town.industryDetail')}>{town.mainIndustry ? <DataText>{town.mainIndustry}</DataText> : noData}</Fact>
          <Fact label={t('town.population')}>
            {town.population ? (
              <>
                <span data-testid="population">{t('town.populationValue', { value: num(town.population.value), year: town.population.year })}</span>{' '}
                <NoteBadge note={town.population.note} />
                {town.population.note ? (
                  <span className="fact-note">
                    <NoteText note={town.population.note} />
                  </span>
                ) : null}
                <span className="fact-source">
                  {t('common.source')}: <SourceLink source={town.population.source} />
                </span>
                {town.population.alternatives.length > 0 ? (
                  <div className="alternatives">
                    {t('warn.alternatives', { year: town.population.year })}
                    <ul>
                      {town.population.alternatives.map((a, i) => (
                        <li key={i}>
                          {num(a.value)}{' '}
                          {a.note ? (
                            <>
                              (<NoteText note={a.note} />)
                            </>
                          ) : null}{' '}
                          <NoteBadge note={a.note} /> — <SourceLink source={a.source} />
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </>
            ) : (
              noData
            )}
          </Fact>
        </dl>
      </section>

      <LegalStatusSection key={statusYear ?? 'latest'} townId={town.id} townName={name} requestedYear={statusYear} />

      <TypologySection townId={town.id} townName={name} focus={section === 'typologies'} />

      <VulnerabilitySection townId={town.id} townName={name} focus={section === 'vulnerability'} />
      <TownScorecardSection townId={town.id} townName={name} />

      <section aria-labelledby={ids.pop} className="card">
        <h2 id={ids.pop}>{t('chart.heading')}</h2>
        <PopulationChart series={town.populationSeries} townName={name} />
      </section>

      <section aria-labelledby={ids.ent} className="card">
        <h2 id={ids.ent}>{t('ent.heading')}</h2>
        {town.enterprises.length === 0 ? (
          <p className="muted">{t('ent.none')}</p>
        ) : (
          <ul className="enterprises">
            {town.enterprises.map((e) => (
              <EnterpriseCard key={e.id} e={e} />
            ))}
          </ul>
        )}
      </section>

      <IndicatorsSection townId={town.id} townName={name} />

      <section aria-labelledby={ids.hist} className="card">
        <h2 id={ids.hist}>{t('history.heading')}</h2>
        {town.statusHistory.length === 0 ? (
          <p className="muted">{t('history.none')}</p>
        ) : (
          <ul className="history" data-testid="status-history">
            {town.statusHistory.map((h, i) => (
              <StatusItem key={i} h={h} />
            ))}
          </ul>
        )}
      </section>

      {town.factSources.length > 0 ? (
        <section aria-labelledby={ids.src} className="card">
          <h2 id={ids.src}>{t('facts.heading')}</h2>
          <div className="table-scroll">
            <table className="data-table" data-testid="fact-sources" aria-labelledby={ids.src}>
              <thead>
                <tr>
                  <th scope="col">{t('facts.col.fact')}</th>
                  <th scope="col">{t('col.source')}</th>
                  <th scope="col">{t('col.note')}</th>
                </tr>
              </thead>
              <tbody>
                {town.factSources.map((f, i) => (
                  <tr key={i}>
                    <th scope="row">{FIELD_KEY[f.field] ? t(FIELD_KEY[f.field]!) : <DataText>{f.field}</DataText>}</th>
                    <td>
                      <SourceLink source={f.source} />
                    </td>
                    <td>{f.note ? <DataText>{f.note}</DataText> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </article>
  );
}

function EnterpriseCard({ e }: { e: Enterprise }) {
  const { date, t, num } = useI18n();
  const noData = <span className="muted">{t('common.noData')}</span>;
  return (
    <li className="enterprise" data-testid="enterprise">
      <h3 lang="en">{e.name}</h3>
      <dl className="facts compact">
        <Fact label={t('ent.owner')}>{e.owner ? <DataText>{e.owner}</DataText> : noData}</Fact>
        <Fact label={t('ent.product')}>{e.product ? <DataText>{e.product}</DataText> : noData}</Fact>
        <Fact label={t('ent.nace')}>{e.naceSection ? <Sectors sections={[e.naceSection]} full /> : noData}</Fact>
        {e.note ? (
          <Fact label={t('ent.note')}>
            <DataText>{e.note}</DataText>
          </Fact>
        ) : null}
        {e.states.length > 0 ? (
          <Fact label={t('ent.states')}>
            <ul className="plain">
              {e.states.map((s, i) => (
                <li key={i} data-testid="enterprise-state">
                  <span className={`state state-${s.state}`}>{t(STATE_KEY[s.state])}</span>
                  {s.since ? <> {t('ent.since', { date: date(s.since) })}</> : null}
                  {s.until ? <> {t('ent.until', { date: date(s.until) })}</> : null}
                  {s.employees !== null ? <>; {t('ent.employees', { count: num(s.employees) })}</> : null}
                  {s.note ? (
                    <>
                      {' '}
                      — <DataText>{s.note}</DataText>
                    </>
                  ) : null}
                  {s.source ? (
                    <>
                      {' '}
                      (<SourceLink source={s.source} />)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact label={t('common.sources')}>
          {e.sources.length === 0 ? (
            <span className="muted">{t('common.noSource')}</span>
          ) : (
            <ul className="plain sources">
              {e.sources.map((s) => (
                <li key={s.id}>
                  <SourceLink source={s} />
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
    </li>
  );
}

function StatusItem({ h }: { h: StatusEntry }) {
  const { date, locale, t } = useI18n();
  const status = STATUS_NAME[h.status] ? t(STATUS_NAME[h.status]!) : h.status;
  const line =
    h.since && h.until
      ? t('history.between', { status, since: date(h.since), until: date(h.until) })
      : h.since
        ? t('history.since', { status, date: date(h.since) })
        : t('history.undated', { status });
  // Legal acts are named by id in the data; their official titles are translations (checked in i18n.test.ts).
  const actKey = h.basisId ? `act.${h.basisId}` : null;
  return (
    <li className="history-item" data-testid="status-entry">
      <p className="history-line">
        <strong>{line.charAt(0).toLocaleUpperCase(locale) + line.slice(1)}</strong>
        {h.since ? (
          <>
            {' '}
            <time dateTime={h.since} className="muted">
              ({h.since})
            </time>
          </>
        ) : null}
      </p>
      <dl className="facts compact">
        {actKey && hasMessage(actKey) ? (
          <Fact label={t('history.basis')}>{t(actKey)}</Fact>
        ) : h.basis ? (
          <Fact label={t('history.basis')}>
            <DataText>{h.basis}</DataText>
          </Fact>
        ) : null}
        {h.note ? (
          <Fact label={t('common.note')}>
            <DataText>{h.note}</DataText>
          </Fact>
        ) : null}
        <Fact label={t('common.source')}>
          <SourceLink source={h.source} />
        </Fact>
      </dl>
    </li>
  );
}

/** Indicators charted elsewhere on the page. */
const CHARTED = new Set(['population']);

/** Every other observation of the town, grouped by dimension, then indicator, each with its source. */
function IndicatorsSection({ townId, townName }: { townId: string; townName: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const data = useApi(`town-indicators:${townId}`, () => Promise.all([client.observations(townId), client.indicators()]));
  const ready = data.state === 'ready' ? data.data : null;

  const dimensions = useMemo(() => {
    if (!ready) return [];
    const [observations, catalogue] = ready;
    const info = new Map<string, IndicatorInfo>(catalogue.map((i) => [i.code, i]));
    const order = new Map(catalogue.map((i, n) => [i.code, n]));
    const byIndicator = new Map<string, IndicatorGroup>();
    for (const o of observations) {
      if (CHARTED.has(o.indicator)) continue;
      const g = byIndicator.get(o.indicator) ?? { code: o.indicator, indicator: info.get(o.indicator), observations: [] };
      g.observations.push(o);
      byIndicator.set(o.indicator, g);
    }
    const byDimension = new Map<string, IndicatorGroup[]>();
    for (const g of byIndicator.values()) {
      g.observations.sort(byPeriod);
      const dim = g.indicator?.dimension ?? '';
      byDimension.set(dim, [...(byDimension.get(dim) ?? []), g]);
    }
    return [...byDimension.entries()]
      .sort(([a], [b]) => compareDimensions(a, b))
      .map(([dimension, groups]) => ({
        dimension,
        groups: groups.sort((a, b) => (order.get(a.code) ?? Infinity) - (order.get(b.code) ?? Infinity) || a.code.localeCompare(b.code)),
      }));
  }, [ready]);

  return (
    <section aria-labelledby={headingId} className="card" data-testid="town-indicators">
      <h2 id={headingId}>{t('ind.heading')}</h2>
      {data.state === 'loading' ? <Loading /> : null}
      {data.state === 'error' ? <ErrorPanel error={data.error} onRetry={data.retry} /> : null}
      {data.state === 'ready' ? (
        dimensions.length === 0 ? (
          <p className="muted" data-testid="indicators-none">
            {t('ind.none', { town: townName })}
          </p>
        ) : (
          <>
            <p className="hint">{t('ind.hint')}</p>
            {dimensions.map((d) => (
              <DimensionBlock key={d.dimension} dimension={d.dimension} groups={d.groups} />
            ))}
          </>
        )
      ) : null}
      <p className="more">
        <a href={hrefCoverage}>{t('ind.coverageLink')}</a>
      </p>
    </section>
  );
}

function DimensionBlock({ dimension, groups }: { dimension: string; groups: IndicatorGroup[] }) {
  const { t } = useI18n();
  const name = dimension ? dimensionName(dimension, t) : t('ind.otherDimension');
  return (
    <div className="dimension-block" data-dimension={dimension}>
      <h3>{name}</h3>
      <IndicatorGroupsTable groups={groups} caption={t('ind.caption', { dimension: name })} />
    </div>
  );
}
