import { EXPECTED_UPDATED_AT } from '../common/expected-updated-at';
import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, OrganisationKind, Sector } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { OrganisationKindEnum, SectorEnum } from '../common/enums';
import { DeletePayload, PageArgs, selects, toConnection } from '../common/page';
import { batched, perRequest } from '../common/batch';
import { CurrentActor } from '../common/current-actor.decorator';
import { GRAPH_STORE } from '../common/store.module';
import { Participation } from '../participations/participation.model';
import { Municipality } from '../reference/reference.model';
import { CreateOrganisationInput, DuplicateGroupConnection, MergePayload, Organisation, OrganisationConnection, UpdateOrganisationInput } from './organisation.model';

@ArgsType()
class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKindEnum, { nullable: true }) kind?: OrganisationKind | null;
  @Field(() => SectorEnum, { nullable: true }) sector?: Sector | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  /** Organisation.participations of one request, read for a whole page at once. */
  private readonly participationsOf = perRequest((_: RequestAccess, activeAt: string) =>
    batched((ids: string[]) => this.store.participationsOfOrganisations(ids, activeAt || null)),
  );

  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => OrganisationConnection)
  async organisations(@Args() args: OrganisationsArgs, @CurrentAccess() access: RequestAccess, @Info() info: GraphQLResolveInfo) {
    return toConnection(await this.store.listOrganisations({ ...args, excludeIds: await access.hiddenIds(), withTotal: selects(info, 'totalCount') }));
  }

  @Query(() => DuplicateGroupConnection, {
    description: 'Organisations that are probably one: the same business ID, or else the same normalised name (never two different business IDs).',
  })
  async duplicateOrganisations(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1–200 (default 50).' }) first?: number,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page.' }) after?: string,
  ) {
    return toConnection(await this.store.listDuplicateOrganisations({ first, after }));
  }

  @Query(() => Organisation, { nullable: true })
  organisation(@Args('id', { type: () => ID }) id: string) {
    return this.store.getOrganisation(id);
  }

  @Mutation(() => Organisation)
  createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentActor() actor: Actor) {
    return this.store.createOrganisation(input, actor);
  }

  @Mutation(() => Organisation)
  updateOrganisation(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganisationInput,
    @CurrentActor() actor: Actor,
    @Args('expectedUpdatedAt', { type: () => String, nullable: true, description: EXPECTED_UPDATED_AT }) expectedUpdatedAt: string | null,
  ) {
    return this.store.updateOrganisation(id, input, actor, { expectedUpdatedAt });
  }

  @Mutation(() => DeletePayload, { description: 'Deletes the organisation and every participation it has.' })
  deleteOrganisation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.store.deleteOrganisation(id, actor);
  }

  @Mutation(() => MergePayload, {
    description: 'Moves every relationship of the others to `keepId`, records who they were in `mergedFrom`, removes them.',
  })
  mergeOrganisations(@Args('keepId', { type: () => ID }) keepId: string, @Args('mergeIds', { type: () => [ID] }) mergeIds: string[], @CurrentActor() actor: Actor) {
    return this.store.mergeOrganisations(keepId, mergeIds, actor);
  }

  @ResolveField(() => Municipality, { nullable: true })
  async municipality(@Parent() org: Organisation) {
    if (!org.municipalityCode) return null;
    return (await this.store.municipalities()).find((m) => m.code === org.municipalityCode) ?? null;
  }

  @ResolveField(() => [Participation])
  async participations(@Parent() org: Organisation, @CurrentAccess() access: RequestAccess, @Args('activeAt', { type: () => IsoDateScalar, nullable: true }) activeAt?: string) {
    return access.visible(await this.participationsOf(access, activeAt ?? '')(org.id), (p) => p.targetId);
  }
}
