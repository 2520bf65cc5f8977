import { describe, expect, it } from 'vitest';
import { readReferenceData } from '../../src/io/reader.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

const { bundle } = readReferenceData(PROJECT_ROOT);
const find = (town: string, indicator: string, period: string) =>
  bundle.observations.filter((o) => o.town === town && o.indicator === indicator && o.period === period && o.origin.file.endsWith('seed-001.csv'));

const SOURCE = 'doc-001-732c555d31ec85e8';
const SLIDE6 = 'Slide 6. Development problems of monotowns: average monthly salary, 2018';
const SLIDE7 = 'Slide 7. From industrial policy to monotown policy: towns of high and low economic potential';
const SLIDE8 = 'Slide 8. Delegation of planning to town authorities: table «Специализация моногородов» (Ridder, Zyryanovsk, Kurchatov, Serebryansk)';
const SLIDE10_EXPLORATION = 'Slide 10. Success and failure of industry-biased investment: «Диверсификация экономики и развитие бизнеса», Поисковые работы';
const SLIDE10_PARTNERS = 'Slide 10. Success and failure of industry-biased investment: «Диверсификация экономики и развитие бизнеса», Партнерские программы';
const SLIDE11 = 'Slide 11. Local implementation challenges of national instructions: «Индикаторы программы», table ';
const SLIDE11_OUTPUT = `${SLIDE11}«Увеличение объема промышленного производства моногородов не менее чем на 20 %, млн. тенге»`;
const SLIDE11_SME = `${SLIDE11}«Увеличение количества активно действующих малых предприятий в моногородах в 2 раза»`;
const SLIDE11_UNEMPLOYMENT = `${SLIDE11}«Снижение уровня безработицы в моногородах до уровня не более 5,5%»`;
const SLIDE12 = 'Slide 12. Absence of public-private dialogue: «Развитие инфраструктуры», Корректировка генеральных планов';

function one(town: string, indicator: string, period: string) {
  const found = find(town, indicator, period);
  expect(found, `${town} ${indicator} ${period}`).toHaveLength(1);
  const o = found[0];
  expect(o.sourceId).toBe(SOURCE);
  return o;
}

describe('seed 001 (Junussova & Beimisheva, slides): observations', () => {
  it('records the 2018 wages of Aksai and Zhanaozen in tenge', () => {
    const aksai = one('aksai', 'avg_monthly_wage_kzt', '2018');
    expect(aksai).toMatchObject({ value: 448800, status: 'actual', passage: SLIDE6 });
    const zhanaozen = one('zhanaozen', 'avg_monthly_wage_kzt', '2018');
    expect(zhanaozen).toMatchObject({ value: 435400, status: 'actual', passage: SLIDE6 });
  });

  it('records the towns of high and low economic potential as classes', () => {
    for (const town of ['temirtau', 'rudny', 'ridder', 'aksu', 'ekibastuz'])
      expect(one(town, 'economic_potential_class', '2012')).toMatchObject({ value: null, valueText: 'high', status: 'actual', passage: SLIDE7 });
    for (const town of ['zhanatas', 'arkalyk'])
      expect(one(town, 'economic_potential_class', '2012')).toMatchObject({ value: null, valueText: 'low', status: 'actual', passage: SLIDE7 });
    expect(bundle.observations.filter((o) => o.indicator === 'economic_potential_class' && o.origin.file.endsWith('seed-001.csv'))).toHaveLength(7);
  });

  it('records the East Kazakhstan table (founding year, population, town-forming enterprise)', () => {
    expect(one('ridder', 'founding_year', '1786')).toMatchObject({ value: 1786, passage: SLIDE8 });
    expect(one('altai', 'population', '2014')).toMatchObject({ value: 37700, status: 'actual', passage: SLIDE8 });
    expect(one('kurchatov', 'tfe_employees', '2014')).toMatchObject({ value: 1400, status: 'actual', passage: SLIDE8 });
    expect(one('serebryansk', 'tfe_employees', '2014')).toMatchObject({ value: 157, passage: SLIDE8 });
    expect(one('ridder', 'tfe_employment_share_pct', '2014')).toMatchObject({ value: 28, passage: SLIDE8 });
    expect(one('kurchatov', 'town_specialisation_class', '2014')).toMatchObject({ valueText: 'nuclear_energy', passage: SLIDE8 });
  });

  it('records prospecting and partnership programmes, with the 2014-2018 plan as a target', () => {
    expect(one('altai', 'exploration_funding_mkzt', '2018')).toMatchObject({ value: 1700, status: 'target', passage: SLIDE10_EXPLORATION });
    expect(one('altai', 'exploration_funding_mkzt', '2014')).toMatchObject({ value: 314, status: 'actual', passage: SLIDE10_EXPLORATION });
    expect(one('ridder', 'exploration_funding_mkzt', '2014')).toMatchObject({ value: 3200, status: 'actual', passage: SLIDE10_EXPLORATION });
    expect(one('ridder', 'partnership_contracts_count', '2014')).toMatchObject({ value: 92, passage: SLIDE10_PARTNERS });
    expect(one('altai', 'partnership_contracts_mkzt', '2014')).toMatchObject({ value: 13400, passage: SLIDE10_PARTNERS });
    expect(one('serebryansk', 'partnership_contracts_mkzt', '2014')).toMatchObject({ value: 183.8, passage: SLIDE10_PARTNERS });
  });

  it('records the program indicator tables on 1.08.2013 and 1.08.2014', () => {
    expect(one('ridder', 'industrial_output_mkzt', '2014-08-01')).toMatchObject({ value: 51378, status: 'actual', passage: SLIDE11_OUTPUT });
    expect(one('ridder', 'industrial_output_mkzt', '2013-08-01')).toMatchObject({ value: 45901, passage: SLIDE11_OUTPUT });
    expect(one('ridder', 'industrial_output_volume_index_pct', '2014-08-01')).toMatchObject({ value: 88.4, passage: SLIDE11_OUTPUT });
    expect(one('serebryansk', 'industrial_output_volume_index_pct', '2014-08-01')).toMatchObject({ value: 132, passage: SLIDE11_OUTPUT });
    expect(one('altai', 'active_small_enterprises', '2014-08-01')).toMatchObject({ value: 123, passage: SLIDE11_SME });
    expect(one('kurchatov', 'active_small_enterprises', '2013-08-01')).toMatchObject({ value: 33, passage: SLIDE11_SME });
    expect(one('serebryansk', 'unemployment_rate_pct', '2013-08-01')).toMatchObject({ value: 5.8, status: 'actual', passage: SLIDE11_UNEMPLOYMENT });
    expect(one('ridder', 'unemployment_rate_pct', '2014-08-01')).toMatchObject({ value: 4.8, passage: SLIDE11_UNEMPLOYMENT });
    expect(one('serebryansk', 'unemployment_rate_change_pp', '2014-08-01')).toMatchObject({ value: -0.3, passage: SLIDE11_UNEMPLOYMENT });
  });

  it('records the master plan corrections', () => {
    expect(one('kurchatov', 'master_plan_correction_class', '2014')).toMatchObject({ valueText: 'corrected', passage: SLIDE12 });
    expect(one('ridder', 'master_plan_correction_class', '2014')).toMatchObject({ valueText: 'not_required', passage: SLIDE12 });
    expect(one('altai', 'master_plan_correction_funding_mkzt', '2014')).toMatchObject({ value: 25, status: 'target', passage: SLIDE12 });
  });

  it('keeps the USD bound for Saran and Shakhtinsk as a band, not as a number', () => {
    for (const town of ['saran', 'shakhtinsk']) {
      expect(one(town, 'wage_band_class', '2018')).toMatchObject({ value: null, valueText: 'below_usd_300', status: 'actual', passage: SLIDE6 });
      expect(find(town, 'avg_monthly_wage_kzt', '2018')).toHaveLength(0);
    }
  });
});
