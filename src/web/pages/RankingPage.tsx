import { useEffect, useId, useMemo, useState } from 'react';
import type { IndexPresetDto, IndexResultDto, IndicatorDto } from '../../client/api-client.js';
import { client, loadIndicators, loadPresets, loadTowns, useApi } from '../api.js';
import { DataText, ErrorPanel, Loading } from '../components/common.js';
import { compareDimensions, IndicatorPickerGroups } from '../components/indicators.js';
import { Audit, ContributionBars, groupName, IndexWarning, IntervalLegend, RankIntervalChart, score } from '../components/ranking.js';
import { formatNumber, type IndicatorMap } from '../components/typology.js';
import { hasMessage, useI18n, type I18n } from '../i18n/index.js';
import {
  buildConfig,
  groupByReason,
  hasUncertainty,
  isIndexConfig,
  readReason,
  resultIndicators,
  setWeight,
  splitUnits,
  WEIGHT_MAX,
  WEIGHT_MIN,
  WEIGHT_STEP,
  weightTree,
  type IndexConfig,
  type UnitResultDto,
} from '../ranking.js';
import { hrefTown } from '../router.js';
import { TYPOLOGY_YEARS } from '../typology.js';

const CUSTOM = 'custom';
/** The pause after the last change before the index is recomputed. */
const DEBOUNCE_MS = 150;

/** An unscored town's reason in the language (the engine's text kept when it is not one the UI knows). */
function reasonText(reason: string | null, t: I18n['t']) {
  const r = readReason(reason);
  if (r.kind === 'noValue') return t('ranking.reason.noValue', { period: r.period });
  if (r.kind === 'zeroWeight') return t('ranking.reason.zeroWeight');
  return <DataText>{r.text || '—'}</DataText>;
}

/**
 * Recomputes the index when the configuration changes, after a short pause; the last result stays
 * while the next one loads, and an error does not drop it.
 */
function useIndex(config: IndexConfig | null) {
  const [state, setState] = useState<{ result: IndexResultDto | null; config: IndexConfig | null; error: Error | null; loading: boolean }>({
    result: null,
    config: null,
    error: null,
    loading: false,
  });
  useEffect(() => {
    if (!config) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      client.index(config).then(
        (result) => live && setState({ result, config, error: null, loading: false }),
        (error: unknown) => live && setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false })),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [config]);
  return state;
}

export function RankingPage({ preset: requested }: { preset: string | null }) {
  const { t, lang } = useI18n();
  const meta = useApi('ranking-meta', () => Promise.all([loadPresets(), loadIndicators(), loadTowns()]));
  const metaData = meta.state === 'ready' ? meta.data : null;

  useEffect(() => {
    document.title = t('title.ranking');
  }, [t]);

  return (
    <div className="ranking-page" data-testid="ranking-page">
      <h1 tabIndex={-1}>{t('ranking.heading')}</h1>
      <p className="lead">{t('ranking.intro')}</p>
      {meta.state === 'loading' ? <Loading /> : null}
      {meta.state === 'error' ? <ErrorPanel error={meta.error} onRetry={meta.retry} /> : null}
      {metaData ? (
        <Ranking presets={metaData[0]} catalogue={metaData[1]} towns={new Map(metaData[2].map((tw) => [tw.id, tw.name[lang]]))} requested={requested} />
      ) : null}
    </div>
  );
}

function Ranking({
  presets,
  catalogue,
  towns,
  requested,
}: {
  presets: readonly IndexPresetDto[];
  catalogue: readonly IndicatorDto[];
  towns: ReadonlyMap<string, string>;
  requested: string | null;
}) {
  const { t, lang } = useI18n();
  const ids = {
    config: useId(),
    configHeading: useId(),
    weights: useId(),
    results: useId(),
    unscored: useId(),
    intervals: useId(),
    contributions: useId(),
    audit: useId(),
  };
  const indicators: IndicatorMap = useMemo(() => new Map(catalogue.map((i) => [i.code, i])), [catalogue]);
  const initial = presets.find((p) => p.id === requested)?.id ?? (requested === CUSTOM ? CUSTOM : (presets[0]?.id ?? CUSTOM));
  const [source, setSource] = useState(initial);
  const preset = presets.find((p) => p.id === source) ?? null;
  const presetConfig = preset && isIndexConfig(preset.config) ? preset.config : null;
  // The custom configuration's choices.
  const [period, setPeriod] = useState(2014);
  const [chosen, setChosen] = useState<string[]>([]);
  const [uncertainty, setUncertainty] = useState(true);
  const built = useMemo(() => (chosen.length ? buildConfig(String(period), chosen, catalogue, uncertainty) : null), [period, chosen, catalogue, uncertainty]);
  const base = source === CUSTOM ? built : presetConfig;
  // The weights as moved on the sliders, for the configuration they were moved on.
  const [edited, setEdited] = useState<{ base: IndexConfig; config: IndexConfig } | null>(null);
  const config = edited && edited.base === base ? edited.config : base;
  const { result, config: resultConfig, error, loading } = useIndex(config);
  const choose = (id: string) => {
    setSource(id);
    setEdited(null);
  };

  return (
    <>
      <section aria-labelledby={ids.configHeading} className="card" data-testid="ranking-config">
        <h2 id={ids.configHeading}>{t('ranking.configHeading')}</h2>
        <div className="field field-wide">
          <label htmlFor={ids.config}>{t('ranking.configLabel')}</label>
          <select id={ids.config} value={source} onChange={(e) => choose(e.target.value)} data-testid="ranking-config-select">
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[lang]}
              </option>
            ))}
            <option value={CUSTOM}>{t('ranking.custom')}</option>
          </select>
        </div>
        {preset ? <PresetInfo preset={preset} towns={towns} /> : null}
        {source === CUSTOM ? (
          <CustomBuilder
            catalogue={catalogue}
            period={period}
            onPeriod={setPeriod}
            chosen={chosen}
            onChosen={setChosen}
            uncertainty={uncertainty}
            onUncertainty={setUncertainty}
          />
        ) : null}
        {config ? <MethodFacts config={config} /> : null}
      </section>

      {config ? (
        <Weights
          config={config}
          indicators={indicators}
          onChange={(c) => base && setEdited({ base, config: c })}
          onReset={() => setEdited(null)}
          edited={config !== base}
        />
      ) : null}

      {config ? (
        <section aria-labelledby={ids.results} className="card" data-testid="ranking-results">
          <h2 id={ids.results}>{t('ranking.resultsHeading')}</h2>
          <p className="loading-note" role="status" aria-live="polite" data-testid="ranking-status">
            {loading ? t('ranking.updating') : error && result ? t('ranking.lastResult') : result ? t('ranking.updated', { period: result.period }) : ''}
          </p>
          {error ? <ErrorPanel error={error} title={t('ranking.error')} /> : null}
          {!result && !error ? <Loading /> : null}
          {result && resultConfig ? (
            <Results result={result} config={resultConfig} towns={towns} indicators={indicators} ids={ids} stale={loading || error !== null} />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function PresetInfo({ preset, towns }: { preset: IndexPresetDto; towns: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  // The preset's description is written in English in rules/; the known presets have it translated.
  const key = `ranking.preset.${preset.id}`;
  const groups = groupByReason(preset.unscored);
  return (
    <div className="preset-info" data-testid="preset-info" data-preset={preset.id}>
      {hasMessage(key) ? (
        <>
          <p>{t(key)}</p>
          <details className="engine-text">
            <summary>{t('ranking.presetEnglish')}</summary>
            <p>
              <DataText>{preset.description}</DataText>
            </p>
          </details>
        </>
      ) : (
        <p>
          <DataText>{preset.description}</DataText>
        </p>
      )}
      <p>
        <strong>{t('ranking.presetScores', { scored: preset.scored, unscored: preset.unscored.length })}</strong>
      </p>
      {groups.map((g, i) => (
        <p key={i} className="fact-note" data-testid="preset-unscored">
          {t('ranking.presetCannot', { count: g.units.length })} {reasonText(g.reason, t)}:{' '}
          {g.units.map((u, j) => (
            <span key={u}>
              {j > 0 ? ', ' : null}
              <a href={hrefTown(u)}>{towns.get(u) ?? u}</a>
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}

function CustomBuilder({
  catalogue,
  period,
  onPeriod,
  chosen,
  onChosen,
  uncertainty,
  onUncertainty,
}: {
  catalogue: readonly IndicatorDto[];
  period: number;
  onPeriod: (p: number) => void;
  chosen: string[];
  onChosen: (c: string[]) => void;
  uncertainty: boolean;
  onUncertainty: (u: boolean) => void;
}) {
  const { t } = useI18n();
  const ids = { period: useId(), hint: useId() };
  const groups = useMemo(() => {
    const by = new Map<string, IndicatorDto[]>();
    for (const i of catalogue) if (i.kind === 'numeric') by.set(i.dimension, [...(by.get(i.dimension) ?? []), i]);
    return [...by.entries()].sort(([a], [b]) => compareDimensions(a, b));
  }, [catalogue]);
  const toggle = (code: string, on: boolean) =>
    onChosen(on ? catalogue.filter((i) => i.code === code || chosen.includes(i.code)).map((i) => i.code) : chosen.filter((c) => c !== code));
  return (
    <div className="custom-builder" data-testid="custom-builder">
      <p className="hint" id={ids.hint}>
        {t('ranking.customHint')}
      </p>
      <div className="filter-row">
        <div className="field">
          <label htmlFor={ids.period}>{t('ranking.period')}</label>
          <select id={ids.period} value={period} onChange={(e) => onPeriod(Number(e.target.value))} data-testid="ranking-period">
            {TYPOLOGY_YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={uncertainty} onChange={(e) => onUncertainty(e.target.checked)} data-testid="ranking-uncertainty" />{' '}
          {t('ranking.withUncertainty')}
        </label>
      </div>
      <fieldset className="indicator-picker" aria-describedby={ids.hint}>
        <legend>{t('ranking.indicators')}</legend>
        <IndicatorPickerGroups
          groups={groups.map(([dimension, list]) => ({ dimension, indicators: list }))}
          chosen={chosen}
          toggle={toggle}
          testId="ranking-indicator"
        />
      </fieldset>
      {chosen.length === 0 ? <p className="muted">{t('ranking.chooseOne')}</p> : null}
    </div>
  );
}

/** The method in a few facts: normalisation, weights, aggregation, missing values, uncertainty. */
function MethodFacts({ config }: { config: IndexConfig }) {
  const { t, num } = useI18n();
  const n = config.normalisation as { method?: string; range?: [number, number] } | string | undefined;
  const method = typeof n === 'string' ? n : (n?.method ?? 'minmax');
  const range = typeof n === 'object' && n?.range ? n.range : method === 'minmax' ? [0, 1] : null;
  const u = config.uncertainty as { runs?: number; weightNoise?: unknown; normalisation?: unknown[]; aggregation?: unknown[] } | null | undefined;
  const methodName = (m: string) => {
    const key = `ranking.method.${m}`;
    return hasMessage(key) ? t(key) : m;
  };
  const list = (xs: unknown[] | undefined) =>
    (xs ?? []).map((x) => methodName(typeof x === 'string' ? x : String((x as { method?: string })?.method ?? x))).join(', ');
  return (
    <dl className="facts compact method-facts" data-testid="method-facts">
      <div className="fact">
        <dt>{t('ranking.fact.period')}</dt>
        <dd>{config.period}</dd>
      </div>
      <div className="fact">
        <dt>{t('ranking.fact.normalisation')}</dt>
        <dd>{range ? t('ranking.minmaxRange', { method: methodName(method), low: range[0], high: range[1] }) : methodName(method)}</dd>
      </div>
      <div className="fact">
        <dt>{t('ranking.fact.weights')}</dt>
        <dd>{methodName(String(config.weights ?? 'explicit'))}</dd>
      </div>
      <div className="fact">
        <dt>{t('ranking.fact.aggregation')}</dt>
        <dd>{methodName(String(config.aggregation ?? 'arithmetic'))}</dd>
      </div>
      <div className="fact">
        <dt>{t('ranking.fact.imputation')}</dt>
        <dd>{methodName(`impute_${String(config.imputation ?? 'none')}`)}</dd>
      </div>
      <div className="fact">
        <dt>{t('ranking.fact.uncertainty')}</dt>
        <dd>
          {u
            ? t('ranking.uncertaintyValue', {
                runs: num(u.runs ?? 0),
                noise: typeof u.weightNoise === 'number' ? Math.round(u.weightNoise * 100) : '—',
                normalisation: list(u.normalisation) || methodName(method),
                aggregation: list(u.aggregation) || methodName(String(config.aggregation ?? 'arithmetic')),
              })
            : t('ranking.uncertaintyNone')}
        </dd>
      </div>
    </dl>
  );
}

function Slider({
  label,
  value,
  onChange,
  disabled,
  kind,
  code,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  disabled: boolean;
  kind: 'group' | 'indicator';
  code: string;
}) {
  const { numLocale } = useI18n();
  const id = useId();
  const shown = formatNumber(value, numLocale, 2);
  return (
    <div className={`slider slider-${kind}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={WEIGHT_MIN}
        max={WEIGHT_MAX}
        step={WEIGHT_STEP}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={shown}
        data-testid="weight-slider"
        data-kind={kind}
        data-code={code}
      />
      <output htmlFor={id} className="slider-value" data-testid="weight-value">
        {shown}
      </output>
    </div>
  );
}

/** A slider for each group's and indicator's weight; the ranking follows at once. */
function Weights({
  config,
  indicators,
  onChange,
  onReset,
  edited,
}: {
  config: IndexConfig;
  indicators: IndicatorMap;
  onChange: (c: IndexConfig) => void;
  onReset: () => void;
  edited: boolean;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const tree = weightTree(config);
  const explicit = (config.weights ?? 'explicit') === 'explicit';
  const name = (c: string) => indicators.get(c)?.name[lang] ?? c;
  return (
    <section aria-labelledby={headingId} className="card" data-testid="ranking-weights">
      <h2 id={headingId}>{t('ranking.weightsHeading')}</h2>
      <p className="hint">{explicit ? t('ranking.weightsHint') : t('ranking.weightsNotExplicit', { scheme: String(config.weights) })}</p>
      <div className="weight-groups">
        {tree.groups.map((g) => (
          <fieldset key={g.code} className="weight-group">
            <legend>{groupName(g.code, t)}</legend>
            <Slider
              label={t('ranking.groupWeight', { group: groupName(g.code, t) })}
              value={g.weight}
              disabled={!explicit}
              kind="group"
              code={g.code}
              onChange={(w) => onChange(setWeight(config, 'group', g.code, w))}
            />
            {g.indicators.map((i) => (
              <Slider
                key={i.code}
                label={name(i.code)}
                value={i.weight}
                disabled={!explicit}
                kind="indicator"
                code={i.code}
                onChange={(w) => onChange(setWeight(config, 'indicator', i.code, w))}
              />
            ))}
          </fieldset>
        ))}
        {tree.ungrouped.length > 0 ? (
          <fieldset className="weight-group">
            <legend>{t('ranking.ungrouped')}</legend>
            {tree.ungrouped.map((i) => (
              <Slider
                key={i.code}
                label={name(i.code)}
                value={i.weight}
                disabled={!explicit}
                kind="indicator"
                code={i.code}
                onChange={(w) => onChange(setWeight(config, 'indicator', i.code, w))}
              />
            ))}
          </fieldset>
        ) : null}
      </div>
      <p className="more">
        <button type="button" className="button button-quiet" onClick={onReset} disabled={!edited} data-testid="weights-reset">
          {t('ranking.resetWeights')}
        </button>
      </p>
    </section>
  );
}

/** Downloads a file the browser holds as a Blob, through an object URL. */
function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Exports({ config, period }: { config: IndexConfig; period: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const run = (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setError(null);
    client.indexExport(config, format).then(
      (blob) => {
        download(blob, `monoqala-index-${period}.${format}`);
        setBusy(null);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e : new Error(String(e)));
        setBusy(null);
      },
    );
  };
  return (
    <div className="exports">
      <button type="button" className="button" onClick={() => run('csv')} disabled={busy !== null} data-testid="export-csv">
        {t('ranking.exportCsv')}
      </button>
      <button type="button" className="button" onClick={() => run('xlsx')} disabled={busy !== null} data-testid="export-xlsx">
        {t('ranking.exportXlsx')}
      </button>
      <span role="status" className="muted">
        {busy ? t('ranking.exporting') : ''}
      </span>
      {error ? <ErrorPanel error={error} title={t('ranking.exportError')} /> : null}
    </div>
  );
}

function Results({
  result,
  config,
  towns,
  indicators,
  ids,
  stale,
}: {
  result: IndexResultDto;
  config: IndexConfig;
  towns: ReadonlyMap<string, string>;
  indicators: IndicatorMap;
  ids: { unscored: string; intervals: string; contributions: string; audit: string; results: string };
  stale: boolean;
}) {
  const { t, numLocale, lang } = useI18n();
  const captionId = useId();
  const unscoredCaption = useId();
  const { scored, unscored } = splitUnits(result.units);
  const groups = weightTree(config).groups.map((g) => g.code);
  const codes = resultIndicators(result, config);
  const withIntervals = hasUncertainty(config) && scored.some((u) => u.uncertainty && u.uncertainty.medianRank !== null);
  const nf = new Intl.NumberFormat(numLocale, { maximumFractionDigits: 1 });
  const interval = (u: UnitResultDto) =>
    u.uncertainty && u.uncertainty.medianRank !== null
      ? t('ranking.intervalCell', {
          median: nf.format(u.uncertainty.medianRank),
          p5: nf.format(u.uncertainty.p5 ?? u.uncertainty.medianRank),
          p95: nf.format(u.uncertainty.p95 ?? u.uncertainty.medianRank),
        })
      : '—';
  return (
    <div className={stale ? 'results is-stale' : 'results'}>
      <p className="comparison-summary" data-testid="ranking-summary">
        {t('ranking.summary', { scored: scored.length, unscored: unscored.length, period: result.period })}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table ranking-table" data-testid="ranking-table">
          <caption id={captionId}>{t('ranking.tableCaption', { period: result.period })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('ranking.col.rank')}
              </th>
              <th scope="col">{t('col.name')}</th>
              <th scope="col" className="num">
                {t('ranking.col.score')}
              </th>
              {groups.map((g) => (
                <th key={g} scope="col" className="num">
                  {groupName(g, t)}
                </th>
              ))}
              {withIntervals ? (
                <th scope="col" className="num">
                  {t('ranking.col.interval')}
                </th>
              ) : null}
              <th scope="col" className="note-col">
                {t('ranking.col.note')}
              </th>
            </tr>
          </thead>
          <tbody>
            {scored.map((u) => (
              <tr key={u.unit} data-testid="ranking-row" data-town={u.unit} data-rank={u.rank ?? ''} data-score={u.score ?? ''}>
                <td className="num">
                  <strong>{u.rank}</strong>
                </td>
                <th scope="row">
                  <a href={hrefTown(u.unit)}>{towns.get(u.unit) ?? u.unit}</a>
                </th>
                <td className="num" data-testid="ranking-score">
                  {score(u.score!, numLocale)}
                </td>
                {groups.map((g) => (
                  <td key={g} className="num">
                    {u.groups[g] === null || u.groups[g] === undefined ? '—' : score(u.groups[g]!, numLocale)}
                    {u.groupRanks[g] ? <span className="unit">{t('ranking.groupRank', { rank: u.groupRanks[g]! })}</span> : null}
                  </td>
                ))}
                {withIntervals ? <td className="num">{interval(u)}</td> : null}
                <td>
                  {u.incomplete
                    ? t('ranking.incomplete', {
                        missing: codes
                          .filter((c) => u.normalised[c] === null || u.normalised[c] === undefined)
                          .map((c) => indicators.get(c)?.name[lang] ?? c)
                          .join('; '),
                      })
                    : null}
                  {u.imputed.length ? t('ranking.imputed', { count: u.imputed.length }) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {unscored.length > 0 ? (
        <>
          <h3 id={ids.unscored}>{t('ranking.unscoredHeading', { count: unscored.length })}</h3>
          <p className="hint">{t('ranking.unscoredHint')}</p>
          <div className="table-scroll" role="region" aria-labelledby={unscoredCaption} tabIndex={0}>
            <table className="data-table" data-testid="unscored-table">
              <caption id={unscoredCaption} className="visually-hidden">
                {t('ranking.unscoredCaption', { period: result.period })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col">{t('ranking.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {unscored.map((u) => (
                  <tr key={u.unit} data-testid="unscored-row" data-town={u.unit}>
                    <th scope="row">
                      <a href={hrefTown(u.unit)}>{towns.get(u.unit) ?? u.unit}</a>
                    </th>
                    <td data-testid="unscored-reason">{reasonText(u.reason, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {withIntervals ? (
        <>
          <h3 id={ids.intervals}>{t('ranking.intervalHeading')}</h3>
          <p className="hint">{t('ranking.intervalHint')}</p>
          <RankIntervalChart units={scored} names={towns} />
          <IntervalLegend />
        </>
      ) : hasUncertainty(config) ? null : (
        <p className="muted">{t('ranking.noIntervals')}</p>
      )}

      <h3 id={ids.contributions}>{t('ranking.contributionsHeading')}</h3>
      {result.contributionsSumTo === 'score' ? (
        <>
          <p className="hint">{t('ranking.contributionsHint')}</p>
          <ContributionBars units={scored} codes={codes} names={towns} indicators={indicators} />
        </>
      ) : (
        <p className="hint">{t('ranking.contributionsLog')}</p>
      )}

      <h3 id={ids.audit}>{t('ranking.auditHeading')}</h3>
      <Audit result={result} codes={codes} indicators={indicators} />

      {result.warnings.length > 0 ? (
        <>
          <h3>{t('ranking.warningsHeading')}</h3>
          <ul className="warnings-list">
            {result.warnings.map((w, i) => (
              <IndexWarning key={i} warning={w} names={towns} indicators={indicators} />
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t('ranking.exportHeading')}</h3>
      <Exports config={config} period={result.period} />
    </div>
  );
}
