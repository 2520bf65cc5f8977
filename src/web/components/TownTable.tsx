import { useState } from 'react';
import type { TownSummaryDto } from '../../client/api-client.js';
import { useI18n, type Lang } from '../i18n/index.js';
import { hrefTown, hrefTownStatus } from '../router.js';
import { VERDICTS, type Verdict } from '../status.js';
import { orderClasses, schemeClasses, UNKNOWN, type ClassScheme } from '../typology.js';
import { NoteBadge, Sectors } from './common.js';
import { VerdictBadge } from './status.js';
import { ClassBadge } from './typology.js';

export type SortKey = 'name' | 'region' | 'population' | 'year' | 'industry' | 'status' | 'class';

/** The class column: each town's class of a typology (or vulnerability band) in one year. */
export interface TableClasses {
  scheme: ClassScheme;
  year: number;
  /** The column's heading and the typology's name in the caption. */
  title: string;
  values: ReadonlyMap<string, string> | null;
  loading: boolean;
  /** Where a class links to (the town page's section that explains it). */
  href: (townId: string) => string;
}

/** The legal status column: each town's verdict under one rule set in one year. */
export interface TableStatus {
  year: number;
  /** The rule set's label in the language. */
  ruleset: string;
  verdicts: ReadonlyMap<string, Verdict> | null;
  loading: boolean;
}
type Dir = 'ascending' | 'descending';

type Value = string | number | null;

function sortValue(tw: TownSummaryDto, key: SortKey, lang: Lang, verdicts?: ReadonlyMap<string, Verdict> | null, classes?: TableClasses | null): Value {
  switch (key) {
    case 'class': {
      const c = classes?.values?.get(tw.id);
      if (!classes || !c) return null;
      return orderClasses([...schemeClasses(classes.scheme), c, UNKNOWN], classes.scheme === 'vulnerability' ? undefined : classes.scheme).indexOf(c);
    }
    case 'status': {
      const v = verdicts?.get(tw.id);
      return v ? VERDICTS.indexOf(v) : null;
    }
    case 'name':
      return tw.name[lang];
    case 'region':
      return tw.region?.name[lang] ?? null;
    case 'population':
      return tw.population?.value ?? null;
    case 'year':
      return tw.population?.year ?? null;
    case 'industry':
      return tw.industries[0] ?? null;
  }
}

/** Sorts a copy; missing values always go last, ties fall back to the town name. */
export function sortTowns(
  towns: readonly TownSummaryDto[],
  key: SortKey,
  dir: Dir,
  lang: Lang,
  locale: string,
  verdicts?: ReadonlyMap<string, Verdict> | null,
  classes?: TableClasses | null,
): TownSummaryDto[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = dir === 'ascending' ? 1 : -1;
  return [...towns].sort((a, b) => {
    const va = sortValue(a, key, lang, verdicts, classes);
    const vb = sortValue(b, key, lang, verdicts, classes);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    let c = 0;
    if (va !== null && vb !== null) c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : collator.compare(a.name[lang], b.name[lang]);
  });
}

export function TownTable({
  towns,
  captionId,
  status = null,
  classes = null,
}: {
  towns: readonly TownSummaryDto[];
  captionId?: string;
  status?: TableStatus | null;
  classes?: TableClasses | null;
}) {
  const { lang, locale, t, num } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; dir: Dir }>({ key: 'name', dir: 'ascending' });
  // a sort by a column that is not shown falls back to the name
  const key = (sort.key === 'class' && !classes) || (sort.key === 'status' && !status) ? 'name' : sort.key;
  const rows = sortTowns(towns, key, key === sort.key ? sort.dir : 'ascending', lang, locale, status?.verdicts, classes);

  const sortedBy = key;
  const header = (key: SortKey, label: string, numeric = false) => {
    const current = sort.key === key && sort.key === sortedBy;
    const onClick = () =>
      setSort((s) => (s.key === key ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: numeric ? 'descending' : 'ascending' }));
    return (
      <th scope="col" aria-sort={current ? sort.dir : 'none'} className={numeric ? 'num' : undefined} data-sort-key={key}>
        <button type="button" className="sort-button" onClick={onClick}>
          {label}
          <span className="sort-icon" aria-hidden="true">
            {current ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table towns-table" data-testid="town-table">
        <caption id={captionId}>
          {classes
            ? t('table.captionClass', { year: classes.year, typology: classes.title })
            : status
              ? t('table.captionStatus', { year: status.year, ruleset: status.ruleset })
              : t('table.caption')}
        </caption>
        <thead>
          <tr>
            {header('name', t('col.name'))}
            {header('region', t('col.region'))}
            {header('population', t('col.population'), true)}
            {header('year', t('col.year'), true)}
            {header('industry', t('col.industry'))}
            {status && !classes ? header('status', t('col.legalStatus', { year: status.year })) : null}
            {classes ? header('class', t('col.class', { typology: classes.title, year: classes.year })) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((tw) => (
            <tr key={tw.id} data-testid="town-row" data-town={tw.id}>
              <th scope="row">
                <a href={hrefTown(tw.id)}>{tw.name[lang]}</a>
              </th>
              <td>{tw.region ? tw.region.name[lang] : <span className="muted">{t('common.noData')}</span>}</td>
              <td className="num">
                {tw.population ? (
                  <>
                    <span data-testid="population">{num(tw.population.value)}</span>
                    {tw.population.note ? <NoteBadge note={tw.population.note} /> : null}
                  </>
                ) : (
                  <span className="muted" data-testid="population">
                    {t('common.noData')}
                  </span>
                )}
              </td>
              <td className="num">{tw.population ? tw.population.year : <span className="muted">{t('common.noData')}</span>}</td>
              <td>{tw.industries.length ? <Sectors sections={tw.industries} /> : <span className="muted">{t('common.noData')}</span>}</td>
              {status && !classes ? <StatusCell townId={tw.id} status={status} /> : null}
              {classes ? <ClassCell townId={tw.id} classes={classes} /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusCell({ townId, status }: { townId: string; status: TableStatus }) {
  const { t } = useI18n();
  const verdict = status.verdicts?.get(townId);
  return (
    <td data-testid="status-cell" data-verdict={verdict ?? ''} className="status-cell">
      {verdict ? (
        <a href={hrefTownStatus(townId, status.year)} title={t('table.statusLink')}>
          <VerdictBadge verdict={verdict} />
        </a>
      ) : (
        <span className="muted">{status.loading ? t('state.loading') : t('common.noData')}</span>
      )}
    </td>
  );
}

function ClassCell({ townId, classes }: { townId: string; classes: TableClasses }) {
  const { t } = useI18n();
  const cls = classes.values?.get(townId);
  return (
    <td data-testid="class-cell" data-class={cls ?? ''} className="status-cell">
      {cls ? (
        <a href={classes.href(townId)} title={t('table.classLink')}>
          <ClassBadge cls={cls} scheme={classes.scheme} />
        </a>
      ) : (
        <span className="muted">{classes.loading ? t('state.loading') : t('common.noData')}</span>
      )}
    </td>
  );
}
