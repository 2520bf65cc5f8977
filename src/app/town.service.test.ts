import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../io/csv.js';
import { openRuntime, PROJECT_ROOT, type Runtime } from '../runtime.js';
import { TownService } from './town.service.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await openRuntime({ dataDir: 'memory://' });
});
afterAll(async () => rt?.close());

describe('TownService', () => {
  it("gives each town the latest population figure: the reference file's choice, unless a paper gives a newer one (known answer for all 27)", async () => {
    const { table } = parseCsv('kz-monotowns.csv', readFileSync(join(PROJECT_ROOT, 'data', 'kz-monotowns.csv')));
    const expected: Record<string, (number | string)[]> = Object.fromEntries(
      table!.rows.map((r) => [r.cells.id, [Number(r.cells.population), Number(r.cells.population_year), 'url']]),
    );
    // Seed 003 (2024–2025) states 2024 figures for Ekibastuz and Rudny, newer than the compiled file's.
    expected.ekibastuz = [133889, 2024, 'doc-003-619b76c66df76652'];
    expected.rudny = [130100, 2024, 'doc-003-619b76c66df76652'];
    const towns = await new TownService(rt.store).list();
    const got = Object.fromEntries(
      towns.map((t) => [t.id, [t.population?.value, t.population?.year, t.population?.source.id.startsWith('url-') ? 'url' : t.population?.source.id]]),
    );
    expect(got).toEqual(expected);
    expect(towns.find((t) => t.id === 'rudny')?.population?.source.passage).toBeTruthy();
  });

  it('keeps conflicting figures of the same year as alternatives instead of dropping them', async () => {
    const profile = await new TownService(rt.store).get('khromtau');
    const y1999 = profile.populationSeries
      .filter((o) => o.period === '1999')
      .map((o) => o.value)
      .sort();
    expect(y1999).toEqual([21740, 23882, 24089]);
  });

  it('answers an unknown town with a not_found error that says how to list towns', async () => {
    await expect(new TownService(rt.store).get('atlantis')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('monoqala towns') });
  });

  it('returns a profile with enterprises, their sources and the 2012 status', async () => {
    const p = await new TownService(rt.store).get('ridder');
    expect(p.name).toEqual({ en: 'Ridder', ru: 'Риддер', kk: 'Риддер' });
    expect(p.enterprises[0].name).toMatch(/Ridder Mining/);
    expect(p.enterprises[0].sources.length).toBeGreaterThan(0);
    expect(p.statusHistory).toEqual([expect.objectContaining({ status: 'monotown', since: '2012-05-25', basis: expect.stringContaining('No. 683') })]);
    expect(p.factSources.map((f) => f.field)).toEqual(expect.arrayContaining(['name_en', 'lat/lon', 'population', 'founded_year']));
  });
});
