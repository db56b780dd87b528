/** Activities: reads, and writes with their project, the activity they continue, place and links. */
import { badInput, checkDate, foldText, validateActivity, type Activity, type ActivityInput, type Actor, type Patch } from '@verkosto/domain';
import type { EngineTx } from '../engine/engine';
import type { ActivityFilter, Page, UpdateOptions } from '../graph-store';
import { merge, refuseStale } from './edits';
import type { HistoryRecords } from './history-records';
import type { Queries } from './queries';
import { toActivity } from './rows';
import { sortKey } from './sort-key';
import { newId, now, type StoreContext } from './store-context';

export class Activities {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
  ) {
    this.q = ctx.q;
  }

  async getActivity(id: string): Promise<Activity | null> {
    const [row] = await this.ctx.db.read(this.q.activity.get, { id });
    return row ? toActivity(row) : null;
  }

  async listActivities(filter: ActivityFilter): Promise<Page<Activity>> {
    const activeAt = checkDate(filter.activeAt, 'activeAt');
    return this.ctx.page(this.q.activity.list, this.q.activity.count, filter, toActivity, {
      project: filter.projectId ?? null,
      network: filter.networkId ?? null,
      at: activeAt,
    });
  }

  async createActivity(input: ActivityInput, actor: Actor): Promise<Activity> {
    const activity = validateActivity(input);
    return this.ctx.recorded(actor, async (tx, log) => {
      const id = newId('act', activity.name);
      await this.records.tracked(tx, log, 'ACTIVITY', id, () => this.writeActivity(tx, id, activity, { createdAt: now() }), true);
      const created = await this.ctx.mustGetActivity(tx, id);
      log.about('CREATE', 'ACTIVITY', id, created.name);
      return created;
    });
  }

  async updateActivity(id: string, patch: Patch<ActivityInput>, actor: Actor, options: UpdateOptions = {}): Promise<Activity> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const current = await this.ctx.mustGetActivity(tx, id);
      refuseStale('activity', current, options.expectedUpdatedAt);
      const links = await this.ctx.links(tx, 'Activity', id);
      const activity = validateActivity(merge({ ...current, ...links }, patch) as ActivityInput);
      await this.records.tracked(tx, log, 'ACTIVITY', id, () => this.writeActivity(tx, id, activity, null));
      const updated = await this.ctx.mustGetActivity(tx, id);
      log.about('UPDATE', 'ACTIVITY', id, updated.name);
      return updated;
    });
  }

  /** Creates (`created` given) or updates an activity with its links; an undo puts a recorded state back through it too. */
  async writeActivity(tx: EngineTx, id: string, a: ActivityInput, created: { createdAt: string } | null) {
    if (a.projectId) await this.ctx.mustGetProject(tx, a.projectId);
    if (a.continuesId) {
      if (a.continuesId === id) throw badInput('An activity cannot continue itself.', { field: 'continuesId' });
      await this.ctx.mustGetActivity(tx, a.continuesId);
    }
    if (a.municipalityCode) await this.ctx.requireMunicipality(tx, a.municipalityCode);
    const params = {
      ...a,
      id,
      // A new item's two stamps are the same moment.
      now: created?.createdAt ?? this.ctx.changeTime(),
      createdAt: created?.createdAt ?? null,
      searchText: foldText(a.name),
      sortKey: sortKey(a.name, id),
    };
    await tx.run(created ? this.q.activity.create : this.q.activity.update, params);
    await this.ctx.relinkOne(tx, 'ActivityProject', id, a.projectId ?? null);
    await this.ctx.relinkOne(tx, 'ActivityContinues', id, a.continuesId ?? null);
    await this.ctx.relinkOne(tx, 'Activity', id, a.municipalityCode ?? null);
    await this.ctx.relinkMany(tx, 'Activity', id, a);
  }
}
