import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { badInput, sliceSnapshot, type GraphSnapshot } from '@verkosto/domain';
import type { GraphScope, GraphStore } from '@verkosto/graph';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { GRAPH_STORE } from '../common/store.module';
import { NetworkGraph, SearchHit } from './graph.model';

@Resolver()
export class GraphResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => NetworkGraph, {
    description: 'The map of a network or project: on one date (`at`), in a window (`from`–`to`), or its whole history.',
  })
  async networkGraph(
    @CurrentAccess() access: RequestAccess,
    @Args('networkId', { type: () => ID, nullable: true }) networkId?: string,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
    @Args('at', { type: () => IsoDateScalar, nullable: true }) at?: string,
    @Args('from', { type: () => IsoDateScalar, nullable: true }) from?: string,
    @Args('to', { type: () => IsoDateScalar, nullable: true }) to?: string,
  ): Promise<NetworkGraph> {
    const scope = graphScope(networkId, projectId);
    if (at && (from || to)) throw badInput('Give either a date (at) or a window (from, to), not both.');
    if (from && to && to < from) throw badInput(`The window ends (${to}) before it starts (${from}).`, { field: 'to' });
    const history = await access.visibleSnapshot(await this.store.snapshot(scope));
    const slice = sliceSnapshot(history, { start: at ?? from ?? null, end: at ?? to ?? null });
    return { ...slice, ...dateSpan(history) };
  }

  @Query(() => [SearchHit], { description: 'Organisations, projects, activities and networks whose name or code contains the text.' })
  async search(@CurrentAccess() access: RequestAccess, @Args('text') text: string, @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit: number) {
    return access.visible(await this.store.search(text, limit), (hit) => hit.id);
  }
}

export function graphScope(networkId?: string | null, projectId?: string | null): GraphScope {
  if (networkId && projectId) throw badInput('Give a networkId or a projectId, not both.');
  if (networkId) return { networkId };
  if (projectId) return { projectId };
  throw badInput('Give a networkId or a projectId.');
}

function dateSpan(snapshot: GraphSnapshot): { firstDate: string | null; lastDate: string | null } {
  const dates = [...snapshot.nodes, ...snapshot.edges]
    .flatMap((x) => [x.validFrom, x.validTo])
    .filter((d): d is string => d !== null)
    .sort();
  return { firstDate: dates[0] ?? null, lastDate: dates[dates.length - 1] ?? null };
}
