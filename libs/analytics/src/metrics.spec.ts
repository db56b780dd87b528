import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { networkMetrics, type NetworkMetrics } from '@verkosto/analytics';
import { KARATE_EDGES, karateId, karateSnapshot } from './karate.fixture';
import { activity, network, org, snapshot, takesPart } from './snapshots.fixture';
import { expectNoNaN } from './expect-finite.fixture';

const AT = '2024-01-01';
const byId = (m: NetworkMetrics, member: number) => m.organisations.find((o) => o.id === karateId(member))!;

describe('networkMetrics on Zachary’s karate club', () => {
  const m = networkMetrics(karateSnapshot(), AT);

  it('has the published size and density', () => {
    expect(m.size).toBe(34);
    expect(m.ties).toBe(78);
    expect(m.density).toBeCloseTo(0.139, 3);
    expect(m.components).toMatchObject({ count: 1, largest: 34 });
  });

  it('finds the published brokers: normalised betweenness of members 1 and 34', () => {
    expect(m.centrality.mode).toBe('exact');
    expect(byId(m, 1).betweenness).toBeCloseTo(0.4376, 4);
    expect(byId(m, 34).betweenness).toBeCloseTo(0.3041, 4);
  });

  it('agrees with graphology’s own Brandes betweenness on every member', () => {
    const g = new UndirectedGraph();
    for (const [a, b] of KARATE_EDGES) g.mergeEdge(karateId(a), karateId(b));
    const reference = betweennessCentrality(g, { normalized: true });
    for (const o of m.organisations) expect(o.betweenness).toBeCloseTo(reference[o.id], 10);
  });

  it('gives the published closeness of members 1 and 34', () => {
    expect(byId(m, 1).closeness).toBeCloseTo(0.569, 3);
    expect(byId(m, 34).closeness).toBeCloseTo(0.55, 3);
  });

  it('finds a Louvain partition with modularity in the published range, reproducibly', () => {
    expect(m.communities.modularity).toBeGreaterThanOrEqual(0.4);
    expect(m.communities.modularity).toBeLessThanOrEqual(0.42);
    expect(m.communities.count).toBeGreaterThanOrEqual(3);
    expect(m.communities.count).toBeLessThanOrEqual(5);
    expect(networkMetrics(karateSnapshot(), AT).communities).toEqual(m.communities);
  });

  it('has the 4-core of ten members', () => {
    expect(m.maxCore).toBe(4);
    expect(m.maxCoreMembers).toEqual([1, 2, 3, 4, 8, 9, 14, 31, 33, 34].map(karateId));
    expect(byId(m, 12).coreness).toBe(1);
  });

  it('finds member 1 as the only articulation point and 1–12 as the only bridge', () => {
    expect(m.articulationPoints).toEqual([karateId(1)]);
    expect(m.bridges).toEqual([`${karateId(1)}|${karateId(12)}`]);
    expect(byId(m, 1).isArticulationPoint).toBe(true);
  });

  it('computes Freeman degree centralisation, degrees and PageRank', () => {
    expect(m.degreeCentralisation).toBeCloseTo((34 * 17 - 156) / (33 * 32), 10);
    expect(byId(m, 34).degree).toBe(17);
    expect(byId(m, 1).weightedDegree).toBe(16);
    const ranks = [...m.organisations].sort((a, b) => b.pagerank - a.pagerank);
    expect(ranks[0].id).toBe(karateId(34));
    expect(m.organisations.reduce((s, o) => s + o.pagerank, 0)).toBeCloseTo(1, 6);
  });

  it('returns its evidence', () => {
    expect(m.evidence.ties).toHaveLength(78);
    expect(m.evidence.activities).toHaveLength(78);
    expect(m.evidence.organisations).toHaveLength(34);
  });
});

describe('networkMetrics options', () => {
  it('skips betweenness and closeness on request', () => {
    const m = networkMetrics(karateSnapshot(), AT, { centrality: 'skip' });
    expect(m.centrality).toMatchObject({ mode: 'skip', sources: 0, estimated: false, errorBound: null });
    expect(m.organisations.every((o) => o.betweenness === null && o.closeness === null)).toBe(true);
  });

  it('samples sources: all of them is exact, fewer is a finite estimate', () => {
    const exact = networkMetrics(karateSnapshot(), AT);
    const all = networkMetrics(karateSnapshot(), AT, { centrality: 'sample', samples: 34 });
    all.organisations.forEach((o, i) => expect(o.betweenness).toBeCloseTo(exact.organisations[i].betweenness!, 10));
    const some = networkMetrics(karateSnapshot(), AT, { centrality: 'sample', samples: 12, seed: 7 });
    expect(some.centrality).toMatchObject({ mode: 'sample', sources: 12, estimated: true, confidence: 0.95, estimatedOrganisations: 34 });
    expect(some.centrality.errorBound).toBeGreaterThan(0);
    expectNoNaN(some);
    expect(byId(some, 1).betweenness).toBeGreaterThan(0.2);
  });

  it('chooses sampling automatically above the exact limit', () => {
    expect(networkMetrics(karateSnapshot(), AT, { exactLimit: 10, samples: 5 }).centrality).toMatchObject({ mode: 'sample', sources: 5, estimated: true });
    expect(networkMetrics(karateSnapshot(), AT, { exactTieLimit: 70, samples: 5 }).centrality).toMatchObject({ mode: 'sample', sources: 5 });
    expect(networkMetrics(karateSnapshot(), AT).centrality).toEqual({
      mode: 'exact',
      sources: 29, // 34 members, 5 of them twins of another (the same friends)
      estimated: false,
      errorBound: null,
      confidence: null,
      estimatedOrganisations: 0,
    });
  });
});

describe('networkMetrics edge cases', () => {
  it('an empty snapshot gives zeros, never NaN', () => {
    const m = networkMetrics(snapshot([], []), AT);
    expect(m.size).toBe(0);
    expect(m.density).toBe(0);
    expect(m.components).toEqual({ count: 0, largest: 0, largestMembers: [] });
    expectNoNaN(m);
  });

  it('a single organisation is a network of one with no ties', () => {
    const m = networkMetrics(snapshot([org('a'), network('n')], [takesPart('a', 'n', null, null, 'MEMBER')]), AT);
    expect(m.size).toBe(1);
    expect(m.ties).toBe(0);
    expect(m.communities.count).toBe(1);
    expect(m.organisations[0]).toMatchObject({ degree: 0, betweenness: 0, closeness: 0, pagerank: 1, coreness: 0 });
    expectNoNaN(m);
  });

  it('isolated organisations count in size, not in ties', () => {
    const s = snapshot(
      [org('a'), org('b'), org('c'), activity('x', '2023-01-01', '2024-12-31'), network('n')],
      [takesPart('a', 'x'), takesPart('b', 'x'), takesPart('c', 'n', null, null, 'MEMBER')],
    );
    const m = networkMetrics(s, AT);
    expect(m).toMatchObject({ size: 3, ties: 1, density: 1 / 3, components: { count: 2, largest: 2 } });
    expectNoNaN(m);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => networkMetrics(karateSnapshot(), '1.1.2024')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
