import { describe, expect, it } from 'vitest';
import { jacobiEigen, pcaWeights, varimax, varimaxCriterion } from './pca.js';
import { createRng } from './random.js';
import { correlationMatrix } from './stats.js';
import { weightSchemes } from './weights.js';

describe('Jacobi eigen-decomposition', () => {
  it('[[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, −1)/√2', () => {
    const { values, vectors } = jacobiEigen([2, 1, 1, 2], 2);
    expect(Array.from(values)).toEqual([expect.closeTo(3, 14), expect.closeTo(1, 14)]);
    expect(Array.from(vectors[0])).toEqual([expect.closeTo(Math.SQRT1_2, 14), expect.closeTo(Math.SQRT1_2, 14)]);
    expect(Array.from(vectors[1])).toEqual([expect.closeTo(Math.SQRT1_2, 14), expect.closeTo(-Math.SQRT1_2, 14)]);
  });

  it('property: A·v = λ·v and the eigenvectors are orthonormal, for random symmetric matrices', () => {
    const rng = createRng(3);
    for (let t = 0; t < 20; t++) {
      const n = 2 + rng.int(9);
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.next() * 2 - 1;
      const { values, vectors } = jacobiEigen(a, n);
      for (let k = 0; k < n; k++) {
        for (let i = 0; i < n; i++) {
          let av = 0;
          for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[k][j];
          expect(av).toBeCloseTo(values[k] * vectors[k][i], 10);
        }
        for (let l = 0; l < n; l++) {
          let dot = 0;
          for (let i = 0; i < n; i++) dot += vectors[k][i] * vectors[l][i];
          expect(dot).toBeCloseTo(k === l ? 1 : 0, 12);
        }
        if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
      }
    }
  });

  it('rejects a non-symmetric matrix', () => {
    expect(() => jacobiEigen([1, 2, 3, 4], 2)).toThrow(/not symmetric/);
  });
});

describe('varimax (Kaiser normalisation)', () => {
  it('recovers a simple structure that was rotated by 30°', () => {
    // simple structure: indicators 1–2 load only on factor 1, indicators 3–4 only on factor 2.
    // With Kaiser normalisation every row becomes (±1, 0) or (0, ±1): the varimax optimum.
    const simple = [
      [0.9, 0.8, 0, 0],
      [0, 0, 0.7, 0.85],
    ];
    const phi = Math.PI / 6;
    const rotated = [
      simple[0].map((x, i) => Math.cos(phi) * x - Math.sin(phi) * simple[1][i]),
      simple[0].map((x, i) => Math.sin(phi) * x + Math.cos(phi) * simple[1][i]),
    ];
    const back = varimax(rotated);
    const abs = back.map((col) => Array.from(col, Math.abs));
    const [f1, f2] = abs[0][0] > abs[1][0] ? [abs[0], abs[1]] : [abs[1], abs[0]];
    [0.9, 0.8, 0, 0].forEach((x, i) => expect(f1[i]).toBeCloseTo(x, 10));
    [0, 0, 0.7, 0.85].forEach((x, i) => expect(f2[i]).toBeCloseTo(x, 10));
  });

  it('does not change communalities and does not lower the criterion', () => {
    const rng = createRng(9);
    const cols = [0, 1, 2].map(() => Array.from({ length: 7 }, () => rng.next() * 2 - 1));
    const rot = varimax(cols, false);
    for (let i = 0; i < 7; i++) {
      const before = cols.reduce((s, c) => s + c[i] ** 2, 0);
      const after = rot.reduce((s, c) => s + c[i] ** 2, 0);
      expect(after).toBeCloseTo(before, 12);
    }
    expect(varimaxCriterion(rot)).toBeGreaterThanOrEqual(varimaxCriterion(cols) - 1e-12);
  });
});

describe('PCA weights (OECD/JRC Handbook 2008, factor analysis)', () => {
  // 12 units × 5 indicators: two latent factors (indicators 1–3 and 4–5), rounded to one decimal.
  const X = [
    [5.1, 3.0, 9.4, 7.3, 3.9],
    [5.5, 3.7, 12.9, 4.9, 3.2],
    [3.2, 2.2, 9.9, 7.0, 4.4],
    [2.9, 1.8, 6.1, 7.8, 4.6],
    [4.1, 2.0, 8.7, 4.0, 2.3],
    [3.1, 1.4, 7.6, 6.0, 3.0],
    [4.4, 1.8, 10.0, 3.6, 2.0],
    [7.4, 4.7, 14.7, 5.0, 3.9],
    [3.5, 2.5, 8.5, 2.7, 1.8],
    [3.4, 1.1, 8.8, 6.1, 3.4],
    [6.5, 3.9, 12.9, 4.8, 3.1],
    [5.3, 3.7, 10.4, 6.5, 4.4],
  ];
  const columns = [0, 1, 2, 3, 4].map((j) => X.map((r) => r[j]));

  // Independent reference, computed with numpy 2.4 by a different method — numpy.linalg.eigh for the
  // eigen-decomposition and R's SVD-based `stats::varimax` algorithm (iterated to convergence) for
  // the rotation:
  //   R = np.corrcoef(X, rowvar=False); w, V = np.linalg.eigh(R); sort descending
  //   m = sum(w / 5 > 0.10) = 2; L = V[:, :m] * sqrt(w[:m])
  //   sc = sqrt(sum(L², axis=1)); x = L / sc; TT = I
  //   repeat: z = x @ TT; B = x.T @ (z³ − z @ diag(sum(z², axis=0)) / p); u, s, vt = svd(B); TT = u @ vt
  //   Lr = (x @ TT) * sc; sq = Lr²; ev = sum(sq, axis=0); scaled = sq / ev; share = ev / sum(ev)
  //   f = argmax(scaled, axis=1); w = scaled[i, f] * share[f]; w /= sum(w)
  const reference = {
    eigenvalues: [2.840334908913772, 1.9150092387096693, 0.1360106633452436, 0.0870601083944138, 0.021585080636900945],
    weights: [0.20318815812996371, 0.19654001236329932, 0.19394867793570142, 0.20129684098746684, 0.20502631058356874],
    share: [0.5955985395792709, 0.40440146042072905],
    factor: [0, 0, 0, 1, 1],
    rotated: [
      [-0.9748003231147144, -0.03854038386839816],
      [-0.9587203749996811, 0.0969937362476499],
      [-0.952379150985882, -0.10932640892555177],
      [0.18583394783119025, 0.9702528953843421],
      [-0.1460660766165763, 0.9791996871689805],
    ],
  };

  it('matches the numpy reference: eigenvalues, retained factors, rotated loadings, shares and weights', () => {
    const { matrix } = correlationMatrix(columns, 'complete');
    const r = pcaWeights(matrix, 5);
    Array.from(r.eigenvalues).forEach((v, i) => expect(v).toBeCloseTo(reference.eigenvalues[i], 12));
    expect(r.retained).toBe(2);
    expect(Array.from(r.factor)).toEqual(reference.factor);
    Array.from(r.share).forEach((v, i) => expect(v).toBeCloseTo(reference.share[i], 10));
    Array.from(r.weights).forEach((v, i) => expect(v).toBeCloseTo(reference.weights[i], 10));
    // loadings agree up to the sign of each factor
    for (let k = 0; k < 2; k++) for (let i = 0; i < 5; i++) expect(Math.abs(r.rotated[k][i])).toBeCloseTo(Math.abs(reference.rotated[i][k]), 9);
    expect(Array.from(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('is a registered weight scheme over complete cases; group weights are kept', () => {
    const w = weightSchemes.pca({ configured: [1, 1, 1, 1, 1], groups: [2, 3], columns });
    Array.from(w.indicators).forEach((v, i) => expect(v).toBeCloseTo(reference.weights[i], 10));
    expect(Array.from(w.groups)).toEqual([2, 3]);
    expect(w.pca?.units).toBe(12);
  });

  it('is not computable when no component explains more than 10% of the variance', () => {
    // 12 uncorrelated indicators: every eigenvalue is 1, i.e. 1/12 ≈ 8.3% of the variance
    const identity = Array.from({ length: 144 }, (_, k) => (k % 13 === 0 ? 1 : 0));
    expect(() => pcaWeights(identity, 12)).toThrow(/no principal component explains more than 10%/);
  });
});

describe('explicit and equal weights', () => {
  it('explicit copies the configuration; equal sets every indicator and group weight to 1', () => {
    const ctx = { configured: [2, 0.5], groups: [3], columns: [] };
    expect(Array.from(weightSchemes.explicit(ctx).indicators)).toEqual([2, 0.5]);
    expect(Array.from(weightSchemes.equal(ctx).indicators)).toEqual([1, 1]);
    expect(Array.from(weightSchemes.equal(ctx).groups)).toEqual([1]);
  });
});
