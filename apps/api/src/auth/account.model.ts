import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ACCESS_ROLES, type AccessRole } from '@verkosto/domain';

export const AccessRoleEnum = Object.fromEntries(ACCESS_ROLES.map((r) => [r, r])) as Record<AccessRole, AccessRole>;
registerEnumType(AccessRoleEnum, {
  name: 'AccessRole',
  description:
    'A person’s role in one network: VIEWER reads it; EVALUATOR also runs reports; EDITOR also changes its data; COORDINATOR also edits the network and manages its members.',
});

@ObjectType({ description: 'A role in one network.' })
export class Membership {
  @Field(() => ID) networkId!: string;
  @Field(() => AccessRoleEnum) role!: AccessRole;
}

@ObjectType({ description: 'An account: a person who signs in.' })
export class User {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field({ description: 'Administers the instance: accounts, and every network.' }) isAdmin!: boolean;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true }) lastLoginAt!: string | null;
}

@ObjectType()
export class NetworkMember {
  @Field(() => User) user!: User;
  @Field(() => AccessRoleEnum) role!: AccessRole;
}

@ObjectType()
export class LoginPayload {
  @Field(() => User) user!: User;
  @Field(() => String, { nullable: true, description: 'The session’s CSRF token: send it as the x-csrf-token header with the session cookie.' })
  csrfToken!: string | null;
  @Field(() => String, { nullable: true, description: 'With tokenName: a bearer token for scripts, shown only this once.' })
  token!: string | null;
}

@ObjectType({ description: 'A named token a script sends as `Authorization: Bearer …`. Only a hash of it is stored.' })
export class ApiToken {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true, description: 'Null: lasts until revoked.' }) expiresAt!: string | null;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
}

@ObjectType()
export class NewApiToken {
  @Field({ description: 'The secret, shown only this once.' }) token!: string;
  @Field(() => ApiToken) info!: ApiToken;
}

@InputType()
export class CreateUserInput {
  @Field() email!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field({ description: 'At least 10 characters.' }) password!: string;
  @Field(() => Boolean, { nullable: true }) isAdmin?: boolean | null;
}

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) isAdmin?: boolean | null;
  @Field(() => String, { nullable: true, description: 'A new password (at least 10 characters).' }) password?: string | null;
}
