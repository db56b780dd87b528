import type {
  Activity,
  MergedOrganisation,
  Actor,
  Change,
  ChangeEffect,
  ChangeEntityKind,
  ChangeOperation,
  Network,
  Organisation,
  Participation,
  ParticipationRole,
  ParticipationTarget,
  Person,
  Project,
  TieSourceKind,
  Visibility,
} from '@verkosto/domain';
import type { Value, Row } from '../engine/engine';

/** Result rows → domain objects. Every read returns scalars under these aliases. */
export const str = (v: Value): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Value): number | null => (v === null || v === undefined ? null : Number(v));
export const strs = (v: Value): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))].sort() : []);

export const ORGANISATION_RETURN = `o.id AS id, o.name AS name, o.kind AS kind, o.sector AS sector,
  o.businessId AS businessId, o.website AS website, o.permanent AS permanent,
  o.mergedNames AS mergedNames, o.mergedFrom AS mergedFrom, o.createdAt AS createdAt, o.updatedAt AS updatedAt`;

export function toOrganisation(row: Row): Organisation {
  return {
    id: String(row.id),
    name: String(row.name),
    kind: row.kind as Organisation['kind'],
    sector: row.sector as Organisation['sector'],
    businessId: str(row.businessId),
    municipalityCode: str(row.municipalityCode),
    website: str(row.website),
    permanent: row.permanent !== false,
    mergedNames: strs(row.mergedNames),
    mergedFrom: row.mergedFrom ? (JSON.parse(String(row.mergedFrom)) as MergedOrganisation[]) : [],
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
  };
}

export const PROJECT_RETURN = `p.id AS id, p.code AS code, p.name AS name, p.programme AS programme,
  p.fund AS fund, p.priorityAxis AS priorityAxis, p.startDate AS startDate, p.endDate AS endDate,
  p.budget AS budget, p.publicFunding AS publicFunding, p.grantedFunding AS grantedFunding,
  p.paidFunding AS paidFunding, p.description AS description,
  p.outputs AS outputs, p.createdAt AS createdAt, p.updatedAt AS updatedAt`;

export function toProject(row: Row): Project {
  return {
    id: String(row.id),
    code: str(row.code),
    name: String(row.name),
    programme: str(row.programme),
    fund: str(row.fund),
    priorityAxis: str(row.priorityAxis),
    startDate: str(row.startDate),
    endDate: str(row.endDate),
    budget: num(row.budget),
    publicFunding: num(row.publicFunding),
    grantedFunding: num(row.grantedFunding),
    paidFunding: num(row.paidFunding),
    description: str(row.description),
    outputs: str(row.outputs),
    predecessorId: str(row.predecessorId),
    networkIds: strs(row.networkIds),
    methodIds: strs(row.methodIds),
    targetGroupIds: strs(row.targetGroupIds),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
  };
}

export const ACTIVITY_RETURN = `a.id AS id, a.name AS name, a.type AS type, a.startDate AS startDate,
  a.endDate AS endDate, a.description AS description, a.createdAt AS createdAt, a.updatedAt AS updatedAt`;

export function toActivity(row: Row): Activity {
  return {
    id: String(row.id),
    name: String(row.name),
    type: row.type as Activity['type'],
    startDate: str(row.startDate),
    endDate: str(row.endDate),
    municipalityCode: str(row.municipalityCode),
    description: str(row.description),
    projectId: str(row.projectId),
    continuesId: str(row.continuesId),
    networkIds: strs(row.networkIds),
    methodIds: strs(row.methodIds),
    targetGroupIds: strs(row.targetGroupIds),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
  };
}

export const NETWORK_RETURN = `n.id AS id, n.name AS name, n.goal AS goal, n.visibility AS visibility,
  n.createdAt AS createdAt, n.updatedAt AS updatedAt`;

export function toNetwork(row: Row): Network {
  return {
    id: String(row.id),
    name: String(row.name),
    goal: str(row.goal),
    regionCode: str(row.regionCode),
    visibility: (row.visibility ?? 'PUBLIC') as Visibility,
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
  };
}

const TARGET_BY_LABEL: Record<string, ParticipationTarget> = {
  Project: 'PROJECT',
  Activity: 'ACTIVITY',
  Network: 'NETWORK',
};

export function targetKindOfLabel(label: Value): ParticipationTarget {
  const kind = TARGET_BY_LABEL[String(label)];
  if (!kind) throw new Error(`Unexpected participation target label ${String(label)}`);
  return kind;
}

export function toParticipation(row: Row): Participation {
  return {
    id: String(row.id),
    organisationId: String(row.organisationId),
    targetId: String(row.targetId),
    targetKind: targetKindOfLabel(row.targetLabel),
    role: row.role as ParticipationRole,
    validFrom: str(row.validFrom),
    validTo: str(row.validTo),
    // Ties written before version 2 of the schema were given a kind by its migration.
    source: { kind: (str(row.source) ?? 'MANUAL') as TieSourceKind, ref: str(row.sourceRef) },
    confirmedAt: str(row.confirmedAt),
  };
}

export function toPerson(row: Row): Person {
  return {
    id: String(row.id),
    name: String(row.name),
    email: str(row.email),
    organisationId: String(row.organisationId),
    roleTitle: str(row.roleTitle),
    consentGivenAt: String(row.consentGivenAt),
    consentText: String(row.consentText),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
  };
}

export function toChange(row: Row): Change & { sortKey: string } {
  const actor: Actor = { id: String(row.actorId), email: str(row.actorEmail) };
  return {
    id: String(row.id),
    at: String(row.at),
    sortKey: String(row.sortKey),
    actor,
    operation: row.operation as ChangeOperation,
    entityKind: row.entityKind as ChangeEntityKind,
    entityId: String(row.entityId),
    label: str(row.label) ?? '',
    entityIds: strs(row.entityIds),
    refIds: strs(row.refIds),
    networkIds: strs(row.networkIds),
    effects: JSON.parse(String(row.effects ?? '[]')) as ChangeEffect[],
    undoOf: str(row.undoOf),
    undoneBy: str(row.undoneBy),
  };
}
