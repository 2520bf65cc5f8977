import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CoverageDto } from '../../client/api-client.js';
import { client, useApi } from '../api.js';
import { ErrorPanel, Loading } from '../components/common.js';
import { compareDimensions, dimensionName, Missing, ObservationTable, unitName, type IndicatorInfo } from '../components/indicators.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { hrefSources, hrefTown } from '../router.js';

type Cell = CoverageDto['cells'][number];
type Town = CoverageDto['towns'][number];

/** The shade of a cell by its number of periods: 1, 2–3, 4–7, 8 and more. */
const SHADES = [
  { min: 1, max: 1 },
  { min: 2, max: 3 },
  { min: 4, max: 7 },
  { min: 8, max: Infinity },
] as const;

function shade(periods: number): number {
  return SHADES.findIndex((s) => periods >= s.min && periods <= s.max) + 1;
}

/** The years a cell spans (periods may be dates; the year is enough here). */
const range = (first: string, latest: string) => {
  const [a, b] = [first.slice(0, 4), latest.slice(0, 4)];
  return a === b ? a : `${a}–${b}`;
};

interface Selection {
  town: Town;
  indicator: IndicatorInfo;
  cell: Cell;
  /** The button that opened the panel, to give focus back to. */
  opener: HTMLButtonElement | null;
}

export function CoveragePage() {
  const { t } = useI18n();
  const coverage = useApi('coverage', () => client.coverage());

  useEffect(() => {
    document.title = t('title.coverage');
  }, [t]);

  return (
    <div className="coverage-page" data-testid="coverage-page">
      <h1 tabIndex={-1}>{t('coverage.heading')}</h1>
      <p className="lead">{t('coverage.intro')}</p>
      {coverage.state === 'loading' ? <Loading /> : null}
      {coverage.state === 'error' ? <ErrorPanel error={coverage.error} onRetry={coverage.retry} /> : null}
      {coverage.state === 'ready' ? <CoverageView data={coverage.data} /> : null}
    </div>
  );
}

function Totals({ totals }: { totals: CoverageDto['totals'] }) {
  const { t, num, numLocale } = useI18n();
  const share =
    totals.possibleCells > 0 ? new Intl.NumberFormat(numLocale, { maximumFractionDigits: 1 }).format((100 * totals.cells) / totals.possibleCells) : null;
  return (
    <dl className="totals" data-testid="coverage-totals">
      <div className="total">
        <dt>{t('coverage.totalObservations')}</dt>
        <dd data-testid="total-observations">{num(totals.observations)}</dd>
      </div>
      <div className="total">
        <dt>{t('coverage.totalCells')}</dt>
        <dd data-testid="total-cells">
          {t('coverage.cellsOf', { cells: num(totals.cells), possible: num(totals.possibleCells) })}
          {share !== null ? <span className="total-share"> {t('coverage.share', { share })}</span> : null}
        </dd>
      </div>
      <div className="total">
        <dt>{t('coverage.totalSources')}</dt>
        <dd data-testid="total-sources">
          {num(totals.sources)} <a href={hrefSources}>{t('coverage.allSources')}</a>
        </dd>
      </div>
    </dl>
  );
}

function Legend() {
  const { t } = useI18n();
  const label = (s: (typeof SHADES)[number]): string =>
    s.max === Infinity ? t('coverage.legendMore', { from: s.min }) : s.min === s.max ? String(s.min) : t('coverage.legendRange', { from: s.min, to: s.max });
  return (
    <div className="coverage-legend" data-testid="coverage-legend">
      <span className="legend-title">{t('coverage.legendTitle')}</span>
      <ul>
        {SHADES.map((s, i) => (
          <li key={i}>
            <span className={`swatch cov-${i + 1}`} aria-hidden="true" />
            {label(s)}
          </li>
        ))}
        <li>
          <span className="swatch cov-missing" aria-hidden="true">
            —
          </span>
          {t('coverage.legendMissing')}
        </li>
      </ul>
    </div>
  );
}

function CoverageView({ data }: { data: CoverageDto }) {
  const { lang, locale, t } = useI18n();
  const matrixHeading = useId();
  const captionId = useId();
  const [selection, setSelection] = useState<Selection | null>(null);

  const towns = useMemo(() => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    return [...data.towns].sort((a, b) => collator.compare(a.name[lang], b.name[lang]));
  }, [data.towns, lang, locale]);

  // Columns: indicators grouped by dimension, in the catalogue's order of dimensions.
  const groups = useMemo(() => {
    const byDim = new Map<string, IndicatorInfo[]>();
    for (const ind of data.indicators) byDim.set(ind.dimension, [...(byDim.get(ind.dimension) ?? []), ind]);
    return [...byDim.entries()].sort(([a], [b]) => compareDimensions(a, b)).map(([dimension, indicators]) => ({ dimension, indicators }));
  }, [data.indicators]);
  const columns = groups.flatMap((g) => g.indicators.map((ind, i) => ({ ind, groupStart: i === 0 })));

  const cells = useMemo(() => new Map(data.cells.map((c) => [`${c.town}\u0000${c.indicator}`, c])), [data.cells]);
  const cellOf = (town: string, indicator: string) => cells.get(`${town}\u0000${indicator}`);

  const townCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of data.cells) m.set(c.town, (m.get(c.town) ?? 0) + 1);
    return m;
  }, [data.cells]);
  const indicatorCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of data.cells) m.set(c.indicator, (m.get(c.indicator) ?? 0) + 1);
    return m;
  }, [data.cells]);

  return (
    <>
      <Totals totals={data.totals} />
      <section aria-labelledby={matrixHeading} className="card">
        <h2 id={matrixHeading}>{t('coverage.matrixHeading')}</h2>
        <p className="hint">{t('coverage.hint')}</p>
        <Legend />
        <div className="table-scroll coverage-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="coverage-matrix" data-testid="coverage-matrix">
            <caption id={captionId} className="visually-hidden">
              {t('coverage.caption')}
            </caption>
            <colgroup>
              <col className="col-town" />
            </colgroup>
            {groups.map((g) => (
              <colgroup key={g.dimension} span={g.indicators.length} />
            ))}
            <colgroup>
              <col className="col-count" />
            </colgroup>
            <thead>
              <tr className="dim-row">
                <th scope="col" rowSpan={2} className="corner">
                  {t('col.name')}
                </th>
                {groups.map((g) => (
                  <th key={g.dimension} scope="colgroup" colSpan={g.indicators.length} className="dim-head" data-dimension={g.dimension}>
                    {dimensionName(g.dimension, t)}
                  </th>
                ))}
                <th scope="col" rowSpan={2} className="count-head">
                  <span className="vertical">{t('coverage.indicatorsWithData')}</span>
                </th>
              </tr>
              <tr className="ind-row">
                {columns.map(({ ind, groupStart }) => (
                  <th
                    key={ind.code}
                    scope="col"
                    className={groupStart ? 'ind-head group-start' : 'ind-head'}
                    title={t('coverage.unitTitle', { indicator: ind.name[lang], unit: unitName(ind.unit, t) })}
                    data-indicator={ind.code}
                  >
                    <span className="vertical">{ind.name[lang]}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {towns.map((town) => (
                <tr key={town.id} data-testid="coverage-row" data-town={town.id}>
                  <th scope="row" className="town-head">
                    <a href={hrefTown(town.id)}>{town.name[lang]}</a>
                  </th>
                  {columns.map(({ ind, groupStart }) => {
                    const cell = cellOf(town.id, ind.code);
                    const cls = groupStart ? 'group-start' : undefined;
                    if (!cell)
                      return (
                        <td key={ind.code} className={cls ? `${cls} cov-missing` : 'cov-missing'}>
                          <Missing />
                        </td>
                      );
                    const selected = selection?.town.id === town.id && selection.indicator.code === ind.code;
                    const r = range(cell.first, cell.latest);
                    return (
                      <td key={ind.code} className={cls}>
                        <button
                          type="button"
                          className={`cov-cell cov-${shade(cell.periods)}`}
                          data-testid="coverage-cell"
                          data-town={town.id}
                          data-indicator={ind.code}
                          aria-haspopup="dialog"
                          aria-expanded={selected}
                          aria-label={t('coverage.cellLabel', { town: town.name[lang], indicator: ind.name[lang], periods: cell.periods, range: r })}
                          title={t('coverage.cellTitle', { periods: cell.periods, range: r, values: cell.values, sources: cell.sources.length })}
                          onClick={(e) => setSelection({ town, indicator: ind, cell, opener: e.currentTarget })}
                        >
                          {cell.periods}
                        </button>
                      </td>
                    );
                  })}
                  <td className="count-cell">{townCounts.get(town.id) ?? 0}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="town-head">
                  {t('coverage.townsWithData')}
                </th>
                {columns.map(({ ind, groupStart }) => (
                  <td key={ind.code} className={groupStart ? 'group-start count-cell' : 'count-cell'}>
                    {indicatorCounts.get(ind.code) ?? 0}
                  </td>
                ))}
                <td className="count-cell">{data.totals.cells}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      {selection ? <CellDialog key={`${selection.town.id}:${selection.indicator.code}`} selection={selection} onClose={() => setSelection(null)} /> : null}
    </>
  );
}

/** The values behind one cell, in a modal dialog (native: focus moves in, Escape closes, focus goes back). */
function CellDialog({ selection, onClose }: { selection: Selection; onClose: () => void }) {
  const { lang, t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const { town, indicator, cell, opener } = selection;
  const obs = useApi(`obs:${town.id}:${indicator.code}`, () => client.observations(town.id, { indicator: indicator.code }));

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const close = () => ref.current?.close();
  const unitKey: MessageKey = indicator.kind === 'categorical' ? 'coverage.kindCategorical' : 'coverage.unitLine';

  return (
    <dialog
      ref={ref}
      className="cell-dialog"
      aria-labelledby={headingId}
      data-testid="coverage-panel"
      onClose={() => {
        onClose();
        opener?.focus();
      }}
      onClick={(e) => {
        // a click on the backdrop (outside the dialog's box) closes it
        if (e.target === e.currentTarget) {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) close();
        }
      }}
    >
      <div className="dialog-head">
        <h2 id={headingId}>{t('coverage.panelTitle', { indicator: indicator.name[lang], town: town.name[lang] })}</h2>
        <button type="button" className="button button-quiet" onClick={close} data-testid="close-panel">
          {t('common.close')}
        </button>
      </div>
      <p className="muted">
        {t(unitKey, { unit: unitName(indicator.unit, t) })} ·{' '}
        {t('coverage.panelSummary', { periods: cell.periods, range: range(cell.first, cell.latest), values: cell.values })}
      </p>
      {obs.state === 'loading' ? <Loading /> : null}
      {obs.state === 'error' ? <ErrorPanel error={obs.error} onRetry={obs.retry} /> : null}
      {obs.state === 'ready' ? (
        obs.data.length === 0 ? (
          <p className="muted">{t('coverage.panelEmpty')}</p>
        ) : (
          <ObservationTable observations={obs.data} indicator={indicator} labelledBy={headingId} testId="coverage-values" />
        )
      ) : null}
      <p className="dialog-foot">
        <a href={hrefTown(town.id)}>{t('coverage.openTown', { town: town.name[lang] })}</a>
      </p>
    </dialog>
  );
}
