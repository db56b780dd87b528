/**
 * `npm run backup -- FILE` and `npm run restore -- FILE [--replace]`: the full backup of the
 * database named by DATA_DIR / NEO4J_URI (as the app uses them), written to or read from FILE.
 * The embedded database can be open in one process only: stop Verkosto first, or use
 * GET /api/backup and POST /api/restore while it runs.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '@verkosto/domain';
import { openStore, SQLITE_FILE, type GraphStore } from '@verkosto/graph';
import { loadConfig } from '../config';

const USAGE = 'Usage: npm run backup -- FILE    |    npm run restore -- FILE [--replace]';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const replace = rest.includes('--replace');
  const files = rest.filter((a) => a !== '--replace');
  const unknown = files.filter((a) => a.startsWith('--'));
  if ((command !== 'backup' && command !== 'restore') || files.length !== 1 || unknown.length > 0 || (replace && command === 'backup')) {
    console.error(unknown.length > 0 ? `Unknown option ${unknown.join(', ')}.\n${USAGE}` : USAGE);
    return 2;
  }
  const file = resolve(files[0]);
  const config = loadConfig();
  const where = config.neo4j ? `Neo4j at ${config.neo4j.uri}` : `the embedded database in ${config.dataDir}`;
  if (command === 'backup' && !config.neo4j && !existsSync(join(config.dataDir, SQLITE_FILE))) {
    console.error(`There is no database in ${config.dataDir} (set DATA_DIR to the folder Verkosto uses).`);
    return 1;
  }
  let text = '';
  if (command === 'restore') {
    if (!existsSync(file)) {
      console.error(`No file ${file}.`);
      return 1;
    }
    text = readFileSync(file, 'utf8');
  }
  let store: GraphStore;
  try {
    store = await openStore(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(/lock/i.test(message)
      ? `${where[0].toUpperCase()}${where.slice(1)} is in use, probably by a running Verkosto. Stop it first, or use GET /api/backup and POST /api/restore while it runs.`
      : `Cannot open ${where}: ${message}`);
    return 1;
  }
  try {
    if (command === 'backup') {
      const backup = await store.backup();
      // Written beside the target and renamed: a failed run never leaves half a file under its name.
      writeFileSync(`${file}.partial`, backup);
      renameSync(`${file}.partial`, file);
      const rows = JSON.parse(backup.slice(backup.lastIndexOf('\n', backup.length - 2) + 1)).rows as number;
      console.log(`Backed up ${rows.toLocaleString('en-US')} rows of ${where} to ${file} (${Math.round(backup.length / 1024).toLocaleString('en-US')} KiB).`);
    } else {
      const report = await store.restore(text, { replace });
      const tables = Object.entries(report.rows).filter(([, n]) => n > 0).map(([table, n]) => `${table} ${n}`);
      console.log(`Restored ${report.total.toLocaleString('en-US')} rows into ${where}${report.replaced ? ', replacing what it held' : ''}: ${tables.join(', ')}.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.message);
    const problems = error.details.problems;
    if (Array.isArray(problems) && problems.length > 1) for (const p of problems.slice(0, 50)) console.error(`  - ${String(p)}`);
    return 1;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
