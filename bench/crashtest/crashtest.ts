/**
 * `npm run crashtest`: kill -9 at random instants of three kinds of write, on each engine, then
 * check the database. An import of the 19,940-row registry list and a `restore --replace` run as
 * the real command-line tools; the burst is a process writing single mutations one by one.
 *
 *   torn — the database holds part of a write: neither the state before it nor the state after it;
 *   lost — something committed is gone: the baseline, or a write the process had acknowledged.
 *
 * Half of the kills fall anywhere in the run, half in its last fifth, where the commit is. Every
 * trial starts from the same baseline (the demo networks) restored into an empty database.
 * CRASHTEST_TRIALS sets the trials per scenario (default 50); `--engine embedded|neo4j|both`;
 * `--only <text>` runs the scenarios whose name holds it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { newBackupKey, openStore, type GraphStore, type StoreConfig } from '@verkosto/graph';
import { DEMO_DATASET } from '@verkosto/graph/demo';
import { createTestNeo4j, testNeo4jConfig, testNeo4jControl, type TestNeo4j } from '@verkosto/graph/testing';

const DIST = join(__dirname, '..', '..');
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'structural-funds-fi');
const REGISTRY = 'FI_EAKR_ESR_2007-2013_projektilista.csv';
const SMALL_REGISTRY = 'FI_EAKR_ESR_2014-2020_projektilista.csv';
const BURST = 400;
const TRIALS = Number(process.env.CRASHTEST_TRIALS ?? 50);

type Engine = 'embedded' | 'neo4j';
interface Database {
  config: StoreConfig;
  env: Record<string, string>;
  drop(): Promise<void>;
}
interface Outcome {
  torn: boolean;
  lost: boolean;
  /** The write is there whole: how many kills fell after its commit shows the window was covered. */
  applied: boolean;
  detail: string;
}
interface Scenario {
  name: string;
  /** The killed process: command-line arguments for node, run against `db`. */
  command(trial: number): string[];
  /** Looks at the database after the kill; `acked` holds the lines the process printed. */
  check(store: GraphStore, acked: string[], finished: boolean): Promise<Outcome>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'verkosto-crash-'));
  tempDirs.push(dir);
  return dir;
};

/** Every trial database signs backups with one key (BACKUP_KEY), so each restores the others' files. */
const BACKUP_KEY = newBackupKey();

async function newDatabase(engine: Engine): Promise<Database> {
  const dataDir = tempDir();
  if (engine === 'embedded') {
    return { config: { dataDir, backupKey: BACKUP_KEY }, env: { DATA_DIR: dataDir, BACKUP_KEY }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const neo4j: TestNeo4j = await createTestNeo4j();
  return {
    config: { dataDir, neo4j: testNeo4jConfig(neo4j.uri), backupKey: BACKUP_KEY },
    env: { DATA_DIR: dataDir, NEO4J_URI: neo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', BACKUP_KEY },
    drop: neo4j.drop,
  };
}

async function withStore<T>(db: Database, use: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(db.config);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Runs node with `args` against the database; kills it with SIGKILL after `killAfterMs` (if given). */
function runKilled(args: string[], db: Database, killAfterMs?: number) {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'))), ...db.env, LANG: 'en' };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  const started = performance.now();
  const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise<{ out: string; errors: string; code: number | null; ms: number }>((resolve) =>
    child.once('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ out, errors, code, ms: performance.now() - started });
    }),
  );
}

async function main() {
  const wanted = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'both';
  const engines = (['embedded', 'neo4j'] as Engine[]).filter((e) => wanted === 'both' || wanted === e);
  if (engines.includes('neo4j') && !testNeo4jControl()) {
    if (wanted === 'neo4j' || process.env.VERKOSTO_REQUIRE_NEO4J === '1') throw new Error('No test Neo4j: start tools/neo4j-test-server and set VERKOSTO_TEST_NEO4J.');
    console.log('crashtest: no test Neo4j (VERKOSTO_TEST_NEO4J unset); the Neo4j trials did not run.');
    engines.splice(engines.indexOf('neo4j'), 1);
  }
  const files = tempDir();
  for (const name of [REGISTRY, SMALL_REGISTRY]) writeFileSync(join(files, name), gunzipSync(readFileSync(join(FIXTURES, `${name}.gz`))));
  let totals = { trials: 0, torn: 0, lost: 0 };
  for (const engine of engines) {
    // The baseline, and the other state a restore brings: the baseline plus the 2014–2020 list.
    const source = await newDatabase(engine);
    const baseline = await withStore(source, async (store) => (await store.seedDemoOnce(DEMO_DATASET), store.backup()));
    const importCli = join(DIST, 'apps', 'api', 'src', 'import', 'import-cli.js');
    const imported = await runKilled([importCli, join(files, SMALL_REGISTRY), '--skip-rejected'], source);
    if (imported.code === 2 || imported.code === null) throw new Error(`Preparing the restore file failed:\n${imported.errors}`);
    const other = await withStore(source, (store) => store.backup());
    await source.drop();
    writeFileSync(join(files, 'other.jsonl'), other);
    const baselineCounts = await countsOf(engine, baseline);

    /** The counts after a whole import, known once its calibration run is done. */
    let full: Record<string, number> | null = null;
    const restoreCli = join(DIST, 'apps', 'api', 'src', 'cli', 'backup.js');
    const scenarios: Scenario[] = [
      {
        name: 'import',
        command: () => [importCli, join(files, REGISTRY), '--skip-rejected'],
        check: async (store, _acked, finished) => {
          const counts = await store.counts();
          const before = sameCounts(counts, baselineCounts);
          const after = full !== null && sameCounts(counts, full);
          return { torn: !before && !after, lost: (finished && !after) || lessThan(counts, baselineCounts), applied: after, detail: JSON.stringify(counts) };
        },
      },
      {
        name: 'restore --replace',
        command: () => [restoreCli, 'restore', join(files, 'other.jsonl'), '--replace'],
        check: async (store, _acked, finished) => {
          const now = sha(await store.backup());
          const isBefore = now === sha(baseline);
          const isAfter = now === sha(other);
          return { torn: !isBefore && !isAfter, lost: finished && !isAfter, applied: isAfter, detail: isBefore ? 'before' : isAfter ? 'after' : 'neither' };
        },
      },
      {
        name: 'burst of single writes',
        command: (trial) => [join(__dirname, 'burst.js'), `crash-${trial}`, String(BURST)],
        check: async (store, acked) => {
          const counts = await store.counts();
          const organisations = counts.Organisation - baselineCounts.Organisation;
          const changes = counts.Change - baselineCounts.Change;
          const missing: string[] = [];
          for (const id of acked) if (!(await store.getOrganisation(id))) missing.push(id);
          return {
            torn: organisations !== changes,
            lost: missing.length > 0 || organisations < acked.length,
            applied: organisations === BURST,
            detail: `${organisations} written, ${acked.length} acknowledged`,
          };
        },
      },
    ];

    const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
    for (const scenario of scenarios.filter((s) => s.name.includes(only))) {
      // One run without a kill: how long it takes, and (for the import) the state after it.
      const calibration = await newDatabase(engine);
      await withStore(calibration, (store) => store.restore(baseline));
      const clean = await runKilled(scenario.command(-1), calibration);
      if (clean.code === null || clean.code === 2) throw new Error(`${scenario.name} failed without a kill:\n${clean.errors}`);
      if (scenario.name === 'import') full = await withStore(calibration, (store) => store.counts());
      await calibration.drop();

      const tally = { trials: 0, torn: 0, lost: 0, applied: 0 };
      for (let trial = 0; trial < TRIALS; trial++) {
        const db = await newDatabase(engine);
        await withStore(db, (store) => store.restore(baseline));
        const delay = trial % 2 === 0 ? Math.random() * 1.1 * clean.ms : (0.8 + Math.random() * 0.25) * clean.ms;
        const run = await runKilled(scenario.command(trial), db, delay);
        const acked = [...run.out.matchAll(/^ACK (\S+)$/gm)].map((m) => m[1]);
        const outcome = await withStore(db, (store) => scenario.check(store, acked, run.code !== null));
        await db.drop();
        tally.trials++;
        if (outcome.torn) tally.torn++;
        if (outcome.lost) tally.lost++;
        if (outcome.applied) tally.applied++;
        if (outcome.torn || outcome.lost)
          console.log(
            `  ${engine} ${scenario.name} trial ${trial} (kill at ${Math.round(delay)} ms): ${outcome.torn ? 'TORN ' : ''}${outcome.lost ? 'LOST ' : ''}${outcome.detail}`,
          );
      }
      console.log(
        `${engine} ${scenario.name}: trials ${tally.trials}, torn ${tally.torn}, lost ${tally.lost} ` +
          `(whole write there after ${tally.applied} kills, absent after the others; a clean run takes ${Math.round(clean.ms)} ms)`,
      );
      totals = { trials: totals.trials + tally.trials, torn: totals.torn + tally.torn, lost: totals.lost + tally.lost };
    }
  }
  console.log(`crashtest: ${totals.trials} trials, ${totals.torn} torn, ${totals.lost} lost`);
  return totals.torn + totals.lost === 0 && totals.trials > 0 ? 0 : 1;
}

/** The counts of a database holding exactly `backup`. */
async function countsOf(engine: Engine, backup: string): Promise<Record<string, number>> {
  const db = await newDatabase(engine);
  try {
    return await withStore(db, async (store) => (await store.restore(backup), store.counts()));
  } finally {
    await db.drop();
  }
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>) => Object.keys(b).every((k) => a[k] === b[k]);
const lessThan = (a: Record<string, number>, b: Record<string, number>) => Object.keys(b).some((k) => (a[k] ?? 0) < b[k]);

main()
  .then((code) => {
    tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
