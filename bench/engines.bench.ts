/**
 * Both engines side by side on the same data (the figures): the bulk load of the bench
 * dataset, the registry import, and the app over HTTP — a list page at concurrency 50 against
 * `{ __typename }` in the same run, an anonymous map of the 2,000-organisation network while other
 * networks are private, and 10 writers with 40 readers. Neo4j is the test server's (started here
 * when VERKOSTO_TEST_NEO4J is unset and Java and Maven are present).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SYSTEM_ACTOR, type SeedDataset } from '@verkosto/domain';
import { EVERY_RIGHT, importFile } from '@verkosto/exchange';
import { openStore, type StoreConfig } from '@verkosto/graph';
import { createTestNeo4j, testNeo4jConfig, testNeo4jControl } from '@verkosto/graph/testing';
import { gql, load, startApp, type Load } from './http-load';
import type { Figure, Section, SectionResult } from './report';
import { round } from './stats';

const REGISTRY = 'FI_EAKR_ESR_2007-2013_projektilista.csv';
const MIXED_MS = Number(process.env.BENCH_MIXED_SECONDS ?? 60) * 1000;
const BURST_MS = 10_000;

interface Database {
  config: StoreConfig;
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function database(engine: 'embedded' | 'neo4j'): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-bench-engines-'));
  const gone = async () => rmSync(dataDir, { recursive: true, force: true });
  if (engine === 'embedded') return { config: { dataDir }, env: { DATA_DIR: dataDir }, drop: gone };
  const neo4j = await createTestNeo4j();
  return {
    config: { dataDir, neo4j: testNeo4jConfig(neo4j.uri) },
    env: { DATA_DIR: dataDir, NEO4J_URI: neo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' },
    drop: async () => (await neo4j.drop(), gone()),
  };
}

export const enginesSection: Section = {
  name: 'engines',
  title: 'Both engines on the same data (bulk load, registry import, HTTP under load)',
  async run({ data }): Promise<SectionResult> {
    let stopServer: (() => Promise<void>) | null = null;
    if (!testNeo4jControl()) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const server = await require('../../tools/neo4j-test-server/launch').launch();
        process.env.VERKOSTO_TEST_NEO4J = server.control;
        stopServer = server.stop;
      } catch (error) {
        console.log(`No test Neo4j (${(error as Error).message.split('\n')[0]}): the embedded engine alone.`);
      }
    }
    // BENCH_ENGINES=neo4j measures one engine alone, e.g. while working on it.
    const engines = (testNeo4jControl() ? (['embedded', 'neo4j'] as const) : (['embedded'] as const)).filter(
      (engine) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(',').includes(engine),
    );
    const rows: Record<string, Record<string, Figure>> = {};
    try {
      for (const engine of engines) rows[engine] = await measure(engine, data.dataset, data.bigNetworkId);
    } finally {
      await stopServer?.();
    }
    const names = Object.keys(rows[engines[0]]);
    console.log(`\n${'figure'.padEnd(58)}${engines.map((e) => e.padStart(14)).join('')}`);
    for (const name of names) console.log(`${name.padEnd(58)}${engines.map((e) => String(rows[e][name]).padStart(14)).join('')}`);
    return { figures: Object.fromEntries(engines.flatMap((e) => names.map((n) => [`${e}: ${n}`, rows[e][n]]))) };
  },
};

async function measure(engine: 'embedded' | 'neo4j', dataset: SeedDataset, bigNetworkId: string) {
  const figures: Record<string, Figure> = {};
  const registry = await database(engine);
  try {
    const store = await openStore(registry.config);
    const content = new Uint8Array(gunzipSync(readFileSync(join(process.cwd(), 'test', 'fixtures', 'structural-funds-fi', `${REGISTRY}.gz`))));
    const started = performance.now();
    await importFile(store, { fileName: REGISTRY, content }, { actor: SYSTEM_ACTOR, rights: EVERY_RIGHT, skipRejected: true });
    figures['import of the 19,940-row registry list (s)'] = round((performance.now() - started) / 1000, 2);
    await store.close();
  } finally {
    await registry.drop();
  }

  const db = await database(engine);
  try {
    const store = await openStore(db.config);
    const started = performance.now();
    await store.loadDataset(dataset, SYSTEM_ACTOR, { label: 'benchmark data', source: { kind: 'IMPORT', ref: 'bench/generate.ts' } });
    figures['bulk load of the bench dataset (s)'] = round((performance.now() - started) / 1000, 2);
    await store.close();

    const app = await startApp(db.env);
    try {
      const list = '{ organisations(first: 20) { nodes { id name } } }';
      await gql(app.url, null, list); // warm
      const typename = await load(50, BURST_MS, () => gql(app.url, null, '{ __typename }'));
      const page = await load(50, BURST_MS, () => gql(app.url, null, list));
      figures['{ __typename } at concurrency 50 (req/s)'] = typename.perSecond;
      figures['organisations(first: 20) at concurrency 50 (req/s)'] = page.perSecond;
      figures['  ratio to { __typename }'] = round(page.perSecond / typename.perSecond, 2);

      const map = `{ networkGraph(networkId: "${bigNetworkId}") { nodes { id } } }`;
      const anonymous = await load(1, BURST_MS, () => gql(app.url, null, map));
      figures['anonymous networkGraph, 2,000-org network: p50 (ms)'] = anonymous.p50Ms;
      figures['anonymous networkGraph, 2,000-org network: p95 (ms)'] = anonymous.p95Ms;

      const writes: Load[] = [];
      const reads: Load[] = [];
      await Promise.all([
        load(10, MIXED_MS, (w, i) =>
          gql(app.url, app.token, 'mutation($n: String!) { createOrganisation(input: { name: $n, kind: ASSOCIATION }) { id } }', { n: `Kirjoittaja ${w} yhdistys ${i}` }),
        ).then((l) => writes.push(l)),
        load(40, MIXED_MS, () => gql(app.url, null, list)).then((l) => reads.push(l)),
      ]);
      figures[`10 writers + 40 readers, ${MIXED_MS / 1000} s: writes/s`] = writes[0].perSecond;
      figures['  write p50 (ms)'] = writes[0].p50Ms;
      figures['  write p99 (ms)'] = writes[0].p99Ms;
      figures['  reads/s'] = reads[0].perSecond;
      figures['  read p99 (ms)'] = reads[0].p99Ms;
    } finally {
      await app.stop();
    }
  } finally {
    await db.drop();
  }
  return figures;
}
