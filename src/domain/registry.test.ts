import { describe, expect, it } from 'vitest';
import { stateOn, type EnterpriseState } from './registry.js';

const s = (state: EnterpriseState['state'], since: string | null, until: string | null = null): EnterpriseState => ({
  state,
  since,
  until,
  employees: null,
  source: null,
  note: null,
});

describe('stateOn', () => {
  const history = [s('full', '2000-01-01', '2015-06-01'), s('partial', '2015-06-01', '2019-01-01'), s('stopped', '2019-01-01')];
  it.each([
    ['1999-12-31', null],
    ['2010-05-05', 'full'],
    ['2015-06-01', 'partial'],
    ['2024-01-01', 'stopped'],
  ])('on %s the state is %s', (date, expected) => expect(stateOn(history, date)?.state ?? null).toBe(expected));

  it('a state with an unknown start applies at any date', () => {
    expect(stateOn([s('stopped', null)], '1990-01-01')?.state).toBe('stopped');
  });
});
