/**
 * The oracle's fixed graphs (tools/oracle/README.md): the demo networks as the store reads them,
 * one generated network, and seeded random ones with several groups, lone members and ties of
 * weight > 1. Writes libs/analytics/src/golden/inputs/*.json: the snapshot, the dates to measure
 * and the growth windows. Run by tools/oracle/check.sh after a build:
 * `node dist/tools/oracle/export-inputs.js`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRng, SYSTEM_ACTOR, type GraphEdge, type GraphNode, type GraphSnapshot, type IsoDate } from '@verkosto/domain';
import { openStore } from '@verkosto/graph';
import { DEMO_DATASET } from '@verkosto/graph/demo';
import { generateDataset, type BenchSizes } from '../../bench/generate';

export interface OracleInput {
  name: string;
  snapshot: GraphSnapshot;
  dates: IsoDate[];
  growth: { from: IsoDate; to: IsoDate; interval: 'MONTH' | 'QUARTER' }[];
  /** Partnership measures to check: a date, the date its ties are compared with, and the project whose actors are removed. */
  partnership: PartnershipCase[];
}

export interface PartnershipCase {
  at: IsoDate;
  comparedTo: IsoDate | null;
  projectId: string | null;
}

type InputDraft = Omit<OracleInput, 'partnership'>;

/**
 * Every date compared with the one before it (the first with itself: identical dates), and every
 * project with a lead removed on each date.
 */
function partnershipCases(snapshot: GraphSnapshot, dates: IsoDate[]): PartnershipCase[] {
  // Three projects at most: each case carries its own lists of organisations and ties.
  const led = [...new Set(snapshot.edges.filter((e) => e.kind === 'PARTICIPATES' && e.role === 'LEAD').map((e) => e.target))].sort().slice(0, 3);
  return [
    ...dates.map((at, i) => ({ at, comparedTo: dates[Math.max(0, i - 1)], projectId: null })),
    ...led.flatMap((projectId) => dates.map((at) => ({ at, comparedTo: null, projectId }))),
  ];
}

const OUT = join(process.cwd(), 'libs', 'analytics', 'src', 'golden', 'inputs');

/** Sorted, so the file does not depend on the store's row order. */
function canonical(s: GraphSnapshot): GraphSnapshot {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...s.nodes].sort(byId), edges: [...s.edges].sort(byId) };
}

const SMALL: BenchSizes = {
  organisations: 400,
  projects: 40,
  activities: 160,
  participations: 2400,
  networks: 2,
  bigNetworkOrganisations: 240,
  bigNetworkProjects: 24,
  bigNetworkActivities: 90,
};

const SECTOR_CYCLE = ['PUBLIC', 'THIRD', 'PARISH', 'PRIVATE'] as const;

function node(kind: GraphNode['kind'], id: string, from: IsoDate | null, to: IsoDate | null, sector: (typeof SECTOR_CYCLE)[number] = 'THIRD'): GraphNode {
  return {
    id,
    kind,
    label: id,
    orgKind: kind === 'ORGANISATION' ? 'OTHER' : null,
    sector: kind === 'ORGANISATION' ? sector : null,
    permanent: kind === 'ORGANISATION' ? true : null,
    activityType: kind === 'ACTIVITY' ? 'OTHER' : null,
    municipalityCode: null,
    validFrom: from,
    validTo: to,
    methodIds: [],
    targetGroupIds: [],
  };
}

/**
 * `groups` separate groups of organisations, each working in activities of 2–5 of its own members
 * over 2020–2022 (pairs meet in several, so ties weigh more than 1), plus members of a network
 * with no activity (lone organisations on the map).
 */
function randomInput(name: string, seed: number, groups: number, perGroup: number, activitiesPerGroup: number): InputDraft {
  const rng = seededRng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const day = (y: number) => `${y}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const nodes: GraphNode[] = [node('NETWORK', `${name}-net`, null, null)];
  const edges: GraphEdge[] = [];
  let e = 0;
  const part = (o: string, t: string, from: IsoDate | null, to: IsoDate | null, role: GraphEdge['role'] = 'PARTNER') =>
    edges.push({ id: `${name}-e${String(e++).padStart(5, '0')}`, kind: 'PARTICIPATES', source: o, target: t, role, validFrom: from, validTo: to });
  for (let g = 0; g < groups; g++) {
    const size = Math.max(2, Math.round(perGroup * (g === 0 ? 2 : 0.5 + rng())));
    const orgs = Array.from({ length: size }, (_, i) => `${name}-g${g}-o${String(i).padStart(3, '0')}`);
    // Sectors in runs of three along the list, so neighbours often share one: E-I is neither ±1.
    orgs.forEach((o, i) => nodes.push(node('ORGANISATION', o, null, null, SECTOR_CYCLE[Math.floor(i / 3) % 4])));
    for (let a = 0; a < activitiesPerGroup * (g === 0 ? 2 : 1); a++) {
      const id = `${name}-g${g}-a${String(a).padStart(3, '0')}`;
      const from = rng() < 0.1 ? null : day(int(2020, 2021));
      const to = rng() < 0.1 ? null : day(2022);
      const kind = rng() < 0.2 ? 'PROJECT' : 'ACTIVITY';
      nodes.push(node(kind, id, from, to));
      const k = int(2, Math.min(5, size));
      // Members near each other in the list meet more often: clusters inside the group.
      const start = int(0, size - 1);
      const chosen = new Set<string>();
      while (chosen.size < k) chosen.add(orgs[(start + int(0, Math.min(size - 1, 6))) % size]);
      // A project's first member leads it (the partnership oracle removes it).
      [...chosen].forEach((o, i) => part(o, id, rng() < 0.3 ? day(2021) : null, rng() < 0.3 ? day(2022) : null, kind === 'PROJECT' && i === 0 ? 'LEAD' : 'PARTNER'));
    }
  }
  for (let i = 0; i < 4; i++) {
    const o = `${name}-lone-${i}`;
    nodes.push(node('ORGANISATION', o, null, null));
    part(o, `${name}-net`, '2020-01-01', null);
  }
  return {
    name,
    snapshot: canonical({ nodes, edges }),
    dates: ['2020-06-15', '2021-03-01', '2021-09-30', '2022-06-15'],
    growth: [
      { from: '2020-01-01', to: '2022-12-31', interval: 'QUARTER' },
      { from: '2021-02-10', to: '2021-08-20', interval: 'MONTH' },
    ],
  };
}

async function main() {
  const inputs: InputDraft[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'verkosto-oracle-'));
  try {
    const store = await openStore({ dataDir: join(dir, 'demo') });
    try {
      await store.loadDataset(DEMO_DATASET, SYSTEM_ACTOR);
      for (const net of DEMO_DATASET.networks) {
        inputs.push({
          name: `demo-${net.id}`,
          snapshot: canonical(await store.snapshot({ networkId: net.id })),
          dates: ['2018-06-01', '2019-06-01', '2020-07-01', '2021-06-15', '2023-06-01'],
          growth: [
            { from: '2017-01-01', to: '2024-12-31', interval: 'QUARTER' },
            { from: '2020-01-15', to: '2020-12-31', interval: 'MONTH' },
          ],
        });
      }
      inputs.push({
        name: 'demo-all',
        snapshot: canonical(await store.snapshot({ all: true })),
        dates: ['2020-07-01', '2022-01-01'],
        growth: [{ from: '2018-01-01', to: '2023-12-31', interval: 'QUARTER' }],
      });
    } finally {
      await store.close();
    }
    const generated = generateDataset(7, SMALL);
    const gen = await openStore({ dataDir: join(dir, 'generated') });
    try {
      await gen.loadDataset(generated.dataset, SYSTEM_ACTOR);
      inputs.push({
        name: 'generated',
        snapshot: canonical(await gen.snapshot({ networkId: generated.bigNetworkId })),
        dates: ['2016-03-01', '2019-06-15', '2021-06-15', '2024-01-01'],
        growth: [
          { from: '2019-10-01', to: '2021-12-31', interval: 'QUARTER' },
          { from: '2021-04-10', to: '2021-07-31', interval: 'MONTH' },
        ],
      });
    } finally {
      await gen.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  inputs.push(randomInput('random-a', 101, 5, 12, 14), randomInput('random-b', 202, 9, 6, 8), randomInput('random-c', 303, 3, 40, 60));
  mkdirSync(OUT, { recursive: true });
  for (const input of inputs) writeFileSync(join(OUT, `${input.name}.json`), JSON.stringify({ ...input, partnership: partnershipCases(input.snapshot, input.dates) }) + '\n');
  console.log(`oracle inputs: ${inputs.map((i) => `${i.name} (${i.snapshot.nodes.length} nodes, ${i.snapshot.edges.length} edges)`).join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
