import { CypherGraphStore, type GraphStore } from '@verkosto/graph';
import type { BenchContext, Section, SectionResult } from './report';
import { sample } from './stats';

type Read = (query: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/**
 * Diagnostics: the single Cypher statements behind the slow-looking calls, timed one by one
 * against the loaded database so a slow figure above can be pinned on a query. Reaches into the
 * store's engine (not part of the port), so it skips itself when the store is not the Cypher one.
 */
function engineRead(store: GraphStore): Read | null {
  if (!(store instanceof CypherGraphStore)) return null;
  const db = (store as unknown as { db?: { read?: Read } }).db;
  return db && typeof db.read === 'function' ? db.read.bind(db) : null;
}

export const queriesSection: Section = {
  name: 'queries',
  title: 'Query breakdown: statements behind snapshot() and the single-row writes',
  async run({ store, data }: BenchContext): Promise<SectionResult> {
    const read = engineRead(store);
    if (!read) return { figures: {}, notes: ['Skipped: the store is not a CypherGraphStore with a readable engine.'] };
    const q = (store as CypherGraphStore).q;
    const s = q.snapshot;
    const figures: SectionResult['figures'] = {};
    const opts = { warmup: 1, runs: 7, budgetMs: 8_000, minRuns: 3 };
    const timeQuery = async (name: string, query: string, params: Record<string, unknown>) => {
      const { timing, last } = await sample(() => read(query, params), opts);
      figures[name] = timing;
      figures[`${name}: rows`] = last.length;
      return last;
    };

    // The scope of the big network, step by step as readSnapshot walks it.
    const items = new Set<string>([data.bigNetworkId]);
    const inNetwork = await timeQuery('networkItems', s.networkItems, { id: data.bigNetworkId });
    inNetwork.forEach((r) => items.add(String(r.id)));
    const projects = inNetwork.filter((r) => r.label === 'Project').map((r) => String(r.id));
    (await timeQuery('underProjects', s.underProjects, { ids: projects })).forEach((r) => items.add(String(r.id)));
    let frontier = [...items];
    for (let step = 1; step <= 6 && frontier.length > 0; step++) {
      frontier = (await timeQuery(`continuing, step ${step}`, s.continuing, { ids: frontier })).map((r) => String(r.id)).filter((id) => !items.has(id));
      frontier.forEach((id) => items.add(id));
    }
    const ids = [...items];
    const scoped = s.scoped;
    await timeQuery('snapshot.projects', scoped.projects, { ids });
    await timeQuery('snapshot.activities', scoped.activities, { ids });
    await timeQuery('snapshot.networks', scoped.networks, { ids });
    const participations = await timeQuery('snapshot.participations', scoped.participations, { ids });
    for (const [kind, query] of Object.entries(scoped.structural)) await timeQuery(`snapshot.structural ${kind}`, query, { ids });
    const orgIds = [...new Set(participations.map((r) => String(r.source)))];
    await timeQuery('snapshot.organisations', scoped.organisations, { ids: orgIds });
    await timeQuery('snapshot.adoptions', scoped.adoptions, { ids: orgIds });
    // The whole graph, as the partner finder reads it: no id list at all.
    await timeQuery('snapshot all: participations', s.all.participations, {});

    // Statements every createOrganisation / addParticipation runs besides the insert itself.
    const org = data.dataset.organisations[1234];
    await timeQuery('organisation.findDuplicate', q.organisation.findDuplicate, { nameKey: 'benchmark-uusi', businessId: null });
    await timeQuery('organisation.get (by id)', q.organisation.get, { id: org.id });
    await timeQuery('participation.list (by org)', q.participation.list, { org: org.id });
    await timeQuery('participation.get (by r.id)', q.participation.get, { id: data.dataset.participations[54321].id ?? '' });
    await timeQuery('participation.targetLabel', q.participation.targetLabel, { id: data.dataset.activities[4321].id });
    return { figures };
  },
};
