import { describe, expect, it } from 'vitest';
import { readReferenceData } from '../../src/io/reader.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

const { bundle } = readReferenceData(PROJECT_ROOT);
const find = (town: string, indicator: string, period: string) =>
  bundle.observations.filter((o) => o.town === town && o.indicator === indicator && o.period === period && o.origin.file.endsWith('seed-000.csv'));

const SOURCE = 'doc-000-8d3b91899ef0f156';
const ROLE = 'Role of monotowns in the socio-economic development of the Republic of Kazakhstan';
const EFFECT = 'Effectiveness of program documents for monotowns';

/** The one observation of the seed for this key; fails when there is none or more than one. */
function one(town: string, indicator: string, period: string, status = 'actual') {
  const rows = find(town, indicator, period).filter((o) => o.status === status);
  expect(rows).toHaveLength(1);
  expect(rows[0].sourceId).toBe(SOURCE);
  return rows[0];
}

describe('seed 000 (Bozhko 2017): observations as printed in the paper', () => {
  it('shares of national industrial output of the western oil and gas towns', () => {
    const kulsary = one('kulsary', 'industrial_output_national_share_pct', '2017');
    expect(kulsary.value).toBe(23.76);
    expect(kulsary.passage).toContain('oil and gas monotowns of western Kazakhstan');
    expect(one('aksai', 'industrial_output_national_share_pct', '2017').value).toBe(7.97);
  });

  it('Khromtau: 1.04% of national output, all Kazakh chrome ore, 95% of CIS chrome ore', () => {
    const share = one('khromtau', 'industrial_output_national_share_pct', '2017');
    expect(share.value).toBe(1.04);
    expect(share.passage).toBe(`${ROLE}, paragraph on Khromtau (chrome ore)`);
    expect(one('khromtau', 'main_product_national_share_pct', '2017').value).toBe(100);
    expect(one('khromtau', 'main_product_cis_share_pct', '2017').value).toBe(95);
  });

  it('town-forming enterprises of Rudny and Zhitikara: 1.28% and 0.115% of national output', () => {
    const rudny = one('rudny', 'tfe_industrial_output_national_share_pct', '2017');
    expect(rudny.value).toBe(1.28);
    expect(rudny.note).toContain('Sokolovsko-Sarbaiskoe');
    expect(one('zhitikara', 'tfe_industrial_output_national_share_pct', '2017').value).toBe(0.115);
  });

  it('towns where industrial production closed down: shares and operating state', () => {
    for (const [town, value] of [
      ['zhanatas', 0.011],
      ['karatau', 0.035],
      ['serebryansk', 0.189],
    ] as const) {
      const share = one(town, 'industrial_output_national_share_pct', '2017');
      expect(share.value).toBe(value);
      expect(share.passage).toContain('industrial production closed down');
      expect(one(town, 'tfe_operating_state_class', '2017').valueText).toBe('declining');
    }
  });

  it('the 1% thresholds: Temirtau alone above 1% of the population; 7 towns above 1% of output; 2 of investment', () => {
    expect(one('temirtau', 'population_national_share_over_1pct', '2017').valueText).toBe('yes');
    expect(bundle.observations.filter((o) => o.indicator === 'population_national_share_over_1pct' && o.origin.file.endsWith('seed-000.csv'))).toHaveLength(1);
    const output = bundle.observations.filter((o) => o.indicator === 'industrial_output_national_share_over_1pct' && o.origin.file.endsWith('seed-000.csv'));
    expect(output.map((o) => o.town).sort()).toEqual(['aksai', 'aksu', 'balkhash', 'ekibastuz', 'khromtau', 'kulsary', 'rudny']);
    expect(output.every((o) => o.valueText === 'yes')).toBe(true);
    expect(one('ekibastuz', 'investment_national_share_over_1pct', '2017').valueText).toBe('yes');
  });

  it('Small Towns Development Program 2004–2006: Zyryanovsk (Altai) above the national average output per capita, 2002', () => {
    const altai = one('altai', 'industrial_output_per_capita_above_national_average', '2002');
    expect(altai.valueText).toBe('yes');
    expect(altai.passage).toContain('Small Towns Development Program for 2004–2006');
  });

  it('Karazhal belongs to the depressed towns', () => {
    expect(one('karazhal', 'development_dynamics_class', '2017').valueText).toBe('depressed');
  });

  it('30 families resettled to Ridder in December 2015', () => {
    const ridder = one('ridder', 'resettled_families_count', '2015');
    expect(ridder.value).toBe(30);
    expect(ridder.passage).toContain('Road Map of Employment 2020');
  });

  it('12 monotowns with output down in 2015 against 2011 and key program indicators not achieved', () => {
    const towns = ['aksu', 'altai', 'arkalyk', 'balkhash', 'karatau', 'kurchatov', 'saran', 'serebryansk', 'stepnogorsk', 'temirtau', 'zhanatas', 'zhitikara'];
    const rows = bundle.observations.filter((o) => o.indicator === 'program_targets_achieved' && o.period === '2015' && o.origin.file.endsWith('seed-000.csv'));
    expect(rows.map((o) => o.town).sort()).toEqual(towns);
    expect(rows.every((o) => o.valueText === 'no' && o.passage.startsWith(EFFECT))).toBe(true);
    expect(one('saran', 'industrial_output_trend_class', '2015').valueText).toBe('decrease');
    expect(one('stepnogorsk', 'active_smes_trend_class', '2015').valueText).toBe('decrease');
  });

  it('Kurchatov: +20% target for 2015 against 2011, 48.8% below the 2011 level in fact', () => {
    const target = one('kurchatov', 'industrial_output_volume_index_pct', '2015', 'target');
    expect(target.value).toBe(120);
    const actual = one('kurchatov', 'industrial_output_volume_index_pct', '2015');
    expect(actual.value).toBe(51.2);
    expect(actual.note).toContain('48.8%');
    expect(actual.passage).toBe(`${EFFECT}, paragraph on Kurchatov (industrial production target for 2015)`);
    expect(one('kurchatov', 'production_decline_cause_class', '2015').valueText).toBe('contract_ended');
  });

  it('anchor projects not implemented and investment down in the named towns', () => {
    expect(one('ridder', 'anchor_project_implemented', '2015').valueText).toBe('no');
    expect(one('aksai', 'investment_fixed_capital_trend_class', '2015').valueText).toBe('decrease');
  });

  it('Ekibastuz: 558 million tenge for 2013; 50 projects worth some 153 million tenge still in procurement', () => {
    expect(one('ekibastuz', 'program_budget_allocated_mkzt', '2013').value).toBe(558);
    expect(one('ekibastuz', 'program_projects_in_procurement_count', '2013').value).toBe(50);
    const worth = one('ekibastuz', 'program_projects_in_procurement_mkzt', '2013');
    expect(worth.value).toBe(153);
    expect(worth.passage).toContain('underutilization of budget funds');
    expect(one('ekibastuz', 'budget_funds_underused', '2013').valueText).toBe('yes');
  });
});
