import { invalidArgument } from '../errors.js';
import { UNKNOWN } from './types.js';

/** One cell of a confusion table: how many towns the rule put in `computed` that the source put in `published`. */
export interface ConfusionCell {
  computed: string;
  published: string;
  count: number;
  towns: string[];
}

export interface ConfusionTable {
  /** Classes seen on each side, sorted, `unknown` last. */
  computedClasses: string[];
  publishedClasses: string[];
  /** Non-empty cells, in the order of the classes. */
  cells: ConfusionCell[];
  /** Towns counted: every computed result, once. */
  total: number;
  /** Towns with a class on both sides (neither `unknown`). */
  compared: number;
  /** Of those, towns where the two classes are the same. */
  agreed: number;
  /** agreed / compared; null when nothing can be compared. */
  agreement: number | null;
  /** Towns with a published class but no computed result: not counted, listed so nothing is dropped silently. */
  publishedOnly: string[];
}

const order = (classes: Iterable<string>) => [...new Set(classes)].sort((a, b) => (a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : a.localeCompare(b)));

/**
 * Counts per (computed, published) pair. A town without a published class
 * counts as published `unknown`; a computed `unknown` stays `unknown`.
 * Agreement is measured only over the towns classified on both sides.
 */
export function confusionTable(computed: readonly { town: string | null; class: string }[], published: Readonly<Record<string, string>>): ConfusionTable {
  const seen = new Set<string>();
  for (const c of computed) {
    if (c.town === null) throw invalidArgument('computed', 'every computed result needs its town to be compared with a published class.');
    if (seen.has(c.town)) throw invalidArgument('computed', `the town "${c.town}" appears twice; give one result per town (one typology, one year).`);
    seen.add(c.town);
  }
  const pairs = computed.map((c) => ({
    town: c.town as string,
    computed: c.class,
    published: Object.hasOwn(published, c.town as string) ? published[c.town as string] : UNKNOWN,
  }));
  const computedClasses = order(pairs.map((p) => p.computed));
  const publishedClasses = order(pairs.map((p) => p.published));
  const cells: ConfusionCell[] = [];
  for (const a of computedClasses)
    for (const b of publishedClasses) {
      const towns = pairs
        .filter((p) => p.computed === a && p.published === b)
        .map((p) => p.town)
        .sort();
      if (towns.length) cells.push({ computed: a, published: b, count: towns.length, towns });
    }
  const both = pairs.filter((p) => p.computed !== UNKNOWN && p.published !== UNKNOWN);
  const agreed = both.filter((p) => p.computed === p.published).length;
  return {
    computedClasses,
    publishedClasses,
    cells,
    total: pairs.length,
    compared: both.length,
    agreed,
    agreement: both.length ? agreed / both.length : null,
    publishedOnly: Object.keys(published)
      .filter((t) => !seen.has(t))
      .sort(),
  };
}
