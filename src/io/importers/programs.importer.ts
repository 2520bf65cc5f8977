import { LineCounter, parseDocument } from 'yaml';
import type { DataIssue } from '../../domain/errors.js';
import {
  AMOUNT_QUALIFIERS,
  AMOUNT_UNITS,
  BUDGET_STATUSES,
  COMPARISONS,
  COUNT_KEYS,
  INSTRUMENT_KINDS,
  LEGAL_ACT_TYPES,
  PROGRAM_KINDS,
  RELATION_KINDS,
  RELATIVE_RULES,
  SCOPE_KINDS,
  TARGET_RULES,
  TERM_KEYS,
  validateProgram,
  validateProgramSet,
  type Amendment,
  type BudgetLine,
  type Definition,
  type Direction,
  type Finding,
  type Goal,
  type Instrument,
  type LegalAct,
  type NamedIndicator,
  type Program,
  type ProgramIssue,
  type ProgramReferenceSets,
  type Relation,
  type Scope,
  type Stage,
  type Statement,
  type Target,
} from '../../domain/programs.js';
import { isPeriod, type Period } from '../../domain/periods.js';

/**
 * The strict loader of `rules/programs/<id>.yaml` (the format is documented in
 * `rules/programs/README.md`). It parses text, never touches the file system, and reports every
 * problem at once as a DataIssue with the file, the line (`row`) and the field path (`column`,
 * e.g. `targets[2].deadline`), with a message that says how to fix it.
 */

export interface ProgramFile {
  /** The name shown in issues; its base name without `.yaml` must equal the program id. */
  file: string;
  text: string;
}

type Obj = Record<string, unknown>;

const KEYS = {
  top: [
    'id',
    'kind',
    'name',
    'name_note',
    'legal_act',
    'validity',
    'period',
    'goals',
    'directions',
    'budget',
    'instruments',
    'targets',
    'named_indicators',
    'definitions',
    'statements',
    'findings',
    'relations',
    'note',
  ],
  name: ['kk', 'ru', 'en'],
  legalAct: ['type', 'type_wording', 'number', 'date', 'year', 'title', 'amendments', 'note', 'source'],
  amendment: ['date', 'wording', 'note', 'source'],
  validity: ['since', 'until', 'note', 'source'],
  period: ['from', 'to', 'stages', 'note', 'source'],
  stage: ['id', 'name', 'from', 'to', 'note', 'source'],
  goal: ['id', 'wording', 'note', 'source'],
  direction: ['id', 'name', 'name_note', 'description', 'note', 'source'],
  budget: ['id', 'amount_mkzt', 'original', 'qualifier', 'wording', 'status', 'period', 'covers', 'funder', 'scope', 'instrument', 'counts', 'note', 'source'],
  original: ['amount', 'unit'],
  span: ['from', 'to'],
  scope: ['kind', 'towns', 'note'],
  instrument: ['id', 'name', 'name_note', 'kind', 'description', 'direction', 'legal_basis', 'beneficiaries', 'terms', 'terms_wording', 'note', 'source'],
  target: ['id', 'indicator', 'scope', 'rule', 'comparison', 'value', 'base_year', 'baseline_value', 'deadline', 'wording', 'note', 'source'],
  namedIndicator: ['id', 'wording', 'indicator', 'note', 'source'],
  definition: ['id', 'term', 'wording', 'note', 'source'],
  statement: ['id', 'wording', 'value', 'unit', 'year', 'towns', 'indicator', 'note', 'source'],
  finding: ['id', 'wording', 'towns', 'target', 'note', 'source'],
  relation: ['kind', 'program', 'document', 'note', 'source'],
} as const;

const at = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function suggest(word: string, options: readonly string[]): string {
  const prefix = options.find((o) => word.length >= 3 && (o.startsWith(word) || word.startsWith(o)));
  if (prefix) return ` (did you mean "${prefix}"?)`;
  const best = options.map((o) => [o, distance(word, o)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(word.length / 4)) ? ` (did you mean "${best[0]}"?)` : '';
}

/** Reads typed values out of the parsed YAML and records a structural issue for anything wrong. */
class Reader {
  readonly issues: ProgramIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  obj(v: unknown, path: string, allowed: readonly string[], required: readonly string[]): Obj | null {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.add(path, `must be a mapping with the keys ${allowed.join(', ')}; got ${describe(v)}`);
      return null;
    }
    const o = v as Obj;
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) this.add(at(path, k), `unknown key "${k}"${suggest(k, allowed)}; allowed keys here are ${allowed.join(', ')}`);
    for (const k of required)
      if (!(k in o)) this.add(at(path, k), `"${k}" is required here${required.length > 1 ? ` (required: ${required.join(', ')})` : ''}`);
    return o;
  }

  /** A nested mapping under key `k`; an absent key gives {} (obj() on the parent reports it when required). */
  sub(o: Obj, k: string, path: string, allowed: readonly string[], required: readonly string[]): Obj {
    if (!(k in o)) return {};
    return this.obj(o[k], at(path, k), allowed, required) ?? {};
  }

  /** Text; absent gives null (obj() reports a missing required key); explicit null only when nullable. */
  str(o: Obj, k: string, path: string, nullable = false): string | null {
    if (!(k in o)) return null;
    const v = o[k];
    if (v === null) {
      if (!nullable) this.add(at(path, k), `"${k}" cannot be null; write the text or remove the key`);
      return null;
    }
    if (typeof v !== 'string') {
      this.add(at(path, k), `must be text, not ${describe(v)}; put it in quotes${typeof v === 'number' ? `, e.g. "${v}"` : ''}`);
      return null;
    }
    if (!v.trim()) {
      this.add(at(path, k), `is empty; write the text${nullable ? ', or null with a note' : ''}`);
      return null;
    }
    return v.trim();
  }

  num(o: Obj, k: string, path: string, opts: { nullable?: boolean; integer?: boolean } = {}): number | null {
    if (!(k in o)) return null;
    const v = o[k];
    if (v === null) {
      if (!opts.nullable) this.add(at(path, k), `"${k}" cannot be null; write a number`);
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(at(path, k), `must be a number, not ${describe(v)}; write digits without quotes or spaces, e.g. ${opts.integer ? '2015' : '4.8'}`);
      return null;
    }
    if (opts.integer && !Number.isInteger(v)) {
      this.add(at(path, k), `${v} must be a whole number`);
      return null;
    }
    return v;
  }

  year(o: Obj, k: string, path: string, nullable = true): number | null {
    const n = this.num(o, k, path, { nullable, integer: true });
    if (n !== null && (n < 1900 || n > 2100)) {
      this.add(at(path, k), `${n} is not a plausible year; write four digits, e.g. 2020`);
      return null;
    }
    return n;
  }

  /** A year (2015 or "2015") or a date ("2015-12-31"). */
  period(o: Obj, k: string, path: string, nullable = true): Period | null {
    if (!(k in o)) return null;
    const v = o[k];
    if (v === null) {
      if (!nullable) this.add(at(path, k), `"${k}" cannot be null; write a year (2015) or a date (2015-12-31)`);
      return null;
    }
    const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : null;
    if (s === null || !isPeriod(s)) {
      this.add(at(path, k), `${describe(v)} is not a year or a date; write a year (2015) or a date as YYYY-MM-DD (2015-12-31)`);
      return null;
    }
    return s;
  }

  /** A full date YYYY-MM-DD. */
  date(o: Obj, k: string, path: string): string | null {
    if (!(k in o) || o[k] === null) return null;
    const v = o[k];
    if (typeof v === 'number') {
      this.add(at(path, k), `${v} is not a full date; write YYYY-MM-DD, or when only the year is known write ${k}: null and year: ${v}`);
      return null;
    }
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) || !isPeriod(v.trim())) {
      this.add(at(path, k), `${describe(v)} is not a date; write YYYY-MM-DD (e.g. 2012-05-25), or null with a note`);
      return null;
    }
    return v.trim();
  }

  oneOf<T extends string>(o: Obj, k: string, path: string, values: readonly T[], nullable = false): T | null {
    const s = this.str(o, k, path, nullable);
    if (s === null) return null;
    if (!values.includes(s as T)) {
      this.add(at(path, k), `"${s}" is not one of ${values.join(', ')}${suggest(s, values)}`);
      return null;
    }
    return s as T;
  }

  list(o: Obj, k: string, path: string): unknown[] {
    if (!(k in o) || o[k] === null) return [];
    if (!Array.isArray(o[k])) {
      this.add(at(path, k), `must be a list (items starting with "- "), not ${describe(o[k])}`);
      return [];
    }
    return o[k] as unknown[];
  }

  strList(o: Obj, k: string, path: string): string[] {
    const out: string[] = [];
    this.list(o, k, path).forEach((v, i) => {
      if (typeof v === 'string' && v.trim()) out.push(v.trim());
      else this.add(at(at(path, k), i), `must be non-empty text, not ${describe(v)}`);
    });
    return out;
  }

  /** `source`: one reference or a list of them; presence is checked by obj() or the domain. */
  sources(o: Obj, path: string): string[] {
    if (!('source' in o)) return [];
    const v = o.source;
    if (typeof v === 'string') {
      if (!v.trim()) this.add(at(path, 'source'), 'is empty; write "<seed file name> | <passage>"');
      return v.trim() ? [v.trim()] : [];
    }
    if (Array.isArray(v)) return this.strList(o, 'source', path);
    this.add(at(path, 'source'), `must be "<seed file name> | <passage>" or a list of them, not ${describe(v)}`);
    return [];
  }

  /** Items of a list: each must be a mapping; a bad item keeps its index (as an empty placeholder) so paths stay right. */
  items(o: Obj, k: string, path: string, allowed: readonly string[], required: readonly string[]): { o: Obj; path: string }[] {
    return this.list(o, k, path).map((v, i) => {
      const p = at(at(path, k), i);
      return { o: this.obj(v, p, allowed, required) ?? {}, path: p };
    });
  }

  numberMap<K extends string>(o: Obj, k: string, path: string, keys: readonly K[], integer: boolean): Partial<Record<K, number>> {
    if (!(k in o) || o[k] === null) return {};
    const m = this.obj(o[k], at(path, k), keys, []);
    const out: Partial<Record<K, number>> = {};
    if (!m) return out;
    for (const key of keys) {
      const n = this.num(m, key, at(path, k), { integer });
      if (n !== null) out[key] = n;
    }
    return out;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v}"`;
  return `${typeof v} ${String(v)}`;
}

/** `scope` of a budget line or target (`parent` holds the key). */
function readScope(r: Reader, parent: Obj, parentPath: string): Scope {
  const path = at(parentPath, 'scope');
  const o = r.sub(parent, 'scope', parentPath, KEYS.scope, ['kind']);
  return { kind: r.oneOf(o, 'kind', path, SCOPE_KINDS) ?? 'unstated', towns: r.strList(o, 'towns', path), note: r.str(o, 'note', path, true) };
}

function readProgram(r: Reader, doc: unknown): Program {
  const top = r.obj(doc, '', KEYS.top, ['id', 'kind', 'name', 'legal_act', 'validity', 'period']) ?? {};
  const nameObj = r.sub(top, 'name', '', KEYS.name, KEYS.name);

  const la = r.sub(top, 'legal_act', '', KEYS.legalAct, ['type', 'number', 'date', 'source']);
  const amendments = r.items(la, 'amendments', 'legal_act', KEYS.amendment, ['date', 'wording', 'source']).map(({ o, path }): Amendment => ({
    date: r.period(o, 'date', path),
    wording: r.str(o, 'wording', path) ?? '',
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));
  const legalAct: LegalAct = {
    type: r.oneOf(la, 'type', 'legal_act', Object.keys(LEGAL_ACT_TYPES) as (keyof typeof LEGAL_ACT_TYPES)[], true),
    typeWording: r.str(la, 'type_wording', 'legal_act', true),
    number: r.str(la, 'number', 'legal_act', true),
    date: r.date(la, 'date', 'legal_act'),
    year: r.year(la, 'year', 'legal_act'),
    title: r.str(la, 'title', 'legal_act', true),
    amendments,
    note: r.str(la, 'note', 'legal_act', true),
    sources: r.sources(la, 'legal_act'),
  };

  const va = r.sub(top, 'validity', '', KEYS.validity, ['since', 'until']);
  const pe = r.sub(top, 'period', '', KEYS.period, ['from', 'to']);
  const stages = r.items(pe, 'stages', 'period', KEYS.stage, ['id', 'name', 'from', 'to', 'source']).map(({ o, path }): Stage => ({
    id: r.str(o, 'id', path) ?? '',
    name: r.str(o, 'name', path) ?? '',
    from: r.year(o, 'from', path),
    to: r.year(o, 'to', path),
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));

  const goals = r.items(top, 'goals', '', KEYS.goal, ['id', 'wording', 'source']).map(({ o, path }): Goal => ({
    id: r.str(o, 'id', path) ?? '',
    wording: r.str(o, 'wording', path) ?? '',
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));

  const directions = r.items(top, 'directions', '', KEYS.direction, ['id', 'name', 'source']).map(({ o, path }): Direction => {
    const n = r.sub(o, 'name', path, KEYS.name, ['en']);
    const name: Direction['name'] = { en: r.str(n, 'en', at(path, 'name')) ?? '' };
    for (const l of ['kk', 'ru'] as const) {
      const s = r.str(n, l, at(path, 'name'));
      if (s !== null) name[l] = s;
    }
    return {
      id: r.str(o, 'id', path) ?? '',
      name,
      nameNote: r.str(o, 'name_note', path, true),
      description: r.str(o, 'description', path, true),
      note: r.str(o, 'note', path, true),
      sources: r.sources(o, path),
    };
  });

  const budget = r
    .items(top, 'budget', '', KEYS.budget, ['id', 'amount_mkzt', 'original', 'wording', 'status', 'period', 'covers', 'source'])
    .map(({ o, path }): BudgetLine => {
      const orig = r.sub(o, 'original', path, KEYS.original, KEYS.original);
      const span = r.sub(o, 'period', path, KEYS.span, KEYS.span);
      return {
        id: r.str(o, 'id', path) ?? '',
        amountMkzt: r.num(o, 'amount_mkzt', path, { nullable: true }),
        original: {
          amount: r.num(orig, 'amount', at(path, 'original')) ?? NaN,
          unit: r.oneOf(orig, 'unit', at(path, 'original'), Object.keys(AMOUNT_UNITS) as (keyof typeof AMOUNT_UNITS)[]) ?? 'million_kzt',
        },
        qualifier: r.oneOf(o, 'qualifier', path, AMOUNT_QUALIFIERS) ?? 'exact',
        wording: r.str(o, 'wording', path) ?? '',
        status: r.oneOf(o, 'status', path, BUDGET_STATUSES) ?? 'planned',
        period: { from: r.period(span, 'from', at(path, 'period')), to: r.period(span, 'to', at(path, 'period')) },
        covers: r.str(o, 'covers', path) ?? '',
        funder: r.str(o, 'funder', path, true),
        scope: 'scope' in o ? readScope(r, o, path) : null,
        instrument: r.str(o, 'instrument', path, true),
        counts: r.numberMap(o, 'counts', path, COUNT_KEYS, true),
        note: r.str(o, 'note', path, true),
        sources: r.sources(o, path),
      };
    });

  const instruments = r.items(top, 'instruments', '', KEYS.instrument, ['id', 'name', 'kind', 'description', 'source']).map(({ o, path }): Instrument => {
    const n = r.sub(o, 'name', path, KEYS.name, KEYS.name);
    return {
      id: r.str(o, 'id', path) ?? '',
      name: { kk: r.str(n, 'kk', at(path, 'name')) ?? '', ru: r.str(n, 'ru', at(path, 'name')) ?? '', en: r.str(n, 'en', at(path, 'name')) ?? '' },
      nameNote: r.str(o, 'name_note', path, true),
      kind: r.oneOf(o, 'kind', path, Object.keys(INSTRUMENT_KINDS) as (keyof typeof INSTRUMENT_KINDS)[]) ?? 'planning',
      description: r.str(o, 'description', path) ?? '',
      direction: r.str(o, 'direction', path, true),
      legalBasis: r.str(o, 'legal_basis', path, true),
      beneficiaries: r.str(o, 'beneficiaries', path, true),
      terms: r.numberMap(o, 'terms', path, Object.keys(TERM_KEYS) as (keyof typeof TERM_KEYS)[], false),
      termsWording: r.str(o, 'terms_wording', path, true),
      note: r.str(o, 'note', path, true),
      sources: r.sources(o, path),
    };
  });

  const targets = r
    .items(top, 'targets', '', KEYS.target, ['id', 'indicator', 'scope', 'rule', 'value', 'deadline', 'wording', 'source'])
    .map(({ o, path }): Target => {
      const rule = r.oneOf(o, 'rule', path, TARGET_RULES);
      if (rule !== null && RELATIVE_RULES.includes(rule) && !('base_year' in o))
        r.add(
          at(path, 'base_year'),
          `rule ${rule} compares with a base year: write base_year: <year>, or base_year: null with a note when the source does not state it`,
        );
      return {
        id: r.str(o, 'id', path) ?? '',
        indicator: r.str(o, 'indicator', path) ?? '',
        scope: readScope(r, o, path),
        rule: rule ?? 'at_least',
        comparison: r.oneOf(o, 'comparison', path, COMPARISONS, true),
        value: r.num(o, 'value', path) ?? NaN,
        baseYear: r.year(o, 'base_year', path),
        baselineValue: r.num(o, 'baseline_value', path, { nullable: true }),
        deadline: r.period(o, 'deadline', path),
        wording: r.str(o, 'wording', path) ?? '',
        note: r.str(o, 'note', path, true),
        sources: r.sources(o, path),
      };
    });

  const namedIndicators = r.items(top, 'named_indicators', '', KEYS.namedIndicator, ['id', 'wording', 'source']).map(({ o, path }): NamedIndicator => ({
    id: r.str(o, 'id', path) ?? '',
    wording: r.str(o, 'wording', path) ?? '',
    indicator: r.str(o, 'indicator', path, true),
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));
  const definitions = r.items(top, 'definitions', '', KEYS.definition, ['id', 'term', 'wording', 'source']).map(({ o, path }): Definition => ({
    id: r.str(o, 'id', path) ?? '',
    term: r.str(o, 'term', path) ?? '',
    wording: r.str(o, 'wording', path) ?? '',
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));
  const statements = r.items(top, 'statements', '', KEYS.statement, ['id', 'wording', 'source']).map(({ o, path }): Statement => ({
    id: r.str(o, 'id', path) ?? '',
    wording: r.str(o, 'wording', path) ?? '',
    value: r.num(o, 'value', path, { nullable: true }),
    unit: r.str(o, 'unit', path, true),
    year: r.period(o, 'year', path),
    towns: r.strList(o, 'towns', path),
    indicator: r.str(o, 'indicator', path, true),
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));
  const findings = r.items(top, 'findings', '', KEYS.finding, ['id', 'wording', 'source']).map(({ o, path }): Finding => ({
    id: r.str(o, 'id', path) ?? '',
    wording: r.str(o, 'wording', path) ?? '',
    towns: r.strList(o, 'towns', path),
    target: r.str(o, 'target', path, true),
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));
  const relations = r.items(top, 'relations', '', KEYS.relation, ['kind', 'source']).map(({ o, path }): Relation => ({
    kind: r.oneOf(o, 'kind', path, Object.keys(RELATION_KINDS) as (keyof typeof RELATION_KINDS)[]) ?? 'includes',
    program: r.str(o, 'program', path, true),
    document: r.str(o, 'document', path, true),
    note: r.str(o, 'note', path, true),
    sources: r.sources(o, path),
  }));

  return {
    id: r.str(top, 'id', '') ?? '',
    kind: r.oneOf(top, 'kind', '', PROGRAM_KINDS) ?? 'program',
    name: { kk: r.str(nameObj, 'kk', 'name') ?? '', ru: r.str(nameObj, 'ru', 'name') ?? '', en: r.str(nameObj, 'en', 'name') ?? '' },
    nameNote: r.str(top, 'name_note', '', true),
    legalAct,
    validity: {
      since: r.period(va, 'since', 'validity'),
      until: r.period(va, 'until', 'validity'),
      note: r.str(va, 'note', 'validity', true),
      sources: r.sources(va, 'validity'),
    },
    period: {
      from: r.year(pe, 'from', 'period'),
      to: r.year(pe, 'to', 'period'),
      stages,
      note: r.str(pe, 'note', 'period', true),
      sources: r.sources(pe, 'period'),
    },
    goals,
    directions,
    budget,
    instruments,
    targets,
    namedIndicators,
    definitions,
    statements,
    findings,
    relations,
    note: r.str(top, 'note', '', true),
  };
}

/** The item a path belongs to: `targets[2]` for `targets[2].scope.towns[0]`, `legal_act` for `legal_act.date`. */
function owner(path: string): string {
  const i = path.indexOf(']');
  if (i >= 0) return path.slice(0, i + 1);
  return path.split(/[.[]/)[0];
}

function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/**
 * Reads one program file. `refs` are the known indicator codes, town ids and source file names;
 * a reference check is skipped when its set is not given. The program is null when there is any issue.
 */
export function importProgramYaml(file: string, text: string, refs: ProgramReferenceSets = {}): { program: Program | null; issues: DataIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length)
    return {
      program: null,
      issues: doc.errors.map((e) => ({ file, row: lineCounter.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message}; fix the syntax at this line` })),
    };
  const r = new Reader();
  const program = readProgram(r, doc.toJS());
  const expected = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (program.id && program.id !== expected) r.add('id', `id "${program.id}" must equal the file name "${expected}"; rename the file or change the id`);

  // Semantic checks run too, so every problem is reported at once; those about an item that
  // already has a structural problem are dropped (they would only echo it).
  const structural = new Set(r.issues.map((i) => owner(i.path)));
  const semantic = validateProgram(program, refs).filter((i) => !structural.has(owner(i.path)));
  const all = [...r.issues, ...semantic];

  const lineOf = (path: string): number | undefined => {
    const segs = pathSegments(path);
    for (let n = segs.length; n >= 0; n--) {
      const node = doc.getIn(segs.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const issues: DataIssue[] = all.map((i) => ({ file, row: lineOf(i.path), column: i.path || undefined, message: i.message }));
  return { program: issues.length ? null : program, issues };
}

/** Reads several program files and checks the references between them (ids unique, relations, legal bases). */
export function importProgramsYaml(files: readonly ProgramFile[], refs: ProgramReferenceSets = {}): { programs: Program[]; issues: DataIssue[] } {
  const programs: Program[] = [];
  const issues: DataIssue[] = [];
  const fileOf = new Map<Program, string>();
  for (const f of files) {
    const res = importProgramYaml(f.file, f.text, refs);
    issues.push(...res.issues);
    if (res.program) {
      programs.push(res.program);
      fileOf.set(res.program, f.file);
    }
  }
  const setIssues = validateProgramSet(programs);
  const failed = new Set<string>();
  for (const i of setIssues) {
    const p = [...programs].reverse().find((x) => x.id === i.program)!;
    issues.push({ file: fileOf.get(p), column: i.path, message: i.message });
    failed.add(i.program);
  }
  // Strict: only programs without any issue are returned.
  return { programs: programs.filter((p) => !failed.has(p.id)), issues };
}
