import { describe, expect, it } from 'vitest';
import { importIndicatorYaml } from './indicators.importer.js';
import { importObservationsCsv, importPopulationCsv } from './observations.importer.js';
import { importTownsCsv } from './towns.importer.js';
import { sourceFromCell } from './references.js';
import { detectFormat } from '../reader.js';

describe('observations importer (shared long format)', () => {
  it('reads rows with document-and-passage and URL sources', () => {
    const csv = [
      'town,indicator,period,value,status,source,note',
      'ridder,unemployment_rate_pct,2014-08-01,4.2,actual,001_732c555d31ec85e8.txt | Slide 12,',
      'ridder,population,2021,47000,,https://example.org/ridder [census],checked',
    ].join('\n');
    const { observations, sources, issues } = importObservationsCsv('obs.csv', csv);
    expect(issues).toEqual([]);
    expect(observations.map((o) => [o.indicator, o.period, o.value, o.status, o.sourceId, o.passage, o.note])).toEqual([
      ['unemployment_rate_pct', '2014-08-01', 4.2, 'actual', 'doc-001-732c555d31ec85e8', 'Slide 12', null],
      ['population', '2021', 47000, 'actual', sources[1].id, '', 'checked; census'],
    ]);
    expect(sources[1]).toMatchObject({ kind: 'url', url: 'https://example.org/ridder' });
  });

  it('reports every bad cell with file, row and column', () => {
    const csv = [
      'town,indicator,period,value,status',
      'ridder,population,1.08.2014,12,actual',
      'ridder,population,2014,12 345,guess',
      ',population,2014,1,',
    ].join('\n');
    const { issues } = importObservationsCsv('bad.csv', csv);
    expect(issues.map((i) => [i.file, i.row, i.column])).toEqual([
      ['bad.csv', 2, 'period'],
      ['bad.csv', 3, 'value'],
      ['bad.csv', 3, 'status'],
      ['bad.csv', 4, 'town'],
    ]);
    expect(issues[1].message).toMatch(/not a number/);
  });

  it('names a missing required column', () => {
    const { issues } = importObservationsCsv('x.csv', 'town,indicator,value\nridder,population,1');
    expect(issues).toEqual([expect.objectContaining({ file: 'x.csv', row: 1, column: 'period' })]);
  });
});

describe('population importer', () => {
  it('keeps the bracketed note and marks approximate figures as estimates', () => {
    const csv = [
      'id,year,population,source',
      'altai,1999,45800,https://a.org/x [census; conflicts with de.wikipedia (45800)]',
      'altai,1939,8000,https://b.org/y [approximate (Great Soviet Encyclopedia)]',
    ].join('\n');
    const { observations, issues } = importPopulationCsv('p.csv', csv);
    expect(issues).toEqual([]);
    expect(observations.map((o) => [o.period, o.value, o.status, o.note])).toEqual([
      ['1999', 45800, 'actual', 'census; conflicts with de.wikipedia (45800)'],
      ['1939', 8000, 'estimate', 'approximate (Great Soviet Encyclopedia)'],
    ]);
  });
});

describe('towns importer', () => {
  it('reads the shared towns format and rejects bad ids and coordinates', () => {
    const csv = [
      'id,name_en,name_ru,name_kk,region,lat,lon,fictional',
      'testtown,Test,Тест,Тест,Karaganda,49.7,72.6,true',
      'Bad Id,X,Х,Х,Karaganda,91,72,',
    ].join('\n');
    const { towns, issues } = importTownsCsv('towns.csv', csv);
    expect(towns[0]).toMatchObject({ id: 'testtown', regionName: 'Karaganda', lat: 49.7, fictional: true });
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'id'],
      [3, 'lat'],
    ]);
  });

  it('splits the sources column into field=reference items outside parentheses', () => {
    const csv = [
      'id,name_en,name_ru,name_kk,region_current_en,lat,lon,sources',
      'x,X,Х,Х,Abai,50,78,"lat/lon=https://a.org/p; population=https://b.org/q (note; with semicolon) [n]; monotown_programme_2012=https://adilet.zan.kz/x"',
    ].join('\n');
    const { towns, issues } = importTownsCsv('t.csv', csv);
    expect(issues).toEqual([]);
    expect(towns[0].factSources.map((f) => f.field)).toEqual(['lat/lon', 'population', 'monotown_programme_2012']);
    expect(towns[0].factSources[1].note).toBe('(note; with semicolon); n');
    expect(towns[0].statuses).toEqual([expect.objectContaining({ status: 'monotown', since: '2012-05-25' })]);
  });
});

describe('indicator YAML', () => {
  const good = 'code: population\nname:\n  kk: Халық саны\n  ru: Численность населения\n  en: Population\nunit: persons\ndimension: demography\npolarity: 1\n';
  it('loads a valid file', () => {
    expect(importIndicatorYaml('catalogue/indicators/population.yaml', good).indicator?.name.kk).toBe('Халық саны');
  });
  it('is strict: unknown keys, a wrong polarity and a code that differs from the file name fail with the file named', () => {
    const { issues } = importIndicatorYaml('catalogue/indicators/pop.yaml', good.replace('polarity: 1', 'polarity: 2') + 'colour: red\n');
    expect(issues.map((i) => i.column).sort()).toEqual(['code', 'colour', 'polarity']);
    expect(issues.every((i) => i.file === 'catalogue/indicators/pop.yaml')).toBe(true);
  });
});

describe('formats and references', () => {
  it('recognises formats by header', () => {
    expect(detectFormat(['town', 'indicator', 'period', 'value'])).toBe('observations');
    expect(detectFormat(['id', 'year', 'population', 'source'])).toBe('population');
    expect(detectFormat(['id', 'name_en', 'name_ru', 'name_kk', 'region', 'lat', 'lon'])).toBe('towns');
    expect(detectFormat(['foo'])).toBeNull();
  });
  it('reads a document source with a passage', () => {
    expect(sourceFromCell('003_619b76c66df76652.txt | Table 2')).toMatchObject({
      source: { id: 'doc-003-619b76c66df76652', kind: 'document' },
      passage: 'Table 2',
    });
  });
});
