import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { importProgramYaml, importProgramsYaml } from './programs.importer.js';

const SEED = '000_8d3b91899ef0f156.txt';
const SRC = `${SEED} | Evolution of instruments for state support of monotowns`;
const refs = {
  indicators: new Set(['unemployment_rate_pct', 'industrial_output_mkzt']),
  towns: new Set(['ridder', 'kurchatov']),
  sourceFiles: new Set([SEED]),
};

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A small program that passes every check; each case below breaks one thing. */
function base(): Doc {
  return {
    id: 'demo-program',
    kind: 'program',
    name: { kk: 'Бағдарлама', ru: 'Программа', en: 'Program' },
    name_note: 'kk and ru are translations',
    legal_act: { type: 'government_resolution', number: '683', date: '2012-05-25', source: SRC },
    validity: { since: null, until: 2015, note: 'entry into force not stated', source: SRC },
    period: { from: 2012, to: 2020, source: SRC, stages: [{ id: 'pilot', name: 'pilot stage', from: 2012, to: 2012, source: SRC }] },
    directions: [{ id: 'sme', name: { en: 'SME development' }, source: SRC }],
    instruments: [
      {
        id: 'grants',
        name: { kk: 'Гранттар', ru: 'Гранты', en: 'Grants' },
        kind: 'grant',
        description: 'grants for new facilities',
        direction: 'sme',
        terms: { max_amount_kzt: 3000000 },
        terms_wording: 'grants up to three million tenge',
        source: SRC,
      },
    ],
    budget: [
      {
        id: 'total',
        amount_mkzt: 19100,
        original: { amount: 19.1, unit: 'billion_kzt' },
        wording: '19,1 млрд. тенге',
        status: 'planned',
        period: { from: 2013, to: 2014 },
        covers: 'anchor projects',
        instrument: 'grants',
        counts: { projects: 6 },
        source: SRC,
      },
    ],
    targets: [
      {
        id: 'unemployment',
        indicator: 'unemployment_rate_pct',
        scope: { kind: 'all_monotowns' },
        rule: 'at_most',
        value: 5.5,
        deadline: 2020,
        wording: 'не более 5,5%',
        source: SRC,
      },
      {
        id: 'kurchatov-output',
        indicator: 'industrial_output_mkzt',
        scope: { kind: 'towns', towns: ['kurchatov'] },
        rule: 'change_vs_base_pct',
        comparison: 'unspecified',
        value: 20,
        base_year: 2011,
        deadline: 2015,
        wording: 'an increase of 20%',
        source: [SRC, `${SEED} | Effectiveness of program documents`],
      },
    ],
    findings: [{ id: 'kurchatov-2015', wording: '48.8% below 2011', towns: ['kurchatov'], target: 'kurchatov-output', source: SRC }],
    relations: [{ kind: 'continues', document: 'Программа занятости 2020', source: SRC }],
  };
}

const load = (doc: Doc, file = 'rules/programs/demo-program.yaml') => importProgramYaml(file, stringify(doc), refs);

describe('programs importer', () => {
  it('reads a valid program into typed, normalised records', () => {
    const { program, issues } = load(base());
    expect(issues).toEqual([]);
    expect(program).not.toBeNull();
    expect(program!.legalAct).toMatchObject({ type: 'government_resolution', number: '683', date: '2012-05-25', year: null, sources: [SRC] });
    expect(program!.validity).toMatchObject({ since: null, until: '2015' });
    expect(program!.instruments[0].terms).toEqual({ max_amount_kzt: 3000000 });
    expect(program!.budget[0]).toMatchObject({ amountMkzt: 19100, qualifier: 'exact', counts: { projects: 6 }, period: { from: '2013', to: '2014' } });
    expect(program!.targets[1]).toMatchObject({ rule: 'change_vs_base_pct', comparison: 'unspecified', baseYear: 2011, deadline: '2015' });
    expect(program!.targets[1].sources).toHaveLength(2);
    expect(program!.goals).toEqual([]);
  });

  // Each case breaks the base program in one way: [what, change, field path, message pattern].
  const cases: [string, (d: Doc) => void, string, RegExp][] = [
    ['unknown top-level key', (d) => (d.budjet = []), 'budjet', /unknown key "budjet" \(did you mean "budget"\?\)/],
    ['unknown nested key', (d) => (d.targets[0].dedline = 2020), 'targets[0].dedline', /did you mean "deadline"/],
    ['missing required key', (d) => delete d.targets[0].deadline, 'targets[0].deadline', /"deadline" is required/],
    ['number written as text', (d) => (d.targets[0].value = '5.5'), 'targets[0].value', /must be a number/],
    ['text written as number', (d) => (d.legal_act.number = 683), 'legal_act.number', /must be text.*"683"/],
    ['impossible date', (d) => (d.legal_act.date = '2012-02-30'), 'legal_act.date', /is not a date; write YYYY-MM-DD/],
    ['year where a date belongs', (d) => (d.legal_act.date = 2019), 'legal_act.date', /date: null and year: 2019/],
    ['date disagreeing with year', (d) => (d.legal_act.year = 2013), 'legal_act.year', /differs from the date/],
    ['bad deadline', (d) => (d.targets[0].deadline = 'soon'), 'targets[0].deadline', /not a year or a date/],
    ['null deadline without a note', (d) => (d.targets[0].deadline = null), 'targets[0].note', /a note is required because the deadline is null/],
    ['null act number without a note', (d) => (d.legal_act.number = null), 'legal_act.note', /number is null/],
    [
      'unknown indicator',
      (d) => (d.targets[0].indicator = 'jobs_created'),
      'targets[0].indicator',
      /not in the indicator catalogue.*catalogue\/indicators\/jobs_created\.yaml/,
    ],
    ['unknown town', (d) => (d.targets[1].scope.towns = ['zyryanovsk']), 'targets[1].scope.towns[0]', /not a town id/],
    ['town list on a non-town scope', (d) => (d.targets[0].scope.towns = ['ridder']), 'targets[0].scope.towns', /only to scope kind "towns"/],
    ['unstated scope without a note', (d) => (d.targets[0].scope = { kind: 'unstated' }), 'targets[0].scope.note', /scope is unstated/],
    ['relative rule without comparison', (d) => delete d.targets[1].comparison, 'targets[1].comparison', /needs comparison/],
    ['absolute rule with comparison', (d) => (d.targets[0].comparison = 'at_most'), 'targets[0].comparison', /remove comparison/],
    ['relative rule without base_year', (d) => delete d.targets[1].base_year, 'targets[1].base_year', /compares with a base year/],
    ['unknown rule', (d) => (d.targets[0].rule = 'below'), 'targets[0].rule', /not one of at_least, at_most, change_vs_base_pct, multiple_of_base/],
    ['deadline before the base year', (d) => (d.targets[1].deadline = 2010), 'targets[1].deadline', /before the base year/],
    ['missing source', (d) => delete d.instruments[0].source, 'instruments[0].source', /"source" is required/],
    ['source without a passage', (d) => (d.instruments[0].source = 'seed 000, p. 3'), 'instruments[0].source', /is not "<seed file name> \| <passage>"/],
    ['source citing an unknown file', (d) => (d.targets[1].source[1] = 'report.pdf | p. 3'), 'targets[1].source[1]', /not a known source file/],
    ['unknown instrument kind', (d) => (d.instruments[0].kind = 'subsidy'), 'instruments[0].kind', /"subsidy" is not one of .*interest_rate_subsidy/],
    ['terms without their wording', (d) => delete d.instruments[0].terms_wording, 'instruments[0].terms_wording', /quote the passage/],
    ['unknown term', (d) => (d.instruments[0].terms = { max_amount: 3 }), 'instruments[0].terms.max_amount', /did you mean "max_amount_kzt"/],
    ['rate above 100', (d) => (d.instruments[0].terms = { max_rate_pct: 1000 }), 'instruments[0].terms.max_rate_pct', /not a percentage rate/],
    ['unknown direction', (d) => (d.instruments[0].direction = 'export'), 'instruments[0].direction', /not a direction id in this file; use one of sme/],
    ['duplicate item id', (d) => d.instruments.push({ ...d.instruments[0] }), 'instruments[1].id', /appears twice/],
    ['item id not kebab-case', (d) => (d.directions[0].id = 'SME_dev'), 'directions[0].id', /not a kebab-case id/],
    ['amount not matching its original', (d) => (d.budget[0].amount_mkzt = 1910), 'budget[0].amount_mkzt', /does not match the original 19.1 billion_kzt/],
    ['euros converted without a rate', (d) => (d.budget[0].original.unit = 'million_eur'), 'budget[0].amount_mkzt', /no exchange rate/],
    ['unknown budget instrument', (d) => (d.budget[0].instrument = 'loans'), 'budget[0].instrument', /not an instrument id in this file/],
    ['negative count', (d) => (d.budget[0].counts = { projects: -1 }), 'budget[0].counts.projects', /whole number ≥ 0/],
    ['period ending before it starts', (d) => (d.period.to = 2010), 'period.to', /before from/],
    ['stage outside the period', (d) => (d.period.stages[0].from = 2011), 'period.stages[0].from', /before the program period/],
    ['missing name language', (d) => delete d.name.kk, 'name.kk', /"kk" is required/],
    ['finding naming an unknown target', (d) => (d.findings[0].target = 'output'), 'findings[0].target', /not a target id in this file/],
    ['relation with program and document', (d) => (d.relations[0].program = 'other'), 'relations[0]', /exactly one of program/],
    ['list written as a mapping', (d) => (d.targets = { id: 'x' }), 'targets', /must be a list/],
    ['unknown program kind', (d) => (d.kind = 'strategy'), 'kind', /not one of concept, program, road_map, resolution, plan/],
  ];

  it.each(cases)('reports %s', (_what, change, column, message) => {
    const doc = base();
    change(doc);
    const { program, issues } = load(doc);
    expect(program).toBeNull();
    const hit = issues.find((i) => i.column === column);
    expect(hit, `no issue at ${column}; got ${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.file).toBe('rules/programs/demo-program.yaml');
    expect(hit!.message).toMatch(message);
  });

  it('reports every problem at once, each with its line', () => {
    const doc = base();
    doc.legal_act.date = '25.05.2012';
    doc.targets[0].indicator = 'nope';
    delete doc.instruments[0].source;
    const text = stringify(doc);
    const { issues } = importProgramYaml('rules/programs/demo-program.yaml', text, refs);
    expect(issues.map((i) => i.column).sort()).toEqual(['instruments[0].source', 'legal_act.date', 'targets[0].indicator']);
    const lines = text.split('\n');
    const dateIssue = issues.find((i) => i.column === 'legal_act.date')!;
    expect(lines[dateIssue.row! - 1]).toContain('25.05.2012');
    const indicatorIssue = issues.find((i) => i.column === 'targets[0].indicator')!;
    expect(lines[indicatorIssue.row! - 1]).toContain('nope');
  });

  it('does not echo a structural problem with follow-on semantic ones', () => {
    const doc = base();
    doc.targets[1].rule = 'grow';
    const { issues } = load(doc);
    expect(issues.filter((i) => i.column?.startsWith('targets[1]')).map((i) => i.column)).toEqual(['targets[1].rule']);
  });

  it('requires the id to equal the file name', () => {
    const { issues } = load(base(), 'rules/programs/other-name.yaml');
    expect(issues).toEqual([expect.objectContaining({ column: 'id', message: expect.stringMatching(/must equal the file name "other-name"/) })]);
  });

  it('skips reference checks whose set is not given', () => {
    const doc = base();
    doc.targets[0].indicator = 'anything_goes';
    expect(importProgramYaml('demo-program.yaml', stringify(doc)).issues).toEqual([]);
  });

  it.each([
    ['broken syntax', 'id: x\nname: [unclosed\n'],
    ['duplicate keys', 'id: x\nid: y\n'],
  ])('reports invalid YAML (%s) with its line', (_what, text) => {
    const { program, issues } = importProgramYaml('x.yaml', text);
    expect(program).toBeNull();
    expect(issues[0]).toMatchObject({ file: 'x.yaml', message: expect.stringMatching(/^not valid YAML/) });
    expect(issues[0].row).toBeGreaterThan(0);
  });

  it('reports a file that is not a mapping', () => {
    expect(importProgramYaml('x.yaml', '- a\n- b\n').issues[0].message).toMatch(/must be a mapping/);
  });
});

describe('programs importer across files', () => {
  const other = (): Doc => {
    const d = base();
    d.id = 'other-program';
    d.relations = [{ kind: 'implements', program: 'demo-program', source: SRC }];
    d.budget[0].instrument = 'demo-program#grants';
    d.instruments[0].legal_basis = 'demo-program';
    return d;
  };
  const file = (d: Doc) => ({ file: `rules/programs/${d.id}.yaml`, text: stringify(d) });

  it('accepts references to other programs and their instruments', () => {
    const { programs, issues } = importProgramsYaml([file(base()), file(other())], refs);
    expect(issues).toEqual([]);
    expect(programs.map((p) => p.id)).toEqual(['demo-program', 'other-program']);
  });

  it.each<[string, (d: Doc) => void, string, RegExp]>([
    ['a relation to an unknown program', (d) => (d.relations[0].program = 'missing'), 'relations[0].program', /"missing" is not a program id/],
    ['an unknown legal basis', (d) => (d.instruments[0].legal_basis = 'missing'), 'instruments[0].legal_basis', /"missing" is not a program id/],
    [
      'an unknown instrument of another program',
      (d) => (d.budget[0].instrument = 'demo-program#loans'),
      'budget[0].instrument',
      /"loans" is not an instrument of demo-program/,
    ],
  ])('reports %s and leaves that program out', (_what, change, column, message) => {
    const d = other();
    change(d);
    const { programs, issues } = importProgramsYaml([file(base()), file(d)], refs);
    expect(issues).toEqual([expect.objectContaining({ file: 'rules/programs/other-program.yaml', column, message: expect.stringMatching(message) })]);
    expect(programs.map((p) => p.id)).toEqual(['demo-program']);
  });

  it('reports two files with one id', () => {
    const { issues } = importProgramsYaml([file(base()), { file: 'copy/demo-program.yaml', text: stringify(base()) }], refs);
    expect(issues).toEqual([expect.objectContaining({ file: 'copy/demo-program.yaml', column: 'id', message: expect.stringMatching(/used by two files/) })]);
  });
});
