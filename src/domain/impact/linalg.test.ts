import { describe, expect, it } from 'vitest';
import { createRng } from '../composite/random.js';
import {
  choleskyInverse,
  fSurvival,
  leastSquares,
  nelderMead,
  projectedGradientSimplex,
  projectOntoSimplex,
  readPanel,
  simplexLeastSquares,
  studentTCdf,
  studentTQuantile,
} from './linalg.js';

describe('least squares by Householder QR', () => {
  it('fits y = 1 + 2x exactly and detects an aliased column, as lm does', () => {
    const x = [0, 1, 2, 3, 4];
    const ones = x.map(() => 1);
    const twice = x.map((v) => 2 * v + 1); // = ones + 2·x: aliased
    const fit = leastSquares([ones, x, twice], [1, 3, 5, 7, 9]);
    expect(fit.rank).toBe(2);
    expect(fit.aliased).toEqual([false, false, true]);
    expect(fit.coefficients[0]).toBeCloseTo(1, 13);
    expect(fit.coefficients[1]).toBeCloseTo(2, 13);
    expect(fit.coefficients[2]).toBeNaN();
    for (const e of fit.residuals) expect(Math.abs(e)).toBeLessThan(1e-13);
  });

  it('(X′X)⁻¹ of a known design: x = 0..4 with an intercept', () => {
    // X′X = [[5, 10], [10, 30]], det 50, inverse [[0.6, −0.2], [−0.2, 0.1]]
    const fit = leastSquares(
      [
        [1, 1, 1, 1, 1],
        [0, 1, 2, 3, 4],
      ],
      [2, 1, 4, 3, 6],
    );
    expect(Array.from(fit.xtxInverse)).toEqual([expect.closeTo(0.6, 13), expect.closeTo(-0.2, 13), expect.closeTo(-0.2, 13), expect.closeTo(0.1, 13)]);
    // slope = Sxy/Sxx = 10/10, intercept = 3.2 − 1·2 = 1.2
    expect(fit.coefficients[1]).toBeCloseTo(1, 13);
    expect(fit.coefficients[0]).toBeCloseTo(1.2, 13);
  });

  it('Cholesky inverse, and null for a singular matrix', () => {
    const inv = choleskyInverse([4, 2, 2, 3], 2)!;
    // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8
    expect(Array.from(inv)).toEqual([expect.closeTo(0.375, 14), expect.closeTo(-0.25, 14), expect.closeTo(-0.25, 14), expect.closeTo(0.5, 14)]);
    expect(choleskyInverse([1, 1, 1, 1], 2)).toBeNull();
  });
});

describe("Student's t and Fisher's F (against scipy 1.17)", () => {
  it.each([
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [3, 3.1824463052837078],
    [5, 2.5705818356363146],
    [10, 2.228138851986274],
    [30, 2.0422724563012378],
    [100, 1.9839715185235518],
  ])('t.ppf(0.975, %i) = %f', (df, q) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 12);
    expect(studentTQuantile(0.025, df)).toBeCloseTo(-q, 12);
    expect(studentTCdf(q, df)).toBeCloseTo(0.975, 14);
  });

  it('f.sf', () => {
    expect(fSurvival(2.5, 3, 10)).toBeCloseTo(0.11903956265827809, 13);
    expect(fSurvival(0.7, 2, 40)).toBeCloseTo(0.5025658844316698, 13);
    expect(fSurvival(0, 2, 40)).toBe(1);
  });
});

describe('least squares on the simplex', () => {
  it('projection onto the simplex: (0.5, 0.5, 2) → (0, 0, 1); (0.6, 0.3, 0.3) → (0.6, 0.2, 0.2)… shifted', () => {
    expect(Array.from(projectOntoSimplex([0.5, 0.5, 2]))).toEqual([0, 0, 1]);
    // θ = (1.2 − 1)/3: every entry minus 1/15
    expect(Array.from(projectOntoSimplex([0.6, 0.3, 0.3]))).toEqual([
      expect.closeTo(0.6 - 1 / 15, 15),
      expect.closeTo(0.3 - 1 / 15, 15),
      expect.closeTo(0.3 - 1 / 15, 15),
    ]);
  });

  it('the origin inside the hull: weights that reproduce it exactly', () => {
    // 0 = 0.3·(−7, 1) + 0.7·(3, −3/7)
    const fit = simplexLeastSquares([
      [-7, 1],
      [3, -3 / 7],
      [10, 10],
    ]);
    expect(fit.weights[0]).toBeCloseTo(0.3, 12);
    expect(fit.weights[1]).toBeCloseTo(0.7, 12);
    expect(fit.weights[2]).toBe(0);
    // the objective comes from the Gram matrix, so its rounding is about ε·max‖P_j‖² = ε·200
    expect(fit.objective).toBeLessThan(1e-12);
    expect(fit).toMatchObject({ converged: true, solver: 'wolfe' });
  });

  it('the nearest point on an edge and at a vertex', () => {
    // segment from (1, −1) to (1, 1): nearest point (1, 0), weights ½, ½; objective 1
    const edge = simplexLeastSquares([
      [1, -1],
      [1, 1],
      [3, 0],
    ]);
    expect(Array.from(edge.weights)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12), 0]);
    expect(edge.objective).toBeCloseTo(1, 12);
    const vertex = simplexLeastSquares([
      [2, 2],
      [5, 1],
      [3, 7],
    ]);
    expect(Array.from(vertex.weights)).toEqual([1, 0, 0]);
  });

  it('property: Wolfe agrees with projected gradient, weights are non-negative and sum to 1 within 1e-9', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 300; trial++) {
      const m = 2 + rng.int(25);
      const k = 1 + rng.int(12);
      const shift = rng.next() * 3;
      const points = Array.from({ length: m }, () => Float64Array.from({ length: k }, () => rng.next() * 2 - 1 + shift * (rng.next() < 0.5 ? 1 : 0)));
      const w = simplexLeastSquares(points);
      const pg = projectedGradientSimplex(points, undefined, 1e-13, 100000);
      let sum = 0;
      for (const x of w.weights) {
        expect(x).toBeGreaterThanOrEqual(0);
        sum += x;
      }
      expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
      expect(w.converged).toBe(true);
      // both certify optimality by the Frank–Wolfe gap, so their objectives agree to the tolerance
      const scale = Math.max(...points.map((p) => p.reduce((s, v) => s + v * v, 0)));
      expect(w.objective).toBeLessThanOrEqual(pg.objective + 1e-10 * scale);
      expect(w.relativeGap).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('Nelder–Mead', () => {
  it("finds the minimum of Rosenbrock's function at (1, 1)", () => {
    const r = nelderMead((x) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { xTolerance: 1e-8, fTolerance: 1e-14, maxEvaluations: 5000 });
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.converged).toBe(true);
  });
});

describe('readPanel', () => {
  it('sorts units and periods, marks missing cells NaN', () => {
    const p = readPanel(
      [
        { unit: 'b', period: '2021', value: 2 },
        { unit: 'a', period: '2020', value: 1 },
        { unit: 'a', period: '2021', value: null },
      ],
      'panel',
    );
    expect(p.units).toEqual(['a', 'b']);
    expect(p.periods).toEqual(['2020', '2021']);
    expect(Array.from(p.values[0])).toEqual([1, NaN]);
    expect(Array.from(p.values[1])).toEqual([NaN, 2]);
    expect(Array.from(p.rows[0])).toEqual([1, 2]);
  });
});
