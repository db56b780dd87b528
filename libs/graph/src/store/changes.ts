import {
  emptyBaseline,
  foldText,
  type ActivityRecord,
  type BaselinePart,
  type GraphBaseline,
  type GraphChanges,
  type ItemLinks,
  type ParticipationRecord,
  type ParticipationTarget,
  type ProjectRecord,
} from '@verkosto/domain';
import type { BulkTable, EngineTx, Value, Params, Row } from '../engine/engine';
import type { Queries } from './queries';
import { activityRow, organisationRow, projectRow } from './records';
import { toActivity, toNetwork, toOrganisation, toParticipation, toProject } from './rows';
import { sortKey } from './sort-key';

type Read = (query: string, params?: Params) => Promise<Row[]>;

/** Progress of an import's write: records written so far of all it will write. */
export type WriteProgress = (done: number, total: number) => void;

/** Rows per batched update statement: large enough to amortise a round trip, small enough to keep one modest. */
const UPDATE_BATCH = 1_000;

const TARGET_LABEL: Record<ParticipationTarget, string> = { PROJECT: 'Project', ACTIVITY: 'Activity', NETWORK: 'Network' };

/** Reads the parts of the graph an import plan is matched against. */
export async function readBaseline(read: Read, q: Queries['importing']['baseline'], parts: BaselinePart[]): Promise<GraphBaseline> {
  const baseline = emptyBaseline();
  const wanted = new Set(parts);
  if (wanted.has('organisations')) {
    baseline.organisations = (await read(q.organisations)).map((row) => strip(toOrganisation(row)));
  }
  if (wanted.has('projects')) {
    const links = await readLinks(read, q.projectLinks);
    baseline.projects = (await read(q.projects)).map((row) => ({ ...strip(toProject(row)), ...links(String(row.id)) }));
  }
  if (wanted.has('activities')) {
    const links = await readLinks(read, q.activityLinks);
    baseline.activities = (await read(q.activities)).map((row) => ({ ...strip(toActivity(row)), ...links(String(row.id)) }));
  }
  if (wanted.has('networks')) baseline.networks = (await read(q.networks)).map((row) => strip(toNetwork(row)));
  if (wanted.has('participations')) {
    baseline.participations = (await read(q.participations)).map(toParticipation);
  }
  return baseline;
}

function strip<T extends { createdAt: string; updatedAt: string }>(record: T): Omit<T, 'createdAt' | 'updatedAt'> {
  const { createdAt: _created, updatedAt: _updated, ...rest } = record;
  return rest;
}

async function readLinks(read: Read, queries: Record<keyof ItemLinks, string>): Promise<(id: string) => ItemLinks> {
  const byField = {} as Record<keyof ItemLinks, Map<string, string[]>>;
  for (const [field, query] of Object.entries(queries) as [keyof ItemLinks, string][]) {
    const map = new Map<string, string[]>();
    for (const row of await read(query)) {
      const id = String(row.id);
      map.set(id, [...(map.get(id) ?? []), String(row.target)]);
    }
    byField[field] = map;
  }
  const sorted = (ids: string[] | undefined) => [...new Set(ids ?? [])].sort();
  return (id) => ({
    networkIds: sorted(byField.networkIds.get(id)),
    methodIds: sorted(byField.methodIds.get(id)),
    targetGroupIds: sorted(byField.targetGroupIds.get(id)),
  });
}

/**
 * Writes an import's changes inside the caller's transaction: new nodes and every link of theirs in
 * one bulk load, then updates: node properties in batches, links of updated nodes
 * only where they changed, participations one by one (rare: a re-import with new dates).
 */
export async function writeChanges(tx: EngineTx, q: Queries, changes: GraphChanges, now: string, progress?: WriteProgress): Promise<void> {
  const total = countWrites(changes);
  let done = 0;
  const step = (n: number) => {
    done += n;
    progress?.(done, total);
  };
  progress?.(0, total);
  await tx.bulkLoad(createTables(changes, now));
  step([changes.organisations, changes.projects, changes.activities, changes.participations].reduce((n, c) => n + c.create.length, 0));

  for (const { record, changed } of changes.organisations.update) {
    await tx.run(q.organisation.update, {
      ...organisationRow(record, { createdAt: now, updatedAt: now }),
      now,
    });
    await tx.run(q.organisation.setMergedNames, { id: record.id, mergedNames: record.mergedNames });
    if (changed.includes('municipalityCode')) await relink(tx, q.links.one.Organisation, record.id, record.municipalityCode);
    step(1);
  }

  for (const batch of chunks(changes.projects.update, UPDATE_BATCH)) {
    await tx.run(q.importing.updateProjects, { rows: batch.map(({ record }) => projectUpdateRow(record, now)) });
    for (const { record, changed } of batch) {
      if (changed.includes('predecessorId')) await relink(tx, q.links.one.ProjectPredecessor, record.id, record.predecessorId);
      await relinkMany(tx, q.links.many.Project, record, changed);
    }
    step(batch.length);
  }

  for (const batch of chunks(changes.activities.update, UPDATE_BATCH)) {
    await tx.run(q.importing.updateActivities, { rows: batch.map(({ record }) => activityUpdateRow(record, now)) });
    for (const { record, changed } of batch) {
      if (changed.includes('projectId')) await relink(tx, q.links.one.ActivityProject, record.id, record.projectId);
      if (changed.includes('continuesId')) await relink(tx, q.links.one.ActivityContinues, record.id, record.continuesId);
      if (changed.includes('municipalityCode')) await relink(tx, q.links.one.Activity, record.id, record.municipalityCode);
      await relinkMany(tx, q.links.many.Activity, record, changed);
    }
    step(batch.length);
  }

  for (const { record } of changes.participations.update) {
    await tx.run(q.importing.updateParticipation[record.targetKind], { ...record, source: record.source.kind, sourceRef: record.source.ref });
    step(1);
  }
}

function countWrites(c: GraphChanges): number {
  return [c.organisations, c.projects, c.activities, c.participations].reduce((n, x) => n + x.create.length + x.update.length, 0);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function relink(tx: EngineTx, link: { unlink: string; link: string }, id: string, target: string | null) {
  await tx.run(link.unlink, { id });
  if (target && (await tx.run(link.link, { id, target })).length === 0) {
    throw new Error(`Import plan links ${id} to ${target}, which does not exist.`);
  }
}

async function relinkMany(tx: EngineTx, links: Queries['links']['many']['Project'], record: ItemLinks & { id: string }, changed: string[]) {
  const fields = { networks: 'networkIds', methods: 'methodIds', targetGroups: 'targetGroupIds' } as const;
  for (const [key, field] of Object.entries(fields) as [keyof typeof fields, keyof ItemLinks][]) {
    if (!changed.includes(field)) continue;
    await tx.run(links[key].unlink, { id: record.id });
    for (const target of record[field]) {
      if ((await tx.run(links[key].link, { id: record.id, target })).length === 0) {
        throw new Error(`Import plan links ${record.id} to ${target}, which does not exist.`);
      }
    }
  }
}

/** Amounts as text: the query reads them as DOUBLE whether whole or fractional. */
function projectUpdateRow(p: ProjectRecord, now: string): Record<string, Value> {
  const amount = (x: number | null) => (x === null ? null : String(x));
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    programme: p.programme,
    fund: p.fund,
    priorityAxis: p.priorityAxis,
    startDate: p.startDate,
    endDate: p.endDate,
    budget: amount(p.budget),
    publicFunding: amount(p.publicFunding),
    grantedFunding: amount(p.grantedFunding),
    paidFunding: amount(p.paidFunding),
    description: p.description,
    outputs: p.outputs,
    searchText: foldText(`${p.name} ${p.code ?? ''}`),
    sortKey: sortKey(p.name, p.id),
    now,
  };
}

function activityUpdateRow(a: ActivityRecord, now: string): Record<string, Value> {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    startDate: a.startDate,
    endDate: a.endDate,
    description: a.description,
    searchText: foldText(a.name),
    sortKey: sortKey(a.name, a.id),
    now,
  };
}

/** New nodes first, then every relationship of theirs: COPY needs both endpoints to exist. */
function createTables(c: GraphChanges, now: string): BulkTable[] {
  const stamp = { createdAt: now, updatedAt: now };
  const orgs = c.organisations.create;
  const projects = c.projects.create;
  const activities = c.activities.create;
  const rels = (name: string, from: string, to: string, rows: Record<string, Value>[]): BulkTable => ({ name, from, to, rows });
  const pairs = <T extends { id: string }>(items: T[], target: (item: T) => string | null) =>
    items.flatMap((item) => {
      const to = target(item);
      return to ? [{ from: item.id, to }] : [];
    });
  const many = <T extends { id: string }>(items: T[], targets: (item: T) => string[]) => items.flatMap((item) => targets(item).map((to) => ({ from: item.id, to })));
  const participations = (kind: ParticipationTarget) =>
    rels(
      'PARTICIPATES',
      'Organisation',
      TARGET_LABEL[kind],
      c.participations.create.filter((p) => p.targetKind === kind).map((p) => participationRow(p, now)),
    );
  return [
    { name: 'Organisation', rows: orgs.map((o) => organisationRow(o, stamp)) },
    { name: 'Project', rows: projects.map((p) => projectRow(p, stamp)) },
    { name: 'Activity', rows: activities.map((a) => activityRow(a, stamp)) },
    participations('PROJECT'),
    participations('ACTIVITY'),
    participations('NETWORK'),
    rels(
      'LOCATED_IN',
      'Organisation',
      'Municipality',
      pairs(orgs, (o) => o.municipalityCode),
    ),
    rels(
      'LOCATED_IN',
      'Activity',
      'Municipality',
      pairs(activities, (a) => a.municipalityCode),
    ),
    rels(
      'CONTINUES',
      'Project',
      'Project',
      pairs(projects, (p) => p.predecessorId),
    ),
    rels(
      'CONTINUES',
      'Activity',
      'Activity',
      pairs(activities, (a) => a.continuesId),
    ),
    rels(
      'RUNS_UNDER',
      'Activity',
      'Project',
      pairs(activities, (a) => a.projectId),
    ),
    ...(['Project', 'Activity'] as const).flatMap((label) => {
      const items: (ItemLinks & { id: string })[] = label === 'Project' ? projects : activities;
      return [
        rels(
          'IN_NETWORK',
          label,
          'Network',
          many(items, (x) => x.networkIds),
        ),
        rels(
          'USES_METHOD',
          label,
          'Method',
          many(items, (x) => x.methodIds),
        ),
        rels(
          'SERVES',
          label,
          'TargetGroup',
          many(items, (x) => x.targetGroupIds),
        ),
      ];
    }),
  ];
}

function participationRow(p: ParticipationRecord, now: string): Record<string, Value> {
  return {
    from: p.organisationId,
    to: p.targetId,
    id: p.id,
    role: p.role,
    validFrom: p.validFrom,
    validTo: p.validTo,
    source: p.source.kind,
    sourceRef: p.source.ref,
    createdAt: now,
  };
}
