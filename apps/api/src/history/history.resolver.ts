import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import { CurrentActor } from '../common/current-actor.decorator';
import { toConnection } from '../common/page';
import { GRAPH_STORE } from '../common/store.module';
import { Change, ChangeConnection, ChangesArgs, toChangeModel } from './change.model';

@Resolver(() => Change)
export class HistoryResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => ChangeConnection, { description: 'The history of one entity or one network (give exactly one), newest first.' })
  async changes(@Args() args: ChangesArgs) {
    const page = await this.store.listChanges(args);
    return toConnection({ ...page, items: page.items.map(toChangeModel) });
  }

  @Query(() => Change, { nullable: true })
  async change(@Args('id', { type: () => ID }) id: string) {
    const change = await this.store.getChange(id);
    return change && toChangeModel(change);
  }

  @Mutation(() => Change, {
    description: 'Puts back the state before a change, unless a later change depends on it (CONFLICT naming them). Returns the undo, itself a change.',
  })
  async undoChange(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return toChangeModel(await this.store.undoChange(id, actor));
  }
}
