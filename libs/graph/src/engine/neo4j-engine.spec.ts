import { lintCypherQuery, testData, type DbSchema, type SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import neo4j from 'neo4j-driver';
import { BOOTSTRAP, NEO4J_SCHEMA, NODE_TABLES, REL_TABLES } from '../schema';
import { buildAccountQueries } from '../accounts/account-queries';
import { buildQueries } from '../store/queries';
import { DuplicateKeyError } from './engine';
import { MIGRATION_QUERIES } from './migrations';
import { Neo4jEngine, bulkLoadQueries, toNeo4jParams, toPlainNeo4j, translateNeo4jError } from './neo4j-engine';
import { referencedParams } from './params';

/** [path, text] for every string in the query tree: `organisation.list`, `snapshot.structural.CONTINUES`… */
function walk(node: unknown, path: string): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((child, i) => walk(child, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) => walk(child, path ? `${path}.${key}` : key));
  }
  throw new Error(`${path} is neither text nor a group of texts`);
}

const texts: [string, string][] = [
  ...walk(buildQueries(), ''),
  ...walk(buildAccountQueries(), 'accounts'),
  ...walk(NEO4J_SCHEMA, 'NEO4J_SCHEMA'),
  ['BOOTSTRAP', BOOTSTRAP],
  ...walk(MIGRATION_QUERIES, 'MIGRATION_QUERIES'),
  ...walk(bulkLoadQueries(), 'bulkLoad'),
];

/**
 * What the linter knows about the database, from schema.ts: with it, a misspelt label, type or
 * property is reported, and so is a relationship between labels schema.ts does not connect.
 * Functions: Neo4j 5's built-ins, from the package's own snapshot of a server's SHOW FUNCTIONS
 * (APOC dropped), so a function Neo4j lacks (label, to_double, list_transform…) is an error.
 */
const schema: DbSchema = {
  defaultLanguage: 'CYPHER 5',
  labels: NODE_TABLES.map((t) => t.label),
  relationshipTypes: REL_TABLES.map((t) => t.type),
  graphSchema: REL_TABLES.flatMap((t) => t.pairs.map(([from, to]) => ({ from, to, relType: t.type }))),
  // `from` and `to` are keys of the bulk-load row maps (`row.from`), not stored properties.
  propertyKeys: [...new Set([...NODE_TABLES, ...REL_TABLES].flatMap((t) => Object.keys(t.columns)).concat('from', 'to'))],
  functions: {
    'CYPHER 5': Object.fromEntries(Object.entries(testData.mockSchema.functions?.['CYPHER 5'] ?? {}).filter(([, f]) => f.isBuiltIn)),
  },
};

/**
 * The one notice tolerated: "cartesian product" for `MATCH (n:A {id: $id}), (t:B {id: $x})`. Both
 * sides are lookups by a uniquely constrained key, so the product is one row by one row.
 */
const CARTESIAN = /cartesian product/;

const linted = new Map<string, SyntaxDiagnostic[]>();
function lint(query: string): SyntaxDiagnostic[] {
  // Every referenced parameter is declared: the engine always sends them all (missing ones as null).
  const parameters = Object.fromEntries(referencedParams(query).map((p) => [p, null]));
  if (!linted.has(query)) linted.set(query, lintCypherQuery(query, { ...schema, parameters }).diagnostics);
  return linted.get(query)!;
}

const message = (d: SyntaxDiagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const describeDiagnostic = (query: string, d: SyntaxDiagnostic) => `${message(d)} at «${query.slice(d.offsets.start, d.offsets.end)}»`;

describe("Neo4j's parser and semantic analysis accept every text the neo4j engine sends", () => {
  it('the built-in function list is loaded (otherwise unknown functions would pass unnoticed)', () => {
    expect(Object.keys(schema.functions?.['CYPHER 5'] ?? {})).toEqual(expect.arrayContaining(['date', 'labels', 'toLower']));
  });

  it.each(texts)('%s', (_path, query) => {
    const problems = lint(query)
      .filter((d) => !CARTESIAN.test(message(d)))
      .map((d) => describeDiagnostic(query, d));
    expect(problems).toEqual([]);
  });

  it('tolerates the cartesian-product notice only where both sides are key lookups', () => {
    // Today: the 12 `links.*.link` texts, `MATCH (n:From {id: $id}), (t:To {key: $target}) CREATE …`.
    const noticed = texts.filter(([, q]) => lint(q).some((d) => CARTESIAN.test(message(d)))).map(([path]) => path);
    expect(noticed.filter((path) => !/^links\.(one|many)\..+\.link$/.test(path))).toEqual([]);
  });
});

describe('bulk-load texts', () => {
  const q = bulkLoadQueries();

  it('set every schema column, dates through date()', () => {
    expect(q.Project).toBe(
      'UNWIND $rows AS row CREATE (n:Project) SET n.id = row.id, n.code = row.code, n.name = row.name, ' +
        'n.programme = row.programme, n.fund = row.fund, n.priorityAxis = row.priorityAxis, ' +
        'n.startDate = date(row.startDate), n.endDate = date(row.endDate), n.budget = row.budget, ' +
        'n.publicFunding = row.publicFunding, n.description = row.description, n.outputs = row.outputs, ' +
        'n.searchText = row.searchText, n.sortKey = row.sortKey, n.createdAt = row.createdAt, n.updatedAt = row.updatedAt, ' +
        'n.grantedFunding = row.grantedFunding, n.paidFunding = row.paidFunding',
    );
  });

  it('find relationship endpoints by their key (code for municipalities and regions)', () => {
    expect(q['LOCATED_IN(Municipality->Region)']).toContain('(a:Municipality {code: row.from}) MATCH (b:Region {code: row.to})');
    expect(q['PARTICIPATES(Organisation->Project)']).toContain('SET r.id = row.id, r.role = row.role, r.validFrom = date(row.validFrom)');
    expect(q['RUNS_UNDER(Activity->Project)']).not.toContain('SET');
  });
});

describe('toPlainNeo4j', () => {
  it('turns safe Integers into numbers and refuses unsafe ones', () => {
    expect(toPlainNeo4j(neo4j.int(5))).toBe(5);
    expect(() => toPlainNeo4j(neo4j.int('9007199254740993'))).toThrow(RangeError);
    expect(toPlainNeo4j(BigInt(7))).toBe(7);
    expect(() => toPlainNeo4j(BigInt('9007199254740993'))).toThrow(RangeError);
  });

  it('turns temporal values into ISO text', () => {
    expect(toPlainNeo4j(new neo4j.types.Date(2020, 2, 29))).toBe('2020-02-29');
    expect(toPlainNeo4j(new neo4j.types.DateTime(2020, 1, 2, 3, 4, 5, 0, 7200))).toBe('2020-01-02T01:04:05.000Z');
    expect(toPlainNeo4j(new neo4j.types.LocalDateTime(2020, 1, 2, 3, 4, 5, 0))).toBe('2020-01-02T03:04:05');
  });

  it('turns nodes and relationships into their plain properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Organisation'], { id: 'a', n: neo4j.int(2) }, 'e1');
    expect(toPlainNeo4j(node)).toEqual({ id: 'a', n: 2 });
    const rel = new neo4j.types.Relationship(
      neo4j.int(3),
      neo4j.int(1),
      neo4j.int(2),
      'PARTICIPATES',
      {
        validFrom: new neo4j.types.Date(2021, 6, 1),
      },
      'r3',
      'e1',
      'e2',
    );
    expect(toPlainNeo4j(rel)).toEqual({ validFrom: '2021-06-01' });
  });

  it('recurses into lists and maps', () => {
    expect(toPlainNeo4j({ ids: ['a', 'b'], counts: [neo4j.int(1), neo4j.int(2)], inner: { at: new neo4j.types.Date(2024, 12, 31), x: null } })).toEqual({
      ids: ['a', 'b'],
      counts: [1, 2],
      inner: { at: '2024-12-31', x: null },
    });
  });
});

describe('toNeo4jParams', () => {
  it('sends LIMIT and SKIP values as Integers and every other number as a float', () => {
    const p = toNeo4jParams('MATCH (p:Project) WHERE p.budget > $budget RETURN p.id AS id SKIP $skip LIMIT $limit', {
      budget: 1000,
      skip: 0,
      limit: 51,
    });
    expect(neo4j.isInt(p.limit)).toBe(true);
    expect((p.limit as ReturnType<typeof neo4j.int>).toNumber()).toBe(51);
    expect(neo4j.isInt(p.skip)).toBe(true);
    expect(p.budget).toBe(1000);
  });

  it('refuses a fractional LIMIT', () => {
    expect(() => toNeo4jParams('MATCH (n) RETURN n.id AS id LIMIT $limit', { limit: 2.5 })).toThrow(TypeError);
  });

  it('drops unused parameters and sends missing ones as null', () => {
    expect(toNeo4jParams('MATCH (n:Project {id: $id}) WHERE $q IS NULL RETURN n.id AS id', { id: 'x', extra: 1 })).toEqual({
      id: 'x',
      q: null,
    });
  });
});

describe('translateNeo4jError', () => {
  it('maps a unique-constraint violation to DuplicateKeyError and keeps other errors', () => {
    const duplicate = new neo4j.Neo4jError('already exists', 'Neo.ClientError.Schema.ConstraintValidationFailed', '22N41', '');
    expect(translateNeo4jError(duplicate)).toBeInstanceOf(DuplicateKeyError);
    const other = new neo4j.Neo4jError('syntax', 'Neo.ClientError.Statement.SyntaxError', '42001', '');
    expect(translateNeo4jError(other)).toBe(other);
  });
});

describe('Neo4jEngine against an unreachable server', () => {
  it.each(['bolt://127.0.0.1:1', 'neo4j://127.0.0.1:1'])('verify() rejects for %s', async (uri) => {
    const engine = new Neo4jEngine({ uri, user: 'neo4j', password: 'x' });
    await expect(engine.verify()).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    await engine.close();
  });
});

/**
 * The wiring (sessions, transactions, batching, conversions both ways) pinned against a recording
 * stand-in for the driver, so it is checked without a server too; the store contract suite on the
 * test Neo4j is the real test.
 */
describe('Neo4jEngine wiring (driver stand-in)', () => {
  type Call = { mode: string; query: string; params: Record<string, unknown> };
  let calls: Call[];
  let reply: (query: string, params: Record<string, unknown>) => Record<string, unknown>[];

  beforeEach(() => {
    calls = [];
    reply = () => [];
    const session = (config: { defaultAccessMode: string; bookmarkManager?: unknown }) => {
      expect(config.bookmarkManager).toBeDefined();
      const tx = {
        run: async (query: string, params: Record<string, unknown>) => {
          calls.push({ mode: config.defaultAccessMode, query, params });
          return { records: reply(query, params).map((r) => ({ toObject: () => r })) };
        },
      };
      return {
        executeRead: (work: (t: typeof tx) => unknown) => work(tx),
        executeWrite: (work: (t: typeof tx) => unknown) => work(tx),
        run: (query: string, params?: Record<string, unknown>) => tx.run(query, params ?? {}),
        close: async () => undefined,
      };
    };
    jest.spyOn(neo4j, 'driver').mockReturnValue({ session, close: async () => undefined } as never);
  });
  afterEach(() => jest.restoreAllMocks());

  const engine = () => new Neo4jEngine({ uri: 'neo4j://cluster:7687', user: 'neo4j', password: 'x' });

  it('reads in a READ session and returns plain rows', async () => {
    reply = () => [{ n: neo4j.int(3), at: new neo4j.types.Date(2020, 1, 2) }];
    const rows = await engine().read('MATCH (n:Project) RETURN count(n) AS n LIMIT $limit', { limit: 5, unused: 1 });
    expect(rows).toEqual([{ n: 3, at: '2020-01-02' }]);
    expect(calls[0].mode).toBe('READ');
    expect(Object.keys(calls[0].params)).toEqual(['limit']);
    expect(neo4j.isInt(calls[0].params.limit)).toBe(true);
  });

  it('bulk-loads in batches of 5,000 inside the write transaction, then has Neo4j plan again', async () => {
    reply = (_q, p) => (p.rows ? [{ created: neo4j.int((p.rows as unknown[]).length) }] : []);
    const rows = Array.from({ length: 12_001 }, (_, i) => ({ code: `${i}`, name: 'x', nameSv: 'y' }));
    await engine().write((tx) =>
      tx.bulkLoad([
        { name: 'Region', rows },
        { name: 'LOCATED_IN', from: 'Municipality', to: 'Region', rows: [{ from: '091', to: '01' }] },
        { name: 'Method', rows: [] },
      ]),
    );
    expect(calls.map((c) => [c.mode, (c.params.rows as unknown[] | undefined)?.length])).toEqual([
      ['WRITE', 5000],
      ['WRITE', 5000],
      ['WRITE', 2001],
      ['WRITE', 1],
      ['WRITE', undefined],
    ]);
    expect(calls[3].query).toContain('MATCH (a:Municipality {code: row.from})');
    expect(calls[4].query).toBe('CALL db.prepareForReplanning(300)');
  });

  it('refuses relationship rows whose endpoints are missing', async () => {
    reply = () => [{ created: neo4j.int(0) }];
    const load = engine().write((tx) => tx.bulkLoad([{ name: 'RUNS_UNDER', from: 'Activity', to: 'Project', rows: [{ from: 'a', to: 'nope' }] }]));
    await expect(load).rejects.toThrow(/missing Activity or Project/);
  });

  it('refuses a relationship between labels schema.ts does not connect', async () => {
    const load = engine().write((tx) => tx.bulkLoad([{ name: 'RUNS_UNDER', from: 'Project', to: 'Activity', rows: [{ from: 'p', to: 'a' }] }]));
    await expect(load).rejects.toThrow(/does not connect Project to Activity/);
  });

  it('surfaces a unique-key violation inside write() as DuplicateKeyError', async () => {
    reply = () => {
      throw new neo4j.Neo4jError('Node already exists', 'Neo.ClientError.Schema.ConstraintValidationFailed', '22N41', '');
    };
    await expect(engine().write((tx) => tx.run('CREATE (n:Project {id: $id})', { id: 'p' }))).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('migrates: bootstrap and schema as auto-commit DDL, the version in a write transaction', async () => {
    await engine().migrate();
    expect(calls[0].query).toBe(BOOTSTRAP);
    const steps = Object.keys(NEO4J_SCHEMA).map(Number);
    expect(calls.map((c) => c.query)).toEqual(expect.arrayContaining([...steps.flatMap((v) => NEO4J_SCHEMA[v]), ...MIGRATION_QUERIES]));
    expect(calls[calls.length - 1].params).toEqual({ version: String(Math.max(...steps)) });
  });
});
