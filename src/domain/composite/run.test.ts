import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { compose, regen, toJson, type CompositeInput } from './index.js';
import { pcaWeights } from './pca.js';
import { createRng } from './random.js';
import { correlationMatrix } from './stats.js';

// Five units, three indicators; y is "lower is better"; b has no value for z.
const input: CompositeInput = {
  period: '2021',
  units: ['a', 'b', 'c', 'd', 'e'],
  indicators: [
    { code: 'x', polarity: 1 },
    { code: 'y', polarity: -1 },
    { code: 'z', polarity: 1 },
  ],
  values: [
    [1, 10, 5],
    [2, 8, null],
    [3, 9, 7],
    [4, 4, 2],
    [5, 1, 9],
  ],
};
const config = {
  period: '2021',
  indicators: [
    { code: 'x', group: 'g1' },
    { code: 'y', group: 'g1', weight: 2 },
    { code: 'z', group: 'g2' },
  ],
  groups: [
    { code: 'g1', weight: 1, parent: null },
    { code: 'g2', weight: 1, parent: null },
  ],
};
const byUnit = (run: ReturnType<typeof compose>) => Object.fromEntries(run.result.units.map((u) => [u.unit, u]));

describe('compose: a hand-computed index', () => {
  // minmax:  x → (x − 1)/4           = a 0,   b 1/4, c 1/2, d 3/4, e 1
  //          y → (−y + 10)/9 (pol −1) = a 0,   b 2/9, c 1/9, d 6/9, e 1
  //          z → (z − 2)/7            = a 3/7, b —,   c 5/7, d 0,   e 1
  // g1 = (x + 2y)/3: a 0, b 25/108, c 13/54, d 25/36, e 1;   g2 = z
  // index = (g1 + g2)/2: a 3/14, b 25/108 (g2 missing: weights renormalised), c 361/756, d 25/72, e 1
  // ranks: e 1, c 2, d 3, b 4, a 5
  const run = compose(input, config);
  const u = byUnit(run);

  it('scores and ranks every unit', () => {
    const expected = { a: 3 / 14, b: 25 / 108, c: 361 / 756, d: 25 / 72, e: 1 };
    for (const [unit, score] of Object.entries(expected)) expect(u[unit].score).toBeCloseTo(score, 14);
    expect(run.result.units.map((x) => x.rank)).toEqual([5, 4, 2, 3, 1]);
  });

  it('scores and ranks every group', () => {
    expect(u.c.groups.g1).toBeCloseTo(13 / 54, 14);
    expect(u.c.groups.g2).toBeCloseTo(5 / 7, 14);
    expect(u.b.groups.g2).toBeNull();
    expect(run.result.units.map((x) => x.groupRanks.g1)).toEqual([5, 4, 3, 2, 1]);
    expect(run.result.units.map((x) => x.groupRanks.g2)).toEqual([3, null, 2, 4, 1]);
  });

  it('gives each indicator its contribution; contributions sum to the score', () => {
    // c: x 1/2 · 1/6 = 1/12; y 1/9 · 1/3 = 1/27; z 5/7 · 1/2 = 5/14.  b (incomplete): x 1/4 · 1/3; y 2/9 · 2/3
    expect(u.c.contributions).toEqual({ x: expect.closeTo(1 / 12, 14), y: expect.closeTo(1 / 27, 14), z: expect.closeTo(5 / 14, 14) });
    expect(u.b.contributions).toEqual({ x: expect.closeTo(1 / 12, 14), y: expect.closeTo(4 / 27, 14), z: null });
    for (const unit of run.result.units) expect(Object.values(unit.contributions).reduce((s: number, v) => s + (v ?? 0), 0)).toBeCloseTo(unit.score!, 14);
    expect(run.result.weights).toEqual({ x: expect.closeTo(1 / 6, 15), y: expect.closeTo(1 / 3, 15), z: 0.5 });
  });

  it('lists the units aggregated over incomplete data', () => {
    expect(run.result.incompleteUnits).toEqual(['b']);
    expect(u.b.incomplete).toBe(true);
    expect(run.result.warnings.map((w) => w.code)).toContain('incomplete_data');
  });

  it('logs each step with its specification, in order', () => {
    expect(run.steps.map((s) => s.step)).toEqual(['transform', 'impute', 'normalise', 'weight', 'aggregate']);
    const normalise = run.steps[2];
    expect(normalise.step === 'normalise' && normalise.spec).toEqual({
      method: { method: 'minmax', range: [0, 1] },
      polarity: { x: 1, y: -1, z: 1 },
      goalposts: {},
      targets: {},
    });
    const aggregate = run.steps[4];
    expect(aggregate.step === 'aggregate' && aggregate.spec.hierarchy).toEqual({ '': ['g1', 'g2'], g1: ['x', 'y'], g2: ['z'] });
  });

  it('is immutable and leaves the input alone', () => {
    expect(Object.isFrozen(run)).toBe(true);
    expect(Object.isFrozen(run.result.units[0].groups)).toBe(true);
    expect(Object.isFrozen(run.config.indicators[0])).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(() => ((run.result.units[0] as { score: number | null }).score = 9)).toThrow(TypeError);
  });
});

describe('regen: replay with any step changed', () => {
  const run = compose(input, config);

  it.each([
    ['transform', { indicators: { x: { transform: 'ln' as const } } }],
    ['impute', { imputation: 'mean' as const }],
    ['normalise', { normalisation: { method: 'zscore' as const } }],
    ['weight', { weights: 'equal' as const }],
    ['aggregate', { normalisation: 'rank' as const, aggregation: 'geometric' as const }],
    ['group weight', { groups: { g2: { weight: 3 } } }],
  ])('%s: equals a fresh run of the changed configuration and leaves the original as it was', (_step, overrides) => {
    const before = JSON.stringify(toJson(run));
    const again = regen(run, overrides);
    expect(JSON.stringify(toJson(again))).not.toBe(before);
    expect(JSON.stringify(toJson(run))).toBe(before);
    const fresh = compose(input, { ...config, ...again.config });
    expect(toJson(fresh)).toEqual(toJson(again));
  });

  it('imputation is reported cell by cell', () => {
    // mean of z over a, c, d, e = (5 + 7 + 2 + 9)/4 = 5.75 → normalised (5.75 − 2)/7 = 0.5357
    const imputed = regen(run, { imputation: 'mean' });
    expect(imputed.result.imputed).toEqual([{ unit: 'b', indicator: 'z', value: 5.75 }]);
    expect(byUnit(imputed).b.imputed).toEqual(['z']);
    expect(byUnit(imputed).b.normalised.z).toBeCloseTo(3.75 / 7, 14);
    expect(imputed.result.incompleteUnits).toEqual([]);
  });

  it('geometric aggregation: contributions are on the log scale and sum to ln(score)', () => {
    const g = regen(run, { normalisation: { method: 'minmax', range: [1, 100] }, aggregation: 'geometric' });
    expect(g.result.contributionsSumTo).toBe('log_score');
    for (const unit of g.result.units)
      expect(Object.values(unit.contributions).reduce((s: number, v) => s + (v ?? 0), 0)).toBeCloseTo(Math.log(unit.score!), 12);
  });
});

describe('properties', () => {
  it('equal weights and one group reproduce the plain mean of the normalised values', () => {
    const rng = createRng(11);
    for (let t = 0; t < 25; t++) {
      const U = 3 + rng.int(20);
      const I = 1 + rng.int(8);
      const codes = Array.from({ length: I }, (_, i) => `i${i}`);
      const data: CompositeInput = {
        units: Array.from({ length: U }, (_, u) => `u${u}`),
        indicators: codes.map((code) => ({ code, polarity: rng.next() < 0.5 ? 1 : -1 })),
        values: Array.from({ length: U }, (_, u) => codes.map((_, i) => (u === i ? 0 : u === i + 1 ? 100 : rng.next() * 100))),
      };
      const run = compose(data, {
        period: 'p',
        indicators: codes.map((code) => ({ code, group: 'all', weight: 1 + rng.next() * 5 })),
        groups: [{ code: 'all' }],
        weights: 'equal',
      });
      for (const unit of run.result.units) {
        const values = Object.values(unit.normalised) as number[];
        expect(unit.score).toBeCloseTo(values.reduce((a, b) => a + b, 0) / I, 12);
        expect(unit.groups.all).toBeCloseTo(unit.score!, 15);
      }
    }
  });

  it('ties share the smallest rank', () => {
    const run = compose(
      { units: ['p', 'q', 'r', 's'], indicators: [{ code: 'x', polarity: 1 }], values: [[1], [3], [3], [2]] },
      { period: '2021', indicators: [{ code: 'x' }] },
    );
    expect(run.result.units.map((u) => u.rank)).toEqual([4, 1, 1, 3]);
  });
});

describe('not computable is a result, or a clear error', () => {
  it('a unit with no value at all has score null, rank null and a reason', () => {
    const run = compose({ ...input, units: [...input.units, 'f'], values: [...input.values, [null, null, null]] }, config);
    const f = byUnit(run).f;
    expect(f).toMatchObject({ score: null, rank: null, reason: 'no indicator has a value for this unit in period "2021"' });
    expect(run.result.warnings.find((w) => w.code === 'not_scored')?.details?.units).toEqual(['f']);
    expect(run.result.units.map((x) => x.rank)).toEqual([5, 4, 2, 3, 1, null]);
  });

  it('a log of a non-positive value names the unit and the indicator', () => {
    const data = { ...input, values: input.values.map((r, u) => (u === 3 ? [0, ...r.slice(1)] : r)) };
    expect(() => compose(data, { ...config, indicators: [{ code: 'x', group: 'g1', transform: 'log10' }, ...config.indicators.slice(1)] })).toThrow(
      /zero or negative[\s\S]*unit "d", indicator "x": 0 cannot be log10-transformed/,
    );
  });

  it('geometric aggregation over zeros is refused, naming unit and indicator, with the fix', () => {
    let error: unknown;
    try {
      compose(input, { ...config, aggregation: 'geometric' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/strictly positive[\s\S]*unit "a", indicator "x": 0[\s\S]*"range": \[1, 100\]/);
  });

  it('input problems are reported, not guessed around', () => {
    expect(() => compose({ ...input, period: '2020' }, config)).toThrow('The data are for period "2020" but the configuration is for "2021"');
    expect(() => compose(input, { ...config, indicators: [...config.indicators, { code: 'w' }] })).toThrow(
      /not in the input data: "w". The input has: "x", "y", "z"/,
    );
    const bad = { ...input, values: input.values.map((r, u) => (u === 0 ? [Number.NaN, r[1], r[2]] : r)) };
    expect(() => compose(bad, config)).toThrow(/unit "a", indicator "x": expected a finite number or null, got NaN/);
    const empty = { ...input, values: input.values.map((r) => [r[0], r[1], null]) };
    expect(() => compose(empty, config)).toThrow(/"z" have no value for any unit in period "2021"/);
  });

  it('a configured polarity overrides the metadata', () => {
    const run = compose(input, { ...config, indicators: [config.indicators[0], { ...config.indicators[1], polarity: 1 }, config.indicators[2]] });
    expect(byUnit(run).a.normalised.y).toBe(1);
  });
});

describe('other methods end to end', () => {
  it('pca weights: the Handbook weights of the normalised indicators', () => {
    const rng = createRng(5);
    const U = 15;
    const units = Array.from({ length: U }, (_, u) => `u${u}`);
    const f1 = units.map(() => rng.next());
    const f2 = units.map(() => rng.next());
    const values = units.map((_, u) => [f1[u] + 0.1 * rng.next(), f1[u] + 0.2 * rng.next(), f2[u] + 0.1 * rng.next(), f2[u] + 0.3 * rng.next()]);
    const codes = ['a', 'b', 'c', 'd'];
    const run = compose(
      { units, indicators: codes.map((code) => ({ code, polarity: 1 as const })), values },
      { period: 'p', indicators: codes.map((code) => ({ code })), weights: 'pca' },
    );
    const cols = codes.map((_, j) => run.result.units.map((u) => u.normalised[codes[j]] as number));
    const expected = pcaWeights(correlationMatrix(cols, 'complete').matrix, 4).weights;
    codes.forEach((c, j) => expect(run.result.weights[c]).toBeCloseTo(expected[j], 12));
    const step = run.steps[3];
    expect(step.step === 'weight' && step.outcome.pca?.retained).toBe(2);
  });

  it('distance_to_target uses each indicator’s target', () => {
    // x target 5: (x − 1)/(5 − 1) → a 0, e 1; y target 2 (pol −1): (−y + 10)/(−2 + 10) → e (y = 1) = 9/8
    const run = compose(input, {
      period: '2021',
      indicators: [
        { code: 'x', target: 5 },
        { code: 'y', target: 2 },
      ],
      normalisation: 'distance_to_target',
    });
    expect(byUnit(run).e.normalised).toEqual({ x: 1, y: 9 / 8 });
    expect(byUnit(run).e.score).toBeCloseTo((1 + 9 / 8) / 2, 14);
  });
});

describe('toJson', () => {
  it('maps the run to the published shape; uncertainty and sensitivity only when requested', () => {
    const json = toJson(compose(input, config));
    expect(Object.keys(json)).toEqual(['period', 'units', 'weights', 'contributionsSumTo', 'imputed', 'incompleteUnits', 'audit', 'warnings']);
    expect(Object.keys(json.units[0])).toEqual([
      'unit',
      'score',
      'rank',
      'reason',
      'groups',
      'groupRanks',
      'normalised',
      'contributions',
      'incomplete',
      'imputed',
    ]);
    expect(Object.keys(json.audit)).toEqual(['correlations', 'cronbachAlpha', 'pca']);
    expect(Object.keys(json.audit.pca!)).toEqual(['eigenvalues', 'explained', 'loadings']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);

    const full = toJson(compose(input, { ...config, uncertainty: { runs: 50, seed: 3, weightNoise: 0.2 }, sensitivity: { samples: 16 } }));
    expect(Object.keys(full.units[0])).toContain('uncertainty');
    expect(Object.keys(full.units[0].uncertainty!)).toEqual(['medianRank', 'p5', 'p95']);
    expect(Object.keys(full.sensitivity!)).toEqual(['output', 'unit', 'samples', 'seed', 'evaluations', 'variance', 'firstOrder', 'total']);
    expect(Object.keys(full.sensitivity!.firstOrder)).toEqual(['imputation', 'normalisation', 'aggregation', 'weights']);
  });
});
