/**
 * A hostile client beside a normal one (issue 12): the normal client — anonymous, from its own
 * address, two tabs asking a list page or the municipalities every half second — is timed alone, then while hostile
 * clients send the alias flood, max-size anonymous queries from ever-new addresses, and zip bombs
 * as a signed-in editor would. Prints the normal client's p95 both ways (goal: within 2×), /health's,
 * and how the hostile requests were answered. The app runs with its default limits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@verkosto/domain';
import { openStore } from '@verkosto/graph';
import { zipBombXlsx } from '../libs/exchange/src/testing/zip-bomb';
import { load, startApp, type Load } from './http-load';
import type { Figure, Section, SectionResult } from './report';
import { round } from './stats';

const PHASE_MS = Number(process.env.BENCH_HOSTILE_SECONDS ?? 20) * 1000;
/** The normal client's pause between requests: two of them stay under the anonymous 300 a minute. */
const THINK_MS = 500;
const NORMAL = ['{ organisations(first: 20) { nodes { id name } } }', '{ municipalities { code name } }'];
const FLOOD = `{ ${Array.from({ length: 2_500 }, (_, i) => `m${i}: municipalities { code name }`).join(' ')} }`;

export const hostileSection: Section = {
  name: 'hostile',
  title: 'A normal client beside hostile ones (alias flood, anonymous hammering, zip bombs)',
  async run({ data }): Promise<SectionResult> {
    const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-bench-hostile-'));
    try {
      const store = await openStore({ dataDir });
      await store.loadDataset(data.dataset, SYSTEM_ACTOR, { label: 'benchmark data', source: { kind: 'IMPORT', ref: 'bench/generate.ts' } });
      await store.close();
      const app = await startApp({ DATA_DIR: dataDir, TRUST_PROXY: '1', RATE_LIMIT_ANONYMOUS: '300', RATE_LIMIT_ACCOUNT: '1200' });
      try {
        return await measure(app.url, app.token);
      } finally {
        await app.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

async function measure(url: string, token: string): Promise<SectionResult> {
  /** The answer's first error code, or its HTTP status when it has none. */
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => {
      const answer = (await r.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
      return answer.errors?.[0]?.extensions?.code ?? String(r.status);
    });
  const normal = (_: number, i: number) => post(JSON.stringify({ query: NORMAL[i % 2] }), { 'x-forwarded-for': '198.51.100.1' }).then(expectOk);
  const health = () => fetch(`${url}/health`).then((r) => r.text());
  await load(2, 2_000, normal, THINK_MS); // warm

  const alone = await load(2, PHASE_MS, normal, THINK_MS);
  const healthAlone = await load(1, PHASE_MS / 2, health, 100);

  const bomb = Buffer.from(await zipBombXlsx(2_000_000, { lieAboutSize: true })).toString('base64');
  const importBody = JSON.stringify({
    query: 'mutation I($input: ImportInput!) { importData(input: $input) { totals { rows } } }',
    variables: { input: { fileName: 'pommi.xlsx', content: bomb, dryRun: true } },
  });
  const answers = new Map<string, number>();
  const count = (kind: string) => (status: string) => {
    answers.set(`${kind}: ${status}`, (answers.get(`${kind}: ${status}`) ?? 0) + 1);
  };
  let stranger = 0;
  const heavy = JSON.stringify({ query: '{ organisations(first: 200) { nodes { id name participations { id role validFrom validTo } } } }' });
  let running = true;
  // A dropped connection counts as status 0 and the client goes on.
  const hostile = (work: () => Promise<void>) =>
    (async () => {
      while (running) await work().catch(() => answers.set('dropped', (answers.get('dropped') ?? 0) + 1));
    })();
  /** BENCH_HOSTILE_ONLY=flood,anonymous,rotating,bomb runs only those kinds, to see which one costs the normal client. */
  const only = process.env.BENCH_HOSTILE_ONLY?.split(',');
  const kinds: Record<string, () => Promise<void>[]> = {
    // The flood, from one address, as fast as the server answers.
    flood: () => Array.from({ length: 3 }, () => hostile(() => post(JSON.stringify({ query: FLOOD }), { 'x-forwarded-for': '192.0.2.1' }).then(count('alias flood')))),
    // The three anonymous clients, with heavy pages, two connections each.
    anonymous: () => Array.from({ length: 6 }, (_, i) => hostile(() => post(heavy, { 'x-forwarded-for': `192.0.2.${10 + (i % 3)}` }).then(count('heavy anonymous')))),
    // Heavy pages from a new address each time (past the per-address limits: the in-flight cap holds them).
    rotating: () =>
      Array.from({ length: 2 }, () =>
        hostile(() => post(heavy, { 'x-forwarded-for': `10.${(++stranger >> 8) & 255}.${stranger & 255}.1` }).then(count('heavy, new address each'))),
      ),
    // Zip bombs with a token.
    bomb: () => Array.from({ length: 3 }, () => hostile(() => post(importBody, { authorization: `Bearer ${token}` }).then(count('zip bomb')))),
  };
  const hostiles = Object.entries(kinds).flatMap(([kind, start]) => (!only || only.includes(kind) ? start() : []));
  let beside: Load;
  let healthBeside: Load;
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    [beside, healthBeside] = await Promise.all([load(2, PHASE_MS, normal, THINK_MS), load(1, PHASE_MS, health, 100)]);
  } finally {
    running = false;
    await Promise.all(hostiles);
  }
  const figures: Record<string, Figure> = {
    'normal client alone: p95 (ms)': alone.p95Ms,
    'normal client beside the hostile ones: p95 (ms)': beside.p95Ms,
    '  ratio (goal ≤ 2)': round(beside.p95Ms / alone.p95Ms, 2),
    'normal client alone / beside: requests/s': `${alone.perSecond} / ${beside.perSecond}`,
    '/health alone / beside: p95 (ms)': `${healthAlone.p95Ms} / ${healthBeside.p95Ms}`,
  };
  for (const [kind, n] of [...answers].sort()) figures[`hostile ${kind}`] = n;
  const notes = beside.p95Ms > 2 * alone.p95Ms ? [`the normal client's p95 rose more than 2× (${alone.p95Ms} → ${beside.p95Ms} ms)`] : [];
  return { figures, notes };
}

function expectOk(status: string) {
  if (status !== '200') throw new Error(`The normal client was answered ${status}.`);
}
