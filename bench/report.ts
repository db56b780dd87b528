import type { GraphStore } from '@verkosto/graph';
import type { BenchData } from './generate';
import type { Timing } from './stats';

/** A figure a section reports: a timing (ms), a plain number, or a short text. */
export type Figure = Timing | number | string | boolean;

export interface SectionResult {
  figures: Record<string, Figure>;
  /** Observations worth a human's eye (slow spots, sanity checks that failed). */
  notes?: string[];
}

/** What every section gets: the store already loaded with `data` (except the import section). */
export interface BenchContext {
  store: GraphStore;
  data: BenchData;
  dataDir: string;
  /** Wall time of the data generation, for the import section. */
  generateMs: number;
}

export interface Section {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

export const isTiming = (f: Figure): f is Timing => typeof f === 'object' && f !== null && 'medianMs' in f;

const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x >= 100 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatSection(section: Section, result: SectionResult): string {
  const entries = Object.entries(result.figures);
  const timings = entries.filter((e): e is [string, Timing] => isTiming(e[1]));
  const scalars = entries.filter(([, f]) => !isTiming(f));
  const out = [`\n== ${section.title} (${section.name}) ==`];
  if (timings.length > 0) {
    out.push(
      table(
        ['timing (ms)', 'median', 'p95', 'min', 'max', 'runs'],
        timings.map(([k, t]) => [k, fmt(t.medianMs), fmt(t.p95Ms), fmt(t.minMs), fmt(t.maxMs), String(t.runs)]),
      ),
    );
  }
  if (scalars.length > 0) {
    if (timings.length > 0) out.push('');
    out.push(
      table(
        ['figure', 'value'],
        scalars.map(([k, v]) => [k, typeof v === 'number' ? fmt(v) : String(v)]),
      ),
    );
  }
  for (const note of result.notes ?? []) out.push(`  ! ${note}`);
  return out.join('\n');
}
