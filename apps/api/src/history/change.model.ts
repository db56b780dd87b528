import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Change as DomainChange, ChangeEntityKind, ChangeOperation } from '@verkosto/domain';
import { IsoDateScalar } from '../common/date.scalar';
import { ChangeEntityKindEnum, ChangeOperationEnum } from '../common/enums';
import { Connection } from '../common/page';

@ObjectType({ description: 'Who made a change: a user (id and email), "anonymous" or "system".' })
export class ChangeActor {
  @Field() id!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType({ description: "One entity's state before and after a change, as JSON (null before = created, null after = deleted)." })
export class ChangeEffect {
  @Field(() => ChangeEntityKindEnum) kind!: ChangeEntityKind;
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ description: 'A recorded change: who, when, what, and the state before and after.' })
export class Change {
  @Field(() => ID) id!: string;
  @Field({ description: 'When, as an ISO time.' }) at!: string;
  @Field(() => ChangeActor) actor!: ChangeActor;
  @Field(() => ChangeOperationEnum) operation!: ChangeOperation;
  @Field(() => ChangeEntityKindEnum) entityKind!: ChangeEntityKind;
  @Field(() => ID) entityId!: string;
  @Field({ description: 'The name of the entity when the change was made.' }) label!: string;
  @Field(() => [ID], { description: 'Every entity whose state the change set.' }) entityIds!: string[];
  @Field(() => [ID], { description: 'Entities it refers to without changing them.' }) refIds!: string[];
  @Field(() => [ID]) networkIds!: string[];
  @Field(() => String, { nullable: true, description: "The entity's fields before, as JSON." }) before!: string | null;
  @Field(() => String, { nullable: true, description: "The entity's fields after, as JSON." }) after!: string | null;
  @Field(() => [ChangeEffect], { description: 'Everything the change set, the entity itself and what went with it.' })
  effects!: ChangeEffect[];
  @Field(() => ID, { nullable: true, description: 'The change this one undid.' }) undoOf!: string | null;
  @Field(() => ID, { nullable: true, description: 'The change that undid this one.' }) undoneBy!: string | null;
}

@ObjectType()
export class ChangeConnection extends Connection(Change) {}

@ArgsType()
export class ChangesArgs {
  @Field(() => ID, { nullable: true, description: 'Changes that set or refer to this entity.' }) entityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Changes to anything in this network.' }) networkId?: string | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'First day included.' }) from?: string | null;
  @Field(() => IsoDateScalar, { nullable: true, description: 'Last day included.' }) to?: string | null;
  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50).' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null;
}

const json = (value: object | null) => (value === null ? null : JSON.stringify(value));

/** A stored change as the API shows it: states as JSON text, the main entity's pair on top. */
export function toChangeModel(change: DomainChange): Change {
  const main = change.effects.find((e) => e.id === change.entityId) ?? change.effects[0];
  return {
    ...change,
    before: json(main?.before ?? null),
    after: json(main?.after ?? null),
    effects: change.effects.map((e) => ({ kind: e.kind, id: e.id, before: json(e.before), after: json(e.after) })),
  };
}
