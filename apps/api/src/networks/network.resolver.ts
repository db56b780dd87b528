import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { todayIso, type Actor, type ParticipationRole } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import { IsoDateScalar } from '../common/date.scalar';
import { ParticipationRoleEnum } from '../common/enums';
import { DeletePayload, PageArgs, toConnection } from '../common/page';
import { CurrentActor } from '../common/current-actor.decorator';
import { GRAPH_STORE } from '../common/store.module';
import { Organisation } from '../organisations/organisation.model';
import { Participation } from '../participations/participation.model';
import { CreateNetworkInput, Network, NetworkConnection, UpdateNetworkInput } from './network.model';

@Resolver(() => Network)
export class NetworkResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => NetworkConnection)
  async networks(@Args() args: PageArgs) {
    return toConnection(await this.store.listNetworks(args));
  }

  @Query(() => Network, { nullable: true })
  network(@Args('id', { type: () => ID }) id: string) {
    return this.store.getNetwork(id);
  }

  @Mutation(() => Network)
  createNetwork(@Args('input') input: CreateNetworkInput, @CurrentActor() actor: Actor) {
    return this.store.createNetwork(input, actor);
  }

  @Mutation(() => Network)
  updateNetwork(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateNetworkInput, @CurrentActor() actor: Actor) {
    return this.store.updateNetwork(id, input, actor);
  }

  @Mutation(() => DeletePayload, { description: 'Deletes the network and its memberships; projects and activities stay.' })
  deleteNetwork(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.store.deleteNetwork(id, actor);
  }

  @ResolveField(() => [Participation], { description: 'Members, coordinators and budget holders.' })
  members(
    @Parent() network: Network,
    @Args('activeAt', { type: () => IsoDateScalar, nullable: true }) activeAt?: string,
    @Args('role', { type: () => ParticipationRoleEnum, nullable: true }) role?: ParticipationRole,
  ) {
    return this.store.listParticipations({ targetId: network.id, activeAt, role });
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'Who coordinates on the date (default today).' })
  async coordinator(
    @Parent() network: Network,
    @Args('at', { type: () => IsoDateScalar, nullable: true }) at?: string,
  ) {
    const [term] = await this.store.listParticipations({ targetId: network.id, role: 'COORDINATOR', activeAt: at ?? todayIso() });
    return term ? this.store.getOrganisation(term.organisationId) : null;
  }
}
