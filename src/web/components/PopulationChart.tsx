import { useEffect, useId, useRef, useState } from 'react';
import type { ObservationDto } from '../../client/api-client.js';
import { niceTicks, seriesPoints, sourceLabel, type SeriesPoint } from '../format.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { NoteBadge, NoteText, noteString, SourceLink } from './common.js';

const M = { top: 18, right: 20, bottom: 48, left: 76 };

/** The width of an element, followed as it changes (so that the chart's text keeps its size on phones). */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

export const STATUS_KEY: Record<ObservationDto['status'], MessageKey> = {
  actual: 'obs.actual',
  estimate: 'obs.estimate',
  target: 'obs.target',
  forecast: 'obs.forecast',
};

function Marker({ p, x, y }: { p: SeriesPoint; x: number; y: number }) {
  if (p.warning === 'scope')
    return (
      <>
        <circle cx={x} cy={y} r={9} className="pt-scope-ring" />
        <circle cx={x} cy={y} r={5} className="pt pt-scope" />
      </>
    );
  return <circle cx={x} cy={y} r={5.5} className={p.obs.status === 'actual' ? 'pt pt-actual' : 'pt pt-estimate'} />;
}

/** Population figures as an SVG scatter (one point per figure and source); the table below is its accessible twin. */
export function PopulationChart({ series, townName }: { series: readonly ObservationDto[]; townName: string }) {
  const { t, num } = useI18n();
  const hintId = useId();
  const captionId = useId();
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>(720);
  const points = seriesPoints(series);

  if (points.length === 0) return <p className="muted">{t('chart.none')}</p>;

  const W = Math.max(300, Math.min(840, boxWidth));
  const H = W < 520 ? 260 : 340;

  const years = points.map((p) => p.year);
  let x0 = Math.min(...years);
  let x1 = Math.max(...years);
  if (x1 - x0 < 4) {
    x0 -= 2;
    x1 += 2;
  }
  const span = x1 - x0;
  const xMin = x0 - span * 0.04;
  const xMax = x1 + span * 0.04;
  const yTicks = niceTicks(0, Math.max(...points.map((p) => p.value)) * 1.05, 5);
  const yMax = yTicks[yTicks.length - 1]!;
  const xTicks = niceTicks(x0, x1, Math.min(W < 520 ? 4 : 8, Math.max(2, span))).filter((y) => Number.isInteger(y) && y >= xMin && y <= xMax);

  const sx = (year: number) => M.left + ((year - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);

  const describe = (p: SeriesPoint) =>
    [
      t('chart.pointValue', { value: num(p.value), year: p.obs.period }),
      t('chart.pointStatus', { status: t(STATUS_KEY[p.obs.status]) }),
      p.obs.note ? t('chart.pointNote', { note: noteString(p.obs.note, t) }) : null,
      p.warning === 'scope' ? t('warn.scopeLong') : null,
      t('chart.pointSource', { source: sourceLabel(p.obs.source) }),
    ].filter((line): line is string => Boolean(line));

  return (
    <div className="chart" data-testid="population-chart" ref={boxRef}>
      <p id={hintId} className="hint">
        {t('chart.hint')}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        className="chart-svg"
        role="group"
        aria-label={t('chart.label', { town: townName })}
        aria-describedby={hintId}
      >
        <g className="grid" aria-hidden="true">
          {yTicks.map((v) => (
            <g key={v}>
              <line x1={M.left} x2={W - M.right} y1={sy(v)} y2={sy(v)} />
              <text x={M.left - 8} y={sy(v)} dy="0.32em" textAnchor="end">
                {num(v)}
              </text>
            </g>
          ))}
          {xTicks.map((y) => (
            <g key={y}>
              <line className="tick" x1={sx(y)} x2={sx(y)} y1={H - M.bottom} y2={H - M.bottom + 5} />
              <text x={sx(y)} y={H - M.bottom + 18} textAnchor="middle">
                {y}
              </text>
            </g>
          ))}
          <line className="axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
          <text className="axis-title" x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle">
            {t('chart.axisYear')}
          </text>
          <text className="axis-title" transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            {t('chart.axisPeople')}
          </text>
        </g>
        <g className="points">
          {points.map((p) => {
            const lines = describe(p);
            return (
              <g
                key={p.key}
                className="point"
                tabIndex={0}
                role="img"
                aria-label={lines.map((l) => (/[.!?]$/.test(l) ? l : `${l}.`)).join(' ')}
                data-testid="chart-point"
                data-year={p.year}
              >
                <title>{lines.join('\n')}</title>
                <Marker p={p} x={sx(p.year)} y={sy(p.value)} />
              </g>
            );
          })}
        </g>
      </svg>
      <ul className="legend" aria-hidden="true">
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16">
            <circle r="5.5" className="pt pt-actual" />
          </svg>
          {t('chart.legendActual')}
        </li>
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16">
            <circle r="5.5" className="pt pt-estimate" />
          </svg>
          {t('chart.legendEstimate')}
        </li>
        <li>
          <svg width="22" height="22" viewBox="-11 -11 22 22">
            <circle r="9" className="pt-scope-ring" />
            <circle r="5" className="pt pt-scope" />
          </svg>
          {t('chart.legendScope')}
        </li>
      </ul>

      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table" data-testid="population-table">
          <caption id={captionId}>{t('chart.tableCaption', { town: townName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.col.year')}</th>
              <th scope="col" className="num">
                {t('col.value')}
              </th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.note')}</th>
              <th scope="col">{t('col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.key} data-testid="population-row" className={p.warning === 'scope' ? 'row-scope' : undefined}>
                <th scope="row">{p.obs.period}</th>
                <td className="num">{num(p.value)}</td>
                <td>{t(STATUS_KEY[p.obs.status])}</td>
                <td>
                  {p.obs.note ? <NoteText note={p.obs.note} /> : null} <NoteBadge note={p.obs.note} />
                </td>
                <td>
                  <SourceLink source={p.obs.source} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
