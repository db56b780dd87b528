import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionMode } from 'neo4j-driver';
import { buildAccountQueries } from '../accounts/account-queries';
import { buildQueries } from '../store/queries';
import type { BulkTable, StorageEngine, EngineTx, Value, Params, Row } from './engine';
import { DuplicateKeyError } from './engine';
import { applyMigrations } from './migrations';
import { Limit, Mutex } from './mutex';
import { normaliseParams } from './params';
import { BOOTSTRAP, NEO4J_SCHEMA, NODE_TABLES, REL_TABLES, nodeTable, relTable } from '../schema';

export interface Neo4jConfig {
  /** bolt://, neo4j:// (routing, for clusters) or their +s/+ssc TLS variants. */
  uri: string;
  user: string;
  password: string;
  /** Undefined: the server's default (home) database. */
  database?: string;
}

/** Rows per UNWIND batch: large enough to amortise round trips, small enough to keep messages modest. */
export const BULK_BATCH = 5_000;

const DUPLICATE_KEY = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * Neo4j 5 over Bolt. One driver (it pools connections and routes on a cluster); every session shares
 * one bookmark manager, so a read issued after a write returns sees that write even on another member.
 */
export class Neo4jEngine implements StorageEngine {
  readonly name = 'neo4j' as const;
  readonly queries = buildQueries();
  readonly accountQueries = buildAccountQueries();
  private readonly driver: Driver;
  private readonly database: string | undefined;
  private readonly bookmarks = neo4j.bookmarkManager();
  // The StorageEngine contract serialises writers (the store checks, then writes, in one transaction,
  // e.g. the duplicate-name check); Neo4j alone would interleave two such writers of this process.
  private readonly writes = new Mutex();
  // Reads in flight at once: beyond a few per core the server only shares its CPU more thinly,
  // and a write's statements queue behind every read in flight, the more so while writes wait:
  // each statement of a write is a round trip (10 writers + 40 readers: 10 writes/s at 8, 18 at 3).
  private writers = 0;
  private readonly reads = new Limit(() => (this.writers > 0 ? 2 : 8));

  constructor(config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    this.database = config.database;
  }

  /** Fails fast with the driver's own message when the server is unreachable or refuses the login. */
  async verify(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database });
  }

  async migrate(): Promise<void> {
    await this.writes.run(() =>
      applyMigrations(BOOTSTRAP, NEO4J_SCHEMA, {
        // Neo4j refuses schema changes inside a transaction that also reads or writes data, so each
        // DDL statement runs on its own in an auto-commit transaction.
        ddl: (statement) => this.withSession('WRITE', async (s) => void (await s.run(statement))),
        run: (query, params) => this.transact((tx) => tx.run(query, params)),
      }),
    );
  }

  read(query: string, params?: Params): Promise<Row[]> {
    // Auto-commit: one round trip, where a managed transaction takes a second for its COMMIT.
    return this.reads.run(() => this.withSession('READ', (s) => run(s, query, params)));
  }

  async write<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
    this.writers++;
    try {
      return await this.writes.run(async () => {
        let bulk = false;
        const result = await this.transact((tx) => work({ ...tx, bulkLoad: (tables) => ((bulk = true), tx.bulkLoad(tables)) }));
        if (bulk) await this.replan();
        return result;
      });
    } finally {
      this.writers--;
      this.reads.admit();
    }
  }

  /**
   * After a bulk load the index samples still describe the empty database, and every plan made
   * meanwhile scans a whole index where it should seek one key (a create made 10 look-ups of 10,000
   * entries each); Neo4j never replans them, as the label counts it checks were right. So: sample
   * the indexes again and drop the plans made, in one procedure. It needs admin rights; without
   * them (a hosted database) the plans stay, which is slower, not wrong.
   */
  private async replan(): Promise<void> {
    try {
      await this.withSession('WRITE', async (s) => void (await s.run('CALL db.prepareForReplanning(300)')));
    } catch {
      // Not allowed here: see above.
    }
  }

  /** Lets a write in progress finish before the driver's connections go. */
  async close(): Promise<void> {
    await this.writes.run(() => this.driver.close());
  }

  /**
   * One managed write transaction. executeWrite may call `work` again after a transient failure
   * (deadlock, leader switch); each attempt starts from a rolled-back state, so that is safe.
   */
  private transact<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) =>
      s.executeWrite((mtx) =>
        work({
          run: (query, params) => run(mtx, query, params),
          bulkLoad: (tables) => bulkLoad(mtx, tables),
        }),
      ),
    );
  }

  private async withSession<T>(mode: SessionMode, use: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await use(session);
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }
}

async function run(tx: Pick<ManagedTransaction, 'run'>, query: string, params?: Params): Promise<Row[]> {
  try {
    const result = await tx.run(query, toNeo4jParams(query, params));
    return result.records.map((record) => toPlainNeo4j(record.toObject()) as Row);
  } catch (error) {
    // Translated here too, so code inside `work` sees DuplicateKeyError; other errors stay
    // Neo4jErrors so executeWrite can still recognise the retryable ones.
    throw translateNeo4jError(error);
  }
}

// ── bulk load ────────────────────────────────────────────────────────────────────────────────

/** UNWIND text creating the nodes of one label: one assignment per schema column, dates via date(). */
export function nodeBulkQuery(label: string): string {
  const columns = Object.entries(nodeTable(label).columns);
  return `UNWIND $rows AS row CREATE (n:${label}) SET ${assignments('n', columns)}`;
}

/**
 * UNWIND text creating relationships between existing nodes found by key. Two MATCH clauses, not a
 * comma pattern: the same plan, without the linter's cartesian-product notice. count(*) lets the
 * caller refuse rows whose endpoints are missing (as the SQLite engine does).
 */
export function relBulkQuery(type: string, from: string, to: string): string {
  const table = relTable(type);
  if (!table.pairs.some(([f, t]) => f === from && t === to)) {
    throw new Error(`${type} does not connect ${from} to ${to} in schema.ts.`);
  }
  const columns = Object.entries(table.columns);
  const set = columns.length > 0 ? ` SET ${assignments('r', columns)}` : '';
  return `UNWIND $rows AS row MATCH (a:${from} {${nodeTable(from).key}: row.from}) MATCH (b:${to} {${nodeTable(to).key}: row.to})
CREATE (a)-[r:${type}]->(b)${set} RETURN count(*) AS created`;
}

/** Every bulk-load text this engine can send, by name: for the lint test. */
export function bulkLoadQueries(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of NODE_TABLES) out[t.label] = nodeBulkQuery(t.label);
  for (const t of REL_TABLES) for (const [from, to] of t.pairs) out[`${t.type}(${from}->${to})`] = relBulkQuery(t.type, from, to);
  return out;
}

function assignments(variable: string, columns: [string, string][]): string {
  return columns.map(([name, type]) => `${variable}.${name} = ${type === 'DATE' ? `date(row.${name})` : `row.${name}`}`).join(', ');
}

async function bulkLoad(tx: ManagedTransaction, tables: BulkTable[]): Promise<void> {
  for (const table of tables) {
    const query = table.from ? relBulkQuery(table.name, table.from, table.to ?? '') : nodeBulkQuery(table.name);
    for (let i = 0; i < table.rows.length; i += BULK_BATCH) {
      const rows = table.rows.slice(i, i + BULK_BATCH);
      const [result] = await run(tx, query, { rows });
      if (table.from && Number(result?.created) !== rows.length) {
        throw new Error(`${rows.length - Number(result?.created)} ${table.name} rows name a missing ${table.from} or ${table.to}.`);
      }
    }
  }
}

// ── values in and out ──────────────────────────────────────────────────────────────────────

const COUNTED = /\b(?:LIMIT|SKIP|OFFSET)\s+\$([A-Za-z_][A-Za-z0-9_]*)/gi;

/**
 * The shared normaliser, then Neo4j's one extra need: the driver sends every JS number as FLOAT,
 * which LIMIT and SKIP refuse (ENGINES.md N5), so those parameters become Integers. Every other
 * number stays a float, which is what DOUBLE columns (budget, funding) want.
 */
export function toNeo4jParams(query: string, params?: Params): Record<string, unknown> {
  const values: Record<string, unknown> = normaliseParams(query, params);
  for (const [, name] of query.matchAll(COUNTED)) {
    const value = values[name];
    if (typeof value !== 'number') continue;
    if (!Number.isSafeInteger(value)) throw new TypeError(`Parameter $${name} must be an integer, got ${value}.`);
    values[name] = neo4j.int(value);
  }
  return values;
}

/**
 * Result normaliser: plain JSON like the SQLite engine returns. Integer → number (refused beyond 2^53,
 * rather than silently rounded), Date → 'YYYY-MM-DD', DateTime → ISO instant, other temporals → their
 * ISO text, nodes and relationships → their properties, lists and maps recursively.
 */
export function toPlainNeo4j(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) throw new RangeError(`Integer ${value.toString()} does not fit a JS number.`);
    return value.toNumber();
  }
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`Integer ${value} does not fit a JS number.`);
    }
    return Number(value);
  }
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  if (neo4j.isLocalDateTime(value) || neo4j.isLocalTime(value) || neo4j.isTime(value) || neo4j.isDuration(value)) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlainNeo4j(value.properties);
  if (neo4j.isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((s) => s.end)].map(toPlainNeo4j),
      relationships: value.segments.map((s) => toPlainNeo4j(s.relationship)),
    };
  }
  if (Array.isArray(value)) return value.map(toPlainNeo4j);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`Unsupported Neo4j value ${proto?.constructor?.name ?? typeof value}: return scalars or maps.`);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainNeo4j(v)]));
  }
  return value as Value;
}

/** A unique-constraint violation becomes the engine-neutral DuplicateKeyError; anything else is kept. */
export function translateNeo4jError(error: unknown): unknown {
  if (error instanceof neo4j.Neo4jError && error.code === DUPLICATE_KEY) return new DuplicateKeyError(error.message);
  return error;
}
