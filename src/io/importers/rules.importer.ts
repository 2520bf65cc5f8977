import { parse as parseYaml } from 'yaml';
import type { DataIssue } from '../../domain/errors.js';
import { OBSERVATION_STATUSES } from '../../domain/observations.js';
import { isIsoDate, validitySpans, type LegalReference, type Parameter, type ParameterValue, type Parameters } from '../../domain/parameters.js';
import { isPeriod } from '../../domain/periods.js';
import { OPERATING_STATES, type OperatingState } from '../../domain/registry.js';
import {
  CRITERION_TYPE_NAMES,
  CRITERION_TYPES,
  DATA_MAX_AGE_PARAMETER,
  LEAF_FIELDS,
  RULESET_KINDS,
  VERDICTS,
  leaves,
  type CriterionExpectation,
  type CriterionNode,
  type InputEnterpriseState,
  type InputObservation,
  type Label,
  type LeafSpec,
  type RuleSet,
  type RuleSetKind,
  type RuleSetVersion,
  type Scenario,
  type ScenarioExpectation,
  type Truth,
  type Verdict,
} from '../../domain/criteria/index.js';

/**
 * Strict loaders for `rules/`: parameters (`parameters/<area>/<name>.yaml`), rule
 * sets (`rulesets/<id>.yaml`) and scenario files (`tests/<topic>.yaml`). Every
 * problem comes back as a DataIssue naming the file and the field path
 * (`versions[0].criterion.all_of[1].threshold`); nothing stops at the first.
 */

/** What the loaders need to know about an indicator of the catalogue. */
export interface CatalogueEntry {
  unit: string;
  kind: 'numeric' | 'categorical';
}
export type Catalogue = ReadonlyMap<string, CatalogueEntry>;

type Obj = Record<string, unknown>;
const SNAKE = /^[a-z][a-z0-9_]*$/;
const KEBAB = /^[a-z][a-z0-9-]*$/;
const LANGS = ['kk', 'ru', 'en'] as const;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
const baseName = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');

/** Collects issues for one file; every reader returns null (and records an issue) when a value is unusable. */
class Check {
  readonly issues: DataIssue[] = [];
  constructor(readonly file: string) {}

  issue(path: string, message: string): void {
    if (this.issues.some((i) => (i.column ?? '') === path && i.message === message)) return;
    this.issues.push(path ? { file: this.file, column: path, message } : { file: this.file, message });
  }

  /** The document as a mapping, or null (with an issue) when it is not valid YAML or not a mapping. */
  document(text: string): Obj | null {
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (e) {
      this.issue('', `not valid YAML: ${(e as Error).message}`);
      return null;
    }
    return this.obj(doc, '');
  }

  obj(v: unknown, path: string): Obj | null {
    if (isObj(v)) return v;
    this.issue(path, `expected a mapping of keys${v === undefined || v === null ? ', found nothing' : `, found ${JSON.stringify(v)}`}`);
    return null;
  }

  list(v: unknown, path: string, nonEmpty = true): unknown[] | null {
    if (!Array.isArray(v)) {
      this.issue(path, `expected a list${v === undefined || v === null ? ', found nothing' : ''}`);
      return null;
    }
    if (nonEmpty && v.length === 0) this.issue(path, 'the list is empty');
    return v;
  }

  keys(o: Obj, path: string, allowed: readonly string[], required: readonly string[] = []): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.issue(join(path, k), `unknown key "${k}"; allowed keys here are ${allowed.join(', ')}`);
    for (const k of required) if (o[k] === undefined || o[k] === null || o[k] === '') this.issue(join(path, k), `"${k}" is required`);
  }

  str(o: Obj, key: string, path: string, required = true): string | null {
    const v = o[key];
    if (v === undefined || v === null || v === '') {
      if (required && !Object.hasOwn(o, key)) this.issue(join(path, key), `"${key}" is required`);
      else if (required) this.issue(join(path, key), `"${key}" must not be empty`);
      return null;
    }
    if (typeof v !== 'string') {
      this.issue(join(path, key), `"${key}" must be text, found ${JSON.stringify(v)}`);
      return null;
    }
    return v.trim();
  }

  date(o: Obj, key: string, path: string, required = true): string | null {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.issue(join(path, key), `"${key}" is required (a date written YYYY-MM-DD)`);
      return null;
    }
    if (typeof v !== 'string' || !isIsoDate(v)) {
      this.issue(join(path, key), `${JSON.stringify(v)} is not a date; write it YYYY-MM-DD (e.g. 2012-05-25)`);
      return null;
    }
    return v;
  }

  label(v: unknown, path: string): Label | null {
    const o = this.obj(v, path);
    if (!o) return null;
    this.keys(o, path, LANGS);
    const out: Partial<Label> = {};
    for (const l of LANGS) {
      const s = this.str(o, l, path);
      if (s) out[l] = s;
    }
    return out.kk && out.ru && out.en ? (out as Label) : null;
  }

  reference(v: unknown, path: string): LegalReference | null {
    const o = this.obj(v, path);
    if (!o) return null;
    this.keys(o, path, ['act', 'number', 'date', 'url', 'passage'], ['act', 'date']);
    const act = this.str(o, 'act', path);
    const number = o.number === undefined || o.number === null ? null : String(o.number);
    const date = o.date === undefined || o.date === null ? null : String(o.date);
    if (date !== null && !(isIsoDate(date) || /^\d{4}$/.test(date)))
      this.issue(join(path, 'date'), `"${date}" is not a date; write YYYY-MM-DD, or YYYY when only the year is known`);
    const url = this.str(o, 'url', path, false);
    if (url && !/^https?:\/\//.test(url)) this.issue(join(path, 'url'), `"${url}" is not a web address (http:// or https://)`);
    const passage = this.str(o, 'passage', path, false);
    return act && date ? { act, number, date, url, passage } : null;
  }
}

// ---------------------------------------------------------------- parameters

const PARAMETER_KEYS = ['description', 'unit', 'reference', 'values', 'note'];

/** The parameter name `<area>.<name>` a file `…/parameters/<area>/<name>.yaml` defines. */
export function parameterNameOf(file: string): string {
  const parts = file
    .replace(/\\/g, '/')
    .replace(/\.ya?ml$/, '')
    .split('/');
  return `${parts.at(-2)}.${parts.at(-1)}`;
}

/** One `rules/parameters/<area>/<name>.yaml`. */
export function importParameterYaml(file: string, text: string): { parameter: Parameter | null; issues: DataIssue[] } {
  const c = new Check(file);
  const name = parameterNameOf(file);
  const [area, short] = name.split('.');
  if (!SNAKE.test(area) || !SNAKE.test(short))
    c.issue('', `the path must be rules/parameters/<area>/<name>.yaml with snake_case area and name; "${area}/${short}" is not`);
  const o = c.document(text);
  if (!o) return { parameter: null, issues: c.issues };
  c.keys(o, '', PARAMETER_KEYS, ['description', 'unit', 'reference', 'values']);
  const description = c.str(o, 'description', '');
  const unit = c.str(o, 'unit', '');
  const reference = o.reference === undefined ? null : c.reference(o.reference, 'reference');
  const note = c.str(o, 'note', '', false);
  const values: ParameterValue[] = [];
  if (o.values !== undefined) {
    const vo = c.obj(o.values, 'values');
    if (vo) {
      if (Object.keys(vo).length === 0) c.issue('values', 'no values: give at least one `YYYY-MM-DD: number` entry');
      const before = c.issues.length;
      for (const [since, v] of Object.entries(vo)) {
        const path = `values.${since}`;
        if (!isIsoDate(since)) c.issue(path, `"${since}" is not a date; key each value by the date it takes effect, written YYYY-MM-DD`);
        else if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
          c.issue(path, `${JSON.stringify(v)} is not a number; give a number, or null to end validity`);
        else values.push({ since, value: v as number | null });
      }
      values.sort((a, b) => a.since.localeCompare(b.since));
      if (c.issues.length === before && values[0]?.value === null)
        c.issue(`values.${values[0].since}`, 'the first value is null: a parameter cannot end before it starts');
    }
  }
  if (c.issues.length || !description || !unit || !reference) return { parameter: null, issues: c.issues };
  return { parameter: { name, description, unit, reference, values, note }, issues: c.issues };
}

// ---------------------------------------------------------------- rule sets

const RULESET_KEYS = ['id', 'label', 'definition', 'wording', 'kind', 'variant_of', 'jurisdiction', 'reference', 'note', 'versions'];
const VERSION_KEYS = ['since', 'until', 'criterion', 'reference', 'note'];

/** True when [since, until) lies within the parameter's contiguous validity. */
function inForceThroughout(params: Parameters, name: string, since: string, until: string | null): boolean {
  const spans = validitySpans(params.get(name).values);
  // Merge contiguous spans (a changed value continues validity).
  const merged: { since: string; until: string | null }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && last.until === s.since) last.until = s.until;
    else merged.push({ since: s.since, until: s.until });
  }
  return merged.some((m) => m.since <= since && (m.until === null || (until !== null && until <= m.until)));
}

export interface RuleSetContext {
  parameters: Parameters;
  catalogue: Catalogue;
}

/** One `rules/rulesets/<id>.yaml`, checked against the criterion registry, the parameters and the indicator catalogue. */
export function importRuleSetYaml(file: string, text: string, ctx: RuleSetContext): { ruleset: RuleSet | null; issues: DataIssue[] } {
  const c = new Check(file);
  const o = c.document(text);
  if (!o) return { ruleset: null, issues: c.issues };
  c.keys(o, '', RULESET_KEYS, ['id', 'label', 'kind', 'jurisdiction', 'reference', 'versions']);
  const id = c.str(o, 'id', '') ?? '';
  if (id && !KEBAB.test(id)) c.issue('id', `"${id}" is not a kebab-case id (e.g. kz-nrdp-2020)`);
  if (id && id !== baseName(file)) c.issue('id', `id "${id}" must equal the file name "${baseName(file)}"`);
  const label = o.label === undefined ? null : c.label(o.label, 'label');
  const definition = o.definition === undefined ? null : c.label(o.definition, 'definition');
  const wording = c.str(o, 'wording', '', false);
  const note = c.str(o, 'note', '', false);
  const kind = c.str(o, 'kind', '') ?? '';
  if (kind && !RULESET_KINDS.includes(kind as RuleSetKind)) c.issue('kind', `"${kind}" is not one of ${RULESET_KINDS.join(', ')}`);
  const variantOf = c.str(o, 'variant_of', '', false);
  if (kind === 'variant' && !variantOf) c.issue('variant_of', 'a variant must name the rule set it varies in "variant_of"');
  if (kind !== 'variant' && variantOf) c.issue('variant_of', `only a rule set of kind "variant" has "variant_of"; this one is "${kind}"`);
  const jurisdiction = c.str(o, 'jurisdiction', '') ?? '';
  if (jurisdiction && !/^[A-Z]{2}$/.test(jurisdiction)) c.issue('jurisdiction', `"${jurisdiction}" is not a two-letter country code (KZ, RU)`);
  const reference = o.reference === undefined ? null : c.reference(o.reference, 'reference');

  const versions: RuleSetVersion[] = [];
  const list = o.versions === undefined ? null : c.list(o.versions, 'versions');
  (list ?? []).forEach((v, i) => {
    const path = `versions[${i}]`;
    const vo = c.obj(v, path);
    if (!vo) return;
    c.keys(vo, path, VERSION_KEYS, ['since', 'criterion']);
    const since = c.date(vo, 'since', path);
    const until = c.date(vo, 'until', path, false);
    if (since && until && until <= since) c.issue(join(path, 'until'), `until ${until} must be after since ${since}`);
    const vref = vo.reference === undefined ? null : c.reference(vo.reference, join(path, 'reference'));
    const vnote = c.str(vo, 'note', path, false);
    if (since && ctx.parameters.has(DATA_MAX_AGE_PARAMETER) && !inForceThroughout(ctx.parameters, DATA_MAX_AGE_PARAMETER, since, until))
      c.issue(path, `the look-back parameter ${DATA_MAX_AGE_PARAMETER} is not in force throughout ${since} – ${until ?? 'open-ended'}`);
    if (!ctx.parameters.has(DATA_MAX_AGE_PARAMETER))
      c.issue(path, `the look-back parameter ${DATA_MAX_AGE_PARAMETER} is not defined; add rules/parameters/common/data_max_age_years.yaml`);
    const criterion = vo.criterion === undefined ? null : node(c, vo.criterion, join(path, 'criterion'), ctx, since, until);
    if (criterion) {
      const seen = new Set<string>();
      for (const leaf of leaves(criterion)) {
        if (seen.has(leaf.id)) c.issue(join(path, 'criterion'), `the criterion id "${leaf.id}" is used twice in this version; ids must be unique`);
        seen.add(leaf.id);
      }
    }
    if (since && criterion) versions.push({ since, until, criterion, reference: vref, note: vnote });
  });
  const sorted = [...versions].sort((a, b) => a.since.localeCompare(b.since));
  sorted.forEach((v, i) => {
    const next = sorted[i + 1];
    if (next && (v.until === null || v.until > next.since))
      c.issue('versions', `the version from ${v.since} overlaps the version from ${next.since}; give the earlier one an "until" no later than ${next.since}`);
  });
  if (c.issues.length || !label || !reference) return { ruleset: null, issues: c.issues };
  return {
    ruleset: { id, label, definition, wording, kind: kind as RuleSetKind, variantOf, jurisdiction, reference, note, versions: sorted },
    issues: c.issues,
  };
}

function node(c: Check, v: unknown, path: string, ctx: RuleSetContext, since: string | null, until: string | null): CriterionNode | null {
  const o = c.obj(v, path);
  if (!o) return null;
  for (const op of ['all_of', 'any_of'] as const) {
    if (!(op in o)) continue;
    c.keys(o, path, [op]);
    const items = c.list(o[op], join(path, op));
    if (!items) return null;
    const children = items.map((child, i) => node(c, child, join(join(path, op), i), ctx, since, until));
    if (children.some((ch) => ch === null)) return null;
    return (op === 'all_of' ? { all_of: children } : { any_of: children }) as CriterionNode;
  }
  return leaf(c, o, path, ctx, since, until);
}

function leaf(c: Check, o: Obj, path: string, ctx: RuleSetContext, since: string | null, until: string | null): LeafSpec | null {
  if (!('type' in o)) {
    c.issue(path, 'a criterion is either all_of: [...], any_of: [...] or a leaf with a "type"');
    return null;
  }
  const type = c.str(o, 'type', path);
  if (type === null) return null;
  const spec = Object.hasOwn(CRITERION_TYPES, type) ? CRITERION_TYPES[type] : undefined;
  if (!spec) {
    c.issue(join(path, 'type'), `"${type}" is not a criterion type; valid types are ${CRITERION_TYPE_NAMES.join(', ')}`);
    return null;
  }
  const fields = Object.keys(spec.fields);
  c.keys(o, path, ['id', 'type', 'label', 'proxy', ...fields], ['id', 'type', 'label', ...fields]);
  const before = c.issues.length;
  const id = c.str(o, 'id', path) ?? '';
  if (id && !SNAKE.test(id)) c.issue(join(path, 'id'), `"${id}" is not a snake_case id`);
  const label = o.label === undefined ? null : c.label(o.label, join(path, 'label'));
  const out: LeafSpec = { id, type, label: label as Label };
  const indicator = typeof o.indicator === 'string' ? o.indicator : null;
  const ind = indicator ? ctx.catalogue.get(indicator) : undefined;
  for (const f of LEAF_FIELDS) {
    const kind = spec.fields[f];
    if (!kind || o[f] === undefined || o[f] === null) continue;
    const at = join(path, f);
    if (kind === 'states') {
      const states = c.list(o[f], at);
      for (const [i, s] of (states ?? []).entries())
        if (!OPERATING_STATES.includes(s as OperatingState))
          c.issue(join(at, i), `${JSON.stringify(s)} is not an operating state; use ${OPERATING_STATES.join(', ')}`);
      out.states = (states ?? []) as OperatingState[];
      continue;
    }
    const name = c.str(o, f, path);
    if (!name) continue;
    out[f as Exclude<typeof f, 'states'>] = name;
    if (kind === 'indicator') {
      if (!ind) c.issue(at, `"${name}" is not in the indicator catalogue (catalogue/indicators/${name}.yaml does not exist)`);
      else if (ind.kind !== 'numeric') c.issue(at, `"${name}" is a ${ind.kind} indicator; ${type} compares numbers`);
      continue;
    }
    if (!ctx.parameters.has(name)) {
      c.issue(at, `"${name}" is not a parameter; define rules/parameters/${name.replace('.', '/')}.yaml, or use one of ${ctx.parameters.names().join(', ')}`);
      continue;
    }
    const p = ctx.parameters.get(name);
    if (kind === 'threshold' && ind?.kind === 'numeric' && p.unit !== ind.unit)
      c.issue(
        at,
        `the parameter "${name}" is in "${p.unit}" but the indicator "${indicator}" is in "${ind.unit}"; a threshold must be in the indicator's unit`,
      );
    if (kind === 'count' && p.unit !== 'years') c.issue(at, `the parameter "${name}" must be in years, not "${p.unit}"`);
    if (since && !inForceThroughout(ctx.parameters, name, since, until))
      c.issue(
        at,
        `the parameter "${name}" is not in force throughout this version (${since} – ${until ?? 'open-ended'}); extend its values or end the version earlier`,
      );
  }
  if (o.proxy !== undefined) {
    const at = join(path, 'proxy');
    if (!('indicator' in spec.fields)) c.issue(at, `a ${type} criterion reads no indicator, so it cannot be a proxy`);
    const po = c.obj(o.proxy, at);
    if (po) {
      c.keys(po, at, ['for', 'label'], ['for', 'label']);
      const forCode = c.str(po, 'for', at);
      if (forCode && !ctx.catalogue.has(forCode)) c.issue(join(at, 'for'), `"${forCode}" is not in the indicator catalogue`);
      if (forCode && forCode === indicator) c.issue(join(at, 'for'), `a proxy stands in for another indicator; "${forCode}" is the indicator itself`);
      const plabel = po.label === undefined ? null : c.label(po.label, join(at, 'label'));
      if (forCode && plabel) out.proxy = { for: forCode, label: plabel };
    }
  }
  return c.issues.length === before && label ? out : null;
}

/** Checks between rule sets: a variant names an existing rule set. */
export function crossCheckRuleSets(rulesets: Readonly<Record<string, RuleSet>>, fileOf: (id: string) => string): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const r of Object.values(rulesets))
    if (r.variantOf && !Object.hasOwn(rulesets, r.variantOf))
      issues.push({ file: fileOf(r.id), column: 'variant_of', message: `no rule set "${r.variantOf}"; known: ${Object.keys(rulesets).sort().join(', ')}` });
  return issues;
}

// ---------------------------------------------------------------- scenarios

const CASE_KEYS = ['name', 'ruleset', 'year', 'town', 'input', 'expected'];
const OBS_KEYS = ['indicator', 'period', 'value', 'value_text', 'source', 'status'];
const STATE_KEYS = ['enterprise', 'state', 'since', 'until', 'source'];
const EXPECTED_KEYS = ['verdict', 'criteria', 'missing', 'proxies', 'error'];

export interface ScenarioContext {
  rulesets: Readonly<Record<string, RuleSet>>;
  catalogue: Catalogue;
}

const truthOf = (v: unknown): Truth | undefined => (v === true || v === false || v === 'unknown' ? v : undefined);

/** One `rules/tests/<topic>.yaml`: `{ description?, cases: [{ name, ruleset, year, town?, input, expected }] }`. */
export function importScenariosYaml(file: string, text: string, ctx: ScenarioContext): { scenarios: Scenario[]; issues: DataIssue[] } {
  const c = new Check(file);
  const o = c.document(text);
  if (!o) return { scenarios: [], issues: c.issues };
  c.keys(o, '', ['description', 'cases'], ['cases']);
  c.str(o, 'description', '', false);
  const scenarios: Scenario[] = [];
  const names = new Set<string>();
  const cases = o.cases === undefined ? [] : (c.list(o.cases, 'cases') ?? []);
  cases.forEach((raw, i) => {
    const path = `cases[${i}]`;
    const co = c.obj(raw, path);
    if (!co) return;
    const before = c.issues.length;
    c.keys(co, path, CASE_KEYS, ['name', 'ruleset', 'year', 'expected']);
    const name = c.str(co, 'name', path) ?? '';
    if (name && names.has(name)) c.issue(join(path, 'name'), `the name "${name}" is used twice in this file`);
    names.add(name);
    const rulesetId = c.str(co, 'ruleset', path) ?? '';
    const ruleset = Object.hasOwn(ctx.rulesets, rulesetId) ? ctx.rulesets[rulesetId] : undefined;
    if (rulesetId && !ruleset) c.issue(join(path, 'ruleset'), `no rule set "${rulesetId}"; known: ${Object.keys(ctx.rulesets).sort().join(', ')}`);
    const year = co.year;
    if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999))
      c.issue(join(path, 'year'), `${JSON.stringify(year)} is not a year; write a four-digit year such as 2021`);
    const town = c.str(co, 'town', path, false);
    const input = co.input === undefined ? { observations: [], enterpriseStates: [] } : readInput(c, co.input, join(path, 'input'), ctx.catalogue);
    const expected = co.expected === undefined ? null : readExpected(c, co.expected, join(path, 'expected'), ruleset);
    if (c.issues.length === before && input && expected && ruleset)
      scenarios.push({ name, file, ruleset: rulesetId, year: year as number, input: { town, ...input }, expected });
  });
  return { scenarios, issues: c.issues };
}

function readInput(
  c: Check,
  v: unknown,
  path: string,
  catalogue: Catalogue,
): { observations: InputObservation[]; enterpriseStates: InputEnterpriseState[] } | null {
  const o = c.obj(v, path);
  if (!o) return null;
  c.keys(o, path, ['observations', 'enterprise_states']);
  const observations: InputObservation[] = [];
  const obsList = o.observations === undefined ? [] : (c.list(o.observations, join(path, 'observations'), false) ?? []);
  obsList.forEach((raw, i) => {
    const at = join(join(path, 'observations'), i);
    const ob = c.obj(raw, at);
    if (!ob) return;
    c.keys(ob, at, OBS_KEYS, ['indicator', 'period', 'source']);
    const indicator = c.str(ob, 'indicator', at) ?? '';
    if (indicator && !catalogue.has(indicator)) c.issue(join(at, 'indicator'), `"${indicator}" is not in the indicator catalogue (catalogue/indicators/)`);
    const period = ob.period === undefined || ob.period === null ? '' : String(ob.period);
    if (period && !isPeriod(period)) c.issue(join(at, 'period'), `"${period}" is not a period; use a year (2021) or a date (2021-01-01)`);
    const value = ob.value === undefined || ob.value === null ? null : ob.value;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) c.issue(join(at, 'value'), `${JSON.stringify(value)} is not a number`);
    const valueText = c.str(ob, 'value_text', at, false);
    if ((value === null) === (valueText === null)) c.issue(at, 'give exactly one of "value" (a number) and "value_text"');
    const source = c.str(ob, 'source', at) ?? '';
    const status = c.str(ob, 'status', at, false);
    if (status && !OBSERVATION_STATUSES.includes(status as never)) c.issue(join(at, 'status'), `"${status}" is not one of ${OBSERVATION_STATUSES.join(', ')}`);
    observations.push({
      indicator,
      period,
      value: typeof value === 'number' ? value : null,
      valueText,
      source,
      ...(status ? { status: status as InputObservation['status'] } : {}),
    });
  });
  const enterpriseStates: InputEnterpriseState[] = [];
  const stList = o.enterprise_states === undefined ? [] : (c.list(o.enterprise_states, join(path, 'enterprise_states'), false) ?? []);
  stList.forEach((raw, i) => {
    const at = join(join(path, 'enterprise_states'), i);
    const so = c.obj(raw, at);
    if (!so) return;
    c.keys(so, at, STATE_KEYS, ['state', 'source']);
    const state = c.str(so, 'state', at) ?? '';
    if (state && !OPERATING_STATES.includes(state as OperatingState)) c.issue(join(at, 'state'), `"${state}" is not one of ${OPERATING_STATES.join(', ')}`);
    const since = c.date(so, 'since', at, false);
    const until = c.date(so, 'until', at, false);
    if (since && until && until <= since) c.issue(join(at, 'until'), `until ${until} must be after since ${since}`);
    enterpriseStates.push({
      enterprise: c.str(so, 'enterprise', at, false),
      state: state as OperatingState,
      since,
      until,
      source: c.str(so, 'source', at) ?? '',
    });
  });
  return { observations, enterpriseStates };
}

function readExpected(c: Check, v: unknown, path: string, ruleset: RuleSet | undefined): ScenarioExpectation | null {
  const o = c.obj(v, path);
  if (!o) return null;
  c.keys(o, path, EXPECTED_KEYS);
  const out: ScenarioExpectation = {};
  if ((o.verdict === undefined) === (o.error === undefined)) c.issue(path, 'give exactly one of "verdict" and "error"');
  if (o.verdict !== undefined) {
    if (!VERDICTS.includes(o.verdict as Verdict)) c.issue(join(path, 'verdict'), `${JSON.stringify(o.verdict)} is not one of ${VERDICTS.join(', ')}`);
    else out.verdict = o.verdict as Verdict;
  }
  const ids = new Set(ruleset ? ruleset.versions.flatMap((ver) => leaves(ver.criterion).map((l) => l.id)) : []);
  const knownId = (id: string, at: string) => {
    if (ruleset && !ids.has(id)) c.issue(at, `"${id}" is not a criterion of ${ruleset.id}; its criteria are ${[...ids].join(', ')}`);
  };
  if (o.criteria !== undefined) {
    const co = c.obj(o.criteria, join(path, 'criteria'));
    if (co) {
      out.criteria = {};
      for (const [id, want] of Object.entries(co)) {
        const at = join(join(path, 'criteria'), id);
        knownId(id, at);
        const t = truthOf(want);
        if (t !== undefined) {
          out.criteria[id] = { result: t };
          continue;
        }
        const wo = isObj(want) ? want : null;
        if (!wo) {
          c.issue(at, `${JSON.stringify(want)} is not a result; use true, false or unknown, or { result, period?, value?, note_contains? }`);
          continue;
        }
        c.keys(wo, at, ['result', 'period', 'value', 'note_contains'], ['result']);
        const r = truthOf(wo.result);
        if (r === undefined) c.issue(join(at, 'result'), `${JSON.stringify(wo.result)} is not a result; use true, false or unknown`);
        const e: CriterionExpectation = { result: r ?? 'unknown' };
        if (wo.period !== undefined) e.period = wo.period === null ? null : String(wo.period);
        if (wo.value !== undefined) {
          if (wo.value !== null && typeof wo.value !== 'number' && typeof wo.value !== 'string') c.issue(join(at, 'value'), 'must be a number, text or null');
          else e.value = wo.value as number | string | null;
        }
        const nc = c.str(wo, 'note_contains', at, false);
        if (nc) e.noteContains = nc;
        out.criteria[id] = e;
      }
    }
  }
  for (const k of ['missing', 'proxies'] as const) {
    if (o[k] === undefined) continue;
    const l = c.list(o[k], join(path, k), false);
    if (!l) continue;
    if (l.some((s) => typeof s !== 'string')) c.issue(join(path, k), 'must be a list of texts');
    else out[k] = l as string[];
  }
  out.proxies?.forEach((id, i) => knownId(id, join(join(path, 'proxies'), i)));
  if (o.error !== undefined) {
    const eo = c.obj(o.error, join(path, 'error'));
    if (eo) {
      c.keys(eo, join(path, 'error'), ['code', 'contains'], ['code']);
      const code = c.str(eo, 'code', join(path, 'error'));
      if (code) out.error = { code, contains: c.str(eo, 'contains', join(path, 'error'), false) };
    }
  }
  return out;
}
