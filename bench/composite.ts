/**
 * Benchmarks of the composite-indicator engine, on synthetic data from the seeded PRNG (units named
 * "fictional-N"). Run with:
 *   npx tsx -e "import('./bench/composite.ts').then(async m => console.log(JSON.stringify(await m.compositeBench(), null, 2)))"
 */
import { performance } from 'node:perf_hooks';
import { compose, createRng, runSensitivity, runUncertainty, type CompositeInput, type UncertaintyConfig } from '../src/domain/composite/index.js';

const round = (x: number) => Math.round(x * 10) / 10;

/** U fictional units × I indicators in groups of `perGroup`, every third indicator "lower is better", `missing` share of gaps. */
function synthetic(units: number, indicators: number, perGroup: number, missing: number, seed: number) {
  const rng = createRng(seed);
  const codes = Array.from({ length: indicators }, (_, i) => `indicator_${i}`);
  const factor = Array.from({ length: units }, () => rng.next());
  const input: CompositeInput = {
    units: Array.from({ length: units }, (_, u) => `fictional-${u}`),
    indicators: codes.map((code, i) => ({ code, polarity: i % 3 === 2 ? -1 : 1 })),
    values: factor.map((f) => codes.map((_, i) => (rng.next() < missing ? null : 10 + 50 * (i % 3 === 2 ? 1 - f : f) + 40 * rng.next()))),
  };
  const groups = Math.ceil(indicators / perGroup);
  const config = {
    period: 'bench',
    indicators: codes.map((code, i) => ({ code, group: `group_${Math.floor(i / perGroup)}`, weight: 1 + (i % 4) })),
    groups: [
      { code: 'pillar_a', parent: null },
      { code: 'pillar_b', parent: null, weight: 2 },
      ...Array.from({ length: groups }, (_, g) => ({ code: `group_${g}`, parent: g % 2 === 0 ? 'pillar_a' : 'pillar_b' })),
    ],
    normalisation: { method: 'minmax', range: [1, 100] },
  };
  return { input, config };
}

const uncertainty: UncertaintyConfig = {
  runs: 1000,
  seed: 1,
  weightNoise: 0.25,
  normalisation: [{ method: 'minmax', range: null }, { method: 'rank' }],
  aggregation: ['arithmetic', 'geometric'],
  imputation: ['none', 'mean'],
};

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

/** Median time of `repeat` calls, after one warm-up. */
function median(repeat: number, f: () => unknown): number {
  f();
  const ts = Array.from({ length: repeat }, () => time(f).ms).sort((a, b) => a - b);
  return ts[Math.floor(repeat / 2)];
}

export async function compositeBench(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { node: process.version, uncertainty: { ...uncertainty, runs: 1000 } };

  const small = synthetic(27, 30, 5, 0.02, 27);
  out.full_run_27x30_ms = round(median(21, () => compose(small.input, small.config)));
  out.full_run_27x30_pca_ms = round(median(21, () => compose(small.input, { ...small.config, weights: 'pca', imputation: 'mean' })));
  const smallRun = compose(small.input, small.config);
  out.uncertainty_1000_runs_27x30_ms = round(median(5, () => runUncertainty(smallRun, uncertainty)));

  const kz = synthetic(51, 49, 7, 0.02, 51);
  const kzRun = compose(kz.input, kz.config);
  const kzMs = median(5, () => runUncertainty(kzRun, uncertainty));
  out.uncertainty_1000_runs_51x49_ms = round(kzMs);
  out.uncertainty_51x49_under_one_second = kzMs < 1000;
  out.sensitivity_51x49_N256_together_ms = round(
    median(3, () => runSensitivity(kzRun, uncertainty, { samples: 256, seed: 1, output: 'rank', unit: null, weights: 'together' })),
  );

  const big = synthetic(10_000, 100, 10, 0.02, 10_000);
  const built = time(() => compose(big.input, big.config));
  out.full_run_10000x100_ms = round(built.ms);
  const bigUncertainty = time(() => runUncertainty(built.value, uncertainty));
  out.uncertainty_1000_runs_10000x100_ms = round(bigUncertainty.ms);
  out.uncertainty_10000x100_per_run_ms = round(bigUncertainty.ms / 1000);
  return out;
}
