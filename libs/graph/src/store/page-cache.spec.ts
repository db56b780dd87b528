import { coalescedRead, PageCache } from './page-cache';

describe('page cache', () => {
  it('reads a page once per graph version, shares it frozen, and reads again after a write', async () => {
    const cache = new PageCache();
    let reads = 0;
    const read = async () => [{ id: `o${++reads}` }];
    const first = await cache.get('v1', 'page', read);
    expect(await cache.get('v1', 'page', read)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    expect(await cache.get('v2', 'page', read)).toEqual([{ id: 'o2' }]);
    expect(reads).toBe(2);
  });

  it('forgets a failed read and keeps at most its size', async () => {
    const cache = new PageCache(2);
    await expect(cache.get('v', 'a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('v', 'a', async () => [{ id: 'a' }])).toEqual([{ id: 'a' }]);
    await cache.get('v', 'b', async () => []);
    await cache.get('v', 'c', async () => []);
    expect(await cache.get('v', 'a', async () => [{ id: 'again' }])).toEqual([{ id: 'again' }]);
  });
});

describe('coalesced reads', () => {
  it('gives each caller a read that began after it asked, shared by everyone who asked meanwhile', async () => {
    let value = 0;
    const started: number[] = [];
    const resolvers: (() => void)[] = [];
    const read = coalescedRead(
      () =>
        new Promise<number>((resolve) => {
          started.push(value);
          resolvers.push(() => resolve(value));
        }),
    );
    const a = read(); // starts read 1
    value = 1; // a write commits while read 1 is in flight
    const b = read();
    const c = read(); // b and c share read 2, which starts after read 1 ends
    expect(started).toEqual([0]);
    resolvers[0]();
    expect(await a).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    resolvers[1]();
    expect([await b, await c]).toEqual([1, 1]);
    expect(started.length).toBe(2);
  });
});
