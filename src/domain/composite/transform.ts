/**
 * Step 1, transform: an optional logarithm per indicator, for skewed indicators (OECD/JRC
 * Handbook 2008, §1.5). Values that cannot be transformed are an error, never silently shifted.
 */
import { DomainError } from '../errors.js';

export const TRANSFORM_NAMES = ['none', 'log10', 'ln'] as const;
export type TransformName = (typeof TRANSFORM_NAMES)[number];

/** Maps a vector (NaN = missing, kept) to a new vector. */
export type TransformFn = (values: ArrayLike<number>) => Float64Array;

/** Positions of present values that are zero or negative (where a logarithm is undefined). */
export function nonPositive(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] <= 0) out.push(i);
  return out;
}

function logarithm(name: TransformName, f: (x: number) => number): TransformFn {
  return (values) => {
    const bad = nonPositive(values);
    if (bad.length > 0) {
      throw new DomainError(
        'invalid_data',
        `Cannot apply the ${name} transform: ${bad.length} value(s) are zero or negative (at positions ${bad.slice(0, 10).join(', ')}), ` +
          `and the logarithm of such a number is undefined. Use the transform "none" for this indicator, or check the values.`,
        { transform: name, positions: bad },
      );
    }
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = f(values[i]);
    return out;
  };
}

export const transforms: Readonly<Record<TransformName, TransformFn>> = {
  none: (values) => Float64Array.from(values as ArrayLike<number>),
  log10: logarithm('log10', Math.log10),
  ln: logarithm('ln', Math.log),
};
