import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { openDatabase, type Database, type GraphStore } from '@verkosto/graph';
import { DEMO_DATASET } from '@verkosto/graph/demo';
import { APP_CONFIG, type AppConfig, loadConfig } from '../config';

export const GRAPH_STORE = Symbol('GRAPH_STORE');
export const ACCOUNT_STORE = Symbol('ACCOUNT_STORE');
const DATABASE = Symbol('DATABASE');

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: DATABASE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<Database> => {
        const logger = new Logger('Store');
        const database = await openDatabase(config);
        const store = database.graph;
        logger.log(`Using the ${store.engine} engine${config.neo4j ? ` at ${config.neo4j.uri}` : ` in ${config.dataDir}`}.`);
        if (config.demoData && (await store.seedDemoOnce(DEMO_DATASET))) logger.log('Loaded the demo networks.');
        return database;
      },
    },
    { provide: GRAPH_STORE, inject: [DATABASE], useFactory: (database: Database) => database.graph },
    { provide: ACCOUNT_STORE, inject: [DATABASE], useFactory: (database: Database) => database.accounts },
  ],
  exports: [APP_CONFIG, GRAPH_STORE, ACCOUNT_STORE],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  /** The graph store owns the engine the account store shares; closing it closes both. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
