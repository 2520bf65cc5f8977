/**
 * The charts and tables of the ranking page, drawn by hand in SVG: rank intervals from the uncertainty
 * analysis, stacked contributions per town, and the statistical audit (docs/methods/composite-index.md).
 */
import { useId } from 'react';
import type { IndexResultDto } from '../../client/api-client.js';
import { niceTicks } from '../format.js';
import { hasMessage, useI18n, type I18n } from '../i18n/index.js';
import { detailList, detailNumber, detailString, warningIndicators, type UnitResultDto } from '../ranking.js';
import { DataText } from './common.js';
import { formatNumber, type IndicatorMap } from './typology.js';

/** A group's name: the dimension of the same code when there is one, else the code. */
export function groupName(code: string, t: I18n['t']): string {
  const key = `dim.${code}`;
  return hasMessage(key) ? t(key) : code;
}

export function score(v: number, numLocale: string): string {
  return new Intl.NumberFormat(numLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

/** Colours of the indicators in the stacked bars (distinct in hue and lightness), repeated beyond eight. */
export const SERIES = 8;
export const seriesClass = (i: number) => `series-${(i % SERIES) + 1}`;

/**
 * Per town, the median rank over the Monte Carlo runs with the 5–95 % band, and the nominal rank; rank 1
 * is on the left. Its text alternative is the interval column of the ranking table (and the label).
 */
export function RankIntervalChart({ units, names }: { units: readonly UnitResultDto[]; names: ReadonlyMap<string, string> }) {
  const { t, numLocale } = useI18n();
  const descId = useId();
  const rows = units.filter((u) => u.uncertainty && u.uncertainty.medianRank !== null);
  if (rows.length === 0) return null;
  const n = Math.max(...rows.map((u) => Math.max(u.rank ?? 1, u.uncertainty!.p95 ?? 1)));
  const ROW = 30;
  const LABEL = 150;
  const W = 640;
  const M = { top: 10, right: 20, bottom: 42 };
  const H = M.top + rows.length * ROW + M.bottom;
  const x = (r: number) => LABEL + ((r - 0.5) / Math.max(1, n)) * (W - LABEL - M.right);
  const y = (i: number) => M.top + i * ROW + ROW / 2;
  const ticks = niceTicks(1, n, Math.min(n, 8)).filter((r) => Number.isInteger(r) && r >= 1 && r <= n);
  const nf = new Intl.NumberFormat(numLocale, { maximumFractionDigits: 1 });
  const summary = rows
    .map((u) =>
      t('ranking.intervalItem', {
        town: names.get(u.unit) ?? u.unit,
        rank: u.rank ?? '—',
        median: nf.format(u.uncertainty!.medianRank!),
        p5: nf.format(u.uncertainty!.p5 ?? u.uncertainty!.medianRank!),
        p95: nf.format(u.uncertainty!.p95 ?? u.uncertainty!.medianRank!),
      }),
    )
    .join('; ');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="chart-svg rank-chart"
      role="img"
      aria-label={`${t('ranking.intervalLabel')}: ${summary}`}
      aria-describedby={descId}
      data-testid="rank-interval-chart"
      style={{ maxWidth: `${W}px`, width: '100%' }}
    >
      <desc id={descId}>{t('ranking.intervalHint')}</desc>
      <g className="grid" aria-hidden="true">
        {ticks.map((r) => (
          <g key={r}>
            <line x1={x(r)} x2={x(r)} y1={M.top} y2={H - M.bottom} />
            <text x={x(r)} y={H - M.bottom + 16} textAnchor="middle">
              {r}
            </text>
          </g>
        ))}
        <text className="axis-title" x={(LABEL + W - M.right) / 2} y={H - 6} textAnchor="middle">
          {t('ranking.axisRank')}
        </text>
      </g>
      {rows.map((u, i) => {
        const un = u.uncertainty!;
        const lo = un.p5 ?? un.medianRank!;
        const hi = un.p95 ?? un.medianRank!;
        return (
          <g key={u.unit} data-testid="rank-interval" data-town={u.unit}>
            <text x={LABEL - 10} y={y(i)} dy="0.32em" textAnchor="end" className="chart-label">
              {names.get(u.unit) ?? u.unit}
            </text>
            <rect x={x(lo) - 6} y={y(i) - 7} width={Math.max(12, x(hi) - x(lo) + 12)} height={14} rx={7} className="interval-band" />
            {u.rank !== null ? <path d={`M${x(u.rank)} ${y(i) - 11}l8 11l-8 11l-8 -11z`} className="interval-nominal" /> : null}
            <circle cx={x(un.medianRank!)} cy={y(i)} r={4.5} className="interval-median" />
          </g>
        );
      })}
    </svg>
  );
}

export function IntervalLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-hidden="true">
      <li>
        <svg width="26" height="16" viewBox="0 0 26 16">
          <rect x="1" y="1" width="24" height="14" rx="7" className="interval-band" />
        </svg>
        {t('ranking.legendBand')}
      </li>
      <li>
        <svg width="16" height="16" viewBox="-8 -8 16 16">
          <circle r="5" className="interval-median" />
        </svg>
        {t('ranking.legendMedian')}
      </li>
      <li>
        <svg width="20" height="24" viewBox="-10 -12 20 24">
          <path d="M0 -11l8 11l-8 11l-8 -11z" className="interval-nominal" />
        </svg>
        {t('ranking.legendNominal')}
      </li>
    </ul>
  );
}

/** Per town, its score as a stack of the indicators' contributions (effective weight × normalised value). */
export function ContributionBars({
  units,
  codes,
  names,
  indicators,
}: {
  units: readonly UnitResultDto[];
  codes: readonly string[];
  names: ReadonlyMap<string, string>;
  indicators: IndicatorMap;
}) {
  const { t, lang, numLocale } = useI18n();
  const max = Math.max(1e-9, ...units.map((u) => u.score ?? 0));
  const name = (c: string) => indicators.get(c)?.name[lang] ?? c;
  return (
    <div data-testid="contribution-chart">
      <ul className="legend series-legend" aria-hidden="true">
        {codes.map((c, i) => (
          <li key={c}>
            <span className={`swatch ${seriesClass(i)}`} />
            {name(c)}
          </li>
        ))}
      </ul>
      <div className="hbar-chart">
        {units.map((u) => {
          let acc = 0;
          const parts = codes.map((c, i) => {
            const v = u.contributions[c] ?? null;
            const seg = v !== null && v > 0 ? { x: acc, w: v, i, c } : null;
            if (v !== null && v > 0) acc += v;
            return seg;
          });
          const label = t('ranking.contributionLabel', {
            town: names.get(u.unit) ?? u.unit,
            score: score(u.score ?? 0, numLocale),
            parts: codes
              .map((c) => {
                const v = u.contributions[c];
                return t('ranking.contributionPart', { indicator: name(c), value: v === null || v === undefined ? t('common.noData') : score(v, numLocale) });
              })
              .join('; '),
          });
          return (
            <div className="hbar-row" key={u.unit} data-testid="contribution-row" data-town={u.unit}>
              <span className="hbar-label">{names.get(u.unit) ?? u.unit}</span>
              <svg className="hbar" viewBox="0 0 100 14" preserveAspectRatio="none" role="img" aria-label={label}>
                {parts.map((p) =>
                  p ? (
                    <rect key={p.c} x={`${(100 * p.x) / max}%`} y="1" width={`${(100 * p.w) / max}%`} height="12" className={`bar-seg ${seriesClass(p.i)}`} />
                  ) : null,
                )}
              </svg>
              <span className="hbar-value">{score(u.score ?? 0, numLocale)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The correlation matrix (pairwise-complete Pearson r), Cronbach's alpha and the PCA eigenvalues. */
export function Audit({ result, codes, indicators }: { result: IndexResultDto; codes: readonly string[]; indicators: IndicatorMap }) {
  const { t, lang, numLocale } = useI18n();
  const ids = { corr: useId(), pca: useId(), alpha: useId() };
  const { audit } = result;
  const name = (c: string) => indicators.get(c)?.name[lang] ?? c;
  const r = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, numLocale, 2));
  return (
    <div className="audit" data-testid="audit">
      <h3 id={ids.corr}>{t('ranking.correlations')}</h3>
      <p className="fact-note">{t('ranking.correlationsHint')}</p>
      <div className="table-scroll" role="region" aria-labelledby={ids.corr} tabIndex={0}>
        <table className="data-table corr-table" data-testid="correlation-table">
          <thead>
            <tr>
              <th scope="col">{t('ranking.indicator')}</th>
              {codes.map((c, i) => (
                <th key={c} scope="col" className="num">
                  <abbr title={name(c)}>{i + 1}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {codes.map((a, i) => (
              <tr key={a}>
                <th scope="row">
                  {i + 1}. {name(a)}
                </th>
                {codes.map((b) => {
                  const v = audit.correlations[a]?.[b] ?? null;
                  const flag = a !== b && v !== null ? (v > 0.9 ? 'corr-high' : v < -0.4 ? 'corr-negative' : '') : '';
                  return (
                    <td key={b} className={`num ${flag}`}>
                      {r(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="audit-grid">
        <div>
          <h3 id={ids.alpha}>{t('ranking.alpha')}</h3>
          <p data-testid="cronbach-alpha">
            {audit.cronbachAlpha.alpha === null
              ? t('ranking.alphaNone', { units: audit.cronbachAlpha.units })
              : t('ranking.alphaValue', { alpha: r(audit.cronbachAlpha.alpha), units: audit.cronbachAlpha.units })}
          </p>
          {Object.keys(audit.cronbachAlpha.ifDeleted).length > 0 && audit.cronbachAlpha.alpha !== null ? (
            <ul className="plain">
              {codes.map((c) =>
                c in audit.cronbachAlpha.ifDeleted ? (
                  <li key={c}>{t('ranking.alphaIfDeleted', { indicator: name(c), alpha: r(audit.cronbachAlpha.ifDeleted[c]) })}</li>
                ) : null,
              )}
            </ul>
          ) : null}
          <p className="fact-note">{t('ranking.alphaHint')}</p>
        </div>
        <div>
          <h3 id={ids.pca}>{t('ranking.pca')}</h3>
          {audit.pca ? (
            <table className="data-table" data-testid="pca-table" aria-labelledby={ids.pca}>
              <thead>
                <tr>
                  <th scope="col">{t('ranking.component')}</th>
                  <th scope="col" className="num">
                    {t('ranking.eigenvalue')}
                  </th>
                  <th scope="col" className="num">
                    {t('ranking.explained')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {audit.pca.eigenvalues.map((e, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td className="num">{formatNumber(e, numLocale, 3)}</td>
                    <td className="num">{t('status.pct', { value: formatNumber((audit.pca!.explained[i] ?? 0) * 100, numLocale, 1) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('ranking.pcaNone')}</p>
          )}
        </div>
      </div>
    </div>
  );
}

/** An engine warning in the language when its code is known (the English message kept beside), else the message. */
export function IndexWarning({
  warning,
  names,
  indicators,
}: {
  warning: IndexResultDto['warnings'][number];
  names: ReadonlyMap<string, string>;
  indicators: IndicatorMap;
}) {
  const { t, lang, numLocale } = useI18n();
  const d = warning.details;
  const ind = (c: string | null) => (c ? (indicators.get(c)?.name[lang] ?? c) : '');
  const pair = warningIndicators(d);
  const rv = detailNumber(d, 'r');
  const units = detailList(d, 'units');
  let text: string | null = null;
  switch (warning.code) {
    case 'negative_correlation':
    case 'redundant_indicators':
      if (pair && rv !== null)
        text = t(warning.code === 'negative_correlation' ? 'ranking.warn.negative_correlation' : 'ranking.warn.redundant_indicators', {
          a: ind(pair[0]),
          b: ind(pair[1]),
          r: formatNumber(rv, numLocale, 2),
        });
      break;
    case 'incomplete_data':
      if (units) text = t('ranking.warn.incomplete_data', { count: units.length });
      break;
    case 'not_scored':
      if (units) text = t('ranking.warn.not_scored', { count: units.length, towns: units.map((u) => names.get(u) ?? u).join(', ') });
      break;
    case 'imputed': {
      const count = detailNumber(d, 'count');
      if (count !== null) text = t('ranking.warn.imputed', { count });
      break;
    }
    case 'outside_goalposts': {
      const count = detailNumber(d, 'count');
      if (count !== null) text = t('ranking.warn.outside_goalposts', { count, indicator: ind(detailString(d, 'indicator')) });
      break;
    }
    case 'goalposts_unused':
      text = t('ranking.warn.goalposts_unused');
      break;
    case 'pca_with_groups':
      text = t('ranking.warn.pca_with_groups');
      break;
    case 'audit_not_computable': {
      const complete = detailNumber(d, 'completeUnits');
      text = t('ranking.warn.audit_not_computable', { count: complete ?? 0 });
      break;
    }
    case 'sensitivity_not_computable':
      text = t('ranking.warn.sensitivity_not_computable');
      break;
    case 'conflicting_values': {
      const unit = detailString(d, 'unit');
      if (unit) text = t('ranking.warn.conflicting_values', { town: names.get(unit) ?? unit, indicator: ind(detailString(d, 'indicator')) });
      break;
    }
  }
  return (
    <li className="index-warning" data-testid="index-warning" data-code={warning.code}>
      {text ? (
        <>
          {text}
          <details className="engine-text">
            <summary>{t('ranking.warnEnglish')}</summary>
            <DataText>{warning.message}</DataText>
          </details>
        </>
      ) : (
        <DataText>{warning.message}</DataText>
      )}
    </li>
  );
}
