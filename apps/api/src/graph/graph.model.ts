import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ActivityType, GraphEdgeKind, GraphNodeKind, OrganisationKind, ParticipationRole, Sector } from '@verkosto/domain';
import { IsoDateScalar } from '../common/date.scalar';
import { ActivityTypeEnum, GraphEdgeKindEnum, GraphNodeKindEnum, OrganisationKindEnum, ParticipationRoleEnum, SearchHitKindEnum, SectorEnum } from '../common/enums';

@ObjectType({ description: 'A node of the map: organisation, project, activity, network or operating model.' })
export class GraphNode {
  @Field(() => ID) id!: string;
  @Field(() => GraphNodeKindEnum) kind!: GraphNodeKind;
  @Field() label!: string;
  @Field(() => OrganisationKindEnum, { nullable: true }) orgKind!: OrganisationKind | null;
  @Field(() => SectorEnum, { nullable: true }) sector!: Sector | null;
  @Field(() => Boolean, { nullable: true }) permanent!: boolean | null;
  @Field(() => ActivityTypeEnum, { nullable: true }) activityType!: ActivityType | null;
  @Field(() => String, { nullable: true }) municipalityCode!: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) validFrom!: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) validTo!: string | null;
  @Field(() => [String]) methodIds!: string[];
  @Field(() => [String]) targetGroupIds!: string[];
}

@ObjectType({ description: 'A dated edge: a participation (with role) or a structural link.' })
export class GraphEdge {
  @Field(() => ID) id!: string;
  @Field(() => GraphEdgeKindEnum) kind!: GraphEdgeKind;
  @Field() source!: string;
  @Field() target!: string;
  @Field(() => ParticipationRoleEnum, { nullable: true }) role!: ParticipationRole | null;
  @Field(() => IsoDateScalar, { nullable: true }) validFrom!: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) validTo!: string | null;
}

@ObjectType({ description: 'What a map needs: nodes and dated edges, and the span of dates for a time slider.' })
export class NetworkGraph {
  @Field(() => [GraphNode]) nodes!: GraphNode[];
  @Field(() => [GraphEdge]) edges!: GraphEdge[];
  @Field(() => IsoDateScalar, { nullable: true, description: 'Earliest date in the whole history.' }) firstDate!: string | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Latest date in the whole history.' }) lastDate!: string | null;
}

@ObjectType()
export class SearchHit {
  @Field(() => ID) id!: string;
  @Field(() => SearchHitKindEnum) kind!: 'ORGANISATION' | 'PROJECT' | 'ACTIVITY' | 'NETWORK';
  @Field() label!: string;
}
