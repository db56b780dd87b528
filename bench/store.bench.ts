import { MUNICIPALITIES, SYSTEM_ACTOR, sliceSnapshot, type GraphSnapshot, type TimeWindow } from '@verkosto/domain';
import type { BenchContext, Section, SectionResult } from './report';
import { round, sample, summarise, time } from './stats';

/** The day the map's slider is set to in the snapshot section. */
export const SLICE_AT = '2019-06-15';

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/** Generate → loadDataset into the empty store: one validation plus one COPY transaction. */
export const importSection: Section = {
  name: 'import',
  title: 'Bulk import (loadDataset into an empty database)',
  async run({ store, data, generateMs }: BenchContext): Promise<SectionResult> {
    const origin = { label: 'benchmark data', source: { kind: 'IMPORT' as const, ref: 'bench/generate.ts' } };
    const { ms } = await time(() => store.loadDataset(data.dataset, SYSTEM_ACTOR, origin));
    const counts = await store.counts();
    const notes: string[] = [];
    const expected: Record<string, number> = {
      Organisation: data.sizes.organisations,
      Project: data.sizes.projects,
      Activity: data.sizes.activities,
      Network: data.sizes.networks,
      PARTICIPATES: data.sizes.participations,
    };
    for (const [label, n] of Object.entries(expected)) {
      if (counts[label] !== n) notes.push(`${label}: stored ${counts[label]}, generated ${n}.`);
    }
    return {
      figures: {
        'generate (s)': round(generateMs / 1000, 2),
        'loadDataset (s)': round(ms / 1000, 2),
        'nodes written': data.rows.nodes,
        'relationships written': data.rows.relationships,
        'nodes/s': perSecond(data.rows.nodes, ms),
        'relationships/s': perSecond(data.rows.relationships, ms),
        'rows/s (all)': perSecond(data.rows.nodes + data.rows.relationships, ms),
        'participations stored': counts.PARTICIPATES ?? 0,
      },
      notes,
    };
  },
};

/** What the networkGraph query does: snapshot of the network, then the slice at one day. */
export const snapshotSection: Section = {
  name: 'snapshot',
  title: `networkGraph: snapshot({networkId}) + sliceSnapshot(at ${SLICE_AT})`,
  async run({ store, data }: BenchContext): Promise<SectionResult> {
    const scope = { networkId: data.bigNetworkId };
    const window: TimeWindow = { start: SLICE_AT, end: SLICE_AT };
    for (let i = 0; i < 2; i++) sliceSnapshot(await store.snapshot(scope), window);
    // The store keeps a snapshot until the next write: the first read after one is the real read.
    const afterWrite: number[] = [];
    for (let i = 0; i < 5; i++) {
      await store.updateNetwork(data.bigNetworkId, {}, SYSTEM_ACTOR);
      afterWrite.push((await time(() => store.snapshot(scope))).ms);
    }
    const [snapMs, sliceMs, totalMs] = [[], [], []] as number[][];
    let full: GraphSnapshot = { nodes: [], edges: [] };
    let sliced: GraphSnapshot = full;
    const started = performance.now();
    while (totalMs.length < 15 && (totalMs.length < 5 || performance.now() - started < 30_000)) {
      const t0 = performance.now();
      full = await store.snapshot(scope);
      const t1 = performance.now();
      sliced = sliceSnapshot(full, window);
      const t2 = performance.now();
      snapMs.push(t1 - t0);
      sliceMs.push(t2 - t1);
      totalMs.push(t2 - t0);
    }
    const orgs = (s: GraphSnapshot) => s.nodes.filter((n) => n.kind === 'ORGANISATION').length;
    const notes: string[] = [];
    if (orgs(full) !== data.sizes.bigNetworkOrganisations) {
      notes.push(`The snapshot holds ${orgs(full)} organisations; the generator meant ${data.sizes.bigNetworkOrganisations}.`);
    }
    return {
      figures: {
        'snapshot({networkId}) after a write': summarise(afterWrite),
        'snapshot + slice': summarise(totalMs),
        'snapshot({networkId})': summarise(snapMs),
        'sliceSnapshot(at)': summarise(sliceMs),
        'full: nodes': full.nodes.length,
        'full: edges': full.edges.length,
        'full: organisations': orgs(full),
        [`at ${SLICE_AT}: nodes`]: sliced.nodes.length,
        [`at ${SLICE_AT}: edges`]: sliced.edges.length,
        [`at ${SLICE_AT}: organisations`]: orgs(sliced),
      },
      notes,
    };
  },
};

/** The organisations list page with a search, its next page, and a plain page. */
export const listSection: Section = {
  name: 'list',
  title: 'listOrganisations pages (first: 50)',
  async run({ store, data }: BenchContext): Promise<SectionResult> {
    const search = 'nuorisoyhdistys';
    const first = await sample(() => store.listOrganisations({ search, first: 50 }), { runs: 30 });
    const after = first.last.endCursor;
    const next = await sample(() => store.listOrganisations({ search, first: 50, after }), { runs: 30 });
    const plain = await sample(() => store.listOrganisations({ first: 50 }), { runs: 30 });
    const code = MUNICIPALITIES[0].code;
    const filtered = await sample(() => store.listOrganisations({ search: 'yhdistys', municipalityCode: code, first: 50 }), {
      runs: 20,
    });
    const ids = data.dataset.organisations.map((o) => o.id);
    const byId = await sample((i) => store.getOrganisation(ids[(i * 7919) % ids.length]), { runs: 50 });
    return {
      figures: {
        [`search "${search}" page 1`]: first.timing,
        [`search "${search}" page 2`]: next.timing,
        'no search, page 1': plain.timing,
        [`search "yhdistys" + municipality ${code}`]: filtered.timing,
        'getOrganisation(id)': byId.timing,
        [`"${search}" totalCount`]: first.last.totalCount ?? 0,
        'all organisations totalCount': plain.last.totalCount ?? 0,
      },
    };
  },
};

/** The global search box: a common, a middling and a one-hit term. */
export const searchSection: Section = {
  name: 'search',
  title: 'search(text) (limit 20, over all four item tables)',
  async run({ store, data }: BenchContext): Promise<SectionResult> {
    const rare = data.dataset.organisations[4321].name;
    const figures: SectionResult['figures'] = {};
    for (const text of ['kuopio', 'vertaisryhmä', rare]) {
      const { timing, last } = await sample(() => store.search(text), { runs: 30 });
      figures[`search("${text}")`] = timing;
      figures[`hits for "${text}"`] = last.length;
    }
    return { figures };
  },
};

/** Single-row mutations on the loaded database: each is its own transaction with its checks. */
export const writeSection: Section = {
  name: 'writes',
  title: 'Single-row writes on the loaded database',
  async run({ store, data }: BenchContext): Promise<SectionResult> {
    const codes = MUNICIPALITIES.map((m) => m.code);
    const created: string[] = [];
    const create = await sample(
      async (i) => {
        const org = await store.createOrganisation({ name: `Benchmark-yhdistys ${i}`, kind: 'ASSOCIATION', municipalityCode: codes[i % codes.length] }, SYSTEM_ACTOR);
        created.push(org.id);
        return org;
      },
      { warmup: 2, runs: 20 },
    );
    // Existing organisations (with their own participations) joining activities they are not in yet.
    const d = data.dataset;
    const taken = new Set(d.participations.map((p) => `${p.organisationId}|${p.targetId}`));
    const pairs: [string, string][] = [];
    for (let i = 0; pairs.length < 40; i++) {
      const org = d.organisations[(data.sizes.bigNetworkOrganisations + i * 131) % d.organisations.length].id;
      const act = d.activities[(data.sizes.bigNetworkActivities + i * 977) % d.activities.length].id;
      if (!taken.has(`${org}|${act}`)) pairs.push([org, act]);
    }
    const participate = await sample(
      (i) => store.addParticipation({ organisationId: pairs[i][0], targetId: pairs[i][1], role: 'PARTICIPANT', validFrom: '2024-03-01', validTo: null }, SYSTEM_ACTOR),
      { warmup: 2, runs: 20 },
    );
    return {
      figures: {
        createOrganisation: create.timing,
        addParticipation: participate.timing,
      },
    };
  },
};
