/**
 * ForceAtlas2 (Jacomy et al. 2014, the layout Gephi uses for such networks) with Barnes–Hut
 * repulsion: O(n log n) per iteration, so thousands of nodes settle in seconds. Pure and seeded:
 * the same graph always gives the same positions. Used for maps too big for fcose, whose
 * repulsion degenerates to O(n²) per iteration (and thousands of iterations) on hub-heavy graphs.
 *
 * Repulsion between nodes grows with their degrees (hubs push harder, so they do not swallow the
 * map), attraction along edges is linear, a weak gravity keeps separate parts together, and each
 * node's speed adapts to how much it swings. The last iterations add a collision term so nodes
 * (drawn `radius` pixels wide) do not sit on top of each other.
 */
import { seededRng } from '@verkosto/domain/random';

export interface ForceGraph {
  /** Number of nodes; positions come back in this order. */
  count: number;
  /** Edge endpoints as node indices: [s0, t0, s1, t1, …]. */
  edges: Int32Array;
  /** Drawn radius of each node in pixels, for the collision term. */
  radius: Float64Array;
}

export interface ForceOptions {
  iterations: number;
  seed: number;
  /** Barnes–Hut accuracy: a cell this much smaller than its distance counts as one body. */
  theta?: number;
  /** Repulsion strength (ForceAtlas2's scaling ratio). */
  scaling?: number;
  gravity?: number;
}

/** Cells deeper than this hold their bodies together (coincident points would split forever). */
const MAX_DEPTH = 24;
/** Ranges this small are summed body by body instead of split further. */
const LEAF_SIZE = 4;

/** Positions as [x0, y0, x1, y1, …] in pixels, centred on the origin. */
export function forceAtlas2(graph: ForceGraph, options: ForceOptions): Float64Array {
  const n = graph.count;
  const pos = new Float64Array(2 * n);
  if (n === 0) return pos;
  const { iterations, seed, theta = 1.2, scaling = 40, gravity = 1 } = options;
  const random = seededRng(seed);
  const mass = new Float64Array(n).fill(1);
  for (const i of graph.edges) mass[i] += 1;
  // Start on a disc wide enough for every node, so the first steps do not explode.
  const spread = Math.sqrt(n) * 40;
  for (let i = 0; i < n; i++) {
    const r = spread * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    pos[2 * i] = r * Math.cos(a);
    pos[2 * i + 1] = r * Math.sin(a);
  }

  const force = new Float64Array(2 * n);
  const previous = new Float64Array(2 * n);
  const tree = new QuadTree(n);
  let speed = 1;
  let speedEfficiency = 1;
  const collideFrom = Math.floor(iterations * 0.8);
  // While colliding, a cell that may hold a node within touching distance is never summarised.
  const touch = 2 * Math.max(...graph.radius);

  for (let it = 0; it < iterations; it++) {
    const collide = it >= collideFrom;
    previous.set(force);
    force.fill(0);
    tree.build(pos, mass);
    for (let i = 0; i < n; i++) tree.repel(i, pos, mass, graph.radius, scaling, theta, collide ? touch : 0, force);
    // Gravity towards the centre, proportional to mass (strong gravity would crush the clusters).
    for (let i = 0; i < n; i++) {
      const x = pos[2 * i];
      const y = pos[2 * i + 1];
      const d = Math.hypot(x, y);
      if (d > 0) {
        const g = (gravity * mass[i]) / d;
        force[2 * i] -= x * g;
        force[2 * i + 1] -= y * g;
      }
    }
    // Linear attraction along edges.
    const edges = graph.edges;
    for (let e = 0; e < edges.length; e += 2) {
      const s = edges[e];
      const t = edges[e + 1];
      if (s === t) continue;
      const dx = pos[2 * s] - pos[2 * t];
      const dy = pos[2 * s + 1] - pos[2 * t + 1];
      force[2 * s] -= dx;
      force[2 * s + 1] -= dy;
      force[2 * t] += dx;
      force[2 * t + 1] += dy;
    }
    // Adaptive speed (as Gephi does it): global from total swinging against total traction,
    // then per node, slower for nodes that swing back and forth.
    let swinging = 0;
    let traction = 0;
    for (let i = 0; i < n; i++) {
      const fx = force[2 * i];
      const fy = force[2 * i + 1];
      const px = previous[2 * i];
      const py = previous[2 * i + 1];
      swinging += mass[i] * Math.hypot(px - fx, py - fy);
      traction += 0.5 * mass[i] * Math.hypot(px + fx, py + fy);
    }
    const optimalJitter = 0.05 * Math.sqrt(n);
    let jitter = Math.max(Math.sqrt(optimalJitter), Math.min(10, (optimalJitter * traction) / (n * n)));
    if (swinging / traction > 2) {
      if (speedEfficiency > 0.05) speedEfficiency *= 0.5;
      jitter = Math.max(jitter, 1);
    }
    const targetSpeed = swinging > 0 ? (jitter * speedEfficiency * traction) / swinging : speed;
    if (swinging > jitter * traction) {
      if (speedEfficiency > 0.05) speedEfficiency *= 0.7;
    } else if (speed < 1000) speedEfficiency *= 1.3;
    speed += Math.min(targetSpeed - speed, 0.5 * speed);
    for (let i = 0; i < n; i++) {
      const fx = force[2 * i];
      const fy = force[2 * i + 1];
      const swing = mass[i] * Math.hypot(previous[2 * i] - fx, previous[2 * i + 1] - fy);
      let factor = speed / (1 + Math.sqrt(speed * swing));
      if (collide) {
        // While sorting out overlaps, small steps only (Gephi's "prevent overlap" does the same).
        const f = Math.hypot(fx, fy);
        factor = f > 0 ? Math.min(0.1 * factor * f, 10) / f : 0;
      }
      pos[2 * i] += fx * factor;
      pos[2 * i + 1] += fy * factor;
    }
  }
  // Centre on the origin.
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += pos[2 * i];
    cy += pos[2 * i + 1];
  }
  cx /= n;
  cy /= n;
  for (let i = 0; i < n; i++) {
    pos[2 * i] -= cx;
    pos[2 * i + 1] -= cy;
  }
  return pos;
}

/**
 * A region quadtree over an index permutation, rebuilt every iteration: cells are flat arrays and
 * each cell owns a contiguous range of `order`, partitioned in place, so building allocates nothing.
 */
class QuadTree {
  private readonly order: Int32Array;
  private readonly scratch: Int32Array;
  private capacity: number;
  private start!: Int32Array;
  private end!: Int32Array;
  private child!: Int32Array; // first of four consecutive children, or -1 for a leaf
  private size!: Float64Array;
  private mx!: Float64Array; // centre of mass
  private my!: Float64Array;
  private m!: Float64Array;
  private cells = 0;
  private readonly stack: Int32Array;

  constructor(private readonly n: number) {
    this.order = new Int32Array(n);
    this.scratch = new Int32Array(n);
    this.capacity = 0;
    this.grow(Math.max(64, 4 * n));
    this.stack = new Int32Array(4 * MAX_DEPTH + 8);
  }

  private grow(capacity: number) {
    const copy = <T extends Int32Array | Float64Array>(old: T | undefined, make: (k: number) => T): T => {
      const next = make(capacity);
      if (old) next.set(old);
      return next;
    };
    this.start = copy(this.start, (k) => new Int32Array(k));
    this.end = copy(this.end, (k) => new Int32Array(k));
    this.child = copy(this.child, (k) => new Int32Array(k));
    this.size = copy(this.size, (k) => new Float64Array(k));
    this.mx = copy(this.mx, (k) => new Float64Array(k));
    this.my = copy(this.my, (k) => new Float64Array(k));
    this.m = copy(this.m, (k) => new Float64Array(k));
    this.capacity = capacity;
  }

  build(pos: Float64Array, mass: Float64Array) {
    const n = this.n;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      this.order[i] = i;
      const x = pos[2 * i];
      const y = pos[2 * i + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    this.cells = 0;
    this.split(this.newCell(0, n), x0, y0, Math.max(x1 - x0, y1 - y0, 1e-6), 0, pos, mass);
  }

  private newCell(start: number, end: number): number {
    if (this.cells + 4 >= this.capacity) this.grow(this.capacity * 2);
    const c = this.cells++;
    this.start[c] = start;
    this.end[c] = end;
    this.child[c] = -1;
    return c;
  }

  private split(c: number, x0: number, y0: number, size: number, depth: number, pos: Float64Array, mass: Float64Array) {
    const { order, scratch } = this;
    const from = this.start[c];
    const to = this.end[c];
    this.size[c] = size;
    let m = 0;
    let sx = 0;
    let sy = 0;
    for (let k = from; k < to; k++) {
      const i = order[k];
      m += mass[i];
      sx += pos[2 * i] * mass[i];
      sy += pos[2 * i + 1] * mass[i];
    }
    this.m[c] = m;
    this.mx[c] = sx / m;
    this.my[c] = sy / m;
    if (to - from <= LEAF_SIZE || depth >= MAX_DEPTH) return;
    // Partition the range into the four quadrants (counting sort through the scratch buffer).
    const half = size / 2;
    const midX = x0 + half;
    const midY = y0 + half;
    const counts = [0, 0, 0, 0];
    for (let k = from; k < to; k++) {
      const i = order[k];
      counts[(pos[2 * i] >= midX ? 1 : 0) + (pos[2 * i + 1] >= midY ? 2 : 0)]++;
    }
    const offsets = [from, from + counts[0], from + counts[0] + counts[1], from + counts[0] + counts[1] + counts[2]];
    const cursor = offsets.slice();
    for (let k = from; k < to; k++) {
      const i = order[k];
      scratch[cursor[(pos[2 * i] >= midX ? 1 : 0) + (pos[2 * i + 1] >= midY ? 2 : 0)]++] = i;
    }
    order.set(scratch.subarray(from, to), from);
    const first = this.cells;
    for (let q = 0; q < 4; q++) this.newCell(offsets[q], offsets[q] + counts[q]);
    this.child[c] = first;
    for (let q = 0; q < 4; q++) {
      if (counts[q] === 0) continue;
      this.split(first + q, q & 1 ? midX : x0, q & 2 ? midY : y0, half, depth + 1, pos, mass);
    }
  }

  /**
   * Adds node i's repulsion from every other node (cells far enough away as one body) to `force`.
   * With `touch` > 0 overlaps are pushed apart, and cells whose bodies could be that close are opened.
   */
  repel(i: number, pos: Float64Array, mass: Float64Array, radius: Float64Array, scaling: number, theta: number, touch: number, force: Float64Array) {
    const collide = touch > 0;
    const x = pos[2 * i];
    const y = pos[2 * i + 1];
    const mi = mass[i];
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    let fx = 0;
    let fy = 0;
    while (top > 0) {
      const c = stack[--top];
      if (this.end[c] === this.start[c]) continue;
      const dx = x - this.mx[c];
      const dy = y - this.my[c];
      const d2 = dx * dx + dy * dy;
      const leaf = this.child[c] < 0;
      // Every body of a cell lies within size·√2 of its centre of mass.
      const far = !collide || Math.sqrt(d2) - 1.415 * this.size[c] > touch;
      if (!leaf && far && this.size[c] * this.size[c] < theta * theta * d2) {
        const f = (scaling * mi * this.m[c]) / d2;
        fx += dx * f;
        fy += dy * f;
        continue;
      }
      if (!leaf) {
        const first = this.child[c];
        for (let q = 0; q < 4; q++) stack[top++] = first + q;
        continue;
      }
      for (let k = this.start[c]; k < this.end[c]; k++) {
        const j = this.order[k];
        if (j === i) continue;
        let ex = x - pos[2 * j];
        let ey = y - pos[2 * j + 1];
        let e2 = ex * ex + ey * ey;
        if (e2 === 0) {
          // Coincident: push apart along a direction fixed by the pair, so the result is repeatable.
          ex = Math.cos(i * 2.399963 + j);
          ey = Math.sin(i * 2.399963 + j);
          e2 = 1e-4;
        }
        let f = (scaling * mi * mass[j]) / e2;
        if (collide) {
          // Repulsion measured from the rims, and a strong push while they overlap.
          const d = Math.sqrt(e2);
          const gap = d - radius[i] - radius[j];
          f = gap > 0 ? (scaling * mi * mass[j]) / (d * gap) : (100 * scaling * mi * mass[j]) / d;
        }
        fx += ex * f;
        fy += ey * f;
      }
    }
    force[2 * i] += fx;
    force[2 * i + 1] += fy;
  }
}
