/**
 * Pure mapping from the API's dated graph to what the map shows: no DOM, no Cytoscape instance.
 * Everything here runs in Node (see graph-model.spec.ts) so the time logic is tested without a browser.
 */

/** The API's map shapes are the domain's snapshot types (type-only: nothing of the server is bundled). */
import type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind } from '@verkosto/domain/snapshot';

export type ApiNode = GraphNode;
export type ApiEdge = GraphEdge;
export type NodeKind = GraphNodeKind;
export type EdgeKind = GraphEdgeKind;

export interface ApiGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
  firstDate: string | null;
  lastDate: string | null;
}

/** bipartite = organisations, activities, projects, networks; orgs = organisation-to-organisation ties. */
export type ViewMode = 'bipartite' | 'orgs';

/** Where an element stands on a date: not yet begun, running, or over (drawn faded). */
export type TimeState = 'future' | 'active' | 'ended';

export interface Filters {
  orgKinds: string[];
  sectors: string[];
  methods: string[];
  targetGroups: string[];
  municipalities: string[];
  roles: string[];
}

export const NO_FILTERS: Filters = { orgKinds: [], sectors: [], methods: [], targetGroups: [], municipalities: [], roles: [] };

/** A map element for the whole history; what changes with the date lives in a Frame. */
export interface MapNode {
  id: string;
  kind: NodeKind;
  label: string;
  orgKind: string | null;
  sector: string | null;
  permanent: boolean | null;
  activityType: string | null;
  municipalityCode: string | null;
  methodIds: string[];
  targetGroupIds: string[];
  validFrom: string | null;
  validTo: string | null;
}

export interface Interval {
  from: string | null;
  to: string | null;
  /** The activity or project both organisations took part in (org view only). */
  via?: string;
}

export interface MapEdge {
  id: string;
  kind: EdgeKind | 'TIE';
  source: string;
  target: string;
  role: string | null;
  /** Periods the edge is true; a participation has one, an organisation tie one per shared activity. */
  intervals: Interval[];
  /** Projects whose end this edge may outlive (then it is rooted). */
  projectIds: string[];
}

export interface MapGraph {
  view: ViewMode;
  nodes: MapNode[];
  edges: MapEdge[];
  firstDate: string | null;
  lastDate: string | null;
  /** Project end dates, for the rooted test. */
  projectEnds: Record<string, string | null>;
  /** Activities and projects behind organisation ties (org view), for the method and target group filters. */
  contexts: Record<string, MapNode>;
}

export interface NodeFrame {
  state: TimeState;
  /** False when a filter hides it. */
  shown: boolean;
  /** Ties (weighted in the org view) active on the date. */
  degree: number;
}

export interface EdgeFrame {
  state: TimeState;
  shown: boolean;
  rooted: boolean;
  /** Shared activities and projects on the date (org view); 1 for a participation. */
  weight: number;
}

export interface Frame {
  date: string;
  nodes: Map<string, NodeFrame>;
  edges: Map<string, EdgeFrame>;
  activeNodes: number;
  activeEdges: number;
  rootedEdges: number;
}

export function isActive(from: string | null, to: string | null, date: string): boolean {
  return (from === null || from <= date) && (to === null || to >= date);
}

export function timeState(from: string | null, to: string | null, date: string): TimeState {
  if (from !== null && from > date) return 'future';
  if (to !== null && to < date) return 'ended';
  return 'active';
}

function intervalsState(intervals: Interval[], date: string): TimeState {
  const states = intervals.map((i) => timeState(i.from, i.to, date));
  if (states.includes('active')) return 'active';
  if (states.includes('ended')) return 'ended';
  return 'future';
}

const minDate = (a: string | null, b: string | null) => (a === null || b === null ? null : a < b ? a : b);

/** Projects an activity belongs to: those it runs under, also through the activities it continues. */
function activityProjects(graph: ApiGraph): Map<string, string[]> {
  const runsUnder = new Map<string, string[]>();
  const continues = new Map<string, string[]>();
  for (const e of graph.edges) {
    const map = e.kind === 'RUNS_UNDER' ? runsUnder : e.kind === 'CONTINUES' ? continues : null;
    if (!map) continue;
    map.set(e.source, [...(map.get(e.source) ?? []), e.target]);
  }
  const result = new Map<string, string[]>();
  const resolve = (id: string, seen: Set<string>): string[] => {
    if (result.has(id)) return result.get(id)!;
    if (seen.has(id)) return [];
    seen.add(id);
    const own = runsUnder.get(id) ?? [];
    const inherited = (continues.get(id) ?? []).flatMap((prev) => resolve(prev, seen));
    const all = [...new Set([...own, ...inherited])];
    result.set(id, all);
    return all;
  };
  graph.nodes.filter((n) => n.kind === 'ACTIVITY').forEach((n) => resolve(n.id, new Set()));
  return result;
}

function toMapNode(n: ApiNode): MapNode {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    orgKind: n.orgKind,
    sector: n.sector,
    permanent: n.permanent,
    activityType: n.activityType,
    municipalityCode: n.municipalityCode,
    methodIds: n.methodIds,
    targetGroupIds: n.targetGroupIds,
    validFrom: n.validFrom,
    validTo: n.validTo,
  };
}

/**
 * Projects of a participation: the project itself, the projects of an activity (also through its
 * predecessors), or for a network membership the network's projects running when it began.
 */
function participationProjects(e: ApiEdge, byId: Map<string, ApiNode>, actProjects: Map<string, string[]>, networkProjects: Map<string, string[]>): string[] {
  const target = byId.get(e.target);
  if (!target) return [];
  if (target.kind === 'PROJECT') return [target.id];
  if (target.kind === 'ACTIVITY') return actProjects.get(target.id) ?? [];
  if (target.kind === 'NETWORK') {
    return (networkProjects.get(target.id) ?? []).filter((pid) => {
      const p = byId.get(pid)!;
      return (
        e.validFrom === null ||
        isActive(p.validFrom, p.validTo, e.validFrom) ||
        (p.validFrom !== null && p.validFrom > e.validFrom && (p.validTo === null || e.validTo === null || e.validTo > p.validTo))
      );
    });
  }
  return [];
}

/** The whole-history map in the chosen view. Positions and styles are computed over this once. */
export function buildMapGraph(graph: ApiGraph, view: ViewMode): MapGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const projectEnds: Record<string, string | null> = {};
  graph.nodes.filter((n) => n.kind === 'PROJECT').forEach((n) => (projectEnds[n.id] = n.validTo));
  const actProjects = activityProjects(graph);
  const networkProjects = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind === 'IN_NETWORK' && byId.get(e.source)?.kind === 'PROJECT') {
      networkProjects.set(e.target, [...(networkProjects.get(e.target) ?? []), e.source]);
    }
  }
  const participations = graph.edges.filter((e) => e.kind === 'PARTICIPATES' && byId.has(e.source) && byId.has(e.target));

  if (view === 'bipartite') {
    const edges: MapEdge[] = graph.edges
      .filter((e) => byId.has(e.source) && byId.has(e.target))
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        source: e.source,
        target: e.target,
        role: e.role,
        intervals: [{ from: e.validFrom, to: e.validTo }],
        projectIds: e.kind === 'PARTICIPATES' ? participationProjects(e, byId, actProjects, networkProjects) : [],
      }));
    return { view, nodes: graph.nodes.map(toMapNode), edges, firstDate: graph.firstDate, lastDate: graph.lastDate, projectEnds, contexts: {} };
  }

  // Org view: two organisations are tied while both take part in the same activity or project.
  const byContext = new Map<string, ApiEdge[]>();
  for (const e of participations) {
    const target = byId.get(e.target)!;
    if (target.kind !== 'ACTIVITY' && target.kind !== 'PROJECT') continue;
    if (byId.get(e.source)!.kind !== 'ORGANISATION') continue;
    byContext.set(e.target, [...(byContext.get(e.target) ?? []), e]);
  }
  const ties = new Map<string, MapEdge>();
  for (const [contextId, list] of byContext) {
    const context = byId.get(contextId)!;
    const projects = context.kind === 'PROJECT' ? [contextId] : (actProjects.get(contextId) ?? []);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (a.source === b.source) continue;
        const from = a.validFrom === null ? b.validFrom : b.validFrom === null ? a.validFrom : a.validFrom > b.validFrom ? a.validFrom : b.validFrom;
        const to = minDate(a.validTo, b.validTo) ?? a.validTo ?? b.validTo;
        if (from !== null && to !== null && from > to) continue; // never in it at the same time
        const [s, t] = a.source < b.source ? [a.source, b.source] : [b.source, a.source];
        const id = `tie:${s}|${t}`;
        const tie = ties.get(id) ?? { id, kind: 'TIE' as const, source: s, target: t, role: null, intervals: [], projectIds: [] };
        // One interval per shared context: the same activity through two roles counts once.
        if (!tie.intervals.some((iv) => iv.via === contextId && iv.from === from && iv.to === to)) tie.intervals.push({ from, to, via: contextId });
        tie.projectIds = [...new Set([...tie.projectIds, ...projects])];
        ties.set(id, tie);
      }
    }
  }
  const tied = new Set([...ties.values()].flatMap((t) => [t.source, t.target]));
  const nodes = graph.nodes
    .filter((n) => n.kind === 'ORGANISATION')
    .filter((n) => tied.has(n.id) || participations.some((e) => e.source === n.id))
    .map(toMapNode);
  const contexts: Record<string, MapNode> = {};
  for (const id of byContext.keys()) contexts[id] = toMapNode(byId.get(id)!);
  return { view, nodes, edges: [...ties.values()], firstDate: graph.firstDate, lastDate: graph.lastDate, projectEnds, contexts };
}

/** A tie is rooted on a date when it is active and one of its projects ended before that date. */
export function isRooted(edge: MapEdge, projectEnds: Record<string, string | null>, date: string): boolean {
  if (edge.kind !== 'PARTICIPATES' && edge.kind !== 'TIE') return false;
  if (intervalsState(edge.intervals, date) !== 'active') return false;
  return edge.projectIds.some((pid) => {
    const end = projectEnds[pid];
    return end !== null && end !== undefined && end < date;
  });
}

function matchesAny(selected: string[], values: (string | null)[]): boolean {
  return selected.length === 0 || values.some((v) => v !== null && selected.includes(v));
}

function nodePassesFilters(n: MapNode, f: Filters): boolean {
  if (n.kind === 'ORGANISATION') {
    return matchesAny(f.orgKinds, [n.orgKind]) && matchesAny(f.sectors, [n.sector]) && matchesAny(f.municipalities, [n.municipalityCode]);
  }
  if (n.kind === 'ACTIVITY') {
    return matchesAny(f.methods, n.methodIds) && matchesAny(f.targetGroups, n.targetGroupIds) && matchesAny(f.municipalities, [n.municipalityCode]);
  }
  if (n.kind === 'PROJECT') return matchesAny(f.methods, n.methodIds) && matchesAny(f.targetGroups, n.targetGroupIds);
  return true;
}

export function hasFilters(f: Filters): boolean {
  return Object.values(f).some((v: string[]) => v.length > 0);
}

/**
 * What the map shows on a date: each element's time state, whether filters keep it, degrees and
 * rooted ties. Node time state follows the API's `at` slice: networks always, projects and
 * activities by their dates, organisations and models while one of their ties runs.
 */
const STRUCTURAL = new Set<string>(['RUNS_UNDER', 'CONTINUES', 'IN_NETWORK']);

export function computeFrame(graph: MapGraph, date: string, filters: Filters = NO_FILTERS): Frame {
  const nodes = new Map<string, NodeFrame>();
  const edges = new Map<string, EdgeFrame>();
  const filtering = hasFilters(filters);
  const passes = new Map(graph.nodes.map((n) => [n.id, nodePassesFilters(n, filters)]));

  for (const n of graph.nodes) {
    let state: TimeState = 'active';
    if (n.kind === 'PROJECT' || n.kind === 'ACTIVITY') state = timeState(n.validFrom, n.validTo, date);
    nodes.set(n.id, { state, shown: passes.get(n.id)!, degree: 0 });
  }
  // Organisations and operating models take the best state of their dated ties.
  const rank: Record<TimeState, number> = { future: 0, ended: 1, active: 2 };
  const tieState = new Map<string, TimeState>();
  const bump = (id: string, s: TimeState) => {
    const prev = tieState.get(id);
    if (prev === undefined || rank[s] > rank[prev]) tieState.set(id, s);
  };
  let activeEdges = 0;
  let rootedEdges = 0;
  for (const e of graph.edges) {
    let state = intervalsState(e.intervals, date);
    const src = nodes.get(e.source);
    const tgt = nodes.get(e.target);
    if (!src || !tgt) continue;
    // A participation in an activity that has not started (or is over) follows the activity.
    if (e.kind === 'PARTICIPATES' && state === 'active' && tgt.state !== 'active') state = tgt.state;
    // Structural links (runs under, continues, in network) last while both ends do.
    if (STRUCTURAL.has(e.kind)) state = rank[src.state] < rank[tgt.state] ? src.state : tgt.state;
    let weight = 0;
    let tieFiltered = false;
    if (e.kind === 'TIE') {
      // Method and target group filters keep a tie only through matching activities; roles do not apply between organisations.
      const keep = (iv: Interval) => !filtering || !iv.via || !graph.contexts[iv.via] || nodePassesFilters(graph.contexts[iv.via], filters);
      const kept = e.intervals.filter(keep);
      tieFiltered = kept.length === 0;
      if (kept.length > 0) state = intervalsState(kept, date);
      weight = new Set(kept.filter((iv) => isActive(iv.from, iv.to, date)).map((iv) => iv.via ?? '')).size;
    } else {
      weight = state === 'active' ? 1 : 0;
    }
    const roleOk = e.kind !== 'PARTICIPATES' || filters.roles.length === 0 || (e.role !== null && filters.roles.includes(e.role));
    const shown = roleOk && !tieFiltered && src.shown && tgt.shown;
    const rooted = shown && isRooted(e, graph.projectEnds, date);
    edges.set(e.id, { state, shown, rooted, weight });
    if (e.kind === 'PARTICIPATES' || e.kind === 'ADOPTED' || e.kind === 'TIE') {
      if (shown) {
        bump(e.source, state);
        bump(e.target, state);
      }
    }
    if (shown && state === 'active') {
      activeEdges++;
      if (rooted) rootedEdges++;
      if (!STRUCTURAL.has(e.kind)) {
        src.degree += weight;
        tgt.degree += weight;
      }
    }
  }
  for (const n of graph.nodes) {
    const f = nodes.get(n.id)!;
    if (n.kind === 'ORGANISATION' || n.kind === 'OPERATING_MODEL') f.state = tieState.get(n.id) ?? 'future';
    // With filters on, an organisation is kept only while it has a tie that the filters keep.
    if (filtering && n.kind === 'ORGANISATION' && !tieState.has(n.id)) f.shown = false;
    if (n.kind === 'ORGANISATION' && graph.view === 'bipartite' && filters.roles.length > 0 && !tieState.has(n.id)) f.shown = false;
  }
  let activeNodes = 0;
  nodes.forEach((f) => {
    if (f.shown && f.state === 'active') activeNodes++;
  });
  return { date, nodes, edges, activeNodes, activeEdges, rootedEdges };
}

export type DiffState = 'added' | 'kept' | 'lost' | 'absent';

export interface Diff {
  nodes: Map<string, DiffState>;
  edges: Map<string, DiffState>;
  counts: Record<'nodes' | 'edges', Record<Exclude<DiffState, 'absent'>, number>>;
}

/** Compare two frames: what is new on the later date, what stayed and what was lost. */
export function diffFrames(before: Frame, after: Frame): Diff {
  const counts = { nodes: { added: 0, kept: 0, lost: 0 }, edges: { added: 0, kept: 0, lost: 0 } };
  const on = (f: { state: TimeState; shown: boolean } | undefined) => !!f && f.shown && f.state === 'active';
  const classify = <T extends { state: TimeState; shown: boolean }>(a: Map<string, T>, b: Map<string, T>, key: 'nodes' | 'edges') => {
    const out = new Map<string, DiffState>();
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      const was = on(a.get(id));
      const is = on(b.get(id));
      const s: DiffState = was && is ? 'kept' : is ? 'added' : was ? 'lost' : 'absent';
      out.set(id, s);
      if (s !== 'absent') counts[key][s]++;
    }
    return out;
  };
  return { nodes: classify(before.nodes, after.nodes, 'nodes'), edges: classify(before.edges, after.edges, 'edges'), counts };
}

/** Slider stops: the first of every month in the history, plus every start and end date. */
export function timelineStops(graph: ApiGraph): string[] {
  if (!graph.firstDate || !graph.lastDate) return [];
  const stops = new Set<string>([graph.firstDate, graph.lastDate]);
  const [y0, m0] = graph.firstDate.split('-').map(Number);
  const [y1, m1] = graph.lastDate.split('-').map(Number);
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) {
    const d = `${y}-${String(m).padStart(2, '0')}-01`;
    if (d >= graph.firstDate && d <= graph.lastDate) stops.add(d);
  }
  for (const x of [...graph.nodes, ...graph.edges]) {
    for (const d of [x.validFrom, x.validTo]) if (d && d >= graph.firstDate && d <= graph.lastDate) stops.add(d);
  }
  return [...stops].sort();
}

/** Index of the last stop on or before a date (the first stop when the date is earlier). */
export function stopIndex(stops: string[], date: string): number {
  let idx = 0;
  for (let i = 0; i < stops.length; i++) if (stops[i] <= date) idx = i;
  return idx;
}

export interface Cy {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean | null>;
  position?: { x: number; y: number };
  classes?: string;
}

/** Cytoscape element definitions for the whole history; per-date styling is applied as classes. */
export function toCyElements(graph: MapGraph, positions?: Record<string, { x: number; y: number }>): Cy[] {
  const nodes: Cy[] = graph.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: n.label,
      kind: n.kind,
      orgKind: n.orgKind,
      sector: n.sector,
      permanent: n.permanent,
    },
    position: positions?.[n.id] ? { ...positions[n.id] } : undefined,
    classes: n.kind.toLowerCase().replace('_', '-'),
  }));
  const edges: Cy[] = graph.edges.map((e) => ({
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, kind: e.kind, role: e.role },
    classes: e.kind.toLowerCase().replace('_', '-'),
  }));
  return [...nodes, ...edges];
}

/** Size of a node in pixels from its tie count: square-root growth, kept within readable bounds. */
export function nodeSize(degree: number, kind: NodeKind): number {
  if (kind === 'NETWORK') return 40; // the hub of every membership: sizing it by ties would swamp the map
  const base = kind === 'ORGANISATION' ? 18 : 22;
  return Math.round(Math.min(base + 9 * Math.sqrt(degree), base + 48));
}

export interface Partner {
  id: string;
  label: string;
  shared: number;
}

export interface RoleRow {
  edgeId: string;
  targetId: string;
  targetLabel: string;
  targetKind: NodeKind;
  role: string | null;
  from: string | null;
  to: string | null;
  state: TimeState;
  rooted: boolean;
}

export interface NodeDetails {
  node: MapNode;
  roles: RoleRow[];
  participants: RoleRow[];
  partners: Partner[];
  projects: { id: string; label: string }[];
  related: { id: string; label: string; kind: EdgeKind; direction: 'out' | 'in' }[];
}

/** What the side panel shows for a node, from the whole-history bipartite graph and a date. */
export function nodeDetails(api: ApiGraph, id: string, date: string): NodeDetails | null {
  const graph = buildMapGraph(api, 'bipartite');
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const node = byId.get(id);
  if (!node) return null;
  const row = (e: MapEdge, otherId: string): RoleRow => {
    const other = byId.get(otherId)!;
    const iv = e.intervals[0];
    const state = timeState(iv.from, iv.to, date);
    return {
      edgeId: e.id,
      targetId: other.id,
      targetLabel: other.label,
      targetKind: other.kind,
      role: e.role,
      from: iv.from,
      to: iv.to,
      state,
      rooted: isRooted(e, graph.projectEnds, date),
    };
  };
  const parts = graph.edges.filter((e) => e.kind === 'PARTICIPATES');
  const roles = parts.filter((e) => e.source === id).map((e) => row(e, e.target));
  const participants = parts.filter((e) => e.target === id).map((e) => row(e, e.source));
  const byDate = (a: RoleRow, b: RoleRow) => (a.from ?? '').localeCompare(b.from ?? '') || a.targetLabel.localeCompare(b.targetLabel, 'fi');
  roles.sort(byDate);
  participants.sort(byDate);

  const partners: Partner[] = [];
  if (node.kind === 'ORGANISATION') {
    const orgGraph = buildMapGraph(api, 'orgs');
    for (const t of orgGraph.edges) {
      if (t.source !== id && t.target !== id) continue;
      const other = t.source === id ? t.target : t.source;
      partners.push({ id: other, label: byId.get(other)?.label ?? other, shared: new Set(t.intervals.map((iv) => iv.via)).size });
    }
    partners.sort((a, b) => b.shared - a.shared || a.label.localeCompare(b.label, 'fi'));
  }

  const projectIds = new Set<string>();
  if (node.kind === 'PROJECT') projectIds.add(id);
  for (const r of node.kind === 'ORGANISATION' ? roles : []) {
    if (r.targetKind === 'PROJECT') projectIds.add(r.targetId);
  }
  const relevant = node.kind === 'ORGANISATION' ? parts.filter((e) => e.source === id) : graph.edges.filter((e) => e.source === id || e.target === id);
  relevant.forEach((e) => e.projectIds.forEach((p) => projectIds.add(p)));
  projectIds.delete(id);
  const projects = [...projectIds].filter((p) => byId.has(p)).map((p) => ({ id: p, label: byId.get(p)!.label }));

  const related = graph.edges
    .filter((e) => e.kind !== 'PARTICIPATES' && (e.source === id || e.target === id))
    .map((e) => {
      const out = e.source === id;
      const other = byId.get(out ? e.target : e.source)!;
      return { id: other.id, label: other.label, kind: e.kind as EdgeKind, direction: out ? ('out' as const) : ('in' as const) };
    });
  return { node, roles, participants, partners, projects, related };
}

/** Nodes whose label contains the text (case- and accent-insensitive), best matches first. */
export function searchNodes(graph: MapGraph, text: string, limit = 10): MapNode[] {
  const norm = (s: string) =>
    s
      .toLocaleLowerCase('fi')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
  const q = norm(text.trim());
  if (!q) return [];
  return graph.nodes
    .map((n) => ({ n, at: norm(n.label).indexOf(q) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at || a.n.label.localeCompare(b.n.label, 'fi'))
    .slice(0, limit)
    .map((x) => x.n);
}

/** Does the network have anything to draw? A network with no activities or projects is empty. */
export function isEmptyGraph(graph: ApiGraph): boolean {
  return !graph.nodes.some((n) => n.kind === 'ACTIVITY' || n.kind === 'PROJECT');
}
