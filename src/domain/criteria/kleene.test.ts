import { describe, expect, it } from 'vitest';
import { allOf, anyOf, verdictOf } from './kleene.js';
import type { Truth } from './types.js';

const U = 'unknown' as const;

describe('three-valued (Kleene) logic', () => {
  it.each<[Truth[], Truth, Truth]>([
    [[], true, false],
    [[true], true, true],
    [[false], false, false],
    [[U], U, U],
    [[true, true], true, true],
    [[true, false], false, true],
    [[true, U], U, true],
    [[false, U], false, U],
    [[false, false], false, false],
    [[U, U], U, U],
    [[true, false, U], false, true],
  ])('%j: all_of %s, any_of %s', (values, all, any) => {
    expect(allOf(values)).toBe(all);
    expect(anyOf(values)).toBe(any);
  });

  it.each<[Truth, string]>([
    [true, 'meets'],
    [false, 'does_not_meet'],
    [U, 'unknown'],
  ])('verdict of %s is %s', (t, v) => expect(verdictOf(t)).toBe(v));
});
