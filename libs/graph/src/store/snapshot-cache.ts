import type { GraphSnapshot } from '@verkosto/domain';
import type { GraphScope } from '../graph-store';

/**
 * Snapshots kept from one write to the next. Reading the whole graph of 20,000 organisations takes
 * a second and the partner finder needs it on every request, while the data changes only when
 * someone edits it. Each request names the graph version it read first (every write sets a new
 * one); a different version forgets every snapshot. A snapshot read while a write committed may
 * hold newer data than its version says, never older, and goes at the next version check.
 *
 * Cached snapshots are shared by every caller, so they are frozen: code that would change one
 * fails loudly instead of changing what the next request sees.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, { snapshot: Promise<GraphSnapshot>; size: number }>();
  private version: string | null = null;

  /**
   * @param maxElements nodes + edges kept over all entries; the most recent entry is kept even
   *   when it alone is larger.
   */
  constructor(private readonly maxElements = 2_000_000) {}

  get(version: string, scope: GraphScope, load: () => Promise<GraphSnapshot>): Promise<GraphSnapshot> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
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
