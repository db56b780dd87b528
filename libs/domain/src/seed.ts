import type { ActivityInput, NetworkInput, OrganisationInput, ParticipationInput, ProjectInput } from './inputs';
import type { IsoDate, Term } from './model';

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

/** Dataset rows are the same inputs a user writes, with an id chosen by the author. */
export type SeedOrganisation = OrganisationInput & { id: string };
export type SeedProject = ProjectInput & { id: string };
export type SeedActivity = ActivityInput & { id: string };
export type SeedNetwork = NetworkInput & { id: string };

export interface SeedParticipation extends ParticipationInput {
  /** Optional: generated from the other fields when absent, so a re-load is idempotent. */
  id?: string;
  /** When the source last confirmed the tie (ISO timestamp), if it says. */
  confirmedAt?: string | null;
}
