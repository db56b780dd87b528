/**
 * Gathers the keys asked for while GraphQL resolves one level of a list (each item's field
 * resolver runs in the same turn of the event loop, behind its guards' promises) and loads them in
 * one call: a page of 200 organisations reads their participations once, not 200 times.
 */
export function batched<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V> {
  let pending: { keys: Set<K>; result: Promise<Map<K, V>> } | null = null;
  return (key) => {
    if (!pending) {
      const keys = new Set<K>();
      // setImmediate, not a microtask: the resolvers of one list reach here over several microtask turns.
      const result = new Promise<Map<K, V>>((resolve, reject) =>
        setImmediate(() => {
          pending = null; // keys asked for from now on go to the next batch
          load([...keys]).then(resolve, reject);
        }),
      );
      pending = { keys, result };
    }
    pending.keys.add(key);
    return pending.result.then((values) => values.get(key)!);
  };
}

/** One batch per request and argument set: kept on the request's own object, gone with it. */
export function perRequest<O extends object, K, V>(make: (owner: O, variant: string) => (key: K) => Promise<V>) {
  const byOwner = new WeakMap<O, Map<string, (key: K) => Promise<V>>>();
  return (owner: O, variant = '') => {
    const variants = byOwner.get(owner) ?? new Map<string, (key: K) => Promise<V>>();
    byOwner.set(owner, variants);
    let load = variants.get(variant);
    if (!load) variants.set(variant, (load = make(owner, variant)));
    return load;
  };
}
