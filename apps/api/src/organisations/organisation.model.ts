import { Field, ID, InputType, ObjectType, PartialType } from '@nestjs/graphql';
import type { OrganisationKind, Sector } from '@verkosto/domain';
import { OrganisationKindEnum, SectorEnum } from '../common/enums';
import { Connection } from '../common/page';

@ObjectType({ description: 'An organisation: municipality, association, parish, foundation, college, company…' })
export class Organisation {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => SectorEnum) sector!: Sector;
  @Field(() => String, { nullable: true, description: 'Finnish business ID (Y-tunnus), e.g. 0208916-8.' })
  businessId!: string | null;
  @Field(() => String, { nullable: true }) municipalityCode!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field({ description: 'A permanent actor, not itself a project: what rooting counts on.' }) permanent!: boolean;
  @Field(() => [String], { description: 'Names of organisations merged into this one.' }) mergedNames!: string[];
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class OrganisationConnection extends Connection(Organisation) {}

@InputType()
export class CreateOrganisationInput {
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => SectorEnum, { nullable: true, description: 'Defaults from the kind.' }) sector?: Sector | null;
  @Field(() => String, { nullable: true }) businessId?: string | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => Boolean, { nullable: true }) permanent?: boolean | null;
}

@InputType({ description: 'Fields left out keep their value; null clears one.' })
export class UpdateOrganisationInput extends PartialType(CreateOrganisationInput) {}

@ObjectType()
export class MergePayload {
  @Field(() => Organisation) organisation!: Organisation;
  @Field(() => [String]) mergedIds!: string[];
  @Field() movedRelationships!: number;
}
