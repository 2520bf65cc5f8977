/**
 * Pure helpers for the typology, vulnerability and clustering views (no React, no DOM; unit-tested in
 * typology.test.ts): the typologies and their classes, how an engine's reason and missing-input codes
 * read, the sources a reason cites, and the layout of a Ward dendrogram.
 */
import type { ClustersDto, TypologyItemDto, VulnerabilityDto } from '../client/api-client.js';

export const TYPOLOGY_IDS = ['tfe_operating_state', 'production_type', 'development_dynamics', 'economic_potential'] as const;
export type TypologyId = (typeof TYPOLOGY_IDS)[number];

export function isTypologyId(v: unknown): v is TypologyId {
  return typeof v === 'string' && (TYPOLOGY_IDS as readonly string[]).includes(v);
}

export const UNKNOWN = 'unknown';

/** The classes of each typology, the «better» end first (docs/methods/typologies.md); production type has no order. */
export const TYPOLOGY_CLASSES: Record<TypologyId, readonly string[]> = {
  tfe_operating_state: ['stable', 'unstable', 'declining'],
  production_type: ['extractive', 'processing', 'research'],
  development_dynamics: ['growing', 'slow', 'depressed'],
  economic_potential: ['high', 'medium', 'low'],
};

/** The vulnerability bands, least vulnerable first. */
export const VULNERABILITY_BANDS = ['low', 'medium', 'high'] as const;

/** The years the typology views offer (the typologies' parameters apply from 2000; the data start about 2009). */
export const FIRST_TYPOLOGY_YEAR = 2009;
export const LAST_TYPOLOGY_YEAR = 2025;
export const TYPOLOGY_YEARS: readonly number[] = Array.from({ length: LAST_TYPOLOGY_YEAR - FIRST_TYPOLOGY_YEAR + 1 }, (_, i) => FIRST_TYPOLOGY_YEAR + i);
/** The year the views open at: the year of the latest published classification (seed 003, 2024). */
export const DEFAULT_TYPOLOGY_YEAR = 2024;

export type TypologyReasonDto = TypologyItemDto['reasons'][number];

/** The dimensions of the signal typologies (dynamics, potential): each gives at most one signal. */
export const SIGNAL_DIMENSIONS = [
  'population',
  'output',
  'employment',
  'output_share',
  'output_per_capita',
  'investment',
  'wage',
  'development_level',
] as const;
export type SignalDimension = (typeof SIGNAL_DIMENSIONS)[number];
const isDimension = (s: string): s is SignalDimension => (SIGNAL_DIMENSIONS as readonly string[]).includes(s);

/** Reason codes with a wording of their own; any other code is a dimension's outcome or an indicator read. */
export const FIXED_REASONS = [
  'no_enterprises',
  'enterprise_state_unknown',
  'enterprise_state',
  'enterprise_stopped',
  'all_stopped',
  'state_shares',
  'nace_section',
  'nace_section_left_out',
  'nace_section_missing',
  'majority',
  'tie',
  'no_majority',
  'sections_missing',
  'no_classified_enterprise',
  'too_few_signals',
  'mean_score',
  'population',
  'unemployment_rate_pct',
  'avg_monthly_wage_ratio',
] as const;
export type FixedReason = (typeof FIXED_REASONS)[number];
const isFixed = (s: string): s is FixedReason => (FIXED_REASONS as readonly string[]).includes(s);

/** What a reason code says, read from its shape (the codes of src/domain/typology/*.ts). */
export type ReasonKind =
  | { kind: 'fixed'; code: FixedReason }
  | { kind: 'absent'; dimension: SignalDimension }
  | { kind: 'conflict'; dimension: SignalDimension }
  | { kind: 'morePreciseAbsent'; dimension: SignalDimension }
  | { kind: 'conflictNotCounted'; dimension: SignalDimension }
  | { kind: 'notCounted'; inner: ReasonKind }
  | { kind: 'indicator'; code: string };

export function reasonKind(code: string): ReasonKind {
  if (isFixed(code)) return { kind: 'fixed', code };
  const suffix = (s: string) => (code.endsWith(s) ? code.slice(0, -s.length) : null);
  const conflictNotCounted = suffix('_conflict_not_counted');
  if (conflictNotCounted !== null && isDimension(conflictNotCounted)) return { kind: 'conflictNotCounted', dimension: conflictNotCounted };
  const notCounted = suffix('_not_counted');
  if (notCounted !== null) return { kind: 'notCounted', inner: reasonKind(notCounted) };
  const morePrecise = suffix('_more_precise_absent');
  if (morePrecise !== null && isDimension(morePrecise)) return { kind: 'morePreciseAbsent', dimension: morePrecise };
  const absent = suffix('_absent');
  if (absent !== null && isDimension(absent)) return { kind: 'absent', dimension: absent };
  const conflict = suffix('_conflict');
  if (conflict !== null && isDimension(conflict)) return { kind: 'conflict', dimension: conflict };
  return { kind: 'indicator', code };
}

/** The enterprise a reason is about: the text starts with «<name>: » for the per-enterprise codes. */
export function reasonSubject(reason: Pick<TypologyReasonDto, 'code' | 'text'>): string | null {
  const perEnterprise = ['enterprise_state_unknown', 'enterprise_state', 'enterprise_stopped', 'nace_section', 'nace_section_left_out', 'nace_section_missing'];
  if (!perEnterprise.includes(reason.code)) return null;
  const i = reason.text.indexOf(': ');
  return i > 0 ? reason.text.slice(0, i) : null;
}

/** «0 extractive, 0 processing, 2 research» → counts per type. */
export function parseTypeCounts(value: unknown): { type: string; count: number }[] | null {
  if (typeof value !== 'string') return null;
  const parts = value.split(', ').map((p) => /^(\d+) ([a-z_]+)$/.exec(p.trim()));
  if (parts.length === 0 || parts.some((m) => m === null)) return null;
  return parts.map((m) => ({ type: m![2]!, count: Number(m![1]) }));
}

/** «1/0/2» or «0/0/0 (+2 unknown)» → the counts of enterprises working fully, partly, stopped and unknown. */
export function parseStateShares(value: unknown): { full: number; partial: number; stopped: number; unknown: number } | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d+)\/(\d+)\/(\d+)(?: \(\+(\d+) unknown\))?$/.exec(value.trim());
  return m ? { full: Number(m[1]), partial: Number(m[2]), stopped: Number(m[3]), unknown: m[4] ? Number(m[4]) : 0 } : null;
}

/** A named bound of a reason's threshold, read from its name. */
export type Bound =
  | { kind: 'classMin' | 'classMax'; cls: string; value: number; key: string }
  | { kind: 'minSignals' | 'majority' | 'stableFull' | 'decliningStopped' | 'nationalWage'; value: number; key: string }
  | { kind: 'map'; from: string; to: string; key: string }
  | { kind: 'other'; key: string; value: unknown };

export function thresholdBounds(threshold: unknown): Bound[] {
  if (typeof threshold !== 'object' || threshold === null || Array.isArray(threshold)) return [];
  return Object.entries(threshold as Record<string, unknown>).map(([key, value]): Bound => {
    if (typeof value === 'string') return { kind: 'map', from: key, to: value, key };
    if (typeof value !== 'number') return { kind: 'other', key, value };
    if (key === 'min_signals') return { kind: 'minSignals', value, key };
    if (key === 'majority_min_share') return { kind: 'majority', value, key };
    if (key === 'stable_min_full_share') return { kind: 'stableFull', value, key };
    if (key === 'declining_min_stopped_share') return { kind: 'decliningStopped', value, key };
    if (key === 'national_avg_monthly_wage_kzt') return { kind: 'nationalWage', value, key };
    const m = /^(.+)_(min|max)$/.exec(key);
    if (m) return { kind: m[2] === 'min' ? 'classMin' : 'classMax', cls: m[1]!, value, key };
    return { kind: 'other', key, value };
  });
}

/** A missing input as the engines name it. */
export type MissingInput =
  | { kind: 'indicator'; code: string; conflict: boolean }
  | { kind: 'enterpriseStates'; enterprises: string[] }
  | { kind: 'naceSections'; enterprises: string[] }
  | { kind: 'enterprises' }
  | { kind: 'productionType' };

/**
 * Groups the missing-input codes: `population`, `<indicator>:conflict`, `enterprise_states:<name>`,
 * `nace_section:<name>`, `town_forming_enterprises`, `production_type` (the order of first appearance kept).
 */
export function groupMissingInputs(codes: readonly string[]): MissingInput[] {
  const out: MissingInput[] = [];
  const states: string[] = [];
  const sections: string[] = [];
  for (const c of codes) {
    if (c.startsWith('enterprise_states:')) {
      if (states.length === 0) out.push({ kind: 'enterpriseStates', enterprises: states });
      states.push(c.slice('enterprise_states:'.length));
    } else if (c.startsWith('nace_section:')) {
      if (sections.length === 0) out.push({ kind: 'naceSections', enterprises: sections });
      sections.push(c.slice('nace_section:'.length));
    } else if (c === 'town_forming_enterprises') out.push({ kind: 'enterprises' });
    else if (c === 'production_type') out.push({ kind: 'productionType' });
    else {
      const conflict = c.endsWith(':conflict');
      const code = conflict ? c.slice(0, -':conflict'.length) : c;
      if (!out.some((m) => m.kind === 'indicator' && m.code === code && m.conflict === conflict)) out.push({ kind: 'indicator', code, conflict });
    }
  }
  return out;
}

/**
 * The sources a reason or component names: `id`, `id | passage`, several joined by «; ». A part that
 * does not start with a source id belongs to the passage before it.
 */
export function parseSourceList(text: string | null | undefined): { id: string; passage: string | null }[] {
  if (!text) return [];
  const out: { id: string; passage: string | null }[] = [];
  for (const part of text.split('; ')) {
    const bar = part.indexOf(' | ');
    const head = bar >= 0 ? part.slice(0, bar) : part;
    if (/^[a-z0-9][a-z0-9._-]*$/i.test(head.trim())) out.push({ id: head.trim(), passage: bar >= 0 ? part.slice(bar + 3) : null });
    else if (out.length > 0) {
      const last = out[out.length - 1]!;
      last.passage = last.passage === null ? part : `${last.passage}; ${part}`;
    } else out.push({ id: part, passage: null });
  }
  return out;
}

/** How many towns lack each input, most often missing first (for the «why unknown» text). */
export function missingCounts(items: readonly Pick<TypologyItemDto, 'town' | 'class' | 'missing'>[]): { code: string; towns: number }[] {
  const byCode = new Map<string, Set<string>>();
  for (const item of items) {
    if (item.class !== UNKNOWN) continue;
    for (const m of item.missing) {
      const code = m.startsWith('enterprise_states:') ? 'enterprise_states' : m.startsWith('nace_section:') ? 'nace_section' : m.replace(/:conflict$/, '');
      const set = byCode.get(code) ?? new Set<string>();
      set.add(item.town);
      byCode.set(code, set);
    }
  }
  return [...byCode.entries()].map(([code, towns]) => ({ code, towns: towns.size })).sort((a, b) => b.towns - a.towns || a.code.localeCompare(b.code));
}

/** Classes in a typology's order, any class it does not know next, `unknown` last. */
export function orderClasses(classes: readonly string[], typology?: TypologyId): string[] {
  const known = typology ? TYPOLOGY_CLASSES[typology] : [];
  const rank = (c: string) => (c === UNKNOWN ? 2 : known.includes(c) ? 0 : 1);
  return [...new Set(classes)].sort((a, b) => rank(a) - rank(b) || known.indexOf(a) - known.indexOf(b) || a.localeCompare(b));
}

// ——— Vulnerability ———

export type VulnerabilityComponentDto = VulnerabilityDto['components'][number];

/** The share of the total weight each component carries, and whether it is available. */
export function weightShares(v: Pick<VulnerabilityDto, 'components' | 'totalWeight'>): { id: string; share: number; available: boolean }[] {
  const total = v.totalWeight > 0 ? v.totalWeight : 1;
  return v.components.map((c) => ({ id: c.id, share: c.weight / total, available: c.score !== null }));
}

// ——— Dendrogram ———

export interface DendrogramLayout {
  /** Leaves top to bottom: the unit's index in `units`, and its row. */
  leaves: { unit: number; row: number }[];
  /** One node per merge: its children's positions and its own. */
  nodes: { row: number; height: number; a: { row: number; height: number }; b: { row: number; height: number }; size: number }[];
  maxHeight: number;
  /** The height a cut into k clusters falls at (between two merges), or null when k ≥ n or k < 1. */
  cut: number | null;
}

/**
 * Lays a Ward dendrogram out with the leaves in rows (0 … n−1) in the order the merges nest them, each
 * merge at the mean row of its two children and at its height; leaves are at height 0.
 */
export function layoutDendrogram(d: ClustersDto['dendrogram'], k: number): DendrogramLayout {
  const { n, merges } = d;
  const order: number[] = [];
  const visit = (id: number) => {
    if (id < n) order.push(id);
    else {
      const m = merges[id - n]!;
      visit(m.a);
      visit(m.b);
    }
  };
  if (n === 1) order.push(0);
  else if (merges.length > 0) visit(n + merges.length - 1);
  // units no merge reaches (should not happen) still get a row
  for (let i = 0; i < n; i++) if (!order.includes(i)) order.push(i);
  const rowOf = new Map(order.map((u, row) => [u, row]));
  const pos: { row: number; height: number }[] = [];
  const at = (id: number) => (id < n ? { row: rowOf.get(id)!, height: 0 } : pos[id - n]!);
  const nodes = merges.map((m) => {
    const a = at(m.a);
    const b = at(m.b);
    const node = { row: (a.row + b.row) / 2, height: m.height, a, b, size: m.size };
    pos.push({ row: node.row, height: node.height });
    return node;
  });
  const maxHeight = Math.max(0, ...merges.map((m) => m.height));
  let cut: number | null = null;
  if (k >= 2 && k <= n && merges.length >= n - 1) {
    const below = merges[n - k - 1]?.height ?? 0;
    const above = merges[n - k]!.height;
    cut = (below + above) / 2;
  }
  return { leaves: order.map((unit, row) => ({ unit, row })), nodes, maxHeight, cut };
}

// ——— Colours and marks ———

/** Which classes a colour scheme orders: a typology, or the vulnerability bands. */
export type ClassScheme = TypologyId | 'vulnerability';

export function schemeClasses(scheme: ClassScheme): readonly string[] {
  return scheme === 'vulnerability' ? VULNERABILITY_BANDS : TYPOLOGY_CLASSES[scheme];
}

/**
 * The tone of a class for its badge and map marker: ordered classes go good → mid → bad (for the
 * vulnerability bands low is good), production types get three neutral hues; unknown is pale.
 */
export function classTone(scheme: ClassScheme, cls: string): string {
  if (cls === UNKNOWN) return 'unknown';
  const i = schemeClasses(scheme).indexOf(cls);
  if (i < 0) return 'other';
  return scheme === 'production_type' ? `n${i}` : (['good', 'mid', 'bad'] as const)[i]!;
}

/**
 * The mark drawn in a map marker besides its colour: the first class a solid disc, the second a white
 * dot, the third a white cross (the «worse» end of an ordered scale) or, for the production types, which
 * have no order, a white diamond.
 */
export function classMark(scheme: ClassScheme, cls: string): 'solid' | 'dot' | 'cross' | 'diamond' | 'none' {
  const i = schemeClasses(scheme).indexOf(cls);
  return i === 0 ? 'solid' : i === 1 ? 'dot' : i === 2 ? (scheme === 'production_type' ? 'diamond' : 'cross') : 'none';
}

/**
 * The signal a reason gives (growing, slow, depressed; high, medium, low), read from the end of its
 * text («…: growing (growing at or above 0.7, …)»); null for reasons that give no signal.
 */
export function reasonSignal(reason: Pick<TypologyReasonDto, 'code' | 'text'>): string | null {
  const kind = reasonKind(reason.code);
  const inner = kind.kind === 'notCounted' ? kind.inner : kind;
  const gives =
    inner.kind === 'indicator' || (inner.kind === 'fixed' && ['population', 'unemployment_rate_pct', 'avg_monthly_wage_ratio'].includes(inner.code));
  if (!gives) return null;
  const m = /: ([a-z_]+)(?: \([^()]*\))?$/.exec(reason.text);
  const signals = [...TYPOLOGY_CLASSES.development_dynamics, ...TYPOLOGY_CLASSES.economic_potential];
  return m && signals.includes(m[1]!) ? m[1]! : null;
}
