/**
 * The code against an independent oracle: NetworkX on fixed graphs (tools/oracle/README.md). The
 * golden files are written by tools/oracle/measures.py from the inputs beside them and committed;
 * CI regenerates both and fails on a difference (tools/oracle/check.sh).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphSnapshot } from '@verkosto/domain';
import { growth, networkMetrics, networkMetricsAsync, partnershipMeasures, type NetworkMetrics, type StructureMeasures } from '@verkosto/analytics';

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
interface GoldenEi {
  value: number | null;
  internalTies: string[];
  externalTies: string[];
}
interface GoldenStructure {
  size: number;
  ties: number;
  density: number;
  components: { count: number; largest: number; largestMembers: string[] };
  eiIndex: GoldenEi & { bySector: Record<string, GoldenEi & { organisations: string[] }> };
  transitivity: number;
  averageClustering: number;
  multiplexity: { value: number | null; multiplexTies: string[] };
  organisations: string[];
  tieIds: string[];
}
interface GoldenPartnership extends Partial<GoldenStructure> {
  case: { at: string; comparedTo: string | null; projectId: string | null };
  retention?: { from: string; to: string; value: number | null; keptTies: string[]; lostTies: string[]; newTies: string[] };
  withoutProject?: GoldenStructure & { removedOrganisations: string[] };
}
interface Golden {
  name: string;
  oracle: string;
  metrics: GoldenMetrics[];
  growth: { from: string; to: string; interval: 'MONTH' | 'QUARTER'; periods: ReturnType<typeof growth> }[];
  partnership: GoldenPartnership[];
}

const sorted = (ids: string[]) => [...ids].sort();
const near = (got: number | null, want: number | null, tolerance = TOLERANCE) => {
  if (want === null) return expect(got).toBeNull();
  expect(got).not.toBeNull();
  expect(Math.abs(got! - want)).toBeLessThanOrEqual(tolerance);
};

/** The E-I index, clustering, multiplexity and basic counts of one tie graph against the oracle's. */
function expectStructure(got: StructureMeasures, want: GoldenStructure) {
  expect({ size: got.size, ties: got.ties, components: got.components.count, largest: got.components.largest }).toEqual({
    size: want.size,
    ties: want.ties,
    components: want.components.count,
    largest: want.components.largest,
  });
  expect(sorted(got.components.largestMembers)).toEqual(sorted(want.components.largestMembers));
  expect(sorted(got.organisations)).toEqual(sorted(want.organisations));
  expect(sorted(got.tieIds)).toEqual(sorted(want.tieIds));
  near(got.density, want.density);
  near(got.clustering.transitivity, want.transitivity);
  near(got.clustering.averageClustering, want.averageClustering);
  near(got.eiIndex.value, want.eiIndex.value);
  expect(sorted(got.eiIndex.internalTies)).toEqual(sorted(want.eiIndex.internalTies));
  expect(sorted(got.eiIndex.externalTies)).toEqual(sorted(want.eiIndex.externalTies));
  expect(got.eiIndex.bySector.map((s) => s.sector)).toEqual(Object.keys(want.eiIndex.bySector).sort());
  for (const s of got.eiIndex.bySector) {
    const w = want.eiIndex.bySector[s.sector];
    near(s.value, w.value);
    expect([sorted(s.organisations), sorted(s.internalTies), sorted(s.externalTies)]).toEqual([sorted(w.organisations), sorted(w.internalTies), sorted(w.externalTies)]);
  }
  near(got.multiplexity.value, want.multiplexity.value);
  expect(sorted(got.multiplexity.multiplexTies)).toEqual(sorted(want.multiplexity.multiplexTies));
}

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

describe.each(inputs)('the partnership oracle on %s', (name) => {
  const input = JSON.parse(readFileSync(join(DIR, 'inputs', `${name}.json`), 'utf8')) as { snapshot: GraphSnapshot };
  const golden = JSON.parse(readFileSync(join(DIR, `${name}.golden.json`), 'utf8')) as Golden;

  it.each(golden.partnership.map((g) => [`${g.case.at} vs ${g.case.comparedTo ?? '–'} without ${g.case.projectId ?? '–'}`, g] as const))(
    'partnership measures on %s',
    (_, want) => {
      const got = partnershipMeasures(input.snapshot, want.case.at, { comparedTo: want.case.comparedTo, projectId: want.case.projectId });
      if (!want.case.projectId) expectStructure(got, want as GoldenStructure);
      if (want.retention) {
        const r = got.retention!;
        expect([r.from, r.to, sorted(r.keptTies), sorted(r.lostTies), sorted(r.newTies)]).toEqual([
          want.retention.from,
          want.retention.to,
          sorted(want.retention.keptTies),
          sorted(want.retention.lostTies),
          sorted(want.retention.newTies),
        ]);
        near(r.value, want.retention.value);
      } else expect(got.retention).toBeNull();
      if (want.withoutProject) {
        expectStructure(got.withoutProject!, want.withoutProject);
        expect(got.withoutProject!.removedOrganisations).toEqual(want.withoutProject.removedOrganisations);
      } else expect(got.withoutProject).toBeNull();
    },
  );
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
