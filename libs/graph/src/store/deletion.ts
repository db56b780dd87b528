/**
 * Deleting an organisation, project, activity or network, the same way for all four: what it would
 * take with it, and the delete with a record that can put all of it back.
 */
import { conflict, notFound, type Actor, type JsonObject, type Project } from '@verkosto/domain';
import type { DeleteResult, DeletionImpact } from '../graph-store';
import { stateOfParticipation, type HistoryRecords } from './history-records';
import { projectLabel } from './projects';
import { IMPACT_CATEGORIES, type Queries } from './queries';
import { str, toParticipation } from './rows';
import { KIND_OF_LABEL, type ItemLabel, type StoreContext } from './store-context';

export class Deletion {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
  ) {
    this.q = ctx.q;
  }

  async deletionImpact(id: string): Promise<DeletionImpact> {
    const [row] = await this.ctx.db.read(this.q.node.deletionImpact, { id });
    if (!row) throw notFound('Organisation, project, activity or network', id);
    const counts = Object.fromEntries(Object.keys(IMPACT_CATEGORIES).map((k) => [k, Number(row[k])])) as Record<keyof typeof IMPACT_CATEGORIES, number>;
    return {
      id,
      kind: String(row.label).toUpperCase() as DeletionImpact['kind'],
      name: String(row.name),
      ...counts,
      removedRelationships: Object.values(counts).reduce((a, b) => a + b, 0),
    };
  }

  /**
   * Deletes an item with its ties. The record keeps everything needed to put it back: its state,
   * its ties, and the items whose own link pointed at it (activities under a deleted project…).
   */
  async deleteItem(label: ItemLabel, id: string, actor: Actor): Promise<DeleteResult> {
    const kind = KIND_OF_LABEL[label];
    return this.ctx.recorded(actor, async (tx, log) => {
      const before = await this.records.stateOf(tx, kind, id);
      if (!before) throw notFound(label, id);
      if (label === 'Organisation') {
        const people = await tx.run(this.q.person.ofOrganisation, { org: id });
        if (people.length > 0) {
          throw conflict(`${people.length} named person(s) work for this organisation: erase them or move them to another organisation first.`, {
            personIds: people.map((p) => String(p.id)),
          });
        }
      }
      log.about('DELETE', kind, id, label === 'Project' ? projectLabel(before as unknown as Project) : String(before.name));
      const rows =
        label === 'Organisation'
          ? await tx.run(this.q.participation.list, { org: id })
          : (await tx.run(this.q.participation.listByTarget, { target: id })).filter((r) => r.targetId === id);
      for (const row of rows) {
        await this.records.record(tx, log, { kind: 'PARTICIPATION', id: String(row.id), before: stateOfParticipation(toParticipation(row), str(row.createdAt)), after: null });
      }
      for (const { kind: itemKind, query, unlink } of this.incomingLinks(label)) {
        for (const row of await tx.run(query, { id })) {
          const itemBefore = (await this.records.stateOf(tx, itemKind, String(row.id)))!;
          await this.records.record(tx, log, { kind: itemKind, id: String(row.id), before: itemBefore, after: unlink(itemBefore, id) });
        }
      }
      await this.records.record(tx, log, { kind, id, before, after: null });
      const [degree] = await tx.run(this.q.node.degree[label], { id });
      await tx.run(this.q.node.detachDelete[label], { id });
      return { id, removedRelationships: Number(degree.n) };
    });
  }

  /** The items whose own link points at an item of `label`, and what deleting it does to their state. */
  private incomingLinks(label: ItemLabel): { kind: 'PROJECT' | 'ACTIVITY'; query: string; unlink: (s: JsonObject, id: string) => JsonObject }[] {
    const incoming = this.q.links.incoming;
    const without = (key: string) => (s: JsonObject, id: string) => ({ ...s, [key]: (s[key] as string[]).filter((x) => x !== id) });
    switch (label) {
      case 'Project':
        return [
          { kind: 'ACTIVITY', query: incoming.projectActivities, unlink: (s) => ({ ...s, projectId: null }) },
          { kind: 'PROJECT', query: incoming.projectFollowUps, unlink: (s) => ({ ...s, predecessorId: null }) },
        ];
      case 'Activity':
        return [{ kind: 'ACTIVITY', query: incoming.activityFollowUps, unlink: (s) => ({ ...s, continuesId: null }) }];
      case 'Network':
        return [
          { kind: 'PROJECT', query: incoming.networkProjects, unlink: without('networkIds') },
          { kind: 'ACTIVITY', query: incoming.networkActivities, unlink: without('networkIds') },
        ];
      case 'Organisation':
        return [];
    }
  }
}
