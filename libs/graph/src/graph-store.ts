import type {
  Activity,
  ActivityInput,
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
  Project,
  ProjectInput,
  Region,
  SeedDataset,
  Sector,
  Term,
} from '@verkosto/domain';

export interface Page<T> {
  items: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface PageArgs {
  search?: string | null;
  first?: number | null;
  after?: string | null;
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

export interface MergeResult {
  organisation: Organisation;
  mergedIds: string[];
  movedRelationships: number;
}

/**
 * The storage port. Every method is one transaction: it validates, checks what it depends on, and
 * writes all or nothing. Errors are DomainErrors (BAD_USER_INPUT, NOT_FOUND, CONFLICT).
 */
export interface GraphStore {
  readonly engine: 'embedded' | 'neo4j';

  getOrganisation(id: string): Promise<Organisation | null>;
  listOrganisations(filter: OrganisationFilter): Promise<Page<Organisation>>;
  createOrganisation(input: OrganisationInput): Promise<Organisation>;
  updateOrganisation(id: string, patch: Patch<OrganisationInput>): Promise<Organisation>;
  deleteOrganisation(id: string): Promise<DeleteResult>;
  mergeOrganisations(keepId: string, mergeIds: string[]): Promise<MergeResult>;

  getProject(id: string): Promise<Project | null>;
  getProjectByCode(code: string): Promise<Project | null>;
  listProjects(filter: PageArgs & { networkId?: string | null }): Promise<Page<Project>>;
  createProject(input: ProjectInput): Promise<Project>;
  updateProject(id: string, patch: Patch<ProjectInput>): Promise<Project>;
  deleteProject(id: string): Promise<DeleteResult>;

  getActivity(id: string): Promise<Activity | null>;
  listActivities(filter: ActivityFilter): Promise<Page<Activity>>;
  createActivity(input: ActivityInput): Promise<Activity>;
  updateActivity(id: string, patch: Patch<ActivityInput>): Promise<Activity>;
  deleteActivity(id: string): Promise<DeleteResult>;

  getNetwork(id: string): Promise<Network | null>;
  listNetworks(filter: PageArgs): Promise<Page<Network>>;
  createNetwork(input: NetworkInput): Promise<Network>;
  updateNetwork(id: string, patch: Patch<NetworkInput>): Promise<Network>;
  deleteNetwork(id: string): Promise<DeleteResult>;

  listParticipations(filter: ParticipationFilter): Promise<Participation[]>;
  addParticipation(input: ParticipationInput): Promise<Participation>;
  endParticipation(id: string, validTo: IsoDate): Promise<Participation>;
  removeParticipation(id: string): Promise<DeleteResult>;
  /** Ends the current coordinator's term the day before `from` and starts `organisationId`'s. */
  setCoordinator(networkId: string, organisationId: string, from: IsoDate): Promise<Participation>;

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

  /** Writes a whole dataset in one transaction; ids already present are refused (CONFLICT). */
  loadDataset(dataset: SeedDataset): Promise<void>;
  /** Seeds the demo network into an empty database once; later starts leave the data alone. */
  seedDemoOnce(dataset: SeedDataset): Promise<boolean>;
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}
