import { describe, expect, it } from 'vitest';
import { readReferenceData } from '../../src/io/reader.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

const { bundle } = readReferenceData(PROJECT_ROOT);
const find = (town: string, indicator: string, period: string) =>
  bundle.observations.filter(
    (o) => o.town === town && o.indicator === indicator && o.period === period && o.origin.file.endsWith('seed-004.csv'),
  );
const ours = () => bundle.observations.filter((o) => o.origin.file.endsWith('seed-004.csv'));

const SOURCE_ID = 'doc-004-c77420eb3c35d7d9';
const PASSAGE = 'абзац после перечня моногородов 2012 г.: «11 городов не являются центрами районов»';

// Seed 004 (Zhedouova et al.): «11 городов не являются центрами районов – Степногорск, Текели,
// Серебрянск, Курчатов, Шахтинск, Сарань, Каражал, Лисаковск, Аркалык, Аксу, Жанаозен».
const NOT_DISTRICT_CENTRES = [
  'stepnogorsk',
  'tekeli',
  'serebryansk',
  'kurchatov',
  'shakhtinsk',
  'saran',
  'karazhal',
  'lisakovsk',
  'arkalyk',
  'aksu',
  'zhanaozen',
];

describe('seed 004: towns of the 2012 list that are not district centres', () => {
  it.each(NOT_DISTRICT_CENTRES)('%s is recorded as not a district centre in 2012', (town) => {
    const rows = find(town, 'district_centre', '2012');
    expect(rows).toHaveLength(1);
    const o = rows[0]!;
    expect(o.value).toBeNull();
    expect(o.valueText).toBe('no');
    expect(o.status).toBe('actual');
    expect(o.sourceId).toBe(SOURCE_ID);
    expect(o.passage).toContain(PASSAGE);
  });

  it('records exactly the 11 named towns and infers no "yes" for the other 16', () => {
    const rows = ours();
    expect(rows).toHaveLength(11);
    expect(new Set(rows.map((o) => o.town))).toEqual(new Set(NOT_DISTRICT_CENTRES));
    expect(rows.every((o) => o.indicator === 'district_centre' && o.valueText === 'no')).toBe(true);
    expect(find('temirtau', 'district_centre', '2012')).toHaveLength(0);
    expect(find('altai', 'district_centre', '2012')).toHaveLength(0);
  });
});
