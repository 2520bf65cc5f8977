import { describe, expect, it } from 'vitest';
import { emptyBundle, type ObservationInput } from './bundle.js';
import { emptyKnown, validateBundle, type KnownData } from './validate.js';

const known = (): KnownData => {
  const k = emptyKnown();
  k.towns.add('ridder');
  k.indicators.set('unemployment_rate_pct', { kind: 'numeric', unit: '%' });
  k.indicators.set('economic_potential_class', { kind: 'categorical', unit: 'class' });
  k.sources.add('doc-a');
  return k;
};
const obs = (row: number, over: Partial<ObservationInput> = {}): ObservationInput => ({
  town: 'ridder',
  indicator: 'unemployment_rate_pct',
  period: '2014',
  value: 1,
  valueText: null,
  status: 'actual',
  sourceId: 'doc-a',
  passage: 'Table 1',
  note: null,
  unit: null,
  origin: { file: 'o.csv', row },
  ...over,
});
const check = (...observations: ObservationInput[]) => {
  const b = emptyBundle();
  b.observations = observations;
  return validateBundle(b, known()).map((i) => [i.row, i.column ?? null, i.message.slice(0, 30)]);
};

describe('validateBundle', () => {
  it('accepts a clean bundle', () => expect(check(obs(2), obs(3, { period: '2015' }))).toEqual([]));
  it('flags an exact duplicate naming the first row', () => {
    expect(check(obs(2), obs(3))).toEqual([[3, null, 'exact duplicate of o.csv row 2']]);
  });
  it('flags two different values for the same source and passage', () => {
    expect(check(obs(2), obs(3, { value: 2 }))[0][2]).toMatch(/^two values for the same town/);
  });
  it('refuses a unit that differs from the catalogue', () => {
    expect(check(obs(2, { unit: '%' }), obs(3, { period: '2016', unit: 'per mille' }))).toEqual([[3, 'unit', 'unit "per mille" differs from ']]);
  });
  it('needs a class for a categorical indicator and a number for a numeric one', () => {
    expect(check(obs(2, { indicator: 'economic_potential_class', value: null }), obs(3, { value: null, valueText: 'high' }))).toEqual([
      [2, 'value_text', 'indicator "economic_potential_'],
      [3, 'value', 'indicator "unemployment_rate_p'],
    ]);
  });
  it('names unknown towns and indicators and missing sources', () => {
    expect(check(obs(2, { town: 'atlantis', indicator: 'happiness', sourceId: '' }))).toEqual([
      [2, 'town', '"atlantis" is not a known town'],
      [2, 'indicator', '"happiness" is not in the indi'],
      [2, 'source', 'is empty: a value about a real'],
    ]);
  });
});
