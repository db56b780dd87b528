import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROOTING_KEYS, ROOTING_REASONS, type RootingKey, type RootingReason } from '@verkosto/analytics';
import { IsoDateScalar } from '../common/date.scalar';

export const RootingKeyEnum = Object.fromEntries(ROOTING_KEYS.map((k) => [k, k])) as Record<RootingKey, RootingKey>;
registerEnumType(RootingKeyEnum, { name: 'RootingKey' });

export const RootingReasonEnum = Object.fromEntries(ROOTING_REASONS.map((k) => [k, k])) as Record<RootingReason, RootingReason>;
registerEnumType(RootingReasonEnum, { name: 'RootingReason', description: 'Why a rooting part does not apply (docs/measures.md).' });

export enum GrowthIntervalEnum {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}
registerEnumType(GrowthIntervalEnum, { name: 'GrowthInterval' });

@ObjectType({ description: 'An organisation, activity or project behind a number, by id and name.' })
export class EvidenceItem {
  @Field(() => ID) id!: string;
  @Field() label!: string;
}

@ObjectType({ description: 'A tie behind a number: its id `A|B`, "A – B" as its label, and both organisations.' })
export class EvidenceTie {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => EvidenceItem) source!: EvidenceItem;
  @Field(() => EvidenceItem) target!: EvidenceItem;
}

@ObjectType({ description: 'The ids behind a number, and the same items with their names (`…Items`).' })
export class Evidence {
  @Field(() => [String], { nullable: true }) ties?: string[];
  @Field(() => [String], { nullable: true }) activities?: string[];
  @Field(() => [String], { nullable: true }) organisations?: string[];
  @Field(() => [EvidenceTie], { nullable: true, description: 'The ties, named.' }) tieItems?: EvidenceTie[];
  @Field(() => [EvidenceItem], { nullable: true, description: 'The activities (and projects), named.' }) activityItems?: EvidenceItem[];
  @Field(() => [EvidenceItem], { nullable: true, description: 'The organisations, named.' }) organisationItems?: EvidenceItem[];
}

@ObjectType()
export class OrganisationMetrics {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => Int) degree!: number;
  @Field(() => Float) weightedDegree!: number;
  @Field(() => Float, { nullable: true, description: 'Normalised 0..1; a broker lies on many shortest paths.' }) betweenness!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Wasserman–Faust closeness, 0..1; 0 only for an organisation without ties. Null when skipped or when no sampled source reached it.',
  })
  closeness!: number | null;
  @Field(() => Float) pagerank!: number;
  @Field(() => Int, { description: 'k-core number.' }) coreness!: number;
  @Field(() => Int) community!: number;
  @Field({ description: 'A single point of failure: removing it splits the network.' }) isArticulationPoint!: boolean;
}

@ObjectType()
export class Components {
  @Field(() => Int) count!: number;
  @Field(() => Int) largest!: number;
  @Field(() => [String]) largestMembers!: string[];
}

@ObjectType()
export class Communities {
  @Field(() => Int) count!: number;
  @Field(() => Float) modularity!: number;
  @Field(() => Int) seed!: number;
  @Field(() => [[String]]) members!: string[][];
}

@ObjectType({ description: 'How betweenness and closeness were computed: exact, or estimated from sampled sources with an error bound.' })
export class Centrality {
  @Field({ description: 'exact, sample or skip' }) mode!: string;
  @Field(() => Int, { description: 'Breadth-first searches run: when exact, one per set of organisations with the same partners.' }) sources!: number;
  @Field({ description: 'True when betweenness and closeness are estimates (above the exact limit); the page must say so.' }) estimated!: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'When estimated: every betweenness is within ± this of its exact value with probability `confidence`. Null when exact.',
  })
  errorBound!: number | null;
  @Field(() => Float, { nullable: true, description: 'Probability that the error bound holds (0.95); null when exact.' }) confidence!: number | null;
  @Field(() => Int, { description: 'Organisations whose values are estimates (those in sampled groups); 0 when exact.' }) estimatedOrganisations!: number;
}

@ObjectType({ description: 'The collaboration network of organisations on one date (docs/measures.md).' })
export class NetworkMetrics {
  @Field(() => IsoDateScalar) at!: string;
  @Field(() => Int) size!: number;
  @Field(() => Int) ties!: number;
  @Field(() => Float) totalWeight!: number;
  @Field(() => Float) density!: number;
  @Field(() => Components) components!: Components;
  @Field(() => Float, { description: 'Freeman degree centralisation, 0..1.' }) degreeCentralisation!: number;
  @Field(() => Communities) communities!: Communities;
  @Field(() => [String]) articulationPoints!: string[];
  @Field(() => [String], { description: 'Ties whose loss splits a component.' }) bridges!: string[];
  @Field(() => Int) maxCore!: number;
  @Field(() => [String]) maxCoreMembers!: string[];
  @Field(() => Centrality) centrality!: Centrality;
  @Field(() => [OrganisationMetrics]) organisations!: OrganisationMetrics[];
  @Field(() => Evidence) evidence!: Evidence;
}

@ObjectType()
export class GrowthEvidence {
  @Field(() => [String]) organisations!: string[];
  @Field(() => [String]) newOrganisations!: string[];
  @Field(() => [String]) retained!: string[];
  @Field(() => [String]) ties!: string[];
  @Field(() => [String]) activities!: string[];
  @Field(() => [EvidenceItem]) organisationItems!: EvidenceItem[];
  @Field(() => [EvidenceItem]) newOrganisationItems!: EvidenceItem[];
  @Field(() => [EvidenceItem]) retainedItems!: EvidenceItem[];
  @Field(() => [EvidenceTie]) tieItems!: EvidenceTie[];
  @Field(() => [EvidenceItem]) activityItems!: EvidenceItem[];
}

@ObjectType()
export class GrowthPeriod {
  @Field({ description: "'2021-03' for a month, '2021-Q1' for a quarter." }) label!: string;
  @Field(() => IsoDateScalar) from!: string;
  @Field(() => IsoDateScalar) to!: string;
  @Field(() => Int) activeOrganisations!: number;
  @Field(() => Int) newOrganisations!: number;
  @Field(() => Int) ties!: number;
  @Field(() => Int) activities!: number;
  @Field(() => Float) density!: number;
  @Field(() => Float, { nullable: true }) retention!: number | null;
  @Field(() => GrowthEvidence) evidence!: GrowthEvidence;
}

@ObjectType()
export class RootingBasis {
  @Field(() => Float) counted!: number;
  @Field(() => Float) of!: number;
}

@ObjectType({ description: 'One organisation coordinating one network without a break for longer than the limit.' })
export class RootingCoordinationRun {
  @Field(() => EvidenceItem) organisation!: EvidenceItem;
  @Field(() => EvidenceItem) network!: EvidenceItem;
  @Field(() => Float) years!: number;
  @Field(() => Float, { description: 'The factor shared responsibility was scaled by (limit ÷ years).' }) penalty!: number;
}

@ObjectType({ description: 'One of the seven parts of rooting, 0..1, with the evidence behind it.' })
export class RootingPart {
  @Field(() => RootingKeyEnum) key!: RootingKey;
  @Field(() => Float, { nullable: true, description: 'Null when the part does not apply (see reason).' }) value!: number | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => RootingReasonEnum, { nullable: true, description: 'The reason as a code, for a text in the reader’s language.' }) reasonCode!: RootingReason | null;
  @Field({ description: 'Left out because data is missing (e.g. no co-implementers, no adoption recorded), not scored 0.' }) missingData!: boolean;
  @Field(() => Float) weight!: number;
  @Field(() => RootingBasis, { nullable: true }) basis!: RootingBasis | null;
  @Field(() => Evidence) evidence!: Evidence;
  @Field({ description: 'A sentence in English that names organisations, never their ids.' }) explanation!: string;
  @Field(() => RootingCoordinationRun, { nullable: true, description: 'Shared responsibility: the coordination held too long.' })
  coordinationRun!: RootingCoordinationRun | null;
}

@ObjectType()
export class RootingScopeInfo {
  @Field() kind!: string;
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => IsoDateScalar, { nullable: true }) start!: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) end!: string | null;
  @Field(() => [String]) projects!: string[];
  @Field(() => [String]) networks!: string[];
}

@ObjectType()
export class RootingWeight {
  @Field(() => RootingKeyEnum) key!: RootingKey;
  @Field(() => Float) weight!: number;
}

@ObjectType({ description: 'Is the network taking root? The index is the weighted mean of the applicable parts.' })
export class RootingReport {
  @Field(() => RootingScopeInfo) scope!: RootingScopeInfo;
  @Field(() => IsoDateScalar) at!: string;
  @Field({ description: 'Whether the project period had ended by `at`.' }) ended!: boolean;
  @Field(() => Float, { nullable: true }) index!: number | null;
  @Field(() => [RootingKeyEnum], { description: 'The parts left out of the index (they do not apply, or weigh 0).' }) leftOut!: RootingKey[];
  @Field(() => [RootingWeight]) weights!: RootingWeight[];
  @Field(() => [RootingPart]) parts!: RootingPart[];
}

@ObjectType()
export class RootingMilestone {
  @Field(() => Int) monthsAfterEnd!: number;
  @Field(() => IsoDateScalar) at!: string;
  @Field(() => RootingReport) report!: RootingReport;
}
