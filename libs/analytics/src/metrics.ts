/** Whole-network and per-organisation metrics of the tie graph on one date (DESIGN §5). */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { seededRng, type GraphSnapshot, type IsoDate } from '@verkosto/domain';
import { indexCollaborations, tiesOf, type TieGraph } from './ties';

export type CentralityMode = 'auto' | 'exact' | 'sample' | 'skip';

export interface MetricsOptions {
  /**
   * Betweenness and closeness cost O(n·m). 'auto' (default) is exact up to `exactLimit`
   * organisations and samples `samples` source organisations above it; 'skip' leaves them null.
   */
  centrality?: CentralityMode;
  samples?: number;
  exactLimit?: number;
  /** Seed for Louvain and for sampling, so the same data always gives the same answer. */
  seed?: number;
}

export interface OrganisationMetrics {
  id: string;
  label: string;
  degree: number;
  weightedDegree: number;
  /** Normalised to 0..1 (share of shortest paths between other pairs passing through); null when skipped. */
  betweenness: number | null;
  /** Wasserman–Faust closeness (fair across components), 0..1; null when skipped. */
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
  centrality: { mode: 'exact' | 'sample' | 'skip'; sources: number };
  organisations: OrganisationMetrics[];
  evidence: { ties: string[]; activities: string[]; organisations: string[] };
}

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
interface Csr {
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
 * Brandes betweenness and Wasserman–Faust closeness in one BFS per source (unweighted: tie weight
 * is collaboration strength, not distance). With fewer sources than nodes, both are estimates:
 * betweenness scaled by n/k, closeness from distances to the sampled sources in the same component.
 */
export function pathCentralities(csr: Csr, sources: Int32Array, componentSize: Int32Array): { betweenness: Float64Array; closeness: Float64Array } {
  const n = csr.ids.length;
  const bc = new Float64Array(n);
  const distSum = new Float64Array(n);
  const distCount = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const exact = sources.length === n;
  for (const s of sources) {
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      for (let k = csr.offsets[v]; k < csr.offsets[v + 1]; k++) {
        const w = csr.neighbours[k];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i];
      for (let k = csr.offsets[w]; k < csr.offsets[w + 1]; k++) {
        const v = csr.neighbours[k];
        if (dist[v] === dist[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      if (w !== s) {
        bc[w] += delta[w];
        // Exact: distances from s give s its own closeness; sampled: they inform every reached node.
        if (exact) {
          distSum[s] += dist[w];
          distCount[s]++;
        } else {
          distSum[w] += dist[w];
          distCount[w]++;
        }
      }
    }
    for (let i = 0; i < tail; i++) {
      const w = order[i];
      dist[w] = -1;
      sigma[w] = 0;
      delta[w] = 0;
    }
  }
  // Each unordered pair is seen from both ends in an undirected graph: /2, then normalise by (n-1)(n-2)/2.
  const scale = n > 2 ? n / sources.length / ((n - 1) * (n - 2)) : 0;
  const closeness = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    bc[v] *= scale;
    const reach = componentSize[v] - 1;
    if (reach > 0 && distCount[v] > 0) closeness[v] = (distCount[v] / distSum[v]) * (reach / (n - 1));
  }
  return { betweenness: bc, closeness };
}

/** Pick k distinct sources with a seeded partial Fisher–Yates shuffle. */
function sampleSources(n: number, k: number, rng: () => number): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k).sort();
}

/** Which centrality mode and how many BFS sources `options` ask for on n organisations, and the result. */
function centralitiesOnCsr(csr: Csr, componentSize: Int32Array, options: MetricsOptions) {
  const n = csr.ids.length;
  const exactLimit = options.exactLimit ?? 2000;
  const wanted = options.centrality ?? 'auto';
  const mode = wanted === 'auto' ? (n <= exactLimit ? 'exact' : 'sample') : wanted;
  const k = mode === 'exact' ? n : mode === 'sample' ? Math.min(n, Math.max(1, options.samples ?? 256)) : 0;
  const paths =
    mode === 'skip' || n === 0
      ? null
      : pathCentralities(csr, k === n ? Int32Array.from({ length: n }, (_, i) => i) : sampleSources(n, k, seededRng(options.seed ?? 42)), componentSize);
  return { mode: mode as 'exact' | 'sample' | 'skip', k, paths };
}

/**
 * Betweenness and closeness alone, exactly as networkMetrics computes them (same modes, samples and
 * seed), for comparing the sampled estimate with the exact values and timing them apart.
 */
export function pathCentralitiesOf(
  tg: TieGraph,
  options: MetricsOptions = {},
): { mode: 'exact' | 'sample' | 'skip'; sources: number; betweenness: Map<string, number>; closeness: Map<string, number> } {
  const graph = toGraphology(tg);
  const ids = graph.nodes();
  const csr = toCsr(ids, tg);
  const index = new Map(ids.map((id, i) => [id, i]));
  const componentSize = new Int32Array(ids.length);
  for (const c of connectedComponents(graph)) for (const id of c) componentSize[index.get(id)!] = c.length;
  const { mode, k, paths } = centralitiesOnCsr(csr, componentSize, options);
  return {
    mode,
    sources: k,
    betweenness: new Map(ids.map((id, v) => [id, paths ? paths.betweenness[v] : 0])),
    closeness: new Map(ids.map((id, v) => [id, paths ? paths.closeness[v] : 0])),
  };
}

/** Metrics of an already-built tie graph (lets callers reuse one index for several dates). */
export function metricsOfTies(tg: TieGraph, labels: Map<string, string>, at: IsoDate, options: MetricsOptions = {}): NetworkMetrics {
  const seed = options.seed ?? 42;
  const graph = toGraphology(tg);
  const ids = graph.nodes();
  const n = ids.length;
  const m = tg.ties.length;
  const csr = toCsr(ids, tg);
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
  const componentSize = new Int32Array(n);
  for (const c of comps) for (const id of c) componentSize[index.get(id)!] = c.length;

  // Louvain only sees ties; isolated organisations become singleton communities. Ids are renumbered
  // in node order so they do not depend on the algorithm's internals.
  const detailed = m > 0 ? louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRng(seed) }) : null;
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

  const ranks = n > 0 ? pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1000 }) : {};
  const core = coreNumbers(csr);
  let maxCore = 0;
  for (let v = 0; v < n; v++) maxCore = Math.max(maxCore, core[v]);
  const { articulation, bridgeTies } = cutPoints(csr);

  const { mode, k, paths } = centralitiesOnCsr(csr, componentSize, options);

  const organisations: OrganisationMetrics[] = ids.map((id, v) => ({
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
  }));

  return {
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
    centrality: { mode: n === 0 ? 'skip' : mode, sources: k },
    organisations,
    evidence: {
      ties: tg.ties.map((t) => t.id),
      activities: [...new Set(tg.ties.flatMap((t) => t.contexts))].sort(),
      organisations: ids,
    },
  };
}

/** Whole-network and per-organisation metrics of the collaboration ties on `at`. */
export function networkMetrics(snapshot: GraphSnapshot, at: IsoDate, options: MetricsOptions = {}): NetworkMetrics {
  const index = indexCollaborations(snapshot, at);
  const labels = new Map([...index.nodes.values()].map((n) => [n.id, n.label]));
  return metricsOfTies(tiesOf(index, at), labels, at, options);
}
