/**
 * The inner loop of betweenness and closeness: one unweighted BFS per source over a CSR, Brandes'
 * dependency accumulation on the way back. It runs in the calling thread and, unchanged, in worker
 * threads (centrality-pool.ts sends its source text), so it must stay self-contained: no imports,
 * no closures over module scope, no helpers a compiler might add (no spread, classes or async).
 *
 * Sources are taken in chunks from a shared counter (`next[0]`, advanced with Atomics), so several
 * threads can work through one source list and share it out as they go.
 *
 * Per source s with weight w_s (n_c/k_c in a sampled component, 1 where every organisation of the
 * component is a source): bc[v] += w_s·δ_s(v). Closeness: with `exact[i]` set, s's own distance
 * sum and reach are recorded (distSum[s], reach[s]); otherwise every organisation s reaches gets
 * d(s, v) added (distSum[v], reach[v] counts the sampled sources that reached it).
 *
 * The back pass pulls from successors through coef[x] = (1 + δ(x)) / σ(x), one division per
 * organisation instead of one per tie: δ(v) = σ(v)·Σ coef[x] over neighbours x one step further.
 */
export function centralityKernel(
  offsets: Int32Array,
  neighbours: Int32Array,
  sources: Int32Array,
  weights: Float64Array,
  exact: Uint8Array,
  next: Int32Array,
  chunk: number,
): { bc: Float64Array; distSum: Float64Array; reach: Int32Array } {
  const n = offsets.length - 1;
  const bc = new Float64Array(n);
  const distSum = new Float64Array(n);
  const reach = new Int32Array(n);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  // BFS level mod 3, plus 1 (0 = not reached): a neighbour is one level up, the same or one down,
  // so the residue tells which, and one byte per organisation keeps the marks in the fastest cache.
  const mark = new Uint8Array(n);
  const order = new Int32Array(n);
  // Where each level starts in `order` (levelStart[d]..levelStart[d+1]), for the distances.
  const levelStart = new Int32Array(n + 2);
  // The shortest-path DAG of one BFS, as successor lists in BFS order: succ[succEnd[j-1]..succEnd[j]) of order[j].
  const succ = new Int32Array(neighbours.length);
  const succEnd = new Int32Array(n);
  const total = sources.length;
  for (;;) {
    const start = Atomics.add(next, 0, chunk);
    if (start >= total) break;
    const end = start + chunk < total ? start + chunk : total;
    for (let i = start; i < end; i++) {
      const s = sources[i];
      const ws = weights[i];
      let head = 0;
      let tail = 1;
      order[0] = s;
      mark[s] = 1;
      sigma[s] = 1;
      let sum = 0;
      let dag = 0;
      let level = 0;
      let levelEnd = 1;
      levelStart[0] = 0;
      let nextMark = 2; // (level + 1) mod 3, plus 1
      while (head < tail) {
        if (head === levelEnd) {
          level++;
          levelStart[level] = head;
          levelEnd = tail;
          nextMark = nextMark === 3 ? 1 : nextMark + 1;
        }
        const v = order[head];
        const sv = sigma[v];
        const kEnd = offsets[v + 1];
        for (let k = offsets[v]; k < kEnd; k++) {
          const w = neighbours[k];
          const mw = mark[w];
          if (mw === 0) {
            mark[w] = nextMark;
            sigma[w] = sv;
            order[tail++] = w;
            succ[dag++] = w;
          } else if (mw === nextMark) {
            sigma[w] += sv;
            succ[dag++] = w;
          }
        }
        succEnd[head++] = dag;
      }
      levelStart[level + 1] = tail;
      for (let d = 1; d <= level; d++) sum += d * (levelStart[d + 1] - levelStart[d]);
      for (let j = tail - 1; j > 0; j--) {
        const v = order[j];
        let pull = 0;
        const kEnd = succEnd[j];
        for (let k = succEnd[j - 1]; k < kEnd; k++) pull += coef[succ[k]];
        const delta = sigma[v] * pull;
        bc[v] += ws * delta;
        coef[v] = (1 + delta) / sigma[v];
      }
      if (exact[i] === 1) {
        distSum[s] += sum;
        reach[s] += tail - 1;
      } else {
        for (let d = 1; d <= level; d++) {
          for (let j = levelStart[d]; j < levelStart[d + 1]; j++) {
            const v = order[j];
            distSum[v] += d;
            reach[v]++;
          }
        }
      }
      for (let j = 0; j < tail; j++) mark[order[j]] = 0;
    }
  }
  return { bc, distSum, reach };
}
