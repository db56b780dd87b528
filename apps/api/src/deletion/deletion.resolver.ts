import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { GraphStore } from '@verkosto/graph';
import { GRAPH_STORE } from '../common/store.module';
import { DeletionImpact } from './deletion.model';

@Resolver(() => DeletionImpact)
export class DeletionResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => DeletionImpact, { description: 'Asks before deleting: what deleting this organisation, project, activity or network would take with it.' })
  deletionImpact(@Args('id', { type: () => ID }) id: string) {
    return this.store.deletionImpact(id);
  }
}
