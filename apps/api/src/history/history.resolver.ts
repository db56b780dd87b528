import { Inject } from '@nestjs/common';
import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { CurrentActor } from '../common/current-actor.decorator';
import { selects, toConnection } from '../common/page';
import { GRAPH_STORE } from '../common/store.module';
import { Change, ChangeConnection, ChangesArgs, toChangeModel } from './change.model';

@Resolver(() => Change)
export class HistoryResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => ChangeConnection, { description: 'The history of one entity or one network (give exactly one), newest first.' })
  async changes(@Args() args: ChangesArgs, @CurrentAccess() access: RequestAccess, @Info() info: GraphQLResolveInfo) {
    const page = await this.store.listChanges({ ...args, readable: access.readableChanges(), withTotal: selects(info, 'totalCount') });
    return toConnection({ ...page, items: (await access.shownChanges(page.items)).map(toChangeModel) });
  }

  @Query(() => Change, { nullable: true })
  async change(@Args('id', { type: () => ID }) id: string, @CurrentAccess() access: RequestAccess) {
    const change = await this.store.getChange(id);
    const [shown] = change ? await access.shownChanges([change]) : [];
    return shown ? toChangeModel(shown) : null;
  }

  @Mutation(() => Change, {
    description: 'Puts back the state before a change, unless a later change depends on it (CONFLICT naming them). Returns the undo, itself a change.',
  })
  async undoChange(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor, @CurrentAccess() access: RequestAccess) {
    // The undo touches what the change touched, which the rule let the caller read.
    const [shown] = await access.shownChanges([await this.store.undoChange(id, actor)]);
    return toChangeModel(shown);
  }
}
