import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { INTRODUCTION_MAX_HOPS, introductionPaths, partnerSuggestions } from '@verkosto/analytics';
import { MUNICIPALITIES } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { GRAPH_STORE } from '../common/store.module';
import { IntroductionPath, PartnerRequestInput, PartnerSuggestions } from './partners.model';

/** The partner finder (docs/measures.md, "Partner finder"), on the whole graph's dated snapshot. */
@Resolver()
export class PartnersResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => PartnerSuggestions, {
    description: 'Who should an organisation or project work with, and why: ranked suggestions with their score parts, existing partners apart, and gaps.',
  })
  async partnerSuggestions(@CurrentAccess() access: RequestAccess, @Args('input', { type: () => PartnerRequestInput }) input: PartnerRequestInput) {
    const snapshot = await access.visibleSnapshot(await this.store.snapshot({ all: true }));
    return partnerSuggestions(snapshot, input, { municipalities: MUNICIPALITIES });
  }

  @Query(() => [IntroductionPath], {
    description: `Who can introduce us: every shortest chain (at most ${INTRODUCTION_MAX_HOPS} ties, up to 10 chains) of organisations tied on the date.`,
  })
  async introductionPaths(
    @CurrentAccess() access: RequestAccess,
    @Args('fromId', { type: () => ID }) fromId: string,
    @Args('toId', { type: () => ID }) toId: string,
    @Args('at', { type: () => IsoDateScalar, nullable: true }) at?: string,
    @Args('maxHops', { type: () => Int, defaultValue: INTRODUCTION_MAX_HOPS }) maxHops: number = INTRODUCTION_MAX_HOPS,
  ) {
    const snapshot = await access.visibleSnapshot(await this.store.snapshot({ all: true }));
    return introductionPaths(snapshot, fromId, toId, at ?? null, maxHops);
  }
}
