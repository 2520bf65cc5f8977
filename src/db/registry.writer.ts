import type { Repositories } from '../app/ports.js';
import type { Sql } from './sql.js';

/** Upserts registry facts. Called inside a transaction by the import service. */
export function registryWriter(sql: Sql): Repositories['writer'] {
  return {
    async upsertRegistry(b) {
      for (const s of b.sources) {
        // A record made up from a source cell never overwrites a declared bibliographic record.
        await sql.query(
          `INSERT INTO sources (id, kind, title, authors, year, url, file, language, licence) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
           ON CONFLICT (id) DO ${
             s.declared
               ? `UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, authors = EXCLUDED.authors, year = EXCLUDED.year,
             url = EXCLUDED.url, file = EXCLUDED.file, language = EXCLUDED.language, licence = EXCLUDED.licence`
               : 'NOTHING'
           }`,
          [s.id, s.kind, s.title, s.authors ?? null, s.year ?? null, s.url, s.file ?? null, s.language ?? null, s.licence ?? null],
        );
      }
      for (const r of b.regions) {
        await sql.query(
          `INSERT INTO regions (id, layer, pcode, name_en, name_ru, name_kk, boundary, source_id) VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8)
           ON CONFLICT (id) DO UPDATE SET layer = EXCLUDED.layer, pcode = EXCLUDED.pcode, name_en = EXCLUDED.name_en, name_ru = EXCLUDED.name_ru,
             name_kk = EXCLUDED.name_kk, boundary = EXCLUDED.boundary, source_id = EXCLUDED.source_id`,
          [r.id, r.layer, r.pcode, r.name.en, r.name.ru, r.name.kk, r.boundary === null ? null : JSON.stringify(r.boundary), r.sourceId],
        );
      }
      for (const i of b.indicators) {
        await sql.query(
          `INSERT INTO indicators (code, name_en, name_ru, name_kk, unit, dimension, polarity, kind, definition, source) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
           ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_ru = EXCLUDED.name_ru, name_kk = EXCLUDED.name_kk, unit = EXCLUDED.unit,
             dimension = EXCLUDED.dimension, polarity = EXCLUDED.polarity, kind = EXCLUDED.kind, definition = EXCLUDED.definition, source = EXCLUDED.source`,
          [i.code, i.name.en, i.name.ru, i.name.kk, i.unit, i.dimension, i.polarity, i.kind, i.definition, i.source],
        );
      }
      const regions = await sql.query<{ id: string; layer: number; name_en: string }>('SELECT id, layer, name_en FROM regions');
      const regionId = (name: string | null, layer: number) => (name ? (regions.find((r) => r.layer === layer && r.name_en === name)?.id ?? null) : null);
      for (const t of b.towns) {
        await sql.query(
          `INSERT INTO towns (id, name_en, name_ru, name_kk, region_id, region_2012_id, lat, lon, founded_year, town_status_year, main_industry, fictional)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
           ON CONFLICT (id) DO UPDATE SET name_en = EXCLUDED.name_en, name_ru = EXCLUDED.name_ru, name_kk = EXCLUDED.name_kk, region_id = EXCLUDED.region_id,
             region_2012_id = EXCLUDED.region_2012_id, lat = EXCLUDED.lat, lon = EXCLUDED.lon, founded_year = EXCLUDED.founded_year,
             town_status_year = EXCLUDED.town_status_year, main_industry = EXCLUDED.main_industry, fictional = EXCLUDED.fictional`,
          [
            t.id,
            t.name.en,
            t.name.ru,
            t.name.kk,
            regionId(t.regionName, 2024),
            regionId(t.region2012Name, 2018),
            t.lat,
            t.lon,
            t.foundedYear,
            t.townStatusYear,
            t.mainIndustry,
            t.fictional,
          ],
        );
        await sql.query('DELETE FROM town_fact_sources WHERE town_id = $1', [t.id]);
        for (const f of t.factSources) {
          await sql.query('INSERT INTO town_fact_sources (town_id, field, source_id, note) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', [
            t.id,
            f.field,
            f.sourceId,
            f.note,
          ]);
        }
        if (t.statuses.length) await sql.query('DELETE FROM town_status_history WHERE town_id = $1', [t.id]);
        for (const s of t.statuses) {
          await sql.query('INSERT INTO town_status_history (town_id, status, since, basis, basis_id, source_id, note) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
            t.id,
            s.status,
            s.since,
            s.basis,
            s.basisId,
            s.sourceId,
            s.note,
          ]);
        }
      }
      for (const e of b.enterprises) {
        const rows = await sql.query<{ id: number }>(
          `INSERT INTO enterprises (town_id, name, owner, product, nace_section, note) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (town_id, name) DO UPDATE SET owner = EXCLUDED.owner, product = EXCLUDED.product, nace_section = EXCLUDED.nace_section, note = EXCLUDED.note
           RETURNING id`,
          [e.town, e.name, e.owner, e.product, e.naceSection, e.note],
        );
        const id = rows[0].id;
        await sql.query('DELETE FROM enterprise_sources WHERE enterprise_id = $1', [id]);
        for (const s of e.sourceIds)
          await sql.query('INSERT INTO enterprise_sources (enterprise_id, source_id) VALUES ($1,$2) ON CONFLICT DO NOTHING', [id, s]);
        if (e.states.length) await sql.query('DELETE FROM enterprise_states WHERE enterprise_id = $1', [id]);
        for (const s of e.states) {
          await sql.query('INSERT INTO enterprise_states (enterprise_id, state, since, employees, source_id, note) VALUES ($1,$2,$3,$4,$5,$6)', [
            id,
            s.state,
            s.since,
            s.employees,
            s.sourceId,
            s.note,
          ]);
        }
      }
    },
  };
}
