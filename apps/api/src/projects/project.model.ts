import { Field, Float, ID, InputType, ObjectType, PartialType } from '@nestjs/graphql';
import { IsoDateScalar } from '../common/date.scalar';
import { Connection } from '../common/page';

@ObjectType({ description: 'A funded project, e.g. an ESF project with its code (S21858).' })
export class Project {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) programme!: string | null;
  @Field(() => String, { nullable: true, description: 'ESR, EAKR, …' }) fund!: string | null;
  @Field(() => String, { nullable: true }) priorityAxis!: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) endDate!: string | null;
  @Field(() => Float, { nullable: true, description: 'Euros.' }) budget!: number | null;
  @Field(() => Float, { nullable: true, description: 'Euros.' }) publicFunding!: number | null;
  @Field(() => Float, { nullable: true, description: 'EU and state funding granted, euros.' }) grantedFunding!: number | null;
  @Field(() => Float, { nullable: true, description: 'EU and state funding paid so far, euros (negative after recoveries).' })
  paidFunding!: number | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) outputs!: string | null;
  @Field(() => String, { nullable: true, description: 'The project this one follows up.' }) predecessorId!: string | null;
  @Field(() => [String], { description: 'The networks it belongs to.' }) networkIds!: string[];
  @Field(() => [String]) methodIds!: string[];
  @Field(() => [String]) targetGroupIds!: string[];
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class ProjectConnection extends Connection(Project) {}

@InputType()
export class CreateProjectInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) programme?: string | null;
  @Field(() => String, { nullable: true }) fund?: string | null;
  @Field(() => String, { nullable: true }) priorityAxis?: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => Float, { nullable: true }) budget?: number | null;
  @Field(() => Float, { nullable: true }) publicFunding?: number | null;
  @Field(() => Float, { nullable: true }) grantedFunding?: number | null;
  @Field(() => Float, { nullable: true }) paidFunding?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) outputs?: string | null;
  @Field(() => String, { nullable: true }) predecessorId?: string | null;
  @Field(() => [String], { nullable: true }) networkIds?: string[] | null;
  @Field(() => [String], { nullable: true }) methodIds?: string[] | null;
  @Field(() => [String], { nullable: true }) targetGroupIds?: string[] | null;
}

@InputType({ description: 'Fields left out keep their value; null clears one.' })
export class UpdateProjectInput extends PartialType(CreateProjectInput) {}
