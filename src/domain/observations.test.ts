import { describe, expect, it } from 'vitest';
import { latestFigure, type Observation } from './observations.js';

const src = (id: string) => ({ id, title: id, url: `https://example.org/${id}`, passage: null });
const o = (period: string, value: number | null, source: string, note: string | null = null, status: Observation['status'] = 'actual'): Observation => ({
  town: 'x',
  indicator: 'population',
  period,
  value,
  valueText: null,
  unit: 'persons',
  status,
  source: src(source),
  note,
  revision: 1,
});

describe('latestFigure', () => {
  it.each([
    ['no observations', [], null],
    ['only estimates are not a latest actual figure', [o('2020', 10, 'a', null, 'estimate')], null],
    ['the latest year wins', [o('2009', 10, 'a'), o('2021', 12, 'b'), o('2015', 11, 'c')], [12, 2021, 'b']],
    ['a dated period counts by its year', [o('2014-08-01', 9, 'a'), o('2013', 8, 'b')], [9, 2014, 'a']],
    [
      'a town-proper figure beats one flagged as the whole administration',
      [o('2021', 90, 'a', 'whole town administration (akimat)'), o('2021', 40, 'b', '1 Jan estimate; town proper')],
      [40, 2021, 'b'],
    ],
    [
      '"town proper (town administration …)" is town proper',
      [o('2009', 70, 'a', 'scope unclear'), o('2009', 60, 'b', 'town proper (town administration 70124)')],
      [60, 2009, 'b'],
    ],
  ] as const)('%s', (_name, input, expected) => {
    const r = latestFigure(input as unknown as Observation[]);
    expect(r === null ? null : [r.value, r.year, r.source.id]).toEqual(expected);
  });

  it('returns the other figures of the same year as alternatives', () => {
    const r = latestFigure([o('1999', 23882, 'a', 'census'), o('1999', 21740, 'b', 'census'), o('1989', 30000, 'c')]);
    expect(r?.alternatives.map((a) => a.value)).toEqual([21740]);
    expect(r?.value).toBe(23882);
  });
});
