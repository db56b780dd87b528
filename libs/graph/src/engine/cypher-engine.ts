/** The one seam between the Cypher layer and a database engine (embedded Kùzu or Neo4j). */

export type CypherValue = string | number | boolean | null | CypherValue[] | { [key: string]: CypherValue };
export type Params = Record<string, CypherValue | undefined>;
export type Row = Record<string, CypherValue>;

export interface CypherTx {
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
  rows: Record<string, CypherValue>[];
}

export interface CypherEngine {
  readonly name: 'embedded' | 'neo4j';
  readonly dialect: Dialect;
  /**
   * True when no other process can write to the database, so data changes only through this
   * engine's `write` and what was read stays true until the next one (the store caches on it).
   */
  readonly soleWriter: boolean;
  /** Applies pending schema migrations; safe to call on every start. */
  migrate(): Promise<void>;
  read(query: string, params?: Params): Promise<Row[]>;
  /** Runs `work` as one transaction: all of it is written, or nothing. Writers are serialised. */
  write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What must differ between engines (ENGINES.md §6); everything else is shared Cypher text. */
export interface Dialect {
  readonly name: 'embedded' | 'neo4j';
  /** The label of a node variable as a single string. */
  label(variable: string): string;
  /** A list-of-strings parameter, safe when the list is empty (H4). */
  stringList(param: string): string;
  /** A number sent as text, read as DOUBLE: rows may mix whole and fractional amounts (H3). */
  toFloat(expression: string): string;
  /** Schema statements of one migration step, by version. */
  readonly schema: Record<number, string[]>;
}

export class DuplicateKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateKeyError';
  }
}
