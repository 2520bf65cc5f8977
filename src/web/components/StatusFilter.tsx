import { useId } from 'react';
import type { RuleSetDto } from '../../client/api-client.js';
import { useI18n } from '../i18n/index.js';
import { hrefStatusFor } from '../router.js';
import { rulesetsInForce, STATUS_YEARS, VERDICTS, type Verdict } from '../status.js';
import { VERDICT_KEY } from './status.js';

export type VerdictFilter = Verdict | 'all';

/** Year, rule set and verdict for the overview's map and table. */
export function StatusFilter({
  rulesets,
  year,
  onYear,
  ruleset,
  onRuleset,
  verdict,
  onVerdict,
}: {
  rulesets: readonly RuleSetDto[];
  year: number;
  onYear: (year: number) => void;
  ruleset: RuleSetDto | null;
  onRuleset: (id: string) => void;
  verdict: VerdictFilter;
  onVerdict: (v: VerdictFilter) => void;
}) {
  const { lang, t } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const ids = { year: useId(), ruleset: useId(), verdict: useId() };
  const inForce = rulesetsInForce(rulesets, year);

  return (
    <section aria-labelledby={headingId} className="card status-filter" data-testid="status-filter">
      <h2 id={headingId}>{t('filter.heading')}</h2>
      <p className="hint" id={hintId}>
        {t('filter.hint')}
      </p>
      <div className="filter-row" role="group" aria-labelledby={headingId}>
        <div className="field">
          <label htmlFor={ids.year}>{t('filter.year')}</label>
          <select id={ids.year} value={year} onChange={(e) => onYear(Number(e.target.value))} data-testid="filter-year">
            {STATUS_YEARS.map((y) => (
              <option key={y} value={y}>
                {rulesetsInForce(rulesets, y).length > 0 ? y : t('status.yearNone', { year: y })}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={ids.ruleset}>{t('filter.ruleset')}</label>
          <select
            id={ids.ruleset}
            value={ruleset?.id ?? ''}
            onChange={(e) => onRuleset(e.target.value)}
            disabled={inForce.length === 0}
            data-testid="filter-ruleset"
          >
            {inForce.length === 0 ? <option value="">{t('status.noneInForce', { year })}</option> : null}
            {inForce.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label[lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.verdict}>{t('filter.verdict')}</label>
          <select id={ids.verdict} value={verdict} onChange={(e) => onVerdict(e.target.value as VerdictFilter)} data-testid="filter-verdict">
            <option value="all">{t('filter.all')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(VERDICT_KEY[v])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="more">
        <a href={hrefStatusFor(year)}>{t('filter.compareLink', { year })}</a>
      </p>
    </section>
  );
}
