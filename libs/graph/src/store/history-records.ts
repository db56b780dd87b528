/**
 * How a write is written down in the history: an entity's recorded state as it is now, the
 * before-and-after pair of a write, and the networks each effect touches (a network's history
 * lists every change within it).
 */
import type { ChangeEffect, ChangeEntityKind, JsonObject, Participation } from '@verkosto/domain';
import type { EngineTx } from '../engine/engine';
import type { ChangeLog } from './change-log';
import type { Queries } from './queries';
import { str, toActivity, toNetwork, toOrganisation, toParticipation, toPerson, toProject } from './rows';
import type { StoreContext } from './store-context';

/** Domain objects are plain data: this only tells the type system so. */
export const asJson = (value: object): JsonObject => value as unknown as JsonObject;

/** A tie's recorded state: its fields and when it was first written. */
export function stateOfParticipation(p: Participation, createdAt?: string | null): JsonObject {
  const { id, organisationId, targetId, targetKind, role, validFrom, validTo, source, confirmedAt } = p;
  return asJson({ id, organisationId, targetId, targetKind, role, validFrom, validTo, source, confirmedAt, createdAt: createdAt ?? null });
}

export class HistoryRecords {
  private readonly q: Queries;

  constructor(private readonly ctx: StoreContext) {
    this.q = ctx.q;
  }

  /** The recorded state of an entity as it is now, or null when there is none. */
  async stateOf(tx: EngineTx, kind: ChangeEntityKind, id: string): Promise<JsonObject | null> {
    switch (kind) {
      case 'ORGANISATION': {
        const [[row], adopted] = await Promise.all([tx.run(this.q.organisation.get, { id }), tx.run(this.q.adoption.ofOrganisation, { org: id })]);
        if (!row) return null;
        const adoptions = adopted.map((a) => ({
          operatingModelId: String(a.modelId),
          validFrom: str(a.validFrom),
          validTo: str(a.validTo),
        }));
        return asJson({ ...toOrganisation(row), adoptions });
      }
      case 'PROJECT': {
        const [row] = await tx.run(this.q.project.get, { id });
        return row ? asJson({ ...toProject(row), ...(await this.ctx.links(tx, 'Project', id)) }) : null;
      }
      case 'ACTIVITY': {
        const [row] = await tx.run(this.q.activity.get, { id });
        return row ? asJson({ ...toActivity(row), networkIds: (await this.ctx.links(tx, 'Activity', id)).networkIds }) : null;
      }
      case 'NETWORK': {
        const [row] = await tx.run(this.q.network.get, { id });
        return row ? asJson(toNetwork(row)) : null;
      }
      case 'PARTICIPATION': {
        const [row] = await tx.run(this.q.participation.get, { id });
        return row ? stateOfParticipation(toParticipation(row), str(row.createdAt)) : null;
      }
      case 'PERSON': {
        const [row] = await tx.run(this.q.person.get, { id });
        return row ? asJson(toPerson(row)) : null;
      }
      case 'DATASET':
        return null;
    }
  }

  /**
   * Runs `write` between two reads of the entity's state (one for a new entity) and records the
   * pair; returns the state after. Not for ties (H10).
   */
  async tracked(tx: EngineTx, log: ChangeLog, kind: Exclude<ChangeEntityKind, 'PARTICIPATION'>, id: string, write: () => Promise<void>, isNew = false) {
    const before = isNew ? null : await this.stateOf(tx, kind, id);
    await write();
    // An organisation's networks do not depend on its state: both are read at once.
    const [after, networks] = await Promise.all([this.stateOf(tx, kind, id), kind === 'ORGANISATION' ? this.networksOfOrganisations(tx, [id]) : null]);
    const effect = { kind, id, before, after };
    log.add(effect, networks ?? (await this.networksOfEffect(tx, effect)));
    return after;
  }

  /** Adds an effect with the networks it touches; call it before a write that removes what it names. */
  async record(tx: EngineTx, log: ChangeLog, effect: ChangeEffect) {
    log.add(effect, await this.networksOfEffect(tx, effect));
  }

  private async networksOfEffect(tx: EngineTx, e: ChangeEffect): Promise<string[]> {
    const states = [e.before, e.after].filter((s): s is JsonObject => s !== null);
    const field = (key: string) => states.flatMap((s) => [s[key]].flat()).filter((v): v is string => typeof v === 'string');
    switch (e.kind) {
      case 'NETWORK':
        return [e.id];
      case 'ORGANISATION':
        return this.networksOfOrganisations(tx, [e.id]);
      case 'PERSON':
        return this.networksOfOrganisations(tx, field('organisationId'));
      case 'PARTICIPATION':
        return this.networksOfItems(tx, field('targetId'));
      case 'PROJECT':
      case 'ACTIVITY':
        return [...field('networkIds'), ...(await this.networksOfItems(tx, field('projectId')))];
      case 'DATASET':
        return [];
    }
  }

  private async networksOfItems(tx: EngineTx, ids: string[]): Promise<string[]> {
    return this.networkIds(tx, this.q.networksOf, ids);
  }

  async networksOfOrganisations(tx: EngineTx, ids: string[]): Promise<string[]> {
    return this.networkIds(tx, this.q.networksOfOrganisation, ids);
  }

  private async networkIds(tx: EngineTx, query: string, ids: string[]): Promise<string[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => tx.run(query, { id })));
    return [...new Set(found.flat().map((row) => String(row.id)))];
  }
}
