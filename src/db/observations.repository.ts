import type { Repositories } from '../app/ports.js';
import type { Observation, ObservationStatus } from '../domain/observations.js';
import type { Sql } from './sql.js';
import { sourceRef } from './rows.js';

type ObsRow = {
  town_id: string;
  indicator: string;
  period: string;
  value: number | null;
  value_text: string | null;
  unit: string;
  status: ObservationStatus;
  source_id: string;
  source_title: string;
  source_url: string | null;
  passage: string;
  note: string | null;
  revision: number;
  recorded_at: Date;
  recorded_by: string;
};

const COLUMNS = `o.town_id, o.indicator, o.period, o.value, o.value_text, i.unit, o.status, o.source_id, s.title AS source_title, s.url AS source_url,
  o.passage, o.note, o.revision, o.recorded_at, o.recorded_by`;

function toObservation(r: ObsRow): Observation {
  return {
    town: r.town_id,
    indicator: r.indicator,
    period: r.period,
    value: r.value,
    valueText: r.value_text,
    unit: r.unit,
    status: r.status,
    source: sourceRef(r)!,
    note: r.note,
    revision: r.revision,
  };
}

export function observationsRepository(sql: Sql): Repositories['observations'] {
  return {
    async list(f) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (cond: string, v: unknown) => {
        params.push(v);
        where.push(cond.replace('?', `$${params.length}`));
      };
      if (f.town !== undefined) add('o.town_id = ?', f.town);
      if (f.indicator !== undefined) add('o.indicator = ?', f.indicator);
      if (f.from !== undefined) add('substr(o.period, 1, 4)::int >= ?', f.from);
      if (f.to !== undefined) add('substr(o.period, 1, 4)::int <= ?', f.to);
      const rows = await sql.query<ObsRow>(
        `SELECT ${COLUMNS} FROM observations_current o JOIN sources s ON s.id = o.source_id JOIN indicators i ON i.code = o.indicator
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY o.town_id, o.indicator, o.period, o.status, o.source_id, o.passage`,
        params,
      );
      return rows.map(toObservation);
    },
    async history(town, indicator, period) {
      const rows = await sql.query<ObsRow>(
        `SELECT ${COLUMNS} FROM observations o JOIN sources s ON s.id = o.source_id JOIN indicators i ON i.code = o.indicator
         WHERE o.town_id = $1 AND o.indicator = $2 AND o.period = $3 ORDER BY o.source_id, o.passage, o.status, o.revision`,
        [town, indicator, period],
      );
      return rows.map((r) => ({ ...toObservation(r), recordedAt: r.recorded_at, recordedBy: r.recorded_by }));
    },
    async record(o, actor) {
      const key = [o.town, o.indicator, o.period, o.status, o.sourceId, o.passage];
      const prev = await sql.query<{ revision: number; value: number | null; value_text: string | null; note: string | null }>(
        `SELECT revision, value, value_text, note FROM observations
         WHERE town_id = $1 AND indicator = $2 AND period = $3 AND status = $4 AND source_id = $5 AND passage = $6
         ORDER BY revision DESC LIMIT 1`,
        key,
      );
      const last = prev[0];
      if (last && last.value === o.value && last.value_text === o.valueText && last.note === o.note) return { outcome: 'unchanged', revision: last.revision };
      const revision = last ? last.revision + 1 : 1;
      await sql.query(
        `INSERT INTO observations (town_id, indicator, period, status, source_id, passage, revision, value, value_text, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [...key, revision, o.value, o.valueText, o.note, actor],
      );
      return { outcome: last ? 'revised' : 'inserted', revision };
    },
    async coverage() {
      const rows = await sql.query<{ town_id: string; indicator: string; periods: number; n: number; first: string; latest: string; sources: string[] }>(
        `SELECT town_id, indicator, count(DISTINCT period) AS periods, count(*) AS n, min(period) AS first, max(period) AS latest,
                array_agg(DISTINCT source_id ORDER BY source_id) AS sources
         FROM observations_current GROUP BY town_id, indicator ORDER BY town_id, indicator`,
      );
      return rows.map((r) => ({
        town: r.town_id,
        indicator: r.indicator,
        periods: r.periods,
        values: r.n,
        first: r.first,
        latest: r.latest,
        sources: r.sources,
      }));
    },
    async count() {
      const rows = await sql.query<{ n: number }>('SELECT count(*) AS n FROM observations_current');
      return rows[0].n;
    },
  };
}
