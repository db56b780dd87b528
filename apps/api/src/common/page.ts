import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ArgsType()
export class PageArgs {
  @Field(() => String, { nullable: true, description: 'Case- and accent-insensitive text to look for.' })
  search?: string | null;
  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50).' })
  first?: number | null;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** A cursor connection of `T`: `nodes`, `totalCount` and `pageInfo`. */
export function Connection<T>(item: Type<T>) {
  @ObjectType(`${item.name}Connection`)
  class ConnectionType {
    @Field(() => [item]) nodes!: T[];
    @Field(() => Int) totalCount!: number;
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export function toConnection<T>(page: { items: T[]; totalCount: number | null; endCursor: string | null; hasNextPage: boolean }) {
  return { nodes: page.items, totalCount: page.totalCount, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
}

@ObjectType()
export class DeletePayload {
  @Field() id!: string;
  @Field(() => Int, { description: 'Participations and links removed with it.' }) removedRelationships!: number;
}

/** Whether the query selects `field` of the field being resolved, directly or through fragments. */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) =>
      s.kind === 'Field' ? s.name.value === field : s.kind === 'InlineFragment' ? within(s.selectionSet) : within(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
