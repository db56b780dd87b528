import type { GraphEdge, GraphNode, GraphSnapshot, ParticipationRole } from '@verkosto/domain';
import type { Params, Row } from '../engine/engine';
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

/** CONTINUES chains are followed this many steps back from the scope's activities. */
const CONTINUES_DEPTH = 6;

/**
 * The whole dated history of a scope, read in a handful of queries. Time filtering happens on
 * the snapshot (domain `sliceSnapshot`), so the map's slider and every measure share one rule.
 *
 * network: the network, its projects and activities (and activities run under its projects);
 * project: the project with its predecessors and follow-ups, their activities, activities that
 * continue those, and the networks the project belongs to (for coordination handover);
 * all: everything, read without any id list.
 */
export async function readSnapshot(read: Read, q: Queries['snapshot'], scope: GraphScope): Promise<GraphSnapshot> {
  const ids = 'all' in scope ? null : [...(await scopeItems(read, q, scope))];
  if (ids?.length === 0) return { nodes: [], edges: [] };
  const rows = ids ? q.scoped : q.all;
  const params = ids ? { ids } : undefined;
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];

  const [projects, activities, networks, participations, ...structural] = await Promise.all([
    read(rows.projects, params),
    read(rows.activities, params),
    read(rows.networks, params),
    read(rows.participations, params),
    ...Object.values(rows.structural).map((query) => read(query, params)),
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

  // The organisations are those taking part in something in scope, in order of first appearance.
  const orgIds = [...new Set(participations.map((r) => String(r.source)))];
  const [organisations, adoptions] =
    orgIds.length === 0 ? [[], []] : await Promise.all([read(rows.organisations, ids ? { ids: orgIds } : undefined), read(rows.adoptions, ids ? { ids: orgIds } : undefined)]);
  const organisationRows = new Map(organisations.map((r) => [String(r.id), r]));
  for (const orgId of orgIds) {
    const r = organisationRows.get(orgId);
    if (!r) continue; // deleted between the two reads
    nodes.set(orgId, {
      ...emptyNode(orgId, 'ORGANISATION', String(r.name)),
      orgKind: r.kind as GraphNode['orgKind'],
      sector: r.sector as GraphNode['sector'],
      permanent: r.permanent !== false,
      municipalityCode: str(r.municipalityCode),
    });
  }
  for (const r of participations) {
    if (!nodes.has(String(r.source))) continue;
    edges.push({
      id: String(r.id),
      kind: 'PARTICIPATES',
      source: String(r.source),
      target: String(r.target),
      role: r.role as ParticipationRole,
      validFrom: str(r.validFrom),
      validTo: str(r.validTo),
    });
  }

  (Object.keys(rows.structural) as (keyof Queries['snapshot']['all']['structural'])[]).forEach((kind, i) => {
    for (const r of structural[i]) {
      const [source, target] = [String(r.source), String(r.target)];
      if (!nodes.has(source) || !nodes.has(target)) continue;
      edges.push({ id: `${kind}:${source}>${target}`, kind, source, target, role: null, validFrom: null, validTo: null });
    }
  });
  for (const r of adoptions) {
    const [source, target] = [String(r.source), String(r.target)];
    // The whole graph's adoptions include organisations taking part in nothing.
    if (nodes.get(source)?.kind !== 'ORGANISATION') continue;
    if (!nodes.has(target)) nodes.set(target, emptyNode(target, 'OPERATING_MODEL', String(r.name)));
    edges.push({
      id: `ADOPTED:${source}>${target}`,
      kind: 'ADOPTED',
      source,
      target,
      role: null,
      validFrom: str(r.validFrom),
      validTo: str(r.validTo),
    });
  }
  return { nodes: [...nodes.values()], edges };
}

/** The projects, activities and networks of a network or project scope. */
async function scopeItems(read: Read, q: Queries['snapshot'], scope: { networkId: string } | { projectId: string }): Promise<Set<string>> {
  const ids = (rows: Row[]) => rows.map((r) => String(r.id));
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
  // Activities continuing the scope's ones, step by step: a one-step join is cheap, where the
  // variable-length pattern started from every activity in the database.
  let frontier = [...items];
  for (let step = 0; step < CONTINUES_DEPTH && frontier.length > 0; step++) {
    frontier = ids(await read(q.continuing, { ids: frontier })).filter((id) => !items.has(id));
    frontier.forEach((id) => items.add(id));
  }
  return items;
}
