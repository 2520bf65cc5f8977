import { amountOfBudgetLine, costPerJob, moneyPerResident, type MoneyResult } from '../domain/targets/index.js';
import { latestFigure, type Observation } from '../domain/observations.js';
import { notFound } from '../domain/errors.js';
import type { BudgetLine, Program } from '../domain/programs.js';

export interface MoneyLine {
  line: BudgetLine;
  instrumentKind: string | null;
  /** Cost per job, where the line states the jobs it created or planned. */
  costPerJob: MoneyResult | null;
  /** Money per resident, for a line scoped to one town (its latest population figure). */
  perResident: MoneyResult | null;
}

export interface MoneyView {
  program: string;
  lines: MoneyLine[];
  /** Sums of the amounts that convert to million KZT, by status (planned, allocated, …); lines in other currencies are listed apart. */
  totalsByStatus: Record<string, number>;
  notConverted: string[];
  /** Infrastructure against enterprise support, by the kind of the instrument a line funds. */
  byPurpose: Record<string, number>;
  /** Utilisation (used / allocated) needs figures for funds used, which the sources do not give per line. */
  utilisation: MoneyResult;
}

/** Instrument kinds counted as infrastructure; the others fund enterprises, jobs or people. */
const INFRASTRUCTURE = /^(industrial_infrastructure|infrastructure_investment|targeted_transfer|urban_improvement|housing|planning)$/;

/** What a program's budget lines say, with the ratios that can be computed from them and the reasons for those that cannot. */
export function moneyView(program: Program, populationByTown: ReadonlyMap<string, readonly Observation[]>): MoneyView {
  const kinds = new Map(program.instruments.map((i) => [i.id, i.kind as string]));
  const lines = program.budget.map((line): MoneyLine => {
    const instrumentKind = line.instrument ? (kinds.get(line.instrument.split('#').pop()!) ?? null) : null;
    const amount = amountOfBudgetLine(line);
    const jobs = line.counts.jobs;
    const town = line.scope?.kind === 'towns' && line.scope.towns.length === 1 ? line.scope.towns[0] : null;
    const pop = town ? latestFigure(populationByTown.get(town) ?? []) : null;
    return {
      line,
      instrumentKind,
      costPerJob: jobs === undefined ? null : costPerJob(amount, { value: jobs, period: amount.period ?? null }),
      perResident: town
        ? moneyPerResident(amount, pop ? { value: pop.value, period: String(pop.year), source: pop.source.url ?? pop.source.title } : null)
        : null,
    };
  });
  const totalsByStatus: Record<string, number> = {};
  const byPurpose: Record<string, number> = {};
  const notConverted: string[] = [];
  for (const { line, instrumentKind } of lines) {
    if (line.amountMkzt === null) {
      notConverted.push(`${line.id}: ${line.wording}`);
      continue;
    }
    totalsByStatus[line.status] = (totalsByStatus[line.status] ?? 0) + line.amountMkzt;
    const purpose = instrumentKind === null ? 'unspecified' : INFRASTRUCTURE.test(instrumentKind) ? 'infrastructure' : 'enterprise_support';
    byPurpose[purpose] = (byPurpose[purpose] ?? 0) + line.amountMkzt;
  }
  return {
    program: program.id,
    lines,
    totalsByStatus,
    notConverted,
    byPurpose,
    utilisation: {
      value: null,
      unit: '%',
      reason: 'the sources give no figures for funds used or disbursed per budget line; utilisation needs both used and allocated amounts',
      notes: [],
    },
  };
}

export function programMoney(programs: readonly Program[], id: string, populationByTown: ReadonlyMap<string, readonly Observation[]>): MoneyView {
  const p = programs.find((x) => x.id === id);
  if (!p) throw notFound('program', id, `Known programs: ${programs.map((x) => x.id).join(', ')}.`);
  return moneyView(p, populationByTown);
}
