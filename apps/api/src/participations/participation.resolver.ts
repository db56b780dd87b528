import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { DeletePayload } from '../common/page';
import { CurrentActor } from '../common/current-actor.decorator';
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
  addParticipation(@Args('input') input: ParticipationInput, @CurrentActor() actor: Actor) {
    return this.store.addParticipation(input, actor);
  }

  @Mutation(() => Participation, { description: 'Records the last day of a participation.' })
  endParticipation(@Args('id', { type: () => ID }) id: string, @Args('validTo', { type: () => IsoDateScalar }) validTo: string, @CurrentActor() actor: Actor) {
    return this.store.endParticipation(id, validTo, actor);
  }

  @Mutation(() => DeletePayload, { description: 'Removes a participation entered by mistake (to record an end, use endParticipation).' })
  removeParticipation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.store.removeParticipation(id, actor);
  }

  @Mutation(() => Participation, { description: 'Records that the tie was checked and still holds: sets confirmedAt to now.' })
  confirmParticipation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.store.confirmParticipation(id, actor);
  }

  @Mutation(() => Participation, { description: "Hands the network's coordination to an organisation from a date; the previous term ends the day before." })
  setCoordinator(
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('from', { type: () => IsoDateScalar }) from: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.store.setCoordinator(networkId, organisationId, from, actor);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() participation: Participation) {
    return this.store.getOrganisation(participation.organisationId);
  }

  @ResolveField(() => String, { description: 'The name of the project, activity or network.' })
  async targetName(@Parent() participation: Participation): Promise<string> {
    const { targetId } = participation;
    const target =
      participation.targetKind === 'PROJECT'
        ? await this.store.getProject(targetId)
        : participation.targetKind === 'ACTIVITY'
          ? await this.store.getActivity(targetId)
          : await this.store.getNetwork(targetId);
    return target?.name ?? targetId;
  }
}
