/**
 * The API's metrics path on the national-scale network, in a process of its own so its memory is
 * the server's and not the benchmark's: opens the store the bench loaded, reads the network's
 * snapshot, asks networkMetrics through the API's MetricsCache (worker threads, kept per graph
 * version, scope and date) and reports the first and repeated call times and the process's
 * resident memory. `node dist/bench/national-probe.js <dataDir> <networkId> <at>`; prints JSON.
 */
import { MetricsCache, centralityPool, networkMetricsAsync } from '@verkosto/analytics';
import { openStore } from '@verkosto/graph';
import { performance } from 'node:perf_hooks';

const mb = (bytes: number) => Math.round(bytes / 1048576);

async function main() {
  const [dataDir, networkId, at] = process.argv.slice(2);
  const store = await openStore({ dataDir });
  try {
    const cache = new MetricsCache();
    const scope = { networkId };
    const call = async () => {
      const version = await store.graphVersion();
      const start = performance.now();
      const m = await cache.get(version, `${JSON.stringify(scope)}\n${at}\nall`, async () => networkMetricsAsync(await store.snapshot(scope), at));
      return { ms: performance.now() - start, m };
    };
    const baseline = process.memoryUsage().rss;
    const snapshotRead = performance.now();
    const snapshot = await store.snapshot(scope);
    const snapshotMs = performance.now() - snapshotRead;
    global.gc?.();
    const afterLoad = process.memoryUsage();
    const first = await call();
    global.gc?.();
    const afterFirst = process.memoryUsage();
    const repeated: number[] = [];
    for (let i = 0; i < 20; i++) repeated.push((await call()).ms);
    // Everything but betweenness and closeness (ties, Louvain, PageRank, cores, cut points), snapshot kept.
    const skip = performance.now();
    await networkMetricsAsync(snapshot, at, { centrality: 'skip' });
    const withoutCentralityMs = performance.now() - skip;
    const c = first.m.centrality;
    console.log(
      JSON.stringify({
        organisations: first.m.size,
        ties: first.m.ties,
        mode: c.mode,
        sources: c.sources,
        estimated: c.estimated,
        errorBound: c.errorBound,
        workers: centralityPool.lastRun,
        threads: centralityPool.threads,
        snapshotMs: Math.round(snapshotMs),
        firstMs: Math.round(first.ms),
        withoutCentralityMs: Math.round(withoutCentralityMs),
        repeatedMs: repeated,
        rssBaselineMb: mb(baseline),
        rssAfterLoadMb: mb(afterLoad.rss),
        rssAfterMetricsMb: mb(afterFirst.rss),
        heapAfterMetricsMb: mb(afterFirst.heapUsed),
        rssPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    await store.close();
    await centralityPool.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
