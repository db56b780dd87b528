import { Field, ID, InputType, ObjectType, PartialType } from '@nestjs/graphql';
import type { Visibility } from '@verkosto/domain';
import { VisibilityEnum } from '../common/enums';
import { Connection } from '../common/page';

@ObjectType({ description: 'A participation network (osallisuusverkosto): the scope a coordination group works in.' })
export class Network {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) goal!: string | null;
  @Field(() => String, { nullable: true }) regionCode!: string | null;
  @Field(() => VisibilityEnum) visibility!: Visibility;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class NetworkConnection extends Connection(Network) {}

@InputType()
export class CreateNetworkInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) goal?: string | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => VisibilityEnum, { nullable: true }) visibility?: Visibility | null;
}

@InputType({ description: 'Fields left out keep their value; null clears one.' })
export class UpdateNetworkInput extends PartialType(CreateNetworkInput) {}
