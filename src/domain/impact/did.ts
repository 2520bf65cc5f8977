/**
 * Difference-in-differences by two-way fixed effects (Angrist & Pischke 2009, ch. 5):
 * y_it = α_i + γ_t + β·D_it + ε_it, estimated by least squares on the observed cells (an unbalanced
 * panel is fine), with standard errors clustered by unit (CR1, Cameron & Miller 2015), and an event
 * study of leads and lags around the first treated period, the period before it as reference.
 * See docs/methods/impact.md.
 */
import { invalidArgument, invalidData, type DataIssue } from '../errors.js';
import { choleskyInverse, fSurvival, leastSquares, notComputable, readPanel, studentTQuantile } from './linalg.js';
import type { ImpactWarning, NotComputable, Panel, PanelRow } from './linalg.js';

/** Which cells are treated. */
export type DidTreatment =
  /** The simple form: these units are treated from `period` on (every later period too); all others never. */
  | { kind: 'adoption'; units: readonly string[]; period: string }
  /** A per-(unit, period) matrix: matrix[unit][period] = 1 when treated; it must cover every observed cell. */
  | { kind: 'matrix'; matrix: Readonly<Record<string, Readonly<Record<string, 0 | 1>>>> }
  /** The `treated` field (0/1) of each panel row. */
  | { kind: 'observations' };

export interface DidOptions {
  /**
   * Event-study window: relative periods below −leads are binned into −leads, above lags into lags
   * (Schmidheiny & Siegloch 2023). Default: no binning, every relative period observed gets a coefficient.
   */
  eventWindow?: { leads: number; lags: number };
}

export interface EventStudyPoint {
  /** Periods since the first treated period (position in the ordered list of periods): −2, −1, 0, 1, … */
  relativePeriod: number;
  /** Effect relative to the reference period −1; null when not identified. */
  estimate: number | null;
  se: number | null;
  ci95: [number, number] | null;
  /** Observations of treated units at this relative period. */
  n: number;
  /** True for −1, the reference: its coefficient is 0 by construction. */
  reference?: true;
  /** Why the estimate is missing. */
  note?: string;
}

export interface PreTrendTest {
  /** Relative periods tested (the identified leads, −2 and earlier). */
  leads: number[];
  /** Wald statistic b′V⁻¹b / q with the cluster-robust V. */
  F: number;
  df1: number;
  df2: number;
  /** P(F(df1, df2) > F): a small value is evidence of a pre-trend. */
  pValue: number;
}

export interface DidEstimate {
  status: 'ok';
  /** β, the average effect on treated cells under parallel trends and a homogeneous effect. */
  estimate: number;
  /** Cluster-robust standard error (CR1 by unit); null when not computable, see seNote. */
  se: number | null;
  /** estimate ± t(0.975, G − 1)·se. */
  ci95: [number, number] | null;
  seNote?: string;
  /** Observations used (cells with a value). */
  n: number;
  periods: number;
  units: number;
  /** Units with at least one treated observed cell. */
  treatedUnits: number;
  treatedUnitIds: string[];
  /** How the standard error was computed. */
  vcov: {
    type: 'CR1';
    cluster: 'unit';
    /** G, the number of clusters (units). */
    clusters: number;
    /** K, the parameters of the dummy-variable regression: units + identified period effects + β. */
    parameters: number;
    /** G/(G − 1)·(N − 1)/(N − K), as Stata's `regress, vce(cluster)` and R's `sandwich::vcovCL(type = "HC1")` on `lm`. */
    smallSampleFactor: number | null;
    /** Degrees of freedom of the t and F reference distributions: G − 1. */
    df: number;
    tCritical: number | null;
  };
  eventStudy: EventStudyPoint[];
  /** Joint test that the leads are zero; null with preTrendNote when not computable. */
  preTrend: PreTrendTest | null;
  preTrendNote?: string;
  warnings: ImpactWarning[];
}

export type DidResult = DidEstimate | NotComputable;

interface Cell {
  u: number;
  t: number;
  y: number;
  d: number;
}

/** Builds D over the panel grid: 1/0, NaN where unknown. Throws on bad treatment input. */
function treatmentGrid(panel: Panel, rows: readonly PanelRow[], treatment: DidTreatment): Float64Array[] {
  const { units, periods } = panel;
  const grid = units.map(() => new Float64Array(periods.length).fill(NaN));
  if (treatment === null || typeof treatment !== 'object') throw invalidArgument('treatment', 'expected { kind: "adoption" | "matrix" | "observations", … }.');
  if (treatment.kind === 'adoption') {
    const unknown = treatment.units.filter((u) => !units.includes(u));
    if (unknown.length > 0) {
      throw invalidArgument(
        'treatment.units',
        `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the panel. The panel's units are: ${units.join(', ')}.`,
      );
    }
    if (typeof treatment.period !== 'string' || treatment.period === '')
      throw invalidArgument('treatment.period', 'give the first treated period, e.g. "2015".');
    const treated = new Set(treatment.units);
    units.forEach((u, i) => periods.forEach((p, t) => (grid[i][t] = treated.has(u) && p >= treatment.period ? 1 : 0)));
    return grid;
  }
  const issues: DataIssue[] = [];
  if (treatment.kind === 'matrix') {
    const m = treatment.matrix;
    for (const u of Object.keys(m)) {
      if (!units.includes(u)) issues.push({ file: 'treatment matrix', column: u, message: `unit "${u}" is not in the panel; check its id` });
    }
    units.forEach((u, i) => {
      const row = Object.hasOwn(m, u) ? m[u] : undefined;
      periods.forEach((p, t) => {
        const v = row && Object.hasOwn(row, p) ? row[p] : undefined;
        if (v === 0 || v === 1) grid[i][t] = v;
        else if (v !== undefined) issues.push({ file: 'treatment matrix', column: `${u} / ${p}`, message: `${String(v)} is not 0 or 1` });
        else if (!Number.isNaN(panel.values[i][t]))
          issues.push({ file: 'treatment matrix', column: `${u} / ${p}`, message: 'has a value in the panel but no treatment status; add 0 or 1' });
      });
      // matrix periods beyond the panel's still tell when treatment started; they are read for the event study only
    });
  } else if (treatment.kind === 'observations') {
    units.forEach((_, i) =>
      periods.forEach((_p, t) => {
        const r = panel.rows[i][t];
        if (r < 0) return;
        const v = rows[r].treated;
        if (v === 0 || v === 1) grid[i][t] = v;
        else if (v !== undefined && v !== null) issues.push({ file: 'panel', row: r, column: 'treated', message: `${String(v)} is not 0 or 1` });
        else if (!Number.isNaN(panel.values[i][t]))
          issues.push({ file: 'panel', row: r, column: 'treated', message: 'is missing; every row with a value needs treated 0 or 1' });
      }),
    );
  } else {
    throw invalidArgument(
      'treatment.kind',
      `"${String((treatment as { kind: unknown }).kind)}" is not a treatment form; use "adoption", "matrix" or "observations".`,
    );
  }
  if (issues.length > 0) throw invalidData(issues, 'The treatment status');
  return grid;
}

/** First period index each unit is treated (from every known status, observed or not); −1 when never. */
function adoptionIndex(grid: Float64Array[], matrixExtra: Map<number, string[]>, periods: string[]): { first: Int32Array; before: boolean[] } {
  const first = new Int32Array(grid.length).fill(-1);
  const before = new Array<boolean>(grid.length).fill(false);
  grid.forEach((row, u) => {
    for (let t = 0; t < row.length; t++) {
      if (row[t] === 1) {
        first[u] = t;
        break;
      }
    }
    // a matrix may mark periods outside the panel: a treated period before the panel starts means adoption before the data
    const extra = matrixExtra.get(u) ?? [];
    if (extra.some((p) => p < periods[0])) before[u] = true;
  });
  return { first, before };
}

interface Fit {
  coefficients: Float64Array;
  aliased: boolean[];
  vcov: Float64Array | null;
  factor: number | null;
  parameters: number;
  seNote?: string;
}

/**
 * Least squares of y on the regressors plus unit and period effects, over the cells, with the CR1
 * sandwich by unit. The unit effects are removed exactly by the within transformation (demeaning
 * within each unit over its observed cells), the period effects enter as within-demeaned dummies, so
 * the regression is the dummy-variable one (LSDV) for any unbalanced panel; by Frisch–Waugh–Lovell its
 * coefficients, residuals and sandwich block for the regressors equal those of the full LSDV design.
 */
function twfe(cells: readonly Cell[], units: number, periods: number, regressors: readonly Float64Array[]): Fit {
  const n = cells.length;
  const count = new Float64Array(units);
  for (const c of cells) count[c.u]++;
  const demean = (x: ArrayLike<number>) => {
    const sum = new Float64Array(units);
    for (let i = 0; i < n; i++) sum[cells[i].u] += x[i];
    return Float64Array.from({ length: n }, (_, i) => x[i] - sum[cells[i].u] / count[cells[i].u]);
  };
  const y = demean(cells.map((c) => c.y));
  const columns: Float64Array[] = [];
  for (let t = 1; t < periods; t++) columns.push(demean(cells.map((c) => (c.t === t ? 1 : 0))));
  const fe = columns.length;
  for (const r of regressors) columns.push(demean(r));
  const fit = leastSquares(columns, y);
  const p = columns.length;
  const unitsObserved = count.filter((c) => c > 0).length;
  const parameters = unitsObserved + fit.rank;
  const interest = regressors.map((_, j) => fe + j);
  const coefficients = Float64Array.from(interest, (j) => fit.coefficients[j]);
  const aliased = interest.map((j) => fit.aliased[j]);
  const g = unitsObserved;
  let seNote: string | undefined;
  if (g < 2) seNote = 'Not computable, because cluster-robust standard errors need at least two units (clusters).';
  else if (n - parameters <= 0)
    seNote = `Not computable, because no residual degrees of freedom are left: ${n} observations and ${parameters} parameters (with one observation per unit and period cell the fit is exact). Use the underlying observations, more periods or more units.`;
  if (seNote) return { coefficients, aliased, vcov: null, factor: null, parameters, seNote };
  // meat: Σ_g s_g s_g′ with s_g = Σ_{i∈g} z_i e_i over the kept columns
  const kept = Array.from({ length: p }, (_, j) => j).filter((j) => !fit.aliased[j]);
  const q = kept.length;
  const scores = Array.from({ length: units }, () => new Float64Array(q));
  for (let i = 0; i < n; i++) {
    const s = scores[cells[i].u];
    const e = fit.residuals[i];
    for (let a = 0; a < q; a++) s[a] += columns[kept[a]][i] * e;
  }
  const meat = new Float64Array(q * q);
  for (const s of scores) for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) meat[a * q + b] += s[a] * s[b];
  const bread = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) bread[a * q + b] = fit.xtxInverse[kept[a] * p + kept[b]];
  const factor = (g / (g - 1)) * ((n - 1) / (n - parameters));
  const bm = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) for (let c = 0; c < q; c++) bm[a * q + b] += bread[a * q + c] * meat[c * q + b];
  const position = new Map(kept.map((j, a) => [j, a]));
  const m = regressors.length;
  const vcov = new Float64Array(m * m).fill(NaN);
  for (let i = 0; i < m; i++) {
    const a = position.get(interest[i]);
    if (a === undefined) continue;
    for (let j = 0; j < m; j++) {
      const b = position.get(interest[j]);
      if (b === undefined) continue;
      let s = 0;
      for (let c = 0; c < q; c++) s += bm[a * q + c] * bread[c * q + b];
      vcov[i * m + j] = factor * s;
    }
  }
  return { coefficients, aliased, vcov, factor, parameters };
}

const interval = (estimate: number, se: number | null, t: number | null): [number, number] | null =>
  se === null || t === null ? null : [estimate - t * se, estimate + t * se];

/**
 * Estimates what a program changed by difference-in-differences with unit and period fixed effects.
 * Invalid input (bad rows, unknown units, a treatment status that is not 0/1) throws a DomainError
 * listing every problem; a design that cannot identify the effect returns `status: 'not_computable'`.
 */
export function differenceInDifferences(panelRows: readonly PanelRow[], treatment: DidTreatment, options: DidOptions = {}): DidResult {
  const panel = readPanel(panelRows, 'panel');
  const grid = treatmentGrid(panel, panelRows, treatment);
  const { units, periods } = panel;
  const warnings: ImpactWarning[] = [];
  const window = options.eventWindow;
  if (window && !(Number.isInteger(window.leads) && Number.isInteger(window.lags) && window.leads >= 2 && window.lags >= 0)) {
    throw invalidArgument('eventWindow', 'leads must be a whole number ≥ 2 (−1 is the reference) and lags a whole number ≥ 0.');
  }

  const cells: Cell[] = [];
  units.forEach((_, u) =>
    periods.forEach((_p, t) => {
      const y = panel.values[u][t];
      if (!Number.isNaN(y)) cells.push({ u, t, y, d: grid[u][t] });
    }),
  );
  const observedUnits = new Set(cells.map((c) => c.u));
  const observedPeriods = new Set(cells.map((c) => c.t));
  const treatedCells = cells.filter((c) => c.d === 1);
  const treatedUnitSet = [...new Set(treatedCells.map((c) => c.u))].sort((a, b) => a - b);
  const treatedUnitIds = treatedUnitSet.map((u) => units[u]);
  const base = { n: cells.length, units: observedUnits.size, periods: observedPeriods.size };
  if (observedUnits.size < 2 || observedPeriods.size < 2) {
    return notComputable(
      'too_few_units_or_periods',
      `Not computable, because difference-in-differences needs at least two units and two periods with values; the panel has ${observedUnits.size} unit(s) and ${observedPeriods.size} period(s) with values.`,
      base,
    );
  }
  if (treatedCells.length === 0) {
    return notComputable(
      'no_treated_cells',
      'Not computable, because no observed cell is treated: there is nothing whose change could be estimated. Check the treatment units and period (is the treatment period after the last observed period?).',
      base,
    );
  }
  if (treatedCells.length === cells.length) {
    return notComputable(
      'no_untreated_cells',
      'Not computable, because every observed cell is treated: there is no comparison. Add untreated units or pre-treatment periods.',
      base,
    );
  }

  // warnings about the design
  const matrixExtra = new Map<number, string[]>();
  if (treatment.kind === 'matrix') {
    units.forEach((u, i) => {
      const row = Object.hasOwn(treatment.matrix, u) ? treatment.matrix[u] : {};
      matrixExtra.set(
        i,
        Object.keys(row).filter((p) => row[p] === 1 && !periods.includes(p)),
      );
    });
  }
  const { first, before } = adoptionIndex(grid, matrixExtra, periods);
  const adoptions = new Set<number>();
  const notAbsorbing: string[] = [];
  const leftCensored: string[] = [];
  for (const u of treatedUnitSet) {
    adoptions.add(first[u]);
    const row = grid[u];
    let seenOne = false;
    for (let t = 0; t < row.length; t++) {
      if (row[t] === 1) seenOne = true;
      else if (row[t] === 0 && seenOne) {
        notAbsorbing.push(units[u]);
        break;
      }
    }
    let firstObserved = -1;
    for (let t = 0; t < row.length && firstObserved < 0; t++) if (!Number.isNaN(panel.values[u][t])) firstObserved = t;
    if (before[u] || first[u] <= firstObserved) leftCensored.push(units[u]);
  }
  const g = observedUnits.size;
  const controls = g - treatedUnitSet.length;
  if (g < 30) {
    warnings.push({
      code: 'few_clusters',
      message: `Only ${g} units (clusters): cluster-robust standard errors are biased downward and tests over-reject with fewer than about 30–50 clusters (Cameron & Miller 2015). Read the confidence interval as optimistic; a wild cluster bootstrap would be more reliable.`,
      details: { clusters: g },
    });
  }
  if (treatedUnitSet.length < 5 || controls < 5) {
    warnings.push({
      code: 'few_treated_or_control_clusters',
      message: `${treatedUnitSet.length} treated and ${controls} never-treated unit(s): with so few on one side the cluster-robust standard error can be far too small (MacKinnon & Webb 2017), whatever the total number of units.`,
      details: { treated: treatedUnitSet.length, controls },
    });
  }
  if (adoptions.size > 1) {
    warnings.push({
      code: 'staggered_adoption',
      message: `Units start treatment in ${adoptions.size} different periods. Two-way fixed effects then compares later-treated with earlier-treated units, and the estimate can be biased, even of the wrong sign, when effects change over time or differ between cohorts (Goodman-Bacon 2021; de Chaisemartin & D'Haultfœuille 2020; Sun & Abraham 2021). Read the event study, and compare cohorts separately.`,
      details: { adoptionPeriods: [...adoptions].sort((a, b) => a - b).map((t) => periods[t]) },
    });
  }
  if (controls === 0) {
    warnings.push({
      code: 'no_never_treated_units',
      message:
        'Every unit is treated at some point, so only the timing of adoption identifies the effect. In the event study, relative time is then a combination of unit and period, its linear trend is not identified, and the leads and lags shown depend on which ones had to be left out (Borusyak, Jaravel & Spiess 2024). Add never-treated comparison units if there are any.',
    });
  }
  if (notAbsorbing.length > 0) {
    warnings.push({
      code: 'treatment_not_absorbing',
      message: `Treatment switches off again for ${notAbsorbing.join(', ')}. The event study counts periods from the first treated period, so its lags mix treated and no-longer-treated cells.`,
      details: { units: notAbsorbing },
    });
  }
  if (leftCensored.length > 0) {
    warnings.push({
      code: 'treated_from_start',
      message: `${leftCensored.join(', ')} ${leftCensored.length === 1 ? 'is' : 'are'} already treated in the first observed period: the data show no before for ${leftCensored.length === 1 ? 'it' : 'them'}, and the true start may be earlier. ${leftCensored.length === 1 ? 'It adds' : 'They add'} nothing to the pre-trend check.`,
      details: { units: leftCensored },
    });
  }
  if (cells.length < g * observedPeriods.size) {
    warnings.push({
      code: 'unbalanced_panel',
      message: `${g * observedPeriods.size - cells.length} unit-period cells have no value; the estimate uses the ${cells.length} observed cells. If values are missing because of the program (e.g. a town stopped reporting), the estimate is biased.`,
      details: { missingCells: g * observedPeriods.size - cells.length },
    });
  }

  // the static two-way fixed-effects regression
  const T = periods.length;
  const fit = twfe(cells, units.length, T, [Float64Array.from(cells, (c) => c.d)]);
  if (fit.aliased[0]) {
    return notComputable(
      'treatment_collinear_with_fixed_effects',
      'Not computable, because the treatment indicator is fully explained by the unit and period effects (for example every observed unit is treated in exactly the same periods), so no untreated comparison is left to identify the effect.',
      { ...base, treatedUnits: treatedUnitSet.length },
      warnings,
    );
  }
  const df = g - 1;
  const tCritical = studentTQuantile(0.975, df);
  const estimate = fit.coefficients[0];
  const se = fit.vcov ? Math.sqrt(Math.max(fit.vcov[0], 0)) : null;

  // the event study
  const event = eventStudy(cells, units.length, T, first, window, tCritical, fit.vcov !== null);
  for (const w of event.warnings) warnings.push(w);

  const result: DidEstimate = {
    status: 'ok',
    estimate,
    se,
    ci95: interval(estimate, se, tCritical),
    n: cells.length,
    periods: observedPeriods.size,
    units: g,
    treatedUnits: treatedUnitSet.length,
    treatedUnitIds,
    vcov: { type: 'CR1', cluster: 'unit', clusters: g, parameters: fit.parameters, smallSampleFactor: fit.factor, df, tCritical },
    eventStudy: event.points,
    preTrend: event.preTrend,
    warnings,
  };
  if (fit.seNote) result.seNote = fit.seNote;
  if (event.preTrendNote) result.preTrendNote = event.preTrendNote;
  return result;
}

function eventStudy(
  cells: readonly Cell[],
  units: number,
  periods: number,
  first: Int32Array,
  window: DidOptions['eventWindow'],
  tCritical: number,
  seComputable: boolean,
): { points: EventStudyPoint[]; preTrend: PreTrendTest | null; preTrendNote?: string; warnings: ImpactWarning[] } {
  const warnings: ImpactWarning[] = [];
  const relative = cells.map((c) => {
    if (first[c.u] < 0) return null;
    let r = c.t - first[c.u];
    if (window) r = Math.min(Math.max(r, -window.leads), window.lags);
    return r;
  });
  const counts = new Map<number, number>();
  for (const r of relative) if (r !== null) counts.set(r, (counts.get(r) ?? 0) + 1);
  const observed = [...counts.keys()].sort((a, b) => a - b);
  const dummies = observed.filter((r) => r !== -1);
  if (!counts.has(-1)) {
    warnings.push({
      code: 'no_reference_period',
      message:
        'No treated unit is observed in the period just before its treatment starts (relative period −1), so the event-study coefficients are measured against the never-treated units only, not against a common reference period.',
    });
  }
  const fit = twfe(
    cells,
    units,
    periods,
    dummies.map((r) => Float64Array.from(relative, (x) => (x === r ? 1 : 0))),
  );
  const points: EventStudyPoint[] = dummies.map((r, j) => {
    const n = counts.get(r) ?? 0;
    if (fit.aliased[j]) {
      return {
        relativePeriod: r,
        estimate: null,
        se: null,
        ci95: null,
        n,
        note: 'Not identified, because this relative period is collinear with the unit and period effects and the other leads and lags (without never-treated units, relative time is a combination of unit and period, so its linear trend cannot be told apart); bin the window or add never-treated comparison units.',
      };
    }
    const estimate = fit.coefficients[j];
    const se = fit.vcov ? Math.sqrt(Math.max(fit.vcov[j * dummies.length + j], 0)) : null;
    const point: EventStudyPoint = { relativePeriod: r, estimate, se, ci95: interval(estimate, se, tCritical), n };
    if (se === null && fit.seNote) point.note = fit.seNote;
    return point;
  });
  if (counts.has(-1)) points.push({ relativePeriod: -1, estimate: 0, se: 0, ci95: [0, 0], n: counts.get(-1)!, reference: true });
  points.sort((a, b) => a.relativePeriod - b.relativePeriod);

  const leads = dummies.map((r, j) => ({ r, j })).filter(({ r, j }) => r <= -2 && !fit.aliased[j]);
  let preTrend: PreTrendTest | null = null;
  let preTrendNote: string | undefined;
  const g = new Set(cells.map((c) => c.u)).size;
  if (leads.length === 0)
    preTrendNote = 'Not computable, because no lead (relative period −2 or earlier) is identified: the data show at most one period before treatment.';
  else if (!seComputable || !fit.vcov) preTrendNote = fit.seNote ?? 'Not computable, because the cluster-robust covariance is not computable.';
  else {
    const q = leads.length;
    const m = dummies.length;
    const v = new Float64Array(q * q);
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) v[a * q + b] = fit.vcov[leads[a].j * m + leads[b].j];
    const inv = q <= g - 1 ? choleskyInverse(v, q) : null;
    if (!inv) {
      preTrendNote = `Not computable, because the cluster-robust covariance of the ${q} leads is singular (it has rank at most G − 1 = ${g - 1}); test fewer leads with a narrower eventWindow.`;
    } else {
      let w = 0;
      for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) w += fit.coefficients[leads[a].j] * inv[a * q + b] * fit.coefficients[leads[b].j];
      const F = w / q;
      preTrend = { leads: leads.map((l) => l.r), F, df1: q, df2: g - 1, pValue: fSurvival(F, q, g - 1) };
    }
  }
  return { points, preTrend, preTrendNote, warnings };
}
