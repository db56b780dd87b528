import { EXPECTED_UPDATED_AT } from '../common/expected-updated-at';
import { Inject } from '@nestjs/common';
import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { todayIso, type Actor, type ParticipationRole } from '@verkosto/domain';
import type { AccountStore, GraphStore } from '@verkosto/graph';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { CurrentActor } from '../common/current-actor.decorator';
import { IsoDateScalar } from '../common/date.scalar';
import { ParticipationRoleEnum } from '../common/enums';
import { DeletePayload, PageArgs, selects, toConnection } from '../common/page';
import { ACCOUNT_STORE, GRAPH_STORE } from '../common/store.module';
import { Organisation } from '../organisations/organisation.model';
import { Participation } from '../participations/participation.model';
import { CreateNetworkInput, Network, NetworkConnection, UpdateNetworkInput } from './network.model';

@Resolver(() => Network)
export class NetworkResolver {
  constructor(
    @Inject(GRAPH_STORE) private readonly store: GraphStore,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
  ) {}

  @Query(() => NetworkConnection)
  async networks(@Args() args: PageArgs, @CurrentAccess() access: RequestAccess, @Info() info: GraphQLResolveInfo) {
    return toConnection(await this.store.listNetworks({ ...args, excludeIds: await access.hiddenIds(), withTotal: selects(info, 'totalCount') }));
  }

  @Query(() => Network, { nullable: true })
  network(@Args('id', { type: () => ID }) id: string) {
    return this.store.getNetwork(id);
  }

  @Mutation(() => Network, { description: 'A new network; a coordinator who creates one coordinates it.' })
  async createNetwork(@Args('input') input: CreateNetworkInput, @CurrentAccess() access: RequestAccess, @CurrentActor() actor: Actor) {
    const user = access.requireSignedIn();
    const network = await this.store.createNetwork(input, actor);
    if (!user.isAdmin) await this.accounts.setMembership(network.id, user.id, 'COORDINATOR');
    return network;
  }

  @Mutation(() => Network)
  updateNetwork(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateNetworkInput,
    @CurrentActor() actor: Actor,
    @Args('expectedUpdatedAt', { type: () => String, nullable: true, description: EXPECTED_UPDATED_AT }) expectedUpdatedAt: string | null,
  ) {
    return this.store.updateNetwork(id, input, actor, { expectedUpdatedAt });
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
  async coordinator(@Parent() network: Network, @Args('at', { type: () => IsoDateScalar, nullable: true }) at?: string) {
    const [term] = await this.store.listParticipations({ targetId: network.id, role: 'COORDINATOR', activeAt: at ?? todayIso() });
    return term ? this.store.getOrganisation(term.organisationId) : null;
  }
}
