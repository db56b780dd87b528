import type { AccountStore } from './account-store';

/**
 * Which items private networks hide from whom. The facts (each private network's items, and every
 * network each of those items is in) depend on the graph alone, so they are read once per belonging
 * version (moved by every write that may change which networks an item is in) and shared by every
 * request; a caller's hidden set is then worked out in memory and kept for the next caller with the
 * same closed networks.
 */
export class PrivateItems {
  private kept: { version: string; facts: Promise<Facts> } | null = null;

  constructor(
    private readonly accounts: Pick<AccountStore, 'privateNetworkIds' | 'itemsOfNetworks' | 'networksOfItems'>,
    private readonly belongingVersion: () => Promise<string>,
  ) {}

  /** Items hidden from a caller who may read only the private networks `canRead` accepts. */
  async hiddenFrom(canRead: (networkId: string) => boolean): Promise<ReadonlySet<string>> {
    const facts = await this.facts();
    const closed = facts.privateIds.filter((id) => !canRead(id));
    if (closed.length === 0) return NONE;
    const key = closed.join('\n');
    let hidden = facts.hiddenBy.get(key);
    if (!hidden) {
      hidden = hiddenItems(facts, new Set(closed));
      // Callers differ by their memberships; a handful of distinct sets is the norm.
      if (facts.hiddenBy.size >= 256) facts.hiddenBy.clear();
      facts.hiddenBy.set(key, hidden);
    }
    return hidden;
  }

  private async facts(): Promise<Facts> {
    const version = await this.belongingVersion();
    if (this.kept?.version !== version) {
      const facts = readFacts(this.accounts);
      this.kept = { version, facts };
      // A failed read is not kept: the next request tries again.
      facts.catch(() => {
        if (this.kept?.facts === facts) this.kept = null;
      });
    }
    return this.kept.facts;
  }
}

const NONE: ReadonlySet<string> = new Set();

interface Facts {
  privateIds: string[];
  /** Every item of a private network, with all the networks it is in. */
  networksOf: Map<string, string[]>;
  hiddenBy: Map<string, ReadonlySet<string>>;
}

async function readFacts(accounts: ConstructorParameters<typeof PrivateItems>[0]): Promise<Facts> {
  const privateIds = (await accounts.privateNetworkIds()).sort();
  const items = [...new Set((await accounts.itemsOfNetworks(privateIds)).map((p) => p.item))];
  const networksOf = new Map<string, string[]>(items.map((item) => [item, []]));
  for (const pair of await accounts.networksOfItems(items)) networksOf.get(pair.item)?.push(pair.networkId);
  return { privateIds, networksOf, hiddenBy: new Map() };
}

/** An item is hidden when every network it is in is closed to the caller. */
function hiddenItems(facts: Facts, closed: ReadonlySet<string>): ReadonlySet<string> {
  const hidden = new Set<string>();
  for (const [item, networks] of facts.networksOf) {
    if (networks.some((n) => closed.has(n)) && networks.every((n) => closed.has(n))) hidden.add(item);
  }
  return hidden;
}
