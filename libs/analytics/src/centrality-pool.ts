/**
 * Betweenness and closeness over worker threads: the graph and the source list go to every worker
 * in shared memory (no copies), each takes chunks of sources from one shared counter until none
 * are left, and the partial sums come back and are added up.
 *
 * The workers run centralityKernel's own source text (`eval`), so they start the same way from
 * the built dist, under jest (which compiles TypeScript only for its own module loader) and from a
 * bundle. When workers cannot be had (threads: 1, or a worker fails to start) the same kernel runs
 * in the calling thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { centralityKernel } from './centrality-kernel';

export interface KernelJob {
  offsets: Int32Array;
  neighbours: Int32Array;
  sources: Int32Array;
  weights: Float64Array;
  exact: Uint8Array;
}
export type KernelResult = ReturnType<typeof centralityKernel>;

/** Sources one thread takes at a time from the shared counter. */
const CHUNK = 16;

/** The kernel in this thread: the path for small graphs and the fallback when workers are unavailable. */
export function runKernelInThread(job: KernelJob): KernelResult {
  return centralityKernel(job.offsets, job.neighbours, job.sources, job.weights, job.exact, new Int32Array(1), CHUNK);
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const centralityKernel = (${centralityKernel.toString()});
parentPort.on('message', (j) => {
  try {
    const r = centralityKernel(j.offsets, j.neighbours, j.sources, j.weights, j.exact, j.next, j.chunk);
    parentPort.postMessage({ ok: r }, [r.bc.buffer, r.distSum.buffer, r.reach.buffer]);
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.stack || e) });
  }
});`;

function shared<T extends Int32Array | Float64Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
}

/** A fixed set of workers, started on first use and kept (unreferenced, so they never hold a process open). */
export class CentralityPool {
  private workers: Worker[] | null = null;
  /** One job at a time over all the workers; later ones wait their turn. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Where the last job ran, and why not on the workers if it did not (for tests and the bench). */
  lastRun: { on: 'workers' | 'thread'; reason?: string } | null = null;

  constructor(readonly threads = Math.max(1, availableParallelism())) {}

  /**
   * Runs a job; when the pool is idle its work is handed to the workers before this returns, so
   * the caller can go on with other work in its own thread meanwhile.
   */
  run(job: KernelJob): Promise<KernelResult> {
    const result = this.pending === 0 ? this.runNow(job) : this.queue.then(() => this.runNow(job));
    this.pending++;
    this.queue = result
      .catch(() => undefined)
      .then(() => {
        this.pending--;
      });
    return result;
  }

  private pending = 0;

  private async runNow(job: KernelJob): Promise<KernelResult> {
    if (this.threads <= 1 || job.sources.length < 2 * CHUNK) {
      this.lastRun = { on: 'thread', reason: 'small job' };
      return runKernelInThread(job);
    }
    let workers: Worker[];
    try {
      workers = this.start();
    } catch (e) {
      this.lastRun = { on: 'thread', reason: String(e) };
      return runKernelInThread(job);
    }
    const message = {
      offsets: shared(job.offsets),
      neighbours: shared(job.neighbours),
      sources: shared(job.sources),
      weights: shared(job.weights),
      exact: shared(job.exact),
      next: new Int32Array(new SharedArrayBuffer(4)),
      chunk: CHUNK,
    };
    try {
      const parts = await Promise.all(workers.map((w) => this.ask(w, message)));
      const [sum, ...rest] = parts;
      for (const p of rest) {
        for (let v = 0; v < sum.bc.length; v++) {
          sum.bc[v] += p.bc[v];
          sum.distSum[v] += p.distSum[v];
          sum.reach[v] += p.reach[v];
        }
      }
      this.lastRun = { on: 'workers' };
      return sum;
    } catch (e) {
      // A worker died or could not run the kernel: start afresh next time, answer from this thread now.
      this.lastRun = { on: 'thread', reason: String(e) };
      void this.close();
      return runKernelInThread(job);
    }
  }

  private start(): Worker[] {
    if (!this.workers) {
      this.workers = Array.from({ length: this.threads }, () => {
        const w = new Worker(WORKER_SOURCE, { eval: true });
        w.unref();
        return w;
      });
    }
    return this.workers;
  }

  private ask(worker: Worker, message: object): Promise<KernelResult> {
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (m: { ok?: KernelResult; error?: string }) => {
        done();
        if (m.ok) resolve(m.ok);
        else reject(new Error(m.error));
      };
      const onError = (e: Error) => {
        done();
        reject(e);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`centrality worker exited with ${code}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref(); // the answer is awaited: keep the process alive until it comes
      worker.postMessage(message);
    });
  }

  /** Stops the workers (tests, shutdown); the next job starts new ones. */
  close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = null;
    return Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  }
}

/** The process's pool, shared by every caller. */
export const centralityPool = new CentralityPool();
