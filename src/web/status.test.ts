import { describe, expect, it } from 'vitest';
import type { RuleSetDto } from '../client/api-client.js';
import {
  combination,
  countVerdicts,
  criterionLeaves,
  defaultRuleset,
  groupMissing,
  isEarlierPeriod,
  isRedundantNote,
  latestYearInForce,
  rulesetsInForce,
  STATUS_YEARS,
  valueSource,
  versionInForce,
} from './status.js';

const ref = { act: 'Act', number: '1', date: '2012-05-25', url: null, passage: null };
function ruleset(id: string, versions: { since: string; until: string | null }[], extra: Partial<RuleSetDto> = {}): RuleSetDto {
  return {
    id,
    label: { kk: id, ru: id, en: id },
    definition: null,
    wording: null,
    kind: 'legal',
    variantOf: null,
    jurisdiction: 'KZ',
    reference: ref,
    note: null,
    versions: versions.map((v) => ({ ...v, reference: null, note: null, criterion: { id: 'x', type: 'indicator_at_least' } })),
    ...extra,
  };
}

const kz2012 = ruleset('kz-2012', [{ since: '2012-05-25', until: '2020-01-01' }]);
const nrdp = ruleset('kz-nrdp-2020', [{ since: '2020-01-01', until: '2026-01-01' }]);
const ru = ruleset('ru-709-2014', [{ since: '2014-07-29', until: null }], { jurisdiction: 'RU' });

describe('rule sets in force', () => {
  it('evaluates a year as of 31 December, the end date excluded', () => {
    expect(versionInForce(kz2012, 2011)).toBeNull();
    expect(versionInForce(kz2012, 2012)?.since).toBe('2012-05-25');
    expect(versionInForce(kz2012, 2019)).not.toBeNull();
    expect(versionInForce(kz2012, 2020)).toBeNull();
    expect(versionInForce(nrdp, 2019)).toBeNull();
    expect(versionInForce(nrdp, 2025)).not.toBeNull();
    expect(versionInForce(ru, 2013)).toBeNull();
    expect(versionInForce(ru, 2040)).not.toBeNull();
  });

  it('lists the rule sets in force and finds the latest year with one', () => {
    expect(rulesetsInForce([kz2012, nrdp, ru], 2015).map((r) => r.id)).toEqual(['kz-2012', 'ru-709-2014']);
    expect(latestYearInForce([kz2012, nrdp, ru])).toBe(2025);
    expect(latestYearInForce([kz2012])).toBe(2019);
    expect(latestYearInForce([])).toBe(STATUS_YEARS[STATUS_YEARS.length - 1]);
    expect(STATUS_YEARS[0]).toBe(2012);
    expect(STATUS_YEARS).toHaveLength(14);
  });

  it('starts with a legal act of Kazakhstan', () => {
    expect(defaultRuleset([ru, nrdp])?.id).toBe('kz-nrdp-2020');
    expect(defaultRuleset([ru])?.id).toBe('ru-709-2014');
    expect(defaultRuleset([])).toBeNull();
  });
});

describe('criterion trees', () => {
  const tree = {
    all_of: [
      { id: 'population', type: 'indicator_between', indicator: 'population', label: { kk: 'к', ru: 'р', en: 'e' } },
      { any_of: [{ id: 'out', indicator: 'tfe_output_share_pct' }, { id: 'emp', proxy: { for: 'tfe_employment_share_pct' } }, { id: 'state' }] },
    ],
  };

  it('gives the combination of the criteria', () => {
    expect(combination(tree)).toEqual({
      op: 'all',
      parts: [{ leaf: 'population' }, { op: 'any', parts: [{ leaf: 'out' }, { leaf: 'emp' }, { leaf: 'state' }] }],
    });
    expect(combination({ foo: 1 })).toBeNull();
    expect(combination(null)).toBeNull();
  });

  it('lists the leaves in order with their indicator, label and proxy', () => {
    const leaves = criterionLeaves(tree);
    expect(leaves.map((l) => l.id)).toEqual(['population', 'out', 'emp', 'state']);
    expect(leaves[0]).toMatchObject({ indicator: 'population', label: { en: 'e' } });
    expect(leaves[2]?.proxy).toEqual({ for: 'tfe_employment_share_pct' });
  });
});

describe('missing inputs', () => {
  it('groups the years of one indicator and keeps the order', () => {
    expect(groupMissing(['tfe_output_share_pct', 'tfe_employment_share_pct:2018', 'tfe_employment_share_pct:2017', 'enterprise_states'])).toEqual([
      { code: 'tfe_output_share_pct', years: [] },
      { code: 'tfe_employment_share_pct', years: ['2017', '2018'] },
      { code: 'enterprise_states', years: [] },
    ]);
    expect(groupMissing([])).toEqual([]);
  });
});

describe('small helpers', () => {
  it('counts the verdicts', () => {
    expect(countVerdicts([{ verdict: 'unknown' }, { verdict: 'does_not_meet' }, { verdict: 'unknown' }])).toEqual({ meets: 0, does_not_meet: 1, unknown: 2 });
  });

  it('says when a figure of an earlier year was used', () => {
    expect(isEarlierPeriod('2021', 2022)).toBe(true);
    expect(isEarlierPeriod('2022', 2022)).toBe(false);
    expect(isEarlierPeriod('2017–2021', 2022)).toBe(false);
    expect(isEarlierPeriod(null, 2022)).toBe(false);
  });

  it('finds the source of a value named «id | passage»', () => {
    const sources = [
      { id: 'doc', passage: 'p1', title: 'A' },
      { id: 'doc', passage: 'p2', title: 'B' },
      { id: 'url', passage: null, title: 'C' },
    ];
    expect(valueSource('doc | p2', sources)?.title).toBe('B');
    expect(valueSource('url', sources)?.title).toBe('C');
    expect(valueSource('nope', sources)).toBeNull();
  });

  it('hides only the engine notes the view already says in the language', () => {
    expect(isRedundantNote('no figure for tfe_output_share_pct')).toBe(true);
    expect(isRedundantNote('the figure for 2021 is used: none for 2022')).toBe(true);
    expect(isRedundantNote(undefined)).toBe(true);
    expect(isRedundantNote('conflict: the sources disagree for 2016')).toBe(false);
  });
});
