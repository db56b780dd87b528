import type { ActivityRecord, OrganisationRecord, ParticipationRecord, ProjectRecord } from '@verkosto/domain';

/**
 * The rights an import needs, row by row: each row is checked as the mutations that would make the
 * same change one by one, with the arguments their access rules look at, plus a read of every
 * stored item the row matched or named. Who may do what stays in one place (the API's rules); the
 * import only says which rule each row falls under.
 */
export type EquivalentMutation =
  | { mutation: 'createOrganisation'; args: Record<string, never> }
  | { mutation: 'updateOrganisation'; args: { id: string } }
  | { mutation: 'createProject'; args: { input: { networkIds: string[] } } }
  | { mutation: 'updateProject'; args: { id: string; input: { networkIds?: string[] } } }
  | { mutation: 'createActivity'; args: { input: { networkIds: string[]; projectId: string | null } } }
  | { mutation: 'updateActivity'; args: { id: string; input: { networkIds?: string[]; projectId?: string | null } } }
  | { mutation: 'addParticipation'; args: { input: { organisationId: string; targetId: string } } }
  | { mutation: 'endParticipation'; args: { id: string } };

/** Reading a stored item (as its query would), or making a change (as its mutation would). */
export type RowCheck = { read: string } | EquivalentMutation;

/** Whether the importing caller passes one check; a row passes when it passes all of its checks. */
export interface ImportRights {
  allows(check: RowCheck): Promise<boolean>;
}

/** For the command line: whoever runs it holds the database itself. */
export const EVERY_RIGHT: ImportRights = { allows: async () => true };

/** One record a row creates or changes, with the fields it changes. */
export type RowWrite =
  | { entity: 'organisations'; record: OrganisationRecord; created: boolean; fields: string[] }
  | { entity: 'projects'; record: ProjectRecord; created: boolean; fields: string[] }
  | { entity: 'activities'; record: ActivityRecord; created: boolean; fields: string[] }
  | { entity: 'participations'; record: ParticipationRecord; created: boolean; fields: string[] };

/** The mutation that would make this write, its arguments copied as they are now (a later row may change the record). */
export function equivalentMutation(write: RowWrite): EquivalentMutation {
  const changes = (field: string) => write.created || write.fields.includes(field);
  switch (write.entity) {
    case 'organisations':
      return write.created ? { mutation: 'createOrganisation', args: {} } : { mutation: 'updateOrganisation', args: { id: write.record.id } };
    case 'projects': {
      const networkIds = [...write.record.networkIds];
      if (write.created) return { mutation: 'createProject', args: { input: { networkIds } } };
      return { mutation: 'updateProject', args: { id: write.record.id, input: changes('networkIds') ? { networkIds } : {} } };
    }
    case 'activities': {
      const { id, networkIds, projectId } = write.record;
      if (write.created) return { mutation: 'createActivity', args: { input: { networkIds: [...networkIds], projectId } } };
      const input = { ...(changes('networkIds') ? { networkIds: [...networkIds] } : {}), ...(changes('projectId') ? { projectId } : {}) };
      return { mutation: 'updateActivity', args: { id, input } };
    }
    case 'participations': {
      const { id, organisationId, targetId } = write.record;
      return write.created ? { mutation: 'addParticipation', args: { input: { organisationId, targetId } } } : { mutation: 'endParticipation', args: { id } };
    }
  }
}

/** The rows refused so far, by rowKey, with the label the row had: a refused row is planned as doing nothing. */
export type RefusedRows = ReadonlyMap<string, string>;

export const rowKey = (sheet: string, line: number) => `${sheet}\u0000${line}`;

/**
 * Plans, checks every row, and plans again without the refused rows until no further row is
 * refused: a row that leant on a refused one (a tie to a project it created) is planned and
 * checked anew. Each distinct check is asked once per import.
 */
export async function planWithRights<P extends { summary: { rows: { sheet: string; line: number; label: string }[] }; checks: RowCheck[][] }>(
  plan: (refused: RefusedRows) => Promise<P>,
  rights: ImportRights,
): Promise<P> {
  const refused = new Map<string, string>();
  const verdicts = new Map<string, Promise<boolean>>();
  const allows = (check: RowCheck) => {
    const key = JSON.stringify(check);
    let verdict = verdicts.get(key);
    if (!verdict) verdicts.set(key, (verdict = rights.allows(check)));
    return verdict;
  };
  for (;;) {
    const planned = await plan(refused);
    let more = false;
    for (const [i, row] of planned.summary.rows.entries()) {
      const key = rowKey(row.sheet, row.line);
      if (refused.has(key)) continue;
      for (const check of planned.checks[i]) {
        if (await allows(check)) continue;
        refused.set(key, row.label);
        more = true;
        break;
      }
    }
    if (!more) return planned;
  }
}
