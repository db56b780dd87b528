/**
 * Network metrics kept from one graph write to the next. The API asks for the same scope and date
 * again and again (every visit to the evaluator page) while the data changes only when someone
 * edits it, and at 25,000 organisations the first answer takes seconds. An entry is named by the
 * graph version read before the snapshot (every write sets a new one, and a new version forgets
 * every entry), the scope, the date and what the caller may see. A caller arriving while the same
 * answer is being computed waits for it instead of computing it again; a failure is not kept.
 *
 * Bounded: at most `maxEntries`, and at most `maxOrganisations` organisations over all entries
 * (the most recent entry is kept even when it alone is larger). An answer on 25,000 organisations
 * and 500,000 ties holds about 50 MB (mostly the tie ids of its evidence), so the default keeps
 * four of those. Answers are shared by every
 * caller with the same key, so they are frozen.
 */
import type { NetworkMetrics } from './metrics';

export class MetricsCache {
  private readonly entries = new Map<string, { value: Promise<NetworkMetrics>; size: number }>();
  private version: string | null = null;
  /** A number per hidden-set object: callers with the same closed networks share one set. */
  private readonly visibility = new WeakMap<object, number>();
  private nextVisibility = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = 16,
    private readonly maxOrganisations = 100_000,
  ) {}

  /** A short name for what a caller may see (the same object gives the same name). */
  visibilityKey(hidden: ReadonlySet<string>): string {
    if (hidden.size === 0) return 'all';
    let k = this.visibility.get(hidden);
    if (k === undefined) this.visibility.set(hidden, (k = ++this.nextVisibility));
    return `v${k}`;
  }

  get(version: string, key: string, compute: () => Promise<NetworkMetrics>): Promise<NetworkMetrics> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    this.misses++;
    const entry = { value: compute().then(freeze), size: 0 };
    this.entries.set(key, entry);
    entry.value.then(
      (m) => {
        entry.size = m.size;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private evict(): void {
    let total = [...this.entries.values()].reduce((sum, e) => sum + e.size, 0);
    for (const [key, e] of this.entries) {
      if ((total <= this.maxOrganisations && this.entries.size <= this.maxEntries) || this.entries.size === 1) break;
      this.entries.delete(key);
      total -= e.size;
    }
  }
}

function freeze(m: NetworkMetrics): NetworkMetrics {
  for (const o of m.organisations) Object.freeze(o);
  Object.freeze(m.organisations);
  Object.freeze(m.centrality);
  return Object.freeze(m);
}
