import { describe, expect, it } from 'vitest';
import { EFFECTIVENESS_PANELS, effectivenessPanels, type PanelValue } from './panels.js';
import type { TargetObservation } from './types.js';

const catalogue = new Map([
  ['unemployment_rate_pct', { unit: '%' }],
  ['share_65_plus_pct', { unit: '%' }],
  ['avg_monthly_wage_kzt', { unit: 'KZT' }],
  ['program_budget_allocated_mkzt', { unit: 'million KZT' }],
]);
const ob = (indicator: string, period: string, value: number): TargetObservation => ({ indicator, period, value, valueText: null, source: `src ${indicator}` });

const serebryansk = [ob('unemployment_rate_pct', '2013-08-01', 5.8), ob('unemployment_rate_pct', '2014-08-01', 5.5), ob('share_65_plus_pct', '2021', 22.1)];
const byId = (values: PanelValue[]) => Object.fromEntries(values.map((v) => [v.id, v]));

describe('effectivenessPanels', () => {
  it('lists the seed 000 panels: four social, three economic indicators', () => {
    expect(EFFECTIVENESS_PANELS.filter((p) => p.panel === 'social').map((p) => p.id)).toEqual([
      'unemployment_rate',
      'jobs_created',
      'median_income',
      'ageing_share',
    ]);
    expect(EFFECTIVENESS_PANELS.filter((p) => p.panel === 'economic').map((p) => p.id)).toEqual([
      'budget_use_efficiency',
      'industrial_cooperation',
      'innovation_level',
    ]);
  });

  it.each<[string, 'social' | 'economic', Partial<PanelValue>, string | null]>([
    ['unemployment_rate', 'social', { value: 5.5, unit: '%', period: '2014-08-01', sources: ['src unemployment_rate_pct'], status: 'computed' }, null],
    ['ageing_share', 'social', { value: 22.1, period: '2021', status: 'computed' }, null],
    [
      'jobs_created',
      'social',
      { value: null, status: 'not_computable' },
      'no indicator for jobs created in the catalogue (Monoqala would record jobs_created)',
    ],
    [
      'median_income',
      'social',
      { value: null, status: 'not_computable' },
      'no indicator for median income in the catalogue (Monoqala would record median_income_kzt); avg_monthly_wage_kzt is not used instead',
    ],
    ['budget_use_efficiency', 'economic', { value: null, status: 'not_computable' }, 'Monoqala would record program_budget_used_mkzt'],
    ['industrial_cooperation', 'economic', { value: null, status: 'not_computable' }, 'without saying how to measure it'],
    ['innovation_level', 'economic', { value: null, status: 'not_computable' }, 'without saying how to measure it'],
  ])('%s (%s)', (id, panel, want, reason) => {
    const r = byId(effectivenessPanels('serebryansk', serebryansk, catalogue, '2026-11-25')[panel])[id];
    expect(r).toMatchObject(want);
    if (reason === null) expect(r.reason).toBeNull();
    else expect(r.reason).toContain(reason);
  });

  it('reads the figures as of a date', () => {
    expect(byId(effectivenessPanels('serebryansk', serebryansk, catalogue, '2013-12-31').social).unemployment_rate).toMatchObject({
      value: 5.8,
      period: '2013-08-01',
    });
    expect(byId(effectivenessPanels('serebryansk', serebryansk, catalogue, '2013-12-31').social).ageing_share.reason).toBe(
      'no figure for share_65_plus_pct for serebryansk up to 2013-12-31',
    );
  });

  it('says when the town has no observation at all', () => {
    expect(byId(effectivenessPanels('temirtau', [], catalogue, '2026-11-25').social).unemployment_rate.reason).toBe('no observation for temirtau');
  });

  it('computes budget use as used ÷ allocated of the same period, when both indicators exist', () => {
    const full = new Map([...catalogue, ['program_budget_used_mkzt', { unit: 'million KZT' }]]);
    const obs = [ob('program_budget_allocated_mkzt', '2013', 558), ob('program_budget_used_mkzt', '2013', 279)];
    expect(byId(effectivenessPanels('ekibastuz', obs, full, '2026-11-25').economic).budget_use_efficiency).toMatchObject({
      value: 50,
      unit: '%',
      period: '2013',
      status: 'computed',
    });
    const allocatedOnly = byId(effectivenessPanels('ekibastuz', obs.slice(0, 1), full, '2026-11-25').economic).budget_use_efficiency;
    expect(allocatedOnly.reason).toContain(
      'no figure for program_budget_used_mkzt for ekibastuz for 2013, the period of the latest allocation (558 million KZT)',
    );
    expect(allocatedOnly.reason).toContain('program_projects_in_procurement_mkzt is not used instead');
  });

  it('rejects a date that is not a date', () => {
    expect(() => effectivenessPanels('x', [], catalogue, '2026')).toThrow(/not a date/);
  });
});
