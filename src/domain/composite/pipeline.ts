/**
 * The pipeline stages on typed columns, shared by the nominal run (run.ts) and by the Monte Carlo
 * kernels (uncertainty.ts, sensitivity.ts): prepare (validate input, transform), impute,
 * normalise, weight. Column j of every stage is indicator j of the configuration; NaN = missing.
 */
import { DomainError } from '../errors.js';
import { buildTree, type Tree } from './aggregate.js';
import type { CompositeConfig, NormalisationAlternative, NormalisationConfig } from './config.js';
import { imputers, type ImputationName } from './impute.js';
import { normalisers, orient, orientGoalposts } from './normalise.js';
import { pick } from './registry.js';
import { nonPositive, transforms } from './transform.js';
import { weightSchemes, type Weighting, type WeightScheme } from './weights.js';

export interface IndicatorMeta {
  code: string;
  /** 1 = higher is better, −1 = lower is better. */
  polarity: 1 | -1;
}

/** Plain input data for one period; the caller reads it from CSV or the database. */
export interface CompositeInput {
  /** When given, it must equal the configuration's period. */
  period?: string;
  units: readonly string[];
  indicators: readonly IndicatorMeta[];
  /** values[u][j]: unit u, input indicator j; null = missing. */
  values: readonly (readonly (number | null)[])[];
}

export interface Prepared {
  readonly config: CompositeConfig;
  readonly units: readonly string[];
  /** Indicator codes in configuration order. */
  readonly codes: readonly string[];
  readonly groupCodes: readonly string[];
  readonly polarity: readonly (1 | -1)[];
  readonly tree: Tree;
  /** Transformed columns (before imputation and polarity). */
  readonly transformed: readonly Float64Array[];
  /** Goalposts and targets oriented by polarity. */
  readonly goalposts: readonly ([number, number] | null)[];
  readonly targets: readonly (number | null)[];
}

interface Issue {
  unit?: string;
  indicator?: string;
  message: string;
}

function dataError(summary: string, issues: readonly Issue[], fix: string, code: 'invalid_data' | 'invalid_argument' = 'invalid_data'): DomainError {
  const lines = issues
    .slice(0, 20)
    .map(
      (i) =>
        `  - ${[i.unit !== undefined ? `unit "${i.unit}"` : '', i.indicator !== undefined ? `indicator "${i.indicator}"` : ''].filter(Boolean).join(', ')}: ${i.message}`,
    );
  if (issues.length > 20) lines.push(`  … and ${issues.length - 20} more`);
  return new DomainError(code, `${summary}\n${lines.join('\n')}\n${fix}`, { issues: issues.slice(0, 200) });
}

/** Validates the input against the configuration, selects the configured indicators and transforms them. */
export function prepare(input: CompositeInput, config: CompositeConfig): Prepared {
  const issues: Issue[] = [];
  if (!Array.isArray(input.units) || input.units.length === 0) issues.push({ message: 'the input has no units' });
  const seenUnits = new Set<string>();
  for (const unit of input.units ?? []) {
    if (typeof unit !== 'string' || unit === '') issues.push({ message: `a unit id must be a non-empty text, got ${JSON.stringify(unit)}` });
    else if (seenUnits.has(unit)) issues.push({ unit, message: 'the unit is listed twice' });
    seenUnits.add(unit);
  }
  const column = new Map<string, number>();
  (input.indicators ?? []).forEach((m, j) => {
    if (typeof m?.code !== 'string' || m.code === '') issues.push({ message: `indicator metadata #${j + 1} has no code` });
    else if (column.has(m.code)) issues.push({ indicator: m.code, message: 'the indicator is listed twice in the metadata' });
    else if (m.polarity !== 1 && m.polarity !== -1) issues.push({ indicator: m.code, message: `polarity must be 1 or -1, got ${JSON.stringify(m.polarity)}` });
    column.set(m.code, j);
  });
  if (!Array.isArray(input.values) || input.values.length !== (input.units ?? []).length) {
    issues.push({
      message: `the value matrix must have one row per unit (${(input.units ?? []).length}), got ${Array.isArray(input.values) ? input.values.length : 'none'}`,
    });
  }
  if (issues.length > 0) throw dataError(`The input data has ${issues.length} problem(s); nothing was computed:`, issues, 'Fix the input and run again.');
  if (input.period !== undefined && input.period !== config.period) {
    throw new DomainError(
      'invalid_argument',
      `The data are for period "${input.period}" but the configuration is for "${config.period}". Load the data for "${config.period}" or change "period".`,
      {
        input: input.period,
        config: config.period,
      },
    );
  }
  const missing = config.indicators.filter((x) => !column.has(x.code)).map((x) => x.code);
  if (missing.length > 0) {
    throw new DomainError(
      'invalid_argument',
      `The configuration names indicator(s) that are not in the input data: ${missing.map((c) => `"${c}"`).join(', ')}. The input has: ${[...column.keys()].map((c) => `"${c}"`).join(', ')}.`,
      { missing, available: [...column.keys()] },
    );
  }

  const U = input.units.length;
  const raw = config.indicators.map((ind) => {
    const j = column.get(ind.code)!;
    const col = new Float64Array(U);
    for (let u = 0; u < U; u++) {
      const row = input.values[u];
      if (!Array.isArray(row) || row.length !== input.indicators.length) {
        issues.push({ unit: input.units[u], message: `the row must have ${input.indicators.length} values, one per indicator in the metadata` });
        col[u] = NaN;
        continue;
      }
      const v = row[j];
      if (v === null || v === undefined) col[u] = NaN;
      else if (typeof v !== 'number' || !Number.isFinite(v)) {
        issues.push({
          unit: input.units[u],
          indicator: ind.code,
          message: `expected a finite number or null, got ${typeof v === 'number' ? String(v) : JSON.stringify(v)}`,
        });
        col[u] = NaN;
      } else col[u] = v;
    }
    return col;
  });
  if (issues.length > 0)
    throw dataError(`The input values have ${issues.length} problem(s); nothing was computed:`, dedupe(issues), 'Fix the values and run again.');

  const empty = config.indicators.filter((_, j) => raw[j].every((x) => x !== x)).map((x) => x.code);
  if (empty.length > 0) {
    throw new DomainError(
      'invalid_data',
      `Indicator(s) ${empty.map((c) => `"${c}"`).join(', ')} have no value for any unit in period "${config.period}", so they cannot be normalised or imputed. Remove them from the configuration for this period.`,
      { indicators: empty },
    );
  }

  const bad: Issue[] = [];
  config.indicators.forEach((ind, j) => {
    if (ind.transform === 'none') return;
    for (const u of nonPositive(raw[j]))
      bad.push({ unit: input.units[u], indicator: ind.code, message: `${raw[j][u]} cannot be ${ind.transform}-transformed` });
  });
  if (bad.length > 0) {
    throw dataError(
      `Cannot apply the log transform: ${bad.length} value(s) are zero or negative, and the logarithm of such a number is undefined:`,
      bad,
      'Fix: use "transform": "none" for these indicators, or check the values (a zero may really be a missing value). Monoqala does not add a constant to make them positive.',
    );
  }
  const transformed = config.indicators.map((ind, j) => pick(transforms, ind.transform, 'transform')(raw[j]));

  const polarity = config.indicators.map((ind) => ind.polarity ?? input.indicators[column.get(ind.code)!].polarity);
  // goalposts and targets are on the transformed scale (as in COINr, where they apply to the treated data); polarity orients them
  const goalposts = config.indicators.map((ind, j) => (ind.goalposts ? orientGoalposts(ind.goalposts, polarity[j]) : null));
  const targets = config.indicators.map((ind, j) => (ind.target === null ? null : polarity[j] * ind.target));

  const groupCodes = config.groups.map((g) => g.code);
  const groupIndex = new Map(groupCodes.map((c, g) => [c, g]));
  const tree = buildTree(
    config.indicators.map((x) => (x.group === null ? -1 : groupIndex.get(x.group)!)),
    config.groups.map((g) => (g.parent === null ? -1 : groupIndex.get(g.parent)!)),
  );
  return { config, units: input.units, codes: config.indicators.map((x) => x.code), groupCodes, polarity, tree, transformed, goalposts, targets };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.unit}|${i.indicator}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface ImputedCell {
  unit: number;
  indicator: number;
  value: number;
}

export function imputeStage(p: Prepared, method: ImputationName): { columns: Float64Array[]; imputed: ImputedCell[] } {
  const fn = pick(imputers, method, 'imputation');
  const imputed: ImputedCell[] = [];
  const columns = p.transformed.map((col, j) => {
    const r = fn(col);
    for (const u of r.imputed) imputed.push({ unit: u, indicator: j, value: r.values[u] });
    return r.values;
  });
  return { columns, imputed };
}

/** Resolves an uncertainty alternative's null parameters from the nominal normalisation. */
export function resolveNormalisation(alt: NormalisationAlternative, nominal: NormalisationConfig): NormalisationConfig {
  if (alt.method === 'minmax') return { method: 'minmax', range: alt.range ?? (nominal.method === 'minmax' ? nominal.range : [0, 1]) };
  if (alt.method === 'distance_to_target')
    return { method: 'distance_to_target', cap: alt.cap ?? (nominal.method === 'distance_to_target' ? nominal.cap : false) };
  return { method: alt.method };
}

/** Orients each column by polarity and normalises it; also counts values capped at goalposts. */
export function normaliseStage(p: Prepared, columns: readonly Float64Array[], spec: NormalisationConfig): { columns: Float64Array[]; capped: number[] } {
  const fn = pick(normalisers, spec.method, 'normalisation');
  const capped: number[] = [];
  const out = columns.map((col, j) => {
    const oriented = orient(col, p.polarity[j]);
    const gp = spec.method === 'minmax' ? p.goalposts[j] : null;
    let outside = 0;
    if (gp) for (const x of oriented) if (x < gp[0] || x > gp[1]) outside++;
    capped.push(outside);
    return fn(
      oriented,
      {
        range: spec.method === 'minmax' ? spec.range : undefined,
        goalposts: gp,
        target: p.targets[j],
        cap: spec.method === 'distance_to_target' ? spec.cap : false,
      },
      `indicator "${p.codes[j]}"`,
    );
  });
  return { columns: out, capped };
}

/** Node weights (indicators, groups, root = 1) for the tree; checks that every group has weight to share. */
export function weightStage(p: Prepared, normalised: readonly Float64Array[], scheme: WeightScheme): Weighting & { nodes: Float64Array } {
  const fn = pick(weightSchemes, scheme, 'weights');
  const w = fn({ configured: p.config.indicators.map((x) => x.weight), groups: p.config.groups.map((g) => g.weight), columns: normalised });
  const { tree } = p;
  const nodes = new Float64Array(tree.nodes);
  nodes.set(w.indicators, 0);
  nodes.set(w.groups, tree.indicators);
  nodes[tree.root] = 1;
  for (const node of tree.bottomUp) {
    let s = 0;
    for (let c = tree.childStart[node]; c < tree.childStart[node + 1]; c++) s += nodes[tree.children[c]];
    if (!(s > 0)) {
      const name = node === tree.root ? 'the index itself' : `group "${p.groupCodes[node - tree.indicators]}"`;
      throw new DomainError(
        'invalid_argument',
        `Every weight inside ${name} is zero, so its members cannot be averaged. Give at least one of them a positive weight.`,
        { node: name },
      );
    }
  }
  return { ...w, nodes };
}

/** Packs columns into one row-major matrix (unit × indicator). */
export function rowMajor(columns: readonly ArrayLike<number>[], units: number): Float64Array {
  const I = columns.length;
  const out = new Float64Array(units * I);
  for (let j = 0; j < I; j++) {
    const col = columns[j];
    for (let u = 0; u < units; u++) out[u * I + j] = col[u];
  }
  return out;
}
