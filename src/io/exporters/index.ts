import { invalidArgument } from '../../domain/errors.js';
import { csvExporter } from './csv.exporter.js';
import type { Exporter } from './exporter.js';
import { jsonExporter } from './json.exporter.js';

/** Exporters by format name. */
export const EXPORTERS: Record<string, Exporter> = { csv: csvExporter, json: jsonExporter };

export function exporterFor(format: string): Exporter {
  const e = EXPORTERS[format];
  if (!e) throw invalidArgument('format', `"${format}" is not an export format; use one of ${Object.keys(EXPORTERS).join(', ')}.`);
  return e;
}
