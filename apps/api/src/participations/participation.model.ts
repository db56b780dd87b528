import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { ParticipationRole, ParticipationTarget } from '@verkosto/domain';
import { IsoDateScalar } from '../common/date.scalar';
import { ParticipationRoleEnum, ParticipationTargetEnum } from '../common/enums';

@ObjectType({ description: "An organisation's dated role in a project, activity or network." })
export class Participation {
  @Field(() => ID) id!: string;
  @Field() organisationId!: string;
  @Field() targetId!: string;
  @Field(() => ParticipationTargetEnum) targetKind!: ParticipationTarget;
  @Field(() => ParticipationRoleEnum) role!: ParticipationRole;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Empty = since the beginning.' }) validFrom!: string | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Empty = still true.' }) validTo!: string | null;
}

@InputType()
export class ParticipationInput {
  @Field() organisationId!: string;
  @Field({ description: 'A project, activity or network id.' }) targetId!: string;
  @Field(() => ParticipationRoleEnum) role!: ParticipationRole;
  @Field(() => IsoDateScalar, { nullable: true }) validFrom?: string | null;
  @Field(() => IsoDateScalar, { nullable: true }) validTo?: string | null;
}
