/**
 * The stored graph model (DESIGN §3) described once; each engine's DDL is generated from it.
 * Dates are DATE; timestamps are ISO strings (portable, no TIMESTAMP dialect); money is DOUBLE.
 * `searchText` holds the case- and accent-folded text that search matches; `sortKey` orders lists
 * and serves as the pagination cursor.
 */
export type ColumnType = 'STRING' | 'DATE' | 'DOUBLE' | 'BOOLEAN' | 'STRING[]';

export interface NodeTable {
  label: string;
  key: string;
  columns: Record<string, ColumnType>;
  /** The migration step that creates the table (1 when left out). */
  since?: number;
}
export interface RelTable {
  type: string;
  pairs: [from: string, to: string][];
  columns: Record<string, ColumnType>;
  since?: number;
}

const stamps = { createdAt: 'STRING', updatedAt: 'STRING' } as const;
const listed = { searchText: 'STRING', sortKey: 'STRING' } as const;
const dated = { validFrom: 'DATE', validTo: 'DATE' } as const;
const term = { nameFi: 'STRING', nameSv: 'STRING', nameEn: 'STRING' } as const;

export const NODE_TABLES: NodeTable[] = [
  {
    label: 'Organisation',
    key: 'id',
    columns: {
      id: 'STRING', name: 'STRING', kind: 'STRING', sector: 'STRING', businessId: 'STRING',
      nameKey: 'STRING', website: 'STRING', permanent: 'BOOLEAN', mergedNames: 'STRING[]',
      ...listed, ...stamps,
    },
  },
  {
    label: 'Project',
    key: 'id',
    columns: {
      id: 'STRING', code: 'STRING', name: 'STRING', programme: 'STRING', fund: 'STRING',
      priorityAxis: 'STRING', startDate: 'DATE', endDate: 'DATE', budget: 'DOUBLE',
      publicFunding: 'DOUBLE', description: 'STRING', outputs: 'STRING', ...listed, ...stamps,
    },
  },
  {
    label: 'Activity',
    key: 'id',
    columns: {
      id: 'STRING', name: 'STRING', type: 'STRING', startDate: 'DATE', endDate: 'DATE',
      description: 'STRING', ...listed, ...stamps,
    },
  },
  {
    label: 'Network',
    key: 'id',
    columns: { id: 'STRING', name: 'STRING', goal: 'STRING', visibility: 'STRING', ...listed, ...stamps },
  },
  { label: 'Method', key: 'id', columns: { id: 'STRING', ...term } },
  { label: 'TargetGroup', key: 'id', columns: { id: 'STRING', ...term } },
  { label: 'Municipality', key: 'code', columns: { code: 'STRING', name: 'STRING', nameSv: 'STRING' } },
  { label: 'Region', key: 'code', columns: { code: 'STRING', name: 'STRING', nameSv: 'STRING' } },
  {
    label: 'OperatingModel',
    key: 'id',
    columns: { id: 'STRING', name: 'STRING', description: 'STRING', ...stamps },
  },
  { label: 'Meta', key: 'key', columns: { key: 'STRING', value: 'STRING' } },
  // Accounts (issue 7). A token is found by the hash of its secret, so the hash is the key.
  {
    label: 'User',
    key: 'id',
    columns: {
      id: 'STRING', email: 'STRING', name: 'STRING', passwordHash: 'STRING', isAdmin: 'BOOLEAN',
      lastLoginAt: 'STRING', ...stamps,
    },
    since: 2,
  },
  {
    label: 'AccessToken',
    key: 'hash',
    columns: {
      hash: 'STRING', id: 'STRING', kind: 'STRING', name: 'STRING', createdAt: 'STRING',
      expiresAt: 'STRING', lastUsedAt: 'STRING',
    },
    since: 2,
  },
];

export const REL_TABLES: RelTable[] = [
  {
    type: 'PARTICIPATES',
    pairs: [['Organisation', 'Project'], ['Organisation', 'Activity'], ['Organisation', 'Network']],
    columns: { id: 'STRING', role: 'STRING', ...dated, source: 'STRING', createdAt: 'STRING' },
  },
  { type: 'RUNS_UNDER', pairs: [['Activity', 'Project']], columns: {} },
  { type: 'CONTINUES', pairs: [['Activity', 'Activity'], ['Project', 'Project']], columns: {} },
  { type: 'IN_NETWORK', pairs: [['Activity', 'Network'], ['Project', 'Network']], columns: {} },
  { type: 'USES_METHOD', pairs: [['Activity', 'Method'], ['Project', 'Method']], columns: {} },
  { type: 'SERVES', pairs: [['Activity', 'TargetGroup'], ['Project', 'TargetGroup']], columns: {} },
  {
    type: 'LOCATED_IN',
    pairs: [['Organisation', 'Municipality'], ['Activity', 'Municipality'], ['Municipality', 'Region'], ['Network', 'Region']],
    columns: {},
  },
  { type: 'ADOPTED', pairs: [['Organisation', 'OperatingModel']], columns: { ...dated } },
  { type: 'MEMBER_OF', pairs: [['User', 'Network']], columns: { role: 'STRING', createdAt: 'STRING' }, since: 2 },
  { type: 'HOLDS', pairs: [['User', 'AccessToken']], columns: {}, since: 2 },
];

export function nodeTable(label: string): NodeTable {
  const table = NODE_TABLES.find((t) => t.label === label);
  if (!table) throw new Error(`No node table ${label}`);
  return table;
}

export function relTable(type: string): RelTable {
  const table = REL_TABLES.find((t) => t.type === type);
  if (!table) throw new Error(`No relationship table ${type}`);
  return table;
}

const createdIn = (version: number) => (t: { since?: number }) => (t.since ?? 1) === version;

/** Kùzu tables of one migration step: node tables first, since relationship tables name them. */
function kuzuTables(version: number): string[] {
  return [
    ...NODE_TABLES.filter((t) => t.label !== 'Meta' && createdIn(version)(t)).map(
      (t) =>
        `CREATE NODE TABLE IF NOT EXISTS ${t.label}(${Object.entries(t.columns)
          .map(([name, type]) => `${name} ${type}${name === t.key ? ' PRIMARY KEY' : ''}`)
          .join(', ')})`,
    ),
    ...REL_TABLES.filter(createdIn(version)).map((t) => {
      const pairs = t.pairs.map(([from, to]) => `FROM ${from} TO ${to}`);
      const columns = Object.entries(t.columns).map(([name, type]) => `${name} ${type}`);
      return `CREATE REL TABLE IF NOT EXISTS ${t.type}(${[...pairs, ...columns].join(', ')})`;
    }),
  ];
}

/** Unique keys of one migration step's node tables (Neo4j has no tables, only constraints). */
const neo4jKeys = (version: number) =>
  NODE_TABLES.filter((t) => t.label !== 'Meta' && createdIn(version)(t)).map(
    (t) => `CREATE CONSTRAINT ${t.label.toLowerCase()}_${t.key} IF NOT EXISTS FOR (n:${t.label}) REQUIRE n.${t.key} IS UNIQUE`,
  );

/** Migration steps by version: 1 is the graph model, 2 the accounts. */
export const KUZU_SCHEMA: Record<number, string[]> = { 1: kuzuTables(1), 2: kuzuTables(2) };

export const NEO4J_SCHEMA: Record<number, string[]> = {
  1: [
    ...neo4jKeys(1),
    ...['Organisation', 'Project', 'Activity', 'Network'].map(
      (label) => `CREATE INDEX ${label.toLowerCase()}_sort IF NOT EXISTS FOR (n:${label}) ON (n.sortKey)`,
    ),
    'CREATE INDEX organisation_business_id IF NOT EXISTS FOR (n:Organisation) ON (n.businessId)',
    'CREATE INDEX organisation_name_key IF NOT EXISTS FOR (n:Organisation) ON (n.nameKey)',
    'CREATE INDEX project_code IF NOT EXISTS FOR (n:Project) ON (n.code)',
    'CREATE INDEX participates_id IF NOT EXISTS FOR ()-[r:PARTICIPATES]-() ON (r.id)',
  ],
  // One account per email: Kùzu has only the primary key, so the account store checks it there.
  2: [...neo4jKeys(2), 'CREATE CONSTRAINT user_email IF NOT EXISTS FOR (n:User) REQUIRE n.email IS UNIQUE'],
};

/** Statements that must exist before the version can be read. */
export const BOOTSTRAP: Record<'embedded' | 'neo4j', string> = {
  embedded: 'CREATE NODE TABLE IF NOT EXISTS Meta(key STRING PRIMARY KEY, value STRING)',
  neo4j: 'CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE',
};
