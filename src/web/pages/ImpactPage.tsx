import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { ImpactDidDto, ImpactSynthDto } from '../../client/api-client.js';
import { client, loadIndicators, loadTowns, useApi } from '../api.js';
import { DataText, ErrorPanel, Loading } from '../components/common.js';
import { formatNum } from '../components/programs.js';
import { hasMessage, useI18n } from '../i18n/index.js';

type Method = 'did' | 'synth';
type Result = { method: 'did'; data: ImpactDidDto } | { method: 'synth'; data: ImpactSynthDto };

const W = 560;
const H = 240;
const PAD = { l: 60, r: 12, t: 12, b: 30 };

function scale(d0: number, d1: number, r0: number, r1: number) {
  const span = d1 - d0 || 1;
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
}

export function ImpactPage() {
  const { t, lang } = useI18n();
  const meta = useApi('impact-meta', () => Promise.all([loadIndicators(), loadTowns()]));
  useEffect(() => {
    document.title = t('title.impact');
  }, [t]);
  const ids = { indicator: useId(), method: useId(), treated: useId(), period: useId(), donors: useId(), result: useId() };
  const [indicator, setIndicator] = useState('population');
  const [method, setMethod] = useState<Method>('did');
  const [treated, setTreated] = useState<string[]>(['kurchatov']);
  const [period, setPeriod] = useState('2012');
  const [donors, setDonors] = useState<string[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const numeric = useMemo(() => (meta.state === 'ready' ? meta.data[0].filter((i) => i.unit !== 'class') : []), [meta]);
  const towns = useMemo(() => (meta.state === 'ready' ? meta.data[1] : []), [meta]);
  const townName = (id: string) => towns.find((tw) => tw.id === id)?.name[lang] ?? id;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const run: Promise<Result> =
      method === 'did'
        ? client.impactDid({ indicator, treated, treatmentPeriod: period }).then((data) => ({ method: 'did' as const, data }))
        : client
            .impactSynth({ indicator, treated: treated[0] ?? '', treatmentPeriod: period, donors: donors.length ? donors : undefined })
            .then((data) => ({ method: 'synth' as const, data }));
    run.then(
      (r) => {
        setResult(r);
        setBusy(false);
      },
      (err: unknown) => {
        setError(err instanceof Error ? err : new Error(String(err)));
        setBusy(false);
      },
    );
  };

  return (
    <div data-testid="impact-page">
      <h1 tabIndex={-1}>{t('impact.heading')}</h1>
      <p className="lead">{t('impact.intro')}</p>
      {meta.state === 'loading' ? <Loading /> : null}
      {meta.state === 'error' ? <ErrorPanel error={meta.error} onRetry={meta.retry} /> : null}
      {meta.state === 'ready' ? (
        <form className="card impact-form" onSubmit={submit}>
          <p>
            <label htmlFor={ids.indicator}>{t('impact.indicator')}</label>{' '}
            <select id={ids.indicator} value={indicator} onChange={(e) => setIndicator(e.target.value)} data-testid="impact-indicator">
              {numeric.map((i) => {
                const key = `ind.name.${i.code}`;
                return (
                  <option key={i.code} value={i.code}>
                    {hasMessage(key) ? t(key) : i.code}
                  </option>
                );
              })}
            </select>
          </p>
          <fieldset>
            <legend>{t('impact.method')}</legend>
            <label>
              <input type="radio" name={ids.method} checked={method === 'did'} onChange={() => setMethod('did')} /> {t('impact.did')}
            </label>{' '}
            <label>
              <input type="radio" name={ids.method} checked={method === 'synth'} onChange={() => setMethod('synth')} data-testid="impact-synth" />{' '}
              {t('impact.synth')}
            </label>
          </fieldset>
          <p>
            <label htmlFor={ids.treated}>{method === 'did' ? t('impact.treatedMany') : t('impact.treatedOne')}</label>{' '}
            <select
              id={ids.treated}
              multiple={method === 'did'}
              size={method === 'did' ? 6 : undefined}
              value={method === 'did' ? treated : (treated[0] ?? '')}
              onChange={(e) => setTreated([...e.target.selectedOptions].map((o) => o.value))}
              data-testid="impact-treated"
            >
              {towns.map((tw) => (
                <option key={tw.id} value={tw.id}>
                  {tw.name[lang]}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor={ids.period}>{t('impact.period')}</label>{' '}
            <input id={ids.period} value={period} onChange={(e) => setPeriod(e.target.value)} inputMode="numeric" size={6} data-testid="impact-period" />
          </p>
          {method === 'synth' ? (
            <p>
              <label htmlFor={ids.donors}>{t('impact.donors')}</label>{' '}
              <select id={ids.donors} multiple size={6} value={donors} onChange={(e) => setDonors([...e.target.selectedOptions].map((o) => o.value))}>
                {towns.map((tw) => (
                  <option key={tw.id} value={tw.id}>
                    {tw.name[lang]}
                  </option>
                ))}
              </select>
            </p>
          ) : null}
          <p>
            <button type="submit" className="button" disabled={busy || treated.length === 0} data-testid="impact-run">
              {t('impact.run')}
            </button>
          </p>
        </form>
      ) : null}
      {busy ? <Loading /> : null}
      {error ? <ErrorPanel error={error} /> : null}
      {result ? (
        <section className="card" aria-labelledby={ids.result} data-testid="impact-result">
          <h2 id={ids.result}>{t('impact.result')}</h2>
          {result.data.status === 'not_computable' ? (
            <p data-testid="impact-not-computable">
              <strong>{t('impact.notComputable')}</strong> <DataText>{result.data.reason}</DataText>
            </p>
          ) : result.method === 'did' && result.data.status === 'ok' ? (
            <DidView r={result.data} />
          ) : result.method === 'synth' && result.data.status === 'ok' ? (
            <SynthView r={result.data} townName={townName} />
          ) : null}
          <Warnings list={[...result.data.warnings, ...result.data.dataWarnings]} />
        </section>
      ) : null}
    </div>
  );
}

function Warnings({ list }: { list: { code: string; message: string }[] }) {
  const { t } = useI18n();
  if (!list.length) return null;
  return (
    <>
      <h3>{t('impact.warnings')}</h3>
      <ul data-testid="impact-warnings">
        {list.map((w, i) => (
          <li key={i}>
            <DataText>{w.message}</DataText>
          </li>
        ))}
      </ul>
    </>
  );
}

function DidView({ r }: { r: Extract<ImpactDidDto, { status: 'ok' }> }) {
  const { t, lang } = useI18n();
  const pts = r.eventStudy.filter((p) => p.estimate !== null);
  const xs = pts.map((p) => p.relativePeriod);
  const ys = pts.flatMap((p) => (p.ci95 ? [p.ci95[0], p.ci95[1]] : [p.estimate ?? 0])).concat(0);
  const x = scale(Math.min(...xs, -1) - 0.5, Math.max(...xs, 0) + 0.5, PAD.l, W - PAD.r);
  const y = scale(Math.min(...ys), Math.max(...ys), H - PAD.b, PAD.t);
  return (
    <>
      <dl className="facts">
        <dt>{t('impact.estimate')}</dt>
        <dd data-testid="did-estimate">{formatNum(r.estimate, lang, 2)}</dd>
        <dt>{t('impact.se')}</dt>
        <dd>{r.se === null ? <DataText>{r.seNote ?? '—'}</DataText> : formatNum(r.se, lang, 2)}</dd>
        <dt>{t('impact.ci')}</dt>
        <dd>{r.ci95 ? `${formatNum(r.ci95[0], lang, 2)} … ${formatNum(r.ci95[1], lang, 2)}` : '—'}</dd>
        <dt>{t('impact.n')}</dt>
        <dd>{r.n}</dd>
      </dl>
      <figure>
        <svg className="chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('impact.eventStudy')}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.4} />
          {pts.map((p) => (
            <g key={p.relativePeriod}>
              {p.ci95 ? <line x1={x(p.relativePeriod)} x2={x(p.relativePeriod)} y1={y(p.ci95[0])} y2={y(p.ci95[1])} stroke="currentColor" /> : null}
              <circle cx={x(p.relativePeriod)} cy={y(p.estimate ?? 0)} r={4} fill={p.reference ? 'white' : 'currentColor'} stroke="currentColor">
                <title>{`${p.relativePeriod}: ${formatNum(p.estimate, lang, 2)}`}</title>
              </circle>
              <text x={x(p.relativePeriod)} y={H - 10} textAnchor="middle" fontSize={11}>
                {p.relativePeriod}
              </text>
            </g>
          ))}
        </svg>
        <figcaption>{t('impact.eventStudy')}</figcaption>
      </figure>
    </>
  );
}

function SynthView({ r, townName }: { r: Extract<ImpactSynthDto, { status: 'ok' }>; townName: (id: string) => string }) {
  const { t, lang } = useI18n();
  const periods = r.gap.map((g) => Number(g.period));
  const vals = r.gap.flatMap((g) => [g.treated, g.synthetic]);
  const x = scale(Math.min(...periods), Math.max(...periods), PAD.l, W - PAD.r);
  const y = scale(Math.min(...vals), Math.max(...vals), H - PAD.b, PAD.t);
  const path = (k: 'treated' | 'synthetic') => r.gap.map((g, i) => `${i ? 'L' : 'M'}${x(Number(g.period))},${y(g[k])}`).join(' ');
  const placebos = r.placebos.filter((p) => p.gap && p.gap.length);
  const gaps = [...r.gap.map((g) => g.gap), ...placebos.flatMap((p) => p.gap!.map((g) => g.gap)), 0];
  const gy = scale(Math.min(...gaps), Math.max(...gaps), H - PAD.b, PAD.t);
  const placeboPaths = placebos.map((p) => ({ unit: p.unit, d: p.gap!.map((g, i) => `${i ? 'L' : 'M'}${x(Number(g.period))},${gy(g.gap)}`).join(' ') }));
  return (
    <>
      <dl className="facts">
        <dt>{t('impact.rmspePre')}</dt>
        <dd>{formatNum(r.rmspePre, lang, 2)}</dd>
        <dt>{t('impact.pValue')}</dt>
        <dd>{r.pValue === null ? <DataText>{r.pValueNote ?? '—'}</DataText> : formatNum(r.pValue, lang, 3)}</dd>
      </dl>
      <figure>
        <svg className="chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('impact.synthChart')}>
          <line x1={x(Number(r.treatmentPeriod))} x2={x(Number(r.treatmentPeriod))} y1={PAD.t} y2={H - PAD.b} stroke="currentColor" strokeDasharray="4 3" />
          <path d={path('synthetic')} fill="none" stroke="currentColor" strokeDasharray="6 3" strokeWidth={2} />
          <path d={path('treated')} fill="none" stroke="currentColor" strokeWidth={2} />
          {r.gap.map((g) => (
            <text key={g.period} x={x(Number(g.period))} y={H - 10} textAnchor="middle" fontSize={10}>
              {g.period}
            </text>
          ))}
        </svg>
        <figcaption>{t('impact.synthLegend')}</figcaption>
      </figure>
      <h3>{t('impact.placebos')}</h3>
      {/* The placebo spread: the treated unit's gap (thick) among each donor's placebo gap (thin). */}
      <svg className="chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('impact.placebos')} data-testid="placebo-spread">
        <line x1={PAD.l} x2={W - PAD.r} y1={gy(0)} y2={gy(0)} stroke="currentColor" strokeOpacity={0.4} />
        <line x1={x(Number(r.treatmentPeriod))} x2={x(Number(r.treatmentPeriod))} y1={PAD.t} y2={H - PAD.b} stroke="currentColor" strokeDasharray="4 3" />
        {placeboPaths.map((p) => (
          <path key={p.unit} d={p.d} fill="none" stroke="currentColor" strokeOpacity={0.35} strokeWidth={1}>
            <title>{townName(p.unit)}</title>
          </path>
        ))}
        <path d={r.gap.map((g, i) => `${i ? 'L' : 'M'}${x(Number(g.period))},${gy(g.gap)}`).join(' ')} fill="none" stroke="currentColor" strokeWidth={2.5} />
      </svg>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('impact.weights')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('target.town')}</th>
              <th scope="col" className="num">
                {t('impact.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(r.weights)
              .sort((a, b) => b[1] - a[1])
              .map(([u, w]) => (
                <tr key={u}>
                  <th scope="row">{townName(u)}</th>
                  <td className="num">{formatNum(w, lang, 3)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
