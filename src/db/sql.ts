/**
 * The one database port: plain parameterised SQL that runs the same on PGlite
 * and PostgreSQL. Both adapters return plain rows with the same JS shapes
 * (int8/numeric → number, date → 'YYYY-MM-DD' text, timestamptz → Date).
 */
export type Row = Record<string, unknown>;

export interface Sql {
  readonly kind: 'pglite' | 'postgres';
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements with no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it is written, or nothing. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
