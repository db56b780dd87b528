import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SYSTEM_ACTOR } from '@verkosto/domain';
import { EVERY_RIGHT, importFile, type ImportPhase, type ImportReport } from '@verkosto/exchange';
import { openStore } from '@verkosto/graph';
import type { Section, SectionResult } from './report';
import { round, summarise } from './stats';

const FILE = 'FI_EAKR_ESR_2007-2013_projektilista.csv';
const RUNS = 3;

/**
 * The structural-fund list of 2007–2013 (19,940 projects) imported as a user would, through the
 * import library, into a fresh embedded database each run: a dry run, the import, and the same
 * file again (which must change nothing). Phases are timed from the progress the import reports.
 */
export const registryImportSection: Section = {
  name: 'import-registry',
  title: `File import: ${FILE} into a fresh database (${RUNS} runs)`,
  async run(): Promise<SectionResult> {
    const bytes = gunzipSync(readFileSync(join(process.cwd(), 'test', 'fixtures', 'structural-funds-fi', `${FILE}.gz`)));
    const samples = { dryRun: [] as number[], import: [] as number[], reimport: [] as number[] };
    const phases: Record<ImportPhase, number[]> = { reading: [], matching: [], writing: [], done: [] };
    const notes: string[] = [];
    let report: ImportReport | null = null;
    for (let run = 0; run < RUNS; run++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-bench-import-'));
      const store = await openStore({ dataDir });
      try {
        const file = { fileName: FILE, content: new Uint8Array(bytes) };
        samples.dryRun.push((await importFile(store, file, { actor: SYSTEM_ACTOR, rights: EVERY_RIGHT, dryRun: true })).durationMs);
        const marks: [ImportPhase, number][] = [];
        const started = performance.now();
        report = await importFile(store, file, {
          actor: SYSTEM_ACTOR,
          rights: EVERY_RIGHT,
          skipRejected: true,
          onProgress: (p) => {
            if (marks.at(-1)?.[0] !== p.phase) marks.push([p.phase, performance.now()]);
          },
        });
        samples.import.push(performance.now() - started);
        marks.forEach(([phase, at], i) => phases[phase].push((marks[i + 1]?.[1] ?? at) - at));
        const again = await importFile(store, file, { actor: SYSTEM_ACTOR, rights: EVERY_RIGHT, skipRejected: true });
        samples.reimport.push(again.durationMs);
        const changed = Object.values(again.entities).reduce((n, c) => n + c.created + c.updated, 0);
        if (changed > 0) notes.push(`Run ${run + 1}: the second import changed ${changed} records; it should change none.`);
      } finally {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const r = report!;
    const rows = r.totals.rows;
    const importTiming = summarise(samples.import);
    return {
      figures: {
        'dry run (plan only)': summarise(samples.dryRun),
        'import (read, plan, write)': importTiming,
        '  reading the file': summarise(phases.reading),
        '  matching (baseline + plan)': summarise(phases.matching),
        '  writing (one transaction)': summarise(phases.writing),
        'same file again (no changes)': summarise(samples.reimport),
        'rows in file': rows,
        'rows/s (import, median)': Math.round(rows / (importTiming.medianMs / 1000)),
        'import total (s, median)': round(importTiming.medianMs / 1000, 2),
        'projects created': r.entities.projects.created,
        'organisations created': r.entities.organisations.created,
        'funders (distinct)': r.funders,
        'ties created': r.entities.participations.created,
        'rows rejected': r.totals.rejected,
      },
      notes,
    };
  },
};
