import { EXPECTED_UPDATED_AT } from '../common/expected-updated-at';
import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput, type Actor, type ParticipationRole } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { GraphQLResolveInfo } from 'graphql';
import { Activity } from '../activities/activity.model';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { ParticipationRoleEnum } from '../common/enums';
import { DeletePayload, PageArgs, selects, toConnection } from '../common/page';
import { CurrentActor } from '../common/current-actor.decorator';
import { GRAPH_STORE } from '../common/store.module';
import { Participation } from '../participations/participation.model';
import { CreateProjectInput, Project, ProjectConnection, UpdateProjectInput } from './project.model';

@ArgsType()
class ProjectsArgs extends PageArgs {
  @Field(() => String, { nullable: true }) networkId?: string | null;
}

@Resolver(() => Project)
export class ProjectResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => ProjectConnection)
  async projects(@Args() args: ProjectsArgs, @CurrentAccess() access: RequestAccess, @Info() info: GraphQLResolveInfo) {
    return toConnection(await this.store.listProjects({ ...args, excludeIds: await access.hiddenIds(), withTotal: selects(info, 'totalCount') }));
  }

  @Query(() => Project, { nullable: true, description: 'By id, or by project code (e.g. S21858).' })
  project(@Args('id', { type: () => ID, nullable: true }) id?: string, @Args('code', { type: () => String, nullable: true }) code?: string) {
    if (id) return this.store.getProject(id);
    if (code) return this.store.getProjectByCode(code);
    throw badInput('Give a project id or code.');
  }

  @Mutation(() => Project)
  createProject(@Args('input') input: CreateProjectInput, @CurrentActor() actor: Actor) {
    return this.store.createProject(input, actor);
  }

  @Mutation(() => Project)
  updateProject(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateProjectInput,
    @CurrentActor() actor: Actor,
    @Args('expectedUpdatedAt', { type: () => String, nullable: true, description: EXPECTED_UPDATED_AT }) expectedUpdatedAt: string | null,
  ) {
    return this.store.updateProject(id, input, actor, { expectedUpdatedAt });
  }

  @Mutation(() => DeletePayload, { description: 'Deletes the project and its participations; its activities stay.' })
  deleteProject(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.store.deleteProject(id, actor);
  }

  @ResolveField(() => [Participation], { description: 'Implementers, funders, partners, steering group.' })
  participants(
    @Parent() project: Project,
    @Args('activeAt', { type: () => IsoDateScalar, nullable: true }) activeAt?: string,
    @Args('role', { type: () => ParticipationRoleEnum, nullable: true }) role?: ParticipationRole,
  ) {
    return this.store.listParticipations({ targetId: project.id, activeAt, role });
  }

  @ResolveField(() => [Activity])
  async activities(@Parent() project: Project) {
    return (await this.store.listActivities({ projectId: project.id, first: 200 })).items;
  }

  @ResolveField(() => Project, { nullable: true })
  async predecessor(@Parent() project: Project, @CurrentAccess() access: RequestAccess) {
    const [id] = await access.visible([project.predecessorId], (x) => x);
    return id ? this.store.getProject(id) : null;
  }
}
