/**
 * A Ward dendrogram as SVG, drawn by hand: the towns in rows on the left (labelled in the language,
 * coloured and marked by cluster), the merges to the right at their heights, the cut into k clusters as
 * a dashed line. The cluster list beside it is its text alternative.
 */
import { useId } from 'react';
import type { ClustersDto } from '../../client/api-client.js';
import { niceTicks } from '../format.js';
import { useI18n } from '../i18n/index.js';
import { layoutDendrogram } from '../typology.js';

const ROW = 22;
const LABEL_W = 170;
const M = { top: 12, right: 24, bottom: 44 };

export function Dendrogram({ result, names }: { result: ClustersDto; names: ReadonlyMap<string, string> }) {
  const { t, numLocale } = useI18n();
  const descId = useId();
  const layout = layoutDendrogram(result.dendrogram, result.k);
  const n = result.units.length;
  const W = 720;
  const H = M.top + Math.max(1, n) * ROW + M.bottom;
  const maxH = layout.maxHeight > 0 ? layout.maxHeight : 1;
  const ticks = niceTicks(0, maxH, 5);
  const top = ticks[ticks.length - 1]!;
  const x = (h: number) => LABEL_W + 8 + (h / top) * (W - LABEL_W - 8 - M.right);
  const y = (row: number) => M.top + row * ROW + ROW / 2;
  const nf = new Intl.NumberFormat(numLocale, { maximumFractionDigits: 2 });
  const summary = t('clusters.dendrogramLabel', { count: n, k: result.k });

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="chart-svg dendrogram"
      role="img"
      aria-label={summary}
      aria-describedby={descId}
      data-testid="dendrogram"
      style={{ maxWidth: `${W}px`, width: '100%' }}
    >
      <desc id={descId}>{t('clusters.dendrogramDesc')}</desc>
      <g className="grid">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={M.top} y2={H - M.bottom} />
            <text x={x(v)} y={H - M.bottom + 16} textAnchor="middle">
              {nf.format(v)}
            </text>
          </g>
        ))}
        <text className="axis-title" x={(x(0) + x(top)) / 2} y={H - 6} textAnchor="middle">
          {t('clusters.axisHeight')}
        </text>
      </g>
      <g className="dendro-links">
        {layout.nodes.map((node, i) => (
          <path
            key={i}
            d={`M${x(node.a.height)} ${y(node.a.row)}H${x(node.height)}V${y(node.b.row)}H${x(node.b.height)}`}
            fill="none"
            className="dendro-link"
          />
        ))}
      </g>
      {layout.cut !== null ? (
        <line x1={x(layout.cut)} x2={x(layout.cut)} y1={M.top - 6} y2={H - M.bottom} className="dendro-cut" data-testid="dendrogram-cut" />
      ) : null}
      <g className="dendro-leaves">
        {layout.leaves.map((leaf) => {
          const unit = result.units[leaf.unit]!;
          const cluster = result.labels[unit] ?? 0;
          return (
            <g key={unit} data-testid="dendrogram-leaf" data-town={unit} data-cluster={cluster}>
              <text x={LABEL_W - 22} y={y(leaf.row)} dy="0.32em" textAnchor="end" className="dendro-label">
                {names.get(unit) ?? unit}
              </text>
              <circle cx={LABEL_W - 10} cy={y(leaf.row)} r={6} className={`cluster-dot cluster-${((cluster - 1) % 6) + 1}`} />
              <text x={LABEL_W - 10} y={y(leaf.row)} dy="0.32em" textAnchor="middle" className="cluster-dot-label" aria-hidden="true">
                {cluster}
              </text>
              <line x1={LABEL_W - 2} x2={x(0)} y1={y(leaf.row)} y2={y(leaf.row)} className="dendro-link" />
            </g>
          );
        })}
      </g>
    </svg>
  );
}
