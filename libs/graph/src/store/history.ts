/** The change history: reading it, and undoing a change when nothing recorded later depends on it. */
import {
  badInput,
  checkDate,
  conflict,
  DomainError,
  FINAL_OPERATIONS,
  notFound,
  overlaps,
  validateActivity,
  validateNetwork,
  validateOrganisation,
  validatePerson,
  validateProject,
  type ActivityInput,
  type Actor,
  type Change,
  type ChangeEffect,
  type JsonObject,
  type MergedOrganisation,
  type NetworkInput,
  type OrganisationInput,
  type Participation,
  type PersonInput,
  type ProjectInput,
} from '@verkosto/domain';
import type { EngineTx } from '../engine/engine';
import type { ChangeFilter, Page } from '../graph-store';
import type { Activities } from './activities';
import { ChangeLog, dependentsOf, describeChange, reversed, sameState } from './change-log';
import type { HistoryRecords } from './history-records';
import type { Networks } from './networks';
import { asAdoptions, type Organisations } from './organisations';
import { decodeCursor, encodeCursor, pageSize } from './paging';
import { participationParams, type Participations } from './participations';
import type { Persons } from './persons';
import type { Projects } from './projects';
import type { Queries } from './queries';
import { strs, toChange } from './rows';
import { KIND_OF_LABEL, LABEL_OF_TARGET, addDays, now, type ItemLabel, type StoreContext } from './store-context';

export function withoutSortKey(change: Change & { sortKey?: string }): Change {
  const { sortKey: _cursor, ...rest } = change;
  return rest;
}

/** The units whose writes an undo runs to put a recorded state back. */
export interface Writers {
  organisations: Organisations;
  projects: Projects;
  activities: Activities;
  networks: Networks;
  participations: Participations;
  persons: Persons;
}

export class History {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
    private readonly writers: Writers,
  ) {
    this.q = ctx.q;
  }

  async getChange(id: string): Promise<Change | null> {
    const [row] = await this.ctx.db.read(this.q.change.get, { id });
    return row ? withoutSortKey(toChange(row)) : null;
  }

  async listChanges(filter: ChangeFilter): Promise<Page<Change>> {
    if (!filter.entityId === !filter.networkId) {
      throw badInput('Give exactly one of entityId and networkId.', { field: filter.entityId ? 'networkId' : 'entityId' });
    }
    const from = checkDate(filter.from, 'from');
    const to = checkDate(filter.to, 'to');
    if (from && to && to < from) throw badInput(`The end date ${to} is before the start date ${from}.`, { field: 'to' });
    const first = pageSize(filter.first);
    const params = {
      entity: filter.entityId ?? null,
      network: filter.networkId ?? null,
      from,
      until: to ? addDays(to, 1) : null, // `to` is the last day included
    };
    const [rows, totalCount] = await Promise.all([this.readablePage(params, filter, first), this.countReadable(params, filter)]);
    const items = rows.slice(0, first);
    const last = items[items.length - 1];
    return {
      items: items.map(withoutSortKey),
      totalCount,
      endCursor: last ? encodeCursor(last.sortKey) : null,
      hasNextPage: rows.length > first,
    };
  }

  /** Up to first + 1 changes the caller may read, reading on when refused ones took their place. */
  private async readablePage(params: Record<string, unknown>, filter: ChangeFilter, first: number) {
    const found: (Change & { sortKey: string })[] = [];
    let after = filter.after ? decodeCursor(filter.after) : null;
    // Read a little ahead when some may be refused, so a page seldom takes two round trips.
    const wanted = filter.readable ? Math.max(first + 1, 50) : first + 1;
    for (;;) {
      const batch = (await this.ctx.db.read(this.q.change.list, { ...params, after, limit: wanted })).map(toChange);
      const readable = filter.readable ? await filter.readable(batch) : () => true;
      found.push(...batch.filter(readable));
      if (found.length > first || batch.length < wanted) return found;
      after = batch[batch.length - 1].sortKey;
    }
  }

  private async countReadable(params: Record<string, unknown>, filter: ChangeFilter): Promise<number | null> {
    if (filter.withTotal === false) return null;
    if (!filter.readable) return Number((await this.ctx.db.read(this.q.change.count, { ...params, after: null }))[0].n);
    const touches = (await this.ctx.db.read(this.q.change.touches, { ...params, after: null })).map((row) => ({
      entityIds: strs(row.entityIds),
      refIds: strs(row.refIds),
      networkIds: strs(row.networkIds),
    }));
    return touches.filter(await filter.readable(touches)).length;
  }

  /**
   * Puts back the state before a change, when nothing recorded later depends on it, and records
   * the undo as a change of its own (which can in turn be undone).
   */
  async undoChange(id: string, actor: Actor): Promise<Change> {
    return this.ctx.db.write(async (tx) => {
      const [row] = await tx.run(this.q.change.get, { id });
      if (!row) throw notFound('Change', id);
      const change = toChange(row);
      if (change.undoneBy) throw conflict(`This change was already undone (change ${change.undoneBy}).`, { undoneBy: change.undoneBy });
      if (FINAL_OPERATIONS.includes(change.operation)) {
        throw conflict(
          change.operation === 'LOAD'
            ? 'A data load is not undone as a whole: change or delete what it brought one item at a time.'
            : 'An erasure is final: the erased data is no longer held anywhere.',
        );
      }
      const ids = change.entityIds; // every created entity is among them
      const later = ids.length ? (await tx.run(this.q.change.touchingSince, { ids, since: change.sortKey })).map(toChange) : [];
      const dependents = dependentsOf(change, later);
      if (dependents.length > 0) {
        throw conflict(
          `Later changes depend on this one: ${dependents.slice(0, 3).map(describeChange).join('; ')}${dependents.length > 3 ? ` and ${dependents.length - 3} more` : ''}. Undo those first.`,
          {
            dependents: dependents.map(({ id: d, operation, entityKind, entityId, label, at, actor: by }) => ({
              id: d,
              operation,
              entityKind,
              entityId,
              label,
              at,
              actor: by.email ?? by.id,
            })),
          },
        );
      }
      const effects = reversed(change);
      try {
        await this.checkUndo(tx, effects);
        for (const e of effects) await this.applyState(tx, e);
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'CONFLICT') {
          throw conflict(`This change can't be undone: ${error.message}`, error.details);
        }
        throw error;
      }
      const log = new ChangeLog().about('UNDO', change.entityKind, change.entityId, change.label);
      log.undoOf = change.id;
      for (const e of effects) log.add(e, []);
      log.addNetworks(change.networkIds);
      const undo = await this.ctx.saveChange(tx, log, actor);
      await tx.run(this.q.change.markUndone, { id: change.id, undoneBy: undo.id });
      return undo;
    });
  }

  /**
   * Every read an undo needs, before its first write (H10): each entity is as the change left it,
   * and every tie to put back has its organisation and target and does not clash with another.
   */
  private async checkUndo(tx: EngineTx, effects: ChangeEffect[]) {
    const restored = new Set(effects.filter((e) => e.before === null && e.after !== null).map((e) => e.id));
    const removed = new Set(effects.filter((e) => e.after === null).map((e) => e.id));
    const checked = new Set<string>();
    for (const e of effects) {
      if (checked.has(e.id)) continue;
      checked.add(e.id);
      const current = await this.records.stateOf(tx, e.kind, e.id);
      const name = String(e.before?.name ?? e.after?.name ?? e.id);
      if (e.before === null && current) throw conflict(`"${name}" exists again, so it can't be put back.`);
      if (e.before !== null && !current) throw conflict(`"${name}" no longer exists.`);
      if (e.before !== null && current && !sameState(current, e.before)) {
        throw conflict(`"${name}" has been changed since in a way the history does not show.`);
      }
      if (e.kind !== 'PARTICIPATION' || e.before !== null || e.after === null) continue;
      const tie = e.after as unknown as Participation;
      for (const [label, id] of [
        ['Organisation', tie.organisationId],
        [LABEL_OF_TARGET[tie.targetKind], tie.targetId],
      ] as const) {
        const [row] = await tx.run(this.q.nameOf[label], { id });
        if (!row && !restored.has(id)) throw conflict(`The ${label.toLowerCase()} "${id}" of the tie no longer exists.`);
      }
      const clash = (await this.ctx.participationsOf(tx, tie.organisationId)).find(
        (p) => !removed.has(p.id) && p.targetId === tie.targetId && p.role === tie.role && overlaps(p.validFrom, p.validTo, tie.validFrom, tie.validTo),
      );
      if (clash) throw conflict(`The organisation has since been given the role ${tie.role} there for an overlapping period.`, { existingId: clash.id });
    }
  }

  /** Makes an entity's state `e.after`: null deletes it, otherwise it is created or updated. */
  private async applyState(tx: EngineTx, e: ChangeEffect) {
    const state = e.after;
    const created = e.before === null ? { createdAt: String(state?.createdAt ?? now()) } : null;
    const { organisations, projects, activities, networks, participations, persons } = this.writers;
    switch (e.kind) {
      case 'ORGANISATION':
      case 'PROJECT':
      case 'ACTIVITY':
      case 'NETWORK': {
        const label = (Object.keys(KIND_OF_LABEL) as ItemLabel[]).find((l) => KIND_OF_LABEL[l] === e.kind)!;
        if (!state) return void (await tx.run(this.q.node.detachDelete[label], { id: e.id }));
        if (e.kind === 'ORGANISATION') {
          const org = validateOrganisation(state as unknown as OrganisationInput);
          const { mergedNames, mergedFrom, adoptions } = state as unknown as { mergedNames: string[]; mergedFrom?: MergedOrganisation[]; adoptions: JsonObject[] };
          return organisations.writeOrganisation(tx, e.id, { ...org, mergedNames, mergedFrom: mergedFrom ?? [], adoptions: asAdoptions(adoptions) }, created);
        }
        if (e.kind === 'PROJECT') return projects.writeProject(tx, e.id, validateProject(state as unknown as ProjectInput), created);
        if (e.kind === 'ACTIVITY') return activities.writeActivity(tx, e.id, validateActivity(state as unknown as ActivityInput), created);
        return networks.writeNetwork(tx, e.id, validateNetwork(state as unknown as NetworkInput), created);
      }
      case 'PARTICIPATION': {
        if (!state) return void (await tx.run(this.q.participation.remove, { id: e.id }));
        const tie = state as unknown as Participation;
        if (created) return participations.createParticipation(tx, tie, created.createdAt);
        return void (await tx.run(this.q.participation.restore, participationParams(tie)));
      }
      case 'PERSON': {
        if (!state) return void (await tx.run(this.q.person.remove, { id: e.id }));
        // A consent date in a recorded state was valid when written; checked against itself, not today.
        const person = state as unknown as PersonInput;
        return persons.writePerson(tx, e.id, validatePerson(person, person.consentGivenAt), created);
      }
      case 'DATASET':
        throw conflict('A data load is not undone as a whole.');
    }
  }
}
