import type { ActivityType, IsoDate, OrganisationKind, ParticipationRole, Sector } from './model';

/** A dated graph as the map and the analytics see it: plain data, no database types. */
export const GRAPH_NODE_KINDS = ['ORGANISATION', 'PROJECT', 'ACTIVITY', 'NETWORK', 'OPERATING_MODEL'] as const;
export type GraphNodeKind = (typeof GRAPH_NODE_KINDS)[number];

/**
 * PARTICIPATES: organisation → project / activity / network, with a role.
 * RUNS_UNDER: activity → project. CONTINUES: activity → earlier activity, project → predecessor.
 * IN_NETWORK: activity or project → the network it belongs to. ADOPTED: organisation → operating model.
 */
export const GRAPH_EDGE_KINDS = ['PARTICIPATES', 'RUNS_UNDER', 'CONTINUES', 'IN_NETWORK', 'ADOPTED'] as const;
export type GraphEdgeKind = (typeof GRAPH_EDGE_KINDS)[number];

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  orgKind: OrganisationKind | null;
  sector: Sector | null;
  permanent: boolean | null;
  activityType: ActivityType | null;
  municipalityCode: string | null;
  /** Projects and activities: their start and end; organisations: null (they outlive the data). */
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  methodIds: string[];
  targetGroupIds: string[];
}

export interface GraphEdge {
  id: string;
  kind: GraphEdgeKind;
  source: string;
  target: string;
  role: ParticipationRole | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface GraphSnapshot {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A time window: a single day (`at`), a range, or the whole history (both ends null). */
export interface TimeWindow {
  start: IsoDate | null;
  end: IsoDate | null;
}

/**
 * The part of a snapshot alive in a window: dated edges and nodes that overlap it, structural
 * edges between kept nodes, organisations that take part in something kept. The map's slider and
 * every measure share this one rule.
 */
export function sliceSnapshot(snapshot: GraphSnapshot, window: TimeWindow): GraphSnapshot {
  if (window.start === null && window.end === null) return snapshot;
  const inWindow = (from: IsoDate | null, to: IsoDate | null) =>
    (window.end === null || from === null || from <= window.end) && (window.start === null || to === null || to >= window.start);
  const kept = new Set(
    snapshot.nodes.filter((n) => n.kind === 'NETWORK' || ((n.kind === 'PROJECT' || n.kind === 'ACTIVITY') && inWindow(n.validFrom, n.validTo))).map((n) => n.id),
  );
  const dated = snapshot.edges.filter((e) => (e.kind === 'PARTICIPATES' || e.kind === 'ADOPTED') && inWindow(e.validFrom, e.validTo));
  const participations = dated.filter((e) => e.kind === 'PARTICIPATES' && kept.has(e.target));
  participations.forEach((e) => kept.add(e.source));
  const adoptions = dated.filter((e) => e.kind === 'ADOPTED' && kept.has(e.source));
  adoptions.forEach((e) => kept.add(e.target));
  const structural = snapshot.edges.filter((e) => e.kind !== 'PARTICIPATES' && e.kind !== 'ADOPTED' && kept.has(e.source) && kept.has(e.target));
  return {
    nodes: snapshot.nodes.filter((n) => kept.has(n.id)),
    edges: [...participations, ...structural, ...adoptions],
  };
}
