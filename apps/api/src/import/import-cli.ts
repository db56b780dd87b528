import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  EVERY_RIGHT,
  IMPORT_FORMATS,
  ImportFileError,
  formatReport,
  importFile,
  isImportLang,
  messageText,
  type ImportFormat,
  type ImportLang,
  type ImportPhase,
  type ImportProgress,
} from '@verkosto/exchange';
import { SYSTEM_ACTOR } from '@verkosto/domain';
import { openStore, type GraphStore } from '@verkosto/graph';
import { loadConfig } from '../config';

/**
 * `npm run import -- FILE [--dry-run] [--format csv|xlsx|registry] [--skip-rejected] [--lang fi|en|sv] [--all]`
 *
 * Imports a file into the database that DATA_DIR or NEO4J_URI names, in one transaction, and prints
 * the same row-level report the web app shows. Exit code 0: every row imported; 1: rows were
 * rejected (written only with --skip-rejected); 2: nothing could be done (bad arguments, an
 * unreadable file, the database unavailable).
 */
const USAGE = `Usage: npm run import -- FILE [--dry-run] [--format csv|xlsx|registry] [--skip-rejected] [--lang fi|en|sv] [--all]

  FILE             a CSV or XLSX file: an import template or the structural-fund project list
  --dry-run        report what would happen; write nothing
  --format         csv, xlsx, or registry (a CSV that must be the structural-fund list); default: from the file
  --skip-rejected  write the valid rows even when some are rejected (default: a rejected row stops the write)
  --lang           language of the report: fi or en (sv also works); default from LANG
  --all            list every row, not only those with remarks

Writes to the database named by DATA_DIR (default ./data) or NEO4J_URI, like the server.`;

interface Args {
  file: string;
  dryRun: boolean;
  format: ImportFormat | null;
  skipRejected: boolean;
  lang: ImportLang;
  allRows: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { file: '', dryRun: false, format: null, skipRejected: false, lang: defaultLang(), allRows: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--skip-rejected') args.skipRejected = true;
    else if (flag === '--all') args.allRows = true;
    else if (flag === '--format') {
      const format = value().toLowerCase();
      if (!(IMPORT_FORMATS as readonly string[]).includes(format)) return `--format is one of ${IMPORT_FORMATS.join(', ')}.`;
      args.format = format as ImportFormat;
    } else if (flag === '--lang') {
      const lang = value().toLowerCase();
      if (!isImportLang(lang)) return '--lang is fi, en or sv.';
      args.lang = lang;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (arg.startsWith('-')) return `Unknown option ${arg}.`;
    else if (args.file) return 'Give one file.';
    else args.file = arg;
  }
  return args.file ? args : 'Give the file to import.';
}

function defaultLang(): ImportLang {
  return /^fi/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'fi' : 'en';
}

const PHASES: Record<ImportPhase, Record<'fi' | 'en' | 'sv', string>> = {
  reading: { fi: 'Luetaan tiedostoa', sv: 'Filen läses', en: 'Reading the file' },
  matching: { fi: 'Verrataan tietokantaan', sv: 'Jämförs med databasen', en: 'Matching against the database' },
  writing: { fi: 'Tallennetaan', sv: 'Sparas', en: 'Writing' },
  done: { fi: 'Valmis', sv: 'Klart', en: 'Done' },
};

const PEAK_MEMORY: Record<ImportLang, string> = { fi: 'Muistia enimmillään', sv: 'Minne som mest', en: 'Peak memory' };

/** Each phase on stderr once it starts, then at every tenth of its rows or records. */
function progressPrinter(lang: ImportLang): (p: ImportProgress) => void {
  const locale = lang === 'en' ? 'en-GB' : `${lang}-FI`;
  let shown = '';
  return ({ phase, done, total }) => {
    if (phase === 'done') return;
    const tenth = total > 0 && phase !== 'reading' ? Math.floor((10 * done) / total) : -1;
    const line = `${PHASES[phase][lang]}${total ? ` (${total.toLocaleString(locale)})` : ''}${tenth >= 0 ? ` ${tenth * 10} %` : ''}`;
    if (line === shown) return;
    shown = line;
    process.stderr.write(`${line}…\n`);
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args ? `${args}\n\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  let content: Uint8Array;
  try {
    content = readFileSync(args.file);
  } catch (error) {
    console.error(`Cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const config = loadConfig();
  let store: GraphStore;
  try {
    store = await openStore(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const busy = /lock/i.test(reason) ? ' The database is in use: stop the server first, or import in the web app.' : '';
    console.error(`Cannot open the database ${config.neo4j ? config.neo4j.uri : config.dataDir}: ${reason}${busy}`);
    return 2;
  }
  try {
    const progress = progressPrinter(args.lang);
    const report = await importFile(
      store,
      { fileName: basename(args.file), content, format: args.format },
      {
        actor: SYSTEM_ACTOR,
        rights: EVERY_RIGHT, // the command line runs with the database itself in hand
        dryRun: args.dryRun,
        skipRejected: args.skipRejected,
        // The operator's own file: no row cap. An .xlsx keeps its cell and unzipped-size caps,
        // which bound the memory its reader takes; a CSV takes about its own size a few times over.
        limits: { ...config.importLimits, maxRows: Number.MAX_SAFE_INTEGER },
        onProgress: progress,
      },
    );
    console.log(formatReport(report, args.lang, { allRows: args.allRows }));
    process.stderr.write(`${PEAK_MEMORY[args.lang]}: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
    return report.totals.rejected > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      console.error(messageText(args.lang, error));
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 2;
  },
);
