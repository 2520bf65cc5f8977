/** Indicator names, dimensions, units and values for the coverage matrix and the town page, translated. */
import { useId, useState, type ReactNode } from 'react';
import type { CoverageDto, ObservationDto } from '../../client/api-client.js';
import { DIMENSIONS } from '../../domain/indicators.js';
import { hasMessage, useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { DataText, NoteBadge, NoteText, SourceLink } from './common.js';
import { STATUS_KEY } from './PopulationChart.js';

/** What the pages need to know of an indicator (the coverage API's shape, a subset of the catalogue's). */
export type IndicatorInfo = CoverageDto['indicators'][number];

/** The dimensions in the catalogue's order; a dimension the UI does not know yet goes last, by code. */
export function dimensionOrder(dim: string): number {
  const i = (DIMENSIONS as readonly string[]).indexOf(dim);
  return i < 0 ? DIMENSIONS.length : i;
}

export function compareDimensions(a: string, b: string): number {
  return dimensionOrder(a) - dimensionOrder(b) || a.localeCompare(b);
}

/** A dimension's translated name (`dim.<code>`), else its code. */
export function dimensionName(dim: string, t: I18n['t']): string {
  // Dimension codes come from the catalogue; their names are translations (every DIMENSIONS code has one).
  const key = `dim.${dim}`;
  return hasMessage(key) ? t(key) : dim;
}

/**
 * Units of the catalogue with their translated name; `withValue` says whether a value is written with
 * it, `grouping` whether its digits are grouped (not for years).
 */
const UNITS: Record<string, { key: MessageKey; withValue: boolean; grouping?: false }> = {
  '%': { key: 'unit.pct', withValue: true },
  '% of employed': { key: 'unit.pctEmployed', withValue: true },
  '% of industrial output': { key: 'unit.pctOutput', withValue: true },
  '% of previous period': { key: 'unit.pctPrevious', withValue: true },
  KZT: { key: 'unit.kzt', withValue: true },
  'million KZT': { key: 'unit.mkzt', withValue: true },
  persons: { key: 'unit.persons', withValue: true },
  'percentage points': { key: 'unit.pp', withValue: true },
  year: { key: 'unit.year', withValue: false, grouping: false },
  count: { key: 'unit.count', withValue: false },
  class: { key: 'unit.class', withValue: false },
};

/** The unit's name in the language (the catalogue's own text for a unit the UI does not know). */
export function unitName(unit: string, t: I18n['t']): string {
  const u = UNITS[unit];
  return u ? t(u.key) : unit;
}

/** A categorical value's translated name (`class.<code>`), or null when the UI does not know the class. */
export function className(code: string, t: I18n['t']): string | null {
  // Class codes come from the data (valueText); the known ones are translations.
  const key = `class.${code}`;
  return hasMessage(key) ? t(key) : null;
}

/** The value of an observation for display: numbers for the language and with the unit, classes translated. */
export function ObservationValue({ obs, indicator }: { obs: ObservationDto; indicator: IndicatorInfo | undefined }) {
  const { numLocale, t } = useI18n();
  if (obs.value !== null && Number.isFinite(obs.value)) {
    // The observation carries its unit; the catalogue's is the fallback.
    const unitCode = obs.unit || indicator?.unit || null;
    const unit = unitCode ? UNITS[unitCode] : undefined;
    // Up to six decimals: the value as the source gives it, not rounded to a house style.
    const value = new Intl.NumberFormat(numLocale, { maximumFractionDigits: 6, useGrouping: unit?.grouping ?? true }).format(obs.value);
    if (!unitCode || (unit && !unit.withValue)) return <span data-testid="value">{value}</span>;
    return (
      <span data-testid="value" className="value">
        {unit ? t('value.withUnit', { value, unit: t(unit.key) }) : value}
        {unit ? null : (
          <>
            {' '}
            <DataText>{unitCode}</DataText>
          </>
        )}
      </span>
    );
  }
  if (obs.valueText) {
    const known = className(obs.valueText, t);
    return known ? (
      <span data-testid="value" className="value-class" data-class={obs.valueText}>
        {known}
      </span>
    ) : (
      <DataText className="value-class">{obs.valueText}</DataText>
    );
  }
  return <Missing />;
}

/** The visible mark of a missing value, with its words for screen readers. */
export function Missing({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <span className="missing" title={label ?? t('common.noData')}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{label ?? t('common.noData')}</span>
    </span>
  );
}

/** A period as the language writes it: a year as it is, a date (YYYY-MM-DD) in words. */
export function Period({ period }: { period: string }) {
  const { date } = useI18n();
  return <time dateTime={period}>{/^\d{4}-\d{2}-\d{2}$/.test(period) ? date(period) : period}</time>;
}

/** Sorts observations by period (YYYY before YYYY-MM-DD of the same year), then by source. */
export function byPeriod(a: ObservationDto, b: ObservationDto): number {
  return a.period.localeCompare(b.period) || a.source.id.localeCompare(b.source.id);
}

/** The cells of one observation after its first ones: value, status, note, source. */
function ValueCells({ obs, indicator }: { obs: ObservationDto; indicator: IndicatorInfo | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <td className={obs.value !== null ? 'value-cell value-num' : 'value-cell'}>
        <ObservationValue obs={obs} indicator={indicator} />
      </td>
      <td>{t(STATUS_KEY[obs.status])}</td>
      <td className="note-cell">{obs.note ? <ObservationNote note={obs.note} /> : null}</td>
      <td className="source-cell">
        <SourceLink source={obs.source} />
      </td>
    </>
  );
}

/** Notes longer than this are shown in three lines until the reader asks for all of it. */
const LONG_NOTE = 180;

/** A note with its warning badge; a long one is clamped on screen (screen readers get all of it). */
function ObservationNote({ note }: { note: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const long = note.length > LONG_NOTE;
  return (
    <>
      <div id={id} className={long && !open ? 'note-text clamped' : 'note-text'}>
        <NoteText note={note} />
      </div>
      {long ? (
        <button type="button" className="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          {open ? t('ind.noteLess') : t('ind.noteMore')}
        </button>
      ) : null}
      <NoteBadge note={note} />
    </>
  );
}

/** The head of an observations table; `indicator` adds the first column with the indicator's name. */
function Head({ indicator }: { indicator: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <colgroup>
        {indicator ? <col className="c-indicator" /> : null}
        <col className="c-period" />
        <col className="c-value" />
        <col className="c-status" />
        <col className="c-note" />
        <col className="c-source" />
      </colgroup>
      <thead>
        <tr>
          {indicator ? <th scope="col">{t('ind.col.indicator')}</th> : null}
          <th scope="col">{t('ind.col.period')}</th>
          <th scope="col">{t('ind.col.value')}</th>
          <th scope="col">{t('col.status')}</th>
          <th scope="col">{t('col.note')}</th>
          <th scope="col">{t('col.source')}</th>
        </tr>
      </thead>
    </>
  );
}

/** The observations of one town × indicator, one row per value (the coverage panel). */
export function ObservationTable({
  observations,
  indicator,
  labelledBy,
  testId,
}: {
  observations: readonly ObservationDto[];
  indicator: IndicatorInfo | undefined;
  labelledBy: string;
  testId?: string;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="data-table obs-table obs-table-single" data-testid={testId}>
        <Head indicator={false} />
        <tbody>
          {[...observations].sort(byPeriod).map((o, i) => (
            <tr key={`${o.period}-${o.source.id}-${i}`} data-testid="observation-row">
              <th scope="row">
                <Period period={o.period} />
              </th>
              <ValueCells obs={o} indicator={indicator} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface IndicatorGroup {
  code: string;
  indicator: IndicatorInfo | undefined;
  observations: ObservationDto[];
}

/** The indicator's name in the language, with its unit in small print (none for classes and counts). */
export function IndicatorLabel({ code, indicator }: { code: string; indicator: IndicatorInfo | undefined }): ReactNode {
  const { lang, t } = useI18n();
  if (!indicator) return <DataText>{code}</DataText>;
  const showUnit = indicator.kind === 'numeric' && UNITS[indicator.unit]?.withValue !== false;
  return (
    <>
      {indicator.name[lang]}
      {showUnit ? <span className="unit">{t('ind.unit', { unit: unitName(indicator.unit, t) })}</span> : null}
    </>
  );
}

/** Observations of several indicators of one dimension: a row group per indicator (the town page). */
export function IndicatorGroupsTable({ groups, caption }: { groups: readonly IndicatorGroup[]; caption: string }) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table obs-table obs-table-groups" data-testid="indicator-table">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <Head indicator />
        {groups.map((g) => (
          <tbody key={g.code} data-indicator={g.code}>
            {g.observations.map((o, i) => (
              <tr key={`${o.period}-${o.source.id}-${i}`} data-testid="indicator-row" data-indicator={g.code}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={g.observations.length} className="indicator-name">
                    <IndicatorLabel code={g.code} indicator={g.indicator} />
                  </th>
                ) : null}
                <td>
                  <Period period={o.period} />
                </td>
                <ValueCells obs={o} indicator={g.indicator} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Checkboxes of indicators grouped by dimension, shared by the ranking and the clustering pages. */
export function IndicatorPickerGroups({
  groups,
  chosen,
  toggle,
  testId,
}: {
  groups: readonly { dimension: string; indicators: readonly { code: string; name: { kk: string; ru: string; en: string } }[] }[];
  chosen: readonly string[];
  toggle: (code: string, on: boolean) => void;
  testId: string;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="picker-groups">
      {groups.map((g) => (
        <div key={g.dimension} className="picker-group" role="group" aria-label={dimensionName(g.dimension, t)}>
          <p className="picker-title" aria-hidden="true">
            {dimensionName(g.dimension, t)}
          </p>
          {g.indicators.map((i) => (
            <label key={i.code} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(i.code)}
                onChange={(e) => toggle(i.code, e.target.checked)}
                data-testid={testId}
                data-code={i.code}
              />{' '}
              {i.name[lang]}
            </label>
          ))}
        </div>
      ))}
    </div>
  );
}
