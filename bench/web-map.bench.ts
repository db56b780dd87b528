/// <reference lib="dom" />
// The callbacks passed to page.evaluate / addInitScript run in the browser, hence the DOM types.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SYSTEM_ACTOR } from '@verkosto/domain';
import { openStore } from '@verkosto/graph';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateDataset, type BenchData, type BenchSizes } from './generate';
import type { Figure, Section, SectionResult } from './report';
import { median, round, summarise } from './stats';

/**
 * The web map in headless Chromium on a generated network of 1,000 and of 5,000 organisations:
 * the built app (dist/) is booted on its own temporary database, the map page is opened cold in a
 * fresh browser context several times, and the page itself records when things happened:
 *
 * - first map: navigation → the map is mounted (body[data-map-ready=true]) and the next frame painted;
 * - layout settled: navigation → the layout worker's positions reached the page (the map is only
 *   drawn with final positions, so they never move afterwards);
 * - the longest main-thread task (PerformanceObserver 'longtask') from navigation to a quiet page;
 * - slider moves (one applyFrame: frame, restyle, counts, up to the next paint), across the
 *   timeline and one stop at a time; the renderer in use; the switch to the organisation view;
 * - on the largest size: screenshots zoomed out and in (test-artifacts/bench-map-*.png) with the
 *   number of labels drawn, to check the level of detail, and one load with Cytoscape's WebGL
 *   renderer forced on (headless Chromium only has software WebGL, where the map uses the canvas).
 */
const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WEB = join(ROOT, 'dist', 'web', 'index.html');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags the browser tests use (test/support/browser.ts): software rendering, no GPU. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const SIZES = [1_000, 5_000];
const RUNS: Record<number, number> = { 1_000: 5, 5_000: 3 };
const SLIDER_MOVES = 12;

/** This section takes minutes: say what it is doing (stderr, so the figures stay clean). */
const progress = (text: string) => process.stderr.write(`  web-map: ${text}\n`);

/**
 * A dataset whose big network has exactly `organisations` organisations, with about one project per
 * ten organisations, one activity per two and five participations per organisation; a tenth more
 * organisations, projects and activities live in three other networks so the scope is a real cut.
 */
export function mapSizes(organisations: number): BenchSizes {
  return {
    organisations: Math.round(organisations * 1.1),
    projects: Math.round(organisations * 0.11),
    activities: Math.round(organisations * 0.55),
    participations: organisations * 5,
    networks: 4,
    bigNetworkOrganisations: organisations,
    bigNetworkProjects: Math.round(organisations * 0.1),
    bigNetworkActivities: Math.round(organisations * 0.5),
  };
}

/** What the init script gathers in the page (times are performance.now(), i.e. ms since navigation). */
interface PageMarks {
  longTasks: { start: number; duration: number }[];
  layoutPosted: number | null;
  layoutReceived: number | null;
  mapReady: number | null;
  firstMapPaint: number | null;
}

/** Runs in the page before its own scripts: long tasks, the layout worker's round trip, map-ready. */
function instrumentPage() {
  const marks: PageMarks = { longTasks: [], layoutPosted: null, layoutReceived: null, mapReady: null, firstMapPaint: null };
  (window as unknown as { __bench: PageMarks }).__bench = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      // Registered before the page sets onmessage, so this runs first when the positions arrive.
      this.addEventListener('message', () => (marks.layoutReceived ??= performance.now()));
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
      marks.layoutPosted ??= performance.now();
      super.postMessage(message, transfer as Transferable[]);
    }
  };
  new MutationObserver(() => {
    if (marks.mapReady === null && document.body?.dataset.mapReady === 'true') {
      marks.mapReady = performance.now();
      // The frame after the mount is the one that draws it; the task after that frame is painted.
      requestAnimationFrame(() => setTimeout(() => (marks.firstMapPaint = performance.now())));
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-map-ready'] });
}

interface LoadRun {
  firstMap: number;
  layoutSettled: number;
  layoutRoundTrip: number;
  graphRequest: number;
  mountAndPaint: number;
  longestTask: number;
  longTasks: number;
  longTaskTotal: number;
}

/**
 * Headless Chromium has WebGL2 only through SwiftShader, a software rasteriser, where the map
 * keeps to the 2D canvas. To time Cytoscape's WebGL renderer anyway, this reports a GPU name.
 */
function pretendGpu() {
  const UNMASKED_RENDERER_WEBGL = 0x9246;
  const getParameter = WebGL2RenderingContext.prototype.getParameter;
  WebGL2RenderingContext.prototype.getParameter = function (this: WebGL2RenderingContext, name: number) {
    return name === UNMASKED_RENDERER_WEBGL ? 'Benchmark GPU' : getParameter.call(this, name);
  };
}

async function loadOnce(browser: Browser, url: string, webgl = false): Promise<{ run: LoadRun; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.addInitScript(instrumentPage);
  if (webgl) await context.addInitScript(pretendGpu);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page
    .waitForFunction(() => (window as unknown as { __bench: PageMarks }).__bench.firstMapPaint !== null || document.querySelector('#message.error:not([hidden])') !== null, null, {
      timeout: 300_000,
      polling: 100,
    })
    .catch((e: unknown) => {
      throw new Error(`The map did not appear: ${e instanceof Error ? e.message : e}; page errors: ${errors.join('; ') || 'none'}`);
    });
  const failure = await page.$eval('#message', (el) => (el.classList.contains('error') && !(el as HTMLElement).hidden ? el.textContent : null));
  if (failure) throw new Error(`The map page shows an error: ${failure}`);
  // Let trailing work (the first frame's restyle, label caches) show up as long tasks too.
  await page.waitForTimeout(1500);
  const { marks, graphRequest } = await page.evaluate(() => {
    const graphql = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/graphql')) as PerformanceResourceTiming[];
    return {
      marks: (window as unknown as { __bench: PageMarks }).__bench,
      // The map's networkGraph answer is by far the largest GraphQL response.
      graphRequest: graphql.sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0]?.duration ?? Number.NaN,
    };
  });
  if (errors.length) throw new Error(`Page errors: ${errors.join('; ')}`);
  const longest = Math.max(0, ...marks.longTasks.map((t) => t.duration));
  return {
    page,
    run: {
      firstMap: marks.firstMapPaint!,
      layoutSettled: marks.layoutReceived ?? Number.NaN,
      layoutRoundTrip: (marks.layoutReceived ?? Number.NaN) - (marks.layoutPosted ?? Number.NaN),
      graphRequest,
      mountAndPaint: marks.firstMapPaint! - (marks.layoutReceived ?? Number.NaN),
      longestTask: longest,
      longTasks: marks.longTasks.length,
      longTaskTotal: marks.longTasks.reduce((s, t) => s + t.duration, 0),
    },
  };
}

/**
 * Moves the date slider like a user (input events) and times each move: 'jump' spreads the moves
 * over the whole timeline (much changes each time), 'step' goes one stop at a time from the middle
 * (what playing or dragging does).
 */
async function sliderMoves(page: Page, mode: 'jump' | 'step', moves: number): Promise<{ handler: number[]; painted: number[]; nodes: number[] }> {
  return page.evaluate(
    async ([how, n]) => {
      const input = document.getElementById('date') as HTMLInputElement;
      const max = Number(input.max);
      const handler: number[] = [];
      const painted: number[] = [];
      const nodes: number[] = [];
      const nextPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));
      for (let i = 0; i < n; i++) {
        await nextPaint();
        input.value = String(how === 'jump' ? Math.round(((i + 1) * max) / (n + 1)) : Math.floor(max / 2) + i);
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = performance.now();
        await nextPaint();
        handler.push(t1 - t0);
        painted.push(performance.now() - t0);
        nodes.push(Number(document.getElementById('counts')!.dataset.nodes));
      }
      return { handler, painted, nodes };
    },
    [mode, moves] as const,
  );
}

/** Switches to the organisation-to-organisation view: laid out in the worker, then drawn. */
async function orgViewSwitch(page: Page): Promise<{ ms: number; ties: number }> {
  return page.evaluate(async () => {
    const map = document.getElementById('map')!;
    const t0 = performance.now();
    document.querySelector<HTMLInputElement>('input[name=view][value=orgs]')!.click();
    while (map.getAttribute('aria-busy') === 'true') await new Promise((r) => setTimeout(r, 20));
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));
    return { ms: performance.now() - t0, ties: Number(document.getElementById('counts')!.dataset.edges) };
  });
}

/** Labels drawn now (Cytoscape keeps its instance on the container; a diagnostic only). */
const labelsDrawn = (page: Page) =>
  page.evaluate(() => {
    const cy = (document.getElementById('map') as unknown as { _cyreg?: { cy?: { nodes(s: string): { length: number }; zoom(): number } } })._cyreg?.cy;
    return cy ? { labelled: cy.nodes('.labelled').length, zoom: Math.round(cy.zoom() * 1000) / 1000 } : null;
  });

/** Which renderer draws the map: Cytoscape's WebGL layer (and on what), or the 2D canvas only. */
async function renderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.querySelector<HTMLCanvasElement>('#map canvas[data-id="layer3-webgl"]');
    if (!gl) return 'canvas 2D';
    const context = gl.getContext('webgl2');
    if (!context) return 'WebGL layer without a context';
    const info = context.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(context.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(context.getParameter(context.RENDERER));
    return `WebGL2 (${name.replace(/^ANGLE \((.*)\)$/, '$1').slice(0, 70)})`;
  });
}

/** Screenshots at the opening zoom and zoomed in with the map's + button, where labels appear. */
async function screenshots(page: Page, organisations: number): Promise<{ files: string[]; labels: string }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const whole = join(ARTIFACTS, `bench-map-${organisations}.png`);
  await page.screenshot({ path: whole });
  const before = await labelsDrawn(page);
  for (let i = 0; i < 12; i++) await page.click('#zoom-in');
  await page.waitForTimeout(1000);
  const after = await labelsDrawn(page);
  const zoomed = join(ARTIFACTS, `bench-map-${organisations}-zoomed.png`);
  await page.screenshot({ path: zoomed });
  const labels = before && after ? `${before.labelled} at zoom ${before.zoom}, ${after.labelled} at zoom ${after.zoom}` : 'unknown';
  return { files: [whole, zoomed], labels };
}

/** The whole-history graph the map draws, counted through the API. */
async function historySize(base: string, networkId: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { networkGraph(networkId: $id) { nodes { id } edges { id } } }', variables: { id: networkId } }),
  });
  const { data } = (await response.json()) as { data: { networkGraph: { nodes: unknown[]; edges: unknown[] } } };
  return `${data.networkGraph.nodes.length} / ${data.networkGraph.edges.length}`;
}

class BuiltApp {
  private child: ChildProcess | null = null;
  private output = '';
  url = '';

  async start(dataDir: string): Promise<this> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'false', NEO4J_URI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (c) => (this.output += c));
    this.child.stderr?.on('data', (c) => (this.output += c));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`The app exited at start:\n${this.output}`);
      if (
        await fetch(`${this.url}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return this;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`The app did not become healthy in 60 s:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no free port'))));
    });
  });
}

async function loadedDatabase(data: BenchData): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-bench-map-'));
  const store = await openStore({ dataDir });
  try {
    await store.loadDataset(data.dataset, SYSTEM_ACTOR);
  } finally {
    await store.close();
  }
  return dataDir;
}

/** One size: cold loads, then on the last page the slider, the renderer, the org view. */
async function measureSize(browser: Browser, organisations: number, figures: Record<string, Figure>, notes: string[]): Promise<void> {
  progress(`${organisations} organisations: generating and loading the network`);
  const data = generateDataset(20240601 + organisations, mapSizes(organisations));
  const dataDir = await loadedDatabase(data);
  const app = new BuiltApp();
  const tag = `${organisations.toLocaleString('en-US')} orgs`;
  try {
    await app.start(dataDir);
    const url = `${app.url}/#/network/${encodeURIComponent(data.bigNetworkId)}`;
    const runs: LoadRun[] = [];
    let page: Page | null = null;
    for (let i = 0; i < RUNS[organisations]; i++) {
      await page?.context().close();
      progress(`${organisations} organisations: page load ${i + 1}/${RUNS[organisations]}`);
      ({ run: runs[i], page } = await loadOnce(browser, url));
    }
    const pick = (k: keyof LoadRun) => runs.map((r) => r[k]);
    figures[`${tag}: first map`] = summarise(pick('firstMap'));
    figures[`${tag}: layout settled`] = summarise(pick('layoutSettled'));
    figures[`${tag}:   networkGraph request`] = summarise(pick('graphRequest'));
    figures[`${tag}:   layout in worker (round trip)`] = summarise(pick('layoutRoundTrip'));
    figures[`${tag}:   mount + first paint`] = summarise(pick('mountAndPaint'));
    figures[`${tag}: longest main-thread task`] = summarise(pick('longestTask'));
    figures[`${tag}: long tasks (median count)`] = median(pick('longTasks'));
    figures[`${tag}: long-task time (median ms)`] = round(median(pick('longTaskTotal')), 0);
    figures[`${tag}: map nodes / edges (whole history)`] = await historySize(app.url, data.bigNetworkId);
    figures[`${tag}: active nodes / ties on the last date`] = await page!.$eval('#counts', (el) => `${(el as HTMLElement).dataset.nodes} / ${(el as HTMLElement).dataset.edges}`);
    figures[`${tag}: renderer`] = await renderer(page!);
    for (const mode of ['jump', 'step'] as const) {
      const moves = await sliderMoves(page!, mode, SLIDER_MOVES);
      figures[`${tag}: slider ${mode} (input handler)`] = summarise(moves.handler);
      figures[`${tag}: slider ${mode} (to next paint)`] = summarise(moves.painted);
      if (mode === 'jump' && new Set(moves.nodes).size < 2) notes.push(`${tag}: the node count did not change across the slider moves (${moves.nodes.join(', ')}).`);
    }
    if (organisations === SIZES[SIZES.length - 1]) {
      const { files, labels } = await screenshots(page!, organisations);
      figures[`${tag}: labels drawn (overview, zoomed in)`] = labels;
      notes.push(`Screenshots: ${files.map((f) => f.slice(ROOT.length + 1)).join(', ')}.`);
    }
    await page!.context().close();

    progress(`${organisations} organisations: organisation view`);
    const { page: orgPage } = await loadOnce(browser, url);
    const org = await orgViewSwitch(orgPage);
    figures[`${tag}: switch to organisation view (ms, once)`] = round(org.ms, 0);
    figures[`${tag}: organisation ties on the last date`] = org.ties;
    await orgPage.context().close();

    if (organisations === SIZES[SIZES.length - 1]) {
      progress(`${organisations} organisations: WebGL renderer on SwiftShader`);
      const { run, page: glPage } = await loadOnce(browser, url, true);
      figures[`${tag} WebGL (once): renderer`] = await renderer(glPage);
      figures[`${tag} WebGL (once): first map (ms)`] = round(run.firstMap, 0);
      figures[`${tag} WebGL (once): longest task (ms)`] = round(run.longestTask, 0);
      const steps = await sliderMoves(glPage, 'step', SLIDER_MOVES);
      figures[`${tag} WebGL (once): slider step to next paint (median ms)`] = round(median(steps.painted), 0);
      await glPage.context().close();
    }
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const webMapSection: Section = {
  name: 'web-map',
  title: 'The web map in headless Chromium (built app, cold page per run)',
  async run(): Promise<SectionResult> {
    if (!existsSync(MAIN) || !existsSync(WEB)) return { figures: {}, notes: ['Skipped: build first (npm run build).'] };
    if (!existsSync(CHROMIUM)) return { figures: {}, notes: [`Skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`] };
    const figures: Record<string, Figure> = {};
    const notes: string[] = [];
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      for (const organisations of SIZES) await measureSize(browser, organisations, figures, notes);
    } finally {
      await browser.close();
    }
    return { figures, notes };
  },
};
