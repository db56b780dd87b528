import type { ActivityType, IsoDate, OrganisationKind, ParticipationRole, Sector, TieSourceKind, Visibility } from './model';

/** What a user may write. On update every field is optional and `null` clears it. */
export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  sector?: Sector | null;
  businessId?: string | null;
  municipalityCode?: string | null;
  website?: string | null;
  permanent?: boolean | null;
}

export interface ProjectInput {
  code?: string | null;
  name: string;
  programme?: string | null;
  fund?: string | null;
  priorityAxis?: string | null;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  budget?: number | null;
  publicFunding?: number | null;
  grantedFunding?: number | null;
  paidFunding?: number | null;
  description?: string | null;
  outputs?: string | null;
  predecessorId?: string | null;
  networkIds?: string[] | null;
  methodIds?: string[] | null;
  targetGroupIds?: string[] | null;
}

export interface ActivityInput {
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

export interface NetworkInput {
  name: string;
  goal?: string | null;
  regionCode?: string | null;
  visibility?: Visibility | null;
}

export interface ParticipationInput {
  organisationId: string;
  targetId: string;
  role: ParticipationRole;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
  /** Absent: entered by hand by whoever makes the change. */
  source?: { kind: TieSourceKind; ref?: string | null } | null;
}

export type Patch<T> = { [K in keyof T]?: T[K] | null };
