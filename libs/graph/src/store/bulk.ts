/** Bulk writes, each one recorded change: a dataset load, an import's planned changes, the demo seed; and the counts. */
import { SYSTEM_ACTOR, conflict, type Actor, type BaselinePart, type GraphBaseline, type GraphChanges, type SeedDataset } from '@verkosto/domain';
import type { ApplyOptions, LoadOrigin } from '../graph-store';
import { readBaseline, writeChanges } from './changes';
import { datasetTables, validateDataset } from './dataset';
import type { GraphReads } from './graph-reads';
import { asJson } from './history-records';
import type { Queries } from './queries';
import { hex, now, type StoreContext } from './store-context';

/** What counts() reports, under the labels of node.counts. */
const COUNTED = ['Organisation', 'Project', 'Activity', 'Network', 'Person', 'Change', 'PARTICIPATES'];

/** A load with no origin given: ties without a source of their own count as imported. */
const UNNAMED_LOAD: LoadOrigin = { label: 'data load', source: { kind: 'IMPORT', ref: null } };
const DEMO_LOAD: LoadOrigin = { label: 'demo data', source: { kind: 'DEMO', ref: 'seeds' } };

export class Bulk {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly graphReads: GraphReads,
  ) {
    this.q = ctx.q;
  }

  /** The whole load is one change: it names every item it brought, and the file or source it came from. */
  async loadDataset(dataset: SeedDataset, actor: Actor, origin: LoadOrigin = UNNAMED_LOAD): Promise<void> {
    const clean = validateDataset(dataset, origin.source);
    await this.ctx.recorded(actor, async (tx, log) => {
      const itemIds = [...clean.organisations, ...clean.projects, ...clean.activities, ...clean.networks].map((n) => n.id);
      const existing = await tx.run(this.q.node.existingIds, { ids: itemIds });
      if (existing.length > 0) {
        throw conflict(`${existing.length} of the ids are already in the database (first: ${existing[0].id}).`);
      }
      const known = new Set((await tx.run(this.q.reference.termIds)).map((r) => `${r.label}:${r.id}`));
      const municipalities = new Set((await tx.run(this.q.reference.municipalities)).map((r) => String(r.code)));
      await tx.bulkLoad(datasetTables(clean, now(), { known, municipalities }));
      const loadId = `load-${hex(6)}`;
      log.about('LOAD', 'DATASET', loadId, origin.label);
      const counts = {
        organisations: clean.organisations.length,
        projects: clean.projects.length,
        activities: clean.activities.length,
        networks: clean.networks.length,
        participations: clean.participations.length,
      };
      log.add(
        { kind: 'DATASET', id: loadId, before: null, after: { label: origin.label, source: asJson(origin.source), ...counts } },
        clean.networks.map((n) => n.id),
      );
      log.addLoaded(itemIds);
    });
    this.graphReads.clearReferenceLists(); // after the commit, so no read can cache the old lists again
  }

  /**
   * An import is recorded as one LOAD change naming the file and every item it created or updated,
   * like a dataset load: final (not undone), and later undos of what it touched see it.
   */
  async applyChanges<T>(
    parts: BaselinePart[],
    plan: (baseline: GraphBaseline) => Promise<{ changes: GraphChanges; result: T }>,
    actor: Actor,
    options: ApplyOptions = {},
  ): Promise<T> {
    const { dryRun = false, onProgress, label = 'import' } = options;
    if (dryRun) {
      onProgress?.({ step: 'reading' });
      return (await plan(await readBaseline((query, params) => this.ctx.db.read(query, params), this.q.importing.baseline, parts))).result;
    }
    return this.ctx.recorded(actor, async (tx, log) => {
      onProgress?.({ step: 'reading' });
      const baseline = await readBaseline((query, params) => tx.run(query, params), this.q.importing.baseline, parts);
      const { changes, result } = await plan(baseline);
      await writeChanges(tx, this.q, changes, now(), (done, total) => onProgress?.({ step: 'writing', done, total }));
      const counts = Object.fromEntries(Object.entries(changes).map(([kind, c]) => [kind, { created: c.create.length, updated: c.update.length }]));
      const touched = Object.values(changes).flatMap((c) => [...c.create, ...c.update.map((u: { record: { id: string } }) => u.record)].map((r) => r.id));
      if (touched.length === 0) return result;
      const loadId = `load-${hex(6)}`;
      log.about('LOAD', 'DATASET', loadId, label);
      log.add({ kind: 'DATASET', id: loadId, before: null, after: asJson({ label, ...counts }) }, []);
      log.addLoaded(touched);
      return result;
    });
  }

  async seedDemoOnce(dataset: SeedDataset): Promise<boolean> {
    const [flag] = await this.ctx.db.read(this.q.meta.get, { key: 'demoSeededAt' });
    const [count] = await this.ctx.db.read(this.q.node.countOrganisations);
    if (flag || Number(count.n) > 0) return false;
    await this.loadDataset(dataset, SYSTEM_ACTOR, DEMO_LOAD);
    await this.ctx.db.write((tx) => tx.run(this.q.meta.set, { key: 'demoSeededAt', value: now() }));
    return true;
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.ctx.db.read(this.q.node.counts);
    // Neo4j gives no row at all for a label no node has ever carried.
    const counts: Record<string, number> = Object.fromEntries(COUNTED.map((label) => [label, 0]));
    for (const r of rows) counts[String(r.label)] = Number(r.n);
    return counts;
  }
}
