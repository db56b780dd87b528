/**
 * Who may read a recorded change (issue 12): one rule for every history read — the history of an
 * item or a network, one change by id, a person's export, the record an undo returns.
 */
import type { Change, ChangeEffect, JsonObject } from './history';

/** What a change touches: the rule looks at these alone, so lists can be filtered and counted from them. */
export type ChangeTouches = Pick<Change, 'entityIds' | 'refIds' | 'networkIds'>;

/** The caller's rights as the rule needs them, worked out for a batch of changes beforehand. */
export interface HistoryRights {
  /** May read the item: false for one every network of which is private to the caller. */
  reads(id: string): boolean;
  /** May run reports on the network: public, or EVALUATOR and above in a private one. */
  reportsOn(networkId: string): boolean;
  /** Keeps the organisation's data, so may see its named persons' emails and consent texts. */
  keepsPeopleOf(organisationId: string): boolean;
}

/**
 * A change is readable by those who may report on every network it was recorded in and may read
 * every item it set or refers to; one private item among them hides the whole record.
 */
export function mayReadChange(change: ChangeTouches, rights: HistoryRights): boolean {
  return change.networkIds.every((n) => rights.reportsOn(n)) && [...change.entityIds, ...change.refIds].every((id) => rights.reads(id));
}

/** A person's fields only those who keep their organisation's data see. */
const KEPT_PERSON_FIELDS = ['email', 'consentText'];

/** The organisations of the persons a batch of changes records, whose keepers `keepsPeopleOf` is asked about. */
export function personOrganisationIds(changes: readonly { effects?: ChangeEffect[] }[]): string[] {
  const ids = changes.flatMap((c) => (c.effects ?? []).filter((e) => e.kind === 'PERSON').flatMap((e) => [e.before, e.after]));
  return [...new Set(ids.map((state) => state?.organisationId).filter((id): id is string => typeof id === 'string'))];
}

/** The change with each person's email and consent text left out where the caller does not keep the person's organisation. */
export function withPersonsFor(change: Change, rights: HistoryRights): Change {
  const shown = (state: JsonObject | null): JsonObject | null => {
    if (!state || typeof state.organisationId !== 'string' || rights.keepsPeopleOf(state.organisationId)) return state;
    return Object.fromEntries(Object.entries(state).filter(([key]) => !KEPT_PERSON_FIELDS.includes(key)));
  };
  if (!change.effects.some((e) => e.kind === 'PERSON')) return change;
  return { ...change, effects: change.effects.map((e) => (e.kind === 'PERSON' ? { ...e, before: shown(e.before), after: shown(e.after) } : e)) };
}
