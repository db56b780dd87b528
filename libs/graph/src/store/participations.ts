/** Participations: an organisation's dated ties to projects, activities and networks, and coordinator handovers. */
import {
  ROLES_BY_TARGET,
  badInput,
  checkDate,
  checkTieSource,
  conflict,
  isActiveAt,
  notFound,
  overlaps,
  type Actor,
  type IsoDate,
  type Participation,
  type ParticipationInput,
} from '@verkosto/domain';
import type { EngineTx, Params } from '../engine/engine';
import type { DeleteResult, ParticipationFilter } from '../graph-store';
import type { ChangeLog } from './change-log';
import { stateOfParticipation, type HistoryRecords } from './history-records';
import type { Queries } from './queries';
import { str, targetKindOfLabel, toParticipation } from './rows';
import { LABEL_OF_TARGET, addDays, newId, now, type StoreContext } from './store-context';

export function participationParams(p: Participation): Params {
  return {
    id: p.id,
    role: p.role,
    validFrom: p.validFrom,
    validTo: p.validTo,
    source: p.source.kind,
    sourceRef: p.source.ref,
    confirmedAt: p.confirmedAt,
  };
}

export class Participations {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
  ) {
    this.q = ctx.q;
  }

  async listParticipations(filter: ParticipationFilter): Promise<Participation[]> {
    const at = checkDate(filter.activeAt, 'activeAt');
    const query = filter.organisationId ? this.q.participation.list : this.q.participation.listByTarget;
    if (!filter.organisationId && !filter.targetId) throw badInput('Give an organisation or a target.');
    const rows = await this.ctx.db.read(query, { org: filter.organisationId ?? null, target: filter.targetId ?? null });
    return rows
      .map(toParticipation)
      .filter((p) => !filter.targetId || p.targetId === filter.targetId)
      .filter((p) => !filter.role || p.role === filter.role)
      .filter((p) => !at || isActiveAt(p.validFrom, p.validTo, at));
  }

  async participationsOfOrganisations(organisationIds: string[], activeAt?: IsoDate | null): Promise<Map<string, Participation[]>> {
    const at = checkDate(activeAt, 'activeAt');
    const byOrganisation = new Map(organisationIds.map((id) => [id, [] as Participation[]]));
    if (organisationIds.length === 0) return byOrganisation;
    for (const p of (await this.ctx.db.read(this.q.participation.listOfOrganisations, { orgs: [...byOrganisation.keys()] })).map(toParticipation)) {
      if (!at || isActiveAt(p.validFrom, p.validTo, at)) byOrganisation.get(p.organisationId)?.push(p);
    }
    return byOrganisation;
  }

  async addParticipation(input: ParticipationInput, actor: Actor): Promise<Participation> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const { participation, label } = await this.prepareParticipation(tx, input, actor);
      await this.insertParticipation(tx, log, participation);
      log.about('CREATE', 'PARTICIPATION', participation.id, label);
      return participation;
    });
  }

  /** Checks a new tie and builds it, reading all it needs before anything is written. */
  private async prepareParticipation(tx: EngineTx, input: ParticipationInput, actor: Actor) {
    const validFrom = checkDate(input.validFrom, 'validFrom');
    const validTo = checkDate(input.validTo, 'validTo');
    if (validFrom && validTo && validTo < validFrom) {
      throw badInput(`The end date ${validTo} is before the start date ${validFrom}.`, { field: 'validTo' });
    }
    const source = checkTieSource(input.source, actor);
    const org = await this.ctx.mustGetOrganisation(tx, input.organisationId);
    const [target] = await tx.run(this.q.participation.targetLabel, { id: input.targetId });
    if (!target) throw notFound('Project, activity or network', input.targetId);
    const targetKind = targetKindOfLabel(target.label);
    if (!ROLES_BY_TARGET[targetKind].includes(input.role)) {
      throw badInput(`${input.role} is not a role in a ${targetKind.toLowerCase()}; use one of ${ROLES_BY_TARGET[targetKind].join(', ')}.`, { field: 'role' });
    }
    const existing = await this.ctx.participationsOf(tx, input.organisationId);
    const clash = existing.find((p) => p.targetId === input.targetId && p.role === input.role && overlaps(p.validFrom, p.validTo, validFrom, validTo));
    if (clash) {
      throw conflict(`This organisation already has the role ${input.role} there for an overlapping period (${clash.validFrom ?? '…'} – ${clash.validTo ?? '…'}).`, {
        field: 'role',
        existingId: clash.id,
      });
    }
    const participation: Participation = {
      id: newId('par', input.role),
      organisationId: input.organisationId,
      targetId: input.targetId,
      targetKind,
      role: input.role,
      validFrom,
      validTo,
      source,
      // A person entering a tie, or a registry read just now, vouches for it; an imported file may be old.
      confirmedAt: source.kind === 'IMPORT' ? null : now(),
    };
    const label = `${org.name} → ${await this.ctx.nameOf(tx, LABEL_OF_TARGET[targetKind], input.targetId)}`;
    return { participation, label };
  }

  private async insertParticipation(tx: EngineTx, log: ChangeLog, participation: Participation) {
    const createdAt = participation.confirmedAt ?? now();
    await this.createParticipation(tx, participation, createdAt);
    await this.records.record(tx, log, { kind: 'PARTICIPATION', id: participation.id, before: null, after: stateOfParticipation(participation, createdAt) });
  }

  /** Writes a tie as given, unchecked and unrecorded: the caller (a new tie, a merge, an undo) does both. */
  async createParticipation(tx: EngineTx, p: Participation, createdAt: string) {
    await tx.run(this.q.participation.create[p.targetKind], {
      ...participationParams(p),
      organisationId: p.organisationId,
      targetId: p.targetId,
      createdAt,
    });
  }

  async endParticipation(id: string, validTo: IsoDate, actor: Actor): Promise<Participation> {
    const end = checkDate(validTo, 'validTo');
    if (!end) throw badInput('Give the date the participation ended.', { field: 'validTo' });
    return this.changeParticipation(id, actor, 'END', (current) => {
      if (current.validFrom && end < current.validFrom) {
        throw badInput(`The end date ${end} is before the start date ${current.validFrom}.`, { field: 'validTo' });
      }
      return { ...current, validTo: end };
    });
  }

  async confirmParticipation(id: string, actor: Actor): Promise<Participation> {
    return this.changeParticipation(id, actor, 'CONFIRM', (current) => ({ ...current, confirmedAt: now() }));
  }

  /** A tie's fields changed in place; the new state is built here, not read back (H10). */
  private async changeParticipation(id: string, actor: Actor, operation: 'END' | 'CONFIRM', next: (current: Participation) => Participation): Promise<Participation> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const [row] = await tx.run(this.q.participation.get, { id });
      if (!row) throw notFound('Participation', id);
      const current = toParticipation(row);
      const updated = next(current);
      log.about(operation, 'PARTICIPATION', id, await this.participationLabel(tx, current));
      await this.records.record(tx, log, {
        kind: 'PARTICIPATION',
        id,
        before: stateOfParticipation(current, str(row.createdAt)),
        after: stateOfParticipation(updated, str(row.createdAt)),
      });
      await tx.run(this.q.participation.restore, participationParams(updated));
      return updated;
    });
  }

  async removeParticipation(id: string, actor: Actor): Promise<DeleteResult> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const [row] = await tx.run(this.q.participation.get, { id });
      if (!row) throw notFound('Participation', id);
      const current = toParticipation(row);
      log.about('DELETE', 'PARTICIPATION', id, await this.participationLabel(tx, current));
      await this.records.record(tx, log, { kind: 'PARTICIPATION', id, before: stateOfParticipation(current, str(row.createdAt)), after: null });
      await tx.run(this.q.participation.remove, { id });
      return { id, removedRelationships: 1 };
    });
  }

  async setCoordinator(networkId: string, organisationId: string, from: IsoDate, actor: Actor): Promise<Participation> {
    const start = checkDate(from, 'from');
    if (!start) throw badInput('Give the date the coordination starts.', { field: 'from' });
    return this.ctx.recorded(actor, async (tx, log) => {
      await this.ctx.mustGetNetwork(tx, networkId);
      await this.ctx.mustGetOrganisation(tx, organisationId);
      const rows = await tx.run(this.q.participation.listByTarget, { target: networkId });
      const current = rows
        .map((row) => ({ p: toParticipation(row), createdAt: str(row.createdAt) }))
        .filter(({ p }) => p.role === 'COORDINATOR' && overlaps(p.validFrom, p.validTo, start, null));
      const dayBefore = addDays(start, -1);
      for (const { p } of current) {
        if (p.organisationId === organisationId && (!p.validFrom || p.validFrom <= start)) return p;
        if (p.validFrom && p.validFrom > dayBefore) {
          throw conflict(`${p.organisationId} starts coordinating on ${p.validFrom}; a handover on ${start} would leave its term empty. End or remove that term first.`, {
            field: 'from',
          });
        }
      }
      const { participation, label } = await this.prepareParticipation(tx, { organisationId, targetId: networkId, role: 'COORDINATOR', validFrom: start, validTo: null }, actor);
      for (const { p, createdAt } of current) {
        const ended = { ...p, validTo: dayBefore };
        await this.records.record(tx, log, { kind: 'PARTICIPATION', id: p.id, before: stateOfParticipation(p, createdAt), after: stateOfParticipation(ended, createdAt) });
        await tx.run(this.q.participation.end, { id: p.id, validTo: dayBefore });
      }
      await this.insertParticipation(tx, log, participation);
      log.about('SET_COORDINATOR', 'PARTICIPATION', participation.id, label);
      return participation;
    });
  }

  private async participationLabel(tx: EngineTx, p: Participation): Promise<string> {
    return `${await this.ctx.nameOf(tx, 'Organisation', p.organisationId)} → ${await this.ctx.nameOf(tx, LABEL_OF_TARGET[p.targetKind], p.targetId)}`;
  }
}
