/** The dated partnership graph of DESIGN §3: node kinds, relationship roles and their shapes. */

export const ORGANISATION_KINDS = ['MUNICIPALITY', 'WELLBEING_COUNTY', 'AUTHORITY', 'EDUCATION', 'PARISH', 'ASSOCIATION', 'FOUNDATION', 'COMPANY', 'OTHER'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SECTORS = ['PUBLIC', 'THIRD', 'PARISH', 'PRIVATE'] as const;
export type Sector = (typeof SECTORS)[number];

/** The sector an organisation of a kind belongs to when none is given. */
export const DEFAULT_SECTOR: Record<OrganisationKind, Sector> = {
  MUNICIPALITY: 'PUBLIC',
  WELLBEING_COUNTY: 'PUBLIC',
  AUTHORITY: 'PUBLIC',
  EDUCATION: 'PUBLIC',
  PARISH: 'PARISH',
  ASSOCIATION: 'THIRD',
  FOUNDATION: 'THIRD',
  COMPANY: 'PRIVATE',
  OTHER: 'THIRD',
};

export const ACTIVITY_TYPES = ['EVENT', 'WORKSHOP', 'PEER_GROUP', 'ROUND_TABLE', 'EXHIBITION', 'TRAINING', 'POP_UP', 'SERVICE', 'COORDINATION_GROUP', 'OTHER'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const PROJECT_ROLES = ['LEAD', 'CO_IMPLEMENTER', 'FUNDER', 'PARTNER', 'STEERING_GROUP'] as const;
export const ACTIVITY_ROLES = ['ORGANISER', 'PARTNER', 'FUNDER', 'VENUE', 'PARTICIPANT'] as const;
export const NETWORK_ROLES = ['MEMBER', 'COORDINATOR', 'BUDGET_HOLDER'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type ActivityRole = (typeof ACTIVITY_ROLES)[number];
export type NetworkRole = (typeof NETWORK_ROLES)[number];
export type ParticipationRole = ProjectRole | ActivityRole | NetworkRole;
export const PARTICIPATION_ROLES = [...new Set<ParticipationRole>([...PROJECT_ROLES, ...ACTIVITY_ROLES, ...NETWORK_ROLES])];

/** What an organisation can take part in; the role set depends on it. */
export const PARTICIPATION_TARGETS = ['PROJECT', 'ACTIVITY', 'NETWORK'] as const;
export type ParticipationTarget = (typeof PARTICIPATION_TARGETS)[number];
export const ROLES_BY_TARGET: Record<ParticipationTarget, readonly ParticipationRole[]> = {
  PROJECT: PROJECT_ROLES,
  ACTIVITY: ACTIVITY_ROLES,
  NETWORK: NETWORK_ROLES,
};

export const VISIBILITIES = ['PUBLIC', 'PRIVATE'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** ISO calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface Organisation extends Stamped {
  name: string;
  kind: OrganisationKind;
  sector: Sector;
  businessId: string | null;
  municipalityCode: string | null;
  website: string | null;
  /** A permanent actor (not itself a project): what rooting counts on. */
  permanent: boolean;
  /** Names of organisations merged into this one, kept as evidence. */
  mergedNames: string[];
  /** What was merged into this one, oldest first: who they were and when they were merged. */
  mergedFrom: MergedOrganisation[];
}

/** The record an organisation keeps of one organisation merged into it. */
export interface MergedOrganisation {
  id: string;
  name: string;
  businessId: string | null;
  /** ISO timestamp of the merge. */
  mergedAt: string;
}

export interface Project extends Stamped {
  code: string | null;
  name: string;
  programme: string | null;
  fund: string | null;
  priorityAxis: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  budget: number | null;
  publicFunding: number | null;
  /** EU and state funding granted (the registry's "Myönnetty EU- ja valtion rahoitus"), euros. */
  grantedFunding: number | null;
  /** EU and state funding paid so far ("Toteutunut EU- ja valtion rahoitus"); negative after recoveries. */
  paidFunding: number | null;
  description: string | null;
  outputs: string | null;
  predecessorId: string | null;
  networkIds: string[];
  methodIds: string[];
  targetGroupIds: string[];
}

export interface Activity extends Stamped {
  name: string;
  type: ActivityType;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  municipalityCode: string | null;
  description: string | null;
  projectId: string | null;
  continuesId: string | null;
  networkIds: string[];
  methodIds: string[];
  targetGroupIds: string[];
}

export interface Network extends Stamped {
  name: string;
  goal: string | null;
  regionCode: string | null;
  visibility: Visibility;
}

/** A vocabulary term (method, target group) with its names in the three UI languages. */
export interface Term {
  id: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
}

export interface Municipality {
  code: string;
  name: string;
  nameSv: string;
  regionCode: string;
}

export interface Region {
  code: string;
  name: string;
  nameSv: string;
}

export interface OperatingModel {
  id: string;
  name: string;
  description: string | null;
}

/**
 * Where a tie comes from: entered by hand (`ref` = who entered it), imported (`ref` = file and row,
 * `kumppanit.xlsx#12`), read from a registry (`ref` = registry and record, `ytj:1234567-8`), or the
 * demo data shipped with the app (`ref` = the seed document).
 */
export const TIE_SOURCE_KINDS = ['MANUAL', 'IMPORT', 'REGISTRY', 'DEMO'] as const;
export type TieSourceKind = (typeof TIE_SOURCE_KINDS)[number];
export interface TieSource {
  kind: TieSourceKind;
  ref: string | null;
}

/** An organisation's dated, role-bearing part in a project, activity or network. */
export interface Participation {
  id: string;
  organisationId: string;
  targetId: string;
  targetKind: ParticipationTarget;
  role: ParticipationRole;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  source: TieSource;
  /** When someone last confirmed the tie still holds (ISO timestamp); null = never since it was imported. */
  confirmedAt: string | null;
}

export interface Adoption {
  organisationId: string;
  operatingModelId: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}
