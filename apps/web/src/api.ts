/** The GraphQL calls the map makes. Errors become messages a coordinator can read. */
import type { Municipality as DomainMunicipality, Term } from '@verkosto/domain/model';
import type { ApiGraph } from './model/graph-model';

export interface Named {
  id: string;
  name: string;
}
export type { Term };
/** The fields the map asks for. */
export type Municipality = Pick<DomainMunicipality, 'code' | 'name' | 'nameSv'>;
export interface Hit {
  id: string;
  kind: 'ORGANISATION' | 'PROJECT' | 'ACTIVITY' | 'NETWORK';
  label: string;
}

export class ApiError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('no connection to the server');
  }
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`the server answered ${response.status} ${response.statusText}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body.data) throw new ApiError(`the server answered ${response.status}`);
  return body.data;
}

const GRAPH = `nodes { id kind label orgKind sector permanent activityType municipalityCode validFrom validTo methodIds targetGroupIds }
  edges { id kind source target role validFrom validTo } firstDate lastDate`;

export interface Scope {
  type: 'network' | 'project';
  id: string;
}

/** The whole history at once: the slider then filters in the browser without a round trip per frame. */
export async function fetchGraph(scope: Scope): Promise<ApiGraph> {
  const arg = scope.type === 'network' ? 'networkId' : 'projectId';
  const data = await gql<{ networkGraph: ApiGraph }>(`query Map($id: ID!) { networkGraph(${arg}: $id) { ${GRAPH} } }`, { id: scope.id });
  return data.networkGraph;
}

export async function fetchCatalogue(): Promise<{ networks: Named[]; projects: (Named & { code: string | null })[]; methods: Term[]; targetGroups: Term[]; municipalities: Municipality[] }> {
  const data = await gql<{
    networks: { nodes: Named[] };
    projects: { nodes: (Named & { code: string | null })[] };
    methods: Term[];
    targetGroups: Term[];
    municipalities: Municipality[];
  }>(`{ networks(first: 100) { nodes { id name } } projects(first: 100) { nodes { id name code } }
        methods { id nameFi nameSv nameEn } targetGroups { id nameFi nameSv nameEn } municipalities { code name nameSv } }`);
  return { networks: data.networks.nodes, projects: data.projects.nodes, methods: data.methods, targetGroups: data.targetGroups, municipalities: data.municipalities };
}

export async function searchAll(text: string): Promise<Hit[]> {
  const data = await gql<{ search: Hit[] }>(`query S($text: String!) { search(text: $text, limit: 8) { id kind label } }`, { text });
  return data.search;
}
