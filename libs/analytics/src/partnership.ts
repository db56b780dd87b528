/**
 * Measures evaluators of partnerships expect (Provan & Milward; the PARTNER tool), docs/measures.md
 * "Partnership measures": E-I index by sector, transitivity and average clustering, multiplexity,
 * tie retention between two dates, and the network without the project's own actors.
 */
import { DEFAULT_SECTOR, notFound, type GraphSnapshot, type IsoDate, type Sector } from '@verkosto/domain';
import { assertDate, indexCollaborations, tiesOf, type CollaborationIndex, type TieGraph } from './ties';

export interface EiCount {
  /** (external − internal) / (external + internal), −1..1; null without ties. */
  value: number | null;
  internal: number;
  external: number;
  internalTies: string[];
  externalTies: string[];
}

export interface SectorEi extends EiCount {
  sector: Sector;
  /** The sector's organisations active on the date. */
  organisations: string[];
}

export interface EiIndex extends EiCount {
  bySector: SectorEi[];
}

export interface Clustering {
  /** 3 × triangles ÷ connected triples (networkx.transitivity); 0 without triples. */
  transitivity: number;
  /** Mean of the organisations' local clustering, 0 for those with fewer than two partners (networkx.average_clustering). */
  averageClustering: number;
  triangles: number;
  triples: number;
  /** Ties that lie in at least one triangle. */
  triangleTies: string[];
}

export type Strand = 'ACTIVITY' | 'PROJECT' | 'NETWORK';

export interface Multiplexity {
  /** Multiplex ties ÷ ties; null without ties. */
  value: number | null;
  multiplex: number;
  ties: number;
  multiplexTies: string[];
}

export interface TieRetention {
  from: IsoDate;
  to: IsoDate;
  /** |kept| ÷ |kept ∪ lost ∪ new| (Jaccard); null when there is no tie on either date. */
  value: number | null;
  keptTies: string[];
  lostTies: string[];
  newTies: string[];
}

export interface StructureMeasures {
  size: number;
  ties: number;
  density: number;
  components: { count: number; largest: number; largestMembers: string[] };
  eiIndex: EiIndex;
  clustering: Clustering;
  multiplexity: Multiplexity;
  organisations: string[];
  tieIds: string[];
}

export interface WithoutProject extends StructureMeasures {
  projectId: string;
  /** The project's LEAD organisations, taken out with the project itself. */
  removedOrganisations: string[];
}

export interface PartnershipMeasures extends StructureMeasures {
  at: IsoDate;
  /** Between `comparedTo` and `at` (in date order), when asked. */
  retention: TieRetention | null;
  /** For a project scope: the same measures with the project and its lead organisations removed. */
  withoutProject: WithoutProject | null;
}

export interface PartnershipOptions {
  comparedTo?: IsoDate | null;
  /** The project whose own actors are removed in `withoutProject`. */
  projectId?: string | null;
}

/** The sector the organisation records (its kind's default when none is recorded). */
export function sectorOf(index: CollaborationIndex, id: string): Sector {
  const node = index.nodes.get(id);
  return node?.sector ?? DEFAULT_SECTOR[node?.orgKind ?? 'OTHER'];
}

const ei = (internalTies: string[], externalTies: string[]): EiCount => {
  const total = internalTies.length + externalTies.length;
  return {
    value: total > 0 ? (externalTies.length - internalTies.length) / total : null,
    internal: internalTies.length,
    external: externalTies.length,
    internalTies,
    externalTies,
  };
};

/** Krackhardt & Stern's E-I index over the sectors, whole network and per sector (a tie is internal when both ends share a sector). */
export function eiIndex(tg: TieGraph, index: CollaborationIndex): EiIndex {
  const internal: string[] = [];
  const external: string[] = [];
  const per = new Map<Sector, { organisations: string[]; internal: string[]; external: string[] }>();
  const slot = (s: Sector) => per.get(s) ?? per.set(s, { organisations: [], internal: [], external: [] }).get(s)!;
  for (const id of tg.organisations) slot(sectorOf(index, id)).organisations.push(id);
  for (const t of tg.ties) {
    const a = sectorOf(index, t.source);
    const b = sectorOf(index, t.target);
    if (a === b) {
      internal.push(t.id);
      slot(a).internal.push(t.id);
    } else {
      external.push(t.id);
      slot(a).external.push(t.id);
      slot(b).external.push(t.id);
    }
  }
  const bySector = [...per.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sector, s]) => ({ sector, organisations: s.organisations, ...ei(s.internal, s.external) }));
  return { ...ei(internal, external), bySector };
}

function adjacency(tg: TieGraph): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>(tg.organisations.map((id) => [id, new Set<string>()]));
  for (const t of tg.ties) {
    (adj.get(t.source) ?? adj.set(t.source, new Set()).get(t.source)!).add(t.target);
    (adj.get(t.target) ?? adj.set(t.target, new Set()).get(t.target)!).add(t.source);
  }
  return adj;
}

/** Global and average clustering, counted per tie: the triangles on a tie are its ends' common partners. */
export function clustering(tg: TieGraph): Clustering {
  const adj = adjacency(tg);
  const trianglesAt = new Map<string, number>(); // per organisation, each triangle counted twice
  const triangleTies: string[] = [];
  for (const t of tg.ties) {
    const [small, large] = adj.get(t.source)!.size < adj.get(t.target)!.size ? [t.source, t.target] : [t.target, t.source];
    let common = 0;
    for (const w of adj.get(small)!) if (adj.get(large)!.has(w)) common++;
    if (common > 0) triangleTies.push(t.id);
    trianglesAt.set(t.source, (trianglesAt.get(t.source) ?? 0) + common);
    trianglesAt.set(t.target, (trianglesAt.get(t.target) ?? 0) + common);
  }
  let closed = 0; // Σ over organisations of triangles through it, = 3 × triangles
  let triples = 0;
  let localSum = 0;
  for (const [id, partners] of adj) {
    const k = partners.size;
    const tri = (trianglesAt.get(id) ?? 0) / 2;
    closed += tri;
    triples += (k * (k - 1)) / 2;
    if (k >= 2) localSum += tri / ((k * (k - 1)) / 2);
  }
  return {
    transitivity: triples > 0 ? closed / triples : 0,
    averageClustering: adj.size > 0 ? localSum / adj.size : 0,
    triangles: closed / 3,
    triples,
    triangleTies,
  };
}

/**
 * A tie is multiplex when its two organisations are connected in at least two of three ways on the
 * date: a shared activity, a shared project, membership of the same network. Several activities
 * alone are a heavier tie (its weight), not a different kind of relation.
 */
export function multiplexity(tg: TieGraph, index: CollaborationIndex, at: IsoDate): Multiplexity {
  const networks = new Map<string, Set<string>>();
  for (const s of index.spells) {
    if (s.targetKind !== 'NETWORK' || (s.from !== null && s.from > at) || (s.to !== null && s.to < at)) continue;
    (networks.get(s.organisationId) ?? networks.set(s.organisationId, new Set()).get(s.organisationId)!).add(s.targetId);
  }
  const shareNetwork = (a: string, b: string) => [...(networks.get(a) ?? [])].some((n) => networks.get(b)?.has(n));
  const multiplexTies = tg.ties
    .filter((t) => {
      const strands = new Set<Strand>(t.contexts.map((c) => (index.nodes.get(c)?.kind === 'PROJECT' ? 'PROJECT' : 'ACTIVITY')));
      if (shareNetwork(t.source, t.target)) strands.add('NETWORK');
      return strands.size >= 2;
    })
    .map((t) => t.id);
  return { value: tg.ties.length > 0 ? multiplexTies.length / tg.ties.length : null, multiplex: multiplexTies.length, ties: tg.ties.length, multiplexTies };
}

/** Jaccard similarity of the tie sets on two dates, with the kept, lost and new ties. */
export function retentionOf(earlier: TieGraph, later: TieGraph, from: IsoDate, to: IsoDate): TieRetention {
  const before = new Set(earlier.ties.map((t) => t.id));
  const after = new Set(later.ties.map((t) => t.id));
  const keptTies = [...before].filter((id) => after.has(id));
  const lostTies = [...before].filter((id) => !after.has(id));
  const newTies = [...after].filter((id) => !before.has(id));
  const union = keptTies.length + lostTies.length + newTies.length;
  return { from, to, value: union > 0 ? keptTies.length / union : null, keptTies, lostTies, newTies };
}

function componentsOf(tg: TieGraph): StructureMeasures['components'] {
  const adj = adjacency(tg);
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const root of [...adj.keys()].sort()) {
    if (seen.has(root)) continue;
    const group = [root];
    seen.add(root);
    for (let i = 0; i < group.length; i++)
      for (const w of adj.get(group[i])!)
        if (!seen.has(w)) {
          seen.add(w);
          group.push(w);
        }
    groups.push(group.sort());
  }
  groups.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  return { count: groups.length, largest: groups[0]?.length ?? 0, largestMembers: groups[0] ?? [] };
}

function structure(tg: TieGraph, index: CollaborationIndex, at: IsoDate): StructureMeasures {
  const n = tg.organisations.length;
  return {
    size: n,
    ties: tg.ties.length,
    density: n > 1 ? (2 * tg.ties.length) / (n * (n - 1)) : 0,
    components: componentsOf(tg),
    eiIndex: eiIndex(tg, index),
    clustering: clustering(tg),
    multiplexity: multiplexity(tg, index, at),
    organisations: tg.organisations,
    tieIds: tg.ties.map((t) => t.id),
  };
}

/** The project's lead organisations (a LEAD participation on any date). */
export function projectLeads(index: CollaborationIndex, projectId: string): string[] {
  return [...new Set(index.spells.filter((s) => s.targetId === projectId && s.role === 'LEAD').map((s) => s.organisationId))].sort();
}

/**
 * The tie graph with the project and its leads gone: no tie through the project itself, no tie of
 * a lead, and only the organisations still taking part in something else that day.
 */
export function withoutProjectGraph(index: CollaborationIndex, at: IsoDate, projectId: string): { tg: TieGraph; removed: string[] } {
  const removed = projectLeads(index, projectId);
  const gone = new Set(removed);
  const full = tiesOf(index, at, { excludeContexts: new Set([projectId]) });
  const stillActive = new Set(
    index.spells.filter((s) => s.targetId !== projectId && (s.from === null || s.from <= at) && (s.to === null || s.to >= at)).map((s) => s.organisationId),
  );
  return {
    tg: {
      ...full,
      organisations: full.organisations.filter((id) => stillActive.has(id) && !gone.has(id)),
      ties: full.ties.filter((t) => !gone.has(t.source) && !gone.has(t.target)),
    },
    removed,
  };
}

/** The partnership measures of the scope's tie graph on `at`. */
export function partnershipMeasures(snapshot: GraphSnapshot, at: IsoDate, options: PartnershipOptions = {}): PartnershipMeasures {
  assertDate(at, 'at');
  const comparedTo = options.comparedTo ?? null;
  if (comparedTo !== null) assertDate(comparedTo, 'comparedTo');
  const [first, last] = comparedTo !== null && comparedTo < at ? [comparedTo, at] : [at, comparedTo ?? at];
  const index = indexCollaborations(snapshot, { from: first, to: last });
  const tg = tiesOf(index, at);
  let withoutProject: WithoutProject | null = null;
  const projectId = options.projectId ?? null;
  if (projectId !== null) {
    if (index.nodes.get(projectId)?.kind !== 'PROJECT') throw notFound('Project', projectId);
    const { tg: rest, removed } = withoutProjectGraph(index, at, projectId);
    withoutProject = { projectId, removedOrganisations: removed, ...structure(rest, index, at) };
  }
  return {
    at,
    ...structure(tg, index, at),
    retention: comparedTo === null ? null : retentionOf(tiesOf(index, first), tiesOf(index, last), first, last),
    withoutProject,
  };
}
