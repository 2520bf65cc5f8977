import { describe, expect, it } from 'vitest';
import { confusionTable } from './confusion.js';

describe('confusionTable', () => {
  // Five towns: a, b agree (extractive); c computed processing, published extractive; d computed unknown; e not published.
  const computed = [
    { town: 'a', class: 'extractive' },
    { town: 'b', class: 'extractive' },
    { town: 'c', class: 'processing' },
    { town: 'd', class: 'unknown' },
    { town: 'e', class: 'research' },
  ];
  const published = { a: 'extractive', b: 'extractive', c: 'extractive', d: 'research', z: 'processing' };
  const t = confusionTable(computed, published);

  it('counts every (computed, published) pair, unknown included', () => {
    expect(t.cells.map((c) => [c.computed, c.published, c.count, c.towns.join(',')])).toEqual([
      ['extractive', 'extractive', 2, 'a,b'],
      ['processing', 'extractive', 1, 'c'],
      ['research', 'unknown', 1, 'e'],
      ['unknown', 'research', 1, 'd'],
    ]);
    expect(t.computedClasses).toEqual(['extractive', 'processing', 'research', 'unknown']);
    expect(t.publishedClasses).toEqual(['extractive', 'research', 'unknown']);
  });

  it('measures agreement over the towns classified on both sides', () => {
    expect([t.total, t.compared, t.agreed, t.agreement]).toEqual([5, 3, 2, 2 / 3]);
  });

  it('lists published towns without a computed result instead of dropping them silently', () => {
    expect(t.publishedOnly).toEqual(['z']);
  });

  it('has no agreement when nothing can be compared', () => {
    expect(confusionTable([{ town: 'a', class: 'unknown' }], {}).agreement).toBeNull();
  });

  it('refuses a town given twice or without a name', () => {
    expect(() => confusionTable([computed[0], computed[0]], published)).toThrow(/"a" appears twice/);
    expect(() => confusionTable([{ town: null, class: 'x' }], published)).toThrow(/needs its town/);
  });
});
