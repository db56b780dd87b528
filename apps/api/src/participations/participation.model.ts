import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { ParticipationRole, ParticipationTarget, TieSourceKind } from '@verkosto/domain';
import { IsoDateScalar } from '../common/date.scalar';
import { ParticipationRoleEnum, ParticipationTargetEnum, TieSourceKindEnum } from '../common/enums';

@ObjectType({ description: 'Where a tie comes from.' })
export class TieSource {
  @Field(() => TieSourceKindEnum) kind!: TieSourceKind;
  @Field(() => String, {
    nullable: true,
    description: 'Who entered it (MANUAL), file and row (IMPORT, e.g. kumppanit.xlsx#12), registry and record (REGISTRY, e.g. ytj:1234567-8).',
  })
  ref!: string | null;
}

@ObjectType({ description: "An organisation's dated role in a project, activity or network." })
export class Participation {
  @Field(() => ID) id!: string;
  @Field() organisationId!: string;
  @Field() targetId!: string;
  @Field(() => ParticipationTargetEnum) targetKind!: ParticipationTarget;
  @Field(() => ParticipationRoleEnum) role!: ParticipationRole;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Empty = since the beginning.' }) validFrom!: string | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Empty = still true.' }) validTo!: string | null;
  @Field(() => TieSource) source!: TieSource;
  @Field(() => String, { nullable: true, description: 'When someone last confirmed the tie holds (ISO time); empty = not since it was imported.' })
  confirmedAt!: string | null;
}

@InputType({ description: 'A tie read from a file or a registry; leave it out for a tie entered by hand.' })
export class TieSourceInput {
  @Field(() => TieSourceKindEnum) kind!: TieSourceKind;
  @Field(() => String, { nullable: true }) ref?: string | null;
}

@InputType()
export class ParticipationInput {
  @Field() organisationId!: string;
  @Field({ description: 'A project, activity or network id.' }) targetId!: string;
  @Field(() => ParticipationRoleEnum) role!: ParticipationRole;
  @Field(() => IsoDateScalar, { nullable: true }) validFrom?: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) validTo?: string | null;
  @Field(() => TieSourceInput, { nullable: true }) source?: TieSourceInput | null;
}
