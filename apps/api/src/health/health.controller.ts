import { Controller, Get, Inject } from '@nestjs/common';
import type { GraphStore } from '@verkosto/graph';
import { GRAPH_STORE } from '../common/store.module';

@Controller('health')
export class HealthController {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  /** Answers once the store is open, migrated and seeded (Nest resolves the store before listening). */
  @Get()
  health() {
    return { status: 'ok', store: this.store.engine };
  }
}
