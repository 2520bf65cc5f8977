import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { loadIndicators, loadSources, loadTypologies, useApi } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { hrefTypologiesFor, TOWN_TYPOLOGIES_ANCHOR } from '../router.js';
import { DEFAULT_TYPOLOGY_YEAR, TYPOLOGY_IDS, TYPOLOGY_YEARS } from '../typology.js';
import { ErrorPanel, Loading, YearSelect } from './common.js';
import { TypologyCard } from './typology.js';

/** The town's four typologies in a chosen year, one card each (the year is not remembered). */
export function TypologySection({ townId, townName, focus = false }: { townId: string; townName: string; focus?: boolean }) {
  const { t } = useI18n();
  const headingId = useId();
  const selectId = useId();
  const hintId = useId();
  const [year, setYear] = useState(DEFAULT_TYPOLOGY_YEAR);
  const meta = useApi('typology-meta', () => Promise.all([loadIndicators(), loadSources()]));
  const metaData = meta.state === 'ready' ? meta.data : null;
  const indicators = useMemo(() => new Map(metaData ? metaData[0].map((i) => [i.code, i]) : []), [metaData]);
  const sources = useMemo(() => new Map(metaData ? metaData[1].map((s) => [s.id, s]) : []), [metaData]);
  const items = useApi(`typologies:${year}`, () => loadTypologies(year));
  const mine = items.state === 'ready' ? TYPOLOGY_IDS.map((id) => items.data.find((i) => i.town === townId && i.typology === id)) : [];

  // A link that asked for this section (`?section=`): bring it into view once its content is there.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const scrolled = useRef(false);
  const ready = items.state === 'ready' && metaData !== null;
  useEffect(() => {
    if (!focus || scrolled.current || !ready) return;
    scrolled.current = true;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [focus, ready]);

  return (
    <section id={TOWN_TYPOLOGIES_ANCHOR} aria-labelledby={headingId} className="card typologies-section" data-testid="typologies">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('typ.heading')}
      </h2>
      <p className="hint" id={hintId}>
        {t('typ.townIntro', { town: townName })}
      </p>
      <YearSelect id={selectId} label={t('typ.year')} years={TYPOLOGY_YEARS} year={year} onChange={setYear} testId="typologies-year" describedBy={hintId} />
      <div className="typology-cards" aria-live="polite" aria-busy={items.state === 'loading' || meta.state === 'loading'}>
        {meta.state === 'error' ? <ErrorPanel error={meta.error} onRetry={meta.retry} /> : null}
        {items.state === 'error' ? <ErrorPanel error={items.error} onRetry={items.retry} /> : null}
        {items.state === 'loading' || meta.state === 'loading' ? <Loading /> : null}
        {items.state === 'ready' && metaData
          ? mine.map((item, i) =>
              item ? (
                <TypologyCard key={item.typology} item={item} indicators={indicators} sources={sources} />
              ) : (
                <p key={TYPOLOGY_IDS[i]} className="muted">
                  {t('common.noData')}
                </p>
              ),
            )
          : null}
      </div>
      <p className="more">
        <a href={hrefTypologiesFor(year)}>{t('typ.pageLink', { year })}</a>
      </p>
    </section>
  );
}
