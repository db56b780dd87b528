import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as kuzu from 'kuzu';
import type { BulkTable, CypherEngine, CypherTx, CypherValue, Dialect, Params, Row } from './cypher-engine';
import { DuplicateKeyError } from './cypher-engine';
import { applyMigrations } from './migrations';
import { Mutex } from './mutex';
import { normaliseParams } from './params';
import { BOOTSTRAP, KUZU_SCHEMA, nodeTable, relTable } from '../schema';

export const kuzuDialect: Dialect = {
  name: 'embedded',
  label: (v) => `label(${v})`,
  stringList: (p) => `CAST($${p} AS STRING[])`,
  toFloat: (e) => `CAST(${e} AS DOUBLE)`,
  schema: KUZU_SCHEMA,
};

/**
 * Kùzu in-process: files under one folder, one Database per process (ENGINES.md §4).
 * Reads use their own connection and see committed snapshots; writes go through one connection
 * behind a mutex, each as BEGIN…COMMIT that stops at the first error (H6, H7).
 */
export class KuzuEngine implements CypherEngine {
  readonly name = 'embedded' as const;
  readonly dialect = kuzuDialect;
  /** Kùzu opens its folder for one process only (ENGINES.md §4). */
  readonly soleWriter = true;
  private readonly db: kuzu.Database;
  /** Reads queue per connection; two let the snapshot's independent queries use both cores. */
  private readonly readers: kuzu.Connection[];
  private nextReader = 0;
  private readonly writer: kuzu.Connection;
  private readonly writes = new Mutex();
  private readonly prepared = new Map<kuzu.Connection, Map<string, Promise<kuzu.PreparedStatement>>>();
  /**
   * Compiling two different statements at once on one connection (two `prepare` or `query` calls
   * in flight) segfaults Kùzu 0.11.3; executing prepared statements at once does not. So every
   * compile on a connection waits for the previous one.
   */
  private readonly compiling = new Map<kuzu.Connection, Mutex>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new kuzu.Database(join(dataDir, 'verkosto.kuzu'));
    this.readers = [new kuzu.Connection(this.db), new kuzu.Connection(this.db)];
    this.writer = new kuzu.Connection(this.db);
    // The binding opens a connection lazily on its first query, and two first queries at once
    // open it twice and crash the process (kuzu 0.11.3); the snapshot sends seven at once.
    for (const connection of [...this.readers, this.writer]) connection.initSync();
  }

  async migrate(): Promise<void> {
    await this.writes.run(() =>
      applyMigrations(BOOTSTRAP.embedded, this.dialect.schema, {
        ddl: (statement) => this.raw(this.writer, statement).then(() => undefined),
        run: (query, params) => this.exec(this.writer, query, params),
      }),
    );
  }

  read(query: string, params?: Params): Promise<Row[]> {
    this.nextReader = (this.nextReader + 1) % this.readers.length;
    return this.exec(this.readers[this.nextReader], query, params);
  }

  write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      await this.raw(this.writer, 'BEGIN TRANSACTION');
      // H7: after a failed statement Kùzu has rolled back and would auto-commit the next ones,
      // so the first failure poisons this transaction even if `work` catches it.
      const state: { failed: boolean; error?: unknown } = { failed: false };
      const guarded = async <R>(step: () => Promise<R>): Promise<R> => {
        if (state.failed) throw new Error('This transaction has already failed and was rolled back; nothing more runs in it.');
        try {
          return await step();
        } catch (error) {
          Object.assign(state, { failed: true, error });
          throw error;
        }
      };
      try {
        const result = await work({
          run: (query, params) => guarded(() => this.exec(this.writer, query, params)),
          bulkLoad: (tables) => guarded(() => this.copy(tables)),
        });
        if (state.failed) throw state.error;
        await this.raw(this.writer, 'COMMIT');
        return result;
      } catch (error) {
        // After an error Kùzu may already have rolled back (H7); a second rollback is harmless.
        await this.raw(this.writer, 'ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /**
   * COPY FROM CSV, inside the open write transaction so it rolls back with it:
   * ~300× faster than row-by-row relationship creation (ENGINES.md §5). CSV cannot carry two
   * things faithfully: Kùzu reads an empty string as null, and cuts list items at commas and
   * brackets. Such lists are set by key after the COPY (see toCsv); the rare rows holding an
   * empty string are created one by one with parameters.
   */
  private async copy(tables: BulkTable[]): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'verkosto-copy-'));
    try {
      for (const [i, table] of tables.entries()) {
        const viaCsv = table.rows.filter((row) => !hasEmptyString(row));
        if (viaCsv.length > 0) {
          const file = join(dir, `${i}.csv`);
          const { csv, lists } = toCsv({ ...table, rows: viaCsv });
          writeFileSync(file, csv);
          const endpoints = table.from ? `, from='${table.from}', to='${table.to}'` : '';
          // The dialect is spelled out: left to sniff it from the first lines, Kùzu takes a file
          // whose first quoted field comes late for one without quotes, and splits that field.
          await this.raw(
            this.writer,
            `COPY ${table.name} FROM '${file}' (header=true, parallel=false, auto_detect=false, delim=',', quote='"', escape='"'${endpoints})`,
          );
          for (const { key, column, value } of lists) {
            const { key: keyColumn } = nodeTable(table.name);
            await this.exec(this.writer, `MATCH (n:${table.name} {${keyColumn}: $key}) SET n.${column} = CAST($value AS STRING[])`, { key, value });
          }
        }
        const oneByOne = table.rows.filter(hasEmptyString);
        if (oneByOne.length === 0) continue;
        const insert = table.from ? relInsert(table.name, table.from, table.to ?? '') : nodeInsert(table.name);
        for (const row of oneByOne) {
          const params = table.from ? { ...row, endpointFrom: row.from, endpointTo: row.to } : row;
          const [created] = await this.exec(this.writer, insert, params);
          if (table.from && Number(created?.n) !== 1) throw new Error(`A ${table.name} row names a missing ${table.from} ${row.from} or ${table.to} ${row.to}.`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await this.writes.run(async () => {
      for (const reader of this.readers) await reader.close();
      await this.writer.close();
      await this.db.close();
    });
  }

  private async exec(conn: kuzu.Connection, query: string, params?: Params): Promise<Row[]> {
    const values = normaliseParams(query, params);
    refuseEmptyInLists(query, values);
    const statement = await this.prepare(conn, query);
    try {
      return (await drain(await conn.execute(statement, values as Record<string, kuzu.KuzuValue>))).map(toRow);
    } catch (error) {
      throw translate(error);
    }
  }

  private async raw(conn: kuzu.Connection, statement: string): Promise<void> {
    try {
      await this.compileLock(conn).run(async () => drain(await conn.query(statement)));
    } catch (error) {
      throw translate(error);
    }
  }

  private compileLock(conn: kuzu.Connection): Mutex {
    let lock = this.compiling.get(conn);
    if (!lock) this.compiling.set(conn, (lock = new Mutex()));
    return lock;
  }

  private prepare(conn: kuzu.Connection, query: string): Promise<kuzu.PreparedStatement> {
    let cache = this.prepared.get(conn);
    if (!cache) this.prepared.set(conn, (cache = new Map()));
    let statement = cache.get(query);
    if (!statement) {
      statement = this.compileLock(conn).run(() => conn.prepare(query)).then((ps) => {
        if (!ps.isSuccess()) throw new Error(`Cypher error: ${ps.getErrorMessage()}\n${query}`);
        return ps;
      });
      statement.catch(() => cache.delete(query));
      cache.set(query, statement);
    }
    return statement;
  }
}

/**
 * Rows fetched synchronously per turn of the event loop. The binding's async `getAll` makes one
 * thread-pool round trip per row: 260,000 participation rows took 9.2 s that way and 0.7 s in
 * synchronous chunks, which still let other requests run between chunks.
 */
const FETCH_CHUNK = 2000;

/**
 * Reads the last result and closes every one: a QueryResult left open when the database closes
 * segfaults the process at exit (seen with kuzu 0.11.3), so none may outlive its call.
 */
async function drain(result: kuzu.QueryResult | kuzu.QueryResult[]): Promise<Record<string, kuzu.KuzuValue>[]> {
  const results = Array.isArray(result) ? result : [result];
  try {
    const last = results[results.length - 1];
    const rows: Record<string, kuzu.KuzuValue>[] = [];
    while (last.hasNext()) {
      for (let i = 0; i < FETCH_CHUNK && last.hasNext(); i++) rows.push(last.getNextSync()!);
      if (last.hasNext()) await new Promise((resolve) => setImmediate(resolve));
    }
    return rows;
  } finally {
    results.forEach((r) => r.close());
  }
}

/** H4: `x IN $p` with an empty or null list crashes the process; only the CAST form is safe. */
function refuseEmptyInLists(query: string, values: Record<string, CypherValue>): void {
  for (const [name, value] of Object.entries(values)) {
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (empty && new RegExp(`IN\\s+\\$${name}\\b`).test(query)) {
      throw new TypeError(`Parameter $${name} is an empty list in "IN $${name}": use dialect.stringList.`);
    }
  }
}

function translate(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/duplicated primary key/i.test(message)) return new DuplicateKeyError(message);
  return error instanceof Error ? error : new Error(message);
}

/** Result normaliser: DATE → 'YYYY-MM-DD', bigint → number, nested values likewise. */
function toRow(record: Record<string, kuzu.KuzuValue>): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(record)) row[key] = toPlain(value);
  return row;
}

function toPlain(value: unknown): CypherValue {
  if (value === null || value === undefined) return null;
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toPlain(v)]));
  }
  return value as CypherValue;
}

/** Kùzu reads an empty CSV field as null: a row holding an empty string is created with parameters. */
function hasEmptyString(row: Record<string, CypherValue>): boolean {
  return Object.values(row).some((v) => v === '');
}

const value = (name: string, type: string) => (type === 'DATE' ? `date($${name})` : `$${name}`);

/** One node with every schema column, for the rows COPY cannot carry. */
export function nodeInsert(label: string): string {
  const table = nodeTable(label);
  const rest = Object.entries(table.columns).filter(([name]) => name !== table.key);
  const set = rest.length > 0 ? ` SET ${rest.map(([name, type]) => `n.${name} = ${value(name, type)}`).join(', ')}` : '';
  return `CREATE (n:${label} {${table.key}: $${table.key}})${set}`;
}

/** One relationship between existing nodes found by key; returns 1 when both were found. */
export function relInsert(type: string, from: string, to: string): string {
  const columns = Object.entries(relTable(type).columns);
  const props = columns.length > 0 ? ` {${columns.map(([name, t]) => `${name}: ${value(name, t)}`).join(', ')}}` : '';
  return `MATCH (a:${from} {${nodeTable(from).key}: $endpointFrom}), (b:${to} {${nodeTable(to).key}: $endpointTo})
CREATE (a)-[r:${type}${props}]->(b) RETURN count(r) AS n`;
}

/**
 * COPY takes every column in table order, relationship endpoints first. A list whose items hold a
 * comma, bracket, quote or edge space cannot be written so that COPY reads it back (it keeps
 * quotes inside list items); it is left empty here and set by key after the COPY.
 */
function toCsv(table: BulkTable): { csv: string; lists: { key: CypherValue; column: string; value: CypherValue[] }[] } {
  const columns = table.from
    ? ['from', 'to', ...Object.keys(relTable(table.name).columns)]
    : Object.keys(nodeTable(table.name).columns);
  const lists: { key: CypherValue; column: string; value: CypherValue[] }[] = [];
  const lines = [columns.join(',')];
  for (const row of table.rows) {
    const cells = columns.map((column) => {
      const value = row[column] ?? null;
      if (!Array.isArray(value) || value.every((item) => COPYABLE_ITEM.test(String(item)))) return csvField(value);
      if (table.from) throw new Error(`${table.name}.${column}: a list item cannot be bulk-loaded on a relationship.`);
      lists.push({ key: row[nodeTable(table.name).key], column, value });
      return '';
    });
    lines.push(cells.join(','));
  }
  return { csv: lines.join('\n') + '\n', lists };
}

const COPYABLE_ITEM = /^(?:[^,\[\]'"\\\s]|[^,\[\]'"\\\s][^,\[\]'"\\]*[^,\[\]'"\\\s])$/;

function csvField(value: CypherValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return csvField(`[${value.join(',')}]`);
  const text = String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}
