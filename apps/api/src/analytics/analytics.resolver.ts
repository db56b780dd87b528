import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { growth, labelsOf, lazilyNamed, MetricsCache, networkMetricsAsync, partnershipMeasures, rooting, rootingReports, type RootingReport as Report } from '@verkosto/analytics';
import { badInput, todayIso } from '@verkosto/domain';
import type { GraphStore } from '@verkosto/graph';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { IsoDateScalar } from '../common/date.scalar';
import { GRAPH_STORE } from '../common/store.module';
import { graphScope } from '../graph/graph.resolver';
import { GrowthIntervalEnum, GrowthPeriod, NetworkMetrics, RootingMilestone, RootingReport } from './analytics.model';
import { PartnershipMeasures } from './partnership.model';
import { partnershipView } from './partnership.view';

/** Measures of DESIGN §5, computed in memory on the scope's dated snapshot. */
@Resolver()
export class AnalyticsResolver {
  /** Answers kept until the next graph write, per scope, date and visibility (MetricsCache). */
  private readonly metrics = new MetricsCache();

  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => NetworkMetrics, { description: 'Size, density, brokers, communities and weak points of a network on a date (default today).' })
  async networkMetrics(
    @CurrentAccess() access: RequestAccess,
    @Args('networkId', { type: () => ID, nullable: true }) networkId?: string,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
    @Args('at', { type: () => IsoDateScalar, nullable: true }) at?: string,
  ) {
    const scope = graphScope(networkId, projectId);
    const date = at ?? todayIso();
    // The version is read before the snapshot: the snapshot may be newer than it, never older.
    const version = await this.store.graphVersion();
    const key = [JSON.stringify(scope), date, this.metrics.visibilityKey(await access.hiddenIds())].join('\n');
    return this.metrics.get(version, key, async () => {
      const snapshot = await access.visibleSnapshot(await this.store.snapshot(scope));
      const metrics = await networkMetricsAsync(snapshot, date);
      return { ...metrics, evidence: lazilyNamed(metrics.evidence, labelsOf(snapshot)) };
    });
  }

  @Query(() => PartnershipMeasures, {
    description:
      'E-I index by sector, transitivity, multiplexity on a date (default today); tie retention against `comparedTo`; for a project, the network without the project and its leads.',
  })
  async partnershipMeasures(
    @CurrentAccess() access: RequestAccess,
    @Args('networkId', { type: () => ID, nullable: true }) networkId?: string,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
    @Args('at', { type: () => IsoDateScalar, nullable: true }) at?: string,
    @Args('comparedTo', { type: () => IsoDateScalar, nullable: true, description: 'A second date: the tie retention between it and `at`.' }) comparedTo?: string,
  ) {
    const snapshot = await access.visibleSnapshot(await this.store.snapshot(graphScope(networkId, projectId)));
    return partnershipView(partnershipMeasures(snapshot, at ?? todayIso(), { comparedTo: comparedTo ?? null, projectId: projectId ?? null }), labelsOf(snapshot));
  }

  @Query(() => [GrowthPeriod], { description: 'Organisations, new organisations, ties, activities, density and retention per month or quarter.' })
  async growth(
    @CurrentAccess() access: RequestAccess,
    @Args('networkId', { type: () => ID, nullable: true }) networkId: string | undefined,
    @Args('projectId', { type: () => ID, nullable: true }) projectId: string | undefined,
    @Args('from', { type: () => IsoDateScalar }) from: string,
    @Args('to', { type: () => IsoDateScalar }) to: string,
    @Args('interval', { type: () => GrowthIntervalEnum, defaultValue: GrowthIntervalEnum.QUARTER }) interval: GrowthIntervalEnum,
  ) {
    if (to < from) throw badInput(`"to" (${to}) is before "from" (${from}).`, { field: 'to' });
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12;
    if (months > 12 * 30) throw badInput('Ask for at most 30 years at a time.', { field: 'to' });
    const snapshot = await access.visibleSnapshot(await this.store.snapshot(graphScope(networkId, projectId)));
    const labelOf = labelsOf(snapshot);
    return growth(snapshot, from, to, interval).map((p) => ({ ...p, evidence: lazilyNamed(p.evidence, labelOf) }));
  }

  @Query(() => RootingReport, { description: 'Is the project or network taking root on the date (default today)? Seven parts with evidence and their weighted index.' })
  async rooting(
    @CurrentAccess() access: RequestAccess,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
    @Args('networkId', { type: () => ID, nullable: true }) networkId?: string,
    @Args('at', { type: () => IsoDateScalar, nullable: true }) at?: string,
  ) {
    const scope = graphScope(networkId, projectId);
    const snapshot = await access.visibleSnapshot(await this.store.snapshot(scope));
    return toGraphQL(rooting(snapshot, projectId ? { projectId } : { networkId: networkId as string }, at ?? todayIso()));
  }

  @Query(() => [RootingMilestone], { description: "A project's rooting at its end and 6, 12 and 24 months after." })
  async rootingMilestones(@CurrentAccess() access: RequestAccess, @Args('projectId', { type: () => ID }) projectId: string) {
    const snapshot = await access.visibleSnapshot(await this.store.snapshot({ projectId }));
    return rootingReports(snapshot, projectId).map((m) => ({ ...m, report: toGraphQL(m.report) }));
  }
}

function toGraphQL(report: Report) {
  return { ...report, weights: Object.entries(report.weights).map(([key, weight]) => ({ key, weight })) };
}
