import { batched, perRequest } from './batch';

describe('batched loads', () => {
  it('loads the keys asked for in one turn together, over several microtask turns, and later ones apart', async () => {
    const calls: string[][] = [];
    const load = batched(async (keys: string[]) => (calls.push(keys), new Map(keys.map((k) => [k, k.toUpperCase()]))));
    const first = Promise.all([
      load('a'),
      Promise.resolve().then(() => load('b')),
      Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => load('a')),
    ]);
    expect(await first).toEqual(['A', 'B', 'A']);
    expect(await load('c')).toBe('C');
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('gives every caller of a failed batch its error, and the next batch a fresh start', async () => {
    let fail = true;
    const load = batched(async (keys: number[]) => {
      if (fail) throw new Error('store down');
      return new Map(keys.map((k) => [k, k * 2]));
    });
    await expect(Promise.all([load(1), load(2)])).rejects.toThrow('store down');
    fail = false;
    expect(await load(3)).toBe(6);
  });

  it('keeps one batch per owner and variant', () => {
    const make = jest.fn((_: object, variant: string) => batched(async (keys: string[]) => new Map(keys.map((k) => [k, variant]))));
    const of = perRequest(make);
    const request = {};
    expect(of(request, 'x')).toBe(of(request, 'x'));
    expect(of(request, 'y')).not.toBe(of(request, 'x'));
    expect(of({}, 'x')).not.toBe(of(request, 'x'));
    expect(make).toHaveBeenCalledTimes(3);
  });
});
