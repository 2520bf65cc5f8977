import { describe, expect, it } from 'vitest';
import type { ObservationDto } from '../client/api-client.js';
import { niceTicks, noteWarning, periodYear, seriesPoints, sourceLabel } from './format.js';
import { formatIsoDate, numberLocale } from './i18n/index.js';
import {
  hrefRanking,
  hrefRankingPreset,
  hrefSource,
  hrefStatusFor,
  hrefTown,
  hrefTownSection,
  hrefTownStatus,
  hrefTypologies,
  hrefTypologiesFor,
  parseHash,
  sourceAnchor,
} from './router.js';

const src = { id: 's', title: 'example.org/x', url: 'https://example.org/x', passage: null };
const obs = (period: string, value: number | null, note: string | null = null): ObservationDto => ({
  indicator: 'population',
  period,
  value,
  valueText: null,
  unit: 'persons',
  status: 'actual',
  source: src,
  note,
  revision: 1,
});

describe('noteWarning', () => {
  it('flags figures whose scope is not the town proper', () => {
    expect(noteWarning('scope unclear, may include subordinate settlements')).toBe('scope');
    expect(noteWarning('town administration incl. subordinate rural settlements; not comparable with town-proper figures')).toBe('scope');
    expect(noteWarning('agglomeration 134785')).toBe('scope');
    expect(noteWarning('census; whole town administration (municipality)')).toBe('scope');
  });
  it('does not flag town-proper figures or plain notes', () => {
    expect(noteWarning('1 Jan estimate; town proper (town administration total 206720)')).toBeNull();
    expect(noteWarning('census')).toBeNull();
    expect(noteWarning('1 Jan estimate')).toBeNull();
    expect(noteWarning(null)).toBeNull();
  });
  it('flags conflicts between sources', () => {
    expect(noteWarning('census; conflicts with de.wikipedia (23882)')).toBe('conflict');
    expect(noteWarning('as given in this old en.wikipedia revision; looks swapped with 1999')).toBe('conflict');
  });
});

describe('series', () => {
  it('keeps numeric points, sorted by year', () => {
    const pts = seriesPoints([obs('2021', 5), obs('1999', 7, 'scope unclear'), obs('2010-01-01', 6), obs('2015', null)]);
    expect(pts.map((p) => [p.year, p.value, p.warning])).toEqual([
      [1999, 7, 'scope'],
      [2010, 6, null],
      [2021, 5, null],
    ]);
    expect(periodYear('2012-05-25')).toBe(2012);
  });

  it('makes round ticks', () => {
    expect(niceTicks(0, 52000, 5)).toEqual([0, 20000, 40000, 60000]);
    expect(niceTicks(0, 50000, 5)).toEqual([0, 10000, 20000, 30000, 40000, 50000]);
    expect(niceTicks(1939, 2023, 8).every((v) => Number.isInteger(v))).toBe(true);
    expect(niceTicks(5, 5)).toEqual([5]);
  });
});

describe('labels', () => {
  it('shows the passage of a document source', () => {
    expect(sourceLabel(src)).toBe('example.org/x');
    expect(sourceLabel({ ...src, passage: 'Table 3' })).toBe('example.org/x, Table 3');
  });
  it('formats dates for the language', () => {
    expect(formatIsoDate('en', '2012-05-25')).toBe('25 May 2012');
    expect(formatIsoDate('ru', '2012-05-25')).toBe('25 мая 2012 г.');
    expect(formatIsoDate('kk', '2012-05-25')).toBe('2012 ж. 25 мамыр');
    expect(formatIsoDate('en', '2012')).toBe('2012');
  });
  it('formats Kazakh numbers with spaces even without Kazakh ICU data', () => {
    expect(new Intl.NumberFormat(numberLocale('kk')).format(28632)).toMatch(/^28\s632$/);
  });
});

describe('routes', () => {
  it('parses the hash', () => {
    expect(parseHash('')).toEqual({ page: 'overview' });
    expect(parseHash('#/')).toEqual({ page: 'overview' });
    expect(parseHash('#/towns/ridder')).toEqual({ page: 'town', id: 'ridder', statusYear: null, section: null });
    expect(parseHash(hrefTown('a b'))).toEqual({ page: 'town', id: 'a b', statusYear: null, section: null });
    expect(parseHash(hrefTownStatus('kentau', 2022))).toEqual({ page: 'town', id: 'kentau', statusYear: 2022, section: null });
    expect(parseHash('#/towns/kentau?status=soon')).toEqual({ page: 'town', id: 'kentau', statusYear: null, section: null });
    expect(parseHash('#/status')).toEqual({ page: 'status', year: null, ruleset: null });
    expect(parseHash(hrefStatusFor(2022, 'kz-2012'))).toEqual({ page: 'status', year: 2022, ruleset: 'kz-2012' });
    expect(hrefStatusFor(null)).toBe('#/status');
    expect(parseHash('#/nowhere')).toEqual({ page: 'notFound', path: '/nowhere' });
    expect(parseHash('#/coverage')).toEqual({ page: 'coverage' });
    expect(parseHash('#/sources')).toEqual({ page: 'sources', focus: null });
    expect(parseHash(hrefSource('doc-004-c7 x'))).toEqual({ page: 'sources', focus: 'doc-004-c7 x' });
    expect(sourceAnchor('doc-004-c7 x')).toBe('source-doc-004-c7_x');
    expect(parseHash(hrefTownSection('kurchatov', 'typologies'))).toEqual({ page: 'town', id: 'kurchatov', statusYear: null, section: 'typologies' });
    expect(parseHash('#/towns/kurchatov?section=elsewhere')).toEqual({ page: 'town', id: 'kurchatov', statusYear: null, section: null });
    expect(parseHash(hrefTypologiesFor(2017))).toEqual({ page: 'typologies', year: 2017 });
    expect(parseHash(hrefTypologies)).toEqual({ page: 'typologies', year: null });
    expect(parseHash(hrefRankingPreset('east-kazakhstan-2014'))).toEqual({ page: 'ranking', preset: 'east-kazakhstan-2014' });
    expect(parseHash(hrefRanking)).toEqual({ page: 'ranking', preset: null });
  });
});
