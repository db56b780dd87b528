import type {
  Activity,
  ActivityInput,
  Actor,
  BaselinePart,
  Change,
  DuplicateGroup,
  GraphBaseline,
  GraphChanges,
  GraphSnapshot,
  IsoDate,
  Municipality,
  Network,
  NetworkInput,
  OperatingModel,
  Organisation,
  OrganisationInput,
  Participation,
  ParticipationInput,
  Patch,
  Person,
  PersonInput,
  Project,
  ProjectInput,
  Region,
  SeedDataset,
  Term,
} from '@verkosto/domain';
import type { StorageEngine } from '../engine/engine';
import type {
  ActivityFilter,
  ApplyOptions,
  ChangeFilter,
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
  RestoreOptions,
  RestoreReport,
  SearchHit,
  UpdateOptions,
} from '../graph-store';
import { Activities } from './activities';
import { BackupRestore } from './backup-restore';
import { Bulk } from './bulk';
import { Deletion } from './deletion';
import { GraphReads } from './graph-reads';
import { History } from './history';
import { HistoryRecords } from './history-records';
import { Networks } from './networks';
import { Organisations } from './organisations';
import { Participations } from './participations';
import { Persons } from './persons';
import { Projects } from './projects';
import type { Queries } from './queries';
import { StoreContext } from './store-context';

/**
 * The one GraphStore implementation: shared Cypher over whichever engine it is given. Every write
 * records one Change in its own transaction (`StoreContext.recorded`), so a change and its record
 * land together or not at all. This class only hands each call to the unit that holds it: one per
 * aggregate or concern, all over one StoreContext.
 */
export class CypherGraphStore implements GraphStore {
  readonly engine: 'embedded' | 'neo4j';
  readonly q: Queries;
  /** The engine with every write setting a new graph version (bench/queries.bench.ts reads through it). */
  private readonly db: StorageEngine;
  private readonly ctx: StoreContext;
  private readonly organisations: Organisations;
  private readonly projects: Projects;
  private readonly activities: Activities;
  private readonly networks: Networks;
  private readonly participations: Participations;
  private readonly persons: Persons;
  private readonly deletion: Deletion;
  private readonly history: History;
  private readonly graphReads: GraphReads;
  private readonly bulk: Bulk;
  private readonly backups: BackupRestore;

  constructor(engine: StorageEngine, options: { backupKey?: string | null } = {}) {
    this.engine = engine.name;
    const ctx = new StoreContext(engine);
    this.ctx = ctx;
    this.q = ctx.q;
    this.db = ctx.db;
    const records = new HistoryRecords(ctx);
    this.participations = new Participations(ctx, records);
    this.organisations = new Organisations(ctx, records, this.participations);
    this.projects = new Projects(ctx, records);
    this.activities = new Activities(ctx, records);
    this.networks = new Networks(ctx, records);
    this.persons = new Persons(ctx, records, this.organisations);
    this.deletion = new Deletion(ctx, records);
    this.history = new History(ctx, records, {
      organisations: this.organisations,
      projects: this.projects,
      activities: this.activities,
      networks: this.networks,
      participations: this.participations,
      persons: this.persons,
    });
    this.graphReads = new GraphReads(ctx, this.projects, this.networks);
    this.bulk = new Bulk(ctx, this.graphReads);
    this.backups = new BackupRestore(ctx, options.backupKey ?? null);
  }

  graphVersion(): Promise<string> {
    return this.ctx.graphVersion();
  }
  belongingVersion(): Promise<string> {
    return this.ctx.belongingVersion();
  }

  // ── organisations ──────────────────────────────────────────────────────────────────────────

  getOrganisation(id: string): Promise<Organisation | null> {
    return this.organisations.getOrganisation(id);
  }
  listOrganisations(filter: OrganisationFilter): Promise<Page<Organisation>> {
    return this.organisations.listOrganisations(filter);
  }
  createOrganisation(input: OrganisationInput, actor: Actor): Promise<Organisation> {
    return this.organisations.createOrganisation(input, actor);
  }
  updateOrganisation(id: string, patch: Patch<OrganisationInput>, actor: Actor, options?: UpdateOptions): Promise<Organisation> {
    return this.organisations.updateOrganisation(id, patch, actor, options);
  }
  deleteOrganisation(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deletion.deleteItem('Organisation', id, actor);
  }
  mergeOrganisations(keepId: string, mergeIds: string[], actor: Actor): Promise<MergeResult> {
    return this.organisations.mergeOrganisations(keepId, mergeIds, actor);
  }
  listDuplicateOrganisations(args: Pick<PageArgs, 'first' | 'after'>): Promise<Page<DuplicateGroup<Organisation>>> {
    return this.organisations.listDuplicateOrganisations(args);
  }
  deletionImpact(id: string): Promise<DeletionImpact> {
    return this.deletion.deletionImpact(id);
  }

  // ── projects ───────────────────────────────────────────────────────────────────────────────

  getProject(id: string): Promise<Project | null> {
    return this.projects.getProject(id);
  }
  getProjectByCode(code: string): Promise<Project | null> {
    return this.projects.getProjectByCode(code);
  }
  listProjects(filter: PageArgs & { networkId?: string | null }): Promise<Page<Project>> {
    return this.projects.listProjects(filter);
  }
  createProject(input: ProjectInput, actor: Actor): Promise<Project> {
    return this.projects.createProject(input, actor);
  }
  updateProject(id: string, patch: Patch<ProjectInput>, actor: Actor, options?: UpdateOptions): Promise<Project> {
    return this.projects.updateProject(id, patch, actor, options);
  }
  deleteProject(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deletion.deleteItem('Project', id, actor);
  }

  // ── activities ─────────────────────────────────────────────────────────────────────────────

  getActivity(id: string): Promise<Activity | null> {
    return this.activities.getActivity(id);
  }
  listActivities(filter: ActivityFilter): Promise<Page<Activity>> {
    return this.activities.listActivities(filter);
  }
  createActivity(input: ActivityInput, actor: Actor): Promise<Activity> {
    return this.activities.createActivity(input, actor);
  }
  updateActivity(id: string, patch: Patch<ActivityInput>, actor: Actor, options?: UpdateOptions): Promise<Activity> {
    return this.activities.updateActivity(id, patch, actor, options);
  }
  deleteActivity(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deletion.deleteItem('Activity', id, actor);
  }

  // ── networks ───────────────────────────────────────────────────────────────────────────────

  getNetwork(id: string): Promise<Network | null> {
    return this.networks.getNetwork(id);
  }
  listNetworks(filter: PageArgs): Promise<Page<Network>> {
    return this.networks.listNetworks(filter);
  }
  createNetwork(input: NetworkInput, actor: Actor): Promise<Network> {
    return this.networks.createNetwork(input, actor);
  }
  updateNetwork(id: string, patch: Patch<NetworkInput>, actor: Actor, options?: UpdateOptions): Promise<Network> {
    return this.networks.updateNetwork(id, patch, actor, options);
  }
  deleteNetwork(id: string, actor: Actor): Promise<DeleteResult> {
    return this.deletion.deleteItem('Network', id, actor);
  }

  // ── participations ─────────────────────────────────────────────────────────────────────────

  listParticipations(filter: ParticipationFilter): Promise<Participation[]> {
    return this.participations.listParticipations(filter);
  }

  participationsOfOrganisations(organisationIds: string[], activeAt?: IsoDate | null): Promise<Map<string, Participation[]>> {
    return this.participations.participationsOfOrganisations(organisationIds, activeAt);
  }
  addParticipation(input: ParticipationInput, actor: Actor): Promise<Participation> {
    return this.participations.addParticipation(input, actor);
  }
  endParticipation(id: string, validTo: IsoDate, actor: Actor): Promise<Participation> {
    return this.participations.endParticipation(id, validTo, actor);
  }
  confirmParticipation(id: string, actor: Actor): Promise<Participation> {
    return this.participations.confirmParticipation(id, actor);
  }
  removeParticipation(id: string, actor: Actor): Promise<DeleteResult> {
    return this.participations.removeParticipation(id, actor);
  }
  setCoordinator(networkId: string, organisationId: string, from: IsoDate, actor: Actor): Promise<Participation> {
    return this.participations.setCoordinator(networkId, organisationId, from, actor);
  }

  // ── named persons ──────────────────────────────────────────────────────────────────────────

  getPerson(id: string): Promise<Person | null> {
    return this.persons.getPerson(id);
  }
  listPersons(organisationId: string): Promise<Person[]> {
    return this.persons.listPersons(organisationId);
  }
  createPerson(input: PersonInput, actor: Actor): Promise<Person> {
    return this.persons.createPerson(input, actor);
  }
  updatePerson(id: string, patch: Patch<PersonInput>, actor: Actor, options?: UpdateOptions): Promise<Person> {
    return this.persons.updatePerson(id, patch, actor, options);
  }
  exportPerson(id: string): Promise<PersonExport> {
    return this.persons.exportPerson(id);
  }
  erasePerson(id: string, actor: Actor): Promise<EraseResult> {
    return this.persons.erasePerson(id, actor);
  }

  // ── history ────────────────────────────────────────────────────────────────────────────────

  getChange(id: string): Promise<Change | null> {
    return this.history.getChange(id);
  }
  listChanges(filter: ChangeFilter): Promise<Page<Change>> {
    return this.history.listChanges(filter);
  }
  undoChange(id: string, actor: Actor): Promise<Change> {
    return this.history.undoChange(id, actor);
  }

  // ── graph, search, reference data ─────────────────────────────────────────────────────────

  snapshot(scope: GraphScope): Promise<GraphSnapshot> {
    return this.graphReads.snapshot(scope);
  }
  search(text: string, limit?: number): Promise<SearchHit[]> {
    return this.graphReads.search(text, limit);
  }
  municipalities(): Promise<Municipality[]> {
    return this.graphReads.municipalities();
  }
  regions(): Promise<Region[]> {
    return this.graphReads.regions();
  }
  methods(): Promise<Term[]> {
    return this.graphReads.methods();
  }
  targetGroups(): Promise<Term[]> {
    return this.graphReads.targetGroups();
  }
  operatingModels(): Promise<OperatingModel[]> {
    return this.graphReads.operatingModels();
  }

  // ── bulk ───────────────────────────────────────────────────────────────────────────────────

  loadDataset(dataset: SeedDataset, actor: Actor, origin?: LoadOrigin): Promise<void> {
    return this.bulk.loadDataset(dataset, actor, origin);
  }
  applyChanges<T>(parts: BaselinePart[], plan: (baseline: GraphBaseline) => Promise<{ changes: GraphChanges; result: T }>, actor: Actor, options?: ApplyOptions): Promise<T> {
    return this.bulk.applyChanges(parts, plan, actor, options);
  }
  seedDemoOnce(dataset: SeedDataset): Promise<boolean> {
    return this.bulk.seedDemoOnce(dataset);
  }
  counts(): Promise<Record<string, number>> {
    return this.bulk.counts();
  }

  // ── backup and restore ─────────────────────────────────────────────────────────────────────

  backup(): Promise<string> {
    return this.backups.backup();
  }
  restore(file: string, options?: RestoreOptions): Promise<RestoreReport> {
    return this.backups.restore(file, options);
  }
  backupKey(): Promise<string> {
    return this.backups.backupKey();
  }

  async close(): Promise<void> {
    return this.db.close();
  }
}
