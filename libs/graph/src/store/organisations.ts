/** Organisations: reads, writes with their place and operating models, likely duplicates and merging them. */
import {
  badInput,
  businessIdConflict,
  conflict,
  DEFAULT_SECTOR,
  foldText,
  likelyDuplicates,
  nameKey,
  notFound,
  validateOrganisation,
  type Actor,
  type DuplicateGroup,
  type DuplicateReason,
  type IsoDate,
  type JsonObject,
  type MergedOrganisation,
  type Organisation,
  type OrganisationInput,
  type Participation,
  type Patch,
} from '@verkosto/domain';
import type { EngineTx, Params } from '../engine/engine';
import type { MergeResult, OrganisationFilter, Page, PageArgs, UpdateOptions } from '../graph-store';
import { merge, refuseStale } from './edits';
import { asJson, stateOfParticipation, type HistoryRecords } from './history-records';
import { decodeCursor, encodeCursor, pageSize } from './paging';
import type { Participations } from './participations';
import type { Queries } from './queries';
import { strs, toOrganisation, toPerson } from './rows';
import { sortKey } from './sort-key';
import { newId, now, type StoreContext } from './store-context';

interface Adoption {
  operatingModelId: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export function asAdoptions(value: unknown): Adoption[] {
  return Array.isArray(value) ? (value as Adoption[]) : [];
}

/** The organisation in a recorded state (which adds its adoptions). */
function organisationOf(state: JsonObject | null): Organisation {
  const { adoptions: _adoptions, ...organisation } = state as unknown as Organisation & { adoptions: unknown };
  return organisation;
}

const adoptionKey = (a: Adoption) => [a.operatingModelId, a.validFrom, a.validTo].join('|');

function participationKey(p: Pick<Participation, 'organisationId' | 'targetId' | 'role' | 'validFrom' | 'validTo'>) {
  return [p.organisationId, p.targetId, p.role, p.validFrom, p.validTo].join('|');
}

export class Organisations {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
    private readonly participations: Participations,
  ) {
    this.q = ctx.q;
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const [row] = await this.ctx.db.read(this.q.organisation.get, { id });
    return row ? toOrganisation(row) : null;
  }

  async listOrganisations(filter: OrganisationFilter): Promise<Page<Organisation>> {
    return this.ctx.page(this.q.organisation.list, this.q.organisation.count, filter, toOrganisation, {
      kind: filter.kind ?? null,
      sector: filter.sector ?? null,
      municipality: filter.municipalityCode ?? null,
    });
  }

  async createOrganisation(input: OrganisationInput, actor: Actor): Promise<Organisation> {
    const org = validateOrganisation(input);
    return this.ctx.recorded(actor, async (tx, log) => {
      const id = newId('org', org.name);
      const created = organisationOf(await this.records.tracked(tx, log, 'ORGANISATION', id, () => this.writeOrganisation(tx, id, org, { createdAt: now() }), true));
      log.about('CREATE', 'ORGANISATION', id, created.name);
      return created;
    });
  }

  async updateOrganisation(id: string, patch: Patch<OrganisationInput>, actor: Actor, options: UpdateOptions = {}): Promise<Organisation> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const current = await this.ctx.mustGetOrganisation(tx, id);
      refuseStale('organisation', current, options.expectedUpdatedAt);
      const org = validateOrganisation(merge(current, patch) as OrganisationInput);
      const updated = organisationOf(await this.records.tracked(tx, log, 'ORGANISATION', id, () => this.writeOrganisation(tx, id, org, null)));
      log.about('UPDATE', 'ORGANISATION', id, updated.name);
      return updated;
    });
  }

  /** Everything is read first and written after. */
  async mergeOrganisations(keepId: string, mergeIds: string[], actor: Actor): Promise<MergeResult> {
    const otherIds = [...new Set(mergeIds)].filter((id) => id !== keepId);
    if (otherIds.length === 0) throw badInput('Name at least one other organisation to merge into this one.', { field: 'mergeIds' });
    return this.ctx.recorded(actor, async (tx, log) => {
      const keep = await this.ctx.mustGetOrganisation(tx, keepId);
      const keepBefore = (await this.records.stateOf(tx, 'ORGANISATION', keepId))!;
      const seen = new Set((await this.ctx.participationsOf(tx, keepId)).map((p) => participationKey(p)));
      const merged: Organisation[] = [];
      for (const otherId of otherIds) merged.push(await this.ctx.mustGetOrganisation(tx, otherId));
      const clash = businessIdConflict(keep, merged);
      if (clash) {
        throw conflict(
          `"${clash.other.name}" has another business ID (${clash.other.businessId}) than the one "${keep.name}" keeps (${clash.businessId}): they are different organisations.`,
          { field: 'mergeIds', organisationId: clash.other.id },
        );
      }
      const others = [];
      for (const other of merged) {
        const otherId = other.id;
        others.push({
          org: other,
          state: (await this.records.stateOf(tx, 'ORGANISATION', otherId))!,
          participations: await this.ctx.participationsOf(tx, otherId),
          people: (await tx.run(this.q.person.ofOrganisation, { org: otherId })).map(toPerson),
        });
      }
      log.about('MERGE', 'ORGANISATION', keepId, keep.name);

      const names = new Set(keep.mergedNames);
      let filled: Organisation = { ...keep };
      const adoptions = new Map(asAdoptions(keepBefore.adoptions).map((a) => [adoptionKey(a), a]));
      const moves: Participation[] = [];
      for (const { org, state, participations, people } of others) {
        names.add(org.name);
        org.mergedNames.forEach((n) => names.add(n));
        filled = {
          ...filled,
          businessId: filled.businessId ?? org.businessId,
          website: filled.website ?? org.website,
          municipalityCode: filled.municipalityCode ?? org.municipalityCode,
        };
        for (const a of asAdoptions(state.adoptions)) adoptions.set(adoptionKey(a), a);
        for (const p of participations) {
          const key = participationKey({ ...p, organisationId: keepId });
          if (seen.has(key)) continue;
          seen.add(key);
          // The tie keeps its source and confirmation: a merge changes who holds it, not where it came from.
          moves.push({ ...p, id: newId('par', p.role), organisationId: keepId });
        }
        for (const p of participations) await this.records.record(tx, log, { kind: 'PARTICIPATION', id: p.id, before: stateOfParticipation(p), after: null });
        for (const person of people) {
          await this.records.record(tx, log, { kind: 'PERSON', id: person.id, before: asJson(person), after: asJson({ ...person, organisationId: keepId }) });
        }
        await this.records.record(tx, log, { kind: 'ORGANISATION', id: org.id, before: state, after: null });
      }

      const stamp = now();
      for (const p of moves) {
        await this.participations.createParticipation(tx, p, stamp);
        await this.records.record(tx, log, { kind: 'PARTICIPATION', id: p.id, before: null, after: stateOfParticipation(p, stamp) });
      }
      for (const { people } of others) {
        for (const person of people) await this.ctx.relinkOne(tx, 'PersonOrganisation', person.id, keepId);
      }
      for (const { org } of others) await tx.run(this.q.node.detachDelete.Organisation, { id: org.id });
      names.delete(keep.name);
      const movedAdoptions = adoptions.size - asAdoptions(keepBefore.adoptions).length;
      const mergedFrom: MergedOrganisation[] = [
        ...keep.mergedFrom,
        ...others.flatMap(({ org }) => [...org.mergedFrom, { id: org.id, name: org.name, businessId: org.businessId, mergedAt: stamp }]),
      ];
      await this.records.tracked(tx, log, 'ORGANISATION', keepId, () =>
        this.writeOrganisation(tx, keepId, { ...filled, mergedNames: [...names].sort(), mergedFrom, adoptions: [...adoptions.values()] }, null),
      );
      return {
        organisation: await this.ctx.mustGetOrganisation(tx, keepId),
        mergedIds: otherIds,
        movedRelationships: moves.length + movedAdoptions,
      };
    });
  }

  async listDuplicateOrganisations(args: Pick<PageArgs, 'first' | 'after'>): Promise<Page<DuplicateGroup<Organisation>>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const raw = (await this.ctx.db.read(this.q.organisation.duplicateKeys)).map((r) => ({
      reason: r.reason as DuplicateReason,
      key: String(r.key),
      ids: strs(r.ids),
    }));
    const ids = [...new Set(raw.flatMap((g) => g.ids))];
    const organisations = ids.length ? (await this.ctx.db.read(this.q.organisation.byIds, { ids })).map(toOrganisation) : [];
    const groups = likelyDuplicates(raw, new Map(organisations.map((o) => [o.id, o])));
    const rest = after ? groups.filter((g) => g.sortKey > after) : groups;
    const items = rest.slice(0, first);
    return {
      items,
      totalCount: groups.length,
      endCursor: items.length ? encodeCursor(items[items.length - 1].sortKey) : null,
      hasNextPage: rest.length > first,
    };
  }

  private organisationParams(org: OrganisationInput | Organisation, id: string): Params {
    const kind = org.kind;
    return {
      id,
      name: org.name,
      kind,
      sector: org.sector ?? DEFAULT_SECTOR[kind],
      businessId: org.businessId ?? null,
      nameKey: nameKey(org.name),
      website: org.website ?? null,
      permanent: org.permanent ?? true,
      searchText: foldText([org.name, org.businessId ?? ''].join(' ')),
      sortKey: sortKey(org.name, id),
    };
  }

  /**
   * Creates (`created` given) or updates an organisation with its municipality; merged names and
   * adoptions are set when given (a merge, or an undo putting a recorded state back).
   */
  async writeOrganisation(
    tx: EngineTx,
    id: string,
    org: OrganisationInput & { mergedNames?: string[]; mergedFrom?: MergedOrganisation[]; adoptions?: Adoption[] },
    created: { createdAt: string } | null,
  ) {
    await this.refuseDuplicateOrganisation(tx, org, id);
    if (org.municipalityCode) await this.ctx.requireMunicipality(tx, org.municipalityCode);
    const params = { ...this.organisationParams(org, id), now: created?.createdAt ?? this.ctx.changeTime() };
    const merge = { mergedNames: org.mergedNames ?? [], mergedFrom: org.mergedFrom?.length ? JSON.stringify(org.mergedFrom) : null };
    if (created) await tx.run(this.q.organisation.create, { ...params, ...merge, createdAt: created.createdAt });
    else await tx.run(this.q.organisation.update, params);
    if (!created && org.mergedNames) await tx.run(this.q.organisation.recordMerge, { id, ...merge });
    await this.ctx.relinkOne(tx, 'Organisation', id, org.municipalityCode ?? null);
    if (org.adoptions) {
      await tx.run(this.q.adoption.removeAll, { org: id });
      for (const a of org.adoptions) {
        const rows = await tx.run(this.q.adoption.create, { org: id, model: a.operatingModelId, validFrom: a.validFrom, validTo: a.validTo });
        if (rows.length === 0) throw notFound('Operating model', a.operatingModelId);
      }
    }
  }

  private async refuseDuplicateOrganisation(tx: EngineTx, org: OrganisationInput, selfId: string | null) {
    const rows = await tx.run(this.q.organisation.findDuplicate, {
      businessId: org.businessId ?? null,
      nameKey: nameKey(org.name),
    });
    const other = rows.find((r) => r.id !== selfId && (r.businessId === org.businessId || !r.businessId || !org.businessId));
    if (other) {
      const why = org.businessId && other.businessId === org.businessId ? `business ID ${org.businessId}` : 'the same name';
      throw conflict(`An organisation with ${why} already exists: "${other.name}". Edit it, or merge the two.`, {
        field: org.businessId && other.businessId === org.businessId ? 'businessId' : 'name',
        existingId: other.id,
        existingName: other.name,
      });
    }
  }
}
