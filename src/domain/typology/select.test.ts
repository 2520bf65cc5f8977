import { describe, expect, it } from 'vitest';
import { readStates, selectForYear as criteriaSelect } from '../criteria/inputs.js';
import { readCandidates, selectForYear, stateOnDate } from './select.js';
import type { InputEnterpriseState, InputObservation } from './types.js';

const obs = (period: string, value: number | null, source = 'S', extra: Partial<InputObservation> = {}): InputObservation => ({
  indicator: 'population',
  period,
  value,
  valueText: value === null ? 'text' : null,
  source,
  ...extra,
});

// The same table as src/domain/criteria/inputs.test.ts: the restated rule must give the legal-status engine's answers.
const CASES: [string, InputObservation[], number][] = [
  ['the year itself', [obs('2014', 1), obs('2013', 2)], 2014],
  ['one year back', [obs('2013', 2), obs('2012', 3)], 2014],
  ['two years back', [obs('2012', 3)], 2014],
  ['too old', [obs('2011', 3)], 2014],
  ['only later', [obs('2015', 3)], 2014],
  ['the latest date within the year', [obs('2014-01-01', 1), obs('2014-07-01', 2)], 2014],
  ['a target is not a fact', [obs('2014', 1, 'S', { status: 'target' })], 2014],
  ['a text-only figure', [obs('2014', null)], 2014],
  ['another indicator', [{ ...obs('2014', 1), indicator: 'tfe_count' }], 2014],
  ['several sources of one period', [obs('2014', 1, 'A'), obs('2014', 2, 'B'), obs('2013', 3, 'C')], 2014],
];

describe('selectForYear gives the same figures as the legal-status engine', () => {
  it.each(CASES)('%s', (_name, list, year) => {
    const mine = selectForYear(list, 'population', year, 2);
    const theirs = criteriaSelect(list, 'population', year, 2);
    expect(mine.found).toBe(theirs.found);
    if (mine.found && theirs.found) {
      expect(mine.period).toBe(theirs.period);
      expect(mine.candidates).toEqual(theirs.candidates);
    }
    if (!mine.found && !theirs.found) expect(theirs.reason.replace(' (common.data_max_age_years)', '')).toBe(mine.reason);
  });

  it('selects classes (text values) with the same window', () => {
    const list = [obs('2019', null, 'A'), { ...obs('2021', null, 'B'), valueText: 'growing' }, obs('2023', 5)];
    const sel = selectForYear(list, 'population', 2022, 2, 'text');
    expect(sel.found && [sel.period, sel.candidates.map((o) => o.source)]).toEqual(['2021', ['B']]);
  });
});

describe('stateOnDate gives the state readStates reads', () => {
  const st = (state: InputEnterpriseState['state'], since: string | null, until: string | null = null, source = 'S'): InputEnterpriseState => ({
    enterprise: 'E',
    state,
    since,
    until,
    source,
  });
  it.each<[string, InputEnterpriseState[], string | null]>([
    ['in force', [st('full', '2010-01-01')], 'full'],
    ['the latest start wins', [st('full', '2010-01-01'), st('partial', '2020-01-01')], 'partial'],
    ['ended', [st('full', '2010-01-01', '2020-01-01')], null],
    ['undated', [st('stopped', null)], null],
    ['conflict', [st('full', '2010-01-01'), st('stopped', '2010-01-01', null, 'T')], null],
    ['nothing', [], null],
  ])('%s', (_name, records, state) => {
    const mine = stateOnDate(records, 'E', '2024-12-31');
    expect(mine.known ? mine.state : null).toBe(state);
    const theirs = readStates(records, '2024-12-31', ['full']);
    if (records.length) expect(theirs[0].state ?? null).toBe(state);
  });
});

describe('readCandidates', () => {
  const cls = (o: InputObservation) => ((o.value as number) >= 20 ? 'high' : 'low');
  it('agrees when every source gives the same class, with a warning when values differ', () => {
    expect(readCandidates([obs('2014', 25, 'A'), obs('2014', 25, 'B')], cls)).toMatchObject({ agreed: true, cls: 'high', value: 25, warning: null });
    const r = readCandidates([obs('2014', 25, 'A'), obs('2014', 30, 'B')], cls);
    expect(r).toMatchObject({ agreed: true, cls: 'high', value: null });
    expect(r.agreed && r.warning).toMatch(/25 from A, 30 from B\) but all lead to the same class/);
  });
  it('is a conflict when the sources disagree on the class', () => {
    const r = readCandidates([obs('2014', 19, 'A'), obs('2014', 21, 'B')], cls);
    expect(r.agreed).toBe(false);
    expect(!r.agreed && r.conflict).toBe(
      'the sources disagree for 2014: 19 from A → low; 21 from B → high; resolve the conflict in the data, no source is preferred',
    );
  });
});
