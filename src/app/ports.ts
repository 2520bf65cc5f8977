import type { Indicator } from '../domain/indicators.js';
import type { Observation, ObservationStatus, SourceRef } from '../domain/observations.js';
import type { Enterprise, Region, Town } from '../domain/registry.js';
import type { Bundle, ObservationInput } from './bundle.js';

/** What the services need from storage. `src/db` implements it on PGlite and PostgreSQL. */
export interface Source {
  id: string;
  kind: 'url' | 'document' | 'dataset';
  title: string;
  authors: string | null;
  year: number | null;
  url: string | null;
  file: string | null;
  language: string | null;
  licence: string | null;
}

export interface ObservationFilter {
  town?: string;
  indicator?: string;
  from?: number;
  to?: number;
}

export interface TownStatus {
  status: string;
  since: string | null;
  until: string | null;
  basis: string | null;
  /** Stable id of the legal act, so a UI can show its official title in its language. */
  basisId: string | null;
  source: SourceRef | null;
  note: string | null;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

export interface CoverageCell {
  town: string;
  indicator: string;
  periods: number;
  values: number;
  first: string;
  latest: string;
  sources: string[];
}

export type RecordOutcome = 'inserted' | 'revised' | 'unchanged';

export interface Repositories {
  towns: {
    list(): Promise<Town[]>;
    get(id: string): Promise<Town | null>;
    existingIds(): Promise<Set<string>>;
    enterprises(townId: string): Promise<Enterprise[]>;
    statusHistory(townId: string): Promise<TownStatus[]>;
    factSources(townId: string): Promise<{ field: string; source: SourceRef; note: string | null }[]>;
    /** NACE sections of each town's town-forming enterprises, most frequent first. */
    naceSections(): Promise<Map<string, string[]>>;
    regions(layer?: number): Promise<(Region & { boundary: unknown | null })[]>;
  };
  observations: {
    list(filter: ObservationFilter): Promise<Observation[]>;
    history(town: string, indicator: string, period: string): Promise<(Observation & { recordedAt: Date; recordedBy: string })[]>;
    record(o: ObservationInput, actor: string): Promise<{ outcome: RecordOutcome; revision: number }>;
    count(): Promise<number>;
    /** Per town × indicator: how many periods and values are known, the first and latest period, and the sources. */
    coverage(): Promise<CoverageCell[]>;
  };
  catalogue: {
    indicators(): Promise<Indicator[]>;
    indicatorCodes(): Promise<Map<string, { kind: Indicator['kind']; unit: string }>>;
    sources(): Promise<Source[]>;
    sourceIds(): Promise<Set<string>>;
  };
  writer: {
    /** Upserts the registry parts of a bundle (sources, regions, towns, enterprises, indicators). */
    upsertRegistry(bundle: Bundle): Promise<void>;
  };
  audit: {
    append(e: { actor: string; action: string; entity: string; entityId?: string | null; details?: Record<string, unknown> }): Promise<void>;
    list(limit: number): Promise<AuditEntry[]>;
  };
  users: {
    create(u: { email: string; name: string; role: 'public' | 'town_editor' | 'analyst' | 'admin'; townScope?: string[] }): Promise<number>;
    list(): Promise<{ id: number; email: string; name: string; role: string; townScope: string[] }[]>;
  };
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly repos: Repositories;
  /** Runs `fn` with repositories bound to one transaction: all or nothing. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type { ObservationStatus };
