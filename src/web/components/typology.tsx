/**
 * The typologies of a town, explained: the class of each typology as a card with the reasons the rule
 * gives (values, thresholds and their parameters, periods, sources), the missing inputs by name, the
 * warnings, and the classes the literature publishes beside it (docs/methods/typologies.md).
 */
import { useId, type ReactNode } from 'react';
import type { IndicatorDto, SourceDto, SourceRefDto, TypologyItemDto } from '../../client/api-client.js';
import { hasMessage, translate, useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import {
  classTone,
  groupMissingInputs,
  parseSourceList,
  parseStateShares,
  parseTypeCounts,
  reasonKind,
  reasonSignal,
  reasonSubject,
  thresholdBounds,
  UNKNOWN,
  type Bound,
  type ClassScheme,
  type MissingInput,
  type ReasonKind,
  type SignalDimension,
  type TypologyId,
  type TypologyReasonDto,
} from '../typology.js';
import { DataText, SourceLink } from './common.js';
import { className, unitName } from './indicators.js';

export type IndicatorMap = ReadonlyMap<string, IndicatorDto>;
export type SourceMap = ReadonlyMap<string, SourceDto>;

/** A typology's name in the language (`typ.name.<id>`). */
export function typologyName(id: string, t: I18n['t']): string {
  const key = `typ.name.${id}`;
  return hasMessage(key) ? t(key) : id;
}

/** A class's name in the language: `unknown`, a known class (`class.<code>`), else its code. */
export function classLabel(cls: string, t: I18n['t']): string {
  if (cls === UNKNOWN) return t('typ.unknown');
  return className(cls, t) ?? cls;
}

/** A class as a badge: its name in a colour of its typology's scale (the word is always there, colour is never the only cue). */
export function ClassBadge({ cls, scheme, large = false }: { cls: string; scheme: ClassScheme; large?: boolean }) {
  const { t } = useI18n();
  const tone = classTone(scheme, cls);
  return (
    <span className={`class-badge tone-${tone}${large ? ' class-badge-large' : ''}`} data-class={cls}>
      {cls === UNKNOWN ? (
        <span aria-hidden="true" className="class-glyph">
          ?{' '}
        </span>
      ) : null}
      {classLabel(cls, t)}
    </span>
  );
}

const DIMENSION_KEY: Record<SignalDimension, MessageKey> = {
  population: 'typ.dim.population',
  output: 'typ.dim.output',
  employment: 'typ.dim.employment',
  output_share: 'typ.dim.output_share',
  output_per_capita: 'typ.dim.output_per_capita',
  investment: 'typ.dim.investment',
  wage: 'typ.dim.wage',
  development_level: 'typ.dim.development_level',
};

const STATE_KEY: Record<string, MessageKey> = { full: 'ent.stateFull', partial: 'ent.statePartial', stopped: 'ent.stateStopped' };

/** A number as the language writes it, with up to `digits` decimals. */
export function formatNumber(v: number, numLocale: string, digits = 3): string {
  return new Intl.NumberFormat(numLocale, { maximumFractionDigits: digits }).format(v);
}

/** The name of an indicator in the language: from the catalogue, else from the dictionaries (`ind.name.<code>`, inputs the catalogue lacks), else its code. */
export function indicatorName(code: string, indicators: IndicatorMap, lang: I18n['lang']): string {
  const known = indicators.get(code)?.name[lang];
  if (known) return known;
  // Inputs the engines read that the catalogue does not have yet are named in the dictionaries.
  const key = `ind.name.${code}`;
  return hasMessage(key) ? translate(lang, key) : code;
}

/** One missing input by name: an indicator by its name, the enterprises' states and sections by the enterprises. */
export function missingInputText(m: MissingInput, indicators: IndicatorMap, i18n: I18n): string {
  const { t, lang } = i18n;
  switch (m.kind) {
    case 'enterpriseStates':
      return t('typ.missing.states', { list: m.enterprises.join('; ') });
    case 'naceSections':
      return t('typ.missing.sections', { list: m.enterprises.join('; ') });
    case 'enterprises':
      return t('typ.missing.enterprises');
    case 'productionType':
      return t('typ.missing.productionType');
    case 'indicator': {
      const name = indicatorName(m.code, indicators, lang);
      return m.conflict ? t('typ.missing.conflict', { name }) : name;
    }
  }
}

export function missingInputsText(codes: readonly string[], indicators: IndicatorMap, i18n: I18n): string {
  return groupMissingInputs(codes)
    .map((m) => missingInputText(m, indicators, i18n))
    .join('; ');
}

/** The missing inputs as a list (enterprise names are data, in English). */
export function MissingInputs({ codes, indicators, testId }: { codes: readonly string[]; indicators: IndicatorMap; testId?: string }) {
  const i18n = useI18n();
  const groups = groupMissingInputs(codes);
  if (groups.length === 0) return <span className="muted">{i18n.t('typ.missingNone')}</span>;
  return (
    <ul className="plain missing-list" data-testid={testId}>
      {groups.map((m, i) => (
        <li key={i} data-code={m.kind === 'indicator' ? m.code : m.kind}>
          {missingInputText(m, indicators, i18n)}
        </li>
      ))}
    </ul>
  );
}

/** The sources a reason names (`id | passage; id`), each linked as the rest of the app links sources. */
export function SourceRefs({ text, sources }: { text: string | null | undefined; sources: SourceMap }) {
  const refs = parseSourceList(text);
  if (refs.length === 0) return null;
  return (
    <>
      {refs.map((r, i) => {
        const s = sources.get(r.id);
        const ref: SourceRefDto | null = s ? { id: s.id, title: s.title, url: s.url, passage: r.passage } : null;
        return (
          <span key={i}>
            {i > 0 ? '; ' : null}
            {ref ? <SourceLink source={ref} /> : <DataText>{r.passage ? `${r.id}, ${r.passage}` : r.id}</DataText>}
          </span>
        );
      })}
    </>
  );
}

/** The title of a reason in the language, from its code and (for enterprises) the enterprise it names. */
export function reasonTitle(reason: TypologyReasonDto, kind: ReasonKind, indicators: IndicatorMap, i18n: I18n): string {
  const { t, lang } = i18n;
  const enterprise = reasonSubject(reason) ?? '';
  switch (kind.kind) {
    case 'absent':
      return t('typ.reason.absent', { dimension: t(DIMENSION_KEY[kind.dimension]) });
    case 'conflict':
      return t('typ.reason.conflict', { dimension: t(DIMENSION_KEY[kind.dimension]) });
    case 'morePreciseAbsent':
      return t('typ.reason.morePreciseAbsent', { dimension: t(DIMENSION_KEY[kind.dimension]) });
    case 'conflictNotCounted':
      return t('typ.reason.conflictNotCounted', { dimension: t(DIMENSION_KEY[kind.dimension]) });
    case 'notCounted':
      return t('typ.reason.notCounted', { reason: reasonTitle(reason, kind.inner, indicators, i18n) });
    case 'indicator':
      return indicatorName(kind.code, indicators, lang);
    case 'fixed':
      switch (kind.code) {
        case 'enterprise_state_unknown':
          return t('typ.reason.enterprise_state_unknown', { enterprise, date: reason.period ? i18n.date(reason.period) : '' });
        case 'enterprise_state':
          return t('typ.reason.enterprise_state', {
            enterprise,
            state: typeof reason.value === 'string' && STATE_KEY[reason.value] ? t(STATE_KEY[reason.value]) : String(reason.value ?? ''),
          });
        case 'enterprise_stopped':
          return t('typ.reason.enterprise_stopped', { enterprise });
        case 'nace_section': {
          const type = /→ ([a-z_]+)$/.exec(reason.text)?.[1];
          return t('typ.reason.nace_section', { enterprise, section: String(reason.value ?? ''), type: type ? classLabel(type, t) : '' });
        }
        case 'nace_section_left_out':
          return t('typ.reason.nace_section_left_out', { enterprise, section: String(reason.value ?? '') });
        case 'nace_section_missing':
          return t('typ.reason.nace_section_missing', { enterprise });
        case 'no_enterprises':
          return t('typ.reason.no_enterprises');
        case 'all_stopped':
          return t('typ.reason.all_stopped');
        case 'state_shares':
          return t('typ.reason.state_shares');
        case 'majority':
          return t('typ.reason.majority');
        case 'tie':
          return t('typ.reason.tie');
        case 'no_majority':
          return t('typ.reason.no_majority');
        case 'sections_missing':
          return t('typ.reason.sections_missing');
        case 'no_classified_enterprise':
          return t('typ.reason.no_classified_enterprise');
        case 'too_few_signals':
          return t('typ.reason.too_few_signals');
        case 'mean_score':
          return t('typ.reason.mean_score');
        case 'population':
          return t('typ.reason.population');
        case 'unemployment_rate_pct':
          return t('typ.reason.unemployment_rate_pct');
        case 'avg_monthly_wage_ratio':
          return t('typ.reason.avg_monthly_wage_ratio');
      }
  }
}

/** The innermost code a reason reads (an indicator code, a fixed code, or a dimension). */
function innerKind(kind: ReasonKind): ReasonKind {
  return kind.kind === 'notCounted' ? innerKind(kind.inner) : kind;
}

/** A reason's value in the language: counts by type, enterprise states, numbers with their unit, classes by name. */
export function reasonValue(reason: TypologyReasonDto, kind: ReasonKind, indicators: IndicatorMap, i18n: I18n): ReactNode {
  const { t, numLocale } = i18n;
  const v = reason.value;
  if (v === null || v === undefined) return null;
  const inner = innerKind(kind);
  if (inner.kind === 'fixed') {
    if (['majority', 'tie', 'no_majority', 'sections_missing', 'no_classified_enterprise'].includes(inner.code)) {
      const counts = parseTypeCounts(v);
      if (counts) return counts.map((c) => t('typ.countOf', { name: classLabel(c.type, t), count: c.count })).join(', ');
    }
    if (inner.code === 'state_shares') {
      const s = parseStateShares(v);
      if (s) return t('typ.value.states', s);
    }
    if (inner.code === 'nace_section' || inner.code === 'nace_section_left_out' || inner.code === 'enterprise_state' || inner.code === 'enterprise_stopped')
      return null; // said in the title
    if (inner.code === 'population' && typeof v === 'number') return t('typ.value.pctYear', { value: formatNumber(v, numLocale) });
    if (inner.code === 'unemployment_rate_pct' && typeof v === 'number') return t('value.withUnit', { value: formatNumber(v, numLocale), unit: t('unit.pp') });
  }
  if (typeof v === 'number') {
    if (inner.kind === 'indicator') {
      const unit = indicators.get(inner.code)?.unit;
      const n = formatNumber(v, numLocale);
      return unit && unit !== 'count' && unit !== 'class' && unit !== 'year' ? t('value.withUnit', { value: n, unit: unitName(unit, t) }) : n;
    }
    return formatNumber(v, numLocale);
  }
  const known = className(String(v), t);
  return known ?? <DataText>{String(v)}</DataText>;
}

/** One named bound of a threshold in the language. */
export function boundText(b: Bound, i18n: I18n): string {
  const { t, numLocale } = i18n;
  const n = (v: number) => formatNumber(v, numLocale);
  switch (b.kind) {
    case 'classMin':
      return t('typ.bound.min', { cls: classLabel(b.cls, t), value: n(b.value) });
    case 'classMax':
      return t('typ.bound.max', { cls: classLabel(b.cls, t), value: n(b.value) });
    case 'minSignals':
      return t('typ.bound.minSignals', { value: n(b.value) });
    case 'majority':
      return t('typ.bound.majority', { value: n(b.value) });
    case 'stableFull':
      return t('typ.bound.stableFull', { value: n(b.value) });
    case 'decliningStopped':
      return t('typ.bound.decliningStopped', { value: n(b.value) });
    case 'nationalWage':
      return t('typ.bound.nationalWage', { value: n(b.value) });
    case 'map':
      return t('typ.bound.map', { from: classLabel(b.from, t), to: classLabel(b.to, t) });
    case 'other':
      return `${b.key} = ${String(b.value)}`;
  }
}

/** One reason of a class: what was read, its value, the threshold with its parameters, the period and the source. */
export function ReasonItem({ reason, indicators, sources }: { reason: TypologyReasonDto; indicators: IndicatorMap; sources: SourceMap }) {
  const i18n = useI18n();
  const { t } = i18n;
  const kind = reasonKind(reason.code);
  const value = reasonValue(reason, kind, indicators, i18n);
  const bounds = thresholdBounds(reason.threshold);
  const notCounted = kind.kind === 'notCounted' || kind.kind === 'conflictNotCounted';
  const showSource = reason.sourceRef || reason.source;
  const signal = reasonSignal(reason);
  return (
    <li className={notCounted ? 'reason reason-not-counted' : 'reason'} data-testid="typology-reason" data-code={reason.code}>
      <span className="reason-title">{reasonTitle(reason, kind, indicators, i18n)}</span>
      <dl className="reason-facts">
        {value !== null ? (
          <div>
            <dt>{t('typ.value')}</dt>
            <dd data-testid="reason-value">{value}</dd>
          </div>
        ) : null}
        {bounds.length > 0 ? (
          <div>
            <dt>{t('typ.threshold')}</dt>
            <dd>
              {bounds.map((b) => boundText(b, i18n)).join('; ')}
              {reason.parameters.length > 0 ? (
                <span className="params">
                  {' '}
                  ({t('typ.parameters')}:{' '}
                  {reason.parameters.map((p, i) => (
                    <span key={p}>
                      {i > 0 ? ', ' : null}
                      <code>{p}</code>
                    </span>
                  ))}
                  )
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {signal ? (
          <div>
            <dt>{t('typ.signal')}</dt>
            <dd data-testid="reason-signal">{classLabel(signal, t)}</dd>
          </div>
        ) : null}
        {reason.period ? (
          <div>
            <dt>{t('typ.period')}</dt>
            <dd>{/^\d{4}-\d{2}-\d{2}$/.test(reason.period) ? i18n.date(reason.period) : reason.period}</dd>
          </div>
        ) : null}
        {showSource ? (
          <div>
            <dt>{t('common.source')}</dt>
            <dd>{reason.sourceRef ? <SourceLink source={reason.sourceRef} /> : <SourceRefs text={reason.source} sources={sources} />}</dd>
          </div>
        ) : null}
      </dl>
      <details className="engine-text">
        <summary>{t('typ.engineText')}</summary>
        <DataText>{reason.text}</DataText>
      </details>
    </li>
  );
}

/** The class of one typology for a town, with its reasons, missing inputs, warnings and the published classes beside. */
export function TypologyCard({
  item,
  indicators,
  sources,
  headingLevel = 3,
}: {
  item: TypologyItemDto;
  indicators: IndicatorMap;
  sources: SourceMap;
  headingLevel?: 3 | 4;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const typology = item.typology as TypologyId;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  const missing = missingInputsText(item.missing, indicators, i18n);
  return (
    <article
      className={`typology-card typology-card-${item.class === UNKNOWN ? 'unknown' : 'known'}`}
      data-testid="typology-card"
      data-typology={item.typology}
      data-class={item.class}
      aria-labelledby={headingId}
    >
      <header className="typology-card-head">
        <H id={headingId}>{typologyName(item.typology, t)}</H>
        <span className="typology-card-class">
          <span className="visually-hidden">{t('typ.computed')}: </span>
          <ClassBadge cls={item.class} scheme={typology} large />
        </span>
      </header>
      <p className="typology-explain" data-testid="typology-explanation">
        {item.class === UNKNOWN
          ? missing
            ? t('typ.explainUnknown', { missing })
            : t('typ.explainUnknownNoMissing')
          : t('typ.explainClass', { cls: classLabel(item.class, t) })}
      </p>
      <div className="typology-card-body">
        <div className="typology-computed">
          <Sub>{t('typ.reasons')}</Sub>
          <ol className="reasons">
            {item.reasons.map((r, i) => (
              <ReasonItem key={i} reason={r} indicators={indicators} sources={sources} />
            ))}
          </ol>
          <Sub>{t('typ.missingHeading')}</Sub>
          <MissingInputs codes={item.missing} indicators={indicators} testId="typology-missing" />
          {item.warnings.length > 0 ? (
            <>
              <Sub>{t('typ.warnings')}</Sub>
              <ul className="warnings-list">
                {item.warnings.map((w, i) => (
                  <li key={i}>
                    <DataText>{w}</DataText>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <aside className="typology-published" aria-label={t('typ.publishedLabel', { typology: typologyName(item.typology, t) })}>
          <Sub>{t('typ.published')}</Sub>
          {item.published.length === 0 ? (
            <p className="muted" data-testid="typology-published-none">
              {t('typ.publishedNone', { year: item.year })}
            </p>
          ) : (
            <ul className="plain published-list">
              {item.published.map((p, i) => (
                <li key={i} data-testid="typology-published" data-class={p.class}>
                  <ClassBadge cls={p.class} scheme={typology} /> <span className="published-period">({p.period})</span>
                  {item.class !== UNKNOWN && p.class !== UNKNOWN ? (
                    <span className={p.class === item.class ? 'agree agree-yes' : 'agree agree-no'}>
                      <span aria-hidden="true">{p.class === item.class ? '= ' : '≠ '}</span>
                      {p.class === item.class ? t('typ.agrees') : t('typ.disagrees')}
                    </span>
                  ) : null}
                  <span className="fact-source">
                    {t('common.source')}: <SourceLink source={p.source} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </article>
  );
}
