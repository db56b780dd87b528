import type { ItemNetwork } from './account-store';
import { PrivateItems } from './private-items';

/** A graph of pairs: org-a only in the private net-p; org-b in net-p and the public net-o. */
function facts(pairs: [item: string, network: string, visibility: 'PUBLIC' | 'PRIVATE'][]) {
  const reads = { count: 0 };
  const toPair = ([item, networkId, visibility]: (typeof pairs)[number]): ItemNetwork => ({ item, networkId, networkName: networkId, visibility });
  const accounts = {
    privateNetworkIds: async () => {
      reads.count++;
      return [...new Set(pairs.filter((p) => p[2] === 'PRIVATE').map((p) => p[1]))];
    },
    itemsOfNetworks: async (ids: string[]) => pairs.filter((p) => ids.includes(p[1])).map(toPair),
    networksOfItems: async (ids: string[]) => pairs.filter((p) => ids.includes(p[0])).map(toPair),
  };
  return { accounts, reads };
}

describe('PrivateItems', () => {
  const pairs: [string, string, 'PUBLIC' | 'PRIVATE'][] = [
    ['net-p', 'net-p', 'PRIVATE'],
    ['org-a', 'net-p', 'PRIVATE'],
    ['org-b', 'net-p', 'PRIVATE'],
    ['org-b', 'net-o', 'PUBLIC'],
    ['net-o', 'net-o', 'PUBLIC'],
  ];

  it('hides what only closed networks hold, and nothing from their members', async () => {
    const { accounts } = facts(pairs);
    const items = new PrivateItems(accounts, async () => 'v1');
    expect([...(await items.hiddenFrom(() => false))].sort()).toEqual(['net-p', 'org-a']);
    expect([...(await items.hiddenFrom((n) => n === 'net-p'))]).toEqual([]);
  });

  it('reads the facts once per graph version, whoever asks', async () => {
    const { accounts, reads } = facts(pairs);
    let version = 'v1';
    const items = new PrivateItems(accounts, async () => version);
    await Promise.all([items.hiddenFrom(() => false), items.hiddenFrom(() => false), items.hiddenFrom((n) => n === 'net-p')]);
    expect(reads.count).toBe(1);
    version = 'v2';
    await items.hiddenFrom(() => false);
    expect(reads.count).toBe(2);
  });
});
