import type { Repositories } from '../app/ports.js';
import type { Region, Town } from '../domain/registry.js';
import type { SourceRef } from '../domain/observations.js';
import type { Sql } from './sql.js';
import { sourceRef } from './rows.js';

type TownRow = {
  id: string;
  name_en: string;
  name_ru: string;
  name_kk: string;
  lat: number | null;
  lon: number | null;
  founded_year: number | null;
  town_status_year: number | null;
  main_industry: string | null;
  fictional: boolean;
  r_id: string | null;
  r_layer: number | null;
  r_pcode: string | null;
  r_en: string | null;
  r_ru: string | null;
  r_kk: string | null;
  r12_id: string | null;
  r12_layer: number | null;
  r12_pcode: string | null;
  r12_en: string | null;
  r12_ru: string | null;
  r12_kk: string | null;
};

const TOWN_SELECT = `
SELECT t.id, t.name_en, t.name_ru, t.name_kk, t.lat, t.lon, t.founded_year, t.town_status_year, t.main_industry, t.fictional,
       r.id AS r_id, r.layer AS r_layer, r.pcode AS r_pcode, r.name_en AS r_en, r.name_ru AS r_ru, r.name_kk AS r_kk,
       r12.id AS r12_id, r12.layer AS r12_layer, r12.pcode AS r12_pcode, r12.name_en AS r12_en, r12.name_ru AS r12_ru, r12.name_kk AS r12_kk
FROM towns t
LEFT JOIN regions r ON r.id = t.region_id
LEFT JOIN regions r12 ON r12.id = t.region_2012_id`;

function region(id: string | null, layer: number | null, pcode: string | null, en: string | null, ru: string | null, kk: string | null): Region | null {
  return id ? { id, layer: layer ?? 0, pcode: pcode ?? '', name: { en: en ?? '', ru: ru ?? '', kk: kk ?? '' } } : null;
}

function toTown(r: TownRow): Town {
  return {
    id: r.id,
    name: { en: r.name_en, ru: r.name_ru, kk: r.name_kk },
    region: region(r.r_id, r.r_layer, r.r_pcode, r.r_en, r.r_ru, r.r_kk),
    region2012: region(r.r12_id, r.r12_layer, r.r12_pcode, r.r12_en, r.r12_ru, r.r12_kk),
    lat: r.lat,
    lon: r.lon,
    foundedYear: r.founded_year,
    townStatusYear: r.town_status_year,
    mainIndustry: r.main_industry,
    fictional: r.fictional,
  };
}

export function townsRepository(sql: Sql): Repositories['towns'] {
  return {
    async list() {
      return (await sql.query<TownRow>(`${TOWN_SELECT} ORDER BY t.id`)).map(toTown);
    },
    async get(id) {
      const rows = await sql.query<TownRow>(`${TOWN_SELECT} WHERE t.id = $1`, [id]);
      return rows[0] ? toTown(rows[0]) : null;
    },
    async existingIds() {
      return new Set((await sql.query<{ id: string }>('SELECT id FROM towns')).map((r) => r.id));
    },
    async enterprises(townId) {
      const ents = await sql.query<{
        id: number;
        town_id: string;
        name: string;
        owner: string | null;
        product: string | null;
        nace_section: string | null;
        note: string | null;
      }>('SELECT id, town_id, name, owner, product, nace_section, note FROM enterprises WHERE town_id = $1 ORDER BY id', [townId]);
      if (ents.length === 0) return [];
      const ids = ents.map((e) => e.id);
      const srcs = await sql.query<{ enterprise_id: number; source_id: string; source_title: string; source_url: string | null }>(
        `SELECT es.enterprise_id, s.id AS source_id, s.title AS source_title, s.url AS source_url
         FROM enterprise_sources es JOIN sources s ON s.id = es.source_id WHERE es.enterprise_id = ANY($1::int[]) ORDER BY s.id`,
        [ids],
      );
      const states = await sql.query<{
        enterprise_id: number;
        state: 'full' | 'partial' | 'stopped';
        since: string | null;
        until: string | null;
        employees: number | null;
        note: string | null;
        source_id: string | null;
        source_title: string | null;
        source_url: string | null;
      }>(
        `SELECT st.enterprise_id, st.state, st.since, st.until, st.employees, st.note, s.id AS source_id, s.title AS source_title, s.url AS source_url
         FROM enterprise_states st LEFT JOIN sources s ON s.id = st.source_id WHERE st.enterprise_id = ANY($1::int[]) ORDER BY st.since NULLS FIRST, st.id`,
        [ids],
      );
      return ents.map((e) => ({
        id: e.id,
        townId: e.town_id,
        name: e.name,
        owner: e.owner,
        product: e.product,
        naceSection: e.nace_section,
        note: e.note,
        sources: srcs.filter((s) => s.enterprise_id === e.id).map((s) => sourceRef(s) as SourceRef),
        states: states
          .filter((s) => s.enterprise_id === e.id)
          .map((s) => ({ state: s.state, since: s.since, until: s.until, employees: s.employees, note: s.note, source: sourceRef(s) })),
      }));
    },
    async statusHistory(townId) {
      const rows = await sql.query<{
        status: string;
        since: string | null;
        until: string | null;
        basis: string | null;
        basis_id: string | null;
        note: string | null;
        source_id: string | null;
        source_title: string | null;
        source_url: string | null;
      }>(
        `SELECT h.status, h.since, h.until, h.basis, h.basis_id, h.note, s.id AS source_id, s.title AS source_title, s.url AS source_url
         FROM town_status_history h LEFT JOIN sources s ON s.id = h.source_id WHERE h.town_id = $1 ORDER BY h.since NULLS FIRST, h.id`,
        [townId],
      );
      return rows.map((r) => ({ status: r.status, since: r.since, until: r.until, basis: r.basis, basisId: r.basis_id, note: r.note, source: sourceRef(r) }));
    },
    async factSources(townId) {
      const rows = await sql.query<{ field: string; note: string | null; source_id: string; source_title: string; source_url: string | null }>(
        `SELECT f.field, f.note, s.id AS source_id, s.title AS source_title, s.url AS source_url
         FROM town_fact_sources f JOIN sources s ON s.id = f.source_id WHERE f.town_id = $1 ORDER BY f.field, s.id`,
        [townId],
      );
      return rows.map((r) => ({ field: r.field, note: r.note, source: sourceRef(r) as SourceRef }));
    },
    async naceSections() {
      const rows = await sql.query<{ town_id: string; nace_section: string; n: number }>(
        `SELECT town_id, nace_section, count(*) AS n FROM enterprises WHERE nace_section IS NOT NULL
         GROUP BY town_id, nace_section ORDER BY town_id, n DESC, nace_section`,
      );
      const m = new Map<string, string[]>();
      for (const r of rows) m.set(r.town_id, [...(m.get(r.town_id) ?? []), r.nace_section]);
      return m;
    },
    async regions(layer) {
      const rows = await sql.query<{ id: string; layer: number; pcode: string; name_en: string; name_ru: string; name_kk: string; boundary: unknown }>(
        `SELECT id, layer, pcode, name_en, name_ru, name_kk, boundary FROM regions ${layer === undefined ? '' : 'WHERE layer = $1'} ORDER BY layer, pcode`,
        layer === undefined ? [] : [layer],
      );
      return rows.map((r) => ({
        id: r.id,
        layer: r.layer,
        pcode: r.pcode,
        name: { en: r.name_en, ru: r.name_ru, kk: r.name_kk },
        boundary: r.boundary ?? null,
      }));
    },
  };
}
