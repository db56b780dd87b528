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

const BASE_NODE_TABLES: NodeTable[] = [
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
];

/**
 * Columns added after version 1, by the version that adds them. They come after the table's first
 * columns, because Kùzu's ALTER appends and COPY reads a row's columns in table order.
 */
const ADDED_COLUMNS: { version: number; label: string; columns: Record<string, ColumnType> }[] = [
  // The structural-fund registry's money: granted and paid EU and state funding.
  { version: 2, label: 'Project', columns: { grantedFunding: 'DOUBLE', paidFunding: 'DOUBLE' } },
];

export const NODE_TABLES: NodeTable[] = BASE_NODE_TABLES.map((t) => ({
  ...t,
  columns: Object.assign({}, t.columns, ...ADDED_COLUMNS.filter((a) => a.label === t.label).map((a) => a.columns)),
}));

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

/** Migration steps by version. Version 1 is the first model; later versions append ALTERs. */
export const KUZU_SCHEMA: Record<number, string[]> = {
  1: [
    ...BASE_NODE_TABLES.filter((t) => t.label !== 'Meta').map(
      (t) =>
        `CREATE NODE TABLE IF NOT EXISTS ${t.label}(${Object.entries(t.columns)
          .map(([name, type]) => `${name} ${type}${name === t.key ? ' PRIMARY KEY' : ''}`)
          .join(', ')})`,
    ),
    ...REL_TABLES.map((t) => {
      const pairs = t.pairs.map(([from, to]) => `FROM ${from} TO ${to}`);
      const columns = Object.entries(t.columns).map(([name, type]) => `${name} ${type}`);
      return `CREATE REL TABLE IF NOT EXISTS ${t.type}(${[...pairs, ...columns].join(', ')})`;
    }),
  ],
  ...addedColumnSteps(),
};

function addedColumnSteps(): Record<number, string[]> {
  const steps: Record<number, string[]> = {};
  for (const { version, label, columns } of ADDED_COLUMNS) {
    steps[version] = [
      ...(steps[version] ?? []),
      ...Object.entries(columns).map(([name, type]) => `ALTER TABLE ${label} ADD IF NOT EXISTS ${name} ${type}`),
    ];
  }
  return steps;
}

export const NEO4J_SCHEMA: Record<number, string[]> = {
  1: [
    ...NODE_TABLES.filter((t) => t.label !== 'Meta').map(
      (t) =>
        `CREATE CONSTRAINT ${t.label.toLowerCase()}_${t.key} IF NOT EXISTS FOR (n:${t.label}) REQUIRE n.${t.key} IS UNIQUE`,
    ),
    ...['Organisation', 'Project', 'Activity', 'Network'].map(
      (label) => `CREATE INDEX ${label.toLowerCase()}_sort IF NOT EXISTS FOR (n:${label}) ON (n.sortKey)`,
    ),
    'CREATE INDEX organisation_business_id IF NOT EXISTS FOR (n:Organisation) ON (n.businessId)',
    'CREATE INDEX organisation_name_key IF NOT EXISTS FOR (n:Organisation) ON (n.nameKey)',
    'CREATE INDEX project_code IF NOT EXISTS FOR (n:Project) ON (n.code)',
    'CREATE INDEX participates_id IF NOT EXISTS FOR ()-[r:PARTICIPATES]-() ON (r.id)',
  ],
  // Version 2 added project properties only; Neo4j needs no DDL for a property.
  2: [],
};

/** Statements that must exist before the version can be read. */
export const BOOTSTRAP: Record<'embedded' | 'neo4j', string> = {
  embedded: 'CREATE NODE TABLE IF NOT EXISTS Meta(key STRING PRIMARY KEY, value STRING)',
  neo4j: 'CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE',
};
