import { createHash } from 'node:crypto';
import {
  DEFAULT_SECTOR,
  ROLES_BY_TARGET,
  TIE_SOURCE_KINDS,
  badInput,
  checkDate,
  cleanText,
  validateActivity,
  validateNetwork,
  validateOrganisation,
  validateProject,
  type ParticipationTarget,
  type SeedDataset,
  type SeedParticipation,
  type TieSource,
} from '@verkosto/domain';
import type { BulkTable, Value } from '../engine/engine';
import { activityRow, networkRow, organisationRow, projectRow } from './records';

/** A tie of a clean dataset: its id, source and confirmation settled. */
export type CleanParticipation = SeedParticipation & { id: string; source: TieSource; confirmedAt: string | null };

/** A dataset whose every row passed the same validation as a single mutation. */
export type CleanDataset = Required<Omit<SeedDataset, 'participations'>> & {
  participations: CleanParticipation[];
  targetKinds: Map<string, ParticipationTarget>;
};

/**
 * Validates every row and every reference inside the dataset; reports all problems at once. Ties
 * without a source of their own get `defaultSource` (the file or registry the load came from).
 */
export function validateDataset(dataset: SeedDataset, defaultSource: TieSource): CleanDataset {
  const problems: string[] = [];
  const attempt = <T>(where: string, work: () => T): T | null => {
    try {
      return work();
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const seen = new Set<string>();
  const unique = (id: string, where: string) => {
    if (!id) problems.push(`${where}: an id is missing.`);
    else if (seen.has(id)) problems.push(`${where}: the id ${id} is used twice.`);
    seen.add(id);
  };
  const organisations = dataset.organisations.flatMap((o) => {
    unique(o.id, `organisation ${o.name}`);
    const clean = attempt(`organisation ${o.id}`, () => validateOrganisation(o));
    return clean ? [{ ...o, ...clean, sector: clean.sector ?? DEFAULT_SECTOR[clean.kind] }] : [];
  });
  const projects = dataset.projects.flatMap((p) => {
    unique(p.id, `project ${p.name}`);
    const clean = attempt(`project ${p.id}`, () => validateProject(p));
    return clean ? [{ ...p, ...clean }] : [];
  });
  const activities = dataset.activities.flatMap((a) => {
    unique(a.id, `activity ${a.name}`);
    const clean = attempt(`activity ${a.id}`, () => validateActivity(a));
    return clean ? [{ ...a, ...clean }] : [];
  });
  const networks = dataset.networks.flatMap((n) => {
    unique(n.id, `network ${n.name}`);
    const clean = attempt(`network ${n.id}`, () => validateNetwork(n));
    return clean ? [{ ...n, ...clean }] : [];
  });
  const targetKinds = new Map<string, ParticipationTarget>([
    ...projects.map((p) => [p.id, 'PROJECT'] as const),
    ...activities.map((a) => [a.id, 'ACTIVITY'] as const),
    ...networks.map((n) => [n.id, 'NETWORK'] as const),
  ]);
  const orgIds = new Set(organisations.map((o) => o.id));
  const participations = dataset.participations.flatMap((p, i) => {
    const where = `participation ${i + 1} (${p.organisationId} → ${p.targetId})`;
    const kind = targetKinds.get(p.targetId);
    if (!orgIds.has(p.organisationId)) problems.push(`${where}: no organisation ${p.organisationId} in the data.`);
    if (!kind) problems.push(`${where}: no project, activity or network ${p.targetId} in the data.`);
    else if (!ROLES_BY_TARGET[kind].includes(p.role)) problems.push(`${where}: ${p.role} is not a role in a ${kind.toLowerCase()}.`);
    const dates = attempt(where, () => [checkDate(p.validFrom, 'validFrom'), checkDate(p.validTo, 'validTo')]);
    if (dates?.[0] && dates[1] && dates[1] < dates[0]) problems.push(`${where}: ends before it starts.`);
    const source = p.source ? { kind: p.source.kind, ref: cleanText(p.source.ref) } : defaultSource;
    if (!TIE_SOURCE_KINDS.includes(source.kind)) problems.push(`${where}: the source kind ${source.kind} is not one of ${TIE_SOURCE_KINDS.join(', ')}.`);
    const confirmedAt = cleanText(p.confirmedAt);
    if (confirmedAt && Number.isNaN(Date.parse(confirmedAt))) problems.push(`${where}: confirmedAt "${confirmedAt}" is not a time.`);
    return [{ ...p, id: p.id ?? participationId(p.organisationId, p.targetId, p.role, p.validFrom ?? null), source, confirmedAt }];
  });
  participations.forEach((p) => unique(p.id, `participation ${p.id}`));
  const projectIds = new Set(projects.map((p) => p.id));
  const activityIds = new Set(activities.map((a) => a.id));
  const networkIds = new Set(networks.map((n) => n.id));
  for (const p of projects) {
    if (p.predecessorId && !projectIds.has(p.predecessorId)) problems.push(`project ${p.id}: no predecessor ${p.predecessorId}.`);
    for (const n of p.networkIds ?? []) if (!networkIds.has(n)) problems.push(`project ${p.id}: no network ${n}.`);
  }
  for (const a of activities) {
    if (a.projectId && !projectIds.has(a.projectId)) problems.push(`activity ${a.id}: no project ${a.projectId}.`);
    if (a.continuesId && !activityIds.has(a.continuesId)) problems.push(`activity ${a.id}: no earlier activity ${a.continuesId}.`);
    for (const n of a.networkIds ?? []) if (!networkIds.has(n)) problems.push(`activity ${a.id}: no network ${n}.`);
  }
  for (const ad of dataset.adoptions ?? []) {
    if (!orgIds.has(ad.organisationId)) problems.push(`adoption: no organisation ${ad.organisationId}.`);
  }
  if (problems.length > 0) {
    throw badInput(`The data has ${problems.length} problem(s); nothing was written. ${problems.slice(0, 10).join(' ')}`, {
      problems,
    });
  }
  return {
    methods: dataset.methods ?? [],
    targetGroups: dataset.targetGroups ?? [],
    operatingModels: dataset.operatingModels ?? [],
    adoptions: dataset.adoptions ?? [],
    organisations,
    projects,
    activities,
    networks,
    participations,
    targetKinds,
  };
}

/** Deterministic, so loading the same rows twice names the same participations. */
export function participationId(org: string, target: string, role: string, from: string | null): string {
  return `par-${createHash('sha1')
    .update([org, target, role, from ?? ''].join('|'))
    .digest('hex')
    .slice(0, 16)}`;
}

/**
 * Node and relationship tables for a bulk load. `known` holds 'Label:id' of vocabulary already
 * stored; `municipalities` the stored municipality codes.
 */
export function datasetTables(d: CleanDataset, now: string, refs: { known: Set<string>; municipalities: Set<string> }): BulkTable[] {
  const problems: string[] = [];
  const stamp = { createdAt: now, updatedAt: now };
  const newTerms = (label: string, terms: { id: string }[]) => terms.filter((t) => !refs.known.has(`${label}:${t.id}`));
  const methods = new Set([...refs.known].filter((k) => k.startsWith('Method:')).map((k) => k.slice(7)));
  const groups = new Set([...refs.known].filter((k) => k.startsWith('TargetGroup:')).map((k) => k.slice(12)));
  d.methods.forEach((m) => methods.add(m.id));
  d.targetGroups.forEach((t) => groups.add(t.id));
  const models = new Set([...refs.known].filter((k) => k.startsWith('OperatingModel:')).map((k) => k.slice(15)));
  d.operatingModels.forEach((m) => models.add(m.id));

  const located = (from: string, id: string, code: string | null | undefined) => {
    if (!code) return [];
    if (!refs.municipalities.has(code)) problems.push(`${from} ${id}: unknown municipality code ${code}.`);
    return [{ from: id, to: code }];
  };
  const linked = (from: string, id: string, targets: string[] | null | undefined, known: Set<string>, what: string) =>
    [...new Set(targets ?? [])].map((t) => {
      if (!known.has(t)) problems.push(`${from} ${id}: unknown ${what} ${t}.`);
      return { from: id, to: t };
    });

  const tables: BulkTable[] = [
    { name: 'Method', rows: newTerms('Method', d.methods) as unknown as Record<string, Value>[] },
    { name: 'TargetGroup', rows: newTerms('TargetGroup', d.targetGroups) as unknown as Record<string, Value>[] },
    {
      name: 'OperatingModel',
      rows: newTerms('OperatingModel', d.operatingModels).map((m) => ({ ...m, ...stamp }) as Record<string, Value>),
    },
    { name: 'Organisation', rows: d.organisations.map((o) => organisationRow(o, stamp)) },
    { name: 'Project', rows: d.projects.map((p) => projectRow(p, stamp)) },
    { name: 'Activity', rows: d.activities.map((a) => activityRow(a, stamp)) },
    { name: 'Network', rows: d.networks.map((n) => networkRow(n, stamp)) },
  ];
  const rels = (name: string, from: string, to: string, rows: Record<string, Value>[]) => tables.push({ name, from, to, rows });
  for (const kind of ['PROJECT', 'ACTIVITY', 'NETWORK'] as const) {
    rels(
      'PARTICIPATES',
      'Organisation',
      kind === 'PROJECT' ? 'Project' : kind === 'ACTIVITY' ? 'Activity' : 'Network',
      d.participations
        .filter((p) => d.targetKinds.get(p.targetId) === kind)
        .map((p) => ({
          from: p.organisationId,
          to: p.targetId,
          id: p.id,
          role: p.role,
          validFrom: p.validFrom ?? null,
          validTo: p.validTo ?? null,
          source: p.source.kind,
          createdAt: now,
          sourceRef: p.source.ref,
          confirmedAt: p.confirmedAt,
        })),
    );
  }
  rels(
    'LOCATED_IN',
    'Organisation',
    'Municipality',
    d.organisations.flatMap((o) => located('organisation', o.id, o.municipalityCode)),
  );
  rels(
    'LOCATED_IN',
    'Activity',
    'Municipality',
    d.activities.flatMap((a) => located('activity', a.id, a.municipalityCode)),
  );
  rels(
    'LOCATED_IN',
    'Network',
    'Region',
    d.networks.flatMap((n) => (n.regionCode ? [{ from: n.id, to: n.regionCode }] : [])),
  );
  rels(
    'CONTINUES',
    'Project',
    'Project',
    d.projects.flatMap((p) => (p.predecessorId ? [{ from: p.id, to: p.predecessorId }] : [])),
  );
  rels(
    'CONTINUES',
    'Activity',
    'Activity',
    d.activities.flatMap((a) => (a.continuesId ? [{ from: a.id, to: a.continuesId }] : [])),
  );
  rels(
    'RUNS_UNDER',
    'Activity',
    'Project',
    d.activities.flatMap((a) => (a.projectId ? [{ from: a.id, to: a.projectId }] : [])),
  );
  for (const [label, items] of [
    ['Project', d.projects],
    ['Activity', d.activities],
  ] as const) {
    rels(
      'IN_NETWORK',
      label,
      'Network',
      items.flatMap((x) => linked(label, x.id, x.networkIds, new Set(d.networks.map((n) => n.id)), 'network')),
    );
    rels(
      'USES_METHOD',
      label,
      'Method',
      items.flatMap((x) => linked(label, x.id, x.methodIds, methods, 'method')),
    );
    rels(
      'SERVES',
      label,
      'TargetGroup',
      items.flatMap((x) => linked(label, x.id, x.targetGroupIds, groups, 'target group')),
    );
  }
  rels(
    'ADOPTED',
    'Organisation',
    'OperatingModel',
    d.adoptions.map((a) => {
      if (!models.has(a.operatingModelId)) problems.push(`adoption: unknown operating model ${a.operatingModelId}.`);
      return { from: a.organisationId, to: a.operatingModelId, validFrom: a.validFrom ?? null, validTo: a.validTo ?? null };
    }),
  );
  if (problems.length > 0) {
    throw badInput(`The data has ${problems.length} problem(s); nothing was written. ${problems.slice(0, 10).join(' ')}`, {
      problems,
    });
  }
  return tables;
}
