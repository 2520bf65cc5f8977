import { describe, expect, it } from 'vitest';
import { judge, readStates, selectExactYear, selectForYear } from './inputs.js';
import type { InputEnterpriseState, InputObservation } from './types.js';

const obs = (period: string, value: number | null, source = 'S', extra: Partial<InputObservation> = {}): InputObservation => ({
  indicator: 'population',
  period,
  value,
  valueText: value === null ? 'text' : null,
  source,
  ...extra,
});

describe('selectForYear: the year, else the latest earlier period within the window, never a later one', () => {
  it.each<[string, InputObservation[], number, string | null, RegExp | null]>([
    ['the year itself', [obs('2014', 1), obs('2013', 2)], 2014, '2014', null],
    ['one year back', [obs('2013', 2), obs('2012', 3)], 2014, '2013', null],
    ['two years back (the window)', [obs('2012', 3)], 2014, '2012', null],
    ['three years back is too old', [obs('2011', 3)], 2014, null, /older than the look-back window of 2 years/],
    ['a later period is never used', [obs('2015', 3)], 2014, null, /a later figure is never used/],
    ['the latest date within the year', [obs('2014-01-01', 1), obs('2014-07-01', 2)], 2014, '2014-07-01', null],
    ['a target is not a fact', [obs('2014', 1, 'S', { status: 'target' })], 2014, null, /no figure for population/],
    ['a text-only figure is not a number', [obs('2014', null)], 2014, null, /only a text value/],
    ['another indicator does not count', [{ ...obs('2014', 1), indicator: 'tfe_count' }], 2014, null, /^no figure for population$/],
  ])('%s', (_name, list, year, period, reason) => {
    const sel = selectForYear(list, 'population', year, 2);
    if (period === null) {
      expect(sel.found).toBe(false);
      if (!sel.found && reason) expect(sel.reason).toMatch(reason);
    } else {
      expect(sel.found && sel.period).toBe(period);
    }
  });

  it('returns every figure of the chosen period, from every source', () => {
    const sel = selectForYear([obs('2014', 1, 'A'), obs('2014', 2, 'B'), obs('2013', 3, 'C')], 'population', 2014, 2);
    expect(sel.found && sel.candidates.map((o) => o.source)).toEqual(['A', 'B']);
  });

  it('selectExactYear does not look back', () => {
    expect(selectExactYear([obs('2013', 1)], 'population', 2014).found).toBe(false);
    expect(selectExactYear([obs('2014', 1)], 'population', 2014).found).toBe(true);
  });
});

describe('judge: several sources for one period', () => {
  const atLeast20 = (v: number) => v >= 20;
  it.each<[string, InputObservation[], boolean | 'unknown', number | null, RegExp | null]>([
    ['one figure', [obs('2014', 25)], true, 25, null],
    ['two equal figures', [obs('2014', 25, 'A'), obs('2014', 25, 'B')], true, 25, null],
    ['different values, same result', [obs('2014', 25, 'A'), obs('2014', 30, 'B')], true, null, /25 from A, 30 from B.*same result/],
    [
      'values on either side: conflict',
      [obs('2014', 19, 'A'), obs('2014', 21, 'B')],
      'unknown',
      null,
      /conflict: .*21 from B meets the threshold; 19 from A does not/,
    ],
    ['both below', [obs('2014', 19, 'A'), obs('2014', 10, 'B')], false, null, /same result/],
  ])('%s', (_name, list, result, value, note) => {
    const j = judge(list, atLeast20);
    expect(j.result).toBe(result);
    expect(j.value).toBe(value);
    if (note) expect(j.note).toMatch(note);
    else expect(j.note).toBeUndefined();
    expect(j.values).toHaveLength(list.length);
  });
});

describe('readStates: the operating state on a date', () => {
  const st = (state: InputEnterpriseState['state'], since: string | null, until: string | null = null, source = 'S', enterprise: string | null = null) => ({
    enterprise,
    state,
    since,
    until,
    source,
  });
  const SET = ['partial', 'stopped'];
  it.each<[string, InputEnterpriseState[], (boolean | 'unknown')[], RegExp | null]>([
    ['partial since before the date', [st('partial', '2010-01-01')], [true], null],
    ['full', [st('full', '2010-01-01')], [false], null],
    ['the latest start wins', [st('full', '2000-01-01'), st('stopped', '2015-01-01')], [true], null],
    ['a state that starts after the date does not count', [st('stopped', '2017-01-01')], ['unknown'], /no state of the town-forming enterprise is recorded/],
    ['a state that ended does not count', [st('stopped', '2010-01-01', '2012-01-01')], ['unknown'], /no state/],
    ['no start date: unknown', [st('stopped', null)], ['unknown'], /has no start date/],
    [
      'same start, different states, different results: conflict',
      [st('partial', '2014-01-01', null, 'A'), st('full', '2014-01-01', null, 'B')],
      ['unknown'],
      /conflict/,
    ],
    ['same start, partial and stopped: both in the set', [st('partial', '2014-01-01', null, 'A'), st('stopped', '2014-01-01', null, 'B')], [true], null],
    ['two enterprises', [st('full', '2000-01-01', null, 'S', 'A'), st('stopped', '2015-01-01', null, 'S', 'B')], [false, true], null],
  ])('%s', (_name, records, results, note) => {
    const readings = readStates(records, '2016-12-31', SET);
    expect(readings.map((r) => r.result)).toEqual(results);
    if (note) expect(readings.map((r) => r.note ?? '').join(' ')).toMatch(note);
  });
});
