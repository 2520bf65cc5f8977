/** The app's API client (same origin) and a small hook to load data with loading/error states. */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, createClient, type ApiClient } from '../client/api-client.js';

export const client: ApiClient = createClient();

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ready'; data: T };

/** Runs `load` whenever `key` changes; `retry` runs it again. Stale answers are ignored. */
export function useApi<T>(key: string, load: () => Promise<T>): Loadable<T> & { retry: () => void } {
  const [result, setResult] = useState<{ key: string; attempt: number; value: Loadable<T> }>({ key, attempt: 0, value: { state: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ key, attempt, value: { state: 'ready', data } }),
      (error: unknown) => live && setResult({ key, attempt, value: { state: 'error', error: error instanceof Error ? error : new Error(String(error)) } }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure on each render; `key` and `attempt` say when to load again.
  }, [key, attempt]);

  const current: Loadable<T> = result.key === key && result.attempt === attempt ? result.value : { state: 'loading' };
  return { ...current, retry };
}

/**
 * Reference data that does not change while the app is open (the rule sets, the indicator catalogue),
 * loaded once and shared by the pages; a failed load is forgotten so that a retry asks again.
 */
const memo = new Map<string, Promise<unknown>>();
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

export const loadRulesets = () => cached('rulesets', () => client.rulesets());
export const loadIndicators = () => cached('indicators', () => client.indicators());
export const loadTowns = () => cached('towns', () => client.towns());
export const loadSources = () => cached('sources', () => client.sources());
export const loadPresets = () => cached('index-presets', () => client.indexPresets());
export const loadTypologies = (year: number) => cached(`typologies:${year}`, () => client.typologies(year));
export const loadVulnerability = (town: string, year: number) => cached(`vulnerability:${town}:${year}`, () => client.vulnerability(town, year));

export { ApiError };
