/** Names of the nodes that measures refer to by id, for the evaluator and partner pages. */
import { gql, type Scope } from '../api';
import type { NodeIndex } from '../model/evaluate-model';

export interface ScopeNodes {
  nodes: NodeIndex;
  firstDate: string | null;
  lastDate: string | null;
}

/** Every node on the map of a network or project: its name and an organisation's sector. */
export async function fetchScopeNodes(scope: Scope): Promise<ScopeNodes> {
  const arg = scope.type === 'network' ? 'networkId' : 'projectId';
  const data = await gql<{ networkGraph: { firstDate: string | null; lastDate: string | null; nodes: { id: string; label: string; sector: string | null }[] } }>(
    `query Nodes($id: ID!) { networkGraph(${arg}: $id) { firstDate lastDate nodes { id label sector } } }`,
    { id: scope.id },
  );
  const g = data.networkGraph;
  return { nodes: new Map(g.nodes.map((n) => [n.id, { label: n.label, sector: n.sector }])), firstDate: g.firstDate, lastDate: g.lastDate };
}

/** At most this many ids are looked up by name in one call; the rest show their id. */
const LOOKUP_LIMIT = 150;

/**
 * Names for ids outside any map already loaded: one request asking each id as an organisation, an
 * activity and a project (the one it is answers, the others are null).
 */
export async function fetchLabels(ids: string[]): Promise<NodeIndex> {
  const wanted = [...new Set(ids)].slice(0, LOOKUP_LIMIT);
  const found: NodeIndex = new Map();
  if (!wanted.length) return found;
  const vars = wanted.map((_, i) => `$i${i}: ID!`).join(', ');
  const fields = wanted.map((_, i) => `o${i}: organisation(id: $i${i}) { name sector } a${i}: activity(id: $i${i}) { name } p${i}: project(id: $i${i}) { name }`).join('\n');
  const data = await gql<Record<string, { name: string; sector?: string } | null>>(`query Labels(${vars}) { ${fields} }`, Object.fromEntries(wanted.map((id, i) => [`i${i}`, id])));
  wanted.forEach((id, i) => {
    const hit = data[`o${i}`] ?? data[`a${i}`] ?? data[`p${i}`];
    if (hit) found.set(id, { label: hit.name, sector: hit.sector ?? null });
  });
  return found;
}

/** Node ids of several maps in one request, to choose which map can light a set of nodes. */
export async function fetchMapNodeIds(scopes: Scope[]): Promise<Set<string>[]> {
  if (!scopes.length) return [];
  const vars = scopes.map((_, i) => `$s${i}: ID!`).join(', ');
  const fields = scopes.map((s, i) => `g${i}: networkGraph(${s.type === 'network' ? 'networkId' : 'projectId'}: $s${i}) { nodes { id } }`).join('\n');
  const data = await gql<Record<string, { nodes: { id: string }[] }>>(`query Maps(${vars}) { ${fields} }`, Object.fromEntries(scopes.map((s, i) => [`s${i}`, s.id])));
  return scopes.map((_, i) => new Set(data[`g${i}`].nodes.map((n) => n.id)));
}
