import { Field, ID, InputType, ObjectType, PartialType } from '@nestjs/graphql';
import type { DuplicateReason, OrganisationKind, Sector } from '@verkosto/domain';
import { DuplicateReasonEnum, OrganisationKindEnum, SectorEnum } from '../common/enums';
import { Connection } from '../common/page';

@ObjectType({ description: 'An organisation merged into another: who it was, and when it was merged.' })
export class MergedOrganisation {
  @Field() id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) businessId!: string | null;
  @Field({ description: 'ISO timestamp.' }) mergedAt!: string;
}

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
  @Field(() => [MergedOrganisation], { description: 'The organisations merged into this one, oldest first.' })
  mergedFrom!: MergedOrganisation[];
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

@ObjectType({ description: 'Organisations that are probably one: the suggested survivor first.' })
export class DuplicateGroup {
  @Field(() => DuplicateReasonEnum, { description: 'BUSINESS_ID: the same business ID; NAME: the same name once case, accents and punctuation are set aside.' })
  reason!: DuplicateReason;
  @Field({ description: 'The shared business ID, or the shared normalised name.' }) key!: string;
  @Field(() => [Organisation]) members!: Organisation[];
}

@ObjectType()
export class DuplicateGroupConnection extends Connection(DuplicateGroup) {}

@ObjectType()
export class MergePayload {
  @Field(() => Organisation) organisation!: Organisation;
  @Field(() => [String]) mergedIds!: string[];
  @Field() movedRelationships!: number;
}
