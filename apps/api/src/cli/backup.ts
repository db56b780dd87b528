/**
 * `npm run backup -- FILE`, `npm run backup -- --print-key` and
 * `npm run restore -- FILE [--replace] [--key KEY]... [--trust-unsigned]`: the full backup of the
 * database named by DATA_DIR / NEO4J_URI (as the app uses them), written to or read from FILE,
 * signed with and checked against the instance's backup key (BACKUP_KEY, or the one it keeps).
 * The embedded database can be open in one process only: stop Verkosto first, or use
 * GET /api/backup and POST /api/restore while it runs.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '@verkosto/domain';
import { openStore, SQLITE_FILE, type GraphStore } from '@verkosto/graph';
import { loadConfig } from '../config';

const USAGE = `Usage: npm run backup -- FILE    |    npm run backup -- --print-key
       npm run restore -- FILE [--replace] [--key KEY]... [--trust-unsigned]
  --key             the backup key of the Verkosto that wrote FILE (its npm run backup -- --print-key)
  --trust-unsigned  restore a file no key can check (from an earlier release); only if you know where it comes from`;

interface Args {
  command: 'backup' | 'restore' | 'print-key';
  file: string;
  replace: boolean;
  keys: string[];
  trustUnsigned: boolean;
}

function parseArgs([command, ...rest]: string[]): Args | string {
  const none = { file: '', replace: false, keys: [], trustUnsigned: false };
  if (command === 'backup' && rest.length === 1 && rest[0] === '--print-key') return { command: 'print-key', ...none };
  if (command !== 'backup' && command !== 'restore') return USAGE;
  const args: Args = { command, ...none };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (command === 'restore' && a === '--replace') args.replace = true;
    else if (command === 'restore' && a === '--trust-unsigned') args.trustUnsigned = true;
    else if (command === 'restore' && a === '--key' && rest[i + 1]) args.keys.push(rest[++i]);
    else if (a.startsWith('--')) return `Unknown option ${a}.\n${USAGE}`;
    else files.push(a);
  }
  if (files.length !== 1) return USAGE;
  args.file = resolve(files[0]);
  return args;
}

/** A refusal in the user's language when it has one in three (the backup's signature), else as worded. */
function messageOf(error: DomainError): string {
  const messages = error.details.messages as Record<string, string> | undefined;
  const lang = /^(fi|sv)/i.exec(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '')?.[1].toLowerCase() ?? 'en';
  return messages?.[lang] ?? error.message;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const { command, file } = args;
  const config = loadConfig();
  const where = config.neo4j ? `Neo4j at ${config.neo4j.uri}` : `the embedded database in ${config.dataDir}`;
  if (command !== 'restore' && !config.neo4j && !existsSync(join(config.dataDir, SQLITE_FILE))) {
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
    console.error(
      /lock/i.test(message)
        ? `${where[0].toUpperCase()}${where.slice(1)} is in use, probably by a running Verkosto. Stop it first, or use GET /api/backup and POST /api/restore while it runs.`
        : `Cannot open ${where}: ${message}`,
    );
    return 1;
  }
  try {
    if (command === 'print-key') {
      // Give it to the new instance's restore (--key) when moving; whoever holds it can sign backups.
      console.log(await store.backupKey());
    } else if (command === 'backup') {
      const backup = await store.backup();
      // Written beside the target and renamed: a failed run never leaves half a file under its name.
      writeFileSync(`${file}.partial`, backup);
      renameSync(`${file}.partial`, file);
      const rows = JSON.parse(backup.slice(backup.lastIndexOf('\n', backup.length - 2) + 1)).rows as number;
      console.log(`Backed up ${rows.toLocaleString('en-US')} rows of ${where} to ${file} (${Math.round(backup.length / 1024).toLocaleString('en-US')} KiB).`);
    } else {
      const report = await store.restore(text, { replace: args.replace, keys: args.keys, trustUnsigned: args.trustUnsigned });
      const tables = Object.entries(report.rows)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${table} ${n}`);
      console.log(`Restored ${report.total.toLocaleString('en-US')} rows into ${where}${report.replaced ? ', replacing what it held' : ''}: ${tables.join(', ')}.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(messageOf(error));
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
