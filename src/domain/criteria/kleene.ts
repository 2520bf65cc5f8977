import type { Truth, Verdict } from './types.js';

/** Kleene "and": false if any is false, else unknown if any is unknown, else true (true for none). */
export function allOf(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  if (values.includes('unknown')) return 'unknown';
  return true;
}

/** Kleene "or": true if any is true, else unknown if any is unknown, else false (false for none). */
export function anyOf(values: readonly Truth[]): Truth {
  if (values.includes(true)) return true;
  if (values.includes('unknown')) return 'unknown';
  return false;
}

export function verdictOf(t: Truth): Verdict {
  return t === true ? 'meets' : t === false ? 'does_not_meet' : 'unknown';
}
