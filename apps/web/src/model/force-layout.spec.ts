import { seededRng } from '@verkosto/domain/random';
import { forceAtlas2, type ForceGraph } from './force-layout';

/** Two communities of `size` nodes, dense inside, a few edges between, plus one hub tied to all. */
function communities(size: number, seed = 3): ForceGraph {
  const random = seededRng(seed);
  const count = 2 * size + 1;
  const hub = count - 1;
  const edges: number[] = [];
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < size * 3; i++) edges.push(c * size + Math.floor(random() * size), c * size + Math.floor(random() * size));
  }
  for (let i = 0; i < 3; i++) edges.push(Math.floor(random() * size), size + Math.floor(random() * size));
  for (let i = 0; i < 2 * size; i++) edges.push(hub, i);
  return { count, edges: Int32Array.from(edges), radius: new Float64Array(count).fill(12) };
}

const at = (xy: Float64Array, i: number) => ({ x: xy[2 * i], y: xy[2 * i + 1] });
const distance = (xy: Float64Array, i: number, j: number) => Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);

describe('forceAtlas2', () => {
  it('gives the same positions for the same graph and seed, and finite ones', () => {
    const graph = communities(150);
    const a = forceAtlas2(graph, { iterations: 120, seed: 9 });
    const b = forceAtlas2(graph, { iterations: 120, seed: 9 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).every(Number.isFinite)).toBe(true);
    expect(Array.from(forceAtlas2(graph, { iterations: 120, seed: 10 }))).not.toEqual(Array.from(a));
  });

  it('keeps nodes from sitting on each other', () => {
    const graph = communities(400);
    const xy = forceAtlas2(graph, { iterations: 200, seed: 1 });
    let overlapping = 0;
    for (let i = 0; i < graph.count; i++) {
      for (let j = i + 1; j < graph.count; j++) if (distance(xy, i, j) < graph.radius[i] + graph.radius[j] - 1) overlapping++;
    }
    expect(overlapping).toBe(0);
  });

  it('draws tied nodes closer than untied ones, and the two communities apart', () => {
    const size = 300;
    const graph = communities(size);
    const xy = forceAtlas2(graph, { iterations: 200, seed: 1 });
    const meanOf = (pairs: [number, number][]) => pairs.reduce((s, [i, j]) => s + distance(xy, i, j), 0) / pairs.length;
    const tied: [number, number][] = [];
    for (let e = 0; e < 6 * size; e += 2) tied.push([graph.edges[e], graph.edges[e + 1]]);
    const random = seededRng(5);
    const any: [number, number][] = Array.from({ length: 2000 }, () => [Math.floor(random() * 2 * size), Math.floor(random() * 2 * size)]);
    expect(meanOf(tied)).toBeLessThan(0.7 * meanOf(any));
    const centre = (from: number) => {
      let x = 0;
      let y = 0;
      for (let i = from; i < from + size; i++) ({ x, y } = { x: x + at(xy, i).x / size, y: y + at(xy, i).y / size });
      return { x, y };
    };
    const [a, b] = [centre(0), centre(size)];
    const within = meanOf(Array.from({ length: 500 }, () => [Math.floor(random() * size), Math.floor(random() * size)]));
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(0.5 * within);
  });

  it('handles no nodes, one node and nodes without edges', () => {
    expect(forceAtlas2({ count: 0, edges: new Int32Array(), radius: new Float64Array() }, { iterations: 10, seed: 1 })).toHaveLength(0);
    const one = forceAtlas2({ count: 1, edges: new Int32Array(), radius: new Float64Array([10]) }, { iterations: 10, seed: 1 });
    expect(Array.from(one)).toEqual([0, 0]);
    const loose = forceAtlas2({ count: 50, edges: new Int32Array(), radius: new Float64Array(50).fill(10) }, { iterations: 60, seed: 1 });
    expect(Array.from(loose).every(Number.isFinite)).toBe(true);
  });
});
