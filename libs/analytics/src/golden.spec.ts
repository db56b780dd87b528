/**
 * The code against an independent oracle: NetworkX on fixed graphs (tools/oracle/README.md). The
 * golden files are written by tools/oracle/measures.py from the inputs beside them and committed;
 * CI regenerates both and fails on a difference (tools/oracle/check.sh).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphSnapshot } from '@verkosto/domain';
import { growth, networkMetrics, networkMetricsAsync, type NetworkMetrics } from '@verkosto/analytics';

const DIR = join(__dirname, 'golden');
const TOLERANCE = 1e-9;
/** Both PageRanks are power iterations stopped near 1e-12 (the code) and 1e-14 (NetworkX). */
const PAGERANK_TOLERANCE = 1e-9;
/** Louvain is a heuristic: the two implementations may settle on different partitions of about the same quality. */
const MODULARITY_TOLERANCE = 0.05;

interface GoldenOrganisation {
  degree: number;
  weightedDegree: number;
  betweenness: number;
  closeness: number;
  pagerank: number;
  coreness: number;
  isArticulationPoint: boolean;
}
interface GoldenMetrics extends Omit<NetworkMetrics, 'organisations' | 'communities' | 'centrality'> {
  louvainModularity: number | null;
  organisations: Record<string, GoldenOrganisation>;
}
interface Golden {
  name: string;
  oracle: string;
  metrics: GoldenMetrics[];
  growth: { from: string; to: string; interval: 'MONTH' | 'QUARTER'; periods: ReturnType<typeof growth> }[];
}

const sorted = (ids: string[]) => [...ids].sort();
const near = (got: number | null, want: number | null, tolerance = TOLERANCE) => {
  if (want === null) return expect(got).toBeNull();
  expect(got).not.toBeNull();
  expect(Math.abs(got! - want)).toBeLessThanOrEqual(tolerance);
};

const inputs = readdirSync(join(DIR, 'inputs'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe.each(inputs)('the oracle on %s', (name) => {
  const input = JSON.parse(readFileSync(join(DIR, 'inputs', `${name}.json`), 'utf8')) as { snapshot: GraphSnapshot };
  const golden = JSON.parse(readFileSync(join(DIR, `${name}.golden.json`), 'utf8')) as Golden;

  it.each(golden.metrics.map((g) => [g.at, g] as const))('network metrics on %s', (at, want) => {
    const got = networkMetrics(input.snapshot, at);
    expect(got.centrality).toMatchObject({ mode: got.size ? 'exact' : 'skip', estimated: false });
    expect({ size: got.size, ties: got.ties, totalWeight: got.totalWeight, maxCore: got.maxCore }).toEqual({
      size: want.size,
      ties: want.ties,
      totalWeight: want.totalWeight,
      maxCore: want.maxCore,
    });
    near(got.density, want.density);
    near(got.degreeCentralisation, want.degreeCentralisation);
    expect({ count: got.components.count, largest: got.components.largest }).toEqual({ count: want.components.count, largest: want.components.largest });
    expect(sorted(got.components.largestMembers)).toEqual(sorted(want.components.largestMembers));
    expect(sorted(got.articulationPoints)).toEqual(sorted(want.articulationPoints));
    expect(sorted(got.bridges)).toEqual(sorted(want.bridges));
    expect(sorted(got.maxCoreMembers)).toEqual(sorted(want.maxCoreMembers));
    expect(sorted(got.evidence.ties)).toEqual(sorted(want.evidence.ties));
    expect(sorted(got.evidence.activities)).toEqual(sorted(want.evidence.activities));
    expect(sorted(got.evidence.organisations)).toEqual(sorted(want.evidence.organisations));
    expect(sorted(got.organisations.map((o) => o.id))).toEqual(sorted(Object.keys(want.organisations)));
    for (const o of got.organisations) {
      const w = want.organisations[o.id];
      expect({ id: o.id, degree: o.degree, weightedDegree: o.weightedDegree, coreness: o.coreness, cut: o.isArticulationPoint }).toEqual({
        id: o.id,
        degree: w.degree,
        weightedDegree: w.weightedDegree,
        coreness: w.coreness,
        cut: w.isArticulationPoint,
      });
      near(o.betweenness, w.betweenness);
      near(o.closeness, w.closeness);
      near(o.pagerank, w.pagerank, PAGERANK_TOLERANCE);
    }
    if (want.louvainModularity === null) expect(got.communities.modularity).toBe(0);
    else expect(Math.abs(got.communities.modularity - want.louvainModularity)).toBeLessThanOrEqual(MODULARITY_TOLERANCE);
  });

  it.each(golden.growth.map((g) => [`${g.interval} ${g.from}–${g.to}`, g] as const))('growth by %s', (_, want) => {
    const got = growth(input.snapshot, want.from, want.to, want.interval);
    expect(got.map((p) => p.label)).toEqual(want.periods.map((p) => p.label));
    got.forEach((p, i) => {
      const w = want.periods[i];
      const { density, retention, evidence, ...counts } = p;
      const { density: wd, retention: wr, evidence: we, ...wantCounts } = w;
      expect(counts).toEqual(wantCounts);
      near(density, wd);
      near(retention, wr);
      for (const key of ['organisations', 'newOrganisations', 'retained', 'ties', 'activities'] as const) expect(sorted(evidence[key])).toEqual(sorted(we[key]));
    });
  });
});

describe('the oracle through worker threads', () => {
  it('gives the same betweenness and closeness on the generated network', async () => {
    const input = JSON.parse(readFileSync(join(DIR, 'inputs', 'generated.json'), 'utf8')) as { snapshot: GraphSnapshot };
    const golden = JSON.parse(readFileSync(join(DIR, 'generated.golden.json'), 'utf8')) as Golden;
    for (const want of golden.metrics) {
      const got = await networkMetricsAsync(input.snapshot, want.at, { threads: 2 });
      for (const o of got.organisations) {
        near(o.betweenness, want.organisations[o.id].betweenness);
        near(o.closeness, want.organisations[o.id].closeness);
      }
    }
  });
});
