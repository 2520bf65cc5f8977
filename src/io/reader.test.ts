import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../runtime.js';
import { readPath, readReferenceData } from './reader.js';
import { emptyKnown, validateBundle } from '../app/validate.js';

describe('reference data', () => {
  const { bundle, issues } = readReferenceData(PROJECT_ROOT);
  it('reads and validates without issues', () => {
    expect(issues).toEqual([]);
    expect(validateBundle(bundle, emptyKnown())).toEqual([]);
  });
  it('has 27 towns with names in three languages, both regions and coordinates', () => {
    expect(bundle.towns).toHaveLength(27);
    for (const t of bundle.towns) {
      expect(t.name.kk && t.name.ru && t.name.en, t.id).toBeTruthy();
      expect(t.regionName && t.region2012Name, t.id).toBeTruthy();
      expect(t.lat !== null && t.lon !== null, t.id).toBe(true);
    }
  });
  it('names at least one town-forming enterprise for every town', () => {
    const withEnterprise = new Set(bundle.enterprises.map((e) => e.town));
    expect(bundle.towns.filter((t) => !withEnterprise.has(t.id)).map((t) => t.id)).toEqual([]);
  });
  it('gives every town fact and every figure a source', () => {
    for (const t of bundle.towns) {
      const fields = new Set(t.factSources.map((f) => f.field));
      for (const f of ['name_en', 'name_ru', 'name_kk', 'region_current_en', 'lat/lon', 'population']) expect(fields.has(f), `${t.id} ${f}`).toBe(true);
    }
    const population = bundle.observations.filter((o) => o.origin.file === 'kz-monotowns-population.csv');
    expect(population.length).toBe(216);
    expect(population.every((o) => o.sourceId.startsWith('url-'))).toBe(true);
    expect(bundle.observations.every((o) => o.sourceId !== '')).toBe(true);
    const sourceIds = new Set(bundle.sources.map((s) => s.id));
    for (const e of bundle.enterprises) for (const s of e.sourceIds) expect(sourceIds.has(s)).toBe(true);
  });
  it('keeps the full record of a document cited by observations', () => {
    const seed = bundle.sources.filter((s) => s.id === 'doc-002-7b44d14f520a3fb9');
    expect(seed).toHaveLength(1);
    expect(seed[0]).toMatchObject({ title: expect.stringMatching(/^Differentiated regional policy/), authors: 'S. Samekina, G. Issayeva', year: 2022 });
  });
  it('draws every region from the boundary files and credits them', () => {
    expect(bundle.regions.filter((r) => r.layer === 2024 && r.boundary)).toHaveLength(20);
    expect(bundle.regions.filter((r) => r.layer === 2018 && r.boundary)).toHaveLength(17);
    expect(bundle.sources.find((s) => s.id === 'geokz-adm1-2024')?.licence).toMatch(/CC BY 4\.0/);
  });
});

describe('readPath', () => {
  it('names a file whose header matches no format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mq-'));
    writeFileSync(join(dir, 'odd.csv'), 'a,b\n1,2\n');
    const { issues } = readPath(dir);
    expect(issues).toEqual([expect.objectContaining({ file: 'odd.csv', row: 1, message: expect.stringContaining('matches no known format') })]);
  });
  it('says when the path does not exist', () => {
    expect(readPath('/nonexistent/x.csv').issues[0].message).toBe('does not exist');
  });
});
