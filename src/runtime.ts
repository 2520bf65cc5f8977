/**
 * The composition root: reads the configuration, opens the database, loads the
 * reference data on first start and wires the adapters together. The CLI, the
 * server and the tests start here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureReferenceData } from './app/reference.service.js';
import type { ImportSummary } from './app/import.service.js';
import type { Store } from './app/ports.js';
import { openStore } from './db/store.js';
import { readReferenceData } from './io/reader.js';
import { loadRules } from './io/rules.js';
import { loadPrograms } from './io/programs.js';
import { loadPresets } from './io/presets.js';
import { invalidData } from './domain/errors.js';
import type { Rules } from './app/status.service.js';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_ROOT = join(PROJECT_ROOT, 'dist', 'web');
export const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number between 0 and 65535, got "${env.PORT}".`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: env.DATA_DIR || join(PROJECT_ROOT, 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
  };
}

export interface Runtime {
  store: Store;
  rules: Rules;
  applied: string[];
  loaded: ImportSummary | null;
  close(): Promise<void>;
}

/** Opens the database, migrates it and loads the reference data when the registry is empty. */
export async function openRuntime(config: Pick<Config, 'dataDir' | 'databaseUrl'>, opts: { loadReference?: boolean } = {}): Promise<Runtime> {
  const rules = loadRulesOrThrow();
  const { store, applied } = await openStore(config);
  try {
    const loaded = opts.loadReference === false ? null : await ensureReferenceData(store, () => readReferenceData(PROJECT_ROOT));
    return { store, rules, applied, loaded, close: () => store.close() };
  } catch (e) {
    await store.close();
    throw e;
  }
}

export function webRootIfBuilt(): string | undefined {
  return existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined;
}

/** Loads `rules/` and refuses to start with a broken rule file, naming every problem. */
export function loadRulesOrThrow(root = PROJECT_ROOT): Rules {
  const { rulesets, parameters, issues } = loadRules(root);
  const programs = loadPrograms(root);
  const presets = loadPresets(root);
  const all = [...issues, ...programs.issues, ...presets.issues];
  if (all.length) throw invalidData(all, 'The rules and presets (rules/, catalogue/presets/)');
  return { rulesets, parameters, programs: programs.programs, presets: presets.presets };
}
