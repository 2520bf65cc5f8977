import { describe, expect, it } from 'vitest';
import { readReferenceData } from '../../src/io/reader.js';
import { PROJECT_ROOT } from '../../src/runtime.js';

const { bundle } = readReferenceData(PROJECT_ROOT);
const find = (town: string, indicator: string, period: string) =>
  bundle.observations.filter(
    (o) => o.town === town && o.indicator === indicator && o.period === period && o.origin.file.endsWith('seed-003.csv'),
  );
const ours = () => bundle.observations.filter((o) => o.origin.file.endsWith('seed-003.csv'));

const SOURCE_ID = 'doc-003-619b76c66df76652';

/** The single observation of a town, indicator and period, checked against the seed's source id. */
function one(town: string, indicator: string, period: string) {
  const rows = find(town, indicator, period);
  expect(rows).toHaveLength(1);
  const o = rows[0]!;
  expect(o.sourceId).toBe(SOURCE_ID);
  return o;
}

describe('seed 003: population figures of Rudny, Ekibastuz and Zhanaozen', () => {
  it('Rudny: "around 130,100 in 2024"', () => {
    const o = one('rudny', 'population', '2024');
    expect(o.value).toBe(130100);
    expect(o.valueText).toBeNull();
    expect(o.status).toBe('actual');
    expect(o.passage).toContain('paragraph on Rudny');
  });

  it('Rudny: the plan of 200,000 by 2046 is a target', () => {
    const o = one('rudny', 'population', '2046');
    expect(o.value).toBe(200000);
    expect(o.status).toBe('target');
    expect(o.passage).toContain('paragraph on Rudny');
  });

  it('Ekibastuz: 133,889 as of 2024', () => {
    const o = one('ekibastuz', 'population', '2024');
    expect(o.value).toBe(133889);
    expect(o.status).toBe('actual');
    expect(o.passage).toContain('As of 2024, Ekibastuz');
  });

  it('Zhanaozen: 81,581 by 2019', () => {
    const o = one('zhanaozen', 'population', '2019');
    expect(o.value).toBe(81581);
    expect(o.status).toBe('actual');
    expect(o.passage).toContain('paragraph after Table 1 (Zhanaozen)');
  });
});

describe('seed 003: Table 1, town-forming enterprises of Ekibastuz', () => {
  it('counts the 27 listed enterprises (7 + 6 + 6 + 2 + 5 + 1)', () => {
    const o = one('ekibastuz', 'tfe_count', '2024');
    expect(o.value).toBe(27);
    expect(o.status).toBe('actual');
    expect(o.passage).toContain('Table 1');
    expect(o.note).toContain('coal industry 7');
    expect(o.note).toContain('light industry 1');
  });
});

describe('seed 003: classification by the operating state of the town-forming enterprise', () => {
  const STABLE = [
    'temirtau',
    'rudny',
    'ekibastuz',
    'zhanaozen',
    'abai',
    'aksai',
    'aksu',
    'balkhash',
    'zhezkazgan',
    'zhitikara',
    'altai',
    'karazhal',
    'kulsary',
    'kurchatov',
    'lisakovsk',
    'ridder',
    'satpayev',
    'khromtau',
    'shakhtinsk',
  ];
  const UNSTABLE = ['arkalyk', 'zhanatas', 'karatau', 'saran', 'stepnogorsk'];
  const DECLINING = ['kentau', 'serebryansk', 'tekeli'];

  it.each(STABLE)('%s is stable', (town) => {
    const o = one(town, 'tfe_operating_state_class', '2024');
    expect(o.value).toBeNull();
    expect(o.valueText).toBe('stable');
    expect(o.status).toBe('actual');
    expect(o.passage).toContain('classified as economically stable');
  });

  it.each(UNSTABLE)('%s is unstable ("less economically prosperous")', (town) => {
    const o = one(town, 'tfe_operating_state_class', '2024');
    expect(o.valueText).toBe('unstable');
    expect(o.passage).toContain('less economically prosperous');
  });

  it.each(DECLINING)('%s is declining ("facing economic challenges")', (town) => {
    const o = one(town, 'tfe_operating_state_class', '2024');
    expect(o.valueText).toBe('declining');
    expect(o.passage).toContain('facing economic challenges');
  });

  it('covers all 27 towns once: 19 stable, 5 unstable, 3 declining', () => {
    const rows = ours().filter((o) => o.indicator === 'tfe_operating_state_class');
    expect(rows).toHaveLength(27);
    expect(new Set(rows.map((o) => o.town)).size).toBe(27);
  });

  it('records the text\'s "Khametau" as Khromtau and says so', () => {
    expect(one('khromtau', 'tfe_operating_state_class', '2024').note).toContain('Khametau');
  });
});

describe('seed 003: classification by type of production', () => {
  it.each(['serebryansk', 'stepnogorsk', 'zhezkazgan', 'satpayev', 'khromtau'])('%s is extractive', (town) => {
    const o = one(town, 'production_type_class', '2024');
    expect(o.valueText).toBe('extractive');
    expect(o.status).toBe('actual');
    expect(o.passage).toContain('extractive city-forming enterprises');
  });

  it('Kurchatov is research', () => {
    const o = one('kurchatov', 'production_type_class', '2024');
    expect(o.valueText).toBe('research');
    expect(o.passage).toContain('Kurchatov');
  });

  it('infers no processing class for the towns the text does not name', () => {
    const rows = ours().filter((o) => o.indicator === 'production_type_class');
    expect(rows).toHaveLength(6);
    expect(rows.some((o) => o.valueText === 'processing')).toBe(false);
  });
});

describe('seed 003: what the file leaves out', () => {
  it('records no Temirtau output (the seed gives no year for it)', () => {
    expect(ours().filter((o) => o.town === 'temirtau' && o.indicator !== 'tfe_operating_state_class')).toHaveLength(0);
  });

  it('has 38 observations', () => {
    expect(ours()).toHaveLength(38);
  });
});
