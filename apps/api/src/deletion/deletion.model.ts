import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DeletionImpact as StoreDeletionImpact } from '@verkosto/graph';
import { SearchHitKindEnum } from '../common/enums';

@ObjectType({ description: 'What deleting an organisation, project, activity or network would remove with it; nothing is deleted.' })
export class DeletionImpact implements StoreDeletionImpact {
  @Field(() => ID) id!: string;
  @Field(() => SearchHitKindEnum) kind!: StoreDeletionImpact['kind'];
  @Field() name!: string;
  @Field(() => Int, { description: "An organisation's participations, or the participants of a project, activity or network." })
  participations!: number;
  @Field(() => Int, { description: "Activities running under the project (they stay, without it), or the activity's link to its project." })
  activityLinks!: number;
  @Field(() => Int, { description: 'Links to earlier and later projects or activities in the series.' }) continuationLinks!: number;
  @Field(() => Int, { description: 'Links between the network and the projects and activities in it (they stay).' }) networkLinks!: number;
  @Field(() => Int, { description: 'Operating models the organisation adopted.' }) adoptions!: number;
  @Field(() => Int, { description: 'Location, methods and target groups.' }) otherLinks!: number;
  @Field(() => Int, { description: 'All of the above: what the delete mutation will report as removedRelationships.' })
  removedRelationships!: number;
}
