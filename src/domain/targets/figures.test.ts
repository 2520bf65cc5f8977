import { describe, expect, it } from 'vitest';
import { atDeadline, comparablePeriods, dateTimePoint, figuresUpTo, indexBaseFromNote, indexFiguresUpTo, latestOf, periodEnd, timePoint } from './figures.js';
import type { Figure, TargetObservation } from './types.js';

const fig = (period: string, value: number, source = 's'): Figure => ({ indicator: 'x', value, period, source, status: 'actual', note: null });

describe('periods', () => {
  it.each([
    ['2015', '2015-12-31'],
    ['2014-08-01', '2014-08-01'],
  ])('%s ends on %s', (p, end) => expect(periodEnd(p)).toBe(end));

  it.each([
    ['2011', 2012],
    ['2014-01-01', 2014 + 1 / 365],
    // 1 August is the 213th day of 2014: 213 ÷ 365
    ['2014-08-01', 2014 + 213 / 365],
    ['2016-12-31', 2017],
  ])('%s is at %d', (p, t) => expect(timePoint(p)).toBeCloseTo(t, 9));

  it('places a date as the end of that day', () => expect(dateTimePoint('2015-12-31')).toBe(2016));

  it.each([
    ['2011', '2015', true],
    ['2013-08-01', '2014-08-01', true],
    ['2013', '2014-08-01', false],
    ['2013-08-01', '2014-07-01', false],
  ])('%s and %s comparable: %s', (a, b, want) => expect(comparablePeriods(a, b)).toBe(want));
});

describe('indexBaseFromNote', () => {
  it.each([
    // seed 001, slide 11, the ИФО column
    ['"88,4%", column "ИФО / темп роста": 1.08.2014 against 1.08.2013.', '2014-08-01', '2013-08-01'],
    // seed 000, Kurchatov
    ['2015 in % of 2011 (base 2011, not the previous year); 51.2 = 100 − 48.8 for "by 48.8% below the 2011 level".', '2015', '2011'],
    ['2015 against 2011', '2015', '2011'],
    // the note speaks of another period than the figure's: not trusted
    ['1.08.2014 against 1.08.2013', '2015', null],
    // two different bases: ambiguous
    ['2015 against 2011; 2015 against 2014', '2015', null],
    // no base stated
    ['"% of previous period"', '2015', null],
    [null, '2015', null],
  ])('%j (%s) → %s', (note, period, base) => expect(indexBaseFromNote(note, period)).toBe(base));

  it('prefers an explicit base period to the note', () => {
    const obs: TargetObservation[] = [
      { indicator: 'i', period: '2015', value: 90, valueText: null, source: 'a', basePeriod: '2012', note: '2015 in % of 2011' },
      { indicator: 'i', period: '2014', value: 95, valueText: null, source: 'b', note: '2014 in % of 2011' },
      { indicator: 'i', period: '2013', value: 97, valueText: null, source: 'c' },
    ];
    expect(indexFiguresUpTo(obs, 'i', '2020-01-01').map((f) => [f.period, f.basePeriod])).toEqual([
      ['2013', null],
      ['2014', '2011'],
      ['2015', '2012'],
    ]);
  });
});

describe('figuresUpTo', () => {
  const obs: TargetObservation[] = [
    { indicator: 'x', period: '2014', value: 3, valueText: null, source: 'a' },
    { indicator: 'x', period: '2014-08-01', value: 2, valueText: null, source: 'a' },
    { indicator: 'x', period: '2013', value: 1, valueText: null, source: 'a', status: 'estimate' },
    { indicator: 'x', period: '2015', value: 9, valueText: null, source: 'a', status: 'target' },
    { indicator: 'x', period: '2012', value: null, valueText: 'high', source: 'a' },
    { indicator: 'y', period: '2014', value: 7, valueText: null, source: 'a' },
  ];
  it('keeps numeric actuals and estimates whose period has ended, oldest first', () => {
    expect(figuresUpTo(obs, 'x', '2020-01-01').map((f) => f.period)).toEqual(['2013', '2014-08-01', '2014']);
    expect(figuresUpTo(obs, 'x', '2014-12-30').map((f) => f.period)).toEqual(['2013', '2014-08-01']);
  });
});

describe('latestOf and atDeadline', () => {
  it('takes the latest moment; agreeing sources are named, disagreeing ones are a conflict', () => {
    expect(latestOf([fig('2013', 1), fig('2014', 2)], 'x')).toEqual({ found: true, figure: fig('2014', 2), notes: [] });
    const agree = latestOf([fig('2014', 2, 'a'), fig('2014', 2, 'b')], 'x');
    expect(agree.found && agree.notes[0]).toContain('2 sources give the same figure');
    const clash = latestOf([fig('2014', 2, 'a'), fig('2014', 3, 'b')], 'x');
    expect(clash.found).toBe(false);
    expect(!clash.found && clash.reason).toMatch(/^conflict: .*2 \(a\); 3 \(b\)/);
    expect(latestOf([], 'x for t')).toEqual({ found: false, reason: 'no figure for x for t' });
  });

  it('judges on the figure of the deadline year, the annual one before one «на 1.08»', () => {
    const figs = [fig('2015-08-01', 1), fig('2015', 2), fig('2016', 3)];
    const p = atDeadline(figs, '2015', 'x');
    expect(p.found && p.figure.value).toBe(2);
    const q = atDeadline([fig('2014', 1), fig('2016', 3)], '2015', 'x');
    expect(!q.found && q.reason).toBe(
      'no figure for x for the deadline 2015: a target is judged on the figure at its deadline, and the latest figure is for 2016',
    );
  });
});
