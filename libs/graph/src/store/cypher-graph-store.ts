import { randomBytes } from 'node:crypto';
import {
  ROLES_BY_TARGET,
  badInput,
  checkDate,
  conflict,
  DEFAULT_SECTOR,
  foldText,
  isActiveAt,
  nameKey,
  notFound,
  overlaps,
  slug,
  validateActivity,
  validateNetwork,
  validateOrganisation,
  validateProject,
  type Activity,
  type ActivityInput,
  type GraphSnapshot,
  type IsoDate,
  type Municipality,
  type Network,
  type NetworkInput,
  type OperatingModel,
  type Organisation,
  type OrganisationInput,
  type Participation,
  type ParticipationInput,
  type Patch,
  type Project,
  type ProjectInput,
  type Region,
  type SeedDataset,
  type Term,
} from '@verkosto/domain';
import type { CypherEngine, CypherTx, Params, Row } from '../engine/cypher-engine';
import { DuplicateKeyError } from '../engine/cypher-engine';
import type {
  ActivityFilter,
  DeleteResult,
  GraphScope,
  GraphStore,
  MergeResult,
  OrganisationFilter,
  Page,
  PageArgs,
  ParticipationFilter,
  SearchHit,
} from '../graph-store';
import { datasetTables, validateDataset } from './dataset';
import { Queries, buildQueries } from './queries';
import {
  targetKindOfLabel,
  toActivity,
  toNetwork,
  toOrganisation,
  toParticipation,
  toProject,
} from './rows';
import { readSnapshot } from './snapshot';
import { SnapshotCache } from './snapshot-cache';
import { sortKey } from './sort-key';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

const now = () => new Date().toISOString();
const newId = (prefix: string, name: string) => `${prefix}-${slug(name) || 'x'}-${randomBytes(3).toString('hex')}`;

/** The one GraphStore implementation: shared Cypher over whichever engine it is given. */
export class CypherGraphStore implements GraphStore {
  readonly engine: 'embedded' | 'neo4j';
  readonly q: Queries;
  private readonly db: CypherEngine;
  /** Kept between writes where this process is the sole writer; null elsewhere. */
  private readonly snapshots: SnapshotCache | null;

  constructor(engine: CypherEngine) {
    this.engine = engine.name;
    this.q = buildQueries(engine.dialect);
    this.snapshots = engine.soleWriter ? new SnapshotCache() : null;
    // Every write, whichever method runs it, drops the cached snapshots once it has finished.
    this.db = {
      name: engine.name,
      dialect: engine.dialect,
      soleWriter: engine.soleWriter,
      migrate: () => engine.migrate(),
      read: (query, params) => engine.read(query, params),
      write: (work) => engine.write(work).finally(() => this.snapshots?.invalidate()),
      close: () => engine.close(),
    };
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

  async createOrganisation(input: OrganisationInput): Promise<Organisation> {
    const org = validateOrganisation(input);
    return this.db.write(async (tx) => {
      await this.refuseDuplicateOrganisation(tx, org, null);
      if (org.municipalityCode) await this.requireMunicipality(tx, org.municipalityCode);
      const id = newId('org', org.name);
      await tx.run(this.q.organisation.create, { ...this.organisationParams(org, id), now: now(), mergedNames: [] });
      await this.relinkOne(tx, 'Organisation', id, org.municipalityCode ?? null);
      return this.mustGetOrganisation(tx, id);
    });
  }

  async updateOrganisation(id: string, patch: Patch<OrganisationInput>): Promise<Organisation> {
    return this.db.write(async (tx) => {
      const current = await this.mustGetOrganisation(tx, id);
      const org = validateOrganisation(merge(current, patch) as OrganisationInput);
      await this.refuseDuplicateOrganisation(tx, org, id);
      if (org.municipalityCode) await this.requireMunicipality(tx, org.municipalityCode);
      await tx.run(this.q.organisation.update, { ...this.organisationParams(org, id), now: now() });
      await this.relinkOne(tx, 'Organisation', id, org.municipalityCode ?? null);
      return this.mustGetOrganisation(tx, id);
    });
  }

  async deleteOrganisation(id: string): Promise<DeleteResult> {
    return this.deleteNode('Organisation', id);
  }

  async mergeOrganisations(keepId: string, mergeIds: string[]): Promise<MergeResult> {
    const others = [...new Set(mergeIds)].filter((id) => id !== keepId);
    if (others.length === 0) throw badInput('Name at least one other organisation to merge into this one.');
    return this.db.write(async (tx) => {
      const keep = await this.mustGetOrganisation(tx, keepId);
      const keptParticipations = (await tx.run(this.q.participation.list, { org: keepId })).map(toParticipation);
      const seen = new Set(keptParticipations.map(participationKey));
      let moved = 0;
      const names = new Set(keep.mergedNames);
      let filled = { ...keep };
      for (const otherId of others) {
        const other = await this.mustGetOrganisation(tx, otherId);
        names.add(other.name);
        other.mergedNames.forEach((n) => names.add(n));
        filled = {
          ...filled,
          businessId: filled.businessId ?? other.businessId,
          website: filled.website ?? other.website,
          municipalityCode: filled.municipalityCode ?? other.municipalityCode,
        };
        if (keep.businessId && other.businessId && keep.businessId !== other.businessId) {
          throw conflict(`"${other.name}" has another business ID (${other.businessId}) than "${keep.name}" (${keep.businessId}): they are different organisations.`);
        }
        for (const p of (await tx.run(this.q.participation.list, { org: otherId })).map(toParticipation)) {
          const key = participationKey({ ...p, organisationId: keepId });
          if (!seen.has(key)) {
            seen.add(key);
            await tx.run(this.q.participation.create[p.targetKind], {
              ...p,
              organisationId: keepId,
              source: `merged from ${other.name}`,
              now: now(),
            });
            moved++;
          }
        }
        for (const a of await tx.run(this.q.adoption.ofOrganisation, { org: otherId })) {
          await tx.run(this.q.adoption.create, { org: keepId, model: a.modelId, validFrom: a.validFrom, validTo: a.validTo });
          moved++;
        }
        await tx.run(this.q.node.detachDelete.Organisation, { id: otherId });
      }
      names.delete(keep.name);
      await tx.run(this.q.organisation.update, { ...this.organisationParams(filled, keepId), now: now() });
      await tx.run(this.q.organisation.setMergedNames, { id: keepId, mergedNames: [...names].sort() });
      await this.relinkOne(tx, 'Organisation', keepId, filled.municipalityCode);
      return { organisation: await this.mustGetOrganisation(tx, keepId), mergedIds: others, movedRelationships: moved };
    });
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

  private async refuseDuplicateOrganisation(tx: CypherTx, org: OrganisationInput, selfId: string | null) {
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
        existingId: other.id,
      });
    }
  }

  private async mustGetOrganisation(tx: CypherTx, id: string): Promise<Organisation> {
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

  async createProject(input: ProjectInput): Promise<Project> {
    const project = validateProject(input);
    return this.db.write(async (tx) => {
      const id = newId('prj', project.code ?? project.name);
      await this.writeProject(tx, id, project, null);
      return this.mustGetProject(tx, id);
    });
  }

  async updateProject(id: string, patch: Patch<ProjectInput>): Promise<Project> {
    return this.db.write(async (tx) => {
      const current = await this.mustGetProject(tx, id);
      const links = await this.links(tx, 'Project', id);
      const project = validateProject(merge({ ...current, ...links }, patch) as ProjectInput);
      await this.writeProject(tx, id, project, current);
      return this.mustGetProject(tx, id);
    });
  }

  async deleteProject(id: string): Promise<DeleteResult> {
    return this.deleteNode('Project', id);
  }

  private async writeProject(tx: CypherTx, id: string, p: ProjectInput, current: Project | null) {
    if (p.code) {
      const [other] = await tx.run(this.q.project.getByCode, { code: p.code });
      if (other && other.id !== id) {
        throw conflict(`Project code ${p.code} is already used by "${other.name}".`, { existingId: other.id });
      }
    }
    if (p.predecessorId) {
      if (p.predecessorId === id) throw badInput('A project cannot follow itself.', { field: 'predecessorId' });
      await this.mustGetProject(tx, p.predecessorId);
    }
    const params = {
      ...p,
      id,
      now: now(),
      searchText: foldText([p.name, p.code ?? ''].join(' ')),
      sortKey: sortKey(p.name, id),
    };
    await tx.run(current ? this.q.project.update : this.q.project.create, params);
    await this.relinkOne(tx, 'ProjectPredecessor', id, p.predecessorId ?? null);
    await this.relinkMany(tx, 'Project', id, p);
  }

  private async mustGetProject(tx: CypherTx, id: string): Promise<Project> {
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

  async createActivity(input: ActivityInput): Promise<Activity> {
    const activity = validateActivity(input);
    return this.db.write(async (tx) => {
      const id = newId('act', activity.name);
      await this.writeActivity(tx, id, activity, false);
      return this.mustGetActivity(tx, id);
    });
  }

  async updateActivity(id: string, patch: Patch<ActivityInput>): Promise<Activity> {
    return this.db.write(async (tx) => {
      const current = await this.mustGetActivity(tx, id);
      const links = await this.links(tx, 'Activity', id);
      const activity = validateActivity(merge({ ...current, ...links }, patch) as ActivityInput);
      await this.writeActivity(tx, id, activity, true);
      return this.mustGetActivity(tx, id);
    });
  }

  async deleteActivity(id: string): Promise<DeleteResult> {
    return this.deleteNode('Activity', id);
  }

  private async writeActivity(tx: CypherTx, id: string, a: ActivityInput, exists: boolean) {
    if (a.projectId) await this.mustGetProject(tx, a.projectId);
    if (a.continuesId) {
      if (a.continuesId === id) throw badInput('An activity cannot continue itself.', { field: 'continuesId' });
      await this.mustGetActivity(tx, a.continuesId);
    }
    if (a.municipalityCode) await this.requireMunicipality(tx, a.municipalityCode);
    const params = { ...a, id, now: now(), searchText: foldText(a.name), sortKey: sortKey(a.name, id) };
    await tx.run(exists ? this.q.activity.update : this.q.activity.create, params);
    await this.relinkOne(tx, 'ActivityProject', id, a.projectId ?? null);
    await this.relinkOne(tx, 'ActivityContinues', id, a.continuesId ?? null);
    await this.relinkOne(tx, 'Activity', id, a.municipalityCode ?? null);
    await this.relinkMany(tx, 'Activity', id, a);
  }

  private async mustGetActivity(tx: CypherTx, id: string): Promise<Activity> {
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

  async createNetwork(input: NetworkInput): Promise<Network> {
    const network = validateNetwork(input);
    return this.db.write(async (tx) => {
      const id = newId('net', network.name);
      await this.writeNetwork(tx, id, network, false);
      return this.mustGetNetwork(tx, id);
    });
  }

  async updateNetwork(id: string, patch: Patch<NetworkInput>): Promise<Network> {
    return this.db.write(async (tx) => {
      const current = await this.mustGetNetwork(tx, id);
      const network = validateNetwork(merge(current, patch) as NetworkInput);
      await this.writeNetwork(tx, id, network, true);
      return this.mustGetNetwork(tx, id);
    });
  }

  async deleteNetwork(id: string): Promise<DeleteResult> {
    return this.deleteNode('Network', id);
  }

  private async writeNetwork(tx: CypherTx, id: string, n: NetworkInput, exists: boolean) {
    if (n.regionCode) {
      const [region] = await tx.run(this.q.reference.region, { code: n.regionCode });
      if (!region) throw badInput(`Unknown region code "${n.regionCode}".`, { field: 'regionCode' });
    }
    const params = { ...n, id, now: now(), searchText: foldText(n.name), sortKey: sortKey(n.name, id) };
    await tx.run(exists ? this.q.network.update : this.q.network.create, params);
    await this.relinkOne(tx, 'Network', id, n.regionCode ?? null);
  }

  private async mustGetNetwork(tx: CypherTx, id: string): Promise<Network> {
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

  async addParticipation(input: ParticipationInput): Promise<Participation> {
    return this.db.write((tx) => this.insertParticipation(tx, input));
  }

  private async insertParticipation(tx: CypherTx, input: ParticipationInput): Promise<Participation> {
    const validFrom = checkDate(input.validFrom, 'validFrom');
    const validTo = checkDate(input.validTo, 'validTo');
    if (validFrom && validTo && validTo < validFrom) {
      throw badInput(`The end date ${validTo} is before the start date ${validFrom}.`, { field: 'validTo' });
    }
    await this.mustGetOrganisation(tx, input.organisationId);
    const [target] = await tx.run(this.q.participation.targetLabel, { id: input.targetId });
    if (!target) throw notFound('Project, activity or network', input.targetId);
    const targetKind = targetKindOfLabel(target.label);
    if (!ROLES_BY_TARGET[targetKind].includes(input.role)) {
      throw badInput(
        `${input.role} is not a role in a ${targetKind.toLowerCase()}; use one of ${ROLES_BY_TARGET[targetKind].join(', ')}.`,
        { field: 'role' },
      );
    }
    const existing = (await tx.run(this.q.participation.list, { org: input.organisationId })).map(toParticipation);
    const clash = existing.find(
      (p) => p.targetId === input.targetId && p.role === input.role && overlaps(p.validFrom, p.validTo, validFrom, validTo),
    );
    if (clash) {
      throw conflict(`This organisation already has the role ${input.role} there for an overlapping period (${clash.validFrom ?? '…'} – ${clash.validTo ?? '…'}).`, {
        existingId: clash.id,
      });
    }
    const id = newId('par', input.role);
    await tx.run(this.q.participation.create[targetKind], {
      id,
      organisationId: input.organisationId,
      targetId: input.targetId,
      role: input.role,
      validFrom,
      validTo,
      source: input.source ?? 'entered by hand',
      now: now(),
    });
    // Not read back: inside the writing transaction Kùzu also shows a new or changed relationship
    // under the later FROM/TO pairs of its table when an endpoint is unlabelled (phantom rows).
    const { organisationId, targetId, role } = input;
    return { id, organisationId, targetId, targetKind, role, validFrom, validTo };
  }

  async endParticipation(id: string, validTo: IsoDate): Promise<Participation> {
    const end = checkDate(validTo, 'validTo');
    if (!end) throw badInput('Give the date the participation ended.', { field: 'validTo' });
    return this.db.write(async (tx) => {
      const current = await this.mustGetParticipation(tx, id);
      if (current.validFrom && end < current.validFrom) {
        throw badInput(`The end date ${end} is before the start date ${current.validFrom}.`, { field: 'validTo' });
      }
      await tx.run(this.q.participation.end, { id, validTo: end });
      return { ...current, validTo: end }; // not read back: see insertParticipation
    });
  }

  async removeParticipation(id: string): Promise<DeleteResult> {
    return this.db.write(async (tx) => {
      await this.mustGetParticipation(tx, id);
      await tx.run(this.q.participation.remove, { id });
      return { id, removedRelationships: 1 };
    });
  }

  async setCoordinator(networkId: string, organisationId: string, from: IsoDate): Promise<Participation> {
    const start = checkDate(from, 'from');
    if (!start) throw badInput('Give the date the coordination starts.', { field: 'from' });
    return this.db.write(async (tx) => {
      await this.mustGetNetwork(tx, networkId);
      await this.mustGetOrganisation(tx, organisationId);
      const current = (await tx.run(this.q.participation.listByTarget, { target: networkId }))
        .map(toParticipation)
        .filter((p) => p.role === 'COORDINATOR' && overlaps(p.validFrom, p.validTo, start, null));
      const dayBefore = addDays(start, -1);
      for (const p of current) {
        if (p.organisationId === organisationId && (!p.validFrom || p.validFrom <= start)) return p;
        if (p.validFrom && p.validFrom > dayBefore) {
          throw conflict(`${p.organisationId} starts coordinating on ${p.validFrom}; a handover on ${start} would leave its term empty. End or remove that term first.`);
        }
        await tx.run(this.q.participation.end, { id: p.id, validTo: dayBefore });
      }
      return this.insertParticipation(tx, {
        organisationId,
        targetId: networkId,
        role: 'COORDINATOR',
        validFrom: start,
        validTo: null,
      });
    });
  }

  private async mustGetParticipation(tx: CypherTx, id: string): Promise<Participation> {
    const [row] = await tx.run(this.q.participation.get, { id });
    if (!row) throw notFound('Participation', id);
    return toParticipation(row);
  }

  // ── graph, search, reference data ─────────────────────────────────────────────────────────

  snapshot(scope: GraphScope): Promise<GraphSnapshot> {
    const load = async () => {
      if ('networkId' in scope && !(await this.getNetwork(scope.networkId))) throw notFound('Network', scope.networkId);
      if ('projectId' in scope && !(await this.getProject(scope.projectId))) throw notFound('Project', scope.projectId);
      return readSnapshot((query, params) => this.db.read(query, params), this.q.snapshot, scope);
    };
    return this.snapshots ? this.snapshots.get(scope, load) : load();
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

  async loadDataset(dataset: SeedDataset): Promise<void> {
    const clean = validateDataset(dataset);
    await this.db.write(async (tx) => {
      const existing = await tx.run(this.q.node.existingIds, {
        ids: [...clean.organisations, ...clean.projects, ...clean.activities, ...clean.networks].map((n) => n.id),
      });
      if (existing.length > 0) {
        throw conflict(`${existing.length} of the ids are already in the database (first: ${existing[0].id}).`);
      }
      const known = new Set((await tx.run(this.q.reference.termIds)).map((r) => `${r.label}:${r.id}`));
      const municipalities = new Set((await tx.run(this.q.reference.municipalities)).map((r) => String(r.code)));
      await tx.bulkLoad(datasetTables(clean, now(), { known, municipalities }));
    });
    this.referenceCache.clear(); // after the commit, so no read can cache the old lists again
  }

  async seedDemoOnce(dataset: SeedDataset): Promise<boolean> {
    const [flag] = await this.db.read(this.q.meta.get, { key: 'demoSeededAt' });
    const [count] = await this.db.read(this.q.node.countOrganisations);
    if (flag || Number(count.n) > 0) return false;
    await this.loadDataset(dataset);
    await this.db.write((tx) => tx.run(this.q.meta.set, { key: 'demoSeededAt', value: now() }));
    return true;
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.db.read(this.q.node.counts);
    return Object.fromEntries(rows.map((r) => [String(r.label), Number(r.n)]));
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
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`, { field: 'first' });
    }
    const after = args.after ? decodeCursor(args.after) : null;
    const q = args.search ? foldText(args.search) || null : null;
    const params = { ...extra, q, after, limit: first + 1 };
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

  private async deleteNode(label: 'Organisation' | 'Project' | 'Activity' | 'Network', id: string) {
    return this.db.write(async (tx) => {
      const [row] = await tx.run(this.q.node.degree[label], { id });
      if (!row) throw notFound(label, id);
      await tx.run(this.q.node.detachDelete[label], { id });
      return { id, removedRelationships: Number(row.n) };
    });
  }

  private async requireMunicipality(tx: CypherTx, code: string) {
    const [row] = await tx.run(this.q.reference.municipality, { code });
    if (!row) throw badInput(`Unknown municipality code "${code}".`, { field: 'municipalityCode' });
  }

  /** Replaces a to-one link (location, project, predecessor…) with `targetId`, or removes it. */
  private async relinkOne(tx: CypherTx, link: keyof Queries['links']['one'], id: string, targetId: string | null) {
    const { unlink, link: create } = this.q.links.one[link];
    await tx.run(unlink, { id });
    if (targetId) {
      const rows = await tx.run(create, { id, target: targetId });
      if (rows.length === 0) throw notFound('Linked item', targetId);
    }
  }

  /** Replaces the network, method and target-group links of a project or activity. */
  private async relinkMany(tx: CypherTx, label: 'Project' | 'Activity', id: string, input: ProjectInput | ActivityInput) {
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

  private async links(tx: CypherTx, label: 'Project' | 'Activity', id: string) {
    const [row] = await tx.run(this.q.links.read[label], { id });
    return {
      networkIds: (row?.networkIds as string[] | null) ?? [],
      methodIds: (row?.methodIds as string[] | null) ?? [],
      targetGroupIds: (row?.targetGroupIds as string[] | null) ?? [],
    };
  }
}

/** Applies a patch: absent fields keep their value, `null` clears. */
function merge<T extends object>(current: T, patch: object): T {
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) result[key] = value;
  return result as T;
}


function participationKey(p: Pick<Participation, 'organisationId' | 'targetId' | 'role' | 'validFrom' | 'validTo'>) {
  return [p.organisationId, p.targetId, p.role, p.validFrom, p.validTo].join('|');
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
