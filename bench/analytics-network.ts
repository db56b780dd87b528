import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR, type IsoDate } from '@verkosto/domain';
import { openStore, type GraphStore } from '@verkosto/graph';
import { generateDataset, type BenchData, type BenchSizes } from './generate';
import { round, time } from './stats';

/**
 * The network the analytics and partner sections measure: one participation network of 20,000
 * organisations whose tie graph on ANALYTICS_AT holds about 100,000 ties (98,594 with this seed:
 * 16,337 organisations take part in something that day). Everything generated belongs to it, so its
 * snapshot and the whole graph's are the same size. Ties grow with the square of the participants
 * per project, so the size comes from many small projects rather than from more participations.
 */
export const ANALYTICS_SIZES: BenchSizes = {
  organisations: 20_000,
  projects: 8_000,
  activities: 20_000,
  participations: 260_000,
  networks: 1,
  bigNetworkOrganisations: 20_000,
  bigNetworkProjects: 8_000,
  bigNetworkActivities: 20_000,
};

/**
 * National scale (issue 13): one network whose tie graph on ANALYTICS_AT has about 25,000
 * organisations and 500,000 ties, the size of the largest real network seen (22,635 and 494,161).
 */
export const NATIONAL_SIZES: BenchSizes = {
  organisations: 26_000,
  projects: 8_000,
  activities: 20_000,
  participations: 575_000,
  networks: 1,
  bigNetworkOrganisations: 26_000,
  bigNetworkProjects: 8_000,
  bigNetworkActivities: 20_000,
};

/** The day the measures are asked for: the generated network is at its fullest around here. */
export const ANALYTICS_AT: IsoDate = '2021-06-15';

export interface AnalyticsNetwork {
  store: GraphStore;
  data: BenchData;
  /** Figures of building it, for the section that reports them. */
  setup: { 'generate (s)': number; 'loadDataset (s)': number };
}

/**
 * Rewrites the network unchanged: a write like any other, after which the store reads its
 * snapshots afresh (it keeps them from one write to the next).
 */
export const rewriteNetwork = (store: GraphStore, networkId: string) => store.updateNetwork(networkId, {}, SYSTEM_ACTOR);

/** Generates the network, loads it into its own temporary store, runs `work`, then removes it all. */
export async function withAnalyticsNetwork<T>(work: (network: AnalyticsNetwork) => Promise<T>): Promise<T> {
  const generated = await time(() => generateDataset(20240601, ANALYTICS_SIZES));
  const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-bench-analytics-'));
  const store = await openStore({ dataDir });
  try {
    const loaded = await time(() => store.loadDataset(generated.value.dataset, SYSTEM_ACTOR));
    return await work({
      store,
      data: generated.value,
      setup: { 'generate (s)': round(generated.ms / 1000, 1), 'loadDataset (s)': round(loaded.ms / 1000, 1) },
    });
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
