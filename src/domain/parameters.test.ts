import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { createParameters, describeValidity, isIsoDate, type Parameter } from './parameters.js';

const reference = { act: 'Test Resolution', number: '1', date: '2012-05-25', url: null, passage: null };
const param = (name: string, values: Parameter['values'], unit = 'persons'): Parameter => ({
  name,
  description: `${name} for tests`,
  unit,
  reference,
  values,
  note: null,
});

const params = createParameters([
  param('kz.population_min', [
    { since: '2012-05-25', value: 20000 },
    { since: '2016-01-01', value: 15000 },
    { since: '2020-01-01', value: null },
  ]),
  param('kz.reinstated', [
    { since: '2010-01-01', value: 1 },
    { since: '2011-01-01', value: null },
    { since: '2013-01-01', value: 2 },
  ]),
]);

describe('params.at', () => {
  it.each([
    ['kz.population_min', '2012-05-25', 20000],
    ['kz.population_min', '2015-12-31', 20000],
    ['kz.population_min', '2016-01-01', 15000],
    ['kz.population_min', '2019-12-31', 15000],
    ['kz.reinstated', '2010-06-01', 1],
    ['kz.reinstated', '2013-01-01', 2],
    ['kz.reinstated', '2099-01-01', 2],
  ])('%s on %s is %s', (name, date, value) => {
    expect(params.at(name, date)).toBe(value);
  });

  it.each([
    ['kz.population_min', '2012-05-24', /no value in force on 2012-05-24: from 2012-05-25 until 2016-01-01; from 2016-01-01 until 2020-01-01/],
    ['kz.population_min', '2020-01-01', /"kz.population_min" \(kz.population_min for tests\) has no value in force on 2020-01-01/],
    ['kz.reinstated', '2012-03-01', /from 2010-01-01 until 2011-01-01; from 2013-01-01 with no end date \(Test Resolution No. 1 of 2012-05-25\)/],
  ])('%s on %s is not in force and says when it is', (name, date, message) => {
    const err = (() => {
      try {
        params.at(name, date);
      } catch (e) {
        return e;
      }
    })() as DomainError;
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('not_found');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/rules\/parameters\/kz\//);
    expect(err.details).toMatchObject({ parameter: name, date });
  });

  it('names the known parameters when asked for an unknown one', () => {
    expect(() => params.at('kz.population_max', '2013-01-01')).toThrow(
      /No legal parameter "kz.population_max".*known parameters: kz.population_min, kz.reinstated/,
    );
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => params.at('kz.population_min', '2013')).toThrow(/"2013" is not a date/);
  });

  it('entry cites the value, its span and its act', () => {
    expect(params.entry('kz.population_min', '2017-03-01')).toEqual({
      name: 'kz.population_min',
      value: 15000,
      unit: 'persons',
      since: '2016-01-01',
      until: '2020-01-01',
      reference,
    });
  });

  it('a parameter defined twice is refused', () => {
    expect(() => createParameters([param('a.b', [{ since: '2012-01-01', value: 1 }]), param('a.b', [{ since: '2012-01-01', value: 2 }])])).toThrow(
      /defined twice/,
    );
  });
});

describe('dates and validity', () => {
  it.each([
    ['2012-05-25', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2012-13-01', false],
    ['2012-5-25', false],
    ['2012', false],
  ])('isIsoDate(%s) is %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it('describes no validity in words', () => expect(describeValidity([])).toMatch(/no value in force/));
});
