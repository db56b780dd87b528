import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EngineAccountStore, type AccountStore } from './accounts/account-store';
import type { StorageEngine } from './engine/engine';
import { SQLITE_FILE, SqliteEngine } from './engine/sqlite-engine';
import type { GraphStore } from './graph-store';
import { ensureReferenceData } from './reference-data';
import { CypherGraphStore } from './store/cypher-graph-store';

export interface StoreConfig {
  dataDir: string;
  neo4j?: { uri: string; user: string; password: string; database?: string } | null;
  /** Signs and checks backups (BACKUP_KEY); without it the database makes and keeps its own. */
  backupKey?: string | null;
}

/** The graph and the accounts, over one engine. */
export interface Database {
  graph: GraphStore;
  accounts: AccountStore;
}

/** Opens the configured engine, migrates it and loads the reference data: ready to serve. */
export async function openDatabase(config: StoreConfig): Promise<Database> {
  const engine = await openEngine(config);
  try {
    await engine.migrate();
    await ensureReferenceData(engine);
  } catch (error) {
    await engine.close();
    throw error;
  }
  // Closing the graph store closes the engine both share.
  return { graph: new CypherGraphStore(engine, { backupKey: config.backupKey }), accounts: new EngineAccountStore(engine) };
}

/** The graph alone (tests, benchmarks, tools). */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  return (await openDatabase(config)).graph;
}

async function openEngine(config: StoreConfig): Promise<StorageEngine> {
  if (config.neo4j) {
    // Loaded only when chosen, so the embedded path never pays for the driver.
    const { Neo4jEngine } = await import('./engine/neo4j-engine');
    const engine = new Neo4jEngine(config.neo4j);
    await engine.verify().catch(async (error: unknown) => {
      await engine.close();
      throw error;
    });
    return engine;
  }
  if (existsSync(join(config.dataDir, 'verkosto.kuzu')) && !existsSync(join(config.dataDir, SQLITE_FILE))) {
    // Starting empty here would seed demo data and hand the instance to whoever signs up first.
    throw new Error(
      `${config.dataDir} holds a database of an earlier Verkosto (verkosto.kuzu), which this version no longer reads. ` +
        'Take a backup with the earlier version (npm run backup -- file.jsonl), then restore it here ' +
        '(npm run restore -- file.jsonl); or point DATA_DIR at another folder.',
    );
  }
  return new SqliteEngine(config.dataDir);
}
