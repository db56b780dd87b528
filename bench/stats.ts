import { performance } from 'node:perf_hooks';

/** Figures of one repeated measurement, in milliseconds. */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarise(samples: number[]): Timing {
  return {
    runs: samples.length,
    medianMs: round(median(samples)),
    p95Ms: round(percentile(samples, 95)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
  };
}

/** Runs `work` once and returns its value and wall time in milliseconds. */
export async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export interface SampleOptions {
  /** Untimed runs first (prepared statements, caches). Default 2. */
  warmup?: number;
  /** Timed runs wanted. Default 20. */
  runs?: number;
  /** Stop timing once this much time has gone, if at least `minRuns` are done. Default 15 s. */
  budgetMs?: number;
  minRuns?: number;
}

/**
 * Warms up, then times `work(i)` repeatedly (i counts every call, warm-up included, so callers can
 * vary their input). Returns the timing and the last value.
 */
export async function sample<T>(work: (i: number) => Promise<T> | T, options: SampleOptions = {}): Promise<{ timing: Timing; last: T }> {
  const { warmup = 2, runs = 20, budgetMs = 15_000, minRuns = 5 } = options;
  let i = 0;
  let last!: T;
  for (; i < warmup; i++) last = await work(i);
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < runs) {
    const { ms, value } = await time(() => work(i++));
    samples.push(ms);
    last = value;
    if (samples.length >= minRuns && performance.now() - started > budgetMs) break;
  }
  return { timing: summarise(samples), last };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
