import { describe, expect, it } from 'vitest';
import { readReferenceData } from '../../src/io/reader.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

const { bundle } = readReferenceData(PROJECT_ROOT);
const find = (town: string, indicator: string, period: string) =>
  bundle.observations.filter(
    (o) => o.town === town && o.indicator === indicator && o.period === period && o.origin.file.endsWith('seed-002.csv'),
  );
const ours = () => bundle.observations.filter((o) => o.origin.file.endsWith('seed-002.csv'));

const SOURCE_ID = 'doc-002-7b44d14f520a3fb9';

/** Exactly one observation of seed 002 for the key; checks status, source and passage. */
function one(town: string, indicator: string, period: string, passage: string) {
  const rows = find(town, indicator, period);
  expect(rows).toHaveLength(1);
  const o = rows[0]!;
  expect(o.status).toBe('actual');
  expect(o.sourceId).toBe(SOURCE_ID);
  expect(o.passage).toContain(passage);
  return o;
}

// Values hand-checked against 002_7b44d14f520a3fb9.txt (Samekina & Issayeva, policy brief, April 2022).
describe('seed 002: numeric facts', () => {
  it.each([
    // "Kulsary (4279.1 billion tenge), Aksai (1559.6 billion tenge)" -> million KZT
    ['kulsary', 'industrial_output_mkzt', 4279100, 'Economic development trends, paragraph 1'],
    ['aksai', 'industrial_output_mkzt', 1559600, 'Economic development trends, paragraph 1'],
    // "Karatau (87.1 thousand tenge), Arkalyk (99.4 thousand tenge) and Serebryansk (105.7 thousand tenge)"
    ['karatau', 'avg_monthly_wage_kzt', 87100, 'Economic development trends, paragraph 1'],
    ['arkalyk', 'avg_monthly_wage_kzt', 99400, 'Economic development trends, paragraph 1'],
    ['serebryansk', 'avg_monthly_wage_kzt', 105700, 'Economic development trends, paragraph 1'],
    // "from -0.1 - in Satpayev to -9.0 - in Serebryansk"
    ['satpayev', 'population_change_pct', -0.1, 'Population decline, paragraph 1'],
    ['serebryansk', 'population_change_pct', -9.0, 'Population decline, paragraph 1'],
    // "varies from 7.1% in Satpayev, to 22.1% in Serebryansk"
    ['satpayev', 'share_65_plus_pct', 7.1, 'Population decline, paragraph 2'],
    ['serebryansk', 'share_65_plus_pct', 22.1, 'Population decline, paragraph 2'],
    // "negative natural increase (in Ridder town (- 827 people)"
    ['ridder', 'natural_increase_persons', -827, 'Population decline, paragraph 3'],
    // "Arkalyk (31.5%), Zhitikara (26.4%), Kentau (22.5%)"
    ['arkalyk', 'employment_agriculture_share_pct', 31.5, 'Population decline, paragraph 8'],
    ['zhitikara', 'employment_agriculture_share_pct', 26.4, 'Population decline, paragraph 8'],
    ['kentau', 'employment_agriculture_share_pct', 22.5, 'Population decline, paragraph 8'],
    // "less than 20% (16.1% and 7.1% respectively)"
    ['arkalyk', 'employment_industry_share_pct', 16.1, 'Population decline, paragraph 9'],
    ['kentau', 'employment_industry_share_pct', 7.1, 'Population decline, paragraph 9'],
  ] as const)('%s %s = %s (2021, period inferred and noted)', (town, indicator, value, passage) => {
    const o = one(town, indicator, '2021', passage);
    expect(o.value).toBe(value);
    expect(o.valueText).toBeNull();
    expect(o.note).toContain('period not stated in the text');
  });
});

describe('seed 002: categorical judgements', () => {
  it('Arkalyk and Kentau "no longer correspond to the status of monotowns" (judgement of the April 2022 brief)', () => {
    for (const town of ['arkalyk', 'kentau']) {
      const o = one(town, 'monotown_status_assessment', '2022', 'Taking into account the existing employment structure in Arkalyk and Kentau');
      expect(o.value).toBeNull();
      expect(o.valueText).toBe('no_longer_monotown');
    }
    expect(ours().filter((o) => o.indicator === 'monotown_status_assessment')).toHaveLength(2);
  });

  it('the wage list names 12 towns below the oblast average although the text says 11', () => {
    const below = ours().filter((o) => o.indicator === 'wage_vs_region_average_class');
    expect(new Set(below.map((o) => o.town))).toEqual(
      new Set(['altai', 'shakhtinsk', 'temirtau', 'kentau', 'zhanatas', 'abai', 'saran', 'khromtau', 'tekeli', 'arkalyk', 'karatau', 'serebryansk']),
    );
    expect(below.every((o) => o.valueText === 'below' && o.period === '2021')).toBe(true);
    expect(one('altai', 'wage_band_class', '2021', 'Population decline, paragraph 3').valueText).toBe('3_to_3.5_subsistence_minima');
  });

  it('nine cities where the wage exceeds five minimum wages', () => {
    const high = ours().filter((o) => o.indicator === 'wage_band_class' && o.valueText === 'over_5_minimum_wages');
    expect(new Set(high.map((o) => o.town))).toEqual(
      new Set(['aksai', 'kulsary', 'zhanaozen', 'satpayev', 'ekibastuz', 'zhezkazgan', 'aksu', 'rudny', 'balkhash']),
    );
    expect(one('balkhash', 'wage_band_class', '2021', 'Population decline, paragraph 4').valueText).toBe('over_5_minimum_wages');
  });

  it('population trends: largest decrease and positive growth', () => {
    expect(one('altai', 'population_trend_class', '2021', 'Population decline, paragraph 1').valueText).toBe('largest_decline');
    expect(one('kulsary', 'population_trend_class', '2021', 'Population decline, paragraph 1').valueText).toBe('growing');
    expect(one('satpayev', 'population_trend_class', '2021', 'Population decline, paragraph 1').valueText).toBe('declining');
  });

  it('employment structure groups', () => {
    expect(one('kurchatov', 'employment_structure_class', '2021', 'Population decline, paragraph 6').valueText).toBe('services_over_70');
    expect(one('stepnogorsk', 'employment_structure_class', '2021', 'Population decline, paragraph 7').valueText).toBe(
      'services_over_50_production_over_30',
    );
    expect(one('zhitikara', 'employment_structure_class', '2021', 'Population decline, paragraph 8').valueText).toBe('high_agriculture');
    expect(one('abai', 'employed_number_trend_class', '2021', 'Population decline, paragraph 6').valueText).toBe('not_declining');
  });

  it('infers nothing for towns the text does not name', () => {
    // "Migration outflows are associated with a reduction in the number of employed people (except for ...)":
    // the 21 other towns are not named, so no "declining" is recorded for them.
    expect(ours().filter((o) => o.indicator === 'employed_number_trend_class' && o.valueText === 'declining')).toHaveLength(0);
    // "41% of single-industry towns (or 11 out of 27) are characterized by poor road conditions": no town named.
    expect(new Set(ours().map((o) => o.indicator)).has('water_sewage_wear_pct')).toBe(false);
    expect(ours().every((o) => o.sourceId === SOURCE_ID)).toBe(true);
  });
});
