/**
 * The JSON shape the CLI and the API print. Pure: the same result always maps to the same JSON
 * (keys in a fixed order, NaN never appears: what is not computable is null).
 */
import type { CompositeWarning } from './audit.js';
import type { AuditSummary, CompositeResult, CompositeRun, SensitivitySummary, UnitUncertainty } from './run.js';

export interface CompositeUnitJson {
  unit: string;
  score: number | null;
  rank: number | null;
  reason: string | null;
  groups: Record<string, number | null>;
  groupRanks: Record<string, number | null>;
  normalised: Record<string, number | null>;
  contributions: Record<string, number | null>;
  incomplete: boolean;
  imputed: string[];
  uncertainty?: UnitUncertainty;
}

export interface CompositeJson {
  period: string;
  units: CompositeUnitJson[];
  weights: Record<string, number>;
  contributionsSumTo: 'score' | 'log_score';
  imputed: { unit: string; indicator: string; value: number }[];
  incompleteUnits: string[];
  audit: AuditSummary;
  uncertainty?: { runs: number; seed: number };
  sensitivity?: SensitivitySummary;
  warnings: CompositeWarning[];
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export function toJson(source: CompositeRun | CompositeResult): CompositeJson {
  const r: CompositeResult = 'result' in source ? source.result : source;
  const out: CompositeJson = {
    period: r.period,
    units: r.units.map((u) => {
      const unit: CompositeUnitJson = {
        unit: u.unit,
        score: u.score,
        rank: u.rank,
        reason: u.reason,
        groups: { ...u.groups },
        groupRanks: { ...u.groupRanks },
        normalised: { ...u.normalised },
        contributions: { ...u.contributions },
        incomplete: u.incomplete,
        imputed: [...u.imputed],
      };
      if (u.uncertainty) unit.uncertainty = { ...u.uncertainty };
      return unit;
    }),
    weights: { ...r.weights },
    contributionsSumTo: r.contributionsSumTo,
    imputed: r.imputed.map((c) => ({ ...c })),
    incompleteUnits: [...r.incompleteUnits],
    audit: clone(r.audit),
    warnings: r.warnings.map((w) => clone(w)),
  };
  if (r.uncertainty) out.uncertainty = { ...r.uncertainty };
  if (r.sensitivity) out.sensitivity = clone(r.sensitivity);
  return out;
}
