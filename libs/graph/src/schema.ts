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
}
export interface RelTable {
  type: string;
  pairs: [from: string, to: string][];
  columns: Record<string, ColumnType>;
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
      id: 'STRING',
      name: 'STRING',
      kind: 'STRING',
      sector: 'STRING',
      businessId: 'STRING',
      nameKey: 'STRING',
      website: 'STRING',
      permanent: 'BOOLEAN',
      mergedNames: 'STRING[]',
      ...listed,
      ...stamps,
      // Version 2. JSON text (a list of MergedOrganisation): Neo4j cannot store maps, and a CSV bulk
      // load would mangle JSON inside a STRING[]. Last, where ALTER puts it in an older database.
      mergedFrom: 'STRING',
    },
  },
  {
    label: 'Project',
    key: 'id',
    columns: {
      id: 'STRING',
      code: 'STRING',
      name: 'STRING',
      programme: 'STRING',
      fund: 'STRING',
      priorityAxis: 'STRING',
      startDate: 'DATE',
      endDate: 'DATE',
      budget: 'DOUBLE',
      publicFunding: 'DOUBLE',
      description: 'STRING',
      outputs: 'STRING',
      ...listed,
      ...stamps,
      // Version 2, last where ALTER puts them: the structural-fund registry's granted and paid EU
      // and state funding.
      grantedFunding: 'DOUBLE',
      paidFunding: 'DOUBLE',
    },
  },
  {
    label: 'Activity',
    key: 'id',
    columns: {
      id: 'STRING',
      name: 'STRING',
      type: 'STRING',
      startDate: 'DATE',
      endDate: 'DATE',
      description: 'STRING',
      ...listed,
      ...stamps,
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
  {
    // A named professional, recorded only with their consent (docs/privacy.md).
    label: 'Person',
    key: 'id',
    columns: {
      id: 'STRING',
      name: 'STRING',
      email: 'STRING',
      roleTitle: 'STRING',
      consentGivenAt: 'DATE',
      consentText: 'STRING',
      ...stamps,
    },
  },
  {
    // One recorded change (history.ts in libs/domain): effects are JSON, the id lists make it findable.
    label: 'Change',
    key: 'id',
    columns: {
      id: 'STRING',
      at: 'STRING',
      sortKey: 'STRING',
      actorId: 'STRING',
      actorEmail: 'STRING',
      operation: 'STRING',
      entityKind: 'STRING',
      entityId: 'STRING',
      label: 'STRING',
      entityIds: 'STRING[]',
      refIds: 'STRING[]',
      networkIds: 'STRING[]',
      effects: 'STRING',
      undoOf: 'STRING',
      undoneBy: 'STRING',
    },
  },
  { label: 'Meta', key: 'key', columns: { key: 'STRING', value: 'STRING' } },
  // Accounts (issue 7). A token is found by the hash of its secret, so the hash is the key.
  {
    label: 'User',
    key: 'id',
    columns: {
      id: 'STRING',
      email: 'STRING',
      name: 'STRING',
      passwordHash: 'STRING',
      isAdmin: 'BOOLEAN',
      lastLoginAt: 'STRING',
      ...stamps,
    },
  },
  {
    label: 'AccessToken',
    key: 'hash',
    columns: {
      hash: 'STRING',
      id: 'STRING',
      kind: 'STRING',
      name: 'STRING',
      createdAt: 'STRING',
      expiresAt: 'STRING',
      lastUsedAt: 'STRING',
    },
  },
];

export const REL_TABLES: RelTable[] = [
  {
    type: 'PARTICIPATES',
    pairs: [
      ['Organisation', 'Project'],
      ['Organisation', 'Activity'],
      ['Organisation', 'Network'],
    ],
    // source is a TieSourceKind, sourceRef says which person, file row or registry record;
    // the last two columns came with version 2, so they stay last (COPY takes table order).
    columns: {
      id: 'STRING',
      role: 'STRING',
      ...dated,
      source: 'STRING',
      createdAt: 'STRING',
      sourceRef: 'STRING',
      confirmedAt: 'STRING',
    },
  },
  { type: 'RUNS_UNDER', pairs: [['Activity', 'Project']], columns: {} },
  {
    type: 'CONTINUES',
    pairs: [
      ['Activity', 'Activity'],
      ['Project', 'Project'],
    ],
    columns: {},
  },
  {
    type: 'IN_NETWORK',
    pairs: [
      ['Activity', 'Network'],
      ['Project', 'Network'],
    ],
    columns: {},
  },
  {
    type: 'USES_METHOD',
    pairs: [
      ['Activity', 'Method'],
      ['Project', 'Method'],
    ],
    columns: {},
  },
  {
    type: 'SERVES',
    pairs: [
      ['Activity', 'TargetGroup'],
      ['Project', 'TargetGroup'],
    ],
    columns: {},
  },
  {
    type: 'LOCATED_IN',
    pairs: [
      ['Organisation', 'Municipality'],
      ['Activity', 'Municipality'],
      ['Municipality', 'Region'],
      ['Network', 'Region'],
    ],
    columns: {},
  },
  { type: 'ADOPTED', pairs: [['Organisation', 'OperatingModel']], columns: { ...dated } },
  { type: 'WORKS_FOR', pairs: [['Person', 'Organisation']], columns: {} },
  { type: 'MEMBER_OF', pairs: [['User', 'Network']], columns: { role: 'STRING', createdAt: 'STRING' } },
  { type: 'HOLDS', pairs: [['User', 'AccessToken']], columns: {} },
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

/**
 * Version 2: accounts, the change history, named persons, structured tie sources, merge
 * records and the registry's funding columns. Ties written before it keep their old free-text source as the reference: the demo's as
 * DEMO, the others as MANUAL.
 */
const TIE_SOURCE_UPGRADE = [
  "MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.source = 'demo data' SET r.source = 'DEMO', r.sourceRef = 'seeds'",
  "MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE NOT r.source IN ['MANUAL', 'IMPORT', 'REGISTRY', 'DEMO'] SET r.sourceRef = r.source",
  "MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.source IS NULL OR NOT r.source IN ['MANUAL', 'IMPORT', 'REGISTRY', 'DEMO'] SET r.source = 'MANUAL'",
];

const neo4jKey = (t: NodeTable) => `CREATE CONSTRAINT ${t.label.toLowerCase()}_${t.key} IF NOT EXISTS FOR (n:${t.label}) REQUIRE n.${t.key} IS UNIQUE`;

export const NEO4J_SCHEMA: Record<number, string[]> = {
  1: [
    ...NODE_TABLES.filter((t) => t.label !== 'Meta').map(neo4jKey),
    ...['Organisation', 'Project', 'Activity', 'Network'].map((label) => `CREATE INDEX ${label.toLowerCase()}_sort IF NOT EXISTS FOR (n:${label}) ON (n.sortKey)`),
    'CREATE INDEX organisation_business_id IF NOT EXISTS FOR (n:Organisation) ON (n.businessId)',
    'CREATE INDEX organisation_name_key IF NOT EXISTS FOR (n:Organisation) ON (n.nameKey)',
    'CREATE INDEX project_code IF NOT EXISTS FOR (n:Project) ON (n.code)',
    'CREATE INDEX participates_id IF NOT EXISTS FOR ()-[r:PARTICIPATES]-() ON (r.id)',
  ],
  2: [
    ...['User', 'AccessToken', 'Person', 'Change'].map((label) => neo4jKey(nodeTable(label))),
    // One account per email (the account store checks it too, for a clear message).
    'CREATE CONSTRAINT user_email IF NOT EXISTS FOR (n:User) REQUIRE n.email IS UNIQUE',
    'CREATE INDEX change_sort IF NOT EXISTS FOR (n:Change) ON (n.sortKey)',
    ...TIE_SOURCE_UPGRADE,
  ],
};

/** The statement that must exist before Neo4j's schema version can be read. */
export const BOOTSTRAP = 'CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE';
