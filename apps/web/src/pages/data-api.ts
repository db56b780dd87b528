/** The GraphQL calls of the data page: lists, items with their relationships, and every write. */
import { gql } from '../api';
import type { EntityKind } from '../model/data-forms';
import type { DeletionImpact } from '../model/deletion';
import type { MemberParticipation } from '../model/merge';

export interface Connection<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** A row of a list: enough to name the item and tell it from its namesakes. */
export interface ListRow {
  id: string;
  name: string;
  kind?: string;
  sector?: string;
  businessId?: string | null;
  municipalityCode?: string | null;
  code?: string | null;
  type?: string;
  startDate?: string | null;
  endDate?: string | null;
  goal?: string | null;
}

const LIST_FIELDS: Record<EntityKind, string> = {
  organisation: 'id name kind sector businessId municipalityCode',
  project: 'id name code startDate endDate',
  activity: 'id name type startDate endDate',
  network: 'id name goal',
};
const LIST_QUERY: Record<EntityKind, string> = {
  organisation: 'organisations',
  project: 'projects',
  activity: 'activities',
  network: 'networks',
};

export async function listItems(kind: EntityKind, search: string, first: number, after: string | null): Promise<Connection<ListRow>> {
  const field = LIST_QUERY[kind];
  const data = await gql<Record<string, Connection<ListRow>>>(
    `query List($search: String, $first: Int, $after: String) {
      ${field}(search: $search, first: $first, after: $after) { nodes { ${LIST_FIELDS[kind]} } totalCount pageInfo { endCursor hasNextPage } } }`,
    { search: search.trim() || null, first, after },
  );
  return data[field];
}

/** A participation as the forms show it: both ends named. */
export interface ParticipationRow extends MemberParticipation {
  organisationId: string;
  organisation: { name: string } | null;
}

const PARTICIPATION = 'id organisationId organisation { name } targetId targetKind targetName role validFrom validTo';

const ITEM_QUERY: Record<EntityKind, string> = {
  organisation: `organisation(id: $id) { id updatedAt name kind sector businessId municipalityCode website permanent mergedNames
    mergedFrom { id name businessId mergedAt } participations { ${PARTICIPATION} } }`,
  project: `project(id: $id) { id updatedAt code name programme fund priorityAxis startDate endDate budget publicFunding description outputs
    predecessorId predecessor { id name } networkIds methodIds targetGroupIds participants { ${PARTICIPATION} } }`,
  activity: `activity(id: $id) { id updatedAt name type startDate endDate municipalityCode description projectId project { id name }
    continuesId continues { id name } networkIds methodIds targetGroupIds participants { ${PARTICIPATION} } }`,
  network: `network(id: $id) { id updatedAt name goal regionCode visibility coordinator { id name } members { ${PARTICIPATION} } }`,
};

/** An item with everything its form and relationship lists need; null when it is gone. */
export type Item = Record<string, unknown> & { id: string; name: string };

export async function fetchItem(kind: EntityKind, id: string): Promise<Item | null> {
  const data = await gql<Record<string, Item | null>>(`query Item($id: ID!) { ${ITEM_QUERY[kind]} }`, { id });
  return data[kind];
}

/** The participations shown under an item, whatever the API calls them there. */
export function participationsOf(kind: EntityKind, item: Item): ParticipationRow[] {
  const key = kind === 'organisation' ? 'participations' : kind === 'network' ? 'members' : 'participants';
  return (item[key] as ParticipationRow[] | undefined) ?? [];
}

const TYPE: Record<EntityKind, string> = { organisation: 'Organisation', project: 'Project', activity: 'Activity', network: 'Network' };

/** Saves the form; an edit names the `updatedAt` it was opened with, so a later change by someone else is not overwritten. */
export async function saveItem(kind: EntityKind, id: string | null, input: Record<string, unknown>, expectedUpdatedAt?: string): Promise<{ id: string; name: string }> {
  const type = TYPE[kind];
  if (id) {
    const data = await gql<Record<string, { id: string; name: string }>>(
      `mutation Save($id: ID!, $input: Update${type}Input!, $expected: String) { update${type}(id: $id, input: $input, expectedUpdatedAt: $expected) { id name } }`,
      { id, input, expected: expectedUpdatedAt ?? null },
    );
    return data[`update${type}`];
  }
  const data = await gql<Record<string, { id: string; name: string }>>(`mutation Save($input: Create${type}Input!) { create${type}(input: $input) { id name } }`, { input });
  return data[`create${type}`];
}

export async function deleteItem(kind: EntityKind, id: string): Promise<number> {
  const type = TYPE[kind];
  const data = await gql<Record<string, { removedRelationships: number }>>(`mutation Delete($id: ID!) { delete${type}(id: $id) { removedRelationships } }`, { id });
  return data[`delete${type}`].removedRelationships;
}

export async function fetchDeletionImpact(id: string): Promise<DeletionImpact> {
  const data = await gql<{ deletionImpact: DeletionImpact }>(
    `query Impact($id: ID!) { deletionImpact(id: $id) { id kind name participations activityLinks continuationLinks networkLinks adoptions otherLinks removedRelationships } }`,
    { id },
  );
  return data.deletionImpact;
}

export interface NewParticipation {
  organisationId: string;
  targetId: string;
  role: string;
  validFrom: string | null;
  validTo: string | null;
}

export async function addParticipation(input: NewParticipation): Promise<{ id: string }> {
  const data = await gql<{ addParticipation: { id: string } }>(`mutation Add($input: ParticipationInput!) { addParticipation(input: $input) { id } }`, { input });
  return data.addParticipation;
}

export async function endParticipation(id: string, validTo: string): Promise<void> {
  await gql(`mutation End($id: ID!, $validTo: Date!) { endParticipation(id: $id, validTo: $validTo) { id } }`, { id, validTo });
}

export async function removeParticipation(id: string): Promise<void> {
  await gql(`mutation Remove($id: ID!) { removeParticipation(id: $id) { id } }`, { id });
}

export async function setCoordinator(networkId: string, organisationId: string, from: string): Promise<void> {
  await gql(`mutation Coordinate($n: ID!, $o: ID!, $from: Date!) { setCoordinator(networkId: $n, organisationId: $o, from: $from) { id } }`, {
    n: networkId,
    o: organisationId,
    from,
  });
}

/** One thing a picker can offer. */
export interface Choice {
  id: string;
  label: string;
  kind: 'ORGANISATION' | 'PROJECT' | 'ACTIVITY' | 'NETWORK';
}

export async function findOrganisations(text: string): Promise<Choice[]> {
  const rows = await listItems('organisation', text, 8, null);
  return rows.nodes.map((o) => ({ id: o.id, label: o.businessId ? `${o.name} (${o.businessId})` : o.name, kind: 'ORGANISATION' }));
}

export async function findProjects(text: string): Promise<Choice[]> {
  const rows = await listItems('project', text, 8, null);
  return rows.nodes.map((p) => ({ id: p.id, label: p.code ? `${p.code} ${p.name}` : p.name, kind: 'PROJECT' }));
}

export async function findActivities(text: string): Promise<Choice[]> {
  const rows = await listItems('activity', text, 8, null);
  return rows.nodes.map((a) => ({ id: a.id, label: a.startDate ? `${a.name} (${a.startDate.slice(0, 4)})` : a.name, kind: 'ACTIVITY' }));
}

/** Projects, activities and networks: what an organisation can take part in. */
export async function findTargets(text: string): Promise<Choice[]> {
  if (text.trim().length < 2) return [];
  const data = await gql<{ search: Choice[] }>(`query Find($text: String!) { search(text: $text, limit: 20) { id kind label } }`, { text });
  return data.search.filter((h) => h.kind !== 'ORGANISATION').slice(0, 10);
}

/** Where an activity sits, to open the map on its project or network. */
export async function fetchActivityPlace(id: string): Promise<{ projectId: string | null; networkIds: string[] } | null> {
  const data = await gql<{ activity: { projectId: string | null; networkIds: string[] } | null }>(`query Place($id: ID!) { activity(id: $id) { projectId networkIds } }`, { id });
  return data.activity;
}

export interface Region {
  code: string;
  name: string;
  nameSv: string;
}

export async function fetchRegions(): Promise<Region[]> {
  return (await gql<{ regions: Region[] }>('{ regions { code name nameSv } }')).regions;
}

export interface DuplicateMember {
  id: string;
  name: string;
  kind: string;
  businessId: string | null;
  website: string | null;
  municipalityCode: string | null;
  participations: ParticipationRow[];
}

export interface DuplicateGroupRow {
  reason: 'BUSINESS_ID' | 'NAME';
  key: string;
  members: DuplicateMember[];
}

/** The page size is written into the query: the API's cost limit reads a variable `first` as its largest page. */
export async function fetchDuplicates(first: number, after: string | null): Promise<Connection<DuplicateGroupRow>> {
  const data = await gql<{ duplicateOrganisations: Connection<DuplicateGroupRow> }>(
    `query Dups($after: String) { duplicateOrganisations(first: ${Math.trunc(first)}, after: $after) {
      nodes { reason key members { id name kind businessId website municipalityCode participations { ${PARTICIPATION} } } }
      totalCount pageInfo { endCursor hasNextPage } } }`,
    { after },
  );
  return data.duplicateOrganisations;
}

export async function mergeOrganisations(keepId: string, mergeIds: string[]): Promise<{ movedRelationships: number; organisation: { id: string; name: string } }> {
  const data = await gql<{ mergeOrganisations: { movedRelationships: number; organisation: { id: string; name: string } } }>(
    `mutation Merge($keep: ID!, $merge: [ID!]!) { mergeOrganisations(keepId: $keep, mergeIds: $merge) { movedRelationships organisation { id name } } }`,
    { keep: keepId, merge: mergeIds },
  );
  return data.mergeOrganisations;
}
