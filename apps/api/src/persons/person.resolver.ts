import { EXPECTED_UPDATED_AT } from '../common/expected-updated-at';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { CurrentActor } from '../common/current-actor.decorator';
import { GRAPH_STORE } from '../common/store.module';
import { Organisation } from '../organisations/organisation.model';
import { CreatePersonInput, ErasePayload, Person, UpdatePersonInput } from './person.model';

/** Named persons: recorded with consent, exported and erased on request (docs/privacy.md). */
@Resolver(() => Person)
export class PersonResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => Person, { nullable: true })
  person(@Args('id', { type: () => ID }) id: string) {
    return this.store.getPerson(id);
  }

  @Query(() => String, { description: 'Everything held about the person, as JSON: their record, consent and the changes that name them.' })
  async exportPerson(@Args('id', { type: () => ID }) id: string, @CurrentAccess() access: RequestAccess) {
    const exported = await this.store.exportPerson(id);
    return JSON.stringify({ ...exported, changes: await access.shownChanges(exported.changes) }, null, 2);
  }

  @Mutation(() => Person, { description: 'Names a person; refused without the wording and date of their consent.' })
  createPerson(@Args('input') input: CreatePersonInput, @CurrentActor() actor: Actor) {
    return this.store.createPerson(input, actor);
  }

  @Mutation(() => Person)
  updatePerson(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePersonInput,
    @CurrentActor() actor: Actor,
    @Args('expectedUpdatedAt', { type: () => String, nullable: true, description: EXPECTED_UPDATED_AT }) expectedUpdatedAt: string | null,
  ) {
    return this.store.updatePerson(id, input, actor, { expectedUpdatedAt });
  }

  @Mutation(() => ErasePayload, { description: 'Deletes the person and removes their name and email from the history; final.' })
  erasePerson(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.store.erasePerson(id, actor);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() person: Person) {
    return this.store.getOrganisation(person.organisationId);
  }
}

@Resolver(() => Organisation)
export class OrganisationPeopleResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  /** Whoever may read the organisation sees the names; emails and consent texts only those who keep its data (issue 12). */
  @ResolveField(() => [Person], {
    description: 'Named contacts who consented to be named; email and consentText (empty otherwise) only for editors of the organisation.',
  })
  async people(@Parent() org: Organisation, @CurrentAccess() access: RequestAccess) {
    const people = await this.store.listPersons(org.id);
    if (people.length === 0) return people;
    const keeps = await access.requireEdit([org.id], 'any').then(
      () => true,
      () => false,
    );
    return keeps ? people : people.map((p) => ({ ...p, email: null, consentText: '' }));
  }
}
