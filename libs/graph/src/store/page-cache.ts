import type { Row } from '../engine/engine';

/**
 * List reads kept for one graph version, as SnapshotCache keeps snapshots: every anonymous visitor
 * asks the same first page, and hidden items are filtered after the read, so one read serves all
 * callers until the next write. On Neo4j that spares a round trip per page. Rows read while a write
 * committed may be newer than their version, never older. Rows are shared, hence frozen.
 */
export class PageCache {
  private readonly entries = new Map<string, Promise<readonly Row[]>>();
  private version: string | null = null;

  constructor(private readonly maxEntries = 512) {}

  get(version: string, key: string, read: () => Promise<Row[]>): Promise<readonly Row[]> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) return hit;
    const entry = read().then((rows) => Object.freeze(rows.map((row) => Object.freeze(row))));
    entry.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}

/**
 * Reads of a value that callers must see at least as new as when they asked: a read already in
 * flight may predate a write that committed before the call, so everyone who asks meanwhile shares
 * the next read, started when that one ends. Under load one round trip answers many requests.
 */
export function coalescedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = () => {
    const started = read().finally(() => {
      if (current === started) current = null;
    });
    current = started;
    return started;
  };
  return () => {
    if (!current) return start();
    next ??= current
      .catch(() => undefined)
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}
