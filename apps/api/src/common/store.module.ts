import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { openStore, type GraphStore } from '@verkosto/graph';
import { DEMO_DATASET } from '@verkosto/graph/demo';
import { APP_CONFIG, type AppConfig, loadConfig } from '../config';

export const GRAPH_STORE = Symbol('GRAPH_STORE');

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: GRAPH_STORE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<GraphStore> => {
        const logger = new Logger('Store');
        const store = await openStore(config);
        logger.log(`Using the ${store.engine} engine${config.neo4j ? ` at ${config.neo4j.uri}` : ` in ${config.dataDir}`}.`);
        if (config.demoData && (await store.seedDemoOnce(DEMO_DATASET))) logger.log('Loaded the demo networks.');
        return store;
      },
    },
  ],
  exports: [APP_CONFIG, GRAPH_STORE],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
