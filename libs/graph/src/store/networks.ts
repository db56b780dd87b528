/** Networks: reads, and writes with their region. */
import { badInput, conflict, foldText, nameKey, validateNetwork, type Actor, type Network, type NetworkInput, type Patch } from '@verkosto/domain';
import type { EngineTx } from '../engine/engine';
import type { Page, PageArgs, UpdateOptions } from '../graph-store';
import { merge, refuseStale } from './edits';
import type { HistoryRecords } from './history-records';
import type { Queries } from './queries';
import { toNetwork } from './rows';
import { sortKey } from './sort-key';
import { newId, now, type StoreContext } from './store-context';

export class Networks {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
  ) {
    this.q = ctx.q;
  }

  async getNetwork(id: string): Promise<Network | null> {
    const [row] = await this.ctx.db.read(this.q.network.get, { id });
    return row ? toNetwork(row) : null;
  }

  async listNetworks(filter: PageArgs): Promise<Page<Network>> {
    return this.ctx.page(this.q.network.list, this.q.network.count, filter, toNetwork, {});
  }

  async createNetwork(input: NetworkInput, actor: Actor): Promise<Network> {
    const network = validateNetwork(input);
    return this.ctx.recorded(actor, async (tx, log) => {
      const id = newId('net', network.name);
      await this.records.tracked(tx, log, 'NETWORK', id, () => this.writeNetwork(tx, id, network, { createdAt: now() }), true);
      const created = await this.ctx.mustGetNetwork(tx, id);
      log.about('CREATE', 'NETWORK', id, created.name);
      return created;
    });
  }

  async updateNetwork(id: string, patch: Patch<NetworkInput>, actor: Actor, options: UpdateOptions = {}): Promise<Network> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const current = await this.ctx.mustGetNetwork(tx, id);
      refuseStale('network', current, options.expectedUpdatedAt);
      const network = validateNetwork(merge(current, patch) as NetworkInput);
      await this.records.tracked(tx, log, 'NETWORK', id, () => this.writeNetwork(tx, id, network, null));
      const updated = await this.ctx.mustGetNetwork(tx, id);
      log.about('UPDATE', 'NETWORK', id, updated.name);
      return updated;
    });
  }

  /** Creates (`created` given) or updates a network with its region; an undo puts a recorded state back through it too. */
  async writeNetwork(tx: EngineTx, id: string, n: NetworkInput, created: { createdAt: string } | null) {
    if (n.regionCode) {
      const [region] = await tx.run(this.q.reference.region, { code: n.regionCode });
      if (!region) throw badInput(`Unknown region code "${n.regionCode}".`, { field: 'regionCode' });
    }
    await this.refuseDuplicateNetwork(tx, n.name, id);
    const params = {
      ...n,
      id,
      // A new item's two stamps are the same moment.
      now: created?.createdAt ?? this.ctx.changeTime(),
      createdAt: created?.createdAt ?? null,
      searchText: foldText(n.name),
      sortKey: sortKey(n.name, id),
    };
    await tx.run(created ? this.q.network.create : this.q.network.update, params);
    await this.ctx.relinkOne(tx, 'Network', id, n.regionCode ?? null);
  }

  /**
   * Two networks may not share a name, spelled alike as organisations' names are (case, accents,
   * punctuation, spacing). The refusal names neither the other network nor its id: it may be private.
   */
  private async refuseDuplicateNetwork(tx: EngineTx, name: string, selfId: string) {
    const key = nameKey(name);
    const rows = await tx.run(this.q.network.names, {});
    if (rows.some((r) => r.id !== selfId && nameKey(String(r.name)) === key)) {
      throw conflict('A network with this name already exists. Choose another name.', { field: 'name' });
    }
  }
}
