import { differenceInDifferences, syntheticControl, type DidResult, type PanelRow, type SynthResult } from '../domain/impact/index.js';
import { DomainError, invalidArgument } from '../domain/errors.js';

/** One figure as the estimators read it (from the database or a CSV folder). */
export interface ImpactObservation {
  town: string;
  indicator: string;
  period: string;
  value: number | null;
  status: string;
}

export interface DidRequest {
  indicator: string;
  /** Treated units from `treatmentPeriod` on; omit both to read a `treated` (0/1) indicator from the observations. */
  treated?: string[];
  treatmentPeriod?: string;
}

export interface SynthRequest {
  indicator: string;
  treated: string;
  treatmentPeriod: string;
  donors?: string[];
  predictors?: string[];
}

export interface DataWarning {
  code: 'conflicting_values';
  message: string;
}

/**
 * One row per unit and period. Where sources give different figures for the same unit and
 * period, the cell is left empty (not averaged, not chosen) and a warning names the figures.
 */
function actualPanel(obs: readonly ImpactObservation[], indicator: string, warnings: DataWarning[]): PanelRow[] {
  const cells = new Map<string, ImpactObservation[]>();
  for (const o of obs) {
    if (o.indicator !== indicator || o.status !== 'actual') continue;
    const key = `${o.town}\u0000${o.period}`;
    cells.set(key, [...(cells.get(key) ?? []), o]);
  }
  return [...cells.values()].map((list) => {
    const distinct = [...new Set(list.map((o) => o.value))];
    if (distinct.length > 1) {
      warnings.push({
        code: 'conflicting_values',
        message: `${list[0].town} ${list[0].period}: sources give different figures for "${indicator}" (${distinct.join(', ')}); the cell is left out rather than choosing one.`,
      });
    }
    return { unit: list[0].town, period: list[0].period, value: distinct.length === 1 ? distinct[0] : null };
  });
}

function requirePanel(obs: readonly ImpactObservation[], indicator: string, warnings: DataWarning[]): PanelRow[] {
  const panel = actualPanel(obs, indicator, warnings);
  if (panel.length === 0) throw invalidArgument('indicator', `no actual observations of "${indicator}"; choose an indicator the data holds.`);
  return panel;
}

/** Difference-in-differences on the observations of one indicator. */
export function runDid(obs: readonly ImpactObservation[], req: DidRequest): DidResult & { dataWarnings: DataWarning[] } {
  const dataWarnings: DataWarning[] = [];
  const panel = requirePanel(obs, req.indicator, dataWarnings);
  if (req.treated && req.treatmentPeriod)
    return { ...differenceInDifferences(panel, { kind: 'adoption', units: req.treated, period: req.treatmentPeriod }), dataWarnings };
  if (req.treated || req.treatmentPeriod)
    throw invalidArgument(
      'treated',
      'give both the treated units and the treatment period, or neither (then a "treated" 0/1 indicator is read from the observations).',
    );
  const flags = new Map(obs.filter((o) => o.indicator === 'treated').map((o) => [`${o.town}\u0000${o.period}`, o.value]));
  if (flags.size === 0)
    throw new DomainError(
      'invalid_argument',
      'No treatment given: pass --treated and --treatment-period, or include a "treated" indicator (0/1 per unit and period) in the observations.',
      { field: 'treated' },
    );
  const rows = panel.map((r) => {
    const f = flags.get(`${r.unit}\u0000${r.period}`);
    return { ...r, treated: (f === 1 ? 1 : 0) as 0 | 1 };
  });
  return { ...differenceInDifferences(rows, { kind: 'observations' }), dataWarnings };
}

/** Synthetic control for one treated unit; predictors are other indicators averaged over the pre-treatment periods. */
export function runSynth(obs: readonly ImpactObservation[], req: SynthRequest): SynthResult & { dataWarnings: DataWarning[] } {
  const dataWarnings: DataWarning[] = [];
  const outcome = requirePanel(obs, req.indicator, dataWarnings);
  const predictors = (req.predictors ?? []).map((name) => ({ name, panel: requirePanel(obs, name, dataWarnings) }));
  const result = syntheticControl({
    outcome,
    treatedUnit: req.treated,
    treatmentPeriod: req.treatmentPeriod,
    donors: req.donors,
    predictors: predictors.length ? predictors : undefined,
  });
  return { ...result, dataWarnings };
}
