/**
 * Zachary's karate club (1977): 34 members, 78 friendships, numbered 1..34 as in the paper.
 * Each friendship becomes an undated shared activity of two organisations, so the tie graph is the karate graph.
 */
import type { GraphSnapshot } from '@verkosto/domain';
import { activity, org, snapshot, takesPart } from './snapshots.fixture';

const ADJACENCY: Record<number, number[]> = {
  1: [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 18, 20, 22, 32],
  2: [3, 4, 8, 14, 18, 20, 22, 31],
  3: [4, 8, 9, 10, 14, 28, 29, 33],
  4: [8, 13, 14],
  5: [7, 11],
  6: [7, 11, 17],
  7: [17],
  9: [31, 33, 34],
  10: [34],
  14: [34],
  15: [33, 34],
  16: [33, 34],
  19: [33, 34],
  20: [34],
  21: [33, 34],
  23: [33, 34],
  24: [26, 28, 30, 33, 34],
  25: [26, 28, 32],
  26: [32],
  27: [30, 34],
  28: [34],
  29: [32, 34],
  30: [33, 34],
  31: [33, 34],
  32: [33, 34],
  33: [34],
};

export const KARATE_EDGES: [number, number][] = Object.entries(ADJACENCY).flatMap(([a, bs]) => bs.map((b): [number, number] => [Number(a), b]));

/** Organisation ids are zero-padded ('k01'…'k34') so id order equals member order. */
export const karateId = (member: number) => `k${String(member).padStart(2, '0')}`;

export function karateSnapshot(): GraphSnapshot {
  const nodes = Array.from({ length: 34 }, (_, i) => org(karateId(i + 1)));
  const edges = KARATE_EDGES.flatMap(([a, b], i) => {
    const act = `friendship-${i}`;
    nodes.push(activity(act));
    return [takesPart(karateId(a), act), takesPart(karateId(b), act)];
  });
  return snapshot(nodes, edges);
}
