import { useId } from 'react';
import type { RuleSetDto } from '../../client/api-client.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { hrefStatusFor, hrefTypologiesFor } from '../router.js';
import { rulesetsInForce, STATUS_YEARS, VERDICTS, type Verdict } from '../status.js';
import { orderClasses, schemeClasses, TYPOLOGY_IDS, TYPOLOGY_YEARS, UNKNOWN, type ClassScheme } from '../typology.js';
import { VERDICT_KEY } from './status.js';
import { classLabel } from './typology.js';

export type VerdictFilter = Verdict | 'all';

/** What the map and the table show: the legal status, a typology's class, or the vulnerability band. */
export type ColourBy = 'status' | ClassScheme;
export const COLOUR_BY: readonly ColourBy[] = ['status', ...TYPOLOGY_IDS, 'vulnerability'];

export const COLOUR_BY_KEY: Record<ColourBy, MessageKey> = {
  status: 'filter.colourBy.status',
  tfe_operating_state: 'filter.colourBy.tfe_operating_state',
  production_type: 'filter.colourBy.production_type',
  development_dynamics: 'filter.colourBy.development_dynamics',
  economic_potential: 'filter.colourBy.economic_potential',
  vulnerability: 'filter.colourBy.vulnerability',
};

/** The classes a filter offers for a scheme: its own, then `unknown`. */
export function filterClasses(scheme: ClassScheme): string[] {
  return orderClasses([...schemeClasses(scheme), UNKNOWN], scheme === 'vulnerability' ? undefined : scheme);
}

/**
 * What the overview's map and table show, and which towns: by legal status (year, rule set and
 * verdict), or by a typology's class or the vulnerability band (year and class).
 */
export function StatusFilter({
  rulesets,
  colourBy,
  onColourBy,
  year,
  onYear,
  ruleset,
  onRuleset,
  verdict,
  onVerdict,
  classFilter,
  onClassFilter,
}: {
  rulesets: readonly RuleSetDto[];
  colourBy: ColourBy;
  onColourBy: (c: ColourBy) => void;
  year: number;
  onYear: (year: number) => void;
  ruleset: RuleSetDto | null;
  onRuleset: (id: string) => void;
  verdict: VerdictFilter;
  onVerdict: (v: VerdictFilter) => void;
  classFilter: string;
  onClassFilter: (c: string) => void;
}) {
  const { lang, t } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const ids = { colourBy: useId(), year: useId(), ruleset: useId(), verdict: useId(), cls: useId() };
  const inForce = rulesetsInForce(rulesets, year);
  const byStatus = colourBy === 'status';

  return (
    <section aria-labelledby={headingId} className="card status-filter" data-testid="status-filter">
      <h2 id={headingId}>{t('filter.heading')}</h2>
      <p className="hint" id={hintId}>
        {byStatus ? t('filter.hint') : t('filter.hintClass')}
      </p>
      <div className="filter-row" role="group" aria-labelledby={headingId}>
        <div className="field">
          <label htmlFor={ids.colourBy}>{t('filter.colourBy')}</label>
          <select id={ids.colourBy} value={colourBy} onChange={(e) => onColourBy(e.target.value as ColourBy)} data-testid="filter-colour-by">
            {COLOUR_BY.map((c) => (
              <option key={c} value={c}>
                {t(COLOUR_BY_KEY[c])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.year}>{t('filter.year')}</label>
          <select id={ids.year} value={year} onChange={(e) => onYear(Number(e.target.value))} data-testid="filter-year">
            {(byStatus ? STATUS_YEARS : TYPOLOGY_YEARS).map((y) => (
              <option key={y} value={y}>
                {!byStatus || rulesetsInForce(rulesets, y).length > 0 ? y : t('status.yearNone', { year: y })}
              </option>
            ))}
          </select>
        </div>
        {byStatus ? (
          <>
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
          </>
        ) : (
          <div className="field">
            <label htmlFor={ids.cls}>{colourBy === 'vulnerability' ? t('filter.band') : t('filter.class')}</label>
            <select id={ids.cls} value={classFilter} onChange={(e) => onClassFilter(e.target.value)} data-testid="filter-class">
              <option value="all">{t('filter.all')}</option>
              {filterClasses(colourBy).map((c) => (
                <option key={c} value={c}>
                  {classLabel(c, t)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {colourBy !== 'vulnerability' ? (
        <p className="more">
          {byStatus ? (
            <a href={hrefStatusFor(year)}>{t('filter.compareLink', { year })}</a>
          ) : (
            <a href={hrefTypologiesFor(year)}>{t('filter.typologiesLink', { year })}</a>
          )}
        </p>
      ) : null}
    </section>
  );
}
