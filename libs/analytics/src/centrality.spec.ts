import { seededRng } from '@verkosto/domain';
import { CentralityPool, metricsOfTies, networkMetrics, networkMetricsAsync, pathCentralitiesAsync, pathCentralitiesOf, type TieGraph } from '@verkosto/analytics';
import { karateSnapshot } from './karate.fixture';

const AT = '2024-01-01';

/** A big random group (n organisations, m ties) and, beside it, `small` groups of three in a path. */
function randomTies(seed: number, n: number, m: number, small = 0): TieGraph {
  const rng = seededRng(seed);
  const id = (i: number) => `o${String(i).padStart(5, '0')}`;
  const seen = new Set<string>();
  const ties: TieGraph['ties'] = [];
  const add = (a: string, b: string) => {
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}|${target}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    ties.push({ id: key, source, target, weight: 1 + Math.floor(rng() * 3), contexts: [key], from: null, to: null });
  };
  for (let i = 1; i < n; i++) add(id(i), id(Math.floor(rng() * i))); // a random tree keeps it connected
  while (ties.length < m) add(id(Math.floor(rng() * n)), id(Math.floor(rng() * n)));
  const organisations = Array.from({ length: n }, (_, i) => id(i));
  for (let g = 0; g < small; g++) {
    const [a, b, c] = [0, 1, 2].map((k) => `s${String(g).padStart(3, '0')}-${k}`);
    organisations.push(a, b, c);
    add(a, b);
    add(b, c);
  }
  organisations.push('z-alone');
  return { at: AT, window: null, organisations: organisations.sort(), ties: ties.sort((x, y) => (x.id < y.id ? -1 : 1)) };
}

describe('betweenness and closeness over worker threads', () => {
  const pool = new CentralityPool(2);
  afterAll(() => pool.close());

  it('give exactly what this thread gives, exact and sampled', async () => {
    const tg = randomTies(3, 400, 1600, 5);
    for (const options of [{ centrality: 'exact' as const }, { centrality: 'sample' as const, samples: 60, seed: 9 }]) {
      const here = pathCentralitiesOf(tg, options);
      const there = await pathCentralitiesAsync(tg, { ...options, pool });
      expect(pool.lastRun).toEqual({ on: 'workers' });
      expect(there.sources).toBe(here.sources);
      for (const [id, b] of here.betweenness) expect(there.betweenness.get(id)).toBeCloseTo(b!, 12);
      for (const [id, c] of here.closeness) expect(there.closeness.get(id)).toBeCloseTo(c!, 12);
    }
  });

  it('networkMetricsAsync equals networkMetrics', async () => {
    const sync = networkMetrics(karateSnapshot(), AT);
    const parallel = await networkMetricsAsync(karateSnapshot(), AT, { pool });
    expect(pool.lastRun).toEqual({ on: 'thread', reason: 'small job' }); // 29 sources: not worth the workers
    expect(parallel.centrality).toEqual(sync.centrality);
    parallel.organisations.forEach((o, i) => {
      expect(o.betweenness).toBeCloseTo(sync.organisations[i].betweenness!, 12);
      expect(o.closeness).toBeCloseTo(sync.organisations[i].closeness!, 12);
    });
  });

  it('networkMetricsAsync lets other work run between its phases', async () => {
    let ticks = 0;
    const tick = () => {
      ticks++;
      timer = setImmediate(tick);
    };
    let timer = setImmediate(tick);
    const before = ticks;
    await networkMetricsAsync(karateSnapshot(), AT, { pool });
    clearImmediate(timer);
    expect(ticks - before).toBeGreaterThanOrEqual(5);
  });

  it('one pool runs jobs one after another, each correct', async () => {
    const tg = randomTies(5, 200, 600);
    const want = pathCentralitiesOf(tg, { centrality: 'exact' });
    const jobs = await Promise.all([1, 2, 3].map(() => pathCentralitiesAsync(tg, { centrality: 'exact', pool })));
    expect(pool.lastRun).toEqual({ on: 'workers' });
    for (const got of jobs) for (const [id, b] of want.betweenness) expect(got.betweenness.get(id)).toBeCloseTo(b!, 12);
  });
});

describe('twins', () => {
  it('one BFS stands for organisations with the same partners, with the same answers as one BFS each', () => {
    // A star of five leaves (open twins) and a triangle hanging off one leaf (two closed twins).
    const ids = ['c', 'l1', 'l2', 'l3', 'l4', 'l5', 't1', 't2'];
    const pairs = [
      ['c', 'l1'],
      ['c', 'l2'],
      ['c', 'l3'],
      ['c', 'l4'],
      ['c', 'l5'],
      ['l5', 't1'],
      ['l5', 't2'],
      ['t1', 't2'],
    ];
    const tg: TieGraph = {
      at: AT,
      window: null,
      organisations: ids,
      ties: pairs.map(([source, target]) => ({ id: `${source}|${target}`, source, target, weight: 1, contexts: [], from: null, to: null })),
    };
    const m = metricsOfTies(tg, new Map(), AT);
    expect(m.centrality.sources).toBe(4); // c, l1 for l1–l4, l5, t1 for t1–t2
    const by = new Map(m.organisations.map((o) => [o.id, o]));
    // By hand: c lies between every pair of leaves and between l1..l4 and t1, t2: C(5,2) + 4·2 = 18 of C(7,2) = 21 pairs.
    expect(by.get('c')!.betweenness).toBeCloseTo(18 / 21, 12);
    expect(by.get('l5')!.betweenness).toBeCloseTo((4 * 2 + 2) / 21, 12); // l1..l4 and c to t1, t2
    expect(by.get('l2')!.closeness).toBeCloseTo(by.get('l1')!.closeness!, 12);
    expect(by.get('l1')!.closeness).toBeCloseTo(7 / 15, 12); // distances 1, 2, 2, 2, 2, 3, 3
    expect(by.get('t2')!.closeness).toBeCloseTo(7 / 16, 12); // 1, 1, 2, 3, 3, 3, 3
  });
});

describe('the estimate above the exact limit', () => {
  const tg = randomTies(11, 600, 2400, 8);
  const exact = pathCentralitiesOf(tg, { centrality: 'exact' });
  const estimate = pathCentralitiesOf(tg, { exactLimit: 100, samples: 150, seed: 4 });

  it('says it is an estimate, over how many organisations, with a bound', () => {
    // Exact: one BFS per set of twins (the middle of each small path has none; the ends of each are twins).
    expect(exact).toMatchObject({ mode: 'exact', estimated: false, errorBound: null, sources: 625 - 8 });
    expect(estimate).toMatchObject({ mode: 'sample', estimated: true, confidence: 0.95, estimatedOrganisations: 600 });
    // 150 sampled in the big group, one BFS per twin set in the small groups (the ends of each path are twins), the lone one.
    expect(estimate.sources).toBe(150 + 8 * 2 + 1);
    expect(estimate.errorBound).toBeGreaterThan(0);
  });

  it('stays within its error bound', () => {
    let worst = 0;
    for (const [id, b] of exact.betweenness) worst = Math.max(worst, Math.abs(estimate.betweenness.get(id)! - b!));
    expect(worst).toBeLessThanOrEqual(estimate.errorBound!);
  });

  it('is exact in small groups and never calls a reached organisation alone', () => {
    for (const [id, c] of exact.closeness) {
      if (id.startsWith('s') || id === 'z-alone') {
        expect(estimate.closeness.get(id)).toBeCloseTo(c!, 12);
        expect(estimate.betweenness.get(id)).toBeCloseTo(exact.betweenness.get(id)!, 12);
      }
      if (id !== 'z-alone') expect(estimate.closeness.get(id)).not.toBe(0);
    }
    expect(estimate.closeness.get('z-alone')).toBe(0);
    expect(estimate.closeness.get('s000-1')).toBeCloseTo((2 / 2) * (2 / 624), 12);
  });

  it('gives null, not 0, to a sampled organisation no other source reached', () => {
    // One source in a group of three: that source has no distances from any other sampled source.
    const three = { ...randomTies(1, 3, 2), organisations: ['o00000', 'o00001', 'o00002'] };
    const m = metricsOfTies(three, new Map(), AT, { centrality: 'sample', samples: 1, seed: 1 });
    const nulls = m.organisations.filter((o) => o.closeness === null);
    expect(nulls).toHaveLength(1);
    expect(m.organisations.filter((o) => o.closeness === 0)).toHaveLength(0);
  });
});
