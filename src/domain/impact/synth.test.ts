import { describe, expect, it } from 'vitest';
import { createRng } from '../composite/random.js';
import { DomainError } from '../errors.js';
import type { PanelRow } from './linalg.js';
import { syntheticControl, type SynthEstimate, type SynthPredictor, type SynthResult } from './synth.js';

const ok = (r: SynthResult): SynthEstimate => {
  if (r.status !== 'ok') throw new Error(`expected an estimate, got ${r.code}: ${r.reason}`);
  return r;
};

const YEARS = ['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018'];
// donor paths: generic enough that a weighted average of them is pinned down by six pre-treatment years
const DONORS: Record<string, number[]> = {
  A: [10, 11, 13, 12, 15, 16, 18, 17, 19],
  B: [20, 19, 22, 24, 23, 25, 27, 26, 28],
  C: [5, 9, 6, 8, 12, 7, 10, 11, 9],
  D: [30, 28, 33, 29, 31, 35, 30, 34, 36],
};

function panel(series: Record<string, readonly (number | null)[]>): PanelRow[] {
  return Object.entries(series).flatMap(([unit, s]) => s.map((value, t) => ({ unit, period: YEARS[t], value })));
}

const expectOnSimplex = (weights: Record<string, number>) => {
  const w = Object.values(weights);
  for (const x of w) expect(x).toBeGreaterThanOrEqual(0);
  expect(Math.abs(w.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
};

describe('a treated unit that is a known mix of donors', () => {
  // before 2016 the treated town is exactly 0.3·A + 0.7·B; from 2016 the program adds 5
  const treated = YEARS.map((_, t) => 0.3 * DONORS.A[t] + 0.7 * DONORS.B[t] + (t >= 6 ? 5 : 0));
  const input = { outcome: panel({ ...DONORS, T: treated }), treatedUnit: 'T', treatmentPeriod: '2016' };

  it('W = {A: 0.3, B: 0.7}, rmspePre ≈ 0, and the gap after treatment is the effect added', () => {
    const r = ok(syntheticControl(input));
    expect(r.weights.A).toBeCloseTo(0.3, 10);
    expect(r.weights.B).toBeCloseTo(0.7, 10);
    expect(r.weights.C).toBeCloseTo(0, 12);
    expect(r.weights.D).toBeCloseTo(0, 12);
    expectOnSimplex(r.weights);
    expect(r.rmspePre).toBeLessThan(1e-12);
    expect(r.rmspePost).toBeCloseTo(5, 10);
    expect(r.prePeriods).toEqual(YEARS.slice(0, 6));
    expect(r.postPeriods).toEqual(YEARS.slice(6));
    for (const g of r.gap) {
      expect(g.gap).toBeCloseTo(g.period >= '2016' ? 5 : 0, 10);
      expect(g.treated - g.synthetic).toBeCloseTo(g.gap, 12);
    }
    expect(r.optimisation.w).toMatchObject({ solver: 'wolfe', converged: true });
    expect(r.v).toBeUndefined();
  });

  it('placebos on each donor, and the permutation p-value as the rank of the treated ratio', () => {
    const r = ok(syntheticControl(input));
    expect(r.placebos.map((p) => p.unit)).toEqual(['A', 'B', 'C', 'D']);
    for (const p of r.placebos) expect(p.ratio!).toBeCloseTo(p.rmspePost! / p.rmspePre!, 12);
    // the treated unit's ratio (≈ 5 / 1e-15) is the largest of the five: p = 1/5
    expect(r.ratio === null || r.ratio > Math.max(...r.placebos.map((p) => p.ratio!))).toBe(true);
    expect(r.pValue).toBe(1 / 5);
    expect(r.warnings.map((w) => w.code)).toContain('coarse_p_value');
    // placebo A: the treated unit is not in its pool, so it is fitted from B, C, D only
    const alone = ok(syntheticControl({ outcome: panel(DONORS), treatedUnit: 'A', treatmentPeriod: '2016' }, { placebos: false }));
    expect(r.placebos[0].rmspePre).toBeCloseTo(alone.rmspePre, 12);
    expect(r.placebos[0].rmspePost).toBeCloseTo(alone.rmspePost, 12);
  });

  it('the p-value counts placebos whose ratio is at least the treated one', () => {
    // without an effect the treated unit is an ordinary member of the pool
    const noEffect = YEARS.map((_, t) => 0.5 * DONORS.C[t] + 0.5 * DONORS.D[t] + (t % 2 === 0 ? 1 : -1));
    const r = ok(syntheticControl({ outcome: panel({ ...DONORS, T: noEffect }), treatedUnit: 'T', treatmentPeriod: '2016' }));
    const atLeast = r.placebos.filter((p) => p.ratio! >= r.ratio!).length;
    expect(r.pValue).toBe((1 + atLeast) / (1 + r.placebos.length));
  });
});

describe('a treated unit outside the convex hull of the donors', () => {
  it('puts the weight on the boundary, and rmspePre > 0', () => {
    // T = A + 5 in every year: above every donor in 2010–2015 (D is higher, but moves apart from T);
    // (T − A)·(X_j − A) ≤ 0 for every donor, so the nearest point of the hull is A itself, at distance 5
    const T = DONORS.A.map((a) => a + 5);
    const outcome = panel({ A: DONORS.A, B: DONORS.B.map((b, t) => DONORS.A[t] - 2), C: DONORS.A.map((a, t) => a - 4 + t), T });
    const r = ok(syntheticControl({ outcome, treatedUnit: 'T', treatmentPeriod: '2016' }));
    expect(r.weights).toEqual({ A: 1, B: 0, C: 0 });
    expect(r.rmspePre).toBeCloseTo(5, 12);
    expect(r.warnings.map((w) => w.code)).toContain('treated_outside_donor_range');
  });
});

describe('with predictors, V matters', () => {
  // T = ½A + ½B before treatment. Predictors p1–p3 agree with that mix (and pin it down); p4 is
  // misleading: it matches donor C. Equal predictor weights therefore pull W towards C; the nested
  // search for V must learn to ignore p4.
  const treated = YEARS.map((_, t) => 0.5 * DONORS.A[t] + 0.5 * DONORS.B[t] + (t >= 6 ? 4 : 0));
  const values: Record<string, Record<string, number>> = {
    p1: { A: 1, B: 5, C: 2, D: 8, T: 3 },
    p2: { A: 4, B: 2, C: 7, D: 1, T: 3 },
    p3: { A: 0, B: 6, C: 3, D: 5, T: 3 },
    p4: { A: 9, B: 9.5, C: 2, D: 10, T: 2 },
  };
  const predictors: SynthPredictor[] = Object.entries(values).map(([name, v]) => ({
    name,
    panel: Object.entries(v).map(([unit, value]) => ({ unit, period: '2013', value })),
  }));
  const input = { outcome: panel({ ...DONORS, T: treated }), treatedUnit: 'T', treatmentPeriod: '2016', predictors };

  it('equal V compromises; the optimised V drops p4 and reproduces the treated path', () => {
    const equal = ok(syntheticControl(input, { customV: { p1: 1, p2: 1, p3: 1, p4: 1 }, placebos: false }));
    expect(equal.weights.C).toBeGreaterThan(0.05);
    expect(equal.rmspePre).toBeGreaterThan(0.5);
    const r = ok(syntheticControl(input, { placebos: false }));
    expect(r.v!.p4).toBeLessThan(1e-6);
    expect(r.weights.A).toBeCloseTo(0.5, 8);
    expect(r.weights.B).toBeCloseTo(0.5, 8);
    expect(r.rmspePre).toBeLessThan(1e-8);
    expectOnSimplex(r.weights);
    expectOnSimplex(r.v!);
    expect(r.optimisation.v!.loss).toBeLessThan(equal.optimisation.v!.loss);
    // the balance table (Synth's synth.tab): p1–p3 matched, p4 not
    expect(r.balance!.map((b) => [b.predictor, b.treated, b.synthetic])).toEqual([
      ['p1', 3, expect.closeTo(3, 8)],
      ['p2', 3, expect.closeTo(3, 8)],
      ['p3', 3, expect.closeTo(3, 8)],
      ['p4', 2, expect.closeTo(9.25, 6)],
    ]);
    expect(r.balance![0].donorMean).toBe(4);
  });

  it('standardises each predictor by its standard deviation over the treated unit and the donors, as Synth', () => {
    // multiplying a predictor by 1000 changes nothing
    const scaled = predictors.map((p) => (p.name === 'p2' ? { ...p, panel: p.panel.map((row) => ({ ...row, value: row.value! * 1000 })) } : p));
    const a = ok(syntheticControl(input, { customV: { p1: 1, p2: 1, p3: 1, p4: 1 }, placebos: false }));
    const b = ok(syntheticControl({ ...input, predictors: scaled }, { customV: { p1: 1, p2: 1, p3: 1, p4: 1 }, placebos: false }));
    for (const d of Object.keys(a.weights)) expect(b.weights[d]).toBeCloseTo(a.weights[d], 10);
  });

  it('averages a predictor over the pre-treatment periods where it is observed', () => {
    // p1 observed twice for A (1 and 1, average 1) and a gap elsewhere: same result
    const gappy = predictors.map((p) =>
      p.name === 'p1'
        ? {
            ...p,
            panel: [...p.panel, { unit: 'A', period: '2014', value: 1 }, { unit: 'B', period: '2014', value: null }],
          }
        : p,
    );
    const a = ok(syntheticControl(input, { customV: { p1: 2, p2: 1, p3: 1, p4: 1 }, placebos: false }));
    const b = ok(syntheticControl({ ...input, predictors: gappy }, { customV: { p1: 2, p2: 1, p3: 1, p4: 1 }, placebos: false }));
    expect(b.weights).toEqual(a.weights);
  });

  it('determinism: the same seed gives the same output, random starts included', () => {
    const run = () => syntheticControl(input, { randomStarts: 3, rng: createRng(7) });
    const a = run();
    expect(run()).toEqual(a);
    // five units cannot carry a regression on four predictors and an intercept: that start is skipped, and said so
    expect(ok(a).optimisation.v!.starts.map((s) => s.start)).toEqual(['equal', 'corner', 'random', 'random', 'random']);
    expect(ok(a).optimisation.v!.note).toMatch(/regression-based start was skipped/);
  });
});

describe('missing data is handled explicitly', () => {
  const treated = YEARS.map((_, t) => 0.3 * DONORS.A[t] + 0.7 * DONORS.B[t]);

  it('a donor with a gap is dropped, with the reason', () => {
    const gappy = { ...DONORS, C: DONORS.C.map((v, t) => (t === 2 ? null : v)), T: treated };
    const r = ok(syntheticControl({ outcome: panel(gappy), treatedUnit: 'T', treatmentPeriod: '2016' }));
    expect(r.droppedDonors).toEqual([{ unit: 'C', reason: 'no outcome in 2012' }]);
    expect(r.donorsUsed).toEqual(['A', 'B', 'D']);
    expect(Object.keys(r.weights)).toEqual(['A', 'B', 'D']);
    expect(r.warnings.map((w) => w.code)).toContain('donors_dropped');
  });

  it('periods where the treated unit has no value are left out for every unit, with a warning', () => {
    const r = ok(
      syntheticControl({ outcome: panel({ ...DONORS, T: treated.map((v, t) => (t === 0 ? null : v)) }), treatedUnit: 'T', treatmentPeriod: '2016' }),
    );
    expect(r.prePeriods).toEqual(YEARS.slice(1, 6));
    expect(r.warnings.map((w) => w.code)).toContain('treated_periods_missing');
  });

  it('too few donors or pre-treatment periods, or no post-treatment period: not computable, with the reason', () => {
    const few = syntheticControl({
      outcome: panel({ A: DONORS.A, B: DONORS.B.map((v, t) => (t === 8 ? null : v)), T: treated }),
      treatedUnit: 'T',
      treatmentPeriod: '2016',
    });
    expect(few).toMatchObject({ status: 'not_computable', code: 'too_few_donors', details: { droppedDonors: [{ unit: 'B', reason: 'no outcome in 2018' }] } });
    expect((few as { reason: string }).reason).toMatch(
      /^Not computable, because 1 donor\(s\) with complete data remain and at least 2 are needed \(1 were left out/,
    );
    const short = syntheticControl({ outcome: panel({ ...DONORS, T: treated }), treatedUnit: 'T', treatmentPeriod: '2012' });
    expect(short).toMatchObject({ status: 'not_computable', code: 'too_few_pre_periods' });
    expect(syntheticControl({ outcome: panel({ ...DONORS, T: treated }), treatedUnit: 'T', treatmentPeriod: '2012' }, { minPrePeriods: 2 }).status).toBe('ok');
    expect(syntheticControl({ outcome: panel({ ...DONORS, T: treated }), treatedUnit: 'T', treatmentPeriod: '2030' })).toMatchObject({
      status: 'not_computable',
      code: 'no_post_periods',
    });
  });

  it('a predictor missing for a donor drops it; missing for the treated unit is not computable', () => {
    const outcome = panel({ ...DONORS, T: treated });
    const x = (skip: string): SynthPredictor => ({
      name: 'x',
      panel: ['A', 'B', 'C', 'D', 'T'].filter((u) => u !== skip).map((unit, i) => ({ unit, period: '2011', value: i * i })),
    });
    const r = ok(syntheticControl({ outcome, treatedUnit: 'T', treatmentPeriod: '2016', predictors: [x('D')] }, { placebos: false }));
    expect(r.droppedDonors).toEqual([{ unit: 'D', reason: 'no pre-treatment value of predictor x' }]);
    expect(syntheticControl({ outcome, treatedUnit: 'T', treatmentPeriod: '2016', predictors: [x('T')] })).toMatchObject({
      status: 'not_computable',
      code: 'treated_predictor_missing',
    });
  });
});

describe('invalid arguments throw a DomainError', () => {
  const outcome = panel(DONORS);
  it.each([
    [{ treatedUnit: 'Z' }, {}, /"treatedUnit": "Z" has no row in the outcome panel/],
    [{ donors: ['B', 'X'] }, {}, /"donors": "X" has no row/],
    [{ donors: ['A', 'B'] }, {}, /the treated unit "A" cannot be its own donor/],
    [{ predictors: [{ name: 'x', panel: [], periods: ['2017'] }] }, {}, /"predictors.x.periods": 2017 is not before the treatment period 2016/],
    [{}, { randomStarts: 2 }, /"rng": randomStarts = 2 needs a seeded generator/],
    [{}, { optimisePeriods: ['2017'] }, /"optimisePeriods": 2017 is not a pre-treatment period/],
    [{ predictors: [{ name: 'x', panel: [] }] }, { customV: { y: 1 } }, /"customV": give one weight per predictor \(x\); unknown: y; missing: x/],
  ])('%o %o', (patch, options, message) => {
    const run = () => syntheticControl({ outcome, treatedUnit: 'A', treatmentPeriod: '2016', ...patch }, options);
    expect(run).toThrow(DomainError);
    expect(run).toThrow(message);
  });
});

describe('property: W is on the simplex for random panels', () => {
  it('non-negative, summing to 1 within 1e-9, and never worse than the best single donor', () => {
    const rng = createRng(2024);
    for (let trial = 0; trial < 40; trial++) {
      const J = 2 + rng.int(12);
      const T = 4 + rng.int(8);
      const series: Record<string, number[]> = {};
      for (let j = 0; j < J; j++) series[`d${j}`] = Array.from({ length: T }, () => 10 * rng.next());
      series.t = Array.from({ length: T }, () => 12 * rng.next() - 1);
      const outcome = Object.entries(series).flatMap(([unit, s]) => s.map((value, t) => ({ unit, period: String(2000 + t), value })));
      const r = ok(syntheticControl({ outcome, treatedUnit: 't', treatmentPeriod: String(2000 + T - 1) }, { placebos: false }));
      expectOnSimplex(r.weights);
      const pre = T - 1;
      const best = Math.min(
        ...Object.keys(series)
          .filter((u) => u !== 't')
          .map((u) => Math.sqrt(series[u].slice(0, pre).reduce((s, v, i) => s + (series.t[i] - v) ** 2, 0) / pre)),
      );
      expect(r.rmspePre).toBeLessThanOrEqual(best + 1e-9);
    }
  });
});
