/**
 * The legal status of a town under a rule set, explained: the verdict, the rule set's legal basis and
 * validity, and one row per criterion with its value, threshold, sources and missing inputs.
 */
import { useId, type ReactNode } from 'react';
import type { IndicatorDto, RuleSetDto, StatusItemDto } from '../../client/api-client.js';
import { hasMessage, useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { hrefStatusFor } from '../router.js';
import {
  combination,
  criterionLeaves,
  groupMissing,
  isEarlierPeriod,
  isRedundantNote,
  valueSource,
  versionInForce,
  type Combination,
  type CriterionLeaf,
  type StatusCriterionDto,
  type Verdict,
} from '../status.js';
import { DataText, SourceLink } from './common.js';
import { unitName } from './indicators.js';

type LegalReferenceDto = RuleSetDto['reference'];
type ThresholdSource = StatusCriterionDto['thresholdSources'][number];
export type IndicatorMap = ReadonlyMap<string, IndicatorDto>;

export const VERDICT_KEY: Record<Verdict, MessageKey> = {
  meets: 'status.verdict.meets',
  does_not_meet: 'status.verdict.does_not_meet',
  unknown: 'status.verdict.unknown',
};

const VERDICT_GLYPH: Record<Verdict, string> = { meets: '✓', does_not_meet: '✗', unknown: '?' };

const KIND_KEY: Record<RuleSetDto['kind'], MessageKey> = {
  legal: 'status.kind.legal',
  literature: 'status.kind.literature',
  variant: 'status.kind.variant',
};

const STATE_KEY: Record<string, MessageKey> = {
  full: 'ent.stateFull',
  partial: 'ent.statePartial',
  stopped: 'ent.stateStopped',
};

/** The verdict as a badge: a glyph and the word, so that colour is never the only cue. */
export function VerdictBadge({ verdict, large = false }: { verdict: Verdict; large?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`verdict verdict-${verdict}${large ? ' verdict-large' : ''}`} data-verdict={verdict}>
      <span className="verdict-glyph" aria-hidden="true">
        {VERDICT_GLYPH[verdict]}
      </span>
      {t(VERDICT_KEY[verdict])}
    </span>
  );
}

/** A criterion's result: yes / no / unknown, with a glyph. */
function ResultText({ result }: { result: StatusCriterionDto['result'] }) {
  const { t } = useI18n();
  const key = result === 'unknown' ? 'unknown' : result ? 'true' : 'false';
  const text = result === 'unknown' ? t('status.result.unknown') : result ? t('status.result.true') : t('status.result.false');
  const glyph = result === 'unknown' ? '?' : result ? '✓' : '✗';
  return (
    <span className={`result result-${key}`} data-testid="criterion-result" data-result={key}>
      <span aria-hidden="true">{glyph}</span>
      {'\u00a0'}
      {text}
    </span>
  );
}

/** The language data text is mostly written in: the rule sets cite and annotate in English, some acts in Russian. */
export function dataLang(text: string): 'ru' | 'en' {
  const cyrillic = text.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cyrillic > latin ? 'ru' : 'en';
}

/** Text from the rule sets' data, in the language it is written in. */
export function RuleText({ children }: { children: string }) {
  return <span lang={dataLang(children)}>{children}</span>;
}

/** A date of the data: YYYY-MM-DD in the language's words, anything else (a year) as it is. */
function dateText(value: string, date: I18n['date']): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
}

/** The number and date of an act: «No. 990 of 27 December 2019»; a publication has only its date. */
export function referenceShort(ref: LegalReferenceDto, i18n: I18n): string {
  const date = dateText(ref.date, i18n.date);
  return ref.number ? i18n.t('status.refNumberDate', { number: ref.number, date }) : i18n.t('status.refDate', { date });
}

/** An act or publication as the rule set cites it: its title (linked when there is a URL), number, date and passage. */
export function LegalReference({ reference, showPassage = true }: { reference: LegalReferenceDto; showPassage?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <span className="legal-ref" data-testid="legal-reference">
      {reference.url ? (
        <a href={reference.url} rel="noreferrer noopener" target="_blank" className="source">
          <RuleText>{reference.act}</RuleText>
          <span className="visually-hidden"> {t('common.opensNewTab')}</span>
        </a>
      ) : (
        <RuleText>{reference.act}</RuleText>
      )}
      , {referenceShort(reference, i18n)}
      {showPassage && reference.passage ? (
        <span className="legal-passage">
          {t('status.passage')}: <RuleText>{reference.passage}</RuleText>
        </span>
      ) : null}
    </span>
  );
}

/** The validity of a version: from … to … (the end excluded), or from … with no end. */
export function validityText(since: string, until: string | null, i18n: I18n): string {
  return until
    ? i18n.t('status.validRange', { since: dateText(since, i18n.date), until: dateText(until, i18n.date) })
    : i18n.t('status.validOpen', { since: dateText(since, i18n.date) });
}

/** What kind of rule set this is: an act, a reading from the literature, a variant of another rule set. */
export function RulesetKind({ ruleset, rulesets }: { ruleset: RuleSetDto; rulesets: readonly RuleSetDto[] }) {
  const { lang, t } = useI18n();
  const base = ruleset.variantOf ? rulesets.find((r) => r.id === ruleset.variantOf) : undefined;
  // Jurisdictions are ISO codes from the data; the known ones have names in the dictionaries.
  const countryKey = `status.country.${ruleset.jurisdiction}`;
  const country = hasMessage(countryKey) ? t(countryKey) : ruleset.jurisdiction;
  return (
    <span className={`ruleset-kind kind-${ruleset.kind}`} data-kind={ruleset.kind}>
      {t(KIND_KEY[ruleset.kind], { ruleset: base ? base.label[lang] : (ruleset.variantOf ?? '') })} · {country}
    </span>
  );
}

/** The name of a missing input in the language: an indicator's name, the enterprises' operating state, else the code. */
export function missingName(code: string, indicators: IndicatorMap, i18n: I18n): string {
  if (code === 'enterprise_states') return i18n.t('status.missingStates');
  return indicators.get(code)?.name[i18n.lang] ?? code;
}

/** Missing inputs as one line of text: «name (2017, 2018); other name». */
export function missingText(entries: readonly string[], indicators: IndicatorMap, i18n: I18n): string {
  return groupMissing(entries)
    .map((g) =>
      g.years.length
        ? i18n.t('status.missingYears', { name: missingName(g.code, indicators, i18n), years: g.years.join(', ') })
        : missingName(g.code, indicators, i18n),
    )
    .join('; ');
}

function MissingList({ entries, indicators }: { entries: readonly string[]; indicators: IndicatorMap }) {
  const i18n = useI18n();
  const groups = groupMissing(entries);
  if (groups.length === 0)
    return (
      <span className="muted" data-testid="criterion-missing-none">
        {i18n.t('status.missingNone')}
      </span>
    );
  return (
    <ul className="plain missing-list" data-testid="criterion-missing">
      {groups.map((g) => {
        const name = missingName(g.code, indicators, i18n);
        return (
          <li key={g.code} data-code={g.code}>
            {g.years.length ? i18n.t('status.missingYears', { name, years: g.years.join(', ') }) : name}
          </li>
        );
      })}
    </ul>
  );
}

/** The unit of a criterion's values: its indicator's, else its threshold parameter's. */
function criterionUnit(c: StatusCriterionDto, leaf: CriterionLeaf | undefined, indicators: IndicatorMap): string | null {
  const code = leaf?.indicator ?? c.proxy?.use;
  return (code ? indicators.get(code)?.unit : undefined) ?? c.thresholdSources.find((s) => s.unit !== 'years')?.unit ?? null;
}

/** Formats a value or threshold in the unit of the criterion's indicator; an operating state by its name. */
function formatter(unit: string | null, { numLocale, t }: I18n) {
  const nf = new Intl.NumberFormat(numLocale, { maximumFractionDigits: 6 });
  return (v: number | string | null): string => {
    if (v === null) return t('status.noValue');
    if (typeof v === 'string') return STATE_KEY[v] ? t(STATE_KEY[v]) : v;
    const n = nf.format(v);
    if (unit && unit.startsWith('%')) return t('status.pct', { value: n });
    return n;
  };
}

/** The threshold with its comparator: «≥ 20 %», «20 000 – 200 000», «one of: working partly, stopped». */
export function thresholdText(c: StatusCriterionDto, fmt: (v: number | string | null) => string, t: I18n['t']): string {
  const th = c.threshold;
  switch (c.comparator) {
    case 'at_least':
      return t('status.cmp.atLeast', { value: typeof th === 'number' ? fmt(th) : String(th) });
    case 'above':
      return t('status.cmp.above', { value: typeof th === 'number' ? fmt(th) : String(th) });
    case 'between':
      return typeof th === 'object' && !Array.isArray(th) && 'min' in th ? t('status.cmp.between', { min: fmt(th.min), max: fmt(th.max) }) : String(th);
    case 'in':
      return t('status.cmp.in', { list: (Array.isArray(th) ? th : [String(th)]).map((s: string) => fmt(s)).join(', ') });
    case 'at_least_each_year': {
      const years = c.thresholdSources.find((s) => s.unit === 'years')?.value ?? eachYearCount(c.period);
      return t('status.cmp.eachYear', { value: typeof th === 'number' ? fmt(th) : String(th), years: years ?? '?' });
    }
  }
}

function eachYearCount(period: string | null): number | null {
  const m = period ? /^(\d{4})\D+(\d{4})$/.exec(period) : null;
  return m ? Number(m[2]) - Number(m[1]) + 1 : null;
}

/** The legal basis of a criterion's threshold: the act in short, with its full citation and the parameters on demand. */
function ThresholdBasis({ sources }: { sources: readonly ThresholdSource[] }) {
  const i18n = useI18n();
  const { t, numLocale } = i18n;
  if (sources.length === 0) return <span className="fact-note">{t('status.thresholdInRule')}</span>;
  // min and max of a band usually rest on the same act: one citation each
  const refs = new Map<string, { reference: LegalReferenceDto; params: ThresholdSource[] }>();
  for (const s of sources) {
    const key = `${s.reference.act}\u0000${s.reference.number}\u0000${s.reference.date}\u0000${s.reference.passage}`;
    const g = refs.get(key) ?? { reference: s.reference, params: [] };
    g.params.push(s);
    refs.set(key, g);
  }
  const nf = new Intl.NumberFormat(numLocale, { maximumFractionDigits: 6 });
  return (
    <>
      {[...refs.values()].map((g, i) => (
        <details key={i} className="basis" data-testid="threshold-basis">
          <summary>{t('status.basisShort', { ref: referenceShort(g.reference, i18n) })}</summary>
          <LegalReference reference={g.reference} />
          <ul className="plain params">
            {g.params.map((p) => (
              <li key={p.parameter}>
                {t('status.parameter')} <code>{p.parameter}</code> = {nf.format(p.value)} ({p.unit === 'years' ? t('status.unitYears') : unitName(p.unit, t)}),{' '}
                {validityText(p.since, p.until, i18n)}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}

/** The visible label of a criterion judged on another indicator than the one the rule names. */
function ProxyLabel({ proxy, indicators }: { proxy: NonNullable<StatusCriterionDto['proxy']>; indicators: IndicatorMap }) {
  const i18n = useI18n();
  const { lang, t } = i18n;
  return (
    <div className="proxy-label" data-testid="proxy-label">
      <span className="badge badge-proxy">
        <span aria-hidden="true">≈ </span>
        {t('status.proxy')}
      </span>{' '}
      {t('status.proxyUses', { use: missingName(proxy.use, indicators, i18n), for: missingName(proxy.for, indicators, i18n) })}
      <span className="proxy-text">{proxy.label[lang]}</span>
    </div>
  );
}

function CriterionRow({
  c,
  n,
  leaf,
  year,
  indicators,
}: {
  c: StatusCriterionDto;
  n: number;
  leaf: CriterionLeaf | undefined;
  year: number;
  indicators: IndicatorMap;
}) {
  const i18n = useI18n();
  const { lang, t } = i18n;
  const indicatorCode = leaf?.indicator ?? c.proxy?.use;
  const indicator = indicatorCode ? indicators.get(indicatorCode) : undefined;
  const fmt = formatter(criterionUnit(c, leaf, indicators), i18n);
  const eachYear = c.comparator === 'at_least_each_year';
  const listValues = c.values.length > 1 || (eachYear && c.values.length > 0);
  const result = c.result === 'unknown' ? 'unknown' : String(c.result);
  return (
    <tr data-testid="criterion-row" data-criterion={c.id} data-result={result}>
      <th scope="row" className="crit-label">
        <span className="crit-no">{n}.</span> {c.label[lang]}
        {indicator ? <span className="unit">{t('status.indicator', { indicator: indicator.name[lang] })}</span> : null}
        {c.proxy ? <ProxyLabel proxy={c.proxy} indicators={indicators} /> : null}
      </th>
      <td>
        <ResultText result={c.result} />
      </td>
      <td className="crit-value-cell">
        {c.value !== null ? (
          <strong className="crit-value" data-testid="criterion-value" data-value={String(c.value)}>
            {fmt(c.value)}
          </strong>
        ) : (
          <span className="muted">{c.type === 'enterprise_state_in' ? t('status.noState') : t('status.noValue')}</span>
        )}
        {c.period ? <span className="crit-period"> ({dateText(c.period, i18n.date)})</span> : null}
        {eachYear && c.value !== null ? <span className="fact-note">{t('status.lowest')}</span> : null}
        {isEarlierPeriod(c.period, year) ? <span className="fact-note">{t('status.earlier', { period: c.period!, year })}</span> : null}
        {listValues ? (
          <ul className="plain crit-values">
            {c.values.map((v, i) => (
              <li key={i}>
                {dateText(v.period, i18n.date)}: {fmt(v.value)} — <SourceLink source={valueSource(v.source, c.sources)} />
              </li>
            ))}
          </ul>
        ) : (
          c.sources.map((s, i) => (
            <span key={i} className="fact-source">
              {t('common.source')}: <SourceLink source={s} />
            </span>
          ))
        )}
        {!isRedundantNote(c.note) ? (
          <details className="crit-note">
            <summary>{t('status.criterionNote')}</summary>
            <DataText>{c.note}</DataText>
          </details>
        ) : null}
      </td>
      <td>
        <span className="crit-threshold" data-testid="criterion-threshold">
          {thresholdText(c, fmt, t)}
        </span>
        <ThresholdBasis sources={c.thresholdSources} />
      </td>
      <td>
        <MissingList entries={c.missing} indicators={indicators} />
      </td>
    </tr>
  );
}

/** «1 and (2 or 3 or 4)»: how the numbered criteria combine into the verdict. */
function combinationText(c: Combination, numbers: ReadonlyMap<string, number>, t: I18n['t'], top = true): string {
  if ('leaf' in c) return String(numbers.get(c.leaf) ?? c.leaf);
  if (c.parts.length === 1) return combinationText(c.parts[0]!, numbers, t, top);
  const text = c.parts.map((p) => combinationText(p, numbers, t, false)).join(` ${c.op === 'all' ? t('status.and') : t('status.or')} `);
  return top ? text : `(${text})`;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One sentence that says why: which criteria are (not) met with their values, or what is missing. */
function VerdictExplanation({
  item,
  numbers,
  leaves,
  indicators,
}: {
  item: StatusItemDto;
  numbers: ReadonlyMap<string, number>;
  leaves: ReadonlyMap<string, CriterionLeaf>;
  indicators: IndicatorMap;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const missing = missingText(item.missing, indicators, i18n);
  let main: string;
  if (item.verdict === 'unknown') main = missing ? t('status.explainUnknown', { missing }) : t('status.explainUnknownNoMissing');
  else {
    const result = item.verdict === 'meets';
    const decisive = item.criteria
      .filter((c) => c.result === result)
      .map((c) => {
        const n = numbers.get(c.id) ?? c.id;
        const fmt = formatter(criterionUnit(c, leaves.get(c.id), indicators), i18n);
        return c.value !== null
          ? t('status.explainItem', { n, value: fmt(c.value), threshold: thresholdText(c, fmt, t) })
          : t('status.explainItemNoValue', { n, threshold: thresholdText(c, fmt, t) });
      });
    main = t(result ? 'status.explainMeets' : 'status.explainDoesNotMeet', { criteria: decisive.join('; ') });
  }
  return (
    <div className="verdict-explain" data-testid="verdict-explanation">
      <p>{main}</p>
      {item.verdict !== 'unknown' && missing ? <p className="muted">{t('status.explainAlsoMissing', { missing })}</p> : null}
    </div>
  );
}

/** The verdict of one town under one rule set in one year, with everything that explains it. */
export function StatusCard({
  item,
  ruleset,
  rulesets,
  indicators,
  townName,
}: {
  item: StatusItemDto;
  ruleset: RuleSetDto | undefined;
  rulesets: readonly RuleSetDto[];
  indicators: IndicatorMap;
  townName: string;
}) {
  const i18n = useI18n();
  const { lang, t } = i18n;
  const headingId = useId();
  const captionId = useId();
  const version = ruleset ? (ruleset.versions.find((v) => v.since === item.rulesetVersion.since) ?? versionInForce(ruleset, item.year)) : null;
  const leaves = new Map(criterionLeaves(version?.criterion).map((l) => [l.id, l]));
  const numbers = new Map(item.criteria.map((c, i) => [c.id, i + 1]));
  const combo = version ? combination(version.criterion) : null;
  const reference = version?.reference ?? ruleset?.reference ?? null;
  const label = item.rulesetLabel[lang];

  return (
    <article
      className={`status-card status-card-${item.verdict}`}
      data-testid="status-card"
      data-ruleset={item.ruleset}
      data-verdict={item.verdict}
      aria-labelledby={headingId}
    >
      <header className="status-card-head">
        <div>
          <h3 id={headingId}>{label}</h3>
          {ruleset ? (
            <p className="status-card-kind">
              <RulesetKind ruleset={ruleset} rulesets={rulesets} />
            </p>
          ) : null}
        </div>
        <div className="status-card-verdict">
          <span className="visually-hidden">{t('status.verdictLabel')}: </span>
          <VerdictBadge verdict={item.verdict} large />
          {item.proxies.length > 0 ? (
            <span className="badge badge-proxy">
              <span aria-hidden="true">≈ </span>
              {t('status.usesProxy')}
            </span>
          ) : null}
        </div>
      </header>
      <VerdictExplanation item={item} numbers={numbers} leaves={leaves} indicators={indicators} />
      <dl className="facts compact status-facts">
        {reference ? (
          <Fact label={ruleset?.kind === 'literature' ? t('status.basisLiterature') : t('status.basis')}>
            <LegalReference reference={reference} />
          </Fact>
        ) : null}
        <Fact label={t('status.version')}>{validityText(item.rulesetVersion.since, item.rulesetVersion.until, i18n)}</Fact>
        <Fact label={t('status.evaluatedAsOf')}>{i18n.date(item.date)}</Fact>
        {combo ? (
          <Fact label={t('status.combination')}>
            <span data-testid="combination">{combinationText(combo, numbers, t)}</span>
            <span className="fact-note">{t('status.combinationHint')}</span>
          </Fact>
        ) : null}
      </dl>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table criteria-table" data-testid="criteria-table">
          <caption id={captionId} className="visually-hidden">
            {t('status.caption', { ruleset: label, town: townName, year: item.year })}
          </caption>
          <colgroup>
            <col className="c-crit" />
            <col className="c-result" />
            <col className="c-value" />
            <col className="c-threshold" />
            <col className="c-missing" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('status.col.criterion')}</th>
              <th scope="col">{t('status.col.result')}</th>
              <th scope="col">{t('status.col.value')}</th>
              <th scope="col">{t('status.col.threshold')}</th>
              <th scope="col">{t('status.col.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {item.criteria.map((c, i) => (
              <CriterionRow key={c.id} c={c} n={i + 1} leaf={leaves.get(c.id)} year={item.year} indicators={indicators} />
            ))}
          </tbody>
        </table>
      </div>
      {item.notes.length > 0 ? (
        <details className="status-notes">
          <summary>{t('status.notes')}</summary>
          <ul>
            {item.notes.map((n, i) => (
              <li key={i}>
                <RuleText>{n}</RuleText>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="more">
        <a href={hrefStatusFor(item.year, item.ruleset)}>{t('status.aboutRuleset')}</a>
      </p>
    </article>
  );
}

/** Counts of the three verdicts, each with its word. */
export function VerdictCounts({ counts }: { counts: Record<Verdict, number> }) {
  const { t } = useI18n();
  return (
    <ul className="verdict-counts">
      {(['meets', 'does_not_meet', 'unknown'] as const).map((v) => (
        <li key={v} data-verdict={v}>
          <span className={`verdict-dot verdict-${v}`} aria-hidden="true">
            {VERDICT_GLYPH[v]}
          </span>
          {t('status.countOf', { verdict: t(VERDICT_KEY[v]), count: counts[v] })}
        </li>
      ))}
    </ul>
  );
}
