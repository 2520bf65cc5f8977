import { describe, expect, it } from 'vitest';
import { createRng } from '../composite/random.js';
import { DomainError } from '../errors.js';
import { differenceInDifferences, type DidEstimate, type DidResult } from './did.js';
import type { PanelRow } from './linalg.js';

const ok = (r: DidResult): DidEstimate => {
  if (r.status !== 'ok') throw new Error(`expected an estimate, got ${r.code}: ${r.reason}`);
  return r;
};

/** Standard normal draws from the seeded generator (Box–Muller). */
const normal = (rng: ReturnType<typeof createRng>) => () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i));

describe('the textbook 2×2: Card & Krueger (1994), New Jersey and Pennsylvania', () => {
  // Mean FTE employment per store, Angrist & Pischke (2009), Mostly Harmless Econometrics, Table 5.2.1
  // (from Card & Krueger 1994, Table 3, row 1): PA 23.33 before, 21.17 after; NJ 20.44 before, 21.03 after.
  // With one observation per cell, TWFE gives the difference of differences exactly:
  // (21.03 − 20.44) − (21.17 − 23.33) = 0.59 + 2.16 = 2.75. The table prints 2.76 because it differences
  // the unrounded means; from the four printed cell means the answer is 2.75.
  const cells: PanelRow[] = [
    { unit: 'PA', period: '1992-02', value: 23.33 },
    { unit: 'PA', period: '1992-11', value: 21.17 },
    { unit: 'NJ', period: '1992-02', value: 20.44 },
    { unit: 'NJ', period: '1992-11', value: 21.03 },
  ];

  it('equals the difference of differences, in all three treatment forms', () => {
    const forms = [
      differenceInDifferences(cells, { kind: 'adoption', units: ['NJ'], period: '1992-11' }),
      differenceInDifferences(cells, { kind: 'matrix', matrix: { NJ: { '1992-02': 0, '1992-11': 1 }, PA: { '1992-02': 0, '1992-11': 0 } } }),
      differenceInDifferences(
        cells.map((c) => ({ ...c, treated: c.unit === 'NJ' && c.period === '1992-11' ? 1 : 0 })),
        { kind: 'observations' },
      ),
    ].map(ok);
    for (const r of forms) {
      expect(r.estimate).toBeCloseTo(2.75, 12);
      expect(r).toMatchObject({ n: 4, units: 2, periods: 2, treatedUnits: 1, treatedUnitIds: ['NJ'] });
    }
  });

  it('reports the standard error as not computable: four cells, four parameters', () => {
    const r = ok(differenceInDifferences(cells, { kind: 'adoption', units: ['NJ'], period: '1992-11' }));
    expect(r.se).toBeNull();
    expect(r.ci95).toBeNull();
    expect(r.seNote).toMatch(/^Not computable, because no residual degrees of freedom are left: 4 observations and 4 parameters/);
    expect(r.vcov.parameters).toBe(4);
    expect(r.eventStudy.map((p) => [p.relativePeriod, p.estimate])).toEqual([
      [-1, 0],
      [0, expect.closeTo(2.75, 12)],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['few_clusters', 'few_treated_or_control_clusters']));
  });
});

describe('a panel with a known effect', () => {
  // y = unit effect + period effect + 3·treated, exactly: the estimate is 3 and the residuals are 0
  const unitEffect = [1, 5, -2, 4, 0.5, 3, -1, 2];
  const periodEffect = [0, 1.5, 2, 2.2, 3, 2.7];
  const panel: PanelRow[] = [];
  unitEffect.forEach((a, u) =>
    periodEffect.forEach((g, t) => panel.push({ unit: `town_${u}`, period: String(2015 + t), value: a + g + (u < 4 && t >= 3 ? 3 : 0) })),
  );
  const treatment = { kind: 'adoption' as const, units: ['town_0', 'town_1', 'town_2', 'town_3'], period: '2018' };

  it('estimate 3, se ≈ 0', () => {
    const r = ok(differenceInDifferences(panel, treatment));
    expect(r.estimate).toBeCloseTo(3, 12);
    expect(r.se!).toBeLessThan(1e-12);
    expect(r).toMatchObject({ n: 48, units: 8, periods: 6, treatedUnits: 4 });
    // K = 8 unit effects + 5 period effects + β; factor G/(G − 1)·(N − 1)/(N − K)
    expect(r.vcov.parameters).toBe(14);
    expect(r.vcov.smallSampleFactor).toBeCloseTo((8 / 7) * (47 / 34), 14);
    expect(r.vcov.df).toBe(7);
  });

  it('the event study: leads exactly 0, lags exactly 3, reference −1', () => {
    const r = ok(differenceInDifferences(panel, treatment));
    expect(r.eventStudy.map((p) => p.relativePeriod)).toEqual([-3, -2, -1, 0, 1, 2]);
    for (const p of r.eventStudy) {
      expect(p.estimate).toBeCloseTo(p.relativePeriod < 0 ? 0 : 3, 12);
      expect(p.n).toBe(4);
    }
    expect(r.eventStudy.find((p) => p.relativePeriod === -1)).toMatchObject({ reference: true, estimate: 0, se: 0 });
  });

  it('an unbalanced panel (cells missing at random) still gives 3 exactly', () => {
    const drop = new Set([3, 10, 17, 30, 41]);
    const r = ok(
      differenceInDifferences(
        panel.map((row, i) => (drop.has(i) ? { ...row, value: null } : row)),
        treatment,
      ),
    );
    expect(r.estimate).toBeCloseTo(3, 12);
    expect(r.n).toBe(43);
    expect(r.warnings.map((w) => w.code)).toContain('unbalanced_panel');
  });
});

/** A simulated panel: unit and period effects, treatment of the first half from `adoptAt`, N(0, sd²) noise. */
function simulate(seed: number, units: number, periods: number, adoptAt: number, effect: (k: number) => number, sd = 1, pretrend = 0): PanelRow[] {
  const rng = createRng(seed);
  const z = normal(rng);
  const rows: PanelRow[] = [];
  for (let u = 0; u < units; u++) {
    const a = 3 * z();
    for (let t = 0; t < periods; t++) {
      const treated = u < units / 2;
      const k = t - adoptAt;
      const y = a + 0.5 * t + (treated && k >= 0 ? effect(k) : 0) + (treated ? pretrend * t : 0) + sd * z();
      rows.push({ unit: `u${String(u).padStart(2, '0')}`, period: String(2010 + t), value: y, treated: treated && k >= 0 ? 1 : 0 });
    }
  }
  return rows;
}

describe('a noisy panel from a seeded generator', () => {
  it('the estimate is within 3 standard errors of the true effect 2', () => {
    const r = ok(
      differenceInDifferences(
        simulate(11, 40, 8, 4, () => 2),
        { kind: 'observations' },
      ),
    );
    expect(Math.abs(r.estimate - 2)).toBeLessThan(3 * r.se!);
    expect(r.ci95![0]).toBeLessThan(2);
    expect(r.ci95![1]).toBeGreaterThan(2);
    expect(r.warnings.map((w) => w.code)).not.toContain('few_clusters');
  });

  it('property: the 95% interval covers the truth in about 95% of 200 simulated panels', () => {
    let covered = 0;
    for (let s = 0; s < 200; s++) {
      const r = ok(
        differenceInDifferences(
          simulate(1000 + s, 40, 6, 3, () => 2),
          { kind: 'observations' },
        ),
      );
      if (r.ci95![0] <= 2 && 2 <= r.ci95![1]) covered++;
    }
    expect(covered / 200).toBeGreaterThan(0.9);
    expect(covered / 200).toBeLessThan(0.99);
  });

  it('an event study on data without a pre-trend: leads ≈ 0, the joint test does not reject', () => {
    const effect = (k: number) => [1, 2, 3, 3][k];
    const r = ok(differenceInDifferences(simulate(5, 40, 8, 4, effect), { kind: 'observations' }));
    const leads = r.eventStudy.filter((p) => p.relativePeriod <= -2);
    expect(leads.map((p) => p.relativePeriod)).toEqual([-4, -3, -2]);
    for (const p of leads) expect(Math.abs(p.estimate!)).toBeLessThan(3 * p.se!);
    for (const p of r.eventStudy.filter((q) => q.relativePeriod >= 0)) expect(Math.abs(p.estimate! - effect(p.relativePeriod))).toBeLessThan(3 * p.se!);
    expect(r.preTrend!.leads).toEqual([-4, -3, -2]);
    expect(r.preTrend!.pValue).toBeGreaterThan(0.01);
  });

  it('… and with a pre-trend, the joint test rejects', () => {
    const r = ok(
      differenceInDifferences(
        simulate(5, 40, 8, 4, () => 2, 0.5, 0.6),
        { kind: 'observations' },
      ),
    );
    expect(r.preTrend!.pValue).toBeLessThan(0.001);
  });

  it('the event window bins the far leads and lags', () => {
    const r = ok(
      differenceInDifferences(
        simulate(5, 40, 8, 4, () => 2),
        { kind: 'observations' },
        { eventWindow: { leads: 2, lags: 1 } },
      ),
    );
    expect(r.eventStudy.map((p) => [p.relativePeriod, p.n])).toEqual([
      [-2, 60], // −4, −3, −2 binned: 3 periods × 20 treated units
      [-1, 20],
      [0, 20],
      [1, 60], // 1, 2, 3 binned
    ]);
  });
});

describe('cluster-robust standard errors (CR1) against independent computations', () => {
  // An unbalanced panel with staggered adoption (a, b from 2017, c from 2018; d, e, f never treated),
  // values drawn once by numpy (default_rng(7), N(10, 2²), rounded) with two cells removed.
  // prettier-ignore
  const data: [string, string, number][] = [
    ['a', '2015', 10.0], ['a', '2016', 10.6], ['a', '2017', 9.45], ['a', '2018', 8.22], ['a', '2019', 9.09],
    ['b', '2016', 8.02], ['b', '2017', 10.12], ['b', '2018', 12.68], ['b', '2019', 9.02],
    ['c', '2015', 8.76], ['c', '2016', 10.98], ['c', '2017', 10.71], ['c', '2018', 10.21], ['c', '2019', 8.14],
    ['d', '2015', 9.94], ['d', '2016', 11.39], ['d', '2017', 7.31], ['d', '2018', 9.08], ['d', '2019', 6.2],
    ['e', '2015', 7.42], ['e', '2016', 6.32], ['e', '2017', 9.53], ['e', '2018', 7.47],
    ['f', '2015', 10.54], ['f', '2016', 10.31], ['f', '2017', 9.63], ['f', '2018', 4.97], ['f', '2019', 8.92],
  ];
  const adopt: Record<string, string> = { a: '2017', b: '2017', c: '2018' };
  const panel: PanelRow[] = data.map(([unit, period, value]) => ({ unit, period, value, treated: adopt[unit] && period >= adopt[unit] ? 1 : 0 }));

  it('matches numpy: lstsq on the dummy-variable design, sandwich by unit, factor G/(G−1)·(N−1)/(N−K)', () => {
    // numpy 2.4 / scipy 1.17: X = [D, 6 unit dummies, 4 period dummies], K = rank = 11, N = 28
    const r = ok(differenceInDifferences(panel, { kind: 'observations' }));
    expect(r.estimate).toBeCloseTo(1.2012937254543883, 12);
    expect(r.se!).toBeCloseTo(1.5018822686078535, 12);
    expect(r.vcov).toMatchObject({ clusters: 6, parameters: 11, df: 5 });
    expect(r.vcov.smallSampleFactor).toBeCloseTo(1.9058823529411764, 14);
    expect(r.vcov.tCritical!).toBeCloseTo(2.5705818356363146, 12); // scipy.stats.t.ppf(0.975, 5)
    expect(r.ci95![0]).toBeCloseTo(1.2012937254543883 - 2.5705818356363146 * 1.5018822686078535, 11);
    // event study, same sandwich: relative periods −3, −2, 0, 1, 2 (−1 the reference)
    const expected: Record<number, [number, number]> = {
      [-3]: [-1.7631941007621628, 1.3144924180191788],
      [-2]: [0.5749213105018249, 1.4176439383406376],
      0: [0.7133593981985525, 1.4104891437685783],
      1: [1.645116796990993, 2.9335142383148476],
      2: [2.1404563001088697, 1.7699032014150797],
    };
    for (const p of r.eventStudy.filter((q) => !q.reference)) {
      expect(p.estimate!).toBeCloseTo(expected[p.relativePeriod][0], 11);
      expect(p.se!).toBeCloseTo(expected[p.relativePeriod][1], 11);
    }
    // Wald test of the two leads with F(2, G − 1): scipy.stats.f.sf(F, 2, 5)
    expect(r.preTrend!.F).toBeCloseTo(64.90807369717513, 8);
    expect(r.preTrend!.pValue).toBeCloseTo(0.000264892846480344, 12);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['staggered_adoption', 'unbalanced_panel']));
  });

  it('matches the sandwich written out by hand on the full dummy-variable design', () => {
    const units = ['a', 'b', 'c', 'd', 'e', 'f'];
    const periods = ['2016', '2017', '2018', '2019']; // 2015 is the reference period
    const X = data.map(([u, p]) => [adopt[u] && p >= adopt[u] ? 1 : 0, ...units.map((x) => (x === u ? 1 : 0)), ...periods.map((x) => (x === p ? 1 : 0))]);
    const y = data.map((d) => d[2]);
    const n = X.length;
    const k = X[0].length;
    // (X′X)⁻¹ by Gauss–Jordan elimination with partial pivoting
    const xtx = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => X.reduce((s, row) => s + row[i] * row[j], 0)));
    const inv = xtx.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
    for (let c = 0; c < k; c++) {
      let p = c;
      for (let r = c + 1; r < k; r++) if (Math.abs(inv[r][c]) > Math.abs(inv[p][c])) p = r;
      [inv[c], inv[p]] = [inv[p], inv[c]];
      const d = inv[c][c];
      inv[c] = inv[c].map((v) => v / d);
      for (let r = 0; r < k; r++) if (r !== c) inv[r] = inv[r].map((v, j) => v - inv[r][c] * inv[c][j]);
    }
    const bread = inv.map((row) => row.slice(k));
    const xty = Array.from({ length: k }, (_, i) => X.reduce((s, row, r) => s + row[i] * y[r], 0));
    const beta = bread.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
    const e = y.map((v, r) => v - X[r].reduce((s, x, j) => s + x * beta[j], 0));
    // meat = Σ_g (X_g′e_g)(X_g′e_g)′; only the D row of bread·meat·bread is needed
    const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const g of units) {
      const s = Array.from({ length: k }, (_, j) => data.reduce((acc, d, r) => acc + (d[0] === g ? X[r][j] * e[r] : 0), 0));
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) meat[i][j] += s[i] * s[j];
    }
    let v00 = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) v00 += bread[0][i] * meat[i][j] * bread[j][0];
    const G = units.length;
    const se = Math.sqrt((((G / (G - 1)) * (n - 1)) / (n - k)) * v00);
    const r = ok(differenceInDifferences(panel, { kind: 'observations' }));
    expect(r.estimate).toBeCloseTo(beta[0], 12);
    expect(r.se!).toBeCloseTo(se, 12);
  });
});

describe('designs that cannot identify an effect are results, not errors', () => {
  const base: PanelRow[] = ['a', 'b', 'c'].flatMap((unit, u) => years(2015, 4).map((period, t) => ({ unit, period, value: u + t * t })));

  it('every unit treated in the same periods: not computable (no comparison)', () => {
    const r = differenceInDifferences(base, { kind: 'adoption', units: ['a', 'b', 'c'], period: '2017' });
    expect(r).toMatchObject({ status: 'not_computable', code: 'treatment_collinear_with_fixed_effects' });
    expect((r as { reason: string }).reason).toMatch(/^Not computable, because the treatment indicator is fully explained by the unit and period effects/);
  });

  it('no treated cell, every cell treated, one unit only', () => {
    expect(differenceInDifferences(base, { kind: 'adoption', units: ['a'], period: '2030' })).toMatchObject({
      status: 'not_computable',
      code: 'no_treated_cells',
    });
    expect(differenceInDifferences(base, { kind: 'adoption', units: ['a', 'b', 'c'], period: '2015' })).toMatchObject({
      status: 'not_computable',
      code: 'no_untreated_cells',
    });
    expect(
      differenceInDifferences(
        base.filter((r) => r.unit === 'a'),
        { kind: 'adoption', units: ['a'], period: '2017' },
      ),
    ).toMatchObject({ status: 'not_computable', code: 'too_few_units_or_periods' });
  });

  it('staggered adoption without never-treated units: leads and lags are identified only up to a linear trend, and it says so', () => {
    // relative time t − E_i is a combination of period and unit, so two normalisations are needed, not one
    // (Borusyak, Jaravel & Spiess 2024): besides the reference −1 one more relative period is aliased, and
    // here the extreme ones seen in one cohort only are aliased too
    const panel: PanelRow[] = [];
    const adopt = [2, 4];
    for (let u = 0; u < 6; u++)
      for (let t = 0; t < 7; t++)
        panel.push({ unit: `u${u}`, period: String(2010 + t), value: u + t + (t >= adopt[u % 2] ? 1 : 0) + 0.01 * ((u * 7 + t) % 5) });
    const r = ok(
      differenceInDifferences(panel, {
        kind: 'matrix',
        matrix: Object.fromEntries(
          Array.from({ length: 6 }, (_, u) => [`u${u}`, Object.fromEntries(years(2010, 7).map((p, t) => [p, t >= adopt[u % 2] ? 1 : 0]))]),
        ),
      }),
    );
    const missing = r.eventStudy.filter((p) => p.estimate === null);
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) expect(p.note).toMatch(/^Not identified, because this relative period is collinear/);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['staggered_adoption', 'no_never_treated_units']));
  });

  it('warns when treatment switches off, and when a unit is treated from its first observed period', () => {
    const panel: PanelRow[] = ['a', 'b', 'c', 'd'].flatMap((unit, u) =>
      years(2015, 5).map((period, t) => ({
        unit,
        period,
        value: u * 2 + t + (t % 2) * 0.3 * u,
        treated: (unit === 'a' && (t === 2 || t === 3)) || unit === 'b' ? 1 : 0,
      })),
    ) as PanelRow[];
    const r = ok(differenceInDifferences(panel, { kind: 'observations' }));
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['treatment_not_absorbing', 'treated_from_start']));
  });
});

describe('invalid input throws a DomainError that lists every problem', () => {
  const rows: PanelRow[] = [
    { unit: 'a', period: '2015', value: 1 },
    { unit: 'a', period: '2015', value: 2 },
    { unit: 'b', period: '2015', value: Number.NaN },
    { unit: '', period: '2016', value: 1 },
  ];

  it('duplicate cells, non-finite values, empty ids', () => {
    try {
      differenceInDifferences(rows, { kind: 'adoption', units: ['a'], period: '2016' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('invalid_data');
      expect(err.message).toMatch(/The panel has 3 problems/);
      expect(err.message).toMatch(/row 1: a second row for unit "a" and period "2015" \(the first is row 0\)/);
      expect(err.message).toMatch(/row 2, column "value": NaN is not a finite number; use null for a missing value/);
      expect(err.message).toMatch(/row 3, column "unit": must be a non-empty unit id/);
    }
  });

  it('unknown treated units, a treatment matrix with holes, a treated flag that is not 0/1', () => {
    const good: PanelRow[] = [
      { unit: 'a', period: '2015', value: 1, treated: 0 },
      { unit: 'a', period: '2016', value: 2, treated: 1 },
      { unit: 'b', period: '2015', value: 1, treated: 0 },
      { unit: 'b', period: '2016', value: 1 },
    ];
    expect(() => differenceInDifferences(good, { kind: 'adoption', units: ['x'], period: '2016' })).toThrow(
      /Invalid "treatment.units": "x" is not in the panel/,
    );
    expect(() => differenceInDifferences(good, { kind: 'matrix', matrix: { a: { '2015': 0, '2016': 1 } } })).toThrow(
      /b \/ 2015": has a value in the panel but no treatment status; add 0 or 1/,
    );
    expect(() => differenceInDifferences(good, { kind: 'observations' })).toThrow(
      /row 3, column "treated": is missing; every row with a value needs treated 0 or 1/,
    );
    expect(() => differenceInDifferences(good, { kind: 'adoption', units: ['a'], period: '2016' }, { eventWindow: { leads: 1, lags: 0 } })).toThrow(
      /Invalid "eventWindow"/,
    );
  });
});

describe('determinism', () => {
  it('the same panel in any row order gives the same result', () => {
    const panel = simulate(3, 12, 6, 3, () => 1.5);
    const shuffled = [...panel].reverse();
    const a = differenceInDifferences(panel, { kind: 'observations' });
    expect(differenceInDifferences(panel, { kind: 'observations' })).toEqual(a);
    const b = ok(differenceInDifferences(shuffled, { kind: 'observations' }));
    expect(b.estimate).toBeCloseTo(ok(a).estimate, 12);
    expect(b.se!).toBeCloseTo(ok(a).se!, 12);
  });
});
