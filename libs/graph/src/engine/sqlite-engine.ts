import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database, { type Database as Connection, type Statement } from 'better-sqlite3';
import { buildSqlAccountQueries } from '../accounts/sql-account-queries';
import { nodeTable, relTable } from '../schema';
import { buildSqlQueries } from '../store/sql-queries';
import type { BulkTable, EngineTx, Params, Row, StorageEngine, Value } from './engine';
import { DuplicateKeyError } from './engine';
import { Mutex } from './mutex';
import { normaliseParams } from './params';
import { SQLITE_SCHEMA_VERSION, sqliteSchema } from './sqlite-schema';

export const SQLITE_FILE = 'verkosto.sqlite';

/**
 * The embedded engine: one SQLite file in WAL mode. A write is one `BEGIN IMMEDIATE` transaction
 * on the writer connection, committed with a full sync (synchronous=FULL), so after a crash the
 * file holds every committed write and nothing of an unfinished one. Reads go to a second
 * connection and see the last commit: a write in progress never makes them wait.
 */
export class SqliteEngine implements StorageEngine {
  readonly name = 'embedded' as const;
  readonly queries = buildSqlQueries();
  readonly accountQueries = buildSqlAccountQueries();
  private readonly writer: Connection;
  private readonly reader: Connection;
  private readonly writes = new Mutex();
  private readonly statements = new WeakMap<Connection, Map<string, Prepared>>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SQLITE_FILE);
    // Another process (a CLI backup, a second server) waits up to the timeout for the write lock.
    this.writer = new Database(file, { timeout: 10_000 });
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma('synchronous = FULL');
    this.writer.pragma('foreign_keys = ON');
    this.writer.pragma('cache_size = -65536');
    this.reader = new Database(file, { timeout: 10_000 });
    this.reader.pragma('query_only = ON');
  }

  async migrate(): Promise<void> {
    await this.write(async (tx) => {
      for (const statement of sqliteSchema()) this.writer.exec(statement);
      const [row] = await tx.run(this.queries.meta.get, { key: 'schemaVersion' });
      if (!row) await tx.run(this.queries.meta.set, { key: 'schemaVersion', value: String(SQLITE_SCHEMA_VERSION) });
    });
  }

  async read(query: string, params?: Params): Promise<Row[]> {
    return execute(this.prepare(this.reader, query), query, params);
  }

  write<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await work({
          run: async (query, params) => execute(this.prepare(this.writer, query), query, params),
          bulkLoad: async (tables) => this.bulkLoad(tables),
        });
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.writes.run(async () => {
      this.reader.close();
      this.writer.close();
    });
  }

  private bulkLoad(tables: BulkTable[]): void {
    for (const table of tables) {
      if (table.rows.length === 0) continue;
      if (table.from && !relTable(table.name).pairs.some(([from, to]) => from === table.from && to === table.to)) {
        throw new Error(`${table.name} does not connect ${table.from} to ${table.to} in schema.ts.`);
      }
      const columns = Object.keys(table.from ? relTable(table.name).columns : nodeTable(table.name).columns);
      const names = table.from ? ['src', 'srcLabel', 'dst', 'dstLabel', ...columns] : columns;
      const insert = this.writer.prepare(`INSERT INTO "${table.name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      const [{ last }] = this.writer.prepare(`SELECT coalesce(max(rowid), 0) AS last FROM "${table.name}"`).all() as { last: number }[];
      try {
        for (const row of table.rows) {
          const values = columns.map((c) => bindable(row[c]));
          insert.run(table.from ? [bindable(row.from), table.from, bindable(row.to), table.to, ...values] : values);
        }
      } catch (error) {
        throw translateSqliteError(error);
      }
      if (table.from) this.refuseMissingEnds(table, last);
    }
  }

  /** One check over the rows just loaded, where a check per row would double the load's time. */
  private refuseMissingEnds(table: BulkTable, after: number): void {
    const end = (label: string, column: string) => `NOT EXISTS (SELECT 1 FROM "${label}" WHERE "${nodeTable(label).key}" = r.${column})`;
    const [missing] = this.writer
      .prepare(`SELECT src, dst FROM "${table.name}" r WHERE rowid > ? AND (${end(table.from!, 'src')} OR ${end(table.to!, 'dst')}) LIMIT 1`)
      .all(after) as { src: string; dst: string }[];
    if (missing) {
      throw new Error(`A ${table.name} row names a missing ${table.from} ${missing.src} or ${table.to} ${missing.dst}.`);
    }
  }

  private prepare(connection: Connection, query: string): Prepared {
    let cache = this.statements.get(connection);
    if (!cache) this.statements.set(connection, (cache = new Map()));
    let prepared = cache.get(query);
    if (!prepared) {
      const statement = connection.prepare(query);
      prepared = { statement, decode: statement.reader ? decoders(statement) : null };
      // The store's statements are a fixed set; the bound only matters for a caller building texts.
      if (cache.size > 1_000) cache.clear();
      cache.set(query, prepared);
    }
    return prepared;
  }
}

interface Prepared {
  statement: Statement;
  /** Null for a statement that returns no rows; an empty list when rows need no decoding. */
  decode: Decoder[] | null;
}

interface Decoder {
  from: string;
  to: string;
  kind: 'json' | 'bool';
}

/**
 * How each result column comes back: stored BOOLEAN and JSONTEXT columns by their declared type,
 * computed ones by a `:json` or `:bool` suffix on the alias, which is then dropped.
 */
function decoders(statement: Statement): Decoder[] {
  return statement.columns().flatMap((column): Decoder[] => {
    const suffix = /^(.*):(json|bool)$/.exec(column.name);
    if (suffix) return [{ from: column.name, to: suffix[1], kind: suffix[2] as 'json' | 'bool' }];
    if (column.type === 'BOOLEAN') return [{ from: column.name, to: column.name, kind: 'bool' }];
    if (column.type === 'JSONTEXT') return [{ from: column.name, to: column.name, kind: 'json' }];
    return [];
  });
}

function execute({ statement, decode }: Prepared, query: string, params?: Params): Row[] {
  const bound = bindParams(query, params);
  try {
    if (!decode) {
      statement.run(bound);
      return [];
    }
    const rows = statement.all(bound) as Row[];
    if (decode.length > 0) for (const row of rows) decodeRow(row, decode);
    return rows;
  } catch (error) {
    throw translateSqliteError(error);
  }
}

function decodeRow(row: Record<string, Value>, decode: Decoder[]): void {
  for (const { from, to, kind } of decode) {
    const value = row[from];
    if (from !== to) delete row[from];
    row[to] = value === null || value === undefined ? null : kind === 'bool' ? Boolean(value) : JSON.parse(String(value));
  }
}

/** The shared normaliser, then what SQLite binds: booleans as 0/1, lists and maps as JSON text. */
function bindParams(query: string, params?: Params): Record<string, unknown> {
  const values = normaliseParams(query, params);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) out[name] = bindable(value);
  return out;
}

function bindable(value: Value | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** A unique-key violation becomes the engine-neutral DuplicateKeyError; anything else is kept. */
export function translateSqliteError(error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new DuplicateKeyError((error as Error).message);
  }
  return error;
}
