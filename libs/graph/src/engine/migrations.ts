import type { Params, Row } from './engine';

export interface MigrationTarget {
  ddl(statement: string): Promise<void>;
  run(query: string, params?: Params): Promise<Row[]>;
}

const READ_VERSION = "MATCH (m:Meta {key: 'schemaVersion'}) RETURN m.value AS version";
const WRITE_VERSION = "MERGE (m:Meta {key: 'schemaVersion'}) ON CREATE SET m.value = $version ON MATCH SET m.value = $version";

/** Versioned and idempotent: applies each step above the stored version once, in order. */
export async function applyMigrations(bootstrap: string, steps: Record<number, string[]>, target: MigrationTarget): Promise<number> {
  await target.ddl(bootstrap);
  const [row] = await target.run(READ_VERSION);
  let current = row ? Number(row.version) : 0;
  for (const version of Object.keys(steps)
    .map(Number)
    .sort((a, b) => a - b)) {
    if (version <= current) continue;
    for (const statement of steps[version]) await target.ddl(statement);
    await target.run(WRITE_VERSION, { version: String(version) });
    current = version;
  }
  return current;
}

export const MIGRATION_QUERIES = [READ_VERSION, WRITE_VERSION];
