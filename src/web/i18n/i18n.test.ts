import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';
import { DIMENSIONS } from '../../domain/indicators.js';
import { VULNERABILITY_COMPONENTS } from '../../domain/vulnerability.js';
import { FIXED_REASONS, SIGNAL_DIMENSIONS, TYPOLOGY_CLASSES, TYPOLOGY_IDS } from '../typology.js';
import { dictionaries, interpolate, LANGS, pickLanguage, translate } from './index.js';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const all = { en, ru, kk } as Record<string, Record<string, string>>;

function sourceFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p, ext);
    return ext.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('dictionaries', () => {
  const keys = Object.keys(en).sort();

  it('has at least the basic keys', () => {
    expect(keys.length).toBeGreaterThan(50);
  });

  for (const lang of ['ru', 'kk'] as const) {
    it(`${lang} has exactly the keys of en`, () => {
      const own = Object.keys(all[lang]!).sort();
      expect(
        own.filter((k) => !keys.includes(k)),
        `keys in ${lang} but not in en`,
      ).toEqual([]);
      expect(
        keys.filter((k) => !own.includes(k)),
        `keys in en but missing in ${lang}`,
      ).toEqual([]);
    });
  }

  for (const lang of LANGS) {
    it(`${lang} has no empty strings`, () => {
      const empty = Object.entries(dictionaries[lang]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(empty.map(([k]) => k)).toEqual([]);
    });

    it(`${lang} keeps the placeholders of en`, () => {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const wrong = keys.filter((k) => names(dictionaries[lang][k as keyof typeof en]).join() !== names(en[k as keyof typeof en]).join());
      expect(wrong).toEqual([]);
    });
  }

  it('writes Kazakh in Cyrillic', () => {
    const kazakhLetters = /[әғқңөұүһі]/i;
    expect(Object.values(kk).filter((v) => kazakhLetters.test(v)).length).toBeGreaterThan(50);
  });

  it('labels the language buttons in their own language everywhere', () => {
    for (const lang of LANGS) {
      expect([dictionaries[lang]['lang.kk'], dictionaries[lang]['lang.ru'], dictionaries[lang]['lang.en']]).toEqual(['Қазақша', 'Русский', 'English']);
    }
  });

  it('credits the boundaries', () => {
    expect(en['map.credit']).toBe('Boundaries: geokz © Alexander Rodionov, CC BY 4.0, based on OCHA HDX COD-AB Kazakhstan');
    for (const lang of LANGS) expect(dictionaries[lang]['map.credit']).toMatch(/geokz © Alexander Rodionov, CC BY 4\.0.*OCHA HDX COD-AB Kazakhstan/);
  });
});

describe('keys used in the source', () => {
  const files = sourceFiles(webRoot, /\.tsx$/);

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('uses only keys that exist in the dictionaries', () => {
    const used = new Map<string, string[]>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"`])([^'"`$]+)\1/g)) {
        const key = m[2]!;
        used.set(key, [...(used.get(key) ?? []), relative(webRoot, file)]);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter(([k]) => !LANGS.every((l) => k in all[l]!)).map(([k, f]) => `${k} (${f.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('does not call t() with a template literal', () => {
    const dynamic = files.filter((f) => /\bt\(\s*`[^`]*\$\{/.test(readFileSync(f, 'utf8')));
    expect(dynamic.map((f) => relative(webRoot, f))).toEqual([]);
  });
});

describe('t()', () => {
  it('interpolates parameters', () => {
    expect(interpolate('{a} and {b}', { a: 1, b: 'x' })).toBe('1 and x');
    expect(interpolate('{a} and {missing}', { a: 1 })).toBe('1 and {missing}');
    expect(translate('ru', 'title.town', { town: 'Риддер' })).toBe('Риддер — Monoqala');
  });

  it('picks the first of kk/ru/en from the browser languages, else ru', () => {
    expect(pickLanguage(['de-DE', 'kk-KZ', 'en'])).toBe('kk');
    expect(pickLanguage(['en-US', 'ru'])).toBe('en');
    expect(pickLanguage(['ru_RU'])).toBe('ru');
    expect(pickLanguage(['de', 'fr'])).toBe('ru');
    expect(pickLanguage([])).toBe('ru');
    expect(pickLanguage(undefined)).toBe('ru');
  });
});

describe('keys built from data', () => {
  const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));
  it('every NACE section of the enterprises has a full and a short name in every language', () => {
    const csv = readFileSync(join(dataDir, 'enterprises.csv'), 'utf8');
    const header = csv.split('\n')[0].split(',');
    const col = header.indexOf('nace_section');
    const sections = new Set(
      csv
        .split('\n')
        .slice(1)
        .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.[col]?.replace(/,$/, ''))
        .filter((s): s is string => !!s && /^[A-U]$/.test(s)),
    );
    expect(sections.size).toBeGreaterThan(2);
    for (const lang of LANGS)
      for (const s of sections) {
        expect(dictionaries[lang][`nace.${s}` as keyof typeof en], `${lang} nace.${s}`).toBeTruthy();
        expect(dictionaries[lang][`naceShort.${s}` as keyof typeof en], `${lang} naceShort.${s}`).toBeTruthy();
      }
  });
  it('the legal act the registry cites has its title in every language', () => {
    const importer = readFileSync(fileURLToPath(new URL('../../io/importers/towns.importer.ts', import.meta.url)), 'utf8');
    const ids = [...importer.matchAll(/basisId: '([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect(ids).toEqual(['kz-gov-res-683-2012']);
    for (const lang of LANGS) for (const id of ids) expect(dictionaries[lang][`act.${id}` as keyof typeof en]).toMatch(/683/);
  });
  it('every dimension of the catalogue has a name in every language', () => {
    for (const lang of LANGS) for (const d of DIMENSIONS) expect(dictionaries[lang][`dim.${d}` as keyof typeof en], `${lang} dim.${d}`).toBeTruthy();
  });
  it('the classes of the categorical indicators have names in every language', () => {
    const classes = 'high medium low stable unstable declining extractive processing research growing slow depressed corresponds no_longer_monotown yes no';
    for (const lang of LANGS)
      for (const c of classes.split(' ')) expect(dictionaries[lang][`class.${c}` as keyof typeof en], `${lang} class.${c}`).toBeTruthy();
  });
  it('every typology, its classes, reason codes and dimensions, and every vulnerability component have names in every language', () => {
    const keys = [
      ...TYPOLOGY_IDS.map((id) => `typ.name.${id}`),
      ...Object.values(TYPOLOGY_CLASSES).flatMap((cs) => cs.map((c) => `class.${c}`)),
      ...FIXED_REASONS.map((c) => `typ.reason.${c}`),
      ...SIGNAL_DIMENSIONS.map((d) => `typ.dim.${d}`),
      ...VULNERABILITY_COMPONENTS.map((c) => `vuln.component.${c.id}`),
    ];
    for (const lang of LANGS) for (const k of keys) expect(dictionaries[lang][k as keyof typeof en], `${lang} ${k}`).toBeTruthy();
  });
  it('the methods a composite-index configuration names have names in every language', () => {
    const methods = 'minmax zscore rank distance_to_target explicit equal pca arithmetic geometric impute_none impute_mean impute_median';
    for (const lang of LANGS)
      for (const m of methods.split(' ')) expect(dictionaries[lang][`ranking.method.${m}` as keyof typeof en], `${lang} ${m}`).toBeTruthy();
  });
});

describe('program vocabulary', () => {
  it('every instrument kind and target rule has a name in every language', async () => {
    const { INSTRUMENT_KINDS, TARGET_RULES } = await import('../../domain/programs.js');
    for (const lang of LANGS) {
      for (const k of Object.keys(INSTRUMENT_KINDS)) expect(dictionaries[lang][`instrumentKind.${k}` as keyof typeof en], `${lang} ${k}`).toBeTruthy();
      for (const r of TARGET_RULES) expect(dictionaries[lang][`targetRule.${r}` as keyof typeof en], `${lang} ${r}`).toBeTruthy();
    }
  });
});
