import type { ExportData } from '../../app/export.service.js';

/** An exporter turns the export data into named files; one file per format. */
export interface Exporter {
  format: string;
  files(data: ExportData): { name: string; content: string }[];
}
