import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphStore } from '@verkosto/graph';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { DeletePayload } from '../common/page';
import { GRAPH_STORE } from '../common/store.module';
import { Organisation } from '../organisations/organisation.model';
import { Participation, ParticipationInput } from './participation.model';

@Resolver(() => Participation)
export class ParticipationResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => [Participation], { description: 'Participations of an organisation, or in a project, activity or network.' })
  async participations(
    @CurrentAccess() access: RequestAccess,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
    @Args('targetId', { type: () => ID, nullable: true }) targetId?: string,
    @Args('activeAt', { type: () => IsoDateScalar, nullable: true }) activeAt?: string,
  ) {
    return access.visible(await this.store.listParticipations({ organisationId, targetId, activeAt }), (p) => p.targetId);
  }

  @Mutation(() => Participation, { description: 'An organisation takes part in a project, activity or network, in a role, from a date.' })
  addParticipation(@Args('input') input: ParticipationInput) {
    return this.store.addParticipation(input);
  }

  @Mutation(() => Participation, { description: 'Records the last day of a participation.' })
  endParticipation(
    @Args('id', { type: () => ID }) id: string,
    @Args('validTo', { type: () => IsoDateScalar }) validTo: string,
  ) {
    return this.store.endParticipation(id, validTo);
  }

  @Mutation(() => DeletePayload, { description: 'Removes a participation entered by mistake (to record an end, use endParticipation).' })
  removeParticipation(@Args('id', { type: () => ID }) id: string) {
    return this.store.removeParticipation(id);
  }

  @Mutation(() => Participation, { description: "Hands the network's coordination to an organisation from a date; the previous term ends the day before." })
  setCoordinator(
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('from', { type: () => IsoDateScalar }) from: string,
  ) {
    return this.store.setCoordinator(networkId, organisationId, from);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() participation: Participation) {
    return this.store.getOrganisation(participation.organisationId);
  }
}
