/** Small builders for hand-made snapshots in the analytics specs. */
import type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, GraphSnapshot, IsoDate, ParticipationRole, Sector } from '@verkosto/domain';

function node(kind: GraphNodeKind, id: string, from: IsoDate | null = null, to: IsoDate | null = null): GraphNode {
  return {
    id,
    kind,
    label: id,
    orgKind: null,
    sector: null,
    permanent: null,
    activityType: kind === 'ACTIVITY' ? 'OTHER' : null,
    municipalityCode: null,
    validFrom: from,
    validTo: to,
    methodIds: [],
    targetGroupIds: [],
  };
}

export const org = (id: string, sector: Sector = 'PUBLIC', permanent = true): GraphNode => ({
  ...node('ORGANISATION', id),
  orgKind: 'OTHER',
  sector,
  permanent,
});
export const activity = (id: string, from: IsoDate | null = null, to: IsoDate | null = null) => node('ACTIVITY', id, from, to);
export const project = (id: string, from: IsoDate | null = null, to: IsoDate | null = null) => node('PROJECT', id, from, to);
export const network = (id: string) => node('NETWORK', id);
export const model = (id: string) => node('OPERATING_MODEL', id);

let next = 0;
export function edge(
  kind: GraphEdgeKind,
  source: string,
  target: string,
  from: IsoDate | null = null,
  to: IsoDate | null = null,
  role: ParticipationRole | null = null,
): GraphEdge {
  return { id: `e${++next}`, kind, source, target, role, validFrom: from, validTo: to };
}
export const takesPart = (o: string, target: string, from: IsoDate | null = null, to: IsoDate | null = null, role: ParticipationRole = 'PARTNER') =>
  edge('PARTICIPATES', o, target, from, to, role);

export const snapshot = (nodes: GraphNode[], edges: GraphEdge[]): GraphSnapshot => ({ nodes, edges });
