import { randomBytes } from 'node:crypto';
import {
  ROLES_BY_TARGET,
  SYSTEM_ACTOR,
  badInput,
  businessIdConflict,
  likelyDuplicates,
  checkDate,
  checkTieSource,
  conflict,
  DEFAULT_SECTOR,
  DomainError,
  FINAL_OPERATIONS,
  foldText,
  isActiveAt,
  nameKey,
  notFound,
  overlaps,
  slug,
  validateActivity,
  validateNetwork,
  validateOrganisation,
  validatePerson,
  validateProject,
  type Activity,
  type ActivityInput,
  type DuplicateGroup,
  type DuplicateReason,
  type Actor,
  type Change,
  type ChangeEffect,
  type ChangeEntityKind,
  type BaselinePart,
  type GraphBaseline,
  type GraphChanges,
  type GraphSnapshot,
  type MergedOrganisation,
  type IsoDate,
  type JsonObject,
  type Municipality,
  type Network,
  type NetworkInput,
  type OperatingModel,
  type Organisation,
  type OrganisationInput,
  type Participation,
  type ParticipationInput,
  type ParticipationTarget,
  type Patch,
  type Person,
  type PersonInput,
  type Project,
  type ProjectInput,
  type Region,
  type SeedDataset,
  type Term,
} from '@verkosto/domain';
import type { StorageEngine, EngineTx, Params, Row } from '../engine/engine';
import { DuplicateKeyError } from '../engine/engine';
import { readBackup, writeBackup, type BackupSection } from '../backup';
import { REFERENCE_TABLES } from '../reference-data';
import { NODE_TABLES, REL_TABLES } from '../schema';
import type {
  ActivityFilter,
  ChangeFilter,
  ApplyOptions,
  DeleteResult,
  DeletionImpact,
  EraseResult,
  GraphScope,
  GraphStore,
  LoadOrigin,
  MergeResult,
  OrganisationFilter,
  Page,
  PageArgs,
  ParticipationFilter,
  PersonExport,
  RestoreReport,
  SearchHit,
  UpdateOptions,
} from '../graph-store';
import { ChangeLog, ERASED, dependentsOf, describeChange, reversed, sameState, scrubPerson } from './change-log';
import { readBaseline, writeChanges } from './changes';
import { datasetTables, validateDataset } from './dataset';
import { IMPACT_CATEGORIES, type Queries } from './queries';
import {
  strs,
  str,
  targetKindOfLabel,
  toActivity,
  toChange,
  toNetwork,
  toOrganisation,
  toParticipation,
  toPerson,
  toProject,
} from './rows';
import { readSnapshot } from './snapshot';
import { SnapshotCache } from './snapshot-cache';
import { sortKey } from './sort-key';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

const now = () => new Date().toISOString();
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const newId = (prefix: string, name: string) => `${prefix}-${slug(name) || 'x'}-${hex(3)}`;

/** The Meta key whose value every graph write replaces. */
export const GRAPH_VERSION = 'graphVersion';

/** What counts() reports, under the labels of node.counts. */
const COUNTED = ['Organisation', 'Project', 'Activity', 'Network', 'Person', 'Change', 'PARTICIPATES'];

/**
 * A save based on an older read than what is stored is refused, naming what is stored now: two
 * people editing one item never overwrite each other unseen. Without `expected`, the save goes on.
 */
function refuseStale(kind: string, current: { updatedAt: string }, expected: string | null | undefined): void {
  if (!expected || expected === current.updatedAt) return;
  throw conflict(
    `This ${kind} was changed by someone else (at ${current.updatedAt}) after you read it; nothing was saved. ` +
      'Look at what it holds now and make your change again.',
    { field: 'expectedUpdatedAt', updatedAt: current.updatedAt, current: current as unknown as JsonObject },
  );
}

const isGraphVersion = (table: string, key: unknown) => table === 'Meta' && key === GRAPH_VERSION;

/** A load with no origin given: ties without a source of their own count as imported. */
const UNNAMED_LOAD: LoadOrigin = { label: 'data load', source: { kind: 'IMPORT', ref: null } };
const DEMO_LOAD: LoadOrigin = { label: 'demo data', source: { kind: 'DEMO', ref: 'seeds' } };

type ItemLabel = 'Organisation' | 'Project' | 'Activity' | 'Network';
const KIND_OF_LABEL: Record<ItemLabel, ChangeEntityKind> = {
  Organisation: 'ORGANISATION',
  Project: 'PROJECT',
  Activity: 'ACTIVITY',
  Network: 'NETWORK',
};
const LABEL_OF_TARGET: Record<ParticipationTarget, 'Project' | 'Activity' | 'Network'> = {
  PROJECT: 'Project',
  ACTIVITY: 'Activity',
  NETWORK: 'Network',
};

/**
 * The one GraphStore implementation: shared Cypher over whichever engine it is given. Every write
 * records one Change in its own transaction (see `recorded`), so a change and its record land
 * together or not at all.
 */
export class CypherGraphStore implements GraphStore {
  readonly engine: 'embedded' | 'neo4j';
  readonly q: Queries;
  /** The last change time given out: changes of this process get strictly increasing times. */
  private lastChangeAt = '';
  /** The engine with every write setting a new graph version. */
  private readonly db: StorageEngine;
  /** The engine itself, for transactions that only read (a backup). */
  private readonly reads: StorageEngine;
  /** Snapshots kept until the graph version changes. */
  private readonly snapshots = new SnapshotCache();

  constructor(engine: StorageEngine) {
    this.engine = engine.name;
    this.q = engine.queries;
    this.reads = engine;
    // Every graph write, whichever method runs it, sets a new graph version in its own transaction:
    // kept snapshots and access facts are valid while it stays, in this process and in any other
    // (a second app instance on the same Neo4j, the command line on the same SQLite file). It is set
    // first: that write lock keeps other processes' writes (and backups) out until commit, so what a
    // write checks, such as an update's expectedUpdatedAt, still holds when it writes, on Neo4j as
    // under SQLite's BEGIN IMMEDIATE. And again last, as a restore replaces the Meta table.
    this.db = {
      ...engine,
      read: (query, params) => engine.read(query, params),
      write: (work) =>
        engine.write(async (tx) => {
          const version = { key: GRAPH_VERSION, value: hex(8) };
          await tx.run(this.q.meta.set, version);
          const result = await work(tx);
          await tx.run(this.q.meta.set, version);
          return result;
        }),
      migrate: () => engine.migrate(),
      close: () => engine.close(),
    };
  }

  /** Changes with every committed graph write; reading it is one key look-up. */
  async graphVersion(): Promise<string> {
    const [row] = await this.reads.read(this.q.meta.get, { key: GRAPH_VERSION });
    return row ? String(row.value) : '';
  }

  // ── organisations ──────────────────────────────────────────────────────────────────────────

  async getOrganisation(id: string): Promise<Organisation | null> {
    const [row] = await this.db.read(this.q.organisation.get, { id });
    return row ? toOrganisation(row) : null;
  }

  async listOrganisations(filter: OrganisationFilter): Promise<Page<Organisation>> {
    return this.page(this.q.organisation.list, this.q.organisation.count, filter, toOrganisation, {
      kind: filter.kind ?? null,
      sector: filter.sector ?? null,
      municipality: filter.municipalityCode ?? null,
    });
  }

  async createOrganisation(input: OrganisationInput, actor: Actor): Promise<Organisation> {
    const org = validateOrganisation(input);
    return this.recorded(actor, async (tx, log) => {
      const id = newId('org', org.name);
      await this.tracked(tx, log, 'ORGANISATION', id, () => this.writeOrganisation(tx, id, org, { createdAt: now() }), true);
      const created = await this.mustGetOrganisation(tx, id);
      log.about('CREATE', 'ORGANISATION', id, created.name);
      return created;
    });
  }

  async updateOrganisation(id: string, patch: Patch<OrganisationInput>, actor: Actor, options: UpdateOptions = {}): Promise<Organisation> {
    return this.recorded(actor, async (tx, log) => {
      const current = await this.mustGetOrganisation(tx, id);
      refuseStale('organisation', current, options.expectedUpdatedAt);
      const org = validateOrganisation(merge(current, patch) as OrganisationInput);
      await this.tracked(tx, log, 'ORGANISATION', id, () => this.writeOrganisation(tx, id, org, null));
      const updated = await this.mustGetOrganisation(tx, id);
      log.about('UPDATE', 'ORGANISATION', id, updated.name);
      return updated;
    });
  }

  async deleteOrganisation(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deleteItem('Organisation', id, actor);
  }

  /** Everything is read first and written after. */
  async mergeOrganisations(keepId: string, mergeIds: string[], actor: Actor): Promise<MergeResult> {
    const otherIds = [...new Set(mergeIds)].filter((id) => id !== keepId);
    if (otherIds.length === 0) throw badInput('Name at least one other organisation to merge into this one.', { field: 'mergeIds' });
    return this.recorded(actor, async (tx, log) => {
      const keep = await this.mustGetOrganisation(tx, keepId);
      const keepBefore = (await this.stateOf(tx, 'ORGANISATION', keepId))!;
      const seen = new Set((await this.participationsOf(tx, keepId)).map((p) => participationKey(p)));
      const merged: Organisation[] = [];
      for (const otherId of otherIds) merged.push(await this.mustGetOrganisation(tx, otherId));
      const clash = businessIdConflict(keep, merged);
      if (clash) {
        throw conflict(
          `"${clash.other.name}" has another business ID (${clash.other.businessId}) than the one "${keep.name}" keeps (${clash.businessId}): they are different organisations.`,
          { field: 'mergeIds', organisationId: clash.other.id },
        );
      }
      const others = [];
      for (const other of merged) {
        const otherId = other.id;
        others.push({
          org: other,
          state: (await this.stateOf(tx, 'ORGANISATION', otherId))!,
          participations: await this.participationsOf(tx, otherId),
          people: (await tx.run(this.q.person.ofOrganisation, { org: otherId })).map(toPerson),
        });
      }
      log.about('MERGE', 'ORGANISATION', keepId, keep.name);

      const names = new Set(keep.mergedNames);
      let filled: Organisation = { ...keep };
      const adoptions = new Map(asAdoptions(keepBefore.adoptions).map((a) => [adoptionKey(a), a]));
      const moves: Participation[] = [];
      for (const { org, state, participations, people } of others) {
        names.add(org.name);
        org.mergedNames.forEach((n) => names.add(n));
        filled = {
          ...filled,
          businessId: filled.businessId ?? org.businessId,
          website: filled.website ?? org.website,
          municipalityCode: filled.municipalityCode ?? org.municipalityCode,
        };
        for (const a of asAdoptions(state.adoptions)) adoptions.set(adoptionKey(a), a);
        for (const p of participations) {
          const key = participationKey({ ...p, organisationId: keepId });
          if (seen.has(key)) continue;
          seen.add(key);
          // The tie keeps its source and confirmation: a merge changes who holds it, not where it came from.
          moves.push({ ...p, id: newId('par', p.role), organisationId: keepId });
        }
        for (const p of participations) await this.record(tx, log, { kind: 'PARTICIPATION', id: p.id, before: stateOfParticipation(p), after: null });
        for (const person of people) {
          await this.record(tx, log, { kind: 'PERSON', id: person.id, before: asJson(person), after: asJson({ ...person, organisationId: keepId }) });
        }
        await this.record(tx, log, { kind: 'ORGANISATION', id: org.id, before: state, after: null });
      }

      const stamp = now();
      for (const p of moves) {
        await this.createParticipation(tx, p, stamp);
        await this.record(tx, log, { kind: 'PARTICIPATION', id: p.id, before: null, after: stateOfParticipation(p, stamp) });
      }
      for (const { people } of others) {
        for (const person of people) await this.relinkOne(tx, 'PersonOrganisation', person.id, keepId);
      }
      for (const { org } of others) await tx.run(this.q.node.detachDelete.Organisation, { id: org.id });
      names.delete(keep.name);
      const movedAdoptions = adoptions.size - asAdoptions(keepBefore.adoptions).length;
      const mergedFrom: MergedOrganisation[] = [
        ...keep.mergedFrom,
        ...others.flatMap(({ org }) => [...org.mergedFrom, { id: org.id, name: org.name, businessId: org.businessId, mergedAt: stamp }]),
      ];
      await this.tracked(tx, log, 'ORGANISATION', keepId, () =>
        this.writeOrganisation(tx, keepId, { ...filled, mergedNames: [...names].sort(), mergedFrom, adoptions: [...adoptions.values()] }, null),
      );
      return {
        organisation: await this.mustGetOrganisation(tx, keepId),
        mergedIds: otherIds,
        movedRelationships: moves.length + movedAdoptions,
      };
    });
  }

  async listDuplicateOrganisations(args: Pick<PageArgs, 'first' | 'after'>): Promise<Page<DuplicateGroup<Organisation>>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const raw = (await this.db.read(this.q.organisation.duplicateKeys)).map((r) => ({
      reason: r.reason as DuplicateReason,
      key: String(r.key),
      ids: strs(r.ids),
    }));
    const ids = [...new Set(raw.flatMap((g) => g.ids))];
    const organisations = ids.length ? (await this.db.read(this.q.organisation.byIds, { ids })).map(toOrganisation) : [];
    const groups = likelyDuplicates(raw, new Map(organisations.map((o) => [o.id, o])));
    const rest = after ? groups.filter((g) => g.sortKey > after) : groups;
    const items = rest.slice(0, first);
    return {
      items,
      totalCount: groups.length,
      endCursor: items.length ? encodeCursor(items[items.length - 1].sortKey) : null,
      hasNextPage: rest.length > first,
    };
  }

  async deletionImpact(id: string): Promise<DeletionImpact> {
    const [row] = await this.db.read(this.q.node.deletionImpact, { id });
    if (!row) throw notFound('Organisation, project, activity or network', id);
    const counts = Object.fromEntries(Object.keys(IMPACT_CATEGORIES).map((k) => [k, Number(row[k])])) as Record<
      keyof typeof IMPACT_CATEGORIES,
      number
    >;
    return {
      id,
      kind: String(row.label).toUpperCase() as DeletionImpact['kind'],
      name: String(row.name),
      ...counts,
      removedRelationships: Object.values(counts).reduce((a, b) => a + b, 0),
    };
  }

  private organisationParams(org: OrganisationInput | Organisation, id: string): Params {
    const kind = org.kind;
    return {
      id,
      name: org.name,
      kind,
      sector: org.sector ?? DEFAULT_SECTOR[kind],
      businessId: org.businessId ?? null,
      nameKey: nameKey(org.name),
      website: org.website ?? null,
      permanent: org.permanent ?? true,
      searchText: foldText([org.name, org.businessId ?? ''].join(' ')),
      sortKey: sortKey(org.name, id),
    };
  }

  /**
   * Creates (`created` given) or updates an organisation with its municipality; merged names and
   * adoptions are set when given (a merge, or an undo putting a recorded state back).
   */
  private async writeOrganisation(
    tx: EngineTx,
    id: string,
    org: OrganisationInput & { mergedNames?: string[]; mergedFrom?: MergedOrganisation[]; adoptions?: Adoption[] },
    created: { createdAt: string } | null,
  ) {
    await this.refuseDuplicateOrganisation(tx, org, id);
    if (org.municipalityCode) await this.requireMunicipality(tx, org.municipalityCode);
    const params = { ...this.organisationParams(org, id), now: created?.createdAt ?? this.changeTime() };
    const merge = { mergedNames: org.mergedNames ?? [], mergedFrom: org.mergedFrom?.length ? JSON.stringify(org.mergedFrom) : null };
    if (created) await tx.run(this.q.organisation.create, { ...params, ...merge, createdAt: created.createdAt });
    else await tx.run(this.q.organisation.update, params);
    if (!created && org.mergedNames) await tx.run(this.q.organisation.recordMerge, { id, ...merge });
    await this.relinkOne(tx, 'Organisation', id, org.municipalityCode ?? null);
    if (org.adoptions) {
      await tx.run(this.q.adoption.removeAll, { org: id });
      for (const a of org.adoptions) {
        const rows = await tx.run(this.q.adoption.create, { org: id, model: a.operatingModelId, validFrom: a.validFrom, validTo: a.validTo });
        if (rows.length === 0) throw notFound('Operating model', a.operatingModelId);
      }
    }
  }

  private async refuseDuplicateOrganisation(tx: EngineTx, org: OrganisationInput, selfId: string | null) {
    const rows = await tx.run(this.q.organisation.findDuplicate, {
      businessId: org.businessId ?? null,
      nameKey: nameKey(org.name),
    });
    const other = rows.find(
      (r) => r.id !== selfId && (r.businessId === org.businessId || !r.businessId || !org.businessId),
    );
    if (other) {
      const why = org.businessId && other.businessId === org.businessId ? `business ID ${org.businessId}` : 'the same name';
      throw conflict(`An organisation with ${why} already exists: "${other.name}". Edit it, or merge the two.`, {
        field: org.businessId && other.businessId === org.businessId ? 'businessId' : 'name',
        existingId: other.id,
        existingName: other.name,
      });
    }
  }

  private async mustGetOrganisation(tx: EngineTx, id: string): Promise<Organisation> {
    const [row] = await tx.run(this.q.organisation.get, { id });
    if (!row) throw notFound('Organisation', id);
    return toOrganisation(row);
  }

  // ── projects ───────────────────────────────────────────────────────────────────────────────

  async getProject(id: string): Promise<Project | null> {
    const [row] = await this.db.read(this.q.project.get, { id });
    return row ? toProject(row) : null;
  }

  async getProjectByCode(code: string): Promise<Project | null> {
    const [row] = await this.db.read(this.q.project.getByCode, { code: code.trim().toUpperCase() });
    return row ? toProject(row) : null;
  }

  async listProjects(filter: PageArgs & { networkId?: string | null }): Promise<Page<Project>> {
    return this.page(this.q.project.list, this.q.project.count, filter, toProject, {
      network: filter.networkId ?? null,
    });
  }

  async createProject(input: ProjectInput, actor: Actor): Promise<Project> {
    const project = validateProject(input);
    return this.recorded(actor, async (tx, log) => {
      const id = newId('prj', project.code ?? project.name);
      await this.tracked(tx, log, 'PROJECT', id, () => this.writeProject(tx, id, project, { createdAt: now() }), true);
      const created = await this.mustGetProject(tx, id);
      log.about('CREATE', 'PROJECT', id, projectLabel(created));
      return created;
    });
  }

  async updateProject(id: string, patch: Patch<ProjectInput>, actor: Actor, options: UpdateOptions = {}): Promise<Project> {
    return this.recorded(actor, async (tx, log) => {
      const current = await this.mustGetProject(tx, id);
      refuseStale('project', current, options.expectedUpdatedAt);
      const links = await this.links(tx, 'Project', id);
      const project = validateProject(merge({ ...current, ...links }, patch) as ProjectInput);
      await this.tracked(tx, log, 'PROJECT', id, () => this.writeProject(tx, id, project, null));
      const updated = await this.mustGetProject(tx, id);
      log.about('UPDATE', 'PROJECT', id, projectLabel(updated));
      return updated;
    });
  }

  async deleteProject(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deleteItem('Project', id, actor);
  }

  private async writeProject(tx: EngineTx, id: string, p: ProjectInput, created: { createdAt: string } | null) {
    if (p.code) {
      const [other] = await tx.run(this.q.project.getByCode, { code: p.code });
      if (other && other.id !== id) {
        throw conflict(`Project code ${p.code} is already used by "${other.name}".`, {
          field: 'code',
          existingId: other.id,
          existingName: other.name,
        });
      }
    }
    if (p.predecessorId) {
      if (p.predecessorId === id) throw badInput('A project cannot follow itself.', { field: 'predecessorId' });
      await this.mustGetProject(tx, p.predecessorId);
    }
    const params = {
      ...p,
      id,
      // A new item's two stamps are the same moment.
      now: created?.createdAt ?? this.changeTime(),
      createdAt: created?.createdAt ?? null,
      searchText: foldText([p.name, p.code ?? ''].join(' ')),
      sortKey: sortKey(p.name, id),
    };
    await tx.run(created ? this.q.project.create : this.q.project.update, params);
    await this.relinkOne(tx, 'ProjectPredecessor', id, p.predecessorId ?? null);
    await this.relinkMany(tx, 'Project', id, p);
  }

  private async mustGetProject(tx: EngineTx, id: string): Promise<Project> {
    const [row] = await tx.run(this.q.project.get, { id });
    if (!row) throw notFound('Project', id);
    return toProject(row);
  }

  // ── activities ─────────────────────────────────────────────────────────────────────────────

  async getActivity(id: string): Promise<Activity | null> {
    const [row] = await this.db.read(this.q.activity.get, { id });
    return row ? toActivity(row) : null;
  }

  async listActivities(filter: ActivityFilter): Promise<Page<Activity>> {
    const activeAt = checkDate(filter.activeAt, 'activeAt');
    return this.page(this.q.activity.list, this.q.activity.count, filter, toActivity, {
      project: filter.projectId ?? null,
      network: filter.networkId ?? null,
      at: activeAt,
    });
  }

  async createActivity(input: ActivityInput, actor: Actor): Promise<Activity> {
    const activity = validateActivity(input);
    return this.recorded(actor, async (tx, log) => {
      const id = newId('act', activity.name);
      await this.tracked(tx, log, 'ACTIVITY', id, () => this.writeActivity(tx, id, activity, { createdAt: now() }), true);
      const created = await this.mustGetActivity(tx, id);
      log.about('CREATE', 'ACTIVITY', id, created.name);
      return created;
    });
  }

  async updateActivity(id: string, patch: Patch<ActivityInput>, actor: Actor, options: UpdateOptions = {}): Promise<Activity> {
    return this.recorded(actor, async (tx, log) => {
      const current = await this.mustGetActivity(tx, id);
      refuseStale('activity', current, options.expectedUpdatedAt);
      const links = await this.links(tx, 'Activity', id);
      const activity = validateActivity(merge({ ...current, ...links }, patch) as ActivityInput);
      await this.tracked(tx, log, 'ACTIVITY', id, () => this.writeActivity(tx, id, activity, null));
      const updated = await this.mustGetActivity(tx, id);
      log.about('UPDATE', 'ACTIVITY', id, updated.name);
      return updated;
    });
  }

  async deleteActivity(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deleteItem('Activity', id, actor);
  }

  private async writeActivity(tx: EngineTx, id: string, a: ActivityInput, created: { createdAt: string } | null) {
    if (a.projectId) await this.mustGetProject(tx, a.projectId);
    if (a.continuesId) {
      if (a.continuesId === id) throw badInput('An activity cannot continue itself.', { field: 'continuesId' });
      await this.mustGetActivity(tx, a.continuesId);
    }
    if (a.municipalityCode) await this.requireMunicipality(tx, a.municipalityCode);
    const params = {
      ...a,
      id,
      // A new item's two stamps are the same moment.
      now: created?.createdAt ?? this.changeTime(),
      createdAt: created?.createdAt ?? null,
      searchText: foldText(a.name),
      sortKey: sortKey(a.name, id),
    };
    await tx.run(created ? this.q.activity.create : this.q.activity.update, params);
    await this.relinkOne(tx, 'ActivityProject', id, a.projectId ?? null);
    await this.relinkOne(tx, 'ActivityContinues', id, a.continuesId ?? null);
    await this.relinkOne(tx, 'Activity', id, a.municipalityCode ?? null);
    await this.relinkMany(tx, 'Activity', id, a);
  }

  private async mustGetActivity(tx: EngineTx, id: string): Promise<Activity> {
    const [row] = await tx.run(this.q.activity.get, { id });
    if (!row) throw notFound('Activity', id);
    return toActivity(row);
  }

  // ── networks ───────────────────────────────────────────────────────────────────────────────

  async getNetwork(id: string): Promise<Network | null> {
    const [row] = await this.db.read(this.q.network.get, { id });
    return row ? toNetwork(row) : null;
  }

  async listNetworks(filter: PageArgs): Promise<Page<Network>> {
    return this.page(this.q.network.list, this.q.network.count, filter, toNetwork, {});
  }

  async createNetwork(input: NetworkInput, actor: Actor): Promise<Network> {
    const network = validateNetwork(input);
    return this.recorded(actor, async (tx, log) => {
      const id = newId('net', network.name);
      await this.tracked(tx, log, 'NETWORK', id, () => this.writeNetwork(tx, id, network, { createdAt: now() }), true);
      const created = await this.mustGetNetwork(tx, id);
      log.about('CREATE', 'NETWORK', id, created.name);
      return created;
    });
  }

  async updateNetwork(id: string, patch: Patch<NetworkInput>, actor: Actor, options: UpdateOptions = {}): Promise<Network> {
    return this.recorded(actor, async (tx, log) => {
      const current = await this.mustGetNetwork(tx, id);
      refuseStale('network', current, options.expectedUpdatedAt);
      const network = validateNetwork(merge(current, patch) as NetworkInput);
      await this.tracked(tx, log, 'NETWORK', id, () => this.writeNetwork(tx, id, network, null));
      const updated = await this.mustGetNetwork(tx, id);
      log.about('UPDATE', 'NETWORK', id, updated.name);
      return updated;
    });
  }

  async deleteNetwork(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deleteItem('Network', id, actor);
  }

  private async writeNetwork(tx: EngineTx, id: string, n: NetworkInput, created: { createdAt: string } | null) {
    if (n.regionCode) {
      const [region] = await tx.run(this.q.reference.region, { code: n.regionCode });
      if (!region) throw badInput(`Unknown region code "${n.regionCode}".`, { field: 'regionCode' });
    }
    const params = {
      ...n,
      id,
      // A new item's two stamps are the same moment.
      now: created?.createdAt ?? this.changeTime(),
      createdAt: created?.createdAt ?? null,
      searchText: foldText(n.name),
      sortKey: sortKey(n.name, id),
    };
    await tx.run(created ? this.q.network.create : this.q.network.update, params);
    await this.relinkOne(tx, 'Network', id, n.regionCode ?? null);
  }

  private async mustGetNetwork(tx: EngineTx, id: string): Promise<Network> {
    const [row] = await tx.run(this.q.network.get, { id });
    if (!row) throw notFound('Network', id);
    return toNetwork(row);
  }

  // ── participations ─────────────────────────────────────────────────────────────────────────

  async listParticipations(filter: ParticipationFilter): Promise<Participation[]> {
    const at = checkDate(filter.activeAt, 'activeAt');
    const query = filter.organisationId ? this.q.participation.list : this.q.participation.listByTarget;
    if (!filter.organisationId && !filter.targetId) throw badInput('Give an organisation or a target.');
    const rows = await this.db.read(query, { org: filter.organisationId ?? null, target: filter.targetId ?? null });
    return rows
      .map(toParticipation)
      .filter((p) => !filter.targetId || p.targetId === filter.targetId)
      .filter((p) => !filter.role || p.role === filter.role)
      .filter((p) => !at || isActiveAt(p.validFrom, p.validTo, at));
  }

  async addParticipation(input: ParticipationInput, actor: Actor): Promise<Participation> {
    return this.recorded(actor, async (tx, log) => {
      const { participation, label } = await this.prepareParticipation(tx, input, actor);
      await this.insertParticipation(tx, log, participation);
      log.about('CREATE', 'PARTICIPATION', participation.id, label);
      return participation;
    });
  }

  /** Checks a new tie and builds it, reading all it needs before anything is written. */
  private async prepareParticipation(tx: EngineTx, input: ParticipationInput, actor: Actor) {
    const validFrom = checkDate(input.validFrom, 'validFrom');
    const validTo = checkDate(input.validTo, 'validTo');
    if (validFrom && validTo && validTo < validFrom) {
      throw badInput(`The end date ${validTo} is before the start date ${validFrom}.`, { field: 'validTo' });
    }
    const source = checkTieSource(input.source, actor);
    const org = await this.mustGetOrganisation(tx, input.organisationId);
    const [target] = await tx.run(this.q.participation.targetLabel, { id: input.targetId });
    if (!target) throw notFound('Project, activity or network', input.targetId);
    const targetKind = targetKindOfLabel(target.label);
    if (!ROLES_BY_TARGET[targetKind].includes(input.role)) {
      throw badInput(
        `${input.role} is not a role in a ${targetKind.toLowerCase()}; use one of ${ROLES_BY_TARGET[targetKind].join(', ')}.`,
        { field: 'role' },
      );
    }
    const existing = await this.participationsOf(tx, input.organisationId);
    const clash = existing.find(
      (p) => p.targetId === input.targetId && p.role === input.role && overlaps(p.validFrom, p.validTo, validFrom, validTo),
    );
    if (clash) {
      throw conflict(`This organisation already has the role ${input.role} there for an overlapping period (${clash.validFrom ?? '…'} – ${clash.validTo ?? '…'}).`, {
        field: 'role',
        existingId: clash.id,
      });
    }
    const participation: Participation = {
      id: newId('par', input.role),
      organisationId: input.organisationId,
      targetId: input.targetId,
      targetKind,
      role: input.role,
      validFrom,
      validTo,
      source,
      // A person entering a tie, or a registry read just now, vouches for it; an imported file may be old.
      confirmedAt: source.kind === 'IMPORT' ? null : now(),
    };
    const label = `${org.name} → ${await this.nameOf(tx, LABEL_OF_TARGET[targetKind], input.targetId)}`;
    return { participation, label };
  }

  private async insertParticipation(tx: EngineTx, log: ChangeLog, participation: Participation) {
    const createdAt = participation.confirmedAt ?? now();
    await this.createParticipation(tx, participation, createdAt);
    await this.record(tx, log, { kind: 'PARTICIPATION', id: participation.id, before: null, after: stateOfParticipation(participation, createdAt) });
  }

  private async createParticipation(tx: EngineTx, p: Participation, createdAt: string) {
    await tx.run(this.q.participation.create[p.targetKind], {
      id: p.id,
      organisationId: p.organisationId,
      targetId: p.targetId,
      role: p.role,
      validFrom: p.validFrom,
      validTo: p.validTo,
      source: p.source.kind,
      sourceRef: p.source.ref,
      confirmedAt: p.confirmedAt,
      createdAt,
    });
  }

  async endParticipation(id: string, validTo: IsoDate, actor: Actor): Promise<Participation> {
    const end = checkDate(validTo, 'validTo');
    if (!end) throw badInput('Give the date the participation ended.', { field: 'validTo' });
    return this.changeParticipation(id, actor, 'END', (current) => {
      if (current.validFrom && end < current.validFrom) {
        throw badInput(`The end date ${end} is before the start date ${current.validFrom}.`, { field: 'validTo' });
      }
      return { ...current, validTo: end };
    });
  }

  async confirmParticipation(id: string, actor: Actor): Promise<Participation> {
    return this.changeParticipation(id, actor, 'CONFIRM', (current) => ({ ...current, confirmedAt: now() }));
  }

  /** A tie's fields changed in place; the new state is built here, not read back (H10). */
  private async changeParticipation(
    id: string,
    actor: Actor,
    operation: 'END' | 'CONFIRM',
    next: (current: Participation) => Participation,
  ): Promise<Participation> {
    return this.recorded(actor, async (tx, log) => {
      const [row] = await tx.run(this.q.participation.get, { id });
      if (!row) throw notFound('Participation', id);
      const current = toParticipation(row);
      const updated = next(current);
      log.about(operation, 'PARTICIPATION', id, await this.participationLabel(tx, current));
      await this.record(tx, log, { kind: 'PARTICIPATION', id, before: stateOfParticipation(current, str(row.createdAt)), after: stateOfParticipation(updated, str(row.createdAt)) });
      await tx.run(this.q.participation.restore, participationParams(updated));
      return updated;
    });
  }

  async removeParticipation(id: string, actor: Actor): Promise<DeleteResult> {
    return this.recorded(actor, async (tx, log) => {
      const [row] = await tx.run(this.q.participation.get, { id });
      if (!row) throw notFound('Participation', id);
      const current = toParticipation(row);
      log.about('DELETE', 'PARTICIPATION', id, await this.participationLabel(tx, current));
      await this.record(tx, log, { kind: 'PARTICIPATION', id, before: stateOfParticipation(current, str(row.createdAt)), after: null });
      await tx.run(this.q.participation.remove, { id });
      return { id, removedRelationships: 1 };
    });
  }

  async setCoordinator(networkId: string, organisationId: string, from: IsoDate, actor: Actor): Promise<Participation> {
    const start = checkDate(from, 'from');
    if (!start) throw badInput('Give the date the coordination starts.', { field: 'from' });
    return this.recorded(actor, async (tx, log) => {
      await this.mustGetNetwork(tx, networkId);
      await this.mustGetOrganisation(tx, organisationId);
      const rows = await tx.run(this.q.participation.listByTarget, { target: networkId });
      const current = rows
        .map((row) => ({ p: toParticipation(row), createdAt: str(row.createdAt) }))
        .filter(({ p }) => p.role === 'COORDINATOR' && overlaps(p.validFrom, p.validTo, start, null));
      const dayBefore = addDays(start, -1);
      for (const { p } of current) {
        if (p.organisationId === organisationId && (!p.validFrom || p.validFrom <= start)) return p;
        if (p.validFrom && p.validFrom > dayBefore) {
          throw conflict(`${p.organisationId} starts coordinating on ${p.validFrom}; a handover on ${start} would leave its term empty. End or remove that term first.`, {
            field: 'from',
          });
        }
      }
      const { participation, label } = await this.prepareParticipation(
        tx,
        { organisationId, targetId: networkId, role: 'COORDINATOR', validFrom: start, validTo: null },
        actor,
      );
      for (const { p, createdAt } of current) {
        const ended = { ...p, validTo: dayBefore };
        await this.record(tx, log, { kind: 'PARTICIPATION', id: p.id, before: stateOfParticipation(p, createdAt), after: stateOfParticipation(ended, createdAt) });
        await tx.run(this.q.participation.end, { id: p.id, validTo: dayBefore });
      }
      await this.insertParticipation(tx, log, participation);
      log.about('SET_COORDINATOR', 'PARTICIPATION', participation.id, label);
      return participation;
    });
  }

  /** An organisation's ties; read before any tie is written in the same transaction (H10). */
  private async participationsOf(tx: EngineTx, organisationId: string): Promise<(Participation & { createdAt: string | null })[]> {
    return (await tx.run(this.q.participation.list, { org: organisationId })).map((row) => ({
      ...toParticipation(row),
      createdAt: str(row.createdAt),
    }));
  }

  private async participationLabel(tx: EngineTx, p: Participation): Promise<string> {
    return `${await this.nameOf(tx, 'Organisation', p.organisationId)} → ${await this.nameOf(tx, LABEL_OF_TARGET[p.targetKind], p.targetId)}`;
  }

  private async nameOf(tx: EngineTx, label: ItemLabel, id: string): Promise<string> {
    const [row] = await tx.run(this.q.nameOf[label], { id });
    return row ? String(row.name) : id;
  }

  // ── named persons ──────────────────────────────────────────────────────────────────────────

  async getPerson(id: string): Promise<Person | null> {
    const [row] = await this.db.read(this.q.person.get, { id });
    return row ? toPerson(row) : null;
  }

  async listPersons(organisationId: string): Promise<Person[]> {
    return (await this.db.read(this.q.person.ofOrganisation, { org: organisationId })).map(toPerson);
  }

  async createPerson(input: PersonInput, actor: Actor): Promise<Person> {
    const person = validatePerson(input);
    return this.recorded(actor, async (tx, log) => {
      // Random, not from the name: the id stays in the history after an erasure.
      const id = `per-${hex(6)}`;
      await this.tracked(tx, log, 'PERSON', id, () => this.writePerson(tx, id, person, { createdAt: now() }), true);
      log.about('CREATE', 'PERSON', id, person.name);
      return this.mustGetPerson(tx, id);
    });
  }

  async updatePerson(id: string, patch: Patch<PersonInput>, actor: Actor, options: UpdateOptions = {}): Promise<Person> {
    return this.recorded(actor, async (tx, log) => {
      const current = await this.mustGetPerson(tx, id);
      refuseStale('person', current, options.expectedUpdatedAt);
      const person = validatePerson(merge(current, patch) as PersonInput);
      await this.tracked(tx, log, 'PERSON', id, () => this.writePerson(tx, id, person, null));
      log.about('UPDATE', 'PERSON', id, person.name);
      return this.mustGetPerson(tx, id);
    });
  }

  async exportPerson(id: string): Promise<PersonExport> {
    const person = await this.getPerson(id);
    if (!person) throw notFound('Person', id);
    const organisation = await this.getOrganisation(person.organisationId);
    const changes = (await this.db.read(this.q.change.about, { entity: id })).map(toChange).map(withoutSortKey);
    return {
      exportedAt: now(),
      person,
      organisation: organisation && { id: organisation.id, name: organisation.name },
      changes,
    };
  }

  async erasePerson(id: string, actor: Actor): Promise<EraseResult> {
    return this.recorded(actor, async (tx, log) => {
      const person = await this.mustGetPerson(tx, id);
      const changes = (await tx.run(this.q.change.about, { entity: id })).map(toChange);
      for (const change of changes) {
        const { label, effects, actor: by } = scrubPerson(change, person);
        await tx.run(this.q.change.scrub, { id: change.id, label, effects: JSON.stringify(effects), actorEmail: by.email });
      }
      log.about('ERASE', 'PERSON', id, '');
      log.add({ kind: 'PERSON', id, before: { id, ...ERASED }, after: null }, await this.networksOfOrganisations(tx, [person.organisationId]));
      await tx.run(this.q.person.remove, { id });
      return { id, scrubbedChanges: changes.length };
    });
  }

  private async writePerson(tx: EngineTx, id: string, p: PersonInput, created: { createdAt: string } | null) {
    await this.mustGetOrganisation(tx, p.organisationId);
    const params = { ...p, id, now: created?.createdAt ?? this.changeTime(), createdAt: created?.createdAt ?? null };
    await tx.run(created ? this.q.person.create : this.q.person.update, params);
    await this.relinkOne(tx, 'PersonOrganisation', id, p.organisationId);
  }

  private async mustGetPerson(tx: EngineTx, id: string): Promise<Person> {
    const [row] = await tx.run(this.q.person.get, { id });
    if (!row) throw notFound('Person', id);
    return toPerson(row);
  }

  // ── history ────────────────────────────────────────────────────────────────────────────────

  async getChange(id: string): Promise<Change | null> {
    const [row] = await this.db.read(this.q.change.get, { id });
    return row ? withoutSortKey(toChange(row)) : null;
  }

  async listChanges(filter: ChangeFilter): Promise<Page<Change>> {
    if (!filter.entityId === !filter.networkId) {
      throw badInput('Give exactly one of entityId and networkId.', { field: filter.entityId ? 'networkId' : 'entityId' });
    }
    const from = checkDate(filter.from, 'from');
    const to = checkDate(filter.to, 'to');
    if (from && to && to < from) throw badInput(`The end date ${to} is before the start date ${from}.`, { field: 'to' });
    const first = pageSize(filter.first);
    const params = {
      entity: filter.entityId ?? null,
      network: filter.networkId ?? null,
      from,
      until: to ? addDays(to, 1) : null, // `to` is the last day included
      after: filter.after ? decodeCursor(filter.after) : null,
      limit: first + 1,
    };
    const [rows, [count]] = await Promise.all([this.db.read(this.q.change.list, params), this.db.read(this.q.change.count, params)]);
    const items = rows.slice(0, first).map(toChange);
    const last = items[items.length - 1];
    return {
      items: items.map(withoutSortKey),
      totalCount: Number(count.n),
      endCursor: last ? encodeCursor(last.sortKey) : null,
      hasNextPage: rows.length > first,
    };
  }

  /**
   * Puts back the state before a change, when nothing recorded later depends on it, and records
   * the undo as a change of its own (which can in turn be undone).
   */
  async undoChange(id: string, actor: Actor): Promise<Change> {
    return this.db.write(async (tx) => {
      const [row] = await tx.run(this.q.change.get, { id });
      if (!row) throw notFound('Change', id);
      const change = toChange(row);
      if (change.undoneBy) throw conflict(`This change was already undone (change ${change.undoneBy}).`, { undoneBy: change.undoneBy });
      if (FINAL_OPERATIONS.includes(change.operation)) {
        throw conflict(
          change.operation === 'LOAD'
            ? 'A data load is not undone as a whole: change or delete what it brought one item at a time.'
            : 'An erasure is final: the erased data is no longer held anywhere.',
        );
      }
      const ids = change.entityIds; // every created entity is among them
      const later = ids.length ? (await tx.run(this.q.change.touchingSince, { ids, since: change.sortKey })).map(toChange) : [];
      const dependents = dependentsOf(change, later);
      if (dependents.length > 0) {
        throw conflict(
          `Later changes depend on this one: ${dependents.slice(0, 3).map(describeChange).join('; ')}${dependents.length > 3 ? ` and ${dependents.length - 3} more` : ''}. Undo those first.`,
          { dependents: dependents.map(({ id: d, operation, entityKind, entityId, label, at, actor: by }) => ({ id: d, operation, entityKind, entityId, label, at, actor: by.email ?? by.id })) },
        );
      }
      const effects = reversed(change);
      try {
        await this.checkUndo(tx, effects);
        for (const e of effects) await this.applyState(tx, e);
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'CONFLICT') {
          throw conflict(`This change can't be undone: ${error.message}`, error.details);
        }
        throw error;
      }
      const log = new ChangeLog().about('UNDO', change.entityKind, change.entityId, change.label);
      log.undoOf = change.id;
      for (const e of effects) log.add(e, []);
      log.addNetworks(change.networkIds);
      const undo = await this.saveChange(tx, log, actor);
      await tx.run(this.q.change.markUndone, { id: change.id, undoneBy: undo.id });
      return undo;
    });
  }

  /**
   * Every read an undo needs, before its first write (H10): each entity is as the change left it,
   * and every tie to put back has its organisation and target and does not clash with another.
   */
  private async checkUndo(tx: EngineTx, effects: ChangeEffect[]) {
    const restored = new Set(effects.filter((e) => e.before === null && e.after !== null).map((e) => e.id));
    const removed = new Set(effects.filter((e) => e.after === null).map((e) => e.id));
    const checked = new Set<string>();
    for (const e of effects) {
      if (checked.has(e.id)) continue;
      checked.add(e.id);
      const current = await this.stateOf(tx, e.kind, e.id);
      const name = String(e.before?.name ?? e.after?.name ?? e.id);
      if (e.before === null && current) throw conflict(`"${name}" exists again, so it can't be put back.`);
      if (e.before !== null && !current) throw conflict(`"${name}" no longer exists.`);
      if (e.before !== null && current && !sameState(current, e.before)) {
        throw conflict(`"${name}" has been changed since in a way the history does not show.`);
      }
      if (e.kind !== 'PARTICIPATION' || e.before !== null || e.after === null) continue;
      const tie = e.after as unknown as Participation;
      for (const [label, id] of [['Organisation', tie.organisationId], [LABEL_OF_TARGET[tie.targetKind], tie.targetId]] as const) {
        const [row] = await tx.run(this.q.nameOf[label], { id });
        if (!row && !restored.has(id)) throw conflict(`The ${label.toLowerCase()} "${id}" of the tie no longer exists.`);
      }
      const clash = (await this.participationsOf(tx, tie.organisationId)).find(
        (p) => !removed.has(p.id) && p.targetId === tie.targetId && p.role === tie.role && overlaps(p.validFrom, p.validTo, tie.validFrom, tie.validTo),
      );
      if (clash) throw conflict(`The organisation has since been given the role ${tie.role} there for an overlapping period.`, { existingId: clash.id });
    }
  }

  /** Makes an entity's state `e.after`: null deletes it, otherwise it is created or updated. */
  private async applyState(tx: EngineTx, e: ChangeEffect) {
    const state = e.after;
    const created = e.before === null ? { createdAt: String(state?.createdAt ?? now()) } : null;
    switch (e.kind) {
      case 'ORGANISATION':
      case 'PROJECT':
      case 'ACTIVITY':
      case 'NETWORK': {
        const label = (Object.keys(KIND_OF_LABEL) as ItemLabel[]).find((l) => KIND_OF_LABEL[l] === e.kind)!;
        if (!state) return void (await tx.run(this.q.node.detachDelete[label], { id: e.id }));
        if (e.kind === 'ORGANISATION') {
          const org = validateOrganisation(state as unknown as OrganisationInput);
          const { mergedNames, mergedFrom, adoptions } = state as unknown as { mergedNames: string[]; mergedFrom?: MergedOrganisation[]; adoptions: JsonObject[] };
          return this.writeOrganisation(tx, e.id, { ...org, mergedNames, mergedFrom: mergedFrom ?? [], adoptions: asAdoptions(adoptions) }, created);
        }
        if (e.kind === 'PROJECT') return this.writeProject(tx, e.id, validateProject(state as unknown as ProjectInput), created);
        if (e.kind === 'ACTIVITY') return this.writeActivity(tx, e.id, validateActivity(state as unknown as ActivityInput), created);
        return this.writeNetwork(tx, e.id, validateNetwork(state as unknown as NetworkInput), created);
      }
      case 'PARTICIPATION': {
        if (!state) return void (await tx.run(this.q.participation.remove, { id: e.id }));
        const tie = state as unknown as Participation;
        if (created) return this.createParticipation(tx, tie, created.createdAt);
        return void (await tx.run(this.q.participation.restore, participationParams(tie)));
      }
      case 'PERSON': {
        if (!state) return void (await tx.run(this.q.person.remove, { id: e.id }));
        // A consent date in a recorded state was valid when written; checked against itself, not today.
        const person = state as unknown as PersonInput;
        return this.writePerson(tx, e.id, validatePerson(person, person.consentGivenAt), created);
      }
      case 'DATASET':
        throw conflict('A data load is not undone as a whole.');
    }
  }

  /** The recorded state of an entity as it is now, or null when there is none. */
  private async stateOf(tx: EngineTx, kind: ChangeEntityKind, id: string): Promise<JsonObject | null> {
    switch (kind) {
      case 'ORGANISATION': {
        const [row] = await tx.run(this.q.organisation.get, { id });
        if (!row) return null;
        const adoptions = (await tx.run(this.q.adoption.ofOrganisation, { org: id })).map((a) => ({
          operatingModelId: String(a.modelId),
          validFrom: str(a.validFrom),
          validTo: str(a.validTo),
        }));
        return asJson({ ...toOrganisation(row), adoptions });
      }
      case 'PROJECT': {
        const [row] = await tx.run(this.q.project.get, { id });
        return row ? asJson({ ...toProject(row), ...(await this.links(tx, 'Project', id)) }) : null;
      }
      case 'ACTIVITY': {
        const [row] = await tx.run(this.q.activity.get, { id });
        return row ? asJson({ ...toActivity(row), networkIds: (await this.links(tx, 'Activity', id)).networkIds }) : null;
      }
      case 'NETWORK': {
        const [row] = await tx.run(this.q.network.get, { id });
        return row ? asJson(toNetwork(row)) : null;
      }
      case 'PARTICIPATION': {
        const [row] = await tx.run(this.q.participation.get, { id });
        return row ? stateOfParticipation(toParticipation(row), str(row.createdAt)) : null;
      }
      case 'PERSON': {
        const [row] = await tx.run(this.q.person.get, { id });
        return row ? asJson(toPerson(row)) : null;
      }
      case 'DATASET':
        return null;
    }
  }

  /**
   * Runs `write` between two reads of the entity's state (one for a new entity) and records the
   * pair. Not for ties (H10).
   */
  private async tracked(
    tx: EngineTx,
    log: ChangeLog,
    kind: Exclude<ChangeEntityKind, 'PARTICIPATION'>,
    id: string,
    write: () => Promise<void>,
    isNew = false,
  ) {
    const before = isNew ? null : await this.stateOf(tx, kind, id);
    await write();
    await this.record(tx, log, { kind, id, before, after: await this.stateOf(tx, kind, id) });
  }

  /** Adds an effect with the networks it touches; call it before a write that removes what it names. */
  private async record(tx: EngineTx, log: ChangeLog, effect: ChangeEffect) {
    log.add(effect, await this.networksOfEffect(tx, effect));
  }

  private async networksOfEffect(tx: EngineTx, e: ChangeEffect): Promise<string[]> {
    const states = [e.before, e.after].filter((s): s is JsonObject => s !== null);
    const field = (key: string) => states.flatMap((s) => [s[key]].flat()).filter((v): v is string => typeof v === 'string');
    switch (e.kind) {
      case 'NETWORK':
        return [e.id];
      case 'ORGANISATION':
        return this.networksOfOrganisations(tx, [e.id]);
      case 'PERSON':
        return this.networksOfOrganisations(tx, field('organisationId'));
      case 'PARTICIPATION':
        return this.networksOfItems(tx, field('targetId'));
      case 'PROJECT':
      case 'ACTIVITY':
        return [...field('networkIds'), ...(await this.networksOfItems(tx, field('projectId')))];
      case 'DATASET':
        return [];
    }
  }

  private async networksOfItems(tx: EngineTx, ids: string[]): Promise<string[]> {
    return this.networkIds(tx, this.q.networksOf, ids);
  }

  private async networksOfOrganisations(tx: EngineTx, ids: string[]): Promise<string[]> {
    return this.networkIds(tx, this.q.networksOfOrganisation, ids);
  }

  private async networkIds(tx: EngineTx, query: string, ids: string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const id of new Set(ids)) for (const row of await tx.run(query, { id })) found.add(String(row.id));
    return [...found];
  }

  /** One write, and the one Change recording it, in one transaction. */
  private recorded<T>(actor: Actor, work: (tx: EngineTx, log: ChangeLog) => Promise<T>): Promise<T> {
    return this.db.write(async (tx) => {
      const log = new ChangeLog();
      const result = await work(tx, log);
      if (!log.empty) await this.saveChange(tx, log, actor);
      return result;
    });
  }

  private async saveChange(tx: EngineTx, log: ChangeLog, actor: Actor): Promise<Change> {
    const at = this.changeTime();
    const change = log.build(`chg-${hex(8)}`, at, actor);
    const { actor: by, effects, ...fields } = change;
    await tx.run(this.q.change.create, {
      ...fields,
      actorId: by.id,
      actorEmail: by.email,
      sortKey: `${at}\u0001${change.id}`,
      effects: JSON.stringify(effects),
    });
    return change;
  }

  /** Now, but strictly after the previous change of this process, so the history has one order. */
  private changeTime(): string {
    let at = now();
    if (at <= this.lastChangeAt) at = new Date(Date.parse(this.lastChangeAt) + 1).toISOString();
    this.lastChangeAt = at;
    return at;
  }

  // ── graph, search, reference data ─────────────────────────────────────────────────────────

  async snapshot(scope: GraphScope): Promise<GraphSnapshot> {
    const load = async () => {
      if ('networkId' in scope && !(await this.getNetwork(scope.networkId))) throw notFound('Network', scope.networkId);
      if ('projectId' in scope && !(await this.getProject(scope.projectId))) throw notFound('Project', scope.projectId);
      return readSnapshot((query, params) => this.db.read(query, params), this.q.snapshot, scope);
    };
    return this.snapshots.get(await this.graphVersion(), scope, load);
  }

  async search(text: string, limit = 20): Promise<SearchHit[]> {
    const folded = foldText(text);
    if (folded.length < 2) throw badInput('Type at least two letters to search.', { field: 'text' });
    const rows = await this.db.read(this.q.search, { q: folded, limit: Math.min(limit, MAX_PAGE_SIZE) });
    return rows
      .map((r) => ({ id: String(r.id), kind: r.kind as SearchHit['kind'], label: String(r.label), starts: String(r.searchText).startsWith(folded) }))
      .sort((a, b) => Number(b.starts) - Number(a.starts) || a.label.localeCompare(b.label, 'fi'))
      .slice(0, limit)
      .map(({ id, kind, label }) => ({ id, kind, label }));
  }

  /**
   * Reference lists are read once and kept: field resolvers ask for them per item. Only a dataset
   * load can add vocabulary, so it clears them.
   */
  private readonly referenceCache = new Map<string, Promise<unknown>>();

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.referenceCache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      value.catch(() => this.referenceCache.delete(key));
      this.referenceCache.set(key, value);
    }
    return value;
  }

  municipalities(): Promise<Municipality[]> {
    return this.cached('municipalities', async () => (await this.db.read(this.q.reference.municipalities)).map((r) => ({
      code: String(r.code),
      name: String(r.name),
      nameSv: String(r.nameSv),
      regionCode: String(r.regionCode),
    })));
  }

  regions(): Promise<Region[]> {
    return this.cached('regions', async () => (await this.db.read(this.q.reference.regions)).map((r) => ({
      code: String(r.code),
      name: String(r.name),
      nameSv: String(r.nameSv),
    })));
  }

  methods(): Promise<Term[]> {
    return this.cached('methods', async () => (await this.db.read(this.q.reference.methods)).map(toTerm));
  }

  targetGroups(): Promise<Term[]> {
    return this.cached('targetGroups', async () => (await this.db.read(this.q.reference.targetGroups)).map(toTerm));
  }

  operatingModels(): Promise<OperatingModel[]> {
    return this.cached('operatingModels', async () => (await this.db.read(this.q.reference.operatingModels)).map((r) => ({
      id: String(r.id),
      name: String(r.name),
      description: r.description === null ? null : String(r.description),
    })));
  }

  // ── bulk ───────────────────────────────────────────────────────────────────────────────────

  /** The whole load is one change: it names every item it brought, and the file or source it came from. */
  async loadDataset(dataset: SeedDataset, actor: Actor, origin: LoadOrigin = UNNAMED_LOAD): Promise<void> {
    const clean = validateDataset(dataset, origin.source);
    await this.recorded(actor, async (tx, log) => {
      const itemIds = [...clean.organisations, ...clean.projects, ...clean.activities, ...clean.networks].map((n) => n.id);
      const existing = await tx.run(this.q.node.existingIds, { ids: itemIds });
      if (existing.length > 0) {
        throw conflict(`${existing.length} of the ids are already in the database (first: ${existing[0].id}).`);
      }
      const known = new Set((await tx.run(this.q.reference.termIds)).map((r) => `${r.label}:${r.id}`));
      const municipalities = new Set((await tx.run(this.q.reference.municipalities)).map((r) => String(r.code)));
      await tx.bulkLoad(datasetTables(clean, now(), { known, municipalities }));
      const loadId = `load-${hex(6)}`;
      log.about('LOAD', 'DATASET', loadId, origin.label);
      const counts = {
        organisations: clean.organisations.length,
        projects: clean.projects.length,
        activities: clean.activities.length,
        networks: clean.networks.length,
        participations: clean.participations.length,
      };
      log.add({ kind: 'DATASET', id: loadId, before: null, after: { label: origin.label, source: asJson(origin.source), ...counts } }, clean.networks.map((n) => n.id));
      log.addLoaded(itemIds);
    });
    this.referenceCache.clear(); // after the commit, so no read can cache the old lists again
  }

  /**
   * An import is recorded as one LOAD change naming the file and every item it created or updated,
   * like a dataset load: final (not undone), and later undos of what it touched see it.
   */
  async applyChanges<T>(
    parts: BaselinePart[],
    plan: (baseline: GraphBaseline) => Promise<{ changes: GraphChanges; result: T }>,
    actor: Actor,
    options: ApplyOptions = {},
  ): Promise<T> {
    const { dryRun = false, onProgress, label = 'import' } = options;
    if (dryRun) {
      onProgress?.({ step: 'reading' });
      return (await plan(await readBaseline((query, params) => this.db.read(query, params), this.q.importing.baseline, parts))).result;
    }
    return this.recorded(actor, async (tx, log) => {
      onProgress?.({ step: 'reading' });
      const baseline = await readBaseline((query, params) => tx.run(query, params), this.q.importing.baseline, parts);
      const { changes, result } = await plan(baseline);
      await writeChanges(tx, this.q, changes, now(), (done, total) => onProgress?.({ step: 'writing', done, total }));
      const counts = Object.fromEntries(
        Object.entries(changes).map(([kind, c]) => [kind, { created: c.create.length, updated: c.update.length }]),
      );
      const touched = Object.values(changes).flatMap((c) => [...c.create, ...c.update.map((u: { record: { id: string } }) => u.record)].map((r) => r.id));
      if (touched.length === 0) return result;
      const loadId = `load-${hex(6)}`;
      log.about('LOAD', 'DATASET', loadId, label);
      log.add({ kind: 'DATASET', id: loadId, before: null, after: asJson({ label, ...counts }) }, []);
      log.addLoaded(touched);
      return result;
    });
  }

  async seedDemoOnce(dataset: SeedDataset): Promise<boolean> {
    const [flag] = await this.db.read(this.q.meta.get, { key: 'demoSeededAt' });
    const [count] = await this.db.read(this.q.node.countOrganisations);
    if (flag || Number(count.n) > 0) return false;
    await this.loadDataset(dataset, SYSTEM_ACTOR, DEMO_LOAD);
    await this.db.write((tx) => tx.run(this.q.meta.set, { key: 'demoSeededAt', value: now() }));
    return true;
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.db.read(this.q.node.counts);
    // Neo4j gives no row at all for a label no node has ever carried.
    const counts: Record<string, number> = Object.fromEntries(COUNTED.map((label) => [label, 0]));
    for (const r of rows) counts[String(r.label)] = Number(r.n);
    return counts;
  }

  // ── backup and restore ─────────────────────────────────────────────────────────────────────

  async backup(): Promise<string> {
    // Inside a write transaction holding the graph version's lock: no write, of this process or
    // another, lands between the tables (Neo4j reads are only read-committed), so the file is consistent.
    return this.reads.write(async (tx) => {
      await tx.run(this.q.meta.lock, { key: GRAPH_VERSION });
      const sections: BackupSection[] = [];
      for (const t of NODE_TABLES) {
        const names = Object.keys(t.columns);
        const rows = (await tx.run(this.q.backup.nodes[t.label])).filter((r) => !isGraphVersion(t.label, r.c0));
        sections.push({ table: t.label, rows: rows.map((r) => Object.fromEntries(names.map((c, i) => [c, r[`c${i}`]]))) });
      }
      for (const t of REL_TABLES) {
        const names = Object.keys(t.columns);
        for (const [from, to] of t.pairs) {
          const rows = await tx.run(this.q.backup.rels[`${t.type}:${from}:${to}`]);
          sections.push({
            table: t.type,
            from,
            to,
            rows: rows.map((r) => ({ from: r.endpointFrom, to: r.endpointTo, ...Object.fromEntries(names.map((c, i) => [c, r[`c${i}`]])) })),
          });
        }
      }
      const [version] = await tx.run(this.q.meta.get, { key: 'schemaVersion' });
      return writeBackup({ schemaVersion: Number(version?.value), sections });
    });
  }

  async restore(file: string, options: { replace?: boolean } = {}): Promise<RestoreReport> {
    const backup = readBackup(file);
    return this.db.write(async (tx) => {
      const [version] = await tx.run(this.q.meta.get, { key: 'schemaVersion' });
      const current = Number(version?.value);
      if (backup.schemaVersion !== current) {
        throw badInput(
          `The backup holds schema version ${backup.schemaVersion}; this database is at version ${current}. ` +
            'Restore it with the Verkosto version that wrote it; nothing was changed.',
        );
      }
      const held: string[] = [];
      for (const t of NODE_TABLES) {
        if (REFERENCE_TABLES.includes(t.label)) continue;
        const [row] = await tx.run(this.q.backup.count[t.label]);
        if (Number(row?.n ?? 0) > 0) held.push(`${Number(row.n)} ${t.label}`);
      }
      if (held.length > 0 && !options.replace) {
        throw conflict(
          `The database is not empty (it holds ${held.join(', ')}): a backup is restored only into an empty database, ` +
            'unless you choose to replace everything in it. Nothing was changed.',
        );
      }
      for (const t of NODE_TABLES) await tx.run(this.q.backup.clear[t.label]);
      // The graph version is this database's own (the write sets a new one), not the backup's.
      const rowsOf = (s: BackupSection) => s.rows.filter((r) => !isGraphVersion(s.table, r.key));
      await tx.bulkLoad(backup.sections.map((s) => ({ name: s.table, from: s.from, to: s.to, rows: rowsOf(s) })));
      const rows: Record<string, number> = {};
      for (const s of backup.sections) rows[s.table] = (rows[s.table] ?? 0) + s.rows.length;
      return { rows, total: Object.values(rows).reduce((a, b) => a + b, 0), replaced: held.length > 0 };
    });
  }

  async close(): Promise<void> {
    return this.db.close();
  }

  // ── shared mechanics ───────────────────────────────────────────────────────────────────────

  private async page<T extends { id: string }>(
    listQuery: string,
    countQuery: string,
    args: PageArgs,
    map: (row: Row) => T,
    extra: Params,
  ): Promise<Page<T>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const q = args.search ? foldText(args.search) || null : null;
    const params = { ...extra, q, after, limit: first + 1, hidden: [...(args.excludeIds ?? [])] };
    const [rows, [count]] = await Promise.all([this.db.read(listQuery, params), this.db.read(countQuery, params)]);
    const items = rows.slice(0, first);
    const last = items[items.length - 1];
    return {
      items: items.map(map),
      totalCount: Number(count.n),
      endCursor: last ? encodeCursor(String(last.sortKey)) : null,
      hasNextPage: rows.length > first,
    };
  }

  /**
   * Deletes an item with its ties. The record keeps everything needed to put it back: its state,
   * its ties, and the items whose own link pointed at it (activities under a deleted project…).
   */
  private async deleteItem(label: ItemLabel, id: string, actor: Actor): Promise<DeleteResult> {
    const kind = KIND_OF_LABEL[label];
    return this.recorded(actor, async (tx, log) => {
      const before = await this.stateOf(tx, kind, id);
      if (!before) throw notFound(label, id);
      if (label === 'Organisation') {
        const people = await tx.run(this.q.person.ofOrganisation, { org: id });
        if (people.length > 0) {
          throw conflict(`${people.length} named person(s) work for this organisation: erase them or move them to another organisation first.`, {
            personIds: people.map((p) => String(p.id)),
          });
        }
      }
      log.about('DELETE', kind, id, label === 'Project' ? projectLabel(before as unknown as Project) : String(before.name));
      const rows =
        label === 'Organisation'
          ? await tx.run(this.q.participation.list, { org: id })
          : (await tx.run(this.q.participation.listByTarget, { target: id })).filter((r) => r.targetId === id);
      for (const row of rows) {
        await this.record(tx, log, { kind: 'PARTICIPATION', id: String(row.id), before: stateOfParticipation(toParticipation(row), str(row.createdAt)), after: null });
      }
      for (const { kind: itemKind, query, unlink } of this.incomingLinks(label)) {
        for (const row of await tx.run(query, { id })) {
          const itemBefore = (await this.stateOf(tx, itemKind, String(row.id)))!;
          await this.record(tx, log, { kind: itemKind, id: String(row.id), before: itemBefore, after: unlink(itemBefore, id) });
        }
      }
      await this.record(tx, log, { kind, id, before, after: null });
      const [degree] = await tx.run(this.q.node.degree[label], { id });
      await tx.run(this.q.node.detachDelete[label], { id });
      return { id, removedRelationships: Number(degree.n) };
    });
  }

  /** The items whose own link points at an item of `label`, and what deleting it does to their state. */
  private incomingLinks(label: ItemLabel): { kind: 'PROJECT' | 'ACTIVITY'; query: string; unlink: (s: JsonObject, id: string) => JsonObject }[] {
    const incoming = this.q.links.incoming;
    const without = (key: string) => (s: JsonObject, id: string) => ({ ...s, [key]: (s[key] as string[]).filter((x) => x !== id) });
    switch (label) {
      case 'Project':
        return [
          { kind: 'ACTIVITY', query: incoming.projectActivities, unlink: (s) => ({ ...s, projectId: null }) },
          { kind: 'PROJECT', query: incoming.projectFollowUps, unlink: (s) => ({ ...s, predecessorId: null }) },
        ];
      case 'Activity':
        return [{ kind: 'ACTIVITY', query: incoming.activityFollowUps, unlink: (s) => ({ ...s, continuesId: null }) }];
      case 'Network':
        return [
          { kind: 'PROJECT', query: incoming.networkProjects, unlink: without('networkIds') },
          { kind: 'ACTIVITY', query: incoming.networkActivities, unlink: without('networkIds') },
        ];
      case 'Organisation':
        return [];
    }
  }

  private async requireMunicipality(tx: EngineTx, code: string) {
    const [row] = await tx.run(this.q.reference.municipality, { code });
    if (!row) throw badInput(`Unknown municipality code "${code}".`, { field: 'municipalityCode' });
  }

  /** Replaces a to-one link (location, project, predecessor…) with `targetId`, or removes it. */
  private async relinkOne(tx: EngineTx, link: keyof Queries['links']['one'], id: string, targetId: string | null) {
    const { unlink, link: create } = this.q.links.one[link];
    await tx.run(unlink, { id });
    if (targetId) {
      const rows = await tx.run(create, { id, target: targetId });
      if (rows.length === 0) throw notFound('Linked item', targetId);
    }
  }

  /** Replaces the network, method and target-group links of a project or activity. */
  private async relinkMany(tx: EngineTx, label: 'Project' | 'Activity', id: string, input: ProjectInput | ActivityInput) {
    const sets = { networks: input.networkIds, methods: input.methodIds, targetGroups: input.targetGroupIds };
    for (const [key, ids] of Object.entries(sets) as [keyof typeof sets, string[] | null | undefined][]) {
      const { unlink, link } = this.q.links.many[label][key];
      await tx.run(unlink, { id });
      for (const target of new Set(ids ?? [])) {
        const rows = await tx.run(link, { id, target });
        if (rows.length === 0) throw badInput(`Unknown ${key.replace(/s$/, '')} "${target}".`, { field: `${key}` });
      }
    }
  }

  private async links(tx: EngineTx, label: 'Project' | 'Activity', id: string) {
    const [row] = await tx.run(this.q.links.read[label], { id });
    return {
      networkIds: [...((row?.networkIds as string[] | null) ?? [])].sort(),
      methodIds: [...((row?.methodIds as string[] | null) ?? [])].sort(),
      targetGroupIds: [...((row?.targetGroupIds as string[] | null) ?? [])].sort(),
    };
  }
}

interface Adoption {
  operatingModelId: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

/** Applies a patch: absent fields keep their value, `null` clears. */
function merge<T extends object>(current: T, patch: object): T {
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) result[key] = value;
  return result as T;
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`, { field: 'first' });
  }
  return size;
}

/** Domain objects are plain data: this only tells the type system so. */
const asJson = (value: object): JsonObject => value as unknown as JsonObject;

function asAdoptions(value: unknown): Adoption[] {
  return Array.isArray(value) ? (value as Adoption[]) : [];
}

const adoptionKey = (a: Adoption) => [a.operatingModelId, a.validFrom, a.validTo].join('|');

/** A tie's recorded state: its fields and when it was first written. */
function stateOfParticipation(p: Participation, createdAt?: string | null): JsonObject {
  const { id, organisationId, targetId, targetKind, role, validFrom, validTo, source, confirmedAt } = p;
  return asJson({ id, organisationId, targetId, targetKind, role, validFrom, validTo, source, confirmedAt, createdAt: createdAt ?? null });
}

function participationParams(p: Participation): Params {
  return {
    id: p.id,
    role: p.role,
    validFrom: p.validFrom,
    validTo: p.validTo,
    source: p.source.kind,
    sourceRef: p.source.ref,
    confirmedAt: p.confirmedAt,
  };
}

function participationKey(p: Pick<Participation, 'organisationId' | 'targetId' | 'role' | 'validFrom' | 'validTo'>) {
  return [p.organisationId, p.targetId, p.role, p.validFrom, p.validTo].join('|');
}

const projectLabel = (p: Pick<Project, 'code' | 'name'>) => (p.code ? `${p.code} ${p.name}` : p.name);

function withoutSortKey(change: Change & { sortKey?: string }): Change {
  const { sortKey: _cursor, ...rest } = change;
  return rest;
}

function toTerm(r: Row): Term {
  return { id: String(r.id), nameFi: String(r.nameFi), nameSv: String(r.nameSv), nameEn: String(r.nameEn) };
}

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key.includes('\u0001')) throw badInput('The "after" cursor is not one this API gave out.', { field: 'after' });
  return key;
}

export { DuplicateKeyError };
