import { DomainError, invalidArgument } from '../errors.js';
import type { Parameters } from '../parameters.js';
import { criterionType, type EvalContext } from './criterion-types.js';
import { allOf, anyOf, verdictOf } from './kleene.js';
import type { CriterionNode, CriterionResult, EvaluationResult, LeafSpec, ProxyUse, RuleSet, RuleSetVersion, TownInput, Truth } from './types.js';

/** The look-back window for figures: a dated parameter like the legal thresholds. */
export const DATA_MAX_AGE_PARAMETER = 'common.data_max_age_years';

export function isLeaf(node: CriterionNode): node is LeafSpec {
  return !('all_of' in node) && !('any_of' in node);
}

/** The leaves of a criterion tree, depth first, in the order they are written. */
export function leaves(node: CriterionNode): LeafSpec[] {
  if ('all_of' in node) return node.all_of.flatMap(leaves);
  if ('any_of' in node) return node.any_of.flatMap(leaves);
  return [node];
}

/** A year is evaluated as of its last day, so an act adopted during the year applies to it. */
export function evaluationDate(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw invalidArgument('year', `${year} is not a year; give a four-digit calendar year such as 2021.`);
  return `${year}-12-31`;
}

/** "2012-05-25 – 2020-01-01 (exclusive; years 2012–2019)": a year Y is covered when since ≤ Y-12-31 < until. */
const span = (v: { since: string; until: string | null }) => {
  const first = Number(v.since.slice(0, 4));
  if (v.until === null) return `${v.since} – open-ended (years ${first} on)`;
  const last = Number(v.until.slice(0, 4)) - 1;
  return `${v.since} – ${v.until} (exclusive; ${last >= first ? `years ${first}–${last}` : 'it covers no 31 December'})`;
};

/** The version of `ruleset` in force on `date`; none in force throws `not_found` naming the versions. */
export function selectVersion(ruleset: RuleSet, date: string): RuleSetVersion {
  const version = ruleset.versions.find((v) => v.since <= date && (v.until === null || date < v.until));
  if (version) return version;
  throw new DomainError(
    'not_found',
    `The rule set "${ruleset.id}" (${ruleset.label.en}) has no version in force on ${date}: its versions apply ${ruleset.versions.map(span).join('; ') || 'on no date'}. ` +
      `A year is evaluated as of 31 December; pick a year within a version, or a rule set in force that year.`,
    { what: 'ruleset_version', ruleset: ruleset.id, date, versions: ruleset.versions.map((v) => ({ since: v.since, until: v.until })) },
  );
}

function walk(node: CriterionNode, ctx: EvalContext, out: CriterionResult[]): Truth {
  // Every child is evaluated (no short-circuit) so the result lists every criterion.
  if ('all_of' in node) return allOf(node.all_of.map((n) => walk(n, ctx, out)));
  if ('any_of' in node) return anyOf(node.any_of.map((n) => walk(n, ctx, out)));
  const outcome = criterionType(node.type).evaluate(node, ctx);
  out.push({
    id: node.id,
    type: node.type,
    label: node.label,
    ...outcome,
    ...(node.proxy ? { proxy: { for: node.proxy.for, use: node.indicator ?? '', label: node.proxy.label } } : {}),
  });
  return outcome.result;
}

/**
 * Evaluates one town in one year against a rule set: picks the version in
 * force on 31 December of the year, evaluates every criterion with
 * three-valued logic, and lists what was missing. Pure: the inputs are data.
 */
export function evaluate(ruleset: RuleSet, year: number, input: TownInput, params: Parameters): EvaluationResult {
  const date = evaluationDate(year);
  const version = selectVersion(ruleset, date);
  const maxAgeYears = params.at(DATA_MAX_AGE_PARAMETER, date);
  const criteria: CriterionResult[] = [];
  const truth = walk(version.criterion, { year, date, params, input, maxAgeYears }, criteria);
  const proxies: ProxyUse[] = criteria.flatMap((c) => (c.proxy ? [c.proxy] : []));
  const notes = [
    `Evaluated as of ${date} with the version of ${ruleset.id} in force from ${version.since}${version.until ? ` until ${version.until}` : ''}.`,
    `A figure for an earlier year is used when the year has none, up to ${maxAgeYears} year${maxAgeYears === 1 ? '' : 's'} older (${DATA_MAX_AGE_PARAMETER}); a later one never.`,
    ...proxies.map((p) => `Proxy: ${p.use} is used in place of ${p.for}. ${p.label.en}`),
    ...[ruleset.note, version.note].filter((n): n is string => Boolean(n)),
  ];
  return {
    town: input.town,
    ruleset: ruleset.id,
    rulesetLabel: ruleset.label,
    rulesetVersion: { since: version.since, until: version.until },
    year,
    date,
    verdict: verdictOf(truth),
    criteria,
    missing: [...new Set(criteria.flatMap((c) => c.missing))].sort(),
    proxies,
    notes,
  };
}
