import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/app/bundle.js';
import { formatIssue } from '../../src/domain/errors.js';
import { periodYear } from '../../src/domain/periods.js';
import {
  TYPOLOGY_IDS,
  computeTypologies,
  confusionTable,
  dataDrivenTypology,
  publishedClasses,
  type TypologyId,
  type TypologyInput,
  type TypologyResult,
} from '../../src/domain/typology/typologies.js';
import { vulnerabilityScore } from '../../src/domain/vulnerability.js';
import { readReferenceData } from '../../src/io/reader.js';
import { loadRules } from '../../src/io/rules.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

/**
 * The four typologies and the vulnerability score on the reference data, without
 * a database. Every expected value below was checked by hand against
 * data/enterprises.csv, data/kz-monotowns-population.csv and
 * data/observations/seed-00*.csv (see docs/methods/typologies.md, "What the data give").
 */

// The same test as latestFigure (src/domain/observations.ts): a population figure whose note says it may cover the
// whole town administration is not comparable with town-proper figures, so it is left out of a trend.
const SCOPE_WARNING = /administration|settlements|scope unclear/i;
const TOWN_PROPER = /town proper/i;
const outOfScope = (o: Bundle['observations'][number]) => o.indicator === 'population' && !!o.note && SCOPE_WARNING.test(o.note) && !TOWN_PROPER.test(o.note);

/** Each town's typology input from the reference bundle (what the app layer will build from the database). */
function townInputs(bundle: Bundle): TypologyInput[] {
  return [...new Set(bundle.towns.map((t) => t.id))].sort().map((town) => {
    const enterprises = bundle.enterprises.filter((e) => e.town === town);
    return {
      town,
      observations: bundle.observations
        .filter((o) => o.town === town && !outOfScope(o))
        .map((o) => ({
          indicator: o.indicator,
          period: o.period,
          value: o.value,
          valueText: o.valueText,
          source: `${o.sourceId}${o.passage ? ` | ${o.passage}` : ''}`,
          status: o.status,
        })),
      enterpriseStates: enterprises.flatMap((e) =>
        e.states.map((s) => ({ enterprise: e.name, state: s.state, since: s.since, until: null, source: s.sourceId ?? e.sourceIds[0] ?? '' })),
      ),
      enterprises: enterprises.map((e) => ({ name: e.name, naceSection: e.naceSection, source: e.sourceIds.join(' ; ') })),
    };
  });
}

const { bundle, issues } = readReferenceData(PROJECT_ROOT);
const rules = loadRules(PROJECT_ROOT);
const inputs = townInputs(bundle);
const forPublished = inputs.map((i) => ({ town: i.town as string, observations: i.observations }));

const results = new Map<number, TypologyResult[]>();
const resultsFor = (year: number): TypologyResult[] => {
  if (!results.has(year)) results.set(year, inputs.flatMap((i) => computeTypologies(i, year, rules.parameters)));
  return results.get(year)!;
};
const of = (year: number, id: TypologyId) => resultsFor(year).filter((r) => r.typology === id);
const one = (year: number, id: TypologyId, town: string) => of(year, id).find((r) => r.town === town)!;
const classesOf = (year: number, id: TypologyId) => Object.fromEntries(of(year, id).map((r) => [r.town, r.class]));
const townsWith = (year: number, id: TypologyId, cls: string) =>
  of(year, id)
    .filter((r) => r.class === cls)
    .map((r) => r.town);
const table = (year: number, id: TypologyId, publishedYear = year) => confusionTable(of(year, id), publishedClasses(forPublished, id, publishedYear).classes);
const cells = (t: ReturnType<typeof confusionTable>) => t.cells.map((c) => [c.computed, c.published, c.count]);

describe('the reference data and the typology parameters', () => {
  it('load with no issues', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    expect(rules.issues.map(formatIssue)).toEqual([]);
  });

  it('hold one file per parameter in each typology area and for vulnerability', () => {
    const count = (area: string) => rules.parameters.names().filter((n) => n.startsWith(`${area}.`)).length;
    expect([
      count('typology_operating_state'),
      count('typology_production_type'),
      count('typology_dynamics'),
      count('typology_potential'),
      count('vulnerability'),
    ]).toEqual([2, 1, 14, 9, 29]);
    for (const n of rules.parameters.names().filter((x) => x.startsWith('typology_')))
      expect(rules.parameters.get(n).note, `${n} says it is Monoqala's operationalisation`).toMatch(/Monoqala's operationalisation|statistic, not a threshold/);
  });

  it('have the vulnerability weights sum to 1', () => {
    const weights = rules.parameters.names().filter((n) => n.startsWith('vulnerability.weight_'));
    expect(weights.reduce((s, n) => s + rules.parameters.at(n, '2024-12-31'), 0)).toBeCloseTo(1, 12);
  });

  it('give 27 towns; 20 population figures covering a town administration are left out of the trends', () => {
    expect(inputs).toHaveLength(27);
    expect(bundle.observations.filter(outOfScope)).toHaveLength(20);
  });
});

describe('type of production, 2024', () => {
  it('is research for Kurchatov (two NACE M enterprises)', () => {
    const r = one(2024, 'production_type', 'kurchatov');
    expect(r.class).toBe('research');
    expect(r.reasons.map((x) => x.value)).toEqual(['M', 'M', '0 extractive, 0 processing, 2 research']);
  });

  it('gives 19 towns extractive, 5 processing, 1 research and 2 unknown (ties)', () => {
    expect(townsWith(2024, 'production_type', 'processing')).toEqual(['aksu', 'balkhash', 'serebryansk', 'stepnogorsk', 'temirtau']);
    expect(townsWith(2024, 'production_type', 'research')).toEqual(['kurchatov']);
    expect(townsWith(2024, 'production_type', 'extractive')).toHaveLength(19);
    expect(townsWith(2024, 'production_type', 'unknown')).toEqual(['karatau', 'kentau']);
    // Karatau: Kazphosphate (B) and the Sary-Tas plant (C). Kentau: the transformer plant (C), the thermal power plant (D, left out)
    // and the Mirgalimsai mine (B), recorded as stopped but with no date, so it still counts.
    expect(one(2024, 'production_type', 'karatau').reasons.at(-1)?.text).toMatch(/a tie between extractive and processing/);
    expect(one(2024, 'production_type', 'kentau').reasons.map((x) => x.code)).toEqual(['nace_section', 'nace_section_left_out', 'nace_section', 'tie']);
  });

  it('agrees with seed 003 on 4 of the 6 towns it classifies: Serebryansk and Stepnogorsk come out processing', () => {
    const t = table(2024, 'production_type');
    expect(t.total).toBe(27);
    expect(cells(t)).toEqual([
      ['extractive', 'extractive', 3],
      ['extractive', 'unknown', 16],
      ['processing', 'extractive', 2],
      ['processing', 'unknown', 3],
      ['research', 'research', 1],
      ['unknown', 'unknown', 2],
    ]);
    expect([t.compared, t.agreed]).toEqual([6, 4]);
    expect(t.cells.find((c) => c.computed === 'processing' && c.published === 'extractive')?.towns).toEqual(['serebryansk', 'stepnogorsk']);
  });
});

describe('operating state of the town-forming enterprises, 2024', () => {
  it('is unknown for all 27 towns: the data record no dated operating state', () => {
    expect(townsWith(2024, 'tfe_operating_state', 'unknown')).toHaveLength(27);
    for (const r of of(2024, 'tfe_operating_state')) {
      const names = bundle.enterprises.filter((e) => e.town === r.town).map((e) => `enterprise_states:${e.name}`);
      expect(r.missing, r.town ?? '').toEqual([...names].sort());
    }
    expect(one(2024, 'tfe_operating_state', 'kentau').reasons.find((x) => x.text.startsWith('Mirgalimsai'))?.text).toMatch(/has no start date/);
  });

  it('cannot reproduce seed 003 (19 stable, 5 unstable, 3 declining) nor seed 000 (3 declining in 2017)', () => {
    const t = table(2024, 'tfe_operating_state');
    expect([t.total, t.compared]).toEqual([27, 0]);
    expect(cells(t)).toEqual([
      ['unknown', 'declining', 3],
      ['unknown', 'stable', 19],
      ['unknown', 'unstable', 5],
    ]);
    expect(cells(table(2017, 'tfe_operating_state'))).toEqual([
      ['unknown', 'declining', 3],
      ['unknown', 'unknown', 24],
    ]);
  });
});

describe('development dynamics', () => {
  it('classifies 4 towns in 2024, each from two signals', () => {
    expect(Object.fromEntries(Object.entries(classesOf(2024, 'development_dynamics')).filter(([, c]) => c !== 'unknown'))).toEqual({
      aksai: 'slow',
      ekibastuz: 'slow',
      karatau: 'growing',
      zhanaozen: 'depressed',
    });
    // Aksai: 33,646 (2013) → 35,342 (2021): (35342/33646)^(1/8) − 1 = 0.617 %/year, between −0.5 and 0.7: slow;
    // employed not declining (seed 002): slow. Mean 0: slow.
    const aksai = one(2024, 'development_dynamics', 'aksai');
    expect(aksai.reasons.find((x) => x.code === 'population')?.value).toBeCloseTo(0.6166, 4);
    expect(aksai.reasons.map((x) => x.code)).toEqual([
      'population',
      'population_trend_class_not_counted',
      'output_absent',
      'employed_number_trend_class',
      'employment_more_precise_absent',
      'mean_score',
    ]);
  });

  it('names the missing inputs of the 23 towns it cannot classify', () => {
    const unknown = of(2024, 'development_dynamics').filter((r) => r.class === 'unknown');
    expect(unknown).toHaveLength(23);
    for (const r of unknown) expect(r.missing.length, r.town ?? '').toBeGreaterThan(0);
    expect(one(2024, 'development_dynamics', 'arkalyk').missing).toContain('industrial_output_volume_index_pct');
  });

  it('cannot check seed 000 on Karazhal (depressed, 2017): no Karazhal figure of 2014–2017', () => {
    const r = one(2017, 'development_dynamics', 'karazhal');
    expect(r.class).toBe('unknown');
    expect(r.missing).toContain('population');
    const t = table(2017, 'development_dynamics');
    expect(t.total).toBe(27);
    expect(cells(t).find(([, p]) => p === 'depressed')).toEqual(['unknown', 'depressed', 1]);
    expect(townsWith(2017, 'development_dynamics', 'depressed')).toEqual(['altai', 'kurchatov', 'serebryansk']);
  });
});

describe('economic potential', () => {
  it('is low for Arkalyk, Karatau and Serebryansk in 2024 (low wage band and «less developed»), unknown elsewhere', () => {
    expect(townsWith(2024, 'economic_potential', 'low')).toEqual(['arkalyk', 'karatau', 'serebryansk']);
    expect(townsWith(2024, 'economic_potential', 'unknown')).toHaveLength(24);
  });

  it('cannot be computed for 2012, the year of seed 001’s classes: no criterion is dated 2009–2012', () => {
    const t = table(2012, 'economic_potential');
    expect(cells(t)).toEqual([
      ['unknown', 'high', 5],
      ['unknown', 'low', 2],
      ['unknown', 'unknown', 20],
    ]);
    expect(t.total).toBe(27);
  });

  it('gives Ekibastuz and Kulsary high in 2017 (output and investment above 1 % of the country)', () => {
    expect(townsWith(2017, 'economic_potential', 'high')).toEqual(['ekibastuz', 'kulsary']);
    // Against seed 001's classes (dated 2012, the figures are later): Ekibastuz high in 2017, Arkalyk low in 2024, both as seed 001 says.
    const t2017 = table(2017, 'economic_potential', 2012);
    expect([t2017.compared, t2017.agreed, t2017.total]).toEqual([1, 1, 27]);
    const t2024 = table(2024, 'economic_potential', 2012);
    expect([t2024.compared, t2024.agreed, t2024.total]).toEqual([1, 1, 27]);
    expect(t2024.cells.find((c) => c.computed === 'low' && c.published === 'low')?.towns).toEqual(['arkalyk']);
  });
});

describe('vulnerability, 2024', () => {
  it('is unknown for every town: at most 35 % of the weight is available (Satpayev, Serebryansk)', () => {
    const scores = inputs.map((i) => vulnerabilityScore({ town: i.town, observations: i.observations, productionType: one(2024, 'production_type', i.town!) }, 2024, rules.parameters));
    expect(scores.every((s) => s.band === 'unknown')).toBe(true);
    const best = Math.max(...scores.map((s) => s.availableShare));
    expect(best).toBeCloseTo(0.35, 12);
    expect(
      scores
        .filter((s) => Math.abs(s.availableShare - best) < 1e-9)
        .map((s) => s.town)
        .sort(),
    ).toEqual(['satpayev', 'serebryansk']);
    const s = scores.find((x) => x.town === 'serebryansk')!;
    expect(s.components.filter((c) => c.score !== null).map((c) => [c.id, c.value])).toEqual([
      ['extractive_dependence', 'processing'],
      ['ageing', 22.1],
      ['migration', -9],
    ]);
  });
});

describe('a data-driven typology on the real data', () => {
  // Three indicators per town: log10 of the population in 2019–2021 (sources agreeing), the 2021 wage band of seed 002
  // (over five minimum wages 1, 3–3.5 subsistence minima 0) and the computed production type (extractive 1, other 0).
  const units = inputs.map((i) => i.town as string);
  const matrix = inputs.map((i) => {
    const pops = i.observations.filter((o) => o.indicator === 'population' && o.value !== null && o.status !== 'target' && periodYear(o.period) >= 2019 && periodYear(o.period) <= 2021);
    const latest = pops
      .map((o) => o.period)
      .sort()
      .at(-1);
    const values = [...new Set(pops.filter((o) => o.period === latest).map((o) => o.value as number))];
    const band = i.observations.filter((o) => o.indicator === 'wage_band_class' && o.period === '2021').map((o) => o.valueText);
    const type = one(2024, 'production_type', i.town!).class;
    return [
      values.length === 1 ? Math.log10(values[0]) : null,
      band.length === 1 ? ({ over_5_minimum_wages: 1, '3_to_3.5_subsistence_minima': 0 } as Record<string, number>)[band[0] ?? ''] ?? null : null,
      type === 'unknown' ? null : type === 'extractive' ? 1 : 0,
    ];
  });
  const published = Object.fromEntries(TYPOLOGY_IDS.map((id) => [id, publishedClasses(forPublished, id, 2024).classes]));
  const r = dataDrivenTypology({ units, indicators: ['log10_population', 'wage_band', 'extractive'], matrix, k: 3, published });

  it('clusters the 15 towns with every value and lists the 12 left out', () => {
    expect(r.units).toHaveLength(15);
    expect(r.excluded.map((e) => e.unit)).toEqual([
      'balkhash',
      'karatau',
      'karazhal',
      'kentau',
      'kurchatov',
      'lisakovsk',
      'ridder',
      'rudny',
      'satpayev',
      'stepnogorsk',
      'zhezkazgan',
      'zhitikara',
    ]);
  });

  it('does not recover seed 003’s operating states (ARI about 0 over 15 towns)', () => {
    // Cross-checked with scipy 1.17 (linkage(method="ward") on the same standardised rows, fcluster maxclust 3):
    // the same three clusters, top merge height 5.36601, ARI −0.04922.
    // Labels follow the first unit of each cluster (abai: 1): the four oil, gas and coal towns with high wages form cluster 2.
    expect(r.labels).toMatchObject({ abai: 1, aksai: 2, ekibastuz: 2, kulsary: 2, zhanaozen: 2, aksu: 3, serebryansk: 3, temirtau: 3 });
    expect(r.dendrogram.merges.at(-1)?.height).toBeCloseTo(5.36601, 4);
    expect(r.comparisons.tfe_operating_state.n).toBe(15);
    expect(r.comparisons.tfe_operating_state.ari).toBeCloseTo(-0.04922, 5);
    expect(r.comparisons.production_type.n).toBe(2);
  });
});
