/** Whole-network and per-organisation metrics of the tie graph on one date (DESIGN §5). */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { seededRng, type GraphSnapshot, type IsoDate } from '@verkosto/domain';
import { CentralityPool, centralityPool, runKernelInThread, type KernelJob, type KernelResult } from './centrality-pool';
import { indexCollaborations, tiesOf, type TieGraph } from './ties';

export type CentralityMode = 'auto' | 'exact' | 'sample' | 'skip';

export interface MetricsOptions {
  /**
   * Betweenness and closeness cost O(n·m). 'auto' (default) is exact up to `exactLimit`
   * organisations and `exactTieLimit` ties; above either it samples sources in the large groups
   * (as many as the largest exact case costs, or `samples` when given) and is exact in the small
   * ones. 'sample' samples `samples` sources (default 256); 'skip' leaves both null.
   */
  centrality?: CentralityMode;
  samples?: number;
  exactLimit?: number;
  exactTieLimit?: number;
  /** Seed for Louvain and for sampling, so the same data always gives the same answer. */
  seed?: number;
}

export interface OrganisationMetrics {
  id: string;
  label: string;
  degree: number;
  weightedDegree: number;
  /**
   * Normalised to 0..1 (share of shortest paths between other pairs passing through); null when
   * skipped. An estimate when `centrality.estimated` (then within `centrality.errorBound`).
   */
  betweenness: number | null;
  /**
   * Wasserman–Faust closeness (fair across components), 0..1; 0 only for an organisation with no
   * ties. Null when skipped, or when estimated and no sampled source reached it (not "alone").
   */
  closeness: number | null;
  pagerank: number;
  coreness: number;
  community: number;
  isArticulationPoint: boolean;
}

export interface NetworkMetrics {
  at: IsoDate;
  size: number;
  ties: number;
  totalWeight: number;
  density: number;
  components: { count: number; largest: number; largestMembers: string[] };
  degreeCentralisation: number;
  communities: { count: number; modularity: number; seed: number; members: string[][] };
  articulationPoints: string[];
  /** Tie ids whose loss splits a component. */
  bridges: string[];
  maxCore: number;
  maxCoreMembers: string[];
  centrality: CentralityInfo;
  organisations: OrganisationMetrics[];
  evidence: { ties: string[]; activities: string[]; organisations: string[] };
}

/** How betweenness and closeness were computed. */
export interface CentralityInfo {
  mode: 'exact' | 'sample' | 'skip';
  /** BFS sources run: when exact, one per set of twins (organisations with the same partners). */
  sources: number;
  /** True when any value is an estimate from sampled sources. */
  estimated: boolean;
  /**
   * With `estimated`: every organisation's betweenness lies within ± this of its exact value with
   * probability ≥ `confidence` (Hoeffding's bound for sampling without replacement, union bound
   * over the sampled organisations). Null when exact or skipped.
   */
  errorBound: number | null;
  confidence: number | null;
  /** Organisations whose values are estimates (those in the sampled groups); 0 when exact. */
  estimatedOrganisations: number;
}

/** Exact up to this many organisations … */
export const EXACT_ORGANISATION_LIMIT = 25_000;
/** … and this many ties (the estimate above either costs about what the largest exact case does). */
export const EXACT_TIE_LIMIT = 500_000;
/** Confidence of the reported error bound. */
export const ESTIMATE_CONFIDENCE = 0.95;

export function toGraphology(tg: TieGraph): UndirectedGraph<Record<string, never>, { weight: number }> {
  const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const id of tg.organisations) g.addNode(id);
  for (const t of tg.ties) {
    g.mergeNode(t.source);
    g.mergeNode(t.target);
    g.addEdgeWithKey(t.id, t.source, t.target, { weight: t.weight });
  }
  return g;
}

/** Compressed adjacency (CSR) for the O(n·m) and O(m) loops, which are much faster over typed arrays. */
export interface Csr {
  ids: string[];
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Index into tg.ties of each adjacency entry. */
  tie: Int32Array;
}

function toCsr(ids: string[], tg: TieGraph): Csr {
  const at = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  for (const t of tg.ties) {
    offsets[at.get(t.source)! + 1]++;
    offsets[at.get(t.target)! + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]);
  const tie = new Int32Array(offsets[n]);
  tg.ties.forEach((t, k) => {
    const s = at.get(t.source)!;
    const d = at.get(t.target)!;
    neighbours[fill[s]] = d;
    tie[fill[s]++] = k;
    neighbours[fill[d]] = s;
    tie[fill[d]++] = k;
  });
  return { ids, offsets, neighbours, tie };
}

/** Batagelj–Zaversnik k-core decomposition, O(m). */
export function coreNumbers(csr: Csr): Int32Array {
  const n = csr.ids.length;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = csr.offsets[v + 1] - csr.offsets[v];
    if (deg[v] > maxDeg) maxDeg = deg[v];
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]]++;
  for (let d = 0, start = 0; d <= maxDeg; d++) {
    const num = bin[d];
    bin[d] = start;
    start += num;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = v;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i];
    for (let k = csr.offsets[v]; k < csr.offsets[v + 1]; k++) {
      const u = csr.neighbours[k];
      if (deg[u] > deg[v]) {
        const du = deg[u];
        const pu = pos[u];
        const pw = bin[du];
        const w = vert[pw];
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du]++;
        deg[u]--;
      }
    }
  }
  return deg;
}

/** Tarjan's low-link, iterative so a 20,000-organisation chain cannot overflow the stack. O(n + m). */
export function cutPoints(csr: Csr): { articulation: Uint8Array; bridgeTies: number[] } {
  const n = csr.ids.length;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentTie = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // next adjacency slot to visit
  const articulation = new Uint8Array(n);
  const bridgeTies: number[] = [];
  const stack: number[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let rootChildren = 0;
    disc[root] = low[root] = time++;
    next[root] = csr.offsets[root];
    stack.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      if (next[v] < csr.offsets[v + 1]) {
        const k = next[v]++;
        const u = csr.neighbours[k];
        if (csr.tie[k] === parentTie[v]) continue;
        if (disc[u] === -1) {
          parentTie[u] = csr.tie[k];
          disc[u] = low[u] = time++;
          next[u] = csr.offsets[u];
          stack.push(u);
          if (v === root) rootChildren++;
        } else if (disc[u] < low[v]) low[v] = disc[u];
        continue;
      }
      stack.pop();
      if (stack.length === 0) break;
      const p = stack[stack.length - 1];
      if (low[v] < low[p]) low[p] = low[v];
      if (low[v] > disc[p]) bridgeTies.push(parentTie[v]);
      if (p !== root && low[v] >= disc[p]) articulation[p] = 1;
    }
    if (rootChildren > 1) articulation[root] = 1;
  }
  return { articulation, bridgeTies };
}

/**
 * Which BFS sources betweenness and closeness use, and with what weight. Paths never leave a
 * connected group, so each group is handled alone: a group is exact (all its organisations are
 * sources) unless it is larger than the sample, when k_c of its organisations are drawn (seeded)
 * and each counts n_c/k_c times. Small groups are therefore always exact, and every organisation in
 * a sampled group is reached by that group's sources.
 */
export interface CentralityPlan {
  mode: 'exact' | 'sample' | 'skip';
  sources: Int32Array;
  weights: Float64Array;
  /** 1 where the source's own distances give its exact closeness. */
  exact: Uint8Array;
  estimated: boolean;
  errorBound: number | null;
  estimatedOrganisations: number;
  /** For an organisation not itself a source because a twin stands for it: that twin (else itself). */
  standIn: Int32Array;
}

/**
 * Twins: organisations with the same partners, either tied to each other (N[u] = N[v]) or not
 * (N(u) = N(v)). A BFS from u and one from v give every other organisation the same dependency
 * and each other none, and the same distances to everyone else, so one BFS stands for the whole
 * set: its dependencies count once per member, and the members share its closeness. In a
 * collaboration network every organisation that works in only one activity that day is a twin of
 * the others like it there. Found by an order-free hash of the neighbourhood, then checked.
 */
function twinsOf(csr: Csr): { standIn: Int32Array; count: Int32Array } {
  const n = csr.ids.length;
  const { offsets, neighbours } = csr;
  const standIn = Int32Array.from({ length: n }, (_, v) => v);
  const count = new Int32Array(n).fill(1);
  const mix = (x: number, seed: number) => {
    let h = Math.imul(x ^ seed, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const h1 = new Uint32Array(n);
  const h2 = new Uint32Array(n);
  for (let v = 0; v < n; v++) {
    let a = 0;
    let b = 0;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      a = (a + mix(neighbours[k], 0x9e3779b9)) >>> 0;
      b = (b + mix(neighbours[k], 0x7f4a7c15)) >>> 0;
    }
    h1[v] = a;
    h2[v] = b;
  }
  const seen = new Int32Array(n).fill(-1);
  const same = (r: number, u: number, closed: boolean) => {
    if (offsets[r + 1] - offsets[r] !== offsets[u + 1] - offsets[u]) return false;
    for (let k = offsets[r]; k < offsets[r + 1]; k++) seen[neighbours[k]] = r;
    if (closed) seen[r] = r;
    if (closed && seen[u] !== r) return false;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const w = neighbours[k];
      if (seen[w] !== r && !(closed && w === r)) return false;
    }
    return true;
  };
  for (const closed of [true, false]) {
    const buckets = new Map<string, number[]>();
    for (let v = 0; v < n; v++) {
      const degree = offsets[v + 1] - offsets[v];
      if (degree === 0 || standIn[v] !== v || count[v] > 1) continue;
      const key = closed ? `${degree}:${(h1[v] + mix(v, 0x9e3779b9)) >>> 0}:${(h2[v] + mix(v, 0x7f4a7c15)) >>> 0}` : `${degree}:${h1[v]}:${h2[v]}`;
      const reps = buckets.get(key);
      if (!reps) {
        buckets.set(key, [v]);
        continue;
      }
      const r = reps.find((rep) => same(rep, v, closed));
      if (r === undefined) reps.push(v);
      else {
        standIn[v] = r;
        count[r]++;
      }
    }
  }
  return { standIn, count };
}

/** Connected groups of a CSR: group number per organisation (numbered by smallest member) and sizes. */
function groupsOf(csr: Csr): { group: Int32Array; sizes: number[] } {
  const n = csr.ids.length;
  const group = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (group[root] >= 0) continue;
    const g = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    group[root] = g;
    while (head < tail) {
      const v = queue[head++];
      for (let k = csr.offsets[v]; k < csr.offsets[v + 1]; k++) {
        const w = csr.neighbours[k];
        if (group[w] < 0) {
          group[w] = g;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  return { group, sizes };
}

export function planCentrality(csr: Csr, options: MetricsOptions): CentralityPlan {
  const n = csr.ids.length;
  const m = csr.neighbours.length / 2;
  const exactLimit = options.exactLimit ?? EXACT_ORGANISATION_LIMIT;
  const exactTieLimit = options.exactTieLimit ?? EXACT_TIE_LIMIT;
  const wanted = options.centrality ?? 'auto';
  const none: CentralityPlan = {
    mode: 'skip',
    sources: new Int32Array(0),
    weights: new Float64Array(0),
    exact: new Uint8Array(0),
    estimated: false,
    errorBound: null,
    estimatedOrganisations: 0,
    standIn: Int32Array.from({ length: n }, (_, v) => v),
  };
  if (wanted === 'skip' || n === 0) return none;
  const { standIn, count } = twinsOf(csr);
  const all = wanted === 'exact' || (wanted === 'auto' && n <= exactLimit && m <= exactTieLimit);
  // Above the limits, as many sources as the largest exact case costs (sources × ties).
  const budget = Math.floor((exactLimit * exactTieLimit) / Math.max(1, m));
  const k = all ? n : Math.max(1, options.samples ?? (wanted === 'sample' ? 256 : Math.max(256, budget)));
  const { group, sizes } = groupsOf(csr);
  const members: number[][] = sizes.map(() => []);
  for (let v = 0; v < n; v++) members[group[v]].push(v);
  const sampled = sizes.map((size) => size > k);
  const bigTotal = sizes.reduce((sum, size, g) => sum + (sampled[g] ? size : 0), 0);
  const rng = seededRng(options.seed ?? 42);
  const sources: number[] = [];
  const weights: number[] = [];
  const exact: number[] = [];
  let worst = 0;
  const delta = 1 - ESTIMATE_CONFIDENCE;
  members.forEach((list, g) => {
    const size = list.length;
    if (!sampled[g]) {
      for (const v of list) {
        if (standIn[v] !== v) continue;
        sources.push(v);
        weights.push(count[v]);
        exact.push(1);
      }
      return;
    }
    for (const v of list) standIn[v] = v; // a sampled group draws from every organisation
    const kc = Math.min(size, Math.max(1, Math.round((k * size) / bigTotal)));
    // Seeded partial Fisher–Yates over the group's members, in index order.
    const pool = Int32Array.from(list);
    for (let i = 0; i < kc; i++) {
      const j = i + Math.floor(rng() * (size - i));
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    for (const v of pool.subarray(0, kc).sort()) {
      sources.push(v);
      weights.push(size / kc);
      exact.push(kc === size ? 1 : 0);
    }
    if (kc < size && n > 2) {
      // One sampled source adds n_c·δ_s(v)/((n−1)(n−2)) ∈ [0, n_c(n_c−2)/((n−1)(n−2))]; the mean of k_c.
      const range = (size * Math.max(0, size - 2)) / ((n - 1) * (n - 2));
      worst = Math.max(worst, range * Math.sqrt(Math.log((2 * bigTotal) / delta) / (2 * kc)));
    }
  });
  const estimated = exact.some((e) => e === 0);
  return {
    mode: estimated || (!all && wanted === 'sample') ? 'sample' : 'exact',
    sources: Int32Array.from(sources),
    weights: Float64Array.from(weights),
    exact: Uint8Array.from(exact),
    estimated,
    errorBound: estimated ? worst : null,
    estimatedOrganisations: estimated ? bigTotal : 0,
    standIn,
  };
}

export interface PathCentralities {
  betweenness: (number | null)[];
  closeness: (number | null)[];
}

/** Normalised betweenness and Wasserman–Faust closeness from the kernel's sums. */
export function finishCentrality(csr: Csr, plan: CentralityPlan, sums: KernelResult | null): PathCentralities | null {
  if (!sums) return null;
  const n = csr.ids.length;
  const { group, sizes } = groupsOf(csr);
  const estimatedSource = new Uint8Array(n);
  plan.exact.forEach((e, i) => e === 0 && (estimatedSource[plan.sources[i]] = 1));
  const estimatedGroup = new Uint8Array(sizes.length);
  for (let v = 0; v < n; v++) if (estimatedSource[v]) estimatedGroup[group[v]] = 1;
  // Each unordered pair is seen from both ends: /2, then normalise by (n−1)(n−2)/2.
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  const betweenness: (number | null)[] = new Array(n);
  const closeness: (number | null)[] = new Array(n);
  for (let v = 0; v < n; v++) {
    betweenness[v] = sums.bc[v] * scale;
    const reach = sizes[group[v]] - 1;
    if (reach === 0)
      closeness[v] = 0; // no ties: truly alone
    else if (sums.reach[v] === 0) closeness[v] = estimatedGroup[group[v]] ? null : 0;
    else closeness[v] = (sums.reach[v] / sums.distSum[v]) * (reach / (n - 1));
  }
  // A twin shares the closeness of the one whose BFS stood for it (the same distances to all others).
  for (let v = 0; v < n; v++) if (plan.standIn[v] !== v) closeness[v] = closeness[plan.standIn[v]];
  return { betweenness, closeness };
}

function kernelJob(csr: Csr, plan: CentralityPlan): KernelJob {
  return { offsets: csr.offsets, neighbours: csr.neighbours, sources: plan.sources, weights: plan.weights, exact: plan.exact };
}

const infoOf = (plan: CentralityPlan, n: number): CentralityInfo => ({
  mode: n === 0 ? 'skip' : plan.mode,
  sources: plan.sources.length,
  estimated: plan.estimated,
  errorBound: plan.errorBound,
  confidence: plan.estimated ? ESTIMATE_CONFIDENCE : null,
  estimatedOrganisations: plan.estimatedOrganisations,
});

export interface ParallelOptions {
  /** Worker threads for betweenness and closeness: the process's pool (default), or 1 for this thread. */
  threads?: number;
  /** A pool to run on instead (tests, the bench). */
  pool?: CentralityPool;
}

async function runPlan(csr: Csr, plan: CentralityPlan, parallel: ParallelOptions): Promise<KernelResult | null> {
  if (plan.sources.length === 0) return null;
  if (parallel.pool) return parallel.pool.run(kernelJob(csr, plan));
  const pool = parallel.threads === undefined ? centralityPool : parallel.threads <= 1 ? null : new CentralityPool(parallel.threads);
  if (!pool) return runKernelInThread(kernelJob(csr, plan));
  try {
    return await pool.run(kernelJob(csr, plan));
  } finally {
    if (pool !== centralityPool) await pool.close();
  }
}

type PathResult = CentralityInfo & { betweenness: Map<string, number | null>; closeness: Map<string, number | null> };

function pathsPrepared(tg: TieGraph, options: MetricsOptions) {
  const ids = toGraphology(tg).nodes();
  const csr = toCsr(ids, tg);
  return { ids, csr, plan: planCentrality(csr, options) };
}

function pathResult(ids: string[], csr: Csr, plan: CentralityPlan, sums: KernelResult | null): PathResult {
  const paths = finishCentrality(csr, plan, sums);
  return {
    ...infoOf(plan, ids.length),
    betweenness: new Map(ids.map((id, v) => [id, paths ? paths.betweenness[v] : null])),
    closeness: new Map(ids.map((id, v) => [id, paths ? paths.closeness[v] : null])),
  };
}

/**
 * Betweenness and closeness alone, exactly as networkMetrics computes them (same modes, samples and
 * seed), for comparing the estimate with the exact values and timing them apart. In this thread.
 */
export function pathCentralitiesOf(tg: TieGraph, options: MetricsOptions = {}): PathResult {
  const { ids, csr, plan } = pathsPrepared(tg, options);
  return pathResult(ids, csr, plan, plan.sources.length ? runKernelInThread(kernelJob(csr, plan)) : null);
}

/** pathCentralitiesOf over worker threads. */
export async function pathCentralitiesAsync(tg: TieGraph, options: MetricsOptions & ParallelOptions = {}): Promise<PathResult> {
  const { ids, csr, plan } = pathsPrepared(tg, options);
  return pathResult(ids, csr, plan, await runPlan(csr, plan, options));
}

/**
 * Everything networkMetrics returns but betweenness and closeness, and what those need. A
 * generator: it yields between its phases, so the API's path can let other requests run between
 * them (a national-scale network takes seconds here) while the sync path runs it straight through.
 */
function* prepareMetrics(
  tg: TieGraph,
  labels: Map<string, string>,
  at: IsoDate,
  options: MetricsOptions,
  /** Called as soon as the plan is known, so worker threads start before Louvain and PageRank run here. */
  onPlan?: (csr: Csr, plan: CentralityPlan) => void,
) {
  const seed = options.seed ?? 42;
  const graph = toGraphology(tg);
  yield;
  const ids = graph.nodes();
  const n = ids.length;
  const m = tg.ties.length;
  const csr = toCsr(ids, tg);
  const plan = planCentrality(csr, options);
  onPlan?.(csr, plan);
  yield;
  const index = new Map(ids.map((id, i) => [id, i]));

  const degree = (v: number) => csr.offsets[v + 1] - csr.offsets[v];
  const weighted = new Float64Array(n);
  for (const t of tg.ties) {
    weighted[index.get(t.source)!] += t.weight;
    weighted[index.get(t.target)!] += t.weight;
  }
  let maxDegree = 0;
  let degreeSum = 0;
  for (let v = 0; v < n; v++) {
    maxDegree = Math.max(maxDegree, degree(v));
    degreeSum += degree(v);
  }

  const comps = connectedComponents(graph).sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  yield;

  // Louvain only sees ties; isolated organisations become singleton communities. Ids are renumbered
  // in node order so they do not depend on the algorithm's internals.
  const detailed = m > 0 ? louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRng(seed) }) : null;
  yield;
  const renumber = new Map<number, number>();
  const community = new Int32Array(n);
  ids.forEach((id, v) => {
    const raw = detailed ? detailed.communities[id] : v;
    if (!renumber.has(raw)) renumber.set(raw, renumber.size);
    community[v] = renumber.get(raw)!;
  });
  const members: string[][] = Array.from({ length: renumber.size }, () => []);
  ids.forEach((id, v) => members[community[v]].push(id));
  const modularity = detailed && Number.isFinite(detailed.modularity) ? detailed.modularity : 0;

  const ranks = n > 0 ? pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-12 }) : {};
  yield;
  const core = coreNumbers(csr);
  let maxCore = 0;
  for (let v = 0; v < n; v++) maxCore = Math.max(maxCore, core[v]);
  const { articulation, bridgeTies } = cutPoints(csr);

  const assemble = (paths: PathCentralities | null): NetworkMetrics => ({
    at,
    size: n,
    ties: m,
    totalWeight: tg.ties.reduce((s, t) => s + t.weight, 0),
    density: n > 1 ? (2 * m) / (n * (n - 1)) : 0,
    components: { count: comps.length, largest: comps[0]?.length ?? 0, largestMembers: comps[0] ?? [] },
    // Freeman: Σ(max − deg) over its maximum (a star), (n−1)(n−2).
    degreeCentralisation: n > 2 ? (n * maxDegree - degreeSum) / ((n - 1) * (n - 2)) : 0,
    communities: { count: members.length, modularity, seed, members },
    articulationPoints: ids.filter((_, v) => articulation[v] === 1),
    bridges: bridgeTies.map((t) => tg.ties[t].id).sort(),
    maxCore,
    maxCoreMembers: ids.filter((_, v) => core[v] === maxCore && maxCore > 0),
    centrality: infoOf(plan, n),
    organisations: ids.map((id, v) => ({
      id,
      label: labels.get(id) ?? id,
      degree: degree(v),
      weightedDegree: weighted[v],
      betweenness: paths ? paths.betweenness[v] : null,
      closeness: paths ? paths.closeness[v] : null,
      pagerank: ranks[id] ?? 0,
      coreness: core[v],
      community: community[v],
      isArticulationPoint: articulation[v] === 1,
    })),
    evidence: {
      ties: tg.ties.map((t) => t.id),
      activities: [...new Set(tg.ties.flatMap((t) => t.contexts))].sort(),
      organisations: ids,
    },
  });
  return { csr, plan, assemble };
}

function runThrough<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Lets the event loop run (other requests, I/O) between the steps. */
async function runYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Metrics of an already-built tie graph (lets callers reuse one index for several dates), in this thread. */
export function metricsOfTies(tg: TieGraph, labels: Map<string, string>, at: IsoDate, options: MetricsOptions = {}): NetworkMetrics {
  const { csr, plan, assemble } = runThrough(prepareMetrics(tg, labels, at, options));
  const sums = plan.sources.length ? runKernelInThread(kernelJob(csr, plan)) : null;
  return assemble(finishCentrality(csr, plan, sums));
}

/** metricsOfTies with betweenness and closeness over worker threads. */
export async function metricsOfTiesAsync(tg: TieGraph, labels: Map<string, string>, at: IsoDate, options: MetricsOptions & ParallelOptions = {}): Promise<NetworkMetrics> {
  let paths: Promise<KernelResult | null> = Promise.resolve(null);
  const { csr, plan, assemble } = await runYielding(
    prepareMetrics(tg, labels, at, options, (c, p) => {
      paths = runPlan(c, p, options);
      paths.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    }),
  );
  return assemble(finishCentrality(csr, plan, await paths));
}

function tiesAndLabels(snapshot: GraphSnapshot, at: IsoDate) {
  const index = indexCollaborations(snapshot, at);
  const labels = new Map([...index.nodes.values()].map((n) => [n.id, n.label]));
  return { tg: tiesOf(index, at), labels };
}

/** Whole-network and per-organisation metrics of the collaboration ties on `at`, in this thread. */
export function networkMetrics(snapshot: GraphSnapshot, at: IsoDate, options: MetricsOptions = {}): NetworkMetrics {
  const { tg, labels } = tiesAndLabels(snapshot, at);
  return metricsOfTies(tg, labels, at, options);
}

/** networkMetrics with betweenness and closeness over worker threads (what the API serves). */
export async function networkMetricsAsync(snapshot: GraphSnapshot, at: IsoDate, options: MetricsOptions & ParallelOptions = {}): Promise<NetworkMetrics> {
  const index = indexCollaborations(snapshot, at);
  await new Promise((resolve) => setImmediate(resolve));
  const labels = new Map([...index.nodes.values()].map((n) => [n.id, n.label]));
  const tg = tiesOf(index, at);
  await new Promise((resolve) => setImmediate(resolve));
  return metricsOfTiesAsync(tg, labels, at, options);
}
