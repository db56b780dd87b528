import louvain from 'graphology-communities-louvain';
import {
  growth,
  introductionPaths,
  networkMetrics,
  networkMetricsAsync,
  partnerSuggestions,
  pathCentralitiesAsync,
  pathCentralitiesOf,
  centralityPool,
  rooting,
  tieGraph,
  toGraphology,
  type PartnerRequest,
} from '@verkosto/analytics';
import { METHODS, MUNICIPALITIES, seededRng, TARGET_GROUPS, type GraphSnapshot } from '@verkosto/domain';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SYSTEM_ACTOR } from '@verkosto/domain';
import { openStore } from '@verkosto/graph';
import { ANALYTICS_AT, NATIONAL_SIZES, rewriteNetwork, withAnalyticsNetwork, type AnalyticsNetwork } from './analytics-network';
import { generateDataset } from './generate';
import type { Figure, Section, SectionResult } from './report';
import { round, sample, summarise, time } from './stats';

const AT = ANALYTICS_AT;
/** Sampled sources networkMetrics uses above its exact limit (its default). */
const SAMPLES = 256;

const organisationsOf = (s: GraphSnapshot) => s.nodes.filter((n) => n.kind === 'ORGANISATION').length;

/** How well the sampled betweenness and closeness stand in for the exact values. */
function samplingError(exactValues: Map<string, number | null>, sampledValues: Map<string, number | null>, top: number) {
  const exact = new Map([...exactValues].map(([id, v]) => [id, v ?? 0]));
  const sampled = new Map([...sampledValues].map(([id, v]) => [id, v ?? 0]));
  const ranked = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const exactTop = ranked(exact).slice(0, top);
  const sampledTop = new Set(ranked(sampled).slice(0, top));
  const relative = exactTop.map((id) => Math.abs(sampled.get(id)! - exact.get(id)!) / exact.get(id)!);
  return {
    found: exactTop.filter((id) => sampledTop.has(id)).length,
    meanRelative: relative.reduce((a, b) => a + b, 0) / Math.max(1, relative.length),
  };
}

/** networkMetrics, its parts, rooting and growth on the 20,000-organisation network. */
export const analyticsSection: Section = {
  name: 'analytics',
  title: `Measures on a 20,000-organisation network (at ${AT})`,
  run: () => withAnalyticsNetwork(runAnalytics),
};

async function runAnalytics({ store, data, setup }: AnalyticsNetwork): Promise<SectionResult> {
  const scope = { networkId: data.bigNetworkId };
  const figures: Record<string, Figure> = { ...setup };
  const notes: string[] = [];
  const heavy = { warmup: 1, runs: 5, budgetMs: 40_000, minRuns: 3 };

  // Timed alone: the write before each read is not part of the figure.
  const afterWrite: number[] = [];
  for (let i = 0; i < 4; i++) {
    await rewriteNetwork(store, data.bigNetworkId);
    const { ms } = await time(() => store.snapshot(scope));
    if (i > 0) afterWrite.push(ms);
  }
  const read = await sample(() => store.snapshot(scope), heavy);
  const snapshot = read.last;
  const ties = tieGraph(snapshot, AT);
  const tied = new Set(ties.ties.flatMap((t) => [t.source, t.target]));
  Object.assign(figures, {
    'network: organisations': organisationsOf(snapshot),
    'network: participations': snapshot.edges.filter((e) => e.kind === 'PARTICIPATES').length,
    [`${AT}: organisations active`]: ties.organisations.length,
    [`${AT}: organisations with a tie`]: tied.size,
    [`${AT}: ties`]: ties.ties.length,
  });

  figures['snapshot({networkId}) after a write'] = summarise(afterWrite);
  figures['snapshot({networkId}) again, kept until the next write'] = read.timing;
  figures[`tie graph on ${AT}`] = (await sample(() => tieGraph(snapshot, AT), heavy)).timing;
  const metrics = await sample(() => networkMetricsAsync(snapshot, AT), heavy);
  figures[`networkMetrics over worker threads (${metrics.last.centrality.mode}, ${metrics.last.centrality.sources} sources)`] = metrics.timing;
  figures['networkMetrics without betweenness/closeness'] = (await sample(() => networkMetrics(snapshot, AT, { centrality: 'skip' }), heavy)).timing;
  figures['API path after a write: snapshot (kept) + networkMetricsAsync'] = (await sample(async () => networkMetricsAsync(await store.snapshot(scope), AT), heavy)).timing;

  // The standard algorithms on their own, on the same tie graph.
  const graph = toGraphology(ties);
  figures['Louvain (graphology, seeded)'] = (await sample(() => louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRng(42) }), heavy)).timing;
  const sampled = await sample(() => pathCentralitiesOf(ties, { centrality: 'sample', samples: SAMPLES }), heavy);
  figures[`betweenness + closeness, ${SAMPLES} sampled sources`] = sampled.timing;
  // Exact is one BFS per organisation (per set of twins): timed once in this thread and once over
  // the worker threads, and used to measure the sampling error.
  const exact = await time(() => pathCentralitiesOf(ties, { centrality: 'exact' }));
  figures[`betweenness + closeness, exact, one thread (${exact.value.sources} sources, 1 run)`] = summarise([exact.ms]);
  const exactPooled = await time(() => pathCentralitiesAsync(ties, { centrality: 'exact' }));
  figures[`betweenness + closeness, exact, ${centralityPool.threads} worker threads (1 run)`] = summarise([exactPooled.ms]);
  const b = samplingError(exact.value.betweenness, sampled.last.betweenness, 10);
  const b100 = samplingError(exact.value.betweenness, sampled.last.betweenness, 100);
  const c100 = samplingError(exact.value.closeness, sampled.last.closeness, 100);
  Object.assign(figures, {
    'sampled: exact top-10 brokers also in sampled top-10': b.found,
    'sampled: exact top-100 brokers also in sampled top-100': b100.found,
    'sampled: mean relative betweenness error, top 100': round(b100.meanRelative, 3),
    'sampled: mean relative closeness error, top 100': round(c100.meanRelative, 3),
  });

  figures[`rooting({networkId}, ${AT})`] = (await sample(() => rooting(snapshot, scope, AT), heavy)).timing;
  figures['growth 2014–2024 by QUARTER'] = (await sample(() => growth(snapshot, '2014-01-01', '2024-12-31', 'QUARTER'), heavy)).timing;
  figures['growth 2014–2024 by MONTH'] = (await sample(() => growth(snapshot, '2014-01-01', '2024-12-31', 'MONTH'), heavy)).timing;
  if (Math.abs(ties.ties.length - 100_000) > 10_000) notes.push(`The tie graph on ${AT} has ${ties.ties.length} ties; the section is sized for about 100,000.`);
  Object.assign(figures, await nationalFigures(notes));
  return { figures, notes };
}

/**
 * Issue 13's figures on the national-scale network (NATIONAL_SIZES, about 25,000 organisations
 * and 500,000 ties on the day): the API's metrics path, first call and repeated call, and the
 * memory of a process holding that graph, measured in a process of its own (bench/national-probe.ts).
 */
export async function nationalFigures(notes: string[]): Promise<Record<string, Figure>> {
  const generated = await time(() => generateDataset(20240613, NATIONAL_SIZES));
  const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-bench-national-'));
  try {
    const store = await openStore({ dataDir });
    const loaded = await time(() => store.loadDataset(generated.value.dataset, SYSTEM_ACTOR));
    await store.close();
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', join(__dirname, 'national-probe.js'), dataDir, generated.value.bigNetworkId, AT], {
      maxBuffer: 1 << 20,
    });
    const p = JSON.parse(stdout.trim().split('\n').pop()!);
    const label = `national (${p.organisations} organisations, ${p.ties} ties on ${AT})`;
    if (p.workers?.on !== 'workers') notes.push(`national: betweenness ran in one thread (${p.workers?.reason ?? 'unknown'}).`);
    return {
      [`${label}: generate + load (s)`]: round((generated.ms + loaded.ms) / 1000, 1),
      [`${label}: centrality`]: `${p.mode}, ${p.sources} sources${p.estimated ? `, estimated ±${round(p.errorBound, 4)}` : ''}, ${p.threads} worker threads`,
      [`${label}: snapshot read (s)`]: round(p.snapshotMs / 1000, 1),
      [`${label}: networkMetrics first call, API path (s)`]: round(p.firstMs / 1000, 1),
      [`${label}: networkMetrics repeated call, kept`]: summarise(p.repeatedMs),
      [`${label}: networkMetrics without betweenness/closeness, snapshot kept (s)`]: round(p.withoutCentralityMs / 1000, 1),
      [`${label}: RSS with the graph loaded (MB)`]: p.rssAfterLoadMb,
      [`${label}: RSS after a metrics call (MB)`]: p.rssAfterMetricsMb,
      [`${label}: peak RSS (MB)`]: p.rssPeakMb,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The partner finder as the API runs it: the whole graph's snapshot from the store, then the pure
 * function. Requests rotate over several askers so no one asker's neighbourhood decides the figure.
 */
export const partnersSection: Section = {
  name: 'partners',
  title: `Partner finder on a 20,000-organisation network (at ${AT})`,
  run: () => withAnalyticsNetwork(runPartners),
};

async function runPartners({ store, data, setup }: AnalyticsNetwork): Promise<SectionResult> {
  const figures: Record<string, Figure> = { ...setup };
  const d = data.dataset;
  const orgs = d.organisations.map((o) => o.id);
  const pick = (i: number, stride: number) => orgs[(i * stride + 17) % orgs.length];
  const requests: PartnerRequest[] = [
    ...Array.from({ length: 6 }, (_, i) => ({ organisationId: pick(i, 3331), at: AT })),
    { organisationId: pick(7, 3331), methodIds: [METHODS[0].id], targetGroupIds: [TARGET_GROUPS[1].id], at: AT },
    { projectId: d.projects.find((p) => p.startDate! <= AT && (p.endDate ?? '9999') >= AT)!.id, at: AT },
    { methodIds: [METHODS[2].id], targetGroupIds: [TARGET_GROUPS[0].id], municipalityCode: MUNICIPALITIES[0].code, at: AT },
    { regionCode: MUNICIPALITIES[5].regionCode, onlyPermanent: true, sectors: ['THIRD'], at: AT },
  ];
  const pairs = Array.from({ length: 10 }, (_, i) => [pick(i, 4099), pick(i + 5, 7919)] as const);
  const options = { municipalities: MUNICIPALITIES };
  const api = { warmup: 1, runs: 20, budgetMs: 60_000, minRuns: 5 };

  const snapshot = await store.snapshot({ all: true });
  figures['whole graph: organisations'] = organisationsOf(snapshot);
  figures['whole graph: edges'] = snapshot.edges.length;
  figures['askers (rotating)'] = requests.length;
  figures['organisation pairs for paths (rotating)'] = pairs.length;

  // Right after a write nothing is kept: the whole graph is read, and the finder indexes it afresh.
  const [snapshotCold, suggestCold] = [[], []] as number[][];
  for (let i = 0; i < 6; i++) {
    await rewriteNetwork(store, data.bigNetworkId);
    const read = await time(() => store.snapshot({ all: true }));
    const suggested = await time(() => partnerSuggestions(read.value, requests[i % requests.length], options));
    if (i === 0) continue; // warm-up
    snapshotCold.push(read.ms);
    suggestCold.push(read.ms + suggested.ms);
  }
  figures['snapshot({all}) after a write'] = summarise(snapshotCold);
  figures['partnerSuggestions (API path) after a write'] = summarise(suggestCold);
  const suggest = await sample(async (i) => partnerSuggestions(await store.snapshot({ all: true }), requests[i % requests.length], options), api);
  figures['partnerSuggestions (API path), snapshot kept'] = suggest.timing;
  const paths = await sample(async (i) => {
    const [from, to] = pairs[i % pairs.length];
    return introductionPaths(await store.snapshot({ all: true }), from, to, AT);
  }, api);
  figures['introductionPaths (API path), snapshot kept'] = paths.timing;

  // The pure functions on a snapshot already in memory, to tell reading from computing.
  const warm = await store.snapshot({ all: true });
  figures['partnerSuggestions on a ready snapshot'] = (await sample((i) => partnerSuggestions(warm, requests[i % requests.length], options), api)).timing;
  const found = pairs.map(([from, to]) => introductionPaths(warm, from, to, AT));
  figures['introductionPaths on a ready snapshot'] = (await sample((i) => introductionPaths(warm, ...pairs[i % pairs.length], AT), api)).timing;
  figures['pairs connected within 4 ties'] = found.filter((p) => p.length > 0).length;
  figures['suggestions returned (last request)'] = suggest.last.suggestions.length;
  return { figures };
}
