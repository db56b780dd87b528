/** GraphQL shapes of the partnership measures (docs/measures.md "Partnership measures"). */
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Sector } from '@verkosto/domain';
import { IsoDateScalar } from '../common/date.scalar';
import { SectorEnum } from '../common/enums';
import { Components, Evidence } from './analytics.model';

@ObjectType({ description: 'Krackhardt & Stern E-I index: (external − internal) ÷ (external + internal) ties; internal = both organisations in the same sector.' })
export class EiCount {
  @Field(() => Float, { nullable: true, description: '−1 (all ties inside sectors) .. 1 (all across); null without ties.' }) value!: number | null;
  @Field(() => Int) internal!: number;
  @Field(() => Int) external!: number;
  @Field(() => Evidence, { description: 'The ties inside one sector.' }) internalTies!: Evidence;
  @Field(() => Evidence, { description: 'The ties across sectors.' }) externalTies!: Evidence;
}

@ObjectType({ description: "One sector's E-I index: its ties inside the sector against its ties to other sectors." })
export class SectorEiIndex extends EiCount {
  @Field(() => SectorEnum) sector!: Sector;
  @Field(() => Evidence, { description: "The sector's organisations active on the date." }) organisations!: Evidence;
}

@ObjectType({ description: 'The E-I index of the whole network, and per sector.' })
export class EiIndex extends EiCount {
  @Field(() => [SectorEiIndex]) bySector!: SectorEiIndex[];
}

@ObjectType({ description: 'How often partners of a partner are partners too.' })
export class Clustering {
  @Field(() => Float, { description: 'Global clustering coefficient, 3 × triangles ÷ connected triples (networkx.transitivity); 0 without triples.' }) transitivity!: number;
  @Field(() => Float, { description: 'Mean local clustering over the organisations, 0 for those with fewer than two partners (networkx.average_clustering).' })
  averageClustering!: number;
  @Field(() => Int) triangles!: number;
  @Field(() => Int, { description: 'Connected triples: pairs of partners of one organisation.' }) triples!: number;
  @Field(() => Evidence, { description: 'The ties that lie in a triangle.' }) evidence!: Evidence;
}

@ObjectType({ description: 'Ties whose two organisations are joined in two or more ways on the date: a shared activity, a shared project, the same network.' })
export class Multiplexity {
  @Field(() => Float, { nullable: true, description: 'Multiplex ties ÷ ties; null without ties.' }) value!: number | null;
  @Field(() => Int) multiplex!: number;
  @Field(() => Int) ties!: number;
  @Field(() => Evidence, { description: 'The multiplex ties.' }) evidence!: Evidence;
}

@ObjectType({ description: 'Jaccard similarity of the tie sets on two dates: kept ÷ (kept + lost + new).' })
export class TieRetention {
  @Field(() => IsoDateScalar) from!: string;
  @Field(() => IsoDateScalar) to!: string;
  @Field(() => Float, { nullable: true, description: 'Null when neither date has a tie.' }) value!: number | null;
  @Field(() => Int) kept!: number;
  @Field(() => Int) lost!: number;
  @Field(() => Int, { description: 'New ties (on `to` only).' }) gained!: number;
  @Field(() => Evidence, { description: 'Ties on both dates.' }) keptTies!: Evidence;
  @Field(() => Evidence, { description: 'Ties on `from` only.' }) lostTies!: Evidence;
  @Field(() => Evidence, { description: 'Ties on `to` only.' }) newTies!: Evidence;
}

@ObjectType({ description: 'The partnership measures of one tie graph.' })
export class PartnershipStructure {
  @Field(() => Int) size!: number;
  @Field(() => Int) ties!: number;
  @Field(() => Float) density!: number;
  @Field(() => Components) components!: Components;
  @Field(() => EiIndex) eiIndex!: EiIndex;
  @Field(() => Clustering) clustering!: Clustering;
  @Field(() => Multiplexity) multiplexity!: Multiplexity;
  @Field(() => Evidence, { description: 'The organisations and ties of this graph.' }) evidence!: Evidence;
}

@ObjectType({ description: "The network with the project and its LEAD organisations removed: what is left if the project's own actors vanish." })
export class NetworkWithoutProject extends PartnershipStructure {
  @Field(() => ID) projectId!: string;
  @Field(() => Evidence, { description: 'The lead organisations removed with the project.' }) removedOrganisations!: Evidence;
}

@ObjectType({ description: 'Measures evaluators of partnerships expect (Provan & Milward; the PARTNER tool), on a date (docs/measures.md).' })
export class PartnershipMeasures extends PartnershipStructure {
  @Field(() => IsoDateScalar) at!: string;
  @Field(() => TieRetention, { nullable: true, description: 'Between `comparedTo` and `at` (in date order), when `comparedTo` is given.' }) retention!: TieRetention | null;
  @Field(() => NetworkWithoutProject, { nullable: true, description: 'For a project scope; null for a network.' }) withoutProject!: NetworkWithoutProject | null;
}
