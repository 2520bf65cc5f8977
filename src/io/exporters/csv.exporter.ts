import type { SourceRef } from '../../domain/observations.js';
import { toCsv } from '../csv.js';
import type { Exporter } from './exporter.js';

/** A source cell the importers read back: the URL, or `document | passage`. */
export function sourceCell(s: SourceRef, file?: string | null): string {
  if (s.url && !s.passage) return s.url;
  const doc = file ?? s.url ?? s.title;
  return s.passage ? `${doc} | ${s.passage}` : doc;
}

/** The shared CSV formats, so an export can be imported again. */
export const csvExporter: Exporter = {
  format: 'csv',
  files(d) {
    const files = new Map(d.sources.map((s) => [s.id, s.file]));
    return [
      {
        name: 'sources.csv',
        content: toCsv(
          ['id', 'kind', 'title', 'authors', 'year', 'url', 'file', 'language', 'licence'],
          d.sources.map((s) => [s.id, s.kind, s.title, s.authors, s.year, s.url, s.file, s.language, s.licence]),
        ),
      },
      {
        name: 'indicators.csv',
        content: toCsv(
          ['code', 'name_en', 'name_ru', 'name_kk', 'unit', 'dimension', 'polarity', 'kind', 'definition', 'source'],
          d.indicators.map((i) => [i.code, i.name.en, i.name.ru, i.name.kk, i.unit, i.dimension, i.polarity, i.kind, i.definition, i.source]),
        ),
      },
      {
        name: 'towns.csv',
        content: toCsv(
          ['id', 'name_en', 'name_ru', 'name_kk', 'region', 'lat', 'lon', 'region_2012_en', 'founded_year', 'town_status_year', 'main_industry', 'fictional'],
          d.towns.map((t) => [
            t.id,
            t.name.en,
            t.name.ru,
            t.name.kk,
            t.region?.name.en,
            t.lat,
            t.lon,
            t.region2012?.name.en,
            t.foundedYear,
            t.townStatusYear,
            t.mainIndustry,
            t.fictional,
          ]),
        ),
      },
      {
        name: 'enterprises.csv',
        content: toCsv(
          ['town', 'name', 'owner', 'product', 'nace_section', 'state', 'note', 'sources'],
          d.enterprises.map((e) => [
            e.townId,
            e.name,
            e.owner,
            e.product,
            e.naceSection,
            e.states.at(-1)?.state,
            e.note,
            e.sources.map((s) => sourceCell(s, files.get(s.id))).join(' ; '),
          ]),
        ),
      },
      {
        name: 'observations.csv',
        content: toCsv(
          ['town', 'indicator', 'period', 'value', 'value_text', 'status', 'source', 'note'],
          d.observations.map((o) => [o.town, o.indicator, o.period, o.value, o.valueText, o.status, sourceCell(o.source, files.get(o.source.id)), o.note]),
        ),
      },
    ];
  },
};
