import { Limit } from './mutex';

describe('Limit', () => {
  it('runs at most its size at once, lets the others in as places free up, and frees a place on failure', async () => {
    const limit = new Limit(() => 2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const work = (i: number) =>
      limit.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (i === 1) throw new Error('fails');
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(work));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await work(5)).toBe(5);
  });

  it('follows its size as it changes', async () => {
    let size = 1;
    const limit = new Limit(() => size);
    let running = 0;
    const gates: (() => void)[] = [];
    const work = () => limit.run(() => (running++, new Promise<void>((resolve) => gates.push(resolve))));
    const all = [work(), work(), work()];
    await Promise.resolve();
    expect(running).toBe(1);
    size = 3;
    limit.admit();
    await Promise.resolve();
    expect(running).toBe(3);
    gates.forEach((open) => open());
    await Promise.all(all);
  });
});
