import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PARTNER_PART_KEYS, type PartnerPartKey } from '@verkosto/analytics';
import type { OrganisationKind, Sector } from '@verkosto/domain';
import { IsoDateScalar } from '../common/date.scalar';
import { GraphNodeKindEnum, OrganisationKindEnum, SectorEnum } from '../common/enums';

export const PartnerPartKeyEnum = Object.fromEntries(PARTNER_PART_KEYS.map((k) => [k, k])) as Record<PartnerPartKey, PartnerPartKey>;
registerEnumType(PartnerPartKeyEnum, { name: 'PartnerPartKey' });

export enum PartnerGapKindEnum {
  SECTOR = 'SECTOR',
  METHOD = 'METHOD',
  TARGET_GROUP = 'TARGET_GROUP',
}
registerEnumType(PartnerGapKindEnum, { name: 'PartnerGapKind' });

@InputType({ description: 'Who is asking and what for: any mix of an organisation or project and criteria (docs/measures.md, "Partner finder").' })
export class PartnerRequestInput {
  @Field(() => ID, { nullable: true, description: 'The asking organisation: it and its current partners are left out of the ranking.' })
  organisationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Or the asking project: its participants are the existing partners.' })
  projectId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Method ids (see `methods`).' }) methodIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Target group ids (see `targetGroups`).' }) targetGroupIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Same municipality scores 1, same region 0.5.' }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Or a region: being in it scores 1.' }) regionCode?: string | null;
  @Field(() => [OrganisationKindEnum], { nullable: true }) orgKinds?: OrganisationKind[] | null;
  @Field(() => [SectorEnum], { nullable: true }) sectors?: Sector[] | null;
  @Field(() => Boolean, { nullable: true }) onlyPermanent?: boolean | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Default: the latest date in the data (not after today).' }) at?: string | null;
  @Field(() => Int, { nullable: true, description: 'Default 10, at most 50.' }) limit?: number | null;
}

@ObjectType()
export class PartnerRef {
  @Field(() => ID) id!: string;
  @Field() label!: string;
}

@ObjectType({ description: 'A text in Finnish, Swedish and English.' })
export class LocalisedText {
  @Field() fi!: string;
  @Field() sv!: string;
  @Field() en!: string;
}

@ObjectType({ description: 'One part of the score, 0..1; score = Σ value × weight.' })
export class PartnerPart {
  @Field(() => PartnerPartKeyEnum) key!: PartnerPartKey;
  @Field(() => Float) value!: number;
  @Field(() => Float) weight!: number;
}

@ObjectType()
export class SuggestedOrganisation {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => OrganisationKindEnum, { nullable: true }) orgKind!: OrganisationKind | null;
  @Field(() => SectorEnum, { nullable: true }) sector!: Sector | null;
  @Field(() => String, { nullable: true }) municipalityCode!: string | null;
  @Field(() => Boolean, { nullable: true }) permanent!: boolean | null;
}

@ObjectType()
export class PartnerSuggestion {
  @Field(() => SuggestedOrganisation) organisation!: SuggestedOrganisation;
  @Field(() => Float) score!: number;
  @Field(() => [PartnerPart]) parts!: PartnerPart[];
  @Field(() => [PartnerRef], { description: 'Current partners of the asker who also work with this organisation.' }) sharedPartners!: PartnerRef[];
  @Field(() => [String]) matchedMethodIds!: string[];
  @Field(() => [String]) matchedTargetGroupIds!: string[];
  @Field(() => [String]) matchedMunicipalityCodes!: string[];
  @Field(() => [String], { description: 'Its activities and projects with a wanted method or target group.' }) evidence!: string[];
  @Field(() => LocalisedText) explanation!: LocalisedText;
}

@ObjectType({ description: 'Something similar networks have and the asker’s network lacks.' })
export class PartnerGap {
  @Field(() => PartnerGapKindEnum) kind!: PartnerGapKindEnum;
  @Field() id!: string;
  @Field(() => LocalisedText) label!: LocalisedText;
  @Field(() => Float, { description: 'Share of the similar networks that have it.' }) share!: number;
  @Field(() => [PartnerRef]) networks!: PartnerRef[];
}

@ObjectType()
export class PartnerAsker {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => GraphNodeKindEnum) kind!: string;
}

@ObjectType()
export class PartnerSuggestions {
  @Field(() => IsoDateScalar) at!: string;
  @Field(() => PartnerAsker, { nullable: true }) asker!: PartnerAsker | null;
  @Field(() => [PartnerSuggestion]) suggestions!: PartnerSuggestion[];
  @Field(() => [PartnerRef], { description: 'Already working with the asker on the date: shown apart, not ranked.' }) existingPartners!: PartnerRef[];
  @Field(() => [PartnerGap]) gaps!: PartnerGap[];
  @Field(() => [PartnerRef], { description: 'The networks the gaps are measured against.' }) similarNetworks!: PartnerRef[];
}

@ObjectType()
export class IntroductionVia {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => GraphNodeKindEnum) kind!: string;
}

@ObjectType({ description: 'One tie on the way: `from` knows `to` through the activities or projects in `via`.' })
export class IntroductionStep {
  @Field(() => PartnerRef) from!: PartnerRef;
  @Field(() => PartnerRef) to!: PartnerRef;
  @Field(() => [IntroductionVia]) via!: IntroductionVia[];
}

@ObjectType({ description: 'A shortest chain of organisations tied on the date.' })
export class IntroductionPath {
  @Field(() => Int) hops!: number;
  @Field(() => [PartnerRef]) organisations!: PartnerRef[];
  @Field(() => [IntroductionStep]) steps!: IntroductionStep[];
}
