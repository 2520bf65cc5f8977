import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.js';
import { importProgramsYaml } from '../../src/io/importers/programs.importer.js';
import type { Program } from '../../src/domain/programs.js';
import type { DataIssue } from '../../src/domain/errors.js';
import { formatIssue } from '../../src/domain/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'rules', 'programs');

function column(file: string, name: string, filter: (cells: Record<string, string>) => boolean = () => true): Set<string> {
  const { table } = parseCsv(file, readFileSync(join(ROOT, file)));
  return new Set(table!.rows.filter((r) => filter(r.cells)).map((r) => r.cells[name]));
}

let programs: Program[] = [];
let issues: DataIssue[] = [];
const byId = (id: string): Program => {
  const p = programs.find((x) => x.id === id);
  if (!p) throw new Error(`program ${id} is missing from rules/programs`);
  return p;
};

beforeAll(() => {
  const files = readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `rules/programs/${f}`, text: readFileSync(join(DIR, f), 'utf8') }));
  const refs = {
    indicators: new Set(readdirSync(join(ROOT, 'catalogue', 'indicators')).flatMap((f) => (f.endsWith('.yaml') ? [f.slice(0, -5)] : []))),
    towns: column('data/kz-monotowns.csv', 'id'),
    sourceFiles: column('data/sources.csv', 'file', (c) => c.kind === 'document'),
  };
  ({ programs, issues } = importProgramsYaml(files, refs));
});

describe('rules/programs', () => {
  it('loads every file without an issue against the catalogue, the towns and the seed list', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    expect(programs.length).toBe(readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).length);
  });

  // The programs the seeds describe, with their legal act as the seeds give it.
  it.each<[string, string | null, string | null, number | null]>([
    ['regional-policy-concept-2002-2006', '1598', '2001-12-07', null],
    ['small-towns-development-2004-2006', '1389', '2003-12-31', null],
    ['monotowns-development-2012-2020', '683', '2012-05-25', null],
    ['monotowns-program-implementation-2012', '1449', '2012-11-15', null],
    ['regions-development-2020', '728', '2014-06-28', null],
    ['road-map-of-business-2020', null, '2014-03-31', null],
    ['industrial-innovative-development-2015-2019', null, '2014-08-01', null],
    ['productive-employment-2017-2025', '919', '2016-12-29', null],
    ['road-map-of-employment-2020', '162', '2015-03-31', null],
    ['nurly-zher', '919', '2016-12-29', null],
    ['national-regional-development-2020-2025', '990', null, 2019],
  ])('has %s (act No. %s of %s)', (id, number, date, year) => {
    const act = byId(id).legalAct;
    expect([act.number, act.date, act.year]).toEqual([number, date, year]);
  });

  it('records the kinds and periods the seeds state', () => {
    expect(byId('regional-policy-concept-2002-2006').kind).toBe('concept');
    expect(byId('monotowns-program-implementation-2012').kind).toBe('resolution');
    expect(byId('road-map-of-business-2020').kind).toBe('road_map');
    expect(byId('industrial-innovative-development-2015-2019').legalAct.type).toBe('presidential_decree');
    const m = byId('monotowns-development-2012-2020');
    expect([m.period.from, m.period.to, m.validity.until]).toEqual([2012, 2020, '2015']);
    expect(m.period.stages.map((s) => [s.id, s.from, s.to])).toEqual([
      ['pilot', 2012, 2012],
      ['main', 2013, 2020],
      ['main-initial', 2013, 2014],
      ['main-stable-growth', null, 2020],
    ]);
    expect([byId('productive-employment-2017-2025').period.from, byId('productive-employment-2017-2025').period.to]).toEqual([2017, 2025]);
  });

  // Figures hand-checked against the seeds; the comment names the passage.
  describe('stated figures', () => {
    const instrument = (p: string, id: string) => byId(p).instruments.find((x) => x.id === id)!;
    const target = (p: string, id: string) => byId(p).targets.find((x) => x.id === id)!;
    const budget = (p: string, id: string) => byId(p).budget.find((x) => x.id === id)!;
    const statement = (p: string, id: string) => byId(p).statements.find((x) => x.id === id)!;

    it('grants up to three million tenge (000, Resolution No. 1449)', () => {
      expect(instrument('monotowns-program-implementation-2012', 'grants-new-facilities')).toMatchObject({ kind: 'grant', terms: { max_amount_kzt: 3_000_000 } });
    });
    it('interest subsidy on loans under 10 percent (000, Resolution No. 1449)', () => {
      expect(instrument('monotowns-program-implementation-2012', 'interest-rate-subsidy')).toMatchObject({
        kind: 'interest_rate_subsidy',
        terms: { max_rate_pct: 10 },
      });
    });
    it('anchor projects with up to 100 jobs (000, Effectiveness)', () => {
      expect(instrument('monotowns-development-2012-2020', 'anchor-projects').terms).toEqual({ max_jobs_per_project: 100 });
    });
    it('Kurchatov: +20% industrial output by 2015 against 2011 (000, Effectiveness)', () => {
      expect(target('monotowns-development-2012-2020', 'kurchatov-industrial-output-2015')).toMatchObject({
        indicator: 'industrial_output_mkzt',
        scope: { kind: 'towns', towns: ['kurchatov'] },
        rule: 'change_vs_base_pct',
        value: 20,
        baseYear: 2011,
        deadline: '2015',
      });
    });
    it('program indicators of slide 11: +20% output, twice the small enterprises, unemployment ≤ 5.5% (001)', () => {
      expect(target('monotowns-development-2012-2020', 'industrial-output-plus-20')).toMatchObject({ rule: 'change_vs_base_pct', comparison: 'at_least', value: 20 });
      expect(target('monotowns-development-2012-2020', 'active-small-enterprises-x2')).toMatchObject({
        indicator: 'active_small_enterprises',
        rule: 'multiple_of_base',
        value: 2,
      });
      expect(target('monotowns-development-2012-2020', 'unemployment-max-5-5')).toMatchObject({ indicator: 'unemployment_rate_pct', rule: 'at_most', value: 5.5 });
    });
    it('Productive Employment targets for 2021: 4.8%, 20%, 10%, +10% (000)', () => {
      const p = 'productive-employment-2017-2025';
      expect(target(p, 'unemployment-2021')).toMatchObject({ indicator: 'unemployment_rate_pct', rule: 'at_most', value: 4.8, deadline: '2021' });
      expect(target(p, 'low-education-labour-2021')).toMatchObject({ indicator: 'labour_basic_education_share_pct', rule: 'at_most', value: 20 });
      expect(target(p, 'unproductive-self-employed-2021')).toMatchObject({ indicator: 'self_employed_unproductive_share_pct', rule: 'at_most', value: 10 });
      expect(target(p, 'sme-growth-monotowns-2021')).toMatchObject({
        indicator: 'active_smes',
        scope: { kind: 'all_monotowns' },
        rule: 'change_vs_base_pct',
        comparison: 'at_least',
        value: 10,
        deadline: '2021',
      });
    });
    it('2,206,722 million tenge for the Program for the Development of Regions (000, Effectiveness)', () => {
      expect(budget('regions-development-2020', 'total')).toMatchObject({ amountMkzt: 2_206_722, status: 'planned' });
    });
    it('EUR 675.5 million up to 2015, kept in euros (000, Evolution)', () => {
      expect(budget('monotowns-development-2012-2020', 'investment-to-2015')).toMatchObject({
        amountMkzt: null,
        original: { amount: 675.5, unit: 'million_eur' },
        period: { to: '2015' },
      });
    });
    it('6 anchor projects for 19.1 billion tenge with 650 jobs (001, slide 10)', () => {
      expect(budget('monotowns-development-2012-2020', 'ek-anchor-projects')).toMatchObject({ amountMkzt: 19_100, counts: { projects: 6, jobs: 650 } });
    });
    it('Ekibastuz: more than 1 billion, 558 million tenge for 2013 (000, Effectiveness)', () => {
      expect(budget('monotowns-development-2012-2020', 'ekibastuz-allocated-total')).toMatchObject({ amountMkzt: 1000, qualifier: 'more_than' });
      expect(budget('monotowns-development-2012-2020', 'ekibastuz-allocated-2013')).toMatchObject({ amountMkzt: 558, period: { from: '2013', to: '2013' } });
    });
    it('1.53 million people, 16.8% of the urban population, 27 towns (000, 004)', () => {
      expect(statement('monotowns-development-2012-2020', 'monotowns-population').value).toBe(1_530_000);
      expect(statement('monotowns-development-2012-2020', 'monotowns-urban-population-share').value).toBe(16.8);
      expect(statement('monotowns-development-2012-2020', 'list-of-27-towns')).toMatchObject({ value: 27, year: '2012-03-20' });
    });
    it('the 2002–2006 concept: about 23% of the urban population in monotowns (000)', () => {
      expect(statement('regional-policy-concept-2002-2006', 'monotowns-urban-population-share').value).toBe(23);
    });
    it('30 families moved to Ridder in December 2015 (000, Road Map of Employment 2020)', () => {
      expect(statement('road-map-of-employment-2020', 'ridder-30-families')).toMatchObject({ value: 30, towns: ['ridder'] });
    });
  });
});
