import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@verkosto/graph';
import { analyticsSection, partnersSection } from './analytics.bench';
import { generateDataset } from './generate';
import { registryImportSection } from './import-registry.bench';
import { queriesSection } from './queries.bench';
import { formatSection, type BenchContext, type Section, type SectionResult } from './report';
import { time } from './stats';
import { importSection, listSection, searchSection, snapshotSection, writeSection } from './store.bench';
import { webMapSection } from './web-map.bench';
import { enginesSection } from './engines.bench';
import { hostileSection } from './hostile.bench';

/**
 * The benchmark: generates the fixed dataset, loads it into a fresh embedded store in a temporary
 * folder, then runs every section against it and prints each one's figures. The import section
 * always runs first; name sections on the command line to run only those
 * (`node dist/bench/run.js snapshot search`). Add a section by exporting a `Section` from a
 * `bench/*.bench.ts` file and listing it here.
 *
 * Writes the figures to bench/results/latest.json.
 */
const SECTIONS: Section[] = [
  snapshotSection,
  listSection,
  searchSection,
  queriesSection,
  writeSection,
  analyticsSection,
  partnersSection,
  registryImportSection,
  webMapSection,
  enginesSection,
  hostileSection,
];

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
  if (unknown.length > 0) throw new Error(`Unknown section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  const chosen = wanted.length > 0 ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS;

  const started = performance.now();
  const { ms: generateMs, value: data } = await time(() => generateDataset());
  const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-bench-'));
  const store = await openStore({ dataDir });
  const ctx: BenchContext = { store, data, dataDir, generateMs };
  const results: Record<string, SectionResult & { title: string }> = {};
  console.log(
    `Verkosto benchmark — embedded (${store.engine}), node ${process.version}, ${cpus().length} CPU(s), seed ${data.seed}\n` +
      `data: ${data.sizes.organisations} organisations, ${data.sizes.projects} projects, ${data.sizes.activities} activities, ` +
      `${data.sizes.participations} participations, ${data.sizes.networks} networks; big network ${data.bigNetworkId}`,
  );
  try {
    for (const section of [importSection, ...chosen]) {
      const result = await section.run(ctx);
      results[section.name] = { title: section.title, ...result };
      console.log(formatSection(section, result));
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(`\nTotal ${totalSeconds} s.`);

  const outDir = join(process.cwd(), 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    engine: 'embedded',
    node: process.version,
    cpus: cpus().length,
    seed: data.seed,
    sizes: data.sizes,
    rows: data.rows,
    totalSeconds,
    sections: results,
  };
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`Figures written to ${join('bench', 'results', 'latest.json')}.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
