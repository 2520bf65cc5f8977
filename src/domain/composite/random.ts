/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018), seeded through a
 * SplitMix-style 32-bit mixer. The only source of randomness in the composite engine, so
 * that the same seed always gives the same uncertainty and sensitivity results.
 */
import { invalidArgument } from '../errors.js';

export interface Rng {
  /** A uniform number in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** The raw xoshiro128** generator over four 32-bit state words; returns unsigned 32-bit integers. */
export function xoshiro128ss(s0: number, s1: number, s2: number, s3: number): () => number {
  let a = s0 | 0;
  let b = s1 | 0;
  let c = s2 | 0;
  let d = s3 | 0;
  if ((a | b | c | d) === 0) throw invalidArgument('state', 'xoshiro128** needs at least one non-zero state word.');
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

/** SplitMix32-style seeder: a Weyl sequence passed through the murmur3 finaliser. */
function seeder(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator. Any safe integer is a valid seed; the same seed gives the same stream. */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw invalidArgument('seed', `expected a whole number, got ${String(seed)}. Pick any integer, e.g. 1.`);
  const low = (seed % 4294967296) | 0;
  const high = Math.floor(seed / 4294967296) | 0;
  const mix = seeder(low);
  const words = [mix(), mix() ^ high, mix(), mix()];
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  const raw = xoshiro128ss(words[0], words[1], words[2], words[3]);
  const next = (): number => raw() / 4294967296;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
  };
}
