import type { Activity, Network, Organisation, Participation, Project } from './model';

/**
 * The shapes an import plans with: what the graph holds now (the baseline it is matched against)
 * and the writes it decided (applied by the store in one transaction). Plain data, no I/O.
 */

/** Links of a project or an activity to networks and vocabulary. */
export interface ItemLinks {
  networkIds: string[];
  methodIds: string[];
  targetGroupIds: string[];
}

export type OrganisationRecord = Omit<Organisation, 'createdAt' | 'updatedAt' | 'mergedFrom'>;
export type ProjectRecord = Omit<Project, 'createdAt' | 'updatedAt'> & ItemLinks;
export type ActivityRecord = Omit<Activity, 'createdAt' | 'updatedAt'> & ItemLinks;
export type NetworkRecord = Omit<Network, 'createdAt' | 'updatedAt'>;
/** A tie with where it came from, e.g. IMPORT "kumppanit.xlsx#row 4" or REGISTRY "lista.csv#S10324"; an import leaves its confirmation alone. */
export type ParticipationRecord = Omit<Participation, 'confirmedAt'>;

/** What exists, read once per import. Only the parts a plan asks for are filled; the rest are empty. */
export interface GraphBaseline {
  organisations: OrganisationRecord[];
  projects: ProjectRecord[];
  activities: ActivityRecord[];
  networks: NetworkRecord[];
  participations: ParticipationRecord[];
}
export type BaselinePart = keyof GraphBaseline;

/** An update carries the whole new record and the fields that differ, so links are rewritten only when they changed. */
export interface RecordUpdate<T> {
  record: T;
  changed: (keyof T & string)[];
}

export interface RecordChanges<T> {
  create: T[];
  update: RecordUpdate<T>[];
}

/** The writes of one import. Created records carry stable ids chosen by the planner. */
export interface GraphChanges {
  organisations: RecordChanges<OrganisationRecord>;
  projects: RecordChanges<ProjectRecord>;
  activities: RecordChanges<ActivityRecord>;
  participations: RecordChanges<ParticipationRecord>;
}

export function noChanges(): GraphChanges {
  return {
    organisations: { create: [], update: [] },
    projects: { create: [], update: [] },
    activities: { create: [], update: [] },
    participations: { create: [], update: [] },
  };
}

export function emptyBaseline(): GraphBaseline {
  return { organisations: [], projects: [], activities: [], networks: [], participations: [] };
}
