import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../programs.js';
import { amountOfBudgetLine, budgetUtilisation, costPerJob, moneyPerResident, type CountFigure, type MoneyAmount } from './money.js';

const mkzt = (amount: number, more: Partial<MoneyAmount> = {}): MoneyAmount => ({ amount, unit: 'million_kzt', ...more });

describe('budgetUtilisation', () => {
  it.each<[string, MoneyAmount | null, MoneyAmount | null, number | null, string | null]>([
    ['279 of 558 million → 50 %', mkzt(279), mkzt(558), 50, null],
    ['in other units: 0.5 billion of 1,000 million → 50 %', { amount: 0.5, unit: 'billion_kzt' }, mkzt(1000), 50, null],
    ['nothing used → 0 %', mkzt(0), mkzt(558), 0, null],
    ['no figure for the funds used', null, mkzt(558), null, 'no figure for the funds used'],
    ['zero allocated → not computable', mkzt(10), mkzt(0), null, 'zero base: the funds allocated are 0'],
    ['euros without a rate', mkzt(10), { amount: 1, unit: 'million_eur' }, null, 'the sources give no exchange rate'],
    ['«more than 1 billion» is a bound', mkzt(500), { amount: 1, unit: 'billion_kzt', qualifier: 'more_than' }, null, 'a lower bound'],
    ['different periods', mkzt(100, { period: '2014' }), mkzt(558, { period: '2013' }), null, 'different periods (2014 and 2013)'],
    ['a negative amount', mkzt(-1), mkzt(558), null, 'negative'],
  ])('%s', (_name, used, allocated, value, reason) => {
    const r = budgetUtilisation(used, allocated);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 9);
    if (reason === null) expect(r.reason).toBeNull();
    else expect(r.reason).toContain(reason);
    expect(r.unit).toBe('%');
  });

  it('warns when more is used than allocated, and when an amount is approximate', () => {
    const r = budgetUtilisation(mkzt(600, { qualifier: 'about' }), mkzt(558));
    expect(r.value).toBeCloseTo((600 / 558) * 100, 9);
    expect(r.notes.join(' ')).toContain('exceed the funds allocated');
    expect(r.notes.join(' ')).toContain('approximate');
  });
});

describe('costPerJob', () => {
  it.each<[string, MoneyAmount | null, CountFigure | null, number | null, string | null]>([
    // seed 001, slide 10: 6 anchor projects, 19.1 billion tenge, 650 jobs (planned): 19.1e9 ÷ 650 = 29,384,615.38 tenge per job
    ['19.1 billion for 650 jobs', { amount: 19.1, unit: 'billion_kzt' }, { value: 650 }, 29_384_615.38, null],
    ['no jobs figure', mkzt(100), null, null, 'no figure for the jobs created'],
    ['zero jobs → not computable', mkzt(100), { value: 0 }, null, 'zero base: the jobs created is 0'],
    ['no money figure', null, { value: 10 }, null, 'no figure for the funds spent'],
  ])('%s', (_name, spent, jobs, value, reason) => {
    const r = costPerJob(spent, jobs);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 1);
    if (reason === null) expect(r.reason).toBeNull();
    else expect(r.reason).toContain(reason);
    expect(r.unit).toBe('KZT per job');
  });
});

describe('moneyPerResident', () => {
  it.each<[string, MoneyAmount | null, CountFigure | null, number | null, string | null]>([
    // 459.6 million tenge ÷ 58,000 residents (Ridder, 2014) = 7,924.14 tenge per resident
    ['459.6 million for 58,000 residents', mkzt(459.6), { value: 58000 }, 7924.14, null],
    ['no population', mkzt(459.6), null, null, 'no figure for the population'],
    ['zero population', mkzt(459.6), { value: 0 }, null, 'zero base'],
  ])('%s', (_name, amount, population, value, reason) => {
    const r = moneyPerResident(amount, population);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 2);
    if (reason === null) expect(r.reason).toBeNull();
    else expect(r.reason).toContain(reason);
  });

  it('notes an amount and a population of different years', () => {
    expect(moneyPerResident(mkzt(1, { period: '2013' }), { value: 1000, period: '2014' }).notes).toEqual([
      'the amount is for 2013 and the population for 2014',
    ]);
  });
});

describe('amountOfBudgetLine', () => {
  const line = (period: BudgetLine['period']): BudgetLine => ({
    id: 'ekibastuz-allocated-2013',
    amountMkzt: 558,
    original: { amount: 558, unit: 'million_kzt' },
    qualifier: 'exact',
    wording: 'including 558 million tenge for 2013',
    status: 'allocated',
    period,
    covers: 'allocations',
    funder: null,
    scope: null,
    instrument: null,
    counts: {},
    note: null,
    sources: ['000_8d3b91899ef0f156.txt | passage'],
  });
  it('keeps the unit, the qualifier and a one-year period; a span has no single period', () => {
    expect(amountOfBudgetLine(line({ from: '2013', to: '2013' }))).toEqual({
      amount: 558,
      unit: 'million_kzt',
      qualifier: 'exact',
      period: '2013',
      source: '000_8d3b91899ef0f156.txt | passage',
    });
    expect(amountOfBudgetLine(line({ from: '2014', to: '2018' })).period).toBeNull();
  });

  it('Ekibastuz 2013: an allocation without a figure for the funds used is not a utilisation', () => {
    const r = budgetUtilisation(null, amountOfBudgetLine(line({ from: '2013', to: '2013' })));
    expect(r).toEqual({ value: null, unit: '%', reason: 'no figure for the funds used', notes: [] });
  });
});
