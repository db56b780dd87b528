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
