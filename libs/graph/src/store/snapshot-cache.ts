import type { GraphSnapshot } from '@verkosto/domain';
import type { GraphScope } from '../graph-store';

/**
 * Snapshots kept from one write to the next. Reading the whole graph of 20,000 organisations takes
 * seconds and the partner finder needs it on every request, while the data changes only when
 * someone edits it. Correct only where this process is the database's sole writer (embedded Kùzu
 * holds its folder exclusively): the store calls `invalidate` after every write has finished,
 * committed or not, and a read that overlapped a write is dropped with it.
 *
 * Cached snapshots are shared by every caller, so they are frozen: code that would change one
 * fails loudly instead of changing what the next request sees.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, { snapshot: Promise<GraphSnapshot>; size: number }>();

  /**
   * @param maxElements nodes + edges kept over all entries; the most recent entry is kept even
   *   when it alone is larger.
   */
  constructor(private readonly maxElements = 2_000_000) {}

  get(scope: GraphScope, load: () => Promise<GraphSnapshot>): Promise<GraphSnapshot> {
    const key = JSON.stringify(scope);
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last, so the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.snapshot;
    }
    const entry = { snapshot: load().then(deepFreeze), size: 0 };
    this.entries.set(key, entry);
    entry.snapshot.then(
      (s) => {
        entry.size = s.nodes.length + s.edges.length;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.snapshot;
  }

  /** Forgets every snapshot: called after each write. */
  invalidate(): void {
    this.entries.clear();
  }

  private evict(): void {
    let total = [...this.entries.values()].reduce((sum, e) => sum + e.size, 0);
    for (const [key, e] of this.entries) {
      if (total <= this.maxElements || this.entries.size === 1) break;
      this.entries.delete(key);
      total -= e.size;
    }
  }
}

function deepFreeze(snapshot: GraphSnapshot): GraphSnapshot {
  for (const n of snapshot.nodes) {
    Object.freeze(n.methodIds);
    Object.freeze(n.targetGroupIds);
    Object.freeze(n);
  }
  snapshot.edges.forEach((e) => Object.freeze(e));
  Object.freeze(snapshot.nodes);
  Object.freeze(snapshot.edges);
  return Object.freeze(snapshot);
}
