import type { DataIssue } from '../domain/errors.js';
import type { Bundle } from './bundle.js';
import { importBundle, type ImportSummary } from './import.service.js';
import type { Store } from './ports.js';

/**
 * Loads the reference dataset on first start: only when the registry is empty, so a
 * restart never overwrites what users changed since.
 */
export async function ensureReferenceData(store: Store, read: () => { bundle: Bundle; issues: DataIssue[] }): Promise<ImportSummary | null> {
  if ((await store.repos.towns.existingIds()).size > 0) return null;
  const { bundle, issues } = read();
  return importBundle(store, bundle, issues, 'system:reference-data', 'The reference data');
}
