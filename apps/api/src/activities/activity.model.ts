import { Field, ID, InputType, ObjectType, PartialType } from '@nestjs/graphql';
import type { ActivityType } from '@verkosto/domain';
import { IsoDateScalar } from '../common/date.scalar';
import { ActivityTypeEnum } from '../common/enums';
import { Connection } from '../common/page';

@ObjectType({ description: 'A joint activity or event: peer group, pop-up, round table, exhibition…' })
export class Activity {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ActivityTypeEnum) type!: ActivityType;
  @Field(() => IsoDateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Empty = still running.' }) endDate!: string | null;
  @Field(() => String, { nullable: true }) municipalityCode!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'The project it runs under, if any.' }) projectId!: string | null;
  @Field(() => String, { nullable: true, description: 'The earlier activity this one continues.' }) continuesId!: string | null;
  @Field(() => [String], { description: 'The networks it belongs to directly.' }) networkIds!: string[];
  @Field(() => [String]) methodIds!: string[];
  @Field(() => [String]) targetGroupIds!: string[];
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class ActivityConnection extends Connection(Activity) {}

@InputType()
export class CreateActivityInput {
  @Field() name!: string;
  @Field(() => ActivityTypeEnum) type!: ActivityType;
  @Field(() => IsoDateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) projectId?: string | null;
  @Field(() => String, { nullable: true }) continuesId?: string | null;
  @Field(() => [String], { nullable: true }) networkIds?: string[] | null;
  @Field(() => [String], { nullable: true }) methodIds?: string[] | null;
  @Field(() => [String], { nullable: true }) targetGroupIds?: string[] | null;
}

@InputType({ description: 'Fields left out keep their value; null clears one.' })
export class UpdateActivityInput extends PartialType(CreateActivityInput) {}
