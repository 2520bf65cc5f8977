import type { SourceRef } from './observations.js';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalisedName = Record<Language, string>;

export interface Region {
  id: string;
  layer: number;
  pcode: string;
  name: LocalisedName;
}

export interface Town {
  id: string;
  name: LocalisedName;
  region: Region | null;
  region2012: Region | null;
  lat: number | null;
  lon: number | null;
  foundedYear: number | null;
  townStatusYear: number | null;
  mainIndustry: string | null;
  fictional: boolean;
}

export const OPERATING_STATES = ['full', 'partial', 'stopped'] as const;
export type OperatingState = (typeof OPERATING_STATES)[number];

export interface EnterpriseState {
  state: OperatingState;
  since: string | null;
  until: string | null;
  employees: number | null;
  source: SourceRef | null;
  note: string | null;
}

export interface Enterprise {
  id: number;
  townId: string;
  name: string;
  owner: string | null;
  product: string | null;
  naceSection: string | null;
  note: string | null;
  sources: SourceRef[];
  states: EnterpriseState[];
}

/** The operating state in force on `date` (YYYY-MM-DD), or null when none is recorded. */
export function stateOn(states: readonly EnterpriseState[], date: string): EnterpriseState | null {
  const inForce = states.filter((s) => (s.since === null || s.since <= date) && (s.until === null || s.until > date));
  if (inForce.length === 0) return null;
  return [...inForce].sort((a, b) => (b.since ?? '').localeCompare(a.since ?? ''))[0];
}

export const NACE_SECTIONS: Record<string, string> = {
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Electricity, gas, steam and air conditioning supply',
  M: 'Professional, scientific and technical activities',
};

const SLUG = /^[a-z][a-z0-9_-]*$/;
export function isTownId(s: string): boolean {
  return SLUG.test(s);
}
