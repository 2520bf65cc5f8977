import { describe, expect, it } from 'vitest';
import { referenceUrl, stableHash, urlMetadata, urlSourceId, urlTitle } from './sources.js';

describe('sources', () => {
  it('hashes stably (FNV-1a known answers)', () => {
    expect(stableHash('')).toBe('811c9dc5');
    expect(stableHash('a')).toBe('e40c292c');
    expect(urlSourceId('https://example.org/')).toBe(urlSourceId('https://example.org/'));
    expect(urlSourceId('https://example.org/a')).not.toBe(urlSourceId('https://example.org/b'));
  });

  it('titles a URL by host and decoded path', () => {
    expect(urlTitle('https://uk.wikipedia.org/wiki/%D0%A5%D1%80%D0%BE%D0%BC%D1%82%D0%B0%D1%83')).toBe('uk.wikipedia.org/wiki/Хромтау');
    expect(urlTitle('github:arodionoff/geokz/inst/shape/x.dbf (names)')).toBe('arodionoff/geokz/inst/shape/x.dbf');
  });

  it('turns github: references into browsable URLs', () => {
    expect(referenceUrl('github:arodionoff/geokz/inst/shape/x.dbf')).toBe('https://github.com/arodionoff/geokz/blob/HEAD/inst/shape/x.dbf');
    expect(referenceUrl('https://a.kz/b')).toBe('https://a.kz/b');
    expect(referenceUrl('003_x.txt')).toBeNull();
  });

  it.each([
    ['https://de.m.wikipedia.org/wiki/Chromtau', 'de', 'CC BY-SA 4.0 (Wikipedia text; facts are not copyrightable)'],
    ['https://en.inform.kz/news/x', 'en', null],
    ['https://adilet.zan.kz/rus/docs/P1200000683', 'ru', null],
    ['https://kampuspedia.com/de/Qulsary', 'de', null],
    ['https://www.zakon.kz/pravo/6491413.html', null, null],
    ['not a url', null, null],
  ])('urlMetadata(%s) gives language %s and licence %s', (url, language, licence) => {
    expect(urlMetadata(url)).toEqual({ language, licence });
  });
});
