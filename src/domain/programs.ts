/**
 * State programs and their instruments as data (`rules/programs/<id>.yaml`).
 *
 * Pure: the types, the fixed vocabularies (program kinds, instrument kinds, target rules …) and the
 * checks that need no I/O. Parsing YAML and reporting issues with file and line is the importer's
 * job (`src/io/importers/programs.importer.ts`); the checks here return issues with the field path
 * in the file's own terms (`targets[2].deadline`), so a message can say where to look.
 */
import { isPeriod, periodYear, type Period } from './periods.js';
import type { LocalisedName } from './registry.js';

/** What a document is. `plan` covers approved development plans that are neither programs nor road maps. */
export const PROGRAM_KINDS = ['concept', 'program', 'road_map', 'resolution', 'plan'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** The form of the approving act, when a source names it. */
export const LEGAL_ACT_TYPES = {
  government_resolution: 'Resolution (постановление) of the Government of the Republic of Kazakhstan',
  presidential_decree: 'act of the President of the Republic of Kazakhstan (decree, order)',
} as const;
export type LegalActType = keyof typeof LEGAL_ACT_TYPES;

/** The fixed list of instrument kinds; `kind` in a program file must be one of these keys. */
export const INSTRUMENT_KINDS = {
  interest_rate_subsidy: 'subsidy of part of the interest rate on bank loans or leasing',
  loan_guarantee: 'partial guarantee on bank loans',
  grant: 'state grant (non-repayable)',
  microcredit: 'microcredit',
  loan: 'loan (credit) the source does not call a microcredit',
  anchor_project: '"anchor" investment project in a town',
  investment_project: 'large investment project or state investment (e.g. under the Industrialisation Map)',
  production_placement: 'auxiliary or service production of town-forming enterprises or national companies placed in the town',
  strategic_investor: 'attracting strategic investors to restore or create specialisations',
  procurement_allocation: 'placing procurement in small towns and monotowns',
  cost_reimbursement: "refund or part-payment of a business's costs (gas, electricity, land, buildings)",
  tax_relief: 'deferral of tax debts or other tax relief',
  geological_exploration: 'geological exploration and prospecting of deposits',
  industrial_infrastructure: 'manufacturing (industrial) infrastructure for business',
  infrastructure_investment: 'engineering, utility, transport or social infrastructure',
  targeted_transfer: 'targeted transfer from the republican budget',
  urban_improvement: 'current repair and improvement (благоустройство) of the town',
  housing: 'housing construction and housing provision',
  mortgage_support: 'lowering mortgage rates and other mortgage support',
  relocation_support: 'relocation package: moving costs, housing or hostel places, jobs',
  job_support: 'state support for keeping existing jobs or creating new ones',
  subsidised_employment: 'social jobs, youth practice and other subsidised employment',
  training: 'training, retraining and vocational education',
  business_services: 'service support for business',
  export_support: 'support for export-oriented industries',
  priority_sector_support: 'state support for priority sectors or economic niches',
  business_support_package: 'state business support the source reports as one line (grants, loans and subsidies together)',
  partnership: 'partnership programme with enterprises (contracts, long-term agreements)',
  planning: 'development planning: comprehensive development plans, corrections of master plans',
} as const;
export type InstrumentKind = keyof typeof INSTRUMENT_KINDS;

/** Terms an instrument may state; only numbers a source gives. */
export const TERM_KEYS = {
  max_amount_kzt: 'largest amount per recipient or project, in tenge',
  min_amount_kzt: 'smallest amount per recipient or project, in tenge',
  max_rate_pct: 'highest interest rate of the loans the instrument applies to, in per cent a year',
  term_years: 'term in years',
  max_jobs_per_project: 'largest number of jobs one project is to create',
} as const;
export type TermKey = keyof typeof TERM_KEYS;

/**
 * How a target compares the indicator with its stated value:
 * - `at_least` / `at_most`: an absolute bound on the indicator's value (in the indicator's unit);
 * - `change_vs_base_pct`: (value at the deadline ÷ value in the base year − 1) × 100, against `value` per cent;
 * - `multiple_of_base`: value at the deadline ÷ value in the base year, against `value`.
 */
export const TARGET_RULES = ['at_least', 'at_most', 'change_vs_base_pct', 'multiple_of_base'] as const;
export type TargetRule = (typeof TARGET_RULES)[number];
export const RELATIVE_RULES: readonly TargetRule[] = ['change_vs_base_pct', 'multiple_of_base'];

/** For relative rules: whether the stated change is a floor, a ceiling, or a figure the source does not qualify. */
export const COMPARISONS = ['at_least', 'at_most', 'unspecified'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Whom a target or a budget line covers. `unstated` when the source does not say (a note must explain). */
export const SCOPE_KINDS = ['all_monotowns', 'towns', 'country', 'unstated'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** Units of a budget figure as the source states it, with the factor to million tenge (null: no rate in the sources). */
export const AMOUNT_UNITS = {
  kzt: 1e-6,
  thousand_kzt: 1e-3,
  million_kzt: 1,
  billion_kzt: 1e3,
  million_eur: null,
} as const;
export type AmountUnit = keyof typeof AMOUNT_UNITS;

export const AMOUNT_QUALIFIERS = ['exact', 'about', 'more_than'] as const;
export type AmountQualifier = (typeof AMOUNT_QUALIFIERS)[number];

/**
 * What a budget figure is, in the source's words: planned (запланировано, предусмотрено), allocated
 * (выделено), approved (одобрено), contracted (contracts signed), or unspecified when the source gives
 * the amount without saying which.
 */
export const BUDGET_STATUSES = ['planned', 'allocated', 'approved', 'contracted', 'unspecified'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

/** Counts a budget line may state next to its amount. */
export const COUNT_KEYS = ['projects', 'jobs', 'exploration_plots', 'contracts', 'agreements', 'apartment_buildings'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export const RELATION_KINDS = {
  implements: 'this act implements the other program',
  part_of: 'this program is a part of the other (and was absorbed into it)',
  includes: 'the other program or document is a part of this one',
  continues: 'this program continues the measures of the other',
  succeeds: 'this program or plan follows the other',
  uses_criteria_of: 'this program uses the criteria the other established',
  based_on: 'this program was developed on the basis of the other document',
} as const;
export type RelationKind = keyof typeof RELATION_KINDS;

export const LANGS = ['kk', 'ru', 'en'] as const;

/** Source references are `"<seed file name> | <passage>"`; an item may carry several. */
export type SourceRefText = string;

export interface Amendment {
  date: Period | null;
  wording: string;
  note: string | null;
  sources: SourceRefText[];
}

export interface LegalAct {
  type: LegalActType | null;
  /** The act's form in the source's words, e.g. "Resolution of the Government of the Republic of Kazakhstan". */
  typeWording: string | null;
  number: string | null;
  /** YYYY-MM-DD; null when a source gives no full date (then `year` or `note`). */
  date: string | null;
  year: number | null;
  title: string | null;
  amendments: Amendment[];
  note: string | null;
  sources: SourceRefText[];
}

export interface Validity {
  since: Period | null;
  until: Period | null;
  note: string | null;
  sources: SourceRefText[];
}

export interface Stage {
  id: string;
  name: string;
  from: number | null;
  to: number | null;
  note: string | null;
  sources: SourceRefText[];
}

export interface ProgramPeriod {
  from: number | null;
  to: number | null;
  stages: Stage[];
  note: string | null;
  sources: SourceRefText[];
}

export interface Scope {
  kind: ScopeKind;
  towns: string[];
  note: string | null;
}

export interface Goal {
  id: string;
  wording: string;
  note: string | null;
  sources: SourceRefText[];
}

export interface Direction {
  id: string;
  name: Partial<LocalisedName> & { en: string };
  nameNote: string | null;
  description: string | null;
  note: string | null;
  sources: SourceRefText[];
}

export interface BudgetLine {
  id: string;
  /** The amount converted to million tenge; null when it cannot be converted from the sources (e.g. euros). */
  amountMkzt: number | null;
  original: { amount: number; unit: AmountUnit };
  qualifier: AmountQualifier;
  wording: string;
  status: BudgetStatus;
  period: { from: Period | null; to: Period | null };
  covers: string;
  funder: string | null;
  scope: Scope | null;
  /** An instrument id in this file, or `<program id>#<instrument id>`. */
  instrument: string | null;
  counts: Partial<Record<CountKey, number>>;
  note: string | null;
  sources: SourceRefText[];
}

export interface Instrument {
  id: string;
  name: LocalisedName;
  nameNote: string | null;
  kind: InstrumentKind;
  description: string;
  direction: string | null;
  /** Program id of the act that sets this instrument, when it is not the file's own act. */
  legalBasis: string | null;
  beneficiaries: string | null;
  terms: Partial<Record<TermKey, number>>;
  termsWording: string | null;
  note: string | null;
  sources: SourceRefText[];
}

export interface Target {
  id: string;
  indicator: string;
  scope: Scope;
  rule: TargetRule;
  comparison: Comparison | null;
  value: number;
  baseYear: number | null;
  baselineValue: number | null;
  deadline: Period | null;
  wording: string;
  note: string | null;
  sources: SourceRefText[];
}

/** A target indicator a program names without a value the sources give. */
export interface NamedIndicator {
  id: string;
  wording: string;
  indicator: string | null;
  note: string | null;
  sources: SourceRefText[];
}

export interface Definition {
  id: string;
  term: string;
  wording: string;
  note: string | null;
  sources: SourceRefText[];
}

/** A fact the program document states (as the seed reports it), with its figure when there is one. */
export interface Statement {
  id: string;
  wording: string;
  value: number | null;
  unit: string | null;
  year: Period | null;
  towns: string[];
  indicator: string | null;
  note: string | null;
  sources: SourceRefText[];
}

/** What a source found about the program's results. */
export interface Finding {
  id: string;
  wording: string;
  towns: string[];
  target: string | null;
  note: string | null;
  sources: SourceRefText[];
}

export interface Relation {
  kind: RelationKind;
  program: string | null;
  document: string | null;
  note: string | null;
  sources: SourceRefText[];
}

export interface Program {
  id: string;
  kind: ProgramKind;
  name: LocalisedName;
  nameNote: string | null;
  legalAct: LegalAct;
  validity: Validity;
  period: ProgramPeriod;
  goals: Goal[];
  directions: Direction[];
  budget: BudgetLine[];
  instruments: Instrument[];
  targets: Target[];
  namedIndicators: NamedIndicator[];
  definitions: Definition[];
  statements: Statement[];
  findings: Finding[];
  relations: Relation[];
  note: string | null;
}

/** The sets to check references against; a check is skipped when its set is not given. */
export interface ProgramReferenceSets {
  indicators?: ReadonlySet<string>;
  towns?: ReadonlySet<string>;
  /** File names a source reference may cite, e.g. `000_8d3b91899ef0f156.txt`. */
  sourceFiles?: ReadonlySet<string>;
}

export interface ProgramIssue {
  /** Field path in the file's terms, e.g. `targets[2].deadline`; empty for the whole file. */
  path: string;
  message: string;
}

export interface ProgramSetIssue extends ProgramIssue {
  program: string;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SOURCE_REF = /^([^|]*\S)\s+\|\s+(\S.*)$/;

export function isKebabId(s: string): boolean {
  return KEBAB.test(s);
}

/** Splits `"<file> | <passage>"`; null when the text has not that shape. */
export function parseSourceRef(s: string): { file: string; passage: string } | null {
  const m = SOURCE_REF.exec(s.trim());
  return m ? { file: m[1].trim(), passage: m[2].trim() } : null;
}

/** Converts a budget figure to million tenge; null when the unit has no factor from the sources. */
export function toMillionKzt(amount: number, unit: AmountUnit): number | null {
  const f = AMOUNT_UNITS[unit];
  return f === null ? null : amount * f;
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Checks one program for what the types cannot say: ids, dates in order, notes where a value is
 * unknown, sources, conversions, and references within the file and to the given sets. Returns
 * every issue found; an empty list means the program is consistent.
 */
export function validateProgram(p: Program, refs: ProgramReferenceSets = {}): ProgramIssue[] {
  const issues: ProgramIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const sources = (path: string, list: SourceRefText[]) => {
    if (list.length === 0) add(`${path}.source`, 'a source is required: write source: "<seed file name> | <passage>" (section heading, table or slide)');
    list.forEach((s, i) => {
      const at = list.length > 1 ? `${path}.source[${i}]` : `${path}.source`;
      const ref = parseSourceRef(s);
      if (!ref) add(at, `"${s}" is not "<seed file name> | <passage>"; write the file name, " | ", then the section heading, table or slide`);
      else if (refs.sourceFiles && !refs.sourceFiles.has(ref.file))
        add(at, `"${ref.file}" is not a known source file; use one of ${[...refs.sourceFiles].sort().join(', ')}`);
    });
  };
  const noteRequired = (path: string, note: string | null, why: string) => {
    if (!note || !note.trim()) add(`${path}.note`, `a note is required because ${why}; say what the sources give and why the value is unknown`);
  };
  const ids = <T extends { id: string }>(list: string, items: T[]) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (!isKebabId(it.id))
        add(`${list}[${i}].id`, `"${it.id}" is not a kebab-case id; use lowercase latin letters, digits and hyphens, e.g. "interest-subsidy"`);
      if (seen.has(it.id)) add(`${list}[${i}].id`, `"${it.id}" appears twice in ${list}; give each item its own id`);
      seen.add(it.id);
    });
  };
  const towns = (path: string, list: string[]) => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      if (refs.towns && !refs.towns.has(t)) add(`${path}[${i}]`, `"${t}" is not a town id; use a slug from data/kz-monotowns.csv, e.g. "ridder"`);
      if (seen.has(t)) add(`${path}[${i}]`, `"${t}" is listed twice`);
      seen.add(t);
    });
  };
  const indicator = (path: string, code: string | null) => {
    if (code !== null && refs.indicators && !refs.indicators.has(code))
      add(path, `"${code}" is not in the indicator catalogue; use a code from catalogue/indicators/ or add catalogue/indicators/${code}.yaml`);
  };
  const scope = (path: string, s: Scope) => {
    if (s.kind === 'towns') {
      if (s.towns.length === 0) add(`${path}.towns`, 'scope "towns" needs a non-empty list of town ids');
      towns(`${path}.towns`, s.towns);
    } else if (s.towns.length > 0) add(`${path}.towns`, `a town list belongs only to scope kind "towns"; set kind: towns or remove the list`);
    if (s.kind === 'unstated') noteRequired(path, s.note, 'the scope is unstated');
  };
  const yearOrder = (path: string, from: number | string | null, to: number | string | null, fromKey: string, toKey: string) => {
    if (from === null || to === null) return;
    const a = typeof from === 'number' ? from : periodYear(from);
    const b = typeof to === 'number' ? to : periodYear(to);
    if (a > b || (typeof from === 'string' && typeof to === 'string' && from > to))
      add(`${path}.${toKey}`, `${toKey} (${to}) is before ${fromKey} (${from}); swap or correct them`);
  };

  if (!isKebabId(p.id)) add('id', `"${p.id}" is not a kebab-case id; use lowercase latin letters, digits and hyphens, equal to the file name`);
  for (const l of LANGS)
    if (!p.name[l]?.trim()) add(`name.${l}`, `the name in "${l}" is required; where no source gives it, translate faithfully and say so in name_note`);

  // Legal act
  const a = p.legalAct;
  if (a.date !== null && (!FULL_DATE.test(a.date) || !isPeriod(a.date)))
    add('legal_act.date', `"${a.date}" is not a date; write YYYY-MM-DD, or null with a note`);
  if (a.date !== null && a.year !== null && FULL_DATE.test(a.date) && periodYear(a.date) !== a.year)
    add('legal_act.year', `year ${a.year} differs from the date ${a.date}; keep one or make them agree`);
  if (a.type === null || a.number === null || a.date === null)
    noteRequired(
      'legal_act',
      a.note,
      `the act's ${[a.type === null && 'type', a.number === null && 'number', a.date === null && 'date'].filter(Boolean).join(', ')} is null`,
    );
  sources('legal_act', a.sources);
  a.amendments.forEach((m, i) => {
    if (m.date === null) noteRequired(`legal_act.amendments[${i}]`, m.note, 'the date is null');
    sources(`legal_act.amendments[${i}]`, m.sources);
  });

  // Validity and period
  const v = p.validity;
  yearOrder('validity', v.since, v.until, 'since', 'until');
  if (v.since === null || v.until === null) noteRequired('validity', v.note, 'since or until is null');
  if (v.since !== null || v.until !== null || v.sources.length) sources('validity', v.sources);
  const per = p.period;
  yearOrder('period', per.from, per.to, 'from', 'to');
  if (per.from === null || per.to === null) noteRequired('period', per.note, 'from or to is null');
  if (per.from !== null || per.to !== null || per.sources.length) sources('period', per.sources);
  ids('period.stages', per.stages);
  per.stages.forEach((s, i) => {
    const at = `period.stages[${i}]`;
    yearOrder(at, s.from, s.to, 'from', 'to');
    if (s.from === null || s.to === null) noteRequired(at, s.note, 'from or to is null');
    if (per.from !== null && s.from !== null && s.from < per.from) add(`${at}.from`, `${s.from} is before the program period (from ${per.from})`);
    if (per.to !== null && s.to !== null && s.to > per.to) add(`${at}.to`, `${s.to} is after the program period (to ${per.to})`);
    sources(at, s.sources);
  });

  // Lists with ids
  ids('goals', p.goals);
  p.goals.forEach((g, i) => sources(`goals[${i}]`, g.sources));
  ids('directions', p.directions);
  p.directions.forEach((d, i) => {
    if (!d.name.en.trim()) add(`directions[${i}].name.en`, 'the English name is required');
    sources(`directions[${i}]`, d.sources);
  });
  const directionIds = new Set(p.directions.map((d) => d.id));
  const instrumentIds = new Set(p.instruments.map((x) => x.id));
  const targetIds = new Set(p.targets.map((t) => t.id));

  ids('instruments', p.instruments);
  p.instruments.forEach((x, i) => {
    const at = `instruments[${i}]`;
    for (const l of LANGS) if (!x.name[l]?.trim()) add(`${at}.name.${l}`, `the name in "${l}" is required; translate faithfully and say so in name_note`);
    if (x.direction !== null && !directionIds.has(x.direction))
      add(
        `${at}.direction`,
        `"${x.direction}" is not a direction id in this file; use one of ${[...directionIds].join(', ') || '(none: add directions first)'}`,
      );
    if (x.legalBasis === p.id) add(`${at}.legal_basis`, 'legal_basis names this file itself; leave it out when the instrument is set by this act');
    for (const [k, n] of Object.entries(x.terms)) {
      if (!(n > 0)) add(`${at}.terms.${k}`, `${n} must be a positive number`);
      if (k === 'max_rate_pct' && n > 100) add(`${at}.terms.${k}`, `${n} is not a percentage rate; write per cent, e.g. 10 for 10%`);
      if ((k === 'term_years' || k === 'max_jobs_per_project') && !Number.isInteger(n)) add(`${at}.terms.${k}`, `${n} must be a whole number`);
    }
    if (x.terms.min_amount_kzt !== undefined && x.terms.max_amount_kzt !== undefined && x.terms.min_amount_kzt > x.terms.max_amount_kzt)
      add(`${at}.terms.min_amount_kzt`, 'min_amount_kzt is above max_amount_kzt');
    if (Object.keys(x.terms).length > 0 && !x.termsWording?.trim())
      add(`${at}.terms_wording`, 'terms need terms_wording: quote the passage that states the numbers, so they can be checked against the source');
    sources(at, x.sources);
  });

  ids('budget', p.budget);
  p.budget.forEach((b, i) => {
    const at = `budget[${i}]`;
    if (!(b.original.amount > 0)) add(`${at}.original.amount`, `${b.original.amount} must be a positive number`);
    const converted = toMillionKzt(b.original.amount, b.original.unit);
    if (converted === null) {
      if (b.amountMkzt !== null)
        add(`${at}.amount_mkzt`, `the sources give no exchange rate for ${b.original.unit}; set amount_mkzt: null and keep the original amount`);
      noteRequired(at, b.note, `${b.original.unit} cannot be converted to million tenge from the sources`);
    } else if (b.amountMkzt === null)
      add(`${at}.amount_mkzt`, `amount_mkzt is null but ${b.original.amount} ${b.original.unit} converts to ${converted}; write amount_mkzt: ${converted}`);
    else if (!sameAmount(b.amountMkzt, converted))
      add(
        `${at}.amount_mkzt`,
        `${b.amountMkzt} does not match the original ${b.original.amount} ${b.original.unit} (= ${converted} million KZT); correct one of them`,
      );
    yearOrder(`${at}.period`, b.period.from, b.period.to, 'from', 'to');
    if (b.period.from === null && b.period.to === null) noteRequired(at, b.note, 'the period is unknown');
    if (b.scope) scope(`${at}.scope`, b.scope);
    if (b.instrument !== null && !b.instrument.includes('#') && !instrumentIds.has(b.instrument))
      add(
        `${at}.instrument`,
        `"${b.instrument}" is not an instrument id in this file; use one of ${[...instrumentIds].join(', ') || '(none)'} or "<program id>#<instrument id>"`,
      );
    for (const [k, n] of Object.entries(b.counts)) if (!Number.isInteger(n) || n < 0) add(`${at}.counts.${k}`, `${n} must be a whole number ≥ 0`);
    sources(at, b.sources);
  });

  ids('targets', p.targets);
  p.targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    indicator(`${at}.indicator`, t.indicator);
    scope(`${at}.scope`, t.scope);
    const relative = RELATIVE_RULES.includes(t.rule);
    if (relative && t.comparison === null)
      add(
        `${at}.comparison`,
        `rule ${t.rule} needs comparison: at_least, at_most, or unspecified when the source does not say whether the figure is a floor or a ceiling`,
      );
    if (!relative && t.comparison !== null) add(`${at}.comparison`, `rule ${t.rule} is itself a bound; remove comparison`);
    if (t.rule === 'multiple_of_base' && !(t.value > 0)) add(`${at}.value`, `a multiple of the base must be positive, not ${t.value}`);
    if (relative && t.baseYear === null) noteRequired(at, t.note, `rule ${t.rule} compares with a base year the source does not state`);
    if (t.baselineValue !== null && t.baseYear === null)
      add(`${at}.base_year`, 'a baseline value needs its base year; write base_year, or remove baseline_value');
    if (t.deadline === null) noteRequired(at, t.note, 'the deadline is null');
    if (t.baseYear !== null && t.deadline !== null && t.baseYear > periodYear(t.deadline))
      add(`${at}.deadline`, `the deadline (${t.deadline}) is before the base year (${t.baseYear})`);
    sources(at, t.sources);
  });

  ids('named_indicators', p.namedIndicators);
  p.namedIndicators.forEach((n, i) => {
    indicator(`named_indicators[${i}].indicator`, n.indicator);
    sources(`named_indicators[${i}]`, n.sources);
  });
  ids('definitions', p.definitions);
  p.definitions.forEach((d, i) => sources(`definitions[${i}]`, d.sources));
  ids('statements', p.statements);
  p.statements.forEach((s, i) => {
    const at = `statements[${i}]`;
    if (s.value !== null && !s.unit?.trim()) add(`${at}.unit`, 'a statement with a value needs its unit, e.g. "persons" or "% of urban population"');
    towns(`${at}.towns`, s.towns);
    indicator(`${at}.indicator`, s.indicator);
    sources(at, s.sources);
  });
  ids('findings', p.findings);
  p.findings.forEach((f, i) => {
    const at = `findings[${i}]`;
    towns(`${at}.towns`, f.towns);
    if (f.target !== null && !targetIds.has(f.target))
      add(`${at}.target`, `"${f.target}" is not a target id in this file; use one of ${[...targetIds].join(', ') || '(none)'}`);
    sources(at, f.sources);
  });
  p.relations.forEach((r, i) => {
    const at = `relations[${i}]`;
    if ((r.program === null) === (r.document === null))
      add(at, 'a relation names exactly one of program (an id in rules/programs) or document (the name of a document not in rules/programs)');
    if (r.program === p.id) add(`${at}.program`, 'a program cannot relate to itself');
    sources(at, r.sources);
  });
  return issues;
}

/**
 * Checks references between programs: unique ids, relations and legal bases naming an existing
 * program, and `<program id>#<instrument id>` references naming an existing instrument.
 */
export function validateProgramSet(programs: readonly Program[]): ProgramSetIssue[] {
  const issues: ProgramSetIssue[] = [];
  const byId = new Map<string, Program>();
  for (const p of programs) {
    if (byId.has(p.id)) issues.push({ program: p.id, path: 'id', message: `program id "${p.id}" is used by two files; ids must be unique` });
    byId.set(p.id, p);
  }
  const known = () => [...byId.keys()].sort().join(', ');
  for (const p of programs) {
    p.relations.forEach((r, i) => {
      if (r.program !== null && !byId.has(r.program))
        issues.push({
          program: p.id,
          path: `relations[${i}].program`,
          message: `"${r.program}" is not a program id; use one of ${known()}, or document: for a text`,
        });
    });
    p.instruments.forEach((x, i) => {
      if (x.legalBasis !== null && !byId.has(x.legalBasis))
        issues.push({ program: p.id, path: `instruments[${i}].legal_basis`, message: `"${x.legalBasis}" is not a program id; use one of ${known()}` });
    });
    p.budget.forEach((b, i) => {
      if (b.instrument === null || !b.instrument.includes('#')) return;
      const [pid, iid] = b.instrument.split('#');
      const other = byId.get(pid);
      if (!other) issues.push({ program: p.id, path: `budget[${i}].instrument`, message: `"${pid}" is not a program id; use one of ${known()}` });
      else if (!other.instruments.some((x) => x.id === iid))
        issues.push({
          program: p.id,
          path: `budget[${i}].instrument`,
          message: `"${iid}" is not an instrument of ${pid}; use one of ${other.instruments.map((x) => x.id).join(', ') || '(none)'}`,
        });
    });
  }
  return issues;
}
