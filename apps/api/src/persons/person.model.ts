import { Field, ID, InputType, Int, ObjectType, PartialType } from '@nestjs/graphql';
import { IsoDateScalar } from '../common/date.scalar';

@ObjectType({ description: 'A named professional, recorded only with their consent. Never a client of social services.' })
export class Person {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field() organisationId!: string;
  @Field(() => String, { nullable: true, description: 'Their role, e.g. "verkostokoordinaattori".' }) roleTitle!: string | null;
  @Field(() => IsoDateScalar, { description: 'The day they agreed to be named.' }) consentGivenAt!: string;
  @Field({ description: 'What they agreed to, word for word.' }) consentText!: string;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@InputType()
export class CreatePersonInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field() organisationId!: string;
  @Field(() => String, { nullable: true }) roleTitle?: string | null;
  @Field({ description: 'What the person agreed to (at least 20 characters): without it nobody is named.' }) consentText!: string;
  @Field(() => IsoDateScalar, { description: 'The day the consent was given; not in the future.' }) consentGivenAt!: string;
}

@InputType({ description: 'Fields left out keep their value; null clears one.' })
export class UpdatePersonInput extends PartialType(CreatePersonInput) {}

@ObjectType()
export class ErasePayload {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Recorded changes the personal data was removed from (the records stay).' })
  scrubbedChanges!: number;
}
