import { invalidArgument } from '../errors.js';
import { isIsoDate, type Parameters } from '../parameters.js';
import { periodYear } from '../periods.js';
import { RELATIVE_RULES, type Target } from '../programs.js';
import {
  atDeadline,
  comparableIn,
  comparablePeriods,
  dateTimePoint,
  figuresUpTo,
  indexFiguresUpTo,
  latestOf,
  periodEnd,
  timePoint,
  type Pick,
} from './figures.js';
import type { Baseline, Basis, Figure, IndexFigure, Polarity, PolarityFrom, TargetResult, TargetStatus, TownObservations, Trend } from './types.js';

/**
 * Evaluates one program target for one town on a date (docs/methods/targets.md). Pure: the
 * observations, the parameters and the date come in as arguments. Every status that cannot be
 * established is `not_computable` with its reasons; no base year, direction, base value or
 * figure is ever made up.
 */

/** Share (0–1] of the linear path a town must have covered to be «on track». */
export const ON_TRACK_TOLERANCE = 'targets.on_track_tolerance';
/** How many years old the latest figure may be for a judgement before the deadline. */
export const MAX_ACTUAL_AGE = 'targets.max_actual_age_years';
export const TARGET_PARAMETERS = [ON_TRACK_TOLERANCE, MAX_ACTUAL_AGE] as const;

/** How an indicator measured at current prices is read in real terms. */
export interface RealTermsSpec {
  label: string;
  /** A physical volume index of the indicator (ИФО), in % of a base period stated with each figure. */
  volumeIndex: string;
  /** A price index that deflates the indicator, in % of a base period; it must itself be an observation. */
  deflator: string;
}

/**
 * Indicators whose growth targets are targets on real growth. The program's «увеличение объема
 * промышленного производства на 20 %» is a growth of production, which the statistics measure by
 * the physical volume index (the «ИФО» column the monitoring tables print next to the tenge values);
 * a change of output at current prices mixes production with prices. No price index of industrial
 * output is in the catalogue today, so the deflated basis waits for data.
 */
export const REAL_TERMS: Readonly<Record<string, RealTermsSpec>> = {
  industrial_output_mkzt: {
    label: 'industrial output',
    volumeIndex: 'industrial_output_volume_index_pct',
    deflator: 'industrial_producer_price_index_pct',
  },
};

const EPS = 1e-9;
const atLeast = (a: number, b: number) => a >= b - EPS * Math.max(1, Math.abs(b));
const atMost = (a: number, b: number) => a <= b + EPS * Math.max(1, Math.abs(b));
const meets = (polarity: Polarity, value: number, bound: number) => (polarity === 'at_least' ? atLeast(value, bound) : atMost(value, bound));

function stated(t: Target): string {
  if (t.rule === 'change_vs_base_pct') return `${t.value > 0 ? '+' : ''}${t.value} %`;
  if (t.rule === 'multiple_of_base') return `×${t.value}`;
  return `${t.rule === 'at_least' ? '≥' : '≤'} ${t.value}`;
}

interface PolarityReading {
  polarity: Polarity | null;
  from: PolarityFrom | null;
  reason?: string;
  note?: string;
}

/** Which side of the target is success; never assumed when the file does not give it. */
export function resolvePolarity(t: Target): PolarityReading {
  if (t.rule === 'at_least' || t.rule === 'at_most') return { polarity: t.rule, from: 'rule' };
  if (t.comparison === 'at_least' || t.comparison === 'at_most') return { polarity: t.comparison, from: 'comparison' };
  if (t.comparison === null)
    return {
      polarity: null,
      from: null,
      reason: `rule ${t.rule} needs a comparison (at_least, at_most, or unspecified); the program file gives none, and Monoqala does not assume a direction`,
    };
  const neutral = t.rule === 'multiple_of_base' ? 1 : 0;
  if (t.value === neutral)
    return {
      polarity: null,
      from: null,
      reason: `the stated change (${stated(t)}) has no direction and the source does not say whether it is a floor or a ceiling`,
    };
  const polarity: Polarity = t.value > neutral ? 'at_least' : 'at_most';
  return {
    polarity,
    from: 'stated_change',
    note:
      `the source does not say whether ${stated(t)} is a floor or a ceiling (comparison: unspecified); Monoqala reads it as reached once the ` +
      `indicator has moved by the stated ${t.value > neutral ? 'increase' : 'decrease'} or more (${polarity}), see docs/methods/targets.md`,
  };
}

const noBaseYear = (t: Target) =>
  `no base year: rule ${t.rule} compares with a base year the source does not state${t.note ? ` (${t.note})` : ''}; Monoqala does not assume one`;

/** The base-year figure comparable with the actual: the program's baseline_value, or an observation of the same kind of period. */
function baselineFor(t: Target, actual: Figure, history: readonly Figure[], town: string): { baseline: Baseline } | { reason: string } {
  const year = t.baseYear as number;
  if (t.baselineValue !== null) {
    const period = String(year);
    if (!comparablePeriods(period, actual.period))
      return {
        reason: `the program's baseline (${t.baselineValue} for ${year}) is for a whole year and the actual is for ${actual.period}; they are not comparable`,
      };
    return { baseline: { indicator: t.indicator, value: t.baselineValue, period, source: t.sources.join('; '), from: 'program' } };
  }
  const period = comparableIn(year, actual.period);
  const pick = latestOf(
    history.filter((f) => f.period === period),
    `${t.indicator} for ${town} for ${period}`,
  );
  if (pick.found) {
    const f = pick.figure;
    return { baseline: { indicator: f.indicator, value: f.value, period: f.period, source: f.source, from: 'observation' } };
  }
  if (pick.reason.startsWith('conflict')) return { reason: pick.reason };
  const inYear = [...new Set(history.filter((f) => periodYear(f.period) === year).map((f) => f.period))];
  return {
    reason:
      `no baseline: no figure of ${t.indicator} for ${town} for ${period} (the base year ${year}, comparable with the actual for ${actual.period})` +
      (inYear.length ? `; the base year has only ${inYear.join(', ')}` : ''),
  };
}

/** The change between the two latest comparable figures, as reported. */
function trendOf(history: readonly Figure[], what: string): Trend | null {
  const last = latestOf(history, what);
  if (!last.found) return null;
  const to = last.figure;
  const earlier = history.filter((f) => comparablePeriods(f.period, to.period) && periodEnd(f.period) < periodEnd(to.period));
  const prev = latestOf(earlier, what);
  if (!prev.found) return null;
  const from = prev.figure;
  return { from, to, ratioPct: from.value === 0 ? null : (to.value / from.value) * 100, difference: to.value - from.value };
}

/**
 * One target for one town on `asOf` (YYYY-MM-DD). `program` is the program id the row carries.
 * Throws `invalid_argument` for a date that is not a date, a town outside a `towns` scope, or a
 * method parameter out of range; everything about the data comes back in the result.
 */
export function evaluateTarget(target: Target, town: TownObservations, params: Parameters, asOf: string, program: string | null = null): TargetResult {
  if (!isIsoDate(asOf)) throw invalidArgument('asOf', `"${asOf}" is not a date; a target is evaluated on a date written YYYY-MM-DD.`);
  if (target.scope.kind === 'towns' && !target.scope.towns.includes(town.town))
    throw invalidArgument(
      'town',
      `"${town.town}" is not in the scope of target ${target.id} (${target.scope.towns.join(', ')}); evaluate it for one of those towns.`,
    );
  const tolerance = params.at(ON_TRACK_TOLERANCE, asOf);
  const maxAge = params.at(MAX_ACTUAL_AGE, asOf);
  if (!(tolerance > 0 && tolerance <= 1))
    throw invalidArgument(ON_TRACK_TOLERANCE, `${tolerance} is not a share in (0, 1]; correct rules/parameters/targets/on_track_tolerance.yaml.`);
  if (!(maxAge >= 0))
    throw invalidArgument(MAX_ACTUAL_AGE, `${maxAge} is not a number of years ≥ 0; correct rules/parameters/targets/max_actual_age_years.yaml.`);

  const reasons: string[] = [];
  const notes: string[] = [];
  const name = town.town;
  const obs = town.observations;
  const relative = RELATIVE_RULES.includes(target.rule);
  const deadline = target.deadline;
  const deadlineReached = deadline !== null && asOf >= periodEnd(deadline);
  const upTo = deadlineReached ? '' : ` up to ${asOf}`;
  const choose = <F extends Figure>(figures: readonly F[], what: string): Pick<F> =>
    deadlineReached ? atDeadline(figures, deadline as string, what) : latestOf(figures, `${what}${upTo}`);

  if (target.scope.kind === 'country') reasons.push('the target is national (scope "country"); a town’s figures do not measure it');
  if (target.scope.kind === 'unstated')
    reasons.push(
      `the source does not say whether the target applies to each monotown${target.scope.note ? ` (${target.scope.note})` : ''}; Monoqala does not assume a scope`,
    );

  const pol = resolvePolarity(target);
  if (pol.reason) reasons.push(pol.reason);
  if (pol.note) notes.push(pol.note);

  const history = figuresUpTo(obs, target.indicator, asOf);
  const real = relative ? REAL_TERMS[target.indicator] : undefined;
  const indexHistory = REAL_TERMS[target.indicator] ? indexFiguresUpTo(obs, REAL_TERMS[target.indicator].volumeIndex, asOf) : [];
  const nominalPick = choose(history, `${target.indicator} for ${name}`);

  let basis: Basis | null = null;
  let actual: Figure | null = null;
  let baseline: Baseline | null = null;
  let deflator: IndexFigure | null = null;
  let baselineReason: string | null = null;
  const useNominal = (b: Basis) => {
    if (!nominalPick.found) return;
    basis = b;
    actual = nominalPick.figure;
    notes.push(...nominalPick.notes);
  };

  if (!relative) {
    useNominal('level');
    if (!nominalPick.found) reasons.push(nominalPick.reason);
    if (target.baseYear === null) baselineReason = 'the target states no base year, so progress from a baseline cannot be measured';
    else if (nominalPick.found) {
      const b = baselineFor(target, nominalPick.figure, history, name);
      if ('baseline' in b) baseline = b.baseline;
      else baselineReason = b.reason;
    }
  } else if (target.baseYear === null) {
    reasons.push(noBaseYear(target));
    if (!nominalPick.found) reasons.push(nominalPick.reason);
    useNominal('nominal');
    if (real) notes.push(`a volume index (${real.volumeIndex}) can only be read against a stated base year`);
  } else if (!real) {
    useNominal('nominal');
    if (!nominalPick.found) reasons.push(nominalPick.reason);
    else {
      const b = baselineFor(target, nominalPick.figure, history, name);
      if ('baseline' in b) baseline = b.baseline;
      else reasons.push(b.reason);
    }
  } else {
    // A target on real growth: the volume index against the base year, else nominal ÷ a sourced deflator.
    const year = target.baseYear;
    const unbased = indexHistory.filter((f) => f.basePeriod === null);
    if (unbased.length)
      notes.push(`${unbased.length} figure(s) of ${real.volumeIndex} (${unbased.map((f) => f.period).join(', ')}) state no base period and are not used`);
    const candidates = indexHistory.filter((f) => f.basePeriod !== null && periodYear(f.basePeriod) === year);
    const indexPick: Pick<IndexFigure> = candidates.length
      ? choose(candidates, `${real.volumeIndex} against ${year} for ${name}`)
      : { found: false, reason: `no volume index (${real.volumeIndex}) against ${year} for ${name}${upTo}` };
    if (indexPick.found) {
      const f = indexPick.figure;
      basis = 'volume_index';
      actual = f;
      baseline = { indicator: f.indicator, value: 100, period: f.basePeriod as string, source: f.source, from: 'index_base' };
      notes.push(...indexPick.notes);
      if (f.basePeriod !== String(year)) notes.push(`the volume index is against ${f.basePeriod}, a date in the base year ${year}, not the whole year`);
    } else {
      let deflatorReason = '';
      let nominalBaseline: Baseline | null = null;
      if (!nominalPick.found) deflatorReason = `no deflated figure either: ${nominalPick.reason}`;
      else {
        const b = baselineFor(target, nominalPick.figure, history, name);
        if (!('baseline' in b)) deflatorReason = `no deflated figure either: ${b.reason}`;
        else {
          nominalBaseline = b.baseline;
          const n = nominalPick.figure;
          const found = indexFiguresUpTo(obs, real.deflator, asOf).filter((f) => f.period === n.period && f.basePeriod === b.baseline.period);
          const dp = latestOf(found, `${real.deflator} for ${n.period} against ${b.baseline.period} for ${name}`);
          if (dp.found && !(dp.figure.value > 0)) deflatorReason = `no deflator: the price index for ${n.period} is ${dp.figure.value}, not a positive index`;
          else if (dp.found) {
            basis = 'deflated';
            deflator = dp.figure;
            baseline = b.baseline;
            actual = {
              ...n,
              value: n.value / (dp.figure.value / 100),
              note: `${n.value} at current prices ÷ ${dp.figure.value} % (${real.deflator}, ${n.period} against ${b.baseline.period}): in prices of ${b.baseline.period}`,
            };
            notes.push(...nominalPick.notes, ...dp.notes);
          } else deflatorReason = `no deflator: ${dp.reason}`;
        }
      }
      if (basis === null) {
        const shown = nominalPick.found ? '; the change at current prices is not real growth, so it is shown labelled nominal and not judged' : '';
        reasons.push(`real growth of ${real.label} against ${year} is not computable: ${indexPick.reason}; ${deflatorReason}${shown}`);
        useNominal('nominal');
        baseline = nominalBaseline;
      }
    }
  }

  if (actual !== null && (actual as Figure).status === 'estimate') notes.push(`the figure for ${(actual as Figure).period} is an estimate, not a final figure`);

  // The level to reach, and the change and progress so far.
  const a = actual as Figure | null;
  const b = baseline as Baseline | null;
  if (relative && b && b.value <= 0)
    reasons.push(
      b.value === 0
        ? `zero base: ${b.indicator} for ${name} was 0 in ${b.period}; a change against zero is not defined, and no value is substituted`
        : `negative base: ${b.indicator} for ${name} was ${b.value} in ${b.period}; a change against a negative base is not defined`,
    );
  const base = b && (!relative || b.value > 0) ? b : null;
  let targetValue: number | null = null;
  if (target.rule === 'at_least' || target.rule === 'at_most') targetValue = target.value;
  else if (base && target.rule === 'change_vs_base_pct') targetValue = (base.value * (100 + target.value)) / 100;
  else if (base && target.rule === 'multiple_of_base') targetValue = base.value * target.value;
  const changePct = relative && a && base ? (a.value / base.value - 1) * 100 : null;

  let achievementPct: number | null = null;
  let achievementReason: string | null = baselineReason;
  let baselineMet = false;
  if (base && targetValue !== null && pol.polarity) {
    baselineMet = meets(pol.polarity, base.value, targetValue);
    if (baselineMet)
      achievementReason = `the baseline (${base.value} for ${base.period}) already meets the target (${targetValue}), so progress towards it is not defined`;
    else if (a) achievementPct = ((a.value - base.value) / (targetValue - base.value)) * 100;
  }

  const met = a && targetValue !== null && pol.polarity ? meets(pol.polarity, a.value, targetValue) : null;
  let status: TargetStatus = 'not_computable';
  let expectedPct: number | null = null;
  if (reasons.length === 0 && a && met !== null) {
    const age = dateTimePoint(asOf) - timePoint(a.period);
    if (deadlineReached) status = met ? 'achieved' : 'missed';
    else if (age > maxAge)
      reasons.push(
        `the latest figure is for ${a.period}, ${age.toFixed(1)} years before ${asOf}, older than ${maxAge} years (${MAX_ACTUAL_AGE}); progress is not judged on it`,
      );
    else if (met) status = 'achieved';
    else if (deadline === null)
      reasons.push(
        `the target has no deadline, so whether a figure that does not meet it (${a.value} for ${a.period}) is on track or at risk cannot be judged`,
      );
    else if (!base) reasons.push(achievementReason ?? 'no baseline: on track or at risk is judged on progress from a baseline');
    else if (timePoint(a.period) <= timePoint(base.period))
      reasons.push(`the latest figure (${a.period}) is not after the baseline (${base.period}); there is no progress to judge yet`);
    else if (baselineMet) {
      status = 'at_risk';
      notes.push(`the baseline (${base.value} for ${base.period}) met the target and the latest figure (${a.value} for ${a.period}) no longer does`);
    } else if (achievementPct === null) reasons.push(achievementReason ?? 'progress towards the target is not defined');
    else {
      const elapsed = (timePoint(a.period) - timePoint(base.period)) / (timePoint(deadline) - timePoint(base.period));
      expectedPct = elapsed * 100;
      status = achievementPct >= expectedPct * tolerance ? 'on_track' : 'at_risk';
    }
  } else if (reasons.length === 0) reasons.push(a ? 'the target level cannot be computed' : `no figure for ${target.indicator} for ${name}${upTo}`);

  // A target figure recorded with the observations must agree with the program's.
  if (a && targetValue !== null && deadline !== null)
    for (const o of obs)
      if (
        o.status === 'target' &&
        o.indicator === a.indicator &&
        o.period === deadline &&
        typeof o.value === 'number' &&
        Math.abs(o.value - targetValue) > 1e-6 * Math.max(1, Math.abs(targetValue))
      )
        notes.push(`the observations record a target of ${o.value} for ${o.period} (${o.source}); the program gives ${targetValue}`);

  return {
    program,
    target: target.id,
    town: name,
    indicator: target.indicator,
    rule: target.rule,
    comparison: target.comparison,
    scope: target.scope.kind,
    statedValue: target.value,
    polarity: pol.polarity,
    polarityFrom: pol.from,
    basis,
    baseline,
    targetValue,
    actual,
    deflator,
    changePct,
    achievementPct,
    expectedPct,
    status,
    reason: status === 'not_computable' ? reasons.join('; ') : null,
    deadline,
    deadlineReached,
    targetSource: target.sources,
    wording: target.wording,
    history,
    indexHistory,
    trend: trendOf(history, `${target.indicator} for ${name}`),
    notes,
  };
}
