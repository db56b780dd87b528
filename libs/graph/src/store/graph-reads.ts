/** Reads across the whole graph: snapshots of a scope, search, and the reference lists. */
import { badInput, foldText, notFound, type GraphSnapshot, type Municipality, type OperatingModel, type Region, type Term } from '@verkosto/domain';
import type { Row } from '../engine/engine';
import type { GraphScope, SearchHit } from '../graph-store';
import type { Networks } from './networks';
import { MAX_PAGE_SIZE } from './paging';
import type { Projects } from './projects';
import type { Queries } from './queries';
import { readSnapshot } from './snapshot';
import { SnapshotCache } from './snapshot-cache';
import type { StoreContext } from './store-context';

function toTerm(r: Row): Term {
  return { id: String(r.id), nameFi: String(r.nameFi), nameSv: String(r.nameSv), nameEn: String(r.nameEn) };
}

export class GraphReads {
  private readonly q: Queries;
  /** Snapshots kept until the graph version changes. */
  private readonly snapshots = new SnapshotCache();
  /**
   * Reference lists are read once and kept: field resolvers ask for them per item. Only a dataset
   * load can add vocabulary, so it clears them.
   */
  private readonly referenceCache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: StoreContext,
    private readonly projects: Projects,
    private readonly networks: Networks,
  ) {
    this.q = ctx.q;
  }

  async snapshot(scope: GraphScope): Promise<GraphSnapshot> {
    const load = async () => {
      if ('networkId' in scope && !(await this.networks.getNetwork(scope.networkId))) throw notFound('Network', scope.networkId);
      if ('projectId' in scope && !(await this.projects.getProject(scope.projectId))) throw notFound('Project', scope.projectId);
      return readSnapshot((query, params) => this.ctx.db.read(query, params), this.q.snapshot, scope);
    };
    return this.snapshots.get(await this.ctx.graphVersion(), scope, load);
  }

  async search(text: string, limit = 20): Promise<SearchHit[]> {
    const folded = foldText(text);
    if (folded.length < 2) throw badInput('Type at least two letters to search.', { field: 'text' });
    const rows = await this.ctx.db.read(this.q.search, { q: folded, limit: Math.min(limit, MAX_PAGE_SIZE) });
    return rows
      .map((r) => ({ id: String(r.id), kind: r.kind as SearchHit['kind'], label: String(r.label), starts: String(r.searchText).startsWith(folded) }))
      .sort((a, b) => Number(b.starts) - Number(a.starts) || a.label.localeCompare(b.label, 'fi'))
      .slice(0, limit)
      .map(({ id, kind, label }) => ({ id, kind, label }));
  }

  /** Forgets the kept reference lists; a dataset load calls it after its commit. */
  clearReferenceLists(): void {
    this.referenceCache.clear();
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.referenceCache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      value.catch(() => this.referenceCache.delete(key));
      this.referenceCache.set(key, value);
    }
    return value;
  }

  municipalities(): Promise<Municipality[]> {
    return this.cached('municipalities', async () =>
      (await this.ctx.db.read(this.q.reference.municipalities)).map((r) => ({
        code: String(r.code),
        name: String(r.name),
        nameSv: String(r.nameSv),
        regionCode: String(r.regionCode),
      })),
    );
  }

  regions(): Promise<Region[]> {
    return this.cached('regions', async () =>
      (await this.ctx.db.read(this.q.reference.regions)).map((r) => ({
        code: String(r.code),
        name: String(r.name),
        nameSv: String(r.nameSv),
      })),
    );
  }

  methods(): Promise<Term[]> {
    return this.cached('methods', async () => (await this.ctx.db.read(this.q.reference.methods)).map(toTerm));
  }

  targetGroups(): Promise<Term[]> {
    return this.cached('targetGroups', async () => (await this.ctx.db.read(this.q.reference.targetGroups)).map(toTerm));
  }

  operatingModels(): Promise<OperatingModel[]> {
    return this.cached('operatingModels', async () =>
      (await this.ctx.db.read(this.q.reference.operatingModels)).map((r) => ({
        id: String(r.id),
        name: String(r.name),
        description: r.description === null ? null : String(r.description),
      })),
    );
  }
}
