import type { CypherEngine } from './engine/cypher-engine';
import { KuzuEngine } from './engine/kuzu-engine';
import type { GraphStore } from './graph-store';
import { ensureReferenceData } from './reference-data';
import { CypherGraphStore } from './store/cypher-graph-store';

export interface StoreConfig {
  dataDir: string;
  neo4j?: { uri: string; user: string; password: string; database?: string } | null;
}

/** Opens the configured engine, migrates it and loads the reference data: ready to serve. */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  const engine = await openEngine(config);
  try {
    await engine.migrate();
    await ensureReferenceData(engine);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return new CypherGraphStore(engine);
}

async function openEngine(config: StoreConfig): Promise<CypherEngine> {
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
  return new KuzuEngine(config.dataDir);
}
