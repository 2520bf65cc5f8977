import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { isPeriod, parsePeriod, periodWithin, periodYear } from './periods.js';

describe('periods', () => {
  it.each([
    ['2021', true],
    ['2014-08-01', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2014-13-01', false],
    ['1.08.2014', false],
    ['21', false],
    ['', false],
  ])('isPeriod(%j) = %s', (s, ok) => expect(isPeriod(s)).toBe(ok));

  it('parsePeriod names the field and the accepted forms', () => {
    expect(() => parsePeriod('period', '1.08.2014')).toThrow(DomainError);
    expect(() => parsePeriod('period', '1.08.2014')).toThrow(/"period".*YYYY|year \(2021\) or a date/);
  });

  it('periodYear and periodWithin use the calendar year', () => {
    expect(periodYear('2014-08-01')).toBe(2014);
    expect(periodWithin('2014-08-01', 2014, 2014)).toBe(true);
    expect(periodWithin('2013', 2014)).toBe(false);
    expect(periodWithin('2030', undefined, 2029)).toBe(false);
  });
});
