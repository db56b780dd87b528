import type {
  ActivityType,
  IsoDate,
  OrganisationKind,
  ParticipationRole,
  Sector,
  Term,
  Visibility,
} from './model';

/**
 * A whole network described as plain data, loaded in one transaction: the demo network from the
 * seeds, test fixtures and benchmark data all take this shape. Ids are chosen by the author.
 */
export interface SeedDataset {
  methods?: Term[];
  targetGroups?: Term[];
  organisations: SeedOrganisation[];
  projects: SeedProject[];
  networks: SeedNetwork[];
  activities: SeedActivity[];
  participations: SeedParticipation[];
  operatingModels?: { id: string; name: string; description?: string | null }[];
  adoptions?: { organisationId: string; operatingModelId: string; validFrom?: IsoDate | null; validTo?: IsoDate | null }[];
}

export interface SeedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  sector?: Sector | null;
  businessId?: string | null;
  municipalityCode?: string | null;
  website?: string | null;
  permanent?: boolean | null;
}

export interface SeedProject {
  id: string;
  code?: string | null;
  name: string;
  programme?: string | null;
  fund?: string | null;
  priorityAxis?: string | null;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  budget?: number | null;
  publicFunding?: number | null;
  description?: string | null;
  outputs?: string | null;
  predecessorId?: string | null;
  networkIds?: string[] | null;
  methodIds?: string[] | null;
  targetGroupIds?: string[] | null;
}

export interface SeedNetwork {
  id: string;
  name: string;
  goal?: string | null;
  regionCode?: string | null;
  visibility?: Visibility | null;
}

export interface SeedActivity {
  id: string;
  name: string;
  type: ActivityType;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  municipalityCode?: string | null;
  description?: string | null;
  projectId?: string | null;
  continuesId?: string | null;
  networkIds?: string[] | null;
  methodIds?: string[] | null;
  targetGroupIds?: string[] | null;
}

export interface SeedParticipation {
  /** Optional: generated from the other fields when absent, so a re-load is idempotent. */
  id?: string;
  organisationId: string;
  targetId: string;
  role: ParticipationRole;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
}
