import { describe, expect, it } from 'vitest';
import { audit, cronbachAlpha } from './audit.js';
import { normalisers } from './normalise.js';
import { sampleSd } from './stats.js';

describe("Cronbach's alpha on standardised indicators", () => {
  it('by hand from a correlation matrix', () => {
    // 3 indicators, r12 = 0.5, r13 = 0.3, r23 = 0.4 → r̄ = 0.4; α = 3·0.4/(1 + 2·0.4) = 1.2/1.8 = 0.6667
    // without indicator 3: r̄ = 0.5, k = 2 → α = 2·0.5/1.5 = 0.6667; without 1: r̄ = 0.4 → 0.8/1.4 = 0.5714
    const r = [1, 0.5, 0.3, 0.5, 1, 0.4, 0.3, 0.4, 1];
    expect(cronbachAlpha(r, 3)).toBeCloseTo(2 / 3, 14);
    expect(cronbachAlpha(r, 3, 2)).toBeCloseTo(2 / 3, 14);
    expect(cronbachAlpha(r, 3, 0)).toBeCloseTo(0.8 / 1.4, 14);
    expect(cronbachAlpha([1], 1)).toBeNaN();
  });

  it('equals the classical alpha k/(k−1)·(1 − Σσᵢ²/σ²_total) computed on z-scores', () => {
    const cols = [
      [1, 2, 3, 4, 5, 6],
      [2, 1, 4, 3, 6, 5],
      [1, 3, 2, 5, 4, 7],
    ];
    const z = cols.map((c) => normalisers.zscore(c));
    const totals = z[0].map((_, u) => z.reduce((s, c) => s + c[u], 0));
    const k = 3;
    const classical = (k / (k - 1)) * (1 - k / sampleSd(totals) ** 2);
    expect(audit(cols, ['a', 'b', 'c']).cronbachAlpha).toBeCloseTo(classical, 12);
  });
});

describe('audit', () => {
  it('flags negatively correlated and redundant indicators', () => {
    const a = audit(
      [
        [1, 2, 3, 4, 5],
        [1.1, 2, 3.1, 4, 5.2],
        [5, 4, 3, 2, 1.5],
      ],
      ['x', 'y', 'z'],
    );
    const codes = a.warnings.map((w) => `${w.code}:${(w.details?.indicators as string[]).join('-')}`);
    expect(codes).toEqual(['redundant_indicators:x-y', 'negative_correlation:x-z', 'negative_correlation:y-z']);
  });

  it('PCA eigenvalues sum to the number of indicators and loadings reproduce the correlations', () => {
    const cols = [
      [1, 2, 3, 4, 5, 7],
      [2, 1, 4, 3, 6, 5],
      [6, 3, 2, 5, 4, 1],
    ];
    const a = audit(cols, ['a', 'b', 'c']);
    const pca = a.pca!;
    expect(Array.from(pca.eigenvalues).reduce((s, v) => s + v, 0)).toBeCloseTo(3, 12);
    // R = L·Lᵀ when every component is kept
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(pca.loadings.reduce((s, col) => s + col[i] * col[j], 0)).toBeCloseTo(a.correlations[i * 3 + j], 12);
  });

  it('reports when alpha and PCA are not computable', () => {
    const a = audit(
      [
        [1, NaN, 3],
        [2, 5, NaN],
      ],
      ['a', 'b'],
    );
    expect(a.cronbachAlpha).toBeNaN();
    expect(a.pca).toBeNull();
    expect(a.warnings.map((w) => w.code)).toContain('audit_not_computable');
  });
});
