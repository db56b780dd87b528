import type { GraphNode, GraphSnapshot } from '@verkosto/domain';
import { SnapshotCache } from './snapshot-cache';

const node = (id: string): GraphNode => ({
  id,
  kind: 'NETWORK',
  label: id,
  orgKind: null,
  sector: null,
  permanent: null,
  activityType: null,
  municipalityCode: null,
  validFrom: null,
  validTo: null,
  methodIds: [],
  targetGroupIds: [],
});

/** A loader that counts its reads and returns a snapshot of `size` nodes named after the read. */
function loader(size = 1) {
  const counter = { reads: 0 };
  const load = async (): Promise<GraphSnapshot> => {
    counter.reads++;
    return { nodes: Array.from({ length: size }, (_, i) => node(`read${counter.reads}-${i}`)), edges: [] };
  };
  return { counter, load };
}

describe('SnapshotCache', () => {
  it('reads a scope once while the version stays, and again after it changes', async () => {
    const cache = new SnapshotCache();
    const { counter, load } = loader();
    const scope = { networkId: 'n' };
    const first = await cache.get('v1', scope, load);
    expect(await cache.get('v1', scope, load)).toBe(first);
    expect(await cache.get('v1', { networkId: 'other' }, load)).not.toBe(first);
    expect(counter.reads).toBe(2);
    const after = await cache.get('v2', scope, load);
    expect(after).not.toBe(first);
    expect(after.nodes[0].id).toBe('read3-0');
  });

  it('shares one read between callers that ask at the same time', async () => {
    const cache = new SnapshotCache();
    const { counter, load } = loader();
    const [a, b] = await Promise.all([cache.get('v1', { all: true }, load), cache.get('v1', { all: true }, load)]);
    expect(a).toBe(b);
    expect(counter.reads).toBe(1);
  });

  it('reads again once a new version is named, even while an older read runs', async () => {
    const cache = new SnapshotCache();
    const { counter, load } = loader();
    const during = cache.get('v1', { all: true }, load);
    await cache.get('v2', { all: true }, load); // a write committed while the first read ran
    await during;
    expect(counter.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const cache = new SnapshotCache();
    let fail = true;
    const load = async () => {
      if (fail) throw new Error('not found');
      return { nodes: [], edges: [] };
    };
    await expect(cache.get('v1', { projectId: 'p' }, load)).rejects.toThrow('not found');
    fail = false;
    await expect(cache.get('v1', { projectId: 'p' }, load)).resolves.toEqual({ nodes: [], edges: [] });
  });

  it('freezes what it shares, so no caller can change what the next one sees', async () => {
    const cache = new SnapshotCache();
    const { load } = loader();
    const s = await cache.get('v1', { all: true }, load);
    expect(() => s.nodes.push(node('x'))).toThrow(TypeError);
    expect(() => {
      s.nodes[0].label = 'changed';
    }).toThrow(TypeError);
    expect(() => s.nodes[0].methodIds.push('m')).toThrow(TypeError);
  });

  it('forgets the least recently used scopes beyond its size budget, never the newest', async () => {
    const cache = new SnapshotCache(10);
    const { counter, load } = loader(4);
    await cache.get('v1', { networkId: 'a' }, load);
    await cache.get('v1', { networkId: 'b' }, load);
    await cache.get('v1', { networkId: 'a' }, load); // a is now the most recently used
    await cache.get('v1', { networkId: 'c' }, load); // 12 > 10: b goes
    expect(counter.reads).toBe(3);
    await cache.get('v1', { networkId: 'a' }, load);
    expect(counter.reads).toBe(3);
    await cache.get('v1', { networkId: 'b' }, load);
    expect(counter.reads).toBe(4);
    const huge = new SnapshotCache(1);
    const big = loader(5);
    const s = await huge.get('v1', { all: true }, big.load);
    expect(await huge.get('v1', { all: true }, big.load)).toBe(s);
  });
});
