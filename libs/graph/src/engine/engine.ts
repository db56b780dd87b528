/**
 * The one seam between the store and a database engine (embedded SQLite or Neo4j). The store's
 * logic is written once above it; each engine brings the text of every statement the store sends,
 * in its own language, under the same names and returning rows under the same aliases.
 */
import type { AccountQueries } from '../accounts/account-queries';
import type { Queries } from '../store/queries';

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Params = Record<string, Value | undefined>;
export type Row = Record<string, Value>;

export interface EngineTx {
  run(query: string, params?: Params): Promise<Row[]>;
  /** Loads new nodes, then relationships between existing nodes, inside this transaction. */
  bulkLoad(tables: BulkTable[]): Promise<void>;
}

/**
 * New rows of one node table, or of one (from, to) pair of a relationship table, for a bulk load.
 * Relationship rows name their endpoints' keys in `from` and `to`; absent columns are null.
 */
export interface BulkTable {
  /** Node label, or relationship type when `from`/`to` are set. */
  name: string;
  from?: string;
  to?: string;
  rows: Record<string, Value>[];
}

export interface StorageEngine {
  readonly name: 'embedded' | 'neo4j';
  /** The graph store's statements in this engine's language. */
  readonly queries: Queries;
  /** The account store's statements in this engine's language. */
  readonly accountQueries: AccountQueries;
  /** Applies pending schema migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** Reads committed data: never waits for a write in progress. */
  read(query: string, params?: Params): Promise<Row[]>;
  /** Runs `work` as one transaction: all of it is written, or nothing. Writers are serialised. */
  write<T>(work: (tx: EngineTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateKeyError';
  }
}
