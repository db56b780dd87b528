import { EXPECTED_UPDATED_AT } from '../common/expected-updated-at';
import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { DeletePayload, PageArgs, selects, toConnection } from '../common/page';
import { CurrentActor } from '../common/current-actor.decorator';
import { GRAPH_STORE } from '../common/store.module';
import { Participation } from '../participations/participation.model';
import { Project } from '../projects/project.model';
import { Term } from '../reference/reference.model';
import { Activity, ActivityConnection, CreateActivityInput, UpdateActivityInput } from './activity.model';

@ArgsType()
class ActivitiesArgs extends PageArgs {
  @Field(() => String, { nullable: true }) projectId?: string | null;
  @Field(() => String, { nullable: true }) networkId?: string | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Only activities running on this date.' })
  activeAt?: string | null;
}

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => ActivityConnection)
  async activities(@Args() args: ActivitiesArgs, @CurrentAccess() access: RequestAccess, @Info() info: GraphQLResolveInfo) {
    return toConnection(await this.store.listActivities({ ...args, excludeIds: await access.hiddenIds(), withTotal: selects(info, 'totalCount') }));
  }

  @Query(() => Activity, { nullable: true })
  activity(@Args('id', { type: () => ID }) id: string) {
    return this.store.getActivity(id);
  }

  @Mutation(() => Activity)
  createActivity(@Args('input') input: CreateActivityInput, @CurrentActor() actor: Actor) {
    return this.store.createActivity(input, actor);
  }

  @Mutation(() => Activity)
  updateActivity(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateActivityInput,
    @CurrentActor() actor: Actor,
    @Args('expectedUpdatedAt', { type: () => String, nullable: true, description: EXPECTED_UPDATED_AT }) expectedUpdatedAt: string | null,
  ) {
    return this.store.updateActivity(id, input, actor, { expectedUpdatedAt });
  }

  @Mutation(() => DeletePayload)
  deleteActivity(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.store.deleteActivity(id, actor);
  }

  @ResolveField(() => [Participation])
  participants(@Parent() activity: Activity, @Args('activeAt', { type: () => IsoDateScalar, nullable: true }) activeAt?: string) {
    return this.store.listParticipations({ targetId: activity.id, activeAt });
  }

  @ResolveField(() => Project, { nullable: true })
  project(@Parent() activity: Activity) {
    return activity.projectId ? this.store.getProject(activity.projectId) : null;
  }

  @ResolveField(() => Activity, { nullable: true, description: 'The earlier activity this one continues.' })
  async continues(@Parent() activity: Activity, @CurrentAccess() access: RequestAccess) {
    const [id] = await access.visible([activity.continuesId], (x) => x);
    return id ? this.store.getActivity(id) : null;
  }

  @ResolveField(() => [Term])
  async methods(@Parent() activity: Activity) {
    return (await this.store.methods()).filter((t) => activity.methodIds.includes(t.id));
  }

  @ResolveField(() => [Term])
  async targetGroups(@Parent() activity: Activity) {
    return (await this.store.targetGroups()).filter((t) => activity.targetGroupIds.includes(t.id));
  }
}
