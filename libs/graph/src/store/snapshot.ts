import type { GraphEdge, GraphNode, GraphSnapshot, ParticipationRole } from '@verkosto/domain';
import type { Params, Row } from '../engine/cypher-engine';
import type { GraphScope } from '../graph-store';
import type { Queries } from './queries';
import { str, strs } from './rows';

type Read = (query: string, params?: Params) => Promise<Row[]>;


function emptyNode(id: string, kind: GraphNode['kind'], label: string): GraphNode {
  return {
    id,
    kind,
    label,
    orgKind: null,
    sector: null,
    permanent: null,
    activityType: null,
    municipalityCode: null,
    validFrom: null,
    validTo: null,
    methodIds: [],
    targetGroupIds: [],
  };
}

/**
 * The whole dated history of a scope, read in a handful of queries. Time filtering happens on
 * the snapshot (domain `sliceSnapshot`), so the map's slider and every measure share one rule.
 *
 * network: the network, its projects and activities (and activities run under its projects);
 * project: the project with its predecessors and follow-ups, their activities, activities that
 * continue those, and the networks the project belongs to (for coordination handover).
 */
export async function readSnapshot(read: Read, q: Queries['snapshot'], scope: GraphScope): Promise<GraphSnapshot> {
  const items = await scopeItems(read, q, scope);
  const ids = [...items];
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  if (ids.length === 0) return { nodes: [], edges: [] };

  const [projects, activities, networks, participations, ...structural] = await Promise.all([
    read(q.projects, { ids }),
    read(q.activities, { ids }),
    read(q.networks, { ids }),
    read(q.participations, { ids }),
    ...Object.values(q.structural).map((query) => read(query, { ids })),
  ]);
  for (const r of projects) {
    nodes.set(String(r.id), {
      ...emptyNode(String(r.id), 'PROJECT', r.code ? `${r.code} ${r.name}` : String(r.name)),
      validFrom: str(r.validFrom),
      validTo: str(r.validTo),
      methodIds: strs(r.methodIds),
      targetGroupIds: strs(r.targetGroupIds),
    });
  }
  for (const r of activities) {
    nodes.set(String(r.id), {
      ...emptyNode(String(r.id), 'ACTIVITY', String(r.name)),
      activityType: r.type as GraphNode['activityType'],
      municipalityCode: str(r.municipalityCode),
      validFrom: str(r.validFrom),
      validTo: str(r.validTo),
      methodIds: strs(r.methodIds),
      targetGroupIds: strs(r.targetGroupIds),
    });
  }
  for (const r of networks) nodes.set(String(r.id), emptyNode(String(r.id), 'NETWORK', String(r.name)));
  for (const r of participations) {
    const orgId = String(r.source);
    if (!nodes.has(orgId)) {
      nodes.set(orgId, {
        ...emptyNode(orgId, 'ORGANISATION', String(r.name)),
        orgKind: r.kind as GraphNode['orgKind'],
        sector: r.sector as GraphNode['sector'],
        permanent: r.permanent !== false,
        municipalityCode: str(r.municipalityCode),
      });
    }
    edges.push({
      id: String(r.id),
      kind: 'PARTICIPATES',
      source: orgId,
      target: String(r.target),
      role: r.role as ParticipationRole,
      validFrom: str(r.validFrom),
      validTo: str(r.validTo),
    });
  }
  (Object.keys(q.structural) as (keyof Queries['snapshot']['structural'])[]).forEach((kind, i) => {
    for (const r of structural[i]) {
      const [source, target] = [String(r.source), String(r.target)];
      if (!nodes.has(source) || !nodes.has(target)) continue;
      edges.push({ id: `${kind}:${source}>${target}`, kind, source, target, role: null, validFrom: null, validTo: null });
    }
  });
  const orgIds = [...nodes.values()].filter((n) => n.kind === 'ORGANISATION').map((n) => n.id);
  if (orgIds.length > 0) {
    for (const r of await read(q.adoptions, { ids: orgIds })) {
      const target = String(r.target);
      if (!nodes.has(target)) nodes.set(target, emptyNode(target, 'OPERATING_MODEL', String(r.name)));
      edges.push({
        id: `ADOPTED:${String(r.source)}>${target}`,
        kind: 'ADOPTED',
        source: String(r.source),
        target,
        role: null,
        validFrom: str(r.validFrom),
        validTo: str(r.validTo),
      });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

async function scopeItems(read: Read, q: Queries['snapshot'], scope: GraphScope): Promise<Set<string>> {
  const ids = (rows: Row[]) => rows.map((r) => String(r.id));
  if ('all' in scope) return new Set(ids(await read(q.allItems)));
  let projects: string[];
  const items = new Set<string>();
  if ('networkId' in scope) {
    const rows = await read(q.networkItems, { id: scope.networkId });
    items.add(scope.networkId);
    rows.forEach((r) => items.add(String(r.id)));
    projects = rows.filter((r) => r.label === 'Project').map((r) => String(r.id));
  } else {
    projects = [scope.projectId, ...ids(await read(q.projectChain, { id: scope.projectId }))];
    projects.forEach((id) => items.add(id));
    ids(await read(q.projectNetworks, { ids: [scope.projectId] })).forEach((id) => items.add(id));
  }
  if (projects.length > 0) ids(await read(q.underProjects, { ids: projects })).forEach((id) => items.add(id));
  const activities = [...items];
  ids(await read(q.continuing, { ids: activities })).forEach((id) => items.add(id));
  return items;
}
