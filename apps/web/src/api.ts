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

/** One refusal as the API sends it (`extensions`): its code, and the field and existing item it concerns. */
export interface ApiProblem {
  message: string;
  code?: string;
  field?: string;
  existingId?: string;
  existingName?: string;
  /** The existing item is hidden from the caller (a private network), so it is not named. */
  existingHidden?: boolean;
  /** Everything the server put in `extensions`, e.g. a refused undo's dependents. */
  extensions?: Record<string, unknown>;
}

/** A failed call: the server's message and each refusal's details; `code` and `field` are the first one's. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly problems: ApiProblem[] = [],
  ) {
    super(message);
  }

  get code(): string | undefined {
    return this.problems[0]?.code;
  }

  get field(): string | undefined {
    return this.problems[0]?.field;
  }

  get extensions(): Record<string, unknown> {
    return this.problems[0]?.extensions ?? {};
  }
}

type GraphQLErrorBody = { message: string; extensions?: Record<string, unknown> };

function toProblem(e: GraphQLErrorBody): ApiProblem {
  const x = e.extensions ?? {};
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    message: e.message,
    code: s(x.code),
    field: s(x.field),
    existingId: s(x.existingId),
    existingName: s(x.existingName),
    existingHidden: x.existingHidden === true,
    extensions: x,
  };
}

/**
 * The session's CSRF token as a header, from the cookie the server set at sign-in (none when
 * signed out). Every POST made with the session cookie needs it, uploads included.
 */
export function csrfHeaders(): Record<string, string> {
  const match = /(?:^|;\s*)verkosto_csrf=([^;]+)/.exec(document.cookie);
  return match ? { 'x-csrf-token': decodeURIComponent(match[1]) } : {};
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('no connection to the server');
  }
  let body: { data?: T; errors?: GraphQLErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`the server answered ${response.status} ${response.statusText}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors.map(toProblem));
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

export async function fetchCatalogue(): Promise<{
  networks: Named[];
  projects: (Named & { code: string | null })[];
  methods: Term[];
  targetGroups: Term[];
  municipalities: Municipality[];
}> {
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
