import type { Repositories, Source } from '../app/ports.js';
import type { Dimension, Indicator } from '../domain/indicators.js';
import type { Sql } from './sql.js';

export function catalogueRepository(sql: Sql): Repositories['catalogue'] {
  return {
    async indicators() {
      const rows = await sql.query<{
        code: string;
        name_en: string;
        name_ru: string;
        name_kk: string;
        unit: string;
        dimension: Dimension;
        polarity: 1 | -1;
        kind: Indicator['kind'];
        definition: string | null;
        source: string | null;
      }>('SELECT code, name_en, name_ru, name_kk, unit, dimension, polarity, kind, definition, source FROM indicators ORDER BY dimension, code');
      return rows.map((r) => ({
        code: r.code,
        name: { en: r.name_en, ru: r.name_ru, kk: r.name_kk },
        unit: r.unit,
        dimension: r.dimension,
        polarity: r.polarity,
        kind: r.kind,
        definition: r.definition,
        source: r.source,
      }));
    },
    async indicatorCodes() {
      const rows = await sql.query<{ code: string; kind: Indicator['kind']; unit: string }>('SELECT code, kind, unit FROM indicators');
      return new Map(rows.map((r) => [r.code, { kind: r.kind, unit: r.unit }]));
    },
    async sources() {
      return sql.query<Source & Record<string, unknown>>('SELECT id, kind, title, authors, year, url, file, language, licence FROM sources ORDER BY kind, id');
    },
    async sourceIds() {
      return new Set((await sql.query<{ id: string }>('SELECT id FROM sources')).map((r) => r.id));
    },
  };
}
