import { MetricsCache, networkMetricsAsync, type NetworkMetrics } from '@verkosto/analytics';
import { karateSnapshot } from './karate.fixture';

const AT = '2024-01-01';

describe('MetricsCache', () => {
  it('computes once per version and key, shares a computation in flight, forgets on a new version', async () => {
    const cache = new MetricsCache();
    let computed = 0;
    const compute = () => {
      computed++;
      return networkMetricsAsync(karateSnapshot(), AT, { threads: 1 });
    };
    const [a, b] = await Promise.all([cache.get('v1', 'k', compute), cache.get('v1', 'k', compute)]);
    expect(a).toBe(b);
    expect(computed).toBe(1);
    expect(Object.isFrozen(a.organisations[0])).toBe(true);
    await cache.get('v1', 'other', compute);
    expect(computed).toBe(2);
    expect(await cache.get('v1', 'k', compute)).toBe(a);
    expect(await cache.get('v2', 'k', compute)).not.toBe(a);
    expect(computed).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('does not keep a failure', async () => {
    const cache = new MetricsCache();
    await expect(cache.get('v', 'k', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    const m = { size: 1, organisations: [], centrality: {} } as unknown as NetworkMetrics;
    expect(await cache.get('v', 'k', async () => m)).toBe(m);
  });

  it('is bounded by entries and by organisations', async () => {
    const cache = new MetricsCache(2, 100);
    const of = (size: number) => async () => ({ size, organisations: [], centrality: {} }) as unknown as NetworkMetrics;
    for (const k of ['a', 'b', 'c']) await cache.get('v', k, of(10));
    expect(cache.size).toBe(2);
    await cache.get('v', 'big', of(500));
    expect(cache.size).toBe(1);
  });

  it('names visibility by the hidden set object', () => {
    const cache = new MetricsCache();
    const hidden = new Set(['x']);
    expect(cache.visibilityKey(new Set())).toBe('all');
    expect(cache.visibilityKey(hidden)).toBe(cache.visibilityKey(hidden));
    expect(cache.visibilityKey(new Set(['x']))).not.toBe(cache.visibilityKey(hidden));
  });
});
