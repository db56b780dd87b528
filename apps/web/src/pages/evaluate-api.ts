/** The GraphQL calls of the evaluator page: rooting, its milestones, growth and network measures. */
import { gql, type Scope } from '../api';
import type { GrowthPeriodData, MetricsData, MilestoneColumn, MilestoneDate, RootingReportData } from '../model/evaluate-model';
import type { PartnershipData } from '../model/partnership-model';

const REPORT = `at ended index leftOut
  scope { kind id label start end projects networks }
  weights { key weight }
  parts { key value weight reason reasonCode missingData basis { counted of } explanation
    evidence { ties activities organisations tieItems { id label source { id label } target { id label } } activityItems { id label } organisationItems { id label } }
    coordinationRun { organisation { id label } network { id label } years penalty } }`;

const scopeArg = (scope: Scope) => (scope.type === 'network' ? 'networkId' : 'projectId');

export async function fetchRooting(scope: Scope, at: string): Promise<RootingReportData> {
  const data = await gql<{ rooting: RootingReportData }>(`query Rooting($id: ID!, $at: Date) { rooting(${scopeArg(scope)}: $id, at: $at) { ${REPORT} } }`, { id: scope.id, at });
  return data.rooting;
}

export async function fetchMetrics(scope: Scope, at: string): Promise<MetricsData> {
  const data = await gql<{ networkMetrics: MetricsData }>(
    `query Metrics($id: ID!, $at: Date) { networkMetrics(${scopeArg(scope)}: $id, at: $at) {
      at size ties density degreeCentralisation maxCore maxCoreMembers
      components { count largest largestMembers } communities { count modularity members }
      articulationPoints bridges organisations { id label degree betweenness isArticulationPoint }
      centrality { estimated errorBound confidence sources } } }`,
    { id: scope.id, at },
  );
  return data.networkMetrics;
}

const TIES = 'tieItems { id label }';
const STRUCTURE = `size ties density components { count largest }
  eiIndex { value internal external externalTies { ${TIES} } bySector { sector value internal external externalTies { ${TIES} } } }
  clustering { transitivity averageClustering triangles evidence { ${TIES} } }
  multiplexity { value multiplex ties evidence { ${TIES} } }`;

/** The partnership measures on `at`, the tie retention since `comparedTo`, and for a project the network without it. */
export async function fetchPartnership(scope: Scope, at: string, comparedTo: string): Promise<PartnershipData> {
  const data = await gql<{ partnershipMeasures: PartnershipData }>(
    `query Partnership($id: ID!, $at: Date, $cmp: Date) { partnershipMeasures(${scopeArg(scope)}: $id, at: $at, comparedTo: $cmp) {
      at ${STRUCTURE}
      retention { from to value kept lost gained keptTies { ${TIES} } lostTies { ${TIES} } newTies { ${TIES} } }
      withoutProject { ${STRUCTURE} removedOrganisations { organisationItems { id label } } } } }`,
    { id: scope.id, at, cmp: comparedTo },
  );
  return data.partnershipMeasures;
}

export async function fetchGrowth(scope: Scope, from: string, to: string, interval: 'MONTH' | 'QUARTER'): Promise<GrowthPeriodData[]> {
  const data = await gql<{ growth: GrowthPeriodData[] }>(
    `query Growth($id: ID!, $from: Date!, $to: Date!, $interval: GrowthInterval!) {
      growth(${scopeArg(scope)}: $id, from: $from, to: $to, interval: $interval) { label from to activeOrganisations newOrganisations ties activities density retention } }`,
    { id: scope.id, from, to, interval },
  );
  return data.growth;
}

/**
 * Reports on the comparison dates in one request. A project's end and after come from
 * rootingMilestones (the server's own dates); its start, and every date of a network, from rooting.
 */
export async function fetchMilestones(scope: Scope, dates: MilestoneDate[]): Promise<MilestoneColumn[]> {
  if (!dates.length) return [];
  if (scope.type === 'project') {
    const start = dates.find((d) => d.key === 'start');
    const data = await gql<{ milestones: { at: string; monthsAfterEnd: number; report: RootingReportData }[]; start?: RootingReportData }>(
      `query Milestones($id: ID!${start ? ', $start: Date' : ''}) {
        milestones: rootingMilestones(projectId: $id) { at monthsAfterEnd report { ${REPORT} } }
        ${start ? `start: rooting(projectId: $id, at: $start) { ${REPORT} }` : ''} }`,
      start ? { id: scope.id, start: start.at } : { id: scope.id },
    );
    const after: MilestoneColumn[] = data.milestones.map((m) => ({
      key: m.monthsAfterEnd === 0 ? 'end' : (`m${m.monthsAfterEnd}` as MilestoneColumn['key']),
      at: m.at,
      monthsAfterEnd: m.monthsAfterEnd,
      report: m.report,
    }));
    return start && data.start ? [{ ...start, report: data.start }, ...after] : after;
  }
  const vars = dates.map((_, i) => `$d${i}: Date`).join(', ');
  const fields = dates.map((_, i) => `r${i}: rooting(networkId: $id, at: $d${i}) { ${REPORT} }`).join('\n');
  const data = await gql<Record<string, RootingReportData>>(`query Milestones($id: ID!, ${vars}) { ${fields} }`, {
    id: scope.id,
    ...Object.fromEntries(dates.map((d, i) => [`d${i}`, d.at])),
  });
  return dates.map((d, i) => ({ ...d, report: data[`r${i}`] }));
}
