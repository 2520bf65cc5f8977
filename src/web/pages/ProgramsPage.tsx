import { useEffect, useId, useMemo, useState } from 'react';
import type { MoneyDto, ProgramSummaryDto, ScorecardDto, SourceRefDto } from '../../client/api-client.js';
import type { Program } from '../../domain/programs.js';
import { client, loadTowns, useApi } from '../api.js';
import { DataText, ErrorPanel, Loading } from '../components/common.js';
import { formatNum, ScorecardTable, Sources } from '../components/programs.js';
import { hasMessage, useI18n, type I18n } from '../i18n/index.js';
import { hrefProgram, hrefPrograms } from '../router.js';

/** A translated label for a code of the data (a program kind, a budget status…), the code itself when the dictionaries do not know it. */
function codeLabel(prefix: string, code: string | null | undefined, t: I18n['t']) {
  if (!code) return '—';
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : <DataText>{code}</DataText>;
}

function periodText(from: number | string | null | undefined, to: number | string | null | undefined) {
  return `${from ?? '…'}–${to ?? '…'}`;
}

function actText(act: { number: string | null; date: string | null; year: number | null }, t: I18n['t']) {
  const parts: string[] = [];
  if (act.number) parts.push(t('programs.actNumber', { number: act.number }));
  if (act.date) parts.push(act.date);
  else if (act.year) parts.push(String(act.year));
  return parts.length ? parts.join(', ') : t('programs.actUnknown');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function ProgramsPage() {
  const { t, lang } = useI18n();
  const list = useApi('programs', () => client.programs());
  useEffect(() => {
    document.title = t('title.programs');
  }, [t]);
  return (
    <div data-testid="programs-page">
      <h1 tabIndex={-1}>{t('programs.heading')}</h1>
      <p className="lead">{t('programs.intro')}</p>
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <ErrorPanel error={list.error} onRetry={list.retry} /> : null}
      {list.state === 'ready' ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('programs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programs.name')}</th>
                <th scope="col">{t('programs.kind')}</th>
                <th scope="col">{t('programs.act')}</th>
                <th scope="col">{t('programs.period')}</th>
                <th scope="col" className="num">
                  {t('programs.directions')}
                </th>
                <th scope="col" className="num">
                  {t('programs.instruments')}
                </th>
                <th scope="col" className="num">
                  {t('programs.targets')}
                </th>
                <th scope="col" className="num">
                  {t('programs.budgetLines')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((p: ProgramSummaryDto) => (
                <tr key={p.id} data-testid="program-row">
                  <th scope="row">
                    <a href={hrefProgram(p.id)}>{p.name[lang]}</a>
                  </th>
                  <td>{codeLabel('programKind', p.kind, t)}</td>
                  <td>{actText(p.legalAct, t)}</td>
                  <td>{periodText(p.period.from, p.period.to)}</td>
                  <td className="num">{p.counts.directions}</td>
                  <td className="num">{p.counts.instruments}</td>
                  <td className="num">{p.counts.targets}</td>
                  <td className="num">{p.counts.budgetLines}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

export function ProgramPage({ id, asOf: requested }: { id: string; asOf: string | null }) {
  const { t, lang } = useI18n();
  const data = useApi(`program:${id}`, () => Promise.all([client.program(id) as Promise<unknown> as Promise<Program>, client.programMoney(id), loadTowns()]));
  const name = data.state === 'ready' ? data.data[0].name[lang] : null;
  useEffect(() => {
    document.title = name ? `${name} — ${t('title.programs')}` : t('title.programs');
  }, [t, name]);
  return (
    <div data-testid="program-page">
      <p className="back">
        <a href={hrefPrograms}>{t('programs.back')}</a>
      </p>
      {data.state === 'loading' ? <Loading /> : null}
      {data.state === 'error' ? <ErrorPanel error={data.error} level={1} onRetry={data.retry} /> : null}
      {data.state === 'ready' ? (
        <>
          <h1 tabIndex={-1}>{data.data[0].name[lang]}</h1>
          <Promised program={data.data[0]} />
          <Money money={data.data[1]} />
          <Achieved id={id} requested={requested} towns={new Map(data.data[2].map((tw) => [tw.id, tw.name[lang]]))} />
        </>
      ) : null}
    </div>
  );
}

function Note({ note }: { note: string | null }) {
  return note ? (
    <p className="hint">
      <DataText>{note}</DataText>
    </p>
  ) : null;
}

function Promised({ program: p }: { program: Program }) {
  const { t, lang } = useI18n();
  const h = useId();
  const terms = (i: Program['instruments'][number]) => Object.entries(i.terms).map(([k, v]) => `${k}: ${formatNum(v, lang, 2)}`);
  return (
    <section aria-labelledby={h} className="card">
      <h2 id={h}>{t('programs.promised')}</h2>
      <h3>{t('programs.legalAct')}</h3>
      <p>
        {codeLabel('actType', p.legalAct.type, t)} · {actText(p.legalAct, t)}
        {p.legalAct.title ? (
          <>
            {' '}
            · <DataText>{p.legalAct.title}</DataText>
          </>
        ) : null}
      </p>
      <Note note={p.legalAct.note} />
      <Sources sources={p.legalAct.sources} />
      <h3>{t('programs.period')}</h3>
      <p>{periodText(p.period.from, p.period.to)}</p>
      <Note note={p.period.note} />
      <Sources sources={p.period.sources} />
      {p.period.stages.length ? (
        <ul>
          {p.period.stages.map((s) => (
            <li key={s.id}>
              <DataText>{s.name}</DataText> ({periodText(s.from, s.to)}) <Sources sources={s.sources} />
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t('programs.goals')}</h3>
      {p.goals.length ? (
        <ul>
          {p.goals.map((g) => (
            <li key={g.id}>
              <DataText>{g.wording}</DataText> <Sources sources={g.sources} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('programs.none')}</p>
      )}
      <h3>{t('programs.directions')}</h3>
      {p.directions.length ? (
        <ul>
          {p.directions.map((d) => (
            <li key={d.id}>
              {d.name[lang] ?? <DataText>{d.name.en}</DataText>}
              {d.description ? (
                <>
                  {' '}
                  — <DataText>{d.description}</DataText>
                </>
              ) : null}{' '}
              <Sources sources={d.sources} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('programs.none')}</p>
      )}
      <h3>{t('programs.instruments')}</h3>
      {p.instruments.length ? (
        <ul>
          {p.instruments.map((i) => (
            <li key={i.id}>
              <strong>{i.name[lang]}</strong> ({codeLabel('instrumentKind', i.kind, t)}) — <DataText>{i.description}</DataText>
              {terms(i).length || i.termsWording ? (
                <>
                  <br />
                  {t('programs.terms')}: <DataText>{[...terms(i), i.termsWording].filter(Boolean).join('; ')}</DataText>
                </>
              ) : null}{' '}
              <Sources sources={i.sources} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('programs.none')}</p>
      )}
      <h3>{t('programs.targets')}</h3>
      {p.targets.length ? (
        <ul>
          {p.targets.map((g) => (
            <li key={g.id}>
              <DataText>{g.wording}</DataText> ·{' '}
              <span className="muted">
                {t('programs.rule')}: {codeLabel('targetRule', g.rule, t)}{' '}
                {g.value === null || g.value === undefined ? null : <DataText>{String(g.value)}</DataText>} · {t('programs.deadline')}:{' '}
                {g.deadline ?? t('programs.noDeadline')}
              </span>{' '}
              <Sources sources={g.sources} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('programs.none')}</p>
      )}
    </section>
  );
}

function MoneyValue({ r }: { r: { value: number | null; unit: string; reason: string | null } | null }) {
  const { t, lang } = useI18n();
  if (!r) return <span className="muted">{t('money.notStated')}</span>;
  if (r.value === null)
    return (
      <span>
        {t('money.notComputable')}: <DataText>{r.reason ?? '—'}</DataText>
      </span>
    );
  return (
    <span>
      {formatNum(r.value, lang, 0)} <DataText>{r.unit}</DataText>
    </span>
  );
}

function Money({ money }: { money: MoneyDto }) {
  const { t, lang } = useI18n();
  const h = useId();
  return (
    <section aria-labelledby={h} className="card">
      <h2 id={h}>{t('money.heading')}</h2>
      {money.lines.length === 0 ? <p className="muted">{t('money.noLines')}</p> : null}
      {money.lines.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('money.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('money.wording')}</th>
                <th scope="col" className="num">
                  {t('money.amount')}
                </th>
                <th scope="col">{t('money.status')}</th>
                <th scope="col">{t('money.period')}</th>
                <th scope="col">{t('money.funder')}</th>
                <th scope="col">{t('money.scope')}</th>
                <th scope="col">{t('money.costPerJob')}</th>
                <th scope="col">{t('money.perResident')}</th>
                <th scope="col">{t('target.source')}</th>
              </tr>
            </thead>
            <tbody>
              {money.lines.map(({ line, costPerJob, perResident }) => (
                <tr key={line.id} data-testid="budget-line">
                  <th scope="row">
                    <DataText>{line.wording}</DataText>
                  </th>
                  <td className="num">
                    {line.amountMkzt === null ? (
                      <span>
                        {t('money.notConvertedShort')} (<DataText>{`${line.original.amount} ${line.original.unit}`}</DataText>)
                      </span>
                    ) : (
                      formatNum(line.amountMkzt, lang, 1)
                    )}
                    {line.qualifier !== 'exact' ? (
                      <>
                        {' '}
                        <span className="muted">({codeLabel('amountQualifier', line.qualifier, t)})</span>
                      </>
                    ) : null}
                  </td>
                  <td>{codeLabel('budgetStatus', line.status, t)}</td>
                  <td>{periodText(line.period.from, line.period.to)}</td>
                  <td>{line.funder ? <DataText>{line.funder}</DataText> : '—'}</td>
                  <td>{line.scope ? <DataText>{line.scope.kind === 'towns' ? line.scope.towns.join(', ') : line.scope.kind}</DataText> : '—'}</td>
                  <td>
                    <MoneyValue r={costPerJob} />
                  </td>
                  <td>
                    <MoneyValue r={perResident} />
                  </td>
                  <td>
                    <Sources sources={line.sources} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3>{t('money.totals')}</h3>
      <ul>
        {Object.entries(money.totalsByStatus).map(([k, v]) => (
          <li key={k}>
            {codeLabel('budgetStatus', k, t)}: {formatNum(v, lang, 1)} {t('money.mkzt')}
          </li>
        ))}
      </ul>
      <h3>{t('money.byPurpose')}</h3>
      <ul>
        {Object.entries(money.byPurpose).map(([k, v]) => (
          <li key={k}>
            {codeLabel('purpose', k, t)}: {formatNum(v, lang, 1)} {t('money.mkzt')}
          </li>
        ))}
      </ul>
      {money.notConverted.length ? (
        <>
          <h3>{t('money.notConverted')}</h3>
          <ul>
            {money.notConverted.map((n) => (
              <li key={n}>
                <DataText>{n}</DataText>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('money.utilisation')}</h3>
      <p data-testid="utilisation">
        <MoneyValue r={money.utilisation} />
      </p>
    </section>
  );
}

function Achieved({ id, requested, towns }: { id: string; requested: string | null; towns: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const h = useId();
  const input = useId();
  const [asOf, setAsOf] = useState(requested ?? today());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const card = useApi<ScorecardDto | null>(`scorecard:${id}:${valid ? asOf : ''}`, () => (valid ? client.programScorecard(id, asOf) : Promise.resolve(null)));
  const known: Record<string, SourceRefDto> = useMemo(() => (card.state === 'ready' && card.data ? card.data.sources : {}), [card]);
  return (
    <section aria-labelledby={h} className="card">
      <h2 id={h}>{t('programs.achieved')}</h2>
      <p>
        <label htmlFor={input}>{t('programs.asOf')}</label>{' '}
        <input id={input} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="as-of" />
      </p>
      {card.state === 'loading' ? <Loading /> : null}
      {card.state === 'error' ? <ErrorPanel error={card.error} onRetry={card.retry} /> : null}
      {card.state === 'ready' && card.data ? (
        card.data.rows.length ? (
          <ScorecardTable rows={card.data.rows} known={known} townNames={towns} caption={t('programs.scorecardCaption', { asOf: card.data.asOf })} />
        ) : (
          <p className="muted">{t('programs.noTargets')}</p>
        )
      ) : null}
    </section>
  );
}
