import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/domain/errors.js';
import { effectivenessPanels, scorecard, type TargetObservation, type TargetResult } from '../../src/domain/targets/index.js';
import { loadPrograms } from '../../src/io/programs.js';
import { readReferenceData } from '../../src/io/reader.js';
import { loadRules } from '../../src/io/rules.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

/**
 * Target tracking on the real data, without a database: the programs of rules/programs, the
 * parameters of rules/parameters/targets and the observations of data/observations.
 */
const { bundle, issues } = readReferenceData(PROJECT_ROOT);
const rules = loadRules(PROJECT_ROOT);
const { programs, issues: programIssues } = loadPrograms(PROJECT_ROOT);

const observationsByTown: Record<string, TargetObservation[]> = {};
for (const o of bundle.observations)
  (observationsByTown[o.town] ??= []).push({
    indicator: o.indicator,
    period: o.period,
    value: o.value,
    valueText: o.valueText,
    status: o.status,
    source: `${o.sourceId} | ${o.passage}`,
    note: o.note,
  });
const monotowns = bundle.towns.filter((t) => !t.fictional).map((t) => t.id);
const program = (id: string) => {
  const p = programs.find((x) => x.id === id);
  if (!p) throw new Error(`no program ${id}`);
  return p;
};
const mdp = program('monotowns-development-2012-2020');
const EAST_KAZAKHSTAN = ['ridder', 'kurchatov', 'altai', 'serebryansk'];
const row = (rows: TargetResult[], target: string, town: string) => {
  const r = rows.find((x) => x.target === target && x.town === town);
  if (!r) throw new Error(`no row ${target} × ${town}`);
  return r;
};

describe('scorecards on the reference data', () => {
  it('load without issues', () => {
    expect([...issues, ...rules.issues, ...programIssues].map(formatIssue)).toEqual([]);
    expect(monotowns).toHaveLength(27);
    expect(rules.parameters.has('targets.on_track_tolerance')).toBe(true);
    expect(rules.parameters.has('targets.max_actual_age_years')).toBe(true);
  });

  // Seed 001, slide 11 («Индикаторы программы», East Kazakhstan, columns «На 1.08.2013 года» and «На 1.08.2014 года»).
  const SLIDE_11: Record<string, Record<string, [number, number]>> = {
    'industrial-output-plus-20': { ridder: [45901, 51378], kurchatov: [1169.4, 1322.3], altai: [6724, 8021], serebryansk: [981.2, 1304.2] },
    'active-small-enterprises-x2': { ridder: [185, 183], kurchatov: [33, 34], altai: [120, 123], serebryansk: [19, 20] },
    'unemployment-max-5-5': { ridder: [5, 4.8], kurchatov: [4.4, 4.4], altai: [5.4, 5.4], serebryansk: [5.8, 5.5] },
  };
  const on2013 = scorecard(mdp, observationsByTown, monotowns, rules.parameters, '2013-12-31').rows;
  const on2014 = scorecard(mdp, observationsByTown, monotowns, rules.parameters, '2014-12-31').rows;

  it.each(Object.entries(SLIDE_11).flatMap(([target, towns]) => Object.entries(towns).map(([town, v]) => [target, town, v] as const)))(
    'slide 11: %s for %s is %j on 1.08.2013 and 1.08.2014',
    (target, town, [v2013, v2014]) => {
      expect(row(on2013, target, town).actual).toMatchObject({ value: v2013, period: '2013-08-01' });
      const r = row(on2014, target, town);
      expect(r.actual).toMatchObject({ value: v2014, period: '2014-08-01' });
      expect(r.history.map((f) => [f.period, f.value])).toEqual([
        ['2013-08-01', v2013],
        ['2014-08-01', v2014],
      ]);
      expect(r.actual?.source).toContain('Slide 11');
    },
  );

  it('slide 11, «ИФО / темп роста»: the output column is a volume index (1.08.2014 against 1.08.2013), not the nominal ratio', () => {
    const ifo = { ridder: 88.4, kurchatov: 105.4, altai: 119.3, serebryansk: 132 };
    for (const [town, value] of Object.entries(ifo)) {
      const r = row(on2014, 'industrial-output-plus-20', town);
      expect(r.indexHistory, town).toEqual([expect.objectContaining({ value, period: '2014-08-01', basePeriod: '2013-08-01' })]);
    }
    // Ridder: 51 378 ÷ 45 901 = 111.9 % at current prices, while production fell to 88.4 % in volume.
    expect(row(on2014, 'industrial-output-plus-20', 'ridder').trend?.ratioPct).toBeCloseTo(111.93, 2);
  });

  it('slide 11, small enterprises and unemployment: the growth columns follow from the two dates', () => {
    // «темп роста» 98,9 / 103,0 / 102,5 / 105,2 % and the change −0,2 / 0 / 0 / −0,3 points.
    // Serebryansk: 20 ÷ 19 = 105.26 %, which the slide prints as 105,2 (truncated, not rounded).
    const growth = { ridder: 98.9, kurchatov: 103.0, altai: 102.5, serebryansk: 105.2 };
    for (const [town, pct] of Object.entries(growth)) expect(Math.abs(row(on2014, 'active-small-enterprises-x2', town).trend!.ratioPct! - pct), town).toBeLessThan(0.1);
    const points = { ridder: -0.2, kurchatov: 0, altai: 0, serebryansk: -0.3 };
    for (const [town, pp] of Object.entries(points)) expect(row(on2014, 'unemployment-max-5-5', town).trend!.difference, town).toBeCloseTo(pp, 9);
  });

  it('slide 11, unemployment ≤ 5.5 %: met by all four towns on 1.08.2014; Serebryansk\'s 5.8 % of 2013 is not judged without a deadline', () => {
    for (const town of EAST_KAZAKHSTAN) expect(row(on2014, 'unemployment-max-5-5', town), town).toMatchObject({ status: 'achieved', basis: 'level', polarity: 'at_most' });
    for (const town of ['ridder', 'kurchatov', 'altai']) expect(row(on2013, 'unemployment-max-5-5', town).status, town).toBe('achieved');
    const s = row(on2013, 'unemployment-max-5-5', 'serebryansk');
    expect(s.status).toBe('not_computable');
    expect(s.reason).toContain('the target has no deadline');
  });

  it('slide 11, +20 % output and ×2 small enterprises: no base year and no deadline, so not computable, with the figures shown', () => {
    for (const target of ['industrial-output-plus-20', 'active-small-enterprises-x2'])
      for (const town of EAST_KAZAKHSTAN) {
        const r = row(on2014, target, town);
        expect(r.status).toBe('not_computable');
        expect(r.reason).toMatch(/^no base year/);
        expect(r.basis).toBe('nominal');
        expect(r.achievementPct).toBeNull();
      }
  });

  it("seed 000: Kurchatov's industrial output in 2015 against its +20 % target (2011 = 100) is missed, −244 %", () => {
    const rows = scorecard(mdp, observationsByTown, monotowns, rules.parameters, '2026-11-25').rows;
    const r = row(rows, 'kurchatov-industrial-output-2015', 'kurchatov');
    // (51.2 − 100) ÷ (120 − 100) × 100 = −244 %: production fell 48.8 points where a rise of 20 was planned.
    expect(r).toMatchObject({
      status: 'missed',
      basis: 'volume_index',
      targetValue: 120,
      baseline: { value: 100, period: '2011', from: 'index_base' },
      actual: { value: 51.2, period: '2015', indicator: 'industrial_output_volume_index_pct' },
      deadlineReached: true,
      polarityFrom: 'stated_change',
    });
    expect(r.achievementPct).toBeCloseTo(-244, 9);
    expect(r.changePct).toBeCloseTo(-48.8, 9);
    expect(r.actual?.source).toContain('doc-000-8d3b91899ef0f156 | Effectiveness of program documents');
    expect(rows.filter((x) => x.target === 'kurchatov-industrial-output-2015').map((x) => x.town)).toEqual(['kurchatov']);
  });

  it('a target whose data is absent is not_computable with a reason', () => {
    const temirtau = row(on2014, 'unemployment-max-5-5', 'temirtau');
    expect(temirtau.status).toBe('not_computable');
    expect(temirtau.reason).toBe('no figure for unemployment_rate_pct for temirtau up to 2014-12-31');
    const pe = scorecard(program('productive-employment-2017-2025'), observationsByTown, monotowns, rules.parameters, '2026-11-25').rows;
    const sme = row(pe, 'sme-growth-monotowns-2021', 'ridder');
    expect(sme.status).toBe('not_computable');
    expect(sme.reason).toContain('no base year');
    expect(sme.reason).toContain('no figure for active_smes for ridder');
    expect(row(pe, 'unemployment-2021', 'ridder').reason).toContain('does not say whether the target applies to each monotown');
  });

  it('no target of the data is judged on a made-up figure: every status is explained', () => {
    for (const p of programs)
      for (const r of scorecard(p, observationsByTown, monotowns, rules.parameters, '2026-11-25').rows) {
        if (r.status === 'not_computable') expect(r.reason, `${p.id} ${r.target} ${r.town}`).toBeTruthy();
        else expect(r.actual, `${p.id} ${r.target} ${r.town}`).not.toBeNull();
      }
  });

  it('effectiveness panels for Serebryansk: the figures there are, and why the others are missing', () => {
    const catalogue = new Map(bundle.indicators.map((i) => [i.code, { unit: i.unit }]));
    const panels = effectivenessPanels('serebryansk', observationsByTown.serebryansk, catalogue, '2026-11-25');
    const social = Object.fromEntries(panels.social.map((v) => [v.id, v]));
    expect(social.unemployment_rate).toMatchObject({ value: 5.5, period: '2014-08-01', status: 'computed' });
    expect(social.ageing_share).toMatchObject({ value: 22.1, period: '2021', status: 'computed' });
    expect(social.median_income.reason).toContain('no indicator for median income in the catalogue');
    expect(panels.economic.every((v) => v.status === 'not_computable' && v.reason)).toBe(true);
  });
});
