/**
 * The graph model of schema.ts as SQLite tables. A node table per label, keyed by its key column;
 * a relationship table per type, one row per relationship, naming both ends by label and key, with
 * an index on each end. A trigger per node table deletes its relationships with it (Cypher's
 * DETACH DELETE). A relationship is written only between existing ends: every statement that
 * creates one selects its ends first, and a bulk load checks its new rows (sqlite-engine.ts).
 */
import { NODE_TABLES, REL_TABLES, type ColumnType } from '../schema';

/**
 * Declared column types. BOOLEAN and JSONTEXT are read back by the engine from the declared type
 * (0/1 → boolean, JSON text → list), so a statement reading a stored column needs no annotation.
 * JSONTEXT contains "TEXT", so SQLite gives it text affinity.
 */
const SQL_TYPES: Record<ColumnType, string> = {
  STRING: 'TEXT',
  DATE: 'TEXT',
  DOUBLE: 'REAL',
  BOOLEAN: 'BOOLEAN',
  'STRING[]': 'JSONTEXT',
};

/** The schema version this DDL creates: the one backups from version-2 databases of either engine carry. */
export const SQLITE_SCHEMA_VERSION = 2;

const q = (name: string) => `"${name}"`;

function nodeDdl(label: string, key: string, columns: Record<string, ColumnType>): string[] {
  const cols = Object.entries(columns).map(([name, type]) => `${q(name)} ${SQL_TYPES[type]}${name === key ? ' PRIMARY KEY NOT NULL' : ''}`);
  return [`CREATE TABLE IF NOT EXISTS ${q(label)} (${cols.join(', ')})`];
}

function relDdl(type: string, columns: Record<string, ColumnType>): string[] {
  const cols = Object.entries(columns).map(([name, t]) => `${q(name)} ${SQL_TYPES[t]}`);
  return [
    `CREATE TABLE IF NOT EXISTS ${q(type)} (src TEXT NOT NULL, srcLabel TEXT NOT NULL, dst TEXT NOT NULL, dstLabel TEXT NOT NULL${cols.map((c) => `, ${c}`).join('')})`,
    `CREATE INDEX IF NOT EXISTS ${q(`${type}_src`)} ON ${q(type)} (src, srcLabel)`,
    `CREATE INDEX IF NOT EXISTS ${q(`${type}_dst`)} ON ${q(type)} (dst, dstLabel)`,
  ];
}

/** Deleting a node deletes every relationship at either of its ends. */
function detachOnDelete(label: string, key: string): string | null {
  const deletes = REL_TABLES.flatMap((t) => {
    const ends: string[] = [];
    if (t.pairs.some(([from]) => from === label)) ends.push(`DELETE FROM ${q(t.type)} WHERE src = OLD.${q(key)} AND srcLabel = '${label}';`);
    if (t.pairs.some(([, to]) => to === label)) ends.push(`DELETE FROM ${q(t.type)} WHERE dst = OLD.${q(key)} AND dstLabel = '${label}';`);
    return ends;
  });
  if (deletes.length === 0) return null;
  return `CREATE TRIGGER IF NOT EXISTS ${q(`${label}_detach`)} AFTER DELETE ON ${q(label)} BEGIN ${deletes.join(' ')} END`;
}

/** Every statement creating the schema; each is idempotent. */
export function sqliteSchema(): string[] {
  return [
    ...NODE_TABLES.flatMap((t) => nodeDdl(t.label, t.key, t.columns)),
    ...REL_TABLES.flatMap((t) => relDdl(t.type, t.columns)),
    ...NODE_TABLES.map((t) => detachOnDelete(t.label, t.key)).filter((s): s is string => s !== null),
    'CREATE UNIQUE INDEX IF NOT EXISTS participates_id ON "PARTICIPATES" (id)',
    'CREATE INDEX IF NOT EXISTS participates_dates ON "PARTICIPATES" (validFrom, validTo)',
    'CREATE INDEX IF NOT EXISTS adopted_dates ON "ADOPTED" (validFrom, validTo)',
    ...['Organisation', 'Project', 'Activity', 'Network', 'Change'].map((label) => `CREATE INDEX IF NOT EXISTS ${q(`${label}_sort`)} ON ${q(label)} (sortKey)`),
    'CREATE INDEX IF NOT EXISTS organisation_business_id ON "Organisation" (businessId)',
    'CREATE INDEX IF NOT EXISTS organisation_name_key ON "Organisation" (nameKey)',
    'CREATE INDEX IF NOT EXISTS project_code ON "Project" (code)',
    'CREATE UNIQUE INDEX IF NOT EXISTS user_email ON "User" (email)',
  ];
}
