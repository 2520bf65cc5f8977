import { describe, expect, it } from 'vitest';
import {
  groupMissingInputs,
  layoutDendrogram,
  missingCounts,
  orderClasses,
  parseSourceList,
  parseStateShares,
  parseTypeCounts,
  reasonKind,
  reasonSignal,
  reasonSubject,
  thresholdBounds,
  weightShares,
} from './typology.js';

describe('reasonKind', () => {
  it('reads the fixed codes, the dimension outcomes and the indicators read', () => {
    expect(reasonKind('majority')).toEqual({ kind: 'fixed', code: 'majority' });
    expect(reasonKind('population')).toEqual({ kind: 'fixed', code: 'population' });
    expect(reasonKind('output_absent')).toEqual({ kind: 'absent', dimension: 'output' });
    expect(reasonKind('output_share_absent')).toEqual({ kind: 'absent', dimension: 'output_share' });
    expect(reasonKind('population_conflict')).toEqual({ kind: 'conflict', dimension: 'population' });
    expect(reasonKind('wage_more_precise_absent')).toEqual({ kind: 'morePreciseAbsent', dimension: 'wage' });
    expect(reasonKind('population_conflict_not_counted')).toEqual({ kind: 'conflictNotCounted', dimension: 'population' });
    expect(reasonKind('wage_vs_region_average_class_not_counted')).toEqual({
      kind: 'notCounted',
      inner: { kind: 'indicator', code: 'wage_vs_region_average_class' },
    });
    expect(reasonKind('population_not_counted')).toEqual({ kind: 'notCounted', inner: { kind: 'fixed', code: 'population' } });
    expect(reasonKind('wage_band_class')).toEqual({ kind: 'indicator', code: 'wage_band_class' });
    expect(reasonKind('population_change_pct')).toEqual({ kind: 'indicator', code: 'population_change_pct' });
  });

  it('finds the enterprise a reason is about', () => {
    expect(reasonSubject({ code: 'nace_section', text: 'Nuclear Technology Park: section M, … → research' })).toBe('Nuclear Technology Park');
    expect(reasonSubject({ code: 'majority', text: '0 extractive: x' })).toBeNull();
  });
});

describe('values and thresholds of reasons', () => {
  it('reads counts per production type and enterprise states', () => {
    expect(parseTypeCounts('0 extractive, 1 processing, 2 research')).toEqual([
      { type: 'extractive', count: 0 },
      { type: 'processing', count: 1 },
      { type: 'research', count: 2 },
    ]);
    expect(parseTypeCounts('M')).toBeNull();
    expect(parseStateShares('0/0/0 (+2 unknown)')).toEqual({ full: 0, partial: 0, stopped: 0, unknown: 2 });
    expect(parseStateShares('1/2/0')).toEqual({ full: 1, partial: 2, stopped: 0, unknown: 0 });
    expect(parseStateShares(3)).toBeNull();
  });

  it('names the bounds of a threshold', () => {
    expect(thresholdBounds({ growing_min: 0.7, depressed_max: -0.5 })).toEqual([
      { kind: 'classMin', cls: 'growing', value: 0.7, key: 'growing_min' },
      { kind: 'classMax', cls: 'depressed', value: -0.5, key: 'depressed_max' },
    ]);
    expect(thresholdBounds({ min_signals: 2, majority_min_share: 0.5 }).map((b) => b.kind)).toEqual(['minSignals', 'majority']);
    expect(thresholdBounds({ yes: 'high' })).toEqual([{ kind: 'map', from: 'yes', to: 'high', key: 'yes' }]);
    expect(thresholdBounds(null)).toEqual([]);
  });
});

describe('missing inputs', () => {
  it('groups the enterprises and keeps conflicts apart', () => {
    expect(
      groupMissingInputs([
        'enterprise_states:A',
        'population',
        'enterprise_states:B',
        'population:conflict',
        'nace_section:C',
        'production_type',
        'population',
      ]),
    ).toEqual([
      { kind: 'enterpriseStates', enterprises: ['A', 'B'] },
      { kind: 'indicator', code: 'population', conflict: false },
      { kind: 'indicator', code: 'population', conflict: true },
      { kind: 'naceSections', enterprises: ['C'] },
      { kind: 'productionType' },
    ]);
  });

  it('counts the towns lacking each input among the unknown ones', () => {
    expect(
      missingCounts([
        { town: 'a', class: 'unknown', missing: ['enterprise_states:X', 'enterprise_states:Y', 'population'] },
        { town: 'b', class: 'unknown', missing: ['enterprise_states:Z'] },
        { town: 'c', class: 'stable', missing: ['population'] },
      ]),
    ).toEqual([
      { code: 'enterprise_states', towns: 2 },
      { code: 'population', towns: 1 },
    ]);
  });
});

describe('parseSourceList', () => {
  it('splits ids and passages', () => {
    expect(parseSourceList('doc-001 | Slide 8. Table (A, B); url-b3')).toEqual([
      { id: 'doc-001', passage: 'Slide 8. Table (A, B)' },
      { id: 'url-b3', passage: null },
    ]);
    expect(parseSourceList('doc-1 | a passage; with a semicolon')).toEqual([{ id: 'doc-1', passage: 'a passage; with a semicolon' }]);
    expect(parseSourceList(null)).toEqual([]);
  });
});

describe('orderClasses', () => {
  it('puts the typology order first and unknown last', () => {
    expect(orderClasses(['unknown', 'declining', 'stable'], 'tfe_operating_state')).toEqual(['stable', 'declining', 'unknown']);
    expect(orderClasses(['b', 'unknown', 'a'])).toEqual(['a', 'b', 'unknown']);
  });
});

describe('weightShares', () => {
  it('gives each component its share of the total weight', () => {
    const shares = weightShares({
      totalWeight: 0.5,
      components: [{ id: 'x', weight: 0.2, score: 0.5 } as never, { id: 'y', weight: 0.3, score: null } as never],
    });
    expect(shares.map((s) => [s.id, Math.round(s.share * 100), s.available])).toEqual([
      ['x', 40, true],
      ['y', 60, false],
    ]);
  });
});

describe('layoutDendrogram', () => {
  // four units: 0 and 2 merge first (1.0), then 1 and 3 (2.0), then both (5.0)
  const d = {
    n: 4,
    merges: [
      { a: 0, b: 2, height: 1, size: 2 },
      { a: 1, b: 3, height: 2, size: 2 },
      { a: 4, b: 5, height: 5, size: 4 },
    ],
  };
  it('orders the leaves as the merges nest them and places each merge between its children', () => {
    const l = layoutDendrogram(d, 2);
    expect(l.leaves.map((x) => x.unit)).toEqual([0, 2, 1, 3]);
    expect(l.nodes.map((x) => [x.row, x.height])).toEqual([
      [0.5, 1],
      [2.5, 2],
      [1.5, 5],
    ]);
    expect(l.maxHeight).toBe(5);
    // two clusters: between the second merge (2) and the last (5)
    expect(l.cut).toBe(3.5);
  });
  it('has no cut for one cluster, and cuts below the first merge for n clusters', () => {
    expect(layoutDendrogram(d, 1).cut).toBeNull();
    expect(layoutDendrogram(d, 4).cut).toBe(0.5);
    expect(layoutDendrogram({ n: 1, merges: [] }, 1).leaves).toEqual([{ unit: 0, row: 0 }]);
  });
});

describe('reasonSignal', () => {
  it('reads the signal at the end of a reason that gives one', () => {
    expect(
      reasonSignal({
        code: 'population',
        text: 'population trend: population 2014–2021, average annual change 0.726 %/year (growing at or above 0.7, depressed at or below -0.5): growing',
      }),
    ).toBe('growing');
    expect(reasonSignal({ code: 'wage_band_class', text: 'wage level: wage band "over_5_minimum_wages" in 2021: high' })).toBe('high');
    expect(
      reasonSignal({
        code: 'industrial_output_volume_index_pct',
        text: 'industrial output trend: physical volume index of industrial output 119.3 % of the base period in 2014: growing (growing at or above 103, depressed at or below 97)',
      }),
    ).toBe('growing');
    expect(reasonSignal({ code: 'too_few_signals', text: '1 signal (population growing (+1)); at least 2 are needed to classify' })).toBeNull();
    expect(reasonSignal({ code: 'nace_section', text: 'X: section M → research' })).toBeNull();
  });
});
