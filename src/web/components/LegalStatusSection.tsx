import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { client, loadIndicators, loadRulesets, useApi } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { latestYearInForce, rulesetsInForce, STATUS_YEARS } from '../status.js';
import { ErrorPanel, Loading } from './common.js';
import { StatusCard } from './status.js';

/**
 * The town's legal status: one card per rule set in force in the chosen year. The year starts at the
 * latest year with a rule set in force (or the one the link asked for) and is not remembered.
 */
export function LegalStatusSection({ townId, townName, requestedYear }: { townId: string; townName: string; requestedYear: number | null }) {
  const { t } = useI18n();
  const headingId = useId();
  const selectId = useId();
  const hintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const meta = useApi('status-meta', () => Promise.all([loadRulesets(), loadIndicators()]));
  const metaData = meta.state === 'ready' ? meta.data : null;
  const rulesets = metaData ? metaData[0] : null;
  const indicators = useMemo(() => new Map(metaData ? metaData[1].map((i) => [i.code, i]) : []), [metaData]);
  const [chosen, setChosen] = useState<number | null>(requestedYear !== null && STATUS_YEARS.includes(requestedYear) ? requestedYear : null);
  const year = chosen ?? (rulesets ? latestYearInForce(rulesets) : null);
  const status = useApi(`town-status:${townId}:${year}`, () => (year === null ? Promise.resolve([]) : client.townStatus(townId, year)));

  // A link that asked for this section (`?status=<year>`): bring it into view once its cards are there.
  const scrolled = useRef(false);
  useEffect(() => {
    if (requestedYear === null || scrolled.current || status.state !== 'ready' || year === null) return;
    scrolled.current = true;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [requestedYear, status.state, year]);

  return (
    <section id="legal-status" aria-labelledby={headingId} className="card legal-status" data-testid="legal-status">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('status.heading')}
      </h2>
      <p className="hint" id={hintId}>
        {t('status.townIntro', { town: townName })}
      </p>
      {meta.state === 'loading' ? <Loading /> : null}
      {meta.state === 'error' ? <ErrorPanel error={meta.error} onRetry={meta.retry} /> : null}
      {rulesets && year !== null ? (
        <>
          <div className="status-controls">
            <label htmlFor={selectId}>{t('status.year')}</label>
            <select id={selectId} value={year} onChange={(e) => setChosen(Number(e.target.value))} data-testid="legal-status-year" aria-describedby={hintId}>
              {STATUS_YEARS.map((y) => (
                <option key={y} value={y}>
                  {rulesetsInForce(rulesets, y).length > 0 ? y : t('status.yearNone', { year: y })}
                </option>
              ))}
            </select>
          </div>
          <div className="status-cards" aria-live="polite" aria-busy={status.state === 'loading'}>
            {status.state === 'loading' ? <Loading /> : null}
            {status.state === 'error' ? <ErrorPanel error={status.error} onRetry={status.retry} /> : null}
            {status.state === 'ready' && status.data.length === 0 ? (
              <p className="muted" data-testid="legal-status-none">
                {t('status.noneInForce', { year })}
              </p>
            ) : null}
            {status.state === 'ready'
              ? status.data.map((item) => (
                  <StatusCard
                    key={item.ruleset}
                    item={item}
                    ruleset={rulesets.find((r) => r.id === item.ruleset)}
                    rulesets={rulesets}
                    indicators={indicators}
                    townName={townName}
                  />
                ))
              : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
