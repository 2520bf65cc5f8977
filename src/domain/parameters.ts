import { DomainError, invalidArgument } from './errors.js';

/**
 * Dated legal parameters (OpenFisca style): one parameter per file under
 * `rules/parameters/<area>/<name>.yaml`, values keyed by the date they take
 * effect, `null` ending validity. Rules read thresholds only through `at`.
 */

/** The act (or, for a method choice, the document) a parameter or rule set rests on. */
export interface LegalReference {
  act: string;
  /** The act's number ("683"); null for documents without one. */
  number: string | null;
  /** YYYY-MM-DD, or YYYY when only the year is known (literature). */
  date: string;
  url: string | null;
  /** Where in the act or document: article, section, box. */
  passage: string | null;
}

/** One dated value: `value` applies from `since` (YYYY-MM-DD) until the next entry; null ends validity. */
export interface ParameterValue {
  since: string;
  value: number | null;
}

export interface Parameter {
  /** `<area>.<name>`, from the file path `rules/parameters/<area>/<name>.yaml`. */
  name: string;
  description: string;
  unit: string;
  reference: LegalReference;
  /** Sorted by `since`. */
  values: readonly ParameterValue[];
  note: string | null;
}

/** A span during which a parameter has a value: [since, until), until null = open. */
export interface Validity {
  since: string;
  until: string | null;
  value: number;
}

/** The value in force on a date, with what a reader needs to cite it. */
export interface ParameterEntry extends Validity {
  name: string;
  unit: string;
  reference: LegalReference;
}

export interface Parameters {
  names(): string[];
  has(name: string): boolean;
  /** The parameter's metadata; throws `not_found` listing the known names. */
  get(name: string): Parameter;
  /** The value in force on `date` (YYYY-MM-DD); throws `not_found` naming the parameter and its validity when none is. */
  at(name: string, date: string): number;
  /** Like `at`, with the validity span and reference of the value. */
  entry(name: string, date: string): ParameterEntry;
  /** Every span during which the parameter has a value. */
  validity(name: string): Validity[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/** "Government Resolution No. 683 of 2012-05-25" */
export function citeReference(r: LegalReference): string {
  return `${r.act}${r.number ? ` No. ${r.number}` : ''} of ${r.date}`;
}

/** "from 2012-05-25 until 2020-01-01; from 2021-01-01 with no end date" */
export function describeValidity(spans: readonly Validity[]): string {
  if (spans.length === 0) return 'it has no value in force on any date';
  return spans.map((s) => `from ${s.since}${s.until ? ` until ${s.until}` : ' with no end date'}`).join('; ');
}

export function validitySpans(values: readonly ParameterValue[]): Validity[] {
  const spans: Validity[] = [];
  values.forEach((v, i) => {
    if (v.value === null) return;
    spans.push({ since: v.since, until: values[i + 1]?.since ?? null, value: v.value });
  });
  return spans;
}

export function createParameters(list: readonly Parameter[]): Parameters {
  const byName = new Map<string, Parameter>();
  for (const p of list) {
    if (byName.has(p.name)) throw invalidArgument('parameters', `the parameter "${p.name}" is defined twice; keep one file per parameter.`);
    const sorted = [...p.values].sort((a, b) => a.since.localeCompare(b.since));
    byName.set(p.name, { ...p, values: sorted });
  }
  const names = () => [...byName.keys()].sort();
  const get = (name: string): Parameter => {
    const p = byName.get(name);
    if (!p)
      throw new DomainError(
        'not_found',
        `No legal parameter "${name}". A rule can only read parameters defined in rules/parameters/<area>/<name>.yaml; known parameters: ${names().join(', ') || '(none)'}.`,
        { what: 'parameter', id: name, known: names() },
      );
    return p;
  };
  const entry = (name: string, date: string): ParameterEntry => {
    if (!isIsoDate(date)) throw invalidArgument('date', `"${date}" is not a date; parameters are read on a date written YYYY-MM-DD.`);
    const p = get(name);
    const spans = validitySpans(p.values);
    const span = spans.find((s) => s.since <= date && (s.until === null || date < s.until));
    if (!span)
      throw new DomainError(
        'not_found',
        `The parameter "${name}" (${p.description}) has no value in force on ${date}: ${describeValidity(spans)} (${citeReference(p.reference)}). ` +
          `Evaluate a date within its validity, or add the value that applied then to rules/parameters/${name.replace('.', '/')}.yaml with its legal reference.`,
        { what: 'parameter_value', parameter: name, date, validity: spans },
      );
    return { ...span, name, unit: p.unit, reference: p.reference };
  };
  return {
    names,
    has: (name) => byName.has(name),
    get,
    at: (name, date) => entry(name, date).value,
    entry,
    validity: (name) => validitySpans(get(name).values),
  };
}
