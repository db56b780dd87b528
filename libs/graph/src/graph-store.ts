import type {
  Activity,
  ActivityInput,
  DuplicateGroup,
  Actor,
  Change,
  ChangeTouches,
  BaselinePart,
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
  OrganisationKind,
  Participation,
  ParticipationInput,
  ParticipationRole,
  Patch,
  Person,
  PersonInput,
  Project,
  ProjectInput,
  Region,
  SeedDataset,
  Sector,
  Term,
  TieSource,
} from '@verkosto/domain';

export interface Page<T> {
  items: T[];
  /** Null when the caller asked for the page without it (`withTotal: false`). */
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface PageArgs {
  search?: string | null;
  first?: number | null;
  after?: string | null;
  /** Ids left out of the page and its count: what the caller may not read. */
  excludeIds?: ReadonlySet<string> | null;
  /** False skips counting every match, the costly part of a small page; totalCount is then null. */
  withTotal?: boolean;
}

export interface OrganisationFilter extends PageArgs {
  kind?: OrganisationKind | null;
  sector?: Sector | null;
  municipalityCode?: string | null;
}

export interface ActivityFilter extends PageArgs {
  projectId?: string | null;
  networkId?: string | null;
  /** Activities running on this date. */
  activeAt?: IsoDate | null;
}

export interface ParticipationFilter {
  organisationId?: string | null;
  targetId?: string | null;
  role?: ParticipationRole | null;
  /** Only participations valid on this date. */
  activeAt?: IsoDate | null;
}

/** What the map and the analytics are drawn from. */
export type GraphScope = { networkId: string } | { projectId: string } | { all: true };

export interface SearchHit {
  id: string;
  kind: 'ORGANISATION' | 'PROJECT' | 'ACTIVITY' | 'NETWORK';
  label: string;
}

export interface DeleteResult {
  id: string;
  /** Participations and links removed with it. */
  removedRelationships: number;
}

/** What deleting an item would take with it, by kind of relationship (nothing is deleted). */
export interface DeletionImpact {
  id: string;
  kind: SearchHit['kind'];
  name: string;
  /** An organisation's participations, or the participants of a project, activity or network. */
  participations: number;
  /** Activities running under the project, or the activity's link to its project. */
  activityLinks: number;
  /** Links to earlier and later projects or activities in the series. */
  continuationLinks: number;
  /** Links between networks and the projects and activities in them. */
  networkLinks: number;
  /** Operating models the organisation adopted. */
  adoptions: number;
  /** Location, methods and target groups. */
  otherLinks: number;
  /** All of the above: what the delete mutation will report. */
  removedRelationships: number;
}

export interface RestoreOptions {
  /** Replace what the database holds (otherwise only into an empty one). */
  replace?: boolean;
  /** Backup keys of other instances whose files to accept (moving to a new machine). */
  keys?: string[];
  /** Accept a file no key can check (an earlier release's); never one changed after signing with a known key. */
  trustUnsigned?: boolean;
}

/** What a restore wrote: rows per table (a relationship type sums its pairs). */
export interface RestoreReport {
  rows: Record<string, number>;
  total: number;
  /** True when the database held data that the restore replaced. */
  replaced: boolean;
}

export interface MergeResult {
  organisation: Organisation;
  mergedIds: string[];
  movedRelationships: number;
}

/** Changes about one entity or one network (exactly one of the two), in a window of days, newest first. */
export interface ChangeFilter {
  entityId?: string | null;
  networkId?: string | null;
  /** First day included. */
  from?: IsoDate | null;
  /** Last day included. */
  to?: IsoDate | null;
  first?: number | null;
  after?: string | null;
  /**
   * The caller's history rule (mayReadChange): given a batch of what changes touch, the test for
   * each. Changes it refuses are left out of the page and of the count.
   */
  readable?: ((batch: readonly ChangeTouches[]) => Promise<(change: ChangeTouches) => boolean>) | null;
  /** False when nobody asked for totalCount: it is then not counted (null). */
  withTotal?: boolean;
}

/** Where a bulk load came from: named in its change, and the source of ties that bring none. */
export interface LoadOrigin {
  /** A file name or a description: "kumppanit.xlsx", "demo data". */
  label: string;
  source: TieSource;
}

/** Everything held about a named person, for a request to see it (GDPR art. 15). */
export interface PersonExport {
  exportedAt: string;
  person: Person;
  organisation: { id: string; name: string } | null;
  /** The recorded changes that set or mention them. */
  changes: Change[];
}

export interface EraseResult {
  id: string;
  /** Recorded changes from which the person's data was removed. */
  scrubbedChanges: number;
}

/** Where an import stands while the store works: reading what exists, or writing (records done of all). */
export type ImportStep = { step: 'reading' } | { step: 'writing'; done: number; total: number };

export interface ApplyOptions {
  /** Read and plan only; nothing is written. */
  dryRun?: boolean;
  /** What the recorded change calls the import, e.g. the file name. */
  label?: string;
  onProgress?: (progress: ImportStep) => void;
}

/** An update names the `updatedAt` its client read; a newer one stored refuses it with CONFLICT. */
export interface UpdateOptions {
  expectedUpdatedAt?: string | null;
}

/**
 * The storage port. Every method is one transaction: it validates, checks what it depends on, and
 * writes all or nothing. Errors are DomainErrors (BAD_USER_INPUT, NOT_FOUND, CONFLICT).
 * Every write names its `actor` and records one Change in the same transaction (the history).
 */
export interface GraphStore {
  readonly engine: 'embedded' | 'neo4j';
  /** Changes with every committed graph write, in this process or any other on the same database. */
  graphVersion(): Promise<string>;
  /** Changes with every committed write that may change which networks an item is in (less often). */
  belongingVersion(): Promise<string>;

  getOrganisation(id: string): Promise<Organisation | null>;
  listOrganisations(filter: OrganisationFilter): Promise<Page<Organisation>>;
  createOrganisation(input: OrganisationInput, actor: Actor): Promise<Organisation>;
  updateOrganisation(id: string, patch: Patch<OrganisationInput>, actor: Actor, options?: UpdateOptions): Promise<Organisation>;
  deleteOrganisation(id: string, actor: Actor): Promise<DeleteResult>;
  mergeOrganisations(keepId: string, mergeIds: string[], actor: Actor): Promise<MergeResult>;
  /** Groups of organisations sharing a business ID, or else a normalised name (see likelyDuplicates). */
  listDuplicateOrganisations(args: Pick<PageArgs, 'first' | 'after'>): Promise<Page<DuplicateGroup<Organisation>>>;
  /** What deleting the organisation, project, activity or network with this id would remove. */
  deletionImpact(id: string): Promise<DeletionImpact>;

  getProject(id: string): Promise<Project | null>;
  getProjectByCode(code: string): Promise<Project | null>;
  listProjects(filter: PageArgs & { networkId?: string | null }): Promise<Page<Project>>;
  createProject(input: ProjectInput, actor: Actor): Promise<Project>;
  updateProject(id: string, patch: Patch<ProjectInput>, actor: Actor, options?: UpdateOptions): Promise<Project>;
  deleteProject(id: string, actor: Actor): Promise<DeleteResult>;

  getActivity(id: string): Promise<Activity | null>;
  listActivities(filter: ActivityFilter): Promise<Page<Activity>>;
  createActivity(input: ActivityInput, actor: Actor): Promise<Activity>;
  updateActivity(id: string, patch: Patch<ActivityInput>, actor: Actor, options?: UpdateOptions): Promise<Activity>;
  deleteActivity(id: string, actor: Actor): Promise<DeleteResult>;

  getNetwork(id: string): Promise<Network | null>;
  listNetworks(filter: PageArgs): Promise<Page<Network>>;
  createNetwork(input: NetworkInput, actor: Actor): Promise<Network>;
  updateNetwork(id: string, patch: Patch<NetworkInput>, actor: Actor, options?: UpdateOptions): Promise<Network>;
  deleteNetwork(id: string, actor: Actor): Promise<DeleteResult>;

  listParticipations(filter: ParticipationFilter): Promise<Participation[]>;
  /** Each organisation's participations (active on `activeAt`, when given) in one read: a page of organisations asks for all of theirs at once. */
  participationsOfOrganisations(organisationIds: string[], activeAt?: IsoDate | null): Promise<Map<string, Participation[]>>;
  addParticipation(input: ParticipationInput, actor: Actor): Promise<Participation>;
  endParticipation(id: string, validTo: IsoDate, actor: Actor): Promise<Participation>;
  removeParticipation(id: string, actor: Actor): Promise<DeleteResult>;
  /** Ends the current coordinator's term the day before `from` and starts `organisationId`'s. */
  setCoordinator(networkId: string, organisationId: string, from: IsoDate, actor: Actor): Promise<Participation>;
  /** Records that the tie was checked and still holds (sets confirmedAt to now). */
  confirmParticipation(id: string, actor: Actor): Promise<Participation>;

  getPerson(id: string): Promise<Person | null>;
  listPersons(organisationId: string): Promise<Person[]>;
  /** Only with a recorded consent (validatePerson). */
  createPerson(input: PersonInput, actor: Actor): Promise<Person>;
  updatePerson(id: string, patch: Patch<PersonInput>, actor: Actor, options?: UpdateOptions): Promise<Person>;
  exportPerson(id: string): Promise<PersonExport>;
  /** Deletes the person and removes their data from the recorded changes, keeping the records. */
  erasePerson(id: string, actor: Actor): Promise<EraseResult>;

  getChange(id: string): Promise<Change | null>;
  listChanges(filter: ChangeFilter): Promise<Page<Change>>;
  /**
   * Puts back the state before the change when no later change depends on it (CONFLICT naming them
   * otherwise); the undo is recorded as a change too.
   */
  undoChange(id: string, actor: Actor): Promise<Change>;

  /**
   * The whole dated history of a scope. It may be shared with other callers until the next write
   * (the embedded store keeps it, frozen): read it, never change it.
   */
  snapshot(scope: GraphScope): Promise<GraphSnapshot>;
  search(text: string, limit?: number): Promise<SearchHit[]>;

  municipalities(): Promise<Municipality[]>;
  regions(): Promise<Region[]>;
  methods(): Promise<Term[]>;
  targetGroups(): Promise<Term[]>;
  operatingModels(): Promise<OperatingModel[]>;

  /**
   * An import's one transaction: reads the `parts` of the graph that `plan` matches against, lets it
   * decide, and writes the changes it returns — all of them, or nothing. Without `dryRun` the read,
   * the plan and the write happen under the write lock, so nothing changes in between.
   */
  applyChanges<T>(parts: BaselinePart[], plan: (baseline: GraphBaseline) => Promise<{ changes: GraphChanges; result: T }>, actor: Actor, options?: ApplyOptions): Promise<T>;

  /** Writes a whole dataset in one transaction, recorded as one change; ids already present are refused (CONFLICT). */
  loadDataset(dataset: SeedDataset, actor: Actor, origin?: LoadOrigin): Promise<void>;
  /** Seeds the demo network into an empty database once (as the system actor); later starts leave the data alone. */
  seedDemoOnce(dataset: SeedDataset): Promise<boolean>;
  counts(): Promise<Record<string, number>>;
  /** The full backup file of every table (backup.ts): deterministic, read in one transaction, signed with the backup key. */
  backup(): Promise<string>;
  /**
   * Restores a backup file, all or nothing. Only into a database holding nothing but reference
   * data (CONFLICT otherwise) unless `replace`, which replaces everything; a damaged or foreign
   * file, or one of another schema version, is refused (BAD_USER_INPUT), one changed after it was
   * signed (BACKUP_TAMPERED) or signed by no key given (BACKUP_UNVERIFIED, unless trustUnsigned)
   * too, and nothing changes.
   */
  restore(file: string, options?: RestoreOptions): Promise<RestoreReport>;
  /** The key this instance signs its backups with (BACKUP_KEY, or its own kept beside the data). */
  backupKey(): Promise<string>;
  close(): Promise<void>;
}
