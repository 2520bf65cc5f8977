-- Monoqala schema, version 1. Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE sources (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('url', 'document', 'dataset')),
  title       text NOT NULL,
  authors     text,
  year        integer,
  url         text,
  file        text,
  language    text,
  licence     text
);

CREATE TABLE regions (
  id          text PRIMARY KEY,
  layer       integer NOT NULL,
  pcode       text NOT NULL,
  name_en     text NOT NULL,
  name_ru     text NOT NULL,
  name_kk     text NOT NULL,
  boundary    jsonb,
  source_id   text REFERENCES sources(id),
  UNIQUE (layer, pcode)
);

CREATE TABLE towns (
  id                text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_-]*$'),
  name_en           text NOT NULL,
  name_ru           text NOT NULL,
  name_kk           text NOT NULL,
  region_id         text REFERENCES regions(id),
  region_2012_id    text REFERENCES regions(id),
  lat               double precision CHECK (lat BETWEEN -90 AND 90),
  lon               double precision CHECK (lon BETWEEN -180 AND 180),
  founded_year      integer,
  town_status_year  integer,
  main_industry     text,
  fictional         boolean NOT NULL DEFAULT false
);

-- Which facts about a town come from which source (names, coordinates, years, region).
CREATE TABLE town_fact_sources (
  town_id    text NOT NULL REFERENCES towns(id) ON DELETE CASCADE,
  field      text NOT NULL,
  source_id  text NOT NULL REFERENCES sources(id),
  note       text,
  PRIMARY KEY (town_id, field, source_id)
);

CREATE TABLE town_status_history (
  id         serial PRIMARY KEY,
  town_id    text NOT NULL REFERENCES towns(id) ON DELETE CASCADE,
  status     text NOT NULL CHECK (status IN ('monotown', 'not_monotown', 'withdrawn')),
  since      date,
  until      date,
  basis      text,
  basis_id   text,
  source_id  text REFERENCES sources(id),
  note       text
);

CREATE TABLE enterprises (
  id            serial PRIMARY KEY,
  town_id       text NOT NULL REFERENCES towns(id) ON DELETE CASCADE,
  name          text NOT NULL,
  owner         text,
  product       text,
  nace_section  text CHECK (nace_section ~ '^[A-U]$'),
  note          text,
  UNIQUE (town_id, name)
);

CREATE TABLE enterprise_sources (
  enterprise_id  integer NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  source_id      text NOT NULL REFERENCES sources(id),
  PRIMARY KEY (enterprise_id, source_id)
);

-- Operating state over time; `since` may be unknown (null) when a source says only "closed".
CREATE TABLE enterprise_states (
  id             serial PRIMARY KEY,
  enterprise_id  integer NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  state          text NOT NULL CHECK (state IN ('full', 'partial', 'stopped')),
  since          date,
  until          date,
  employees      integer CHECK (employees >= 0),
  source_id      text REFERENCES sources(id),
  note           text
);

CREATE TABLE indicators (
  code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_en     text NOT NULL,
  name_ru     text NOT NULL,
  name_kk     text NOT NULL,
  unit        text NOT NULL,
  dimension   text NOT NULL,
  polarity    integer NOT NULL CHECK (polarity IN (1, -1)),
  kind        text NOT NULL DEFAULT 'numeric' CHECK (kind IN ('numeric', 'categorical')),
  definition  text,
  source      text
);

-- Observations are never updated: a changed value is a new row with revision + 1.
-- The identity of a series point is (town, indicator, period, status, source, passage).
CREATE TABLE observations (
  id             bigserial PRIMARY KEY,
  town_id        text NOT NULL REFERENCES towns(id) ON DELETE CASCADE,
  indicator      text NOT NULL REFERENCES indicators(code),
  period         text NOT NULL CHECK (period ~ '^\d{4}(-\d{2}-\d{2})?$'),
  status         text NOT NULL CHECK (status IN ('actual', 'estimate', 'target', 'forecast')),
  source_id      text NOT NULL REFERENCES sources(id),
  passage        text NOT NULL DEFAULT '',
  revision       integer NOT NULL CHECK (revision >= 1),
  value          double precision,
  value_text     text,
  note           text,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  recorded_by    text NOT NULL DEFAULT 'system',
  CHECK (value IS NOT NULL OR value_text IS NOT NULL),
  UNIQUE (town_id, indicator, period, status, source_id, passage, revision)
);
CREATE INDEX observations_town_indicator ON observations (town_id, indicator, period);

CREATE VIEW observations_current AS
SELECT o.* FROM observations o
WHERE o.revision = (
  SELECT max(o2.revision) FROM observations o2
  WHERE o2.town_id = o.town_id AND o2.indicator = o.indicator AND o2.period = o.period
    AND o2.status = o.status AND o2.source_id = o.source_id AND o2.passage = o.passage
);

CREATE TABLE users (
  id             serial PRIMARY KEY,
  email          text NOT NULL UNIQUE,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('public', 'town_editor', 'analyst', 'admin')),
  password_hash  text,
  town_scope     text[] NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL,
  action     text NOT NULL,
  entity     text NOT NULL,
  entity_id  text,
  details    jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- The audit log (and observations, for updates) is append-only: updates and deletes are refused by the database itself.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER observations_append_only BEFORE UPDATE ON observations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
