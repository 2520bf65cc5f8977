import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { pick } from './registry.js';
import { nonPositive, transforms } from './transform.js';

describe('transforms', () => {
  it.each([
    ['none', [1, 10, NaN], [1, 10, NaN]],
    ['log10', [1, 10, 1000, NaN], [0, 1, 3, NaN]],
    ['ln', [1, Math.E, NaN], [0, 1, NaN]],
  ] as const)('%s on a plain vector', (name, x, expected) => {
    const y = Array.from(transforms[name](x));
    y.forEach((v, i) => (Number.isNaN(expected[i]) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(expected[i], 14)));
  });

  it('a logarithm of zero or a negative number is a clear error, never a shift', () => {
    expect(nonPositive([3, 0, NaN, -1])).toEqual([1, 3]);
    expect(() => transforms.log10([3, 0, -1])).toThrow(DomainError);
    expect(() => transforms.ln([3, 0, -1])).toThrow(/zero or negative.*positions 1, 2/);
  });

  it('an unknown method throws and lists the valid ones', () => {
    expect(() => pick(transforms, 'sqrt', 'transform')).toThrow('Unknown transform method "sqrt". The transform methods are: none, log10, ln.');
    try {
      pick(transforms, 'sqrt', 'transform');
    } catch (e) {
      expect((e as DomainError).code).toBe('invalid_argument');
      expect((e as DomainError).details.valid).toEqual(['none', 'log10', 'ln']);
    }
  });
});
