/**
 * Pure helpers for the legal status views (no React, no DOM; unit-tested in status.test.ts): which rule
 * sets are in force in a year, the shape of a rule set's criterion tree, and the missing inputs.
 */
import type { RuleSetDto, StatusItemDto } from '../client/api-client.js';

export type Verdict = StatusItemDto['verdict'];
export type StatusCriterionDto = StatusItemDto['criteria'][number];
export type RuleSetVersionDto = RuleSetDto['versions'][number];

export const VERDICTS: readonly Verdict[] = ['meets', 'does_not_meet', 'unknown'];

export function isVerdict(v: unknown): v is Verdict {
  return typeof v === 'string' && (VERDICTS as readonly string[]).includes(v);
}

/** The years the views offer. */
export const FIRST_STATUS_YEAR = 2012;
export const LAST_STATUS_YEAR = 2025;
export const STATUS_YEARS: readonly number[] = Array.from({ length: LAST_STATUS_YEAR - FIRST_STATUS_YEAR + 1 }, (_, i) => FIRST_STATUS_YEAR + i);

/** A year is evaluated as of 31 December (docs/methods/legal-status.md). */
export function evaluationDate(year: number): string {
  return `${year}-12-31`;
}

/** The version of a rule set in force on 31 December of the year (since ≤ date < until), if any. */
export function versionInForce(ruleset: RuleSetDto, year: number): RuleSetVersionDto | null {
  const d = evaluationDate(year);
  return ruleset.versions.find((v) => v.since <= d && (v.until === null || d < v.until)) ?? null;
}

export function rulesetsInForce(rulesets: readonly RuleSetDto[], year: number): RuleSetDto[] {
  return rulesets.filter((r) => versionInForce(r, year) !== null);
}

/** The latest of the offered years with at least one rule set in force (else the last year). */
export function latestYearInForce(rulesets: readonly RuleSetDto[], years: readonly number[] = STATUS_YEARS): number {
  for (let i = years.length - 1; i >= 0; i--) if (rulesetsInForce(rulesets, years[i]!).length > 0) return years[i]!;
  return years[years.length - 1]!;
}

/** The rule set to show first: a legal act of Kazakhstan in force, else the first in force. */
export function defaultRuleset(inForce: readonly RuleSetDto[]): RuleSetDto | null {
  return inForce.find((r) => r.kind === 'legal' && r.jurisdiction === 'KZ') ?? inForce[0] ?? null;
}

/** A leaf of a criterion tree as the rule sets endpoint gives it. */
export interface CriterionLeaf {
  id: string;
  type?: string;
  indicator?: string;
  label?: { kk: string; ru: string; en: string };
  proxy?: { for: string };
}

function isLabel(x: unknown): x is { kk: string; ru: string; en: string } {
  return isObject(x) && typeof x.kk === 'string' && typeof x.ru === 'string' && typeof x.en === 'string';
}

/** How a rule set's criteria combine: all of / any of, down to the criteria by id. */
export type Combination = { op: 'all' | 'any'; parts: Combination[] } | { leaf: string };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The combination of a criterion tree, or null when the tree has an unexpected shape. */
export function combination(tree: unknown): Combination | null {
  if (!isObject(tree)) return null;
  for (const [key, op] of [
    ['all_of', 'all'],
    ['any_of', 'any'],
  ] as const) {
    const children = tree[key];
    if (Array.isArray(children)) {
      const parts = children.map(combination);
      return parts.every((p): p is Combination => p !== null) ? { op, parts } : null;
    }
  }
  return typeof tree.id === 'string' ? { leaf: tree.id } : null;
}

/** The leaves of a criterion tree, in order. */
export function criterionLeaves(tree: unknown): CriterionLeaf[] {
  if (!isObject(tree)) return [];
  const children = Array.isArray(tree.all_of) ? tree.all_of : Array.isArray(tree.any_of) ? tree.any_of : null;
  if (children) return children.flatMap(criterionLeaves);
  if (typeof tree.id !== 'string') return [];
  const leaf: CriterionLeaf = { id: tree.id };
  if (typeof tree.type === 'string') leaf.type = tree.type;
  if (typeof tree.indicator === 'string') leaf.indicator = tree.indicator;
  if (isLabel(tree.label)) leaf.label = tree.label;
  if (isObject(tree.proxy) && typeof tree.proxy.for === 'string') leaf.proxy = { for: tree.proxy.for };
  return [leaf];
}

/**
 * A missing input grouped by what is missing: `tfe_employment_share_pct:2017` and `…:2018` become one
 * entry with the years 2017 and 2018; `enterprise_states` or a plain indicator code have no years.
 * The order of first appearance is kept.
 */
export interface MissingInput {
  code: string;
  years: string[];
}

export function groupMissing(entries: readonly string[]): MissingInput[] {
  const byCode = new Map<string, MissingInput>();
  for (const e of entries) {
    const m = /^(.+):(\d{4})$/.exec(e);
    const code = m ? m[1]! : e;
    const g = byCode.get(code) ?? { code, years: [] };
    if (m && !g.years.includes(m[2]!)) g.years.push(m[2]!);
    byCode.set(code, g);
  }
  for (const g of byCode.values()) g.years.sort();
  return [...byCode.values()];
}

export function countVerdicts(items: readonly { verdict: Verdict }[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { meets: 0, does_not_meet: 0, unknown: 0 };
  for (const i of items) counts[i.verdict]++;
  return counts;
}

/** True when a criterion used a figure of an earlier year than the one evaluated (a year period only). */
export function isEarlierPeriod(period: string | null, year: number): boolean {
  return period !== null && /^\d{4}$/.test(period) && Number(period) < year;
}

/**
 * The source of one of a criterion's values: the values name it as `id` or `id | passage`; the
 * criterion's `sources` hold the full references.
 */
export function valueSource<S extends { id: string; passage: string | null }>(ref: string, sources: readonly S[]): S | null {
  const bar = ref.indexOf(' | ');
  const id = bar >= 0 ? ref.slice(0, bar) : ref;
  const passage = bar >= 0 ? ref.slice(bar + 3) : null;
  return sources.find((s) => s.id === id && (passage === null || s.passage === passage)) ?? sources.find((s) => s.id === id) ?? null;
}

/** Engine notes that only repeat what the view already says in the language (the missing input, the period used). */
const REDUNDANT_NOTE = /^(no figure for [\w:]+|no operating state of the town-forming enterprises is given|the figure for \d{4} is used: none for \d{4})$/;

export function isRedundantNote(note: string | undefined): boolean {
  return !note || REDUNDANT_NOTE.test(note.trim());
}
