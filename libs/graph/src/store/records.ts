import { DEFAULT_SECTOR, foldText, nameKey, type SeedActivity, type SeedNetwork, type SeedOrganisation, type SeedProject } from '@verkosto/domain';
import type { Value } from '../engine/engine';
import { sortKey } from './sort-key';

/**
 * Stored node rows with their derived columns (name key, search text, sort key), for bulk loads
 * of datasets and imports alike. Columns follow schema.ts.
 */
type Stamp = { createdAt: string; updatedAt: string };
type NodeRow = Record<string, Value>;

export function organisationRow(o: SeedOrganisation & { mergedNames?: string[] }, stamp: Stamp): NodeRow {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    sector: o.sector ?? DEFAULT_SECTOR[o.kind],
    businessId: o.businessId ?? null,
    nameKey: nameKey(o.name),
    website: o.website ?? null,
    permanent: o.permanent ?? true,
    mergedNames: o.mergedNames ?? [],
    searchText: foldText(`${o.name} ${o.businessId ?? ''}`),
    sortKey: sortKey(o.name, o.id),
    ...stamp,
  };
}

export function projectRow(p: SeedProject, stamp: Stamp): NodeRow {
  return {
    id: p.id,
    code: p.code ?? null,
    name: p.name,
    programme: p.programme ?? null,
    fund: p.fund ?? null,
    priorityAxis: p.priorityAxis ?? null,
    startDate: p.startDate ?? null,
    endDate: p.endDate ?? null,
    budget: p.budget ?? null,
    publicFunding: p.publicFunding ?? null,
    grantedFunding: p.grantedFunding ?? null,
    paidFunding: p.paidFunding ?? null,
    description: p.description ?? null,
    outputs: p.outputs ?? null,
    searchText: foldText(`${p.name} ${p.code ?? ''}`),
    sortKey: sortKey(p.name, p.id),
    ...stamp,
  };
}

export function activityRow(a: SeedActivity, stamp: Stamp): NodeRow {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    startDate: a.startDate ?? null,
    endDate: a.endDate ?? null,
    description: a.description ?? null,
    searchText: foldText(a.name),
    sortKey: sortKey(a.name, a.id),
    ...stamp,
  };
}

export function networkRow(n: SeedNetwork, stamp: Stamp): NodeRow {
  return {
    id: n.id,
    name: n.name,
    goal: n.goal ?? null,
    visibility: n.visibility ?? 'PUBLIC',
    searchText: foldText(n.name),
    sortKey: sortKey(n.name, n.id),
    ...stamp,
  };
}
