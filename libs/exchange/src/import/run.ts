import { noChanges, type Actor, type BaselinePart, type GraphBaseline, type GraphChanges, type Term } from '@verkosto/domain';
import { TEMPLATES, TEMPLATE_KINDS, matchColumns, type TemplateKind } from './columns';
import { ImportFileError, message, type ImportMessage } from './messages';
import { ROW_OUTCOMES, baselinePartsFor, planImport, type ClassifiedSheet, type EntityCount, type EntityName, type RowOutcome, type RowResult, type SheetKind } from './plan';
import { isRegistry, missingRegistryColumns, registryColumns } from './registry';
import { READ_LIMITS, type ReadLimits } from './read-limits';
import { planWithRights, type ImportRights } from './rights';
import { decodeText, readCsv, readXlsx, type Sheet } from './sheets';
import { INSTRUCTION_SHEETS } from './templates';

/**
 * One import, start to end: read the file, recognise its sheets, plan against the database and
 * write the plan in one transaction. The store is reached through this narrow port (GraphStore
 * satisfies it), so the library needs nothing from the graph package.
 */
export interface ImportTarget {
  applyChanges<T>(
    parts: BaselinePart[],
    plan: (baseline: GraphBaseline) => Promise<{ changes: GraphChanges; result: T }>,
    actor: Actor,
    options?: { dryRun?: boolean; label?: string; onProgress?: (progress: { step: 'reading' } | { step: 'writing'; done: number; total: number }) => void },
  ): Promise<T>;
  methods(): Promise<Term[]>;
  targetGroups(): Promise<Term[]>;
}

export const IMPORT_FORMATS = ['csv', 'xlsx', 'registry'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportFile {
  fileName: string;
  /** The file's bytes, or a CSV file's text. */
  content: Uint8Array | string;
  /** csv or xlsx; registry = a CSV that must be the structural-fund list. Default: from the name and content. */
  format?: ImportFormat | null;
}

export type ImportPhase = 'reading' | 'matching' | 'writing' | 'done';

/** Where a running import is: rows read or matched, or records written, of the total. */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Who imports: recorded in the history with the file name. */
  actor: Actor;
  /** What the caller may read and change: a row needing more is rejected as FORBIDDEN (EVERY_RIGHT for the command line). */
  rights: ImportRights;
  dryRun?: boolean;
  /** Write the valid rows even when others are rejected. Default: any rejected row stops the write. */
  skipRejected?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** What one file may hold (rows, cells, unzipped size); the whole plan is held in memory. */
  limits?: ReadLimits;
}

export interface ImportReport {
  fileName: string;
  format: 'csv' | 'xlsx';
  sheets: { name: string; kind: SheetKind; rows: number }[];
  dryRun: boolean;
  /** True when the changes were written (not a dry run, and no rejected row stopped it). */
  written: boolean;
  /** Rows by outcome. */
  totals: Record<RowOutcome, number> & { rows: number };
  /** Records created, updated and left unchanged, by kind. */
  entities: Record<EntityName, EntityCount>;
  funders: number;
  mergedNames: number;
  notices: ImportMessage[];
  rows: RowResult[];
  durationMs: number;
}

export async function importFile(target: ImportTarget, file: ImportFile, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const { actor, rights, dryRun = false, skipRejected = false, onProgress, limits = READ_LIMITS } = options;
  onProgress?.({ phase: 'reading', done: 0, total: 0 });
  const { format, sheets } = await readSheets(file, limits);
  const { classified, notices: sheetNotices } = classifySheets(sheets, file);
  const total = classified.reduce((n, s) => n + s.sheet.rows.length, 0);
  if (total === 0) throw new ImportFileError('emptyFile');
  if (total > limits.maxRows) throw new ImportFileError('tooManyRows', { count: total, max: limits.maxRows });
  onProgress?.({ phase: 'reading', done: total, total });

  const vocabulary = { methods: await target.methods(), targetGroups: await target.targetGroups() };
  const result = await target.applyChanges(
    baselinePartsFor(classified.map((s) => s.kind)),
    async (baseline) => {
      onProgress?.({ phase: 'matching', done: 0, total });
      const { changes, summary } = await planWithRights(
        (refused) => planImport(classified, baseline, { fileName: file.fileName, vocabulary, refused }, (done) => onProgress?.({ phase: 'matching', done, total })),
        rights,
      );
      const rejected = summary.rows.filter((r) => r.outcome === 'rejected').length;
      const write = rejected === 0 || skipRejected;
      return { changes: write ? changes : noChanges(), result: { summary, rejected, write } };
    },
    actor,
    {
      dryRun,
      label: file.fileName,
      onProgress: (p) => {
        if (p.step === 'writing') onProgress?.({ phase: 'writing', done: p.done, total: p.total });
      },
    },
  );
  const { summary, rejected, write } = result;
  const notices = [...summary.notices];
  if (rejected > 0 && !dryRun) notices.push(message(write ? 'warning' : 'error', write ? 'rejectedSkipped' : 'nothingWritten', { count: rejected }));
  const totals = Object.fromEntries(ROW_OUTCOMES.map((o) => [o, 0])) as Record<RowOutcome, number>;
  for (const row of summary.rows) totals[row.outcome]++;
  onProgress?.({ phase: 'done', done: total, total });
  return {
    fileName: file.fileName,
    format,
    sheets: classified.map((s) => ({ name: s.sheet.name, kind: s.kind, rows: s.sheet.rows.length })),
    dryRun,
    written: !dryRun && write,
    totals: { ...totals, rows: summary.rows.length },
    entities: summary.entities,
    funders: summary.funders,
    mergedNames: summary.mergedNames,
    notices: [...sheetNotices, ...notices],
    rows: summary.rows,
    durationMs: Math.round(performance.now() - started),
  };
}

async function readSheets(file: ImportFile, limits: ReadLimits): Promise<{ format: 'csv' | 'xlsx'; sheets: Sheet[] }> {
  const bytes = typeof file.content === 'string' ? null : file.content;
  const zip = bytes !== null && bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": an .xlsx is a zip
  const byName = /\.xls[xm]$/i.test(file.fileName);
  const xlsx = file.format ? file.format === 'xlsx' : byName || zip;
  if (xlsx) {
    if (!bytes) throw new ImportFileError('unreadableFile', { file: file.fileName, reason: 'an .xlsx file must be sent as bytes (base64).' });
    return { format: 'xlsx', sheets: await readXlsx(bytes, file.fileName, limits) };
  }
  if (zip) throw new ImportFileError('unreadableFile', { file: file.fileName, reason: 'this is a zip or .xlsx file, not CSV.' });
  const text = bytes ? decodeText(bytes) : (file.content as string);
  return { format: 'csv', sheets: [readCsv(text, file.fileName, limits)] };
}

/** The sheets to import with their kinds; sheets that are no template are skipped with a notice. */
function classifySheets(sheets: Sheet[], file: ImportFile): { classified: ClassifiedSheet[]; notices: ImportMessage[] } {
  const classified: ClassifiedSheet[] = [];
  const notices: ImportMessage[] = [];
  for (const sheet of sheets) {
    if (sheet.header.length === 0 || INSTRUCTION_SHEETS.includes(sheet.name)) continue;
    if (file.format === 'registry') {
      const missing = missingRegistryColumns(registryColumns(sheet.header));
      if (missing.length > 0) throw new ImportFileError('notRegistry', { columns: missing.join(', ') });
    }
    const kind = file.format === 'registry' ? 'registry' : recogniseSheet(sheet.header);
    if (kind) classified.push({ sheet, kind });
    else notices.push(message('warning', 'sheetSkipped', { sheet: sheet.name }));
  }
  if (classified.length === 0) {
    const header = sheets.find((s) => s.header.length > 0)?.header ?? [];
    if (header.length === 0) throw new ImportFileError('emptyFile');
    throw new ImportFileError('unrecognisedHeader', { columns: header.join(', ') });
  }
  return { classified, notices };
}

/**
 * The registry by its columns; otherwise the template whose required columns are all there and
 * which leaves the fewest headers unrecognised (an organisations sheet and a participations sheet
 * both name an organisation; only the latter has a target and a role).
 */
export function recogniseSheet(header: string[]): SheetKind | null {
  if (isRegistry(header)) return 'registry';
  let best: { kind: TemplateKind; unknown: number; known: number } | null = null;
  for (const kind of TEMPLATE_KINDS) {
    const { columns, unknown } = matchColumns(TEMPLATES[kind], header);
    const required = TEMPLATES[kind].columns.filter((c) => c.required);
    if (!required.every((c) => columns.includes(c))) continue;
    const known = columns.filter(Boolean).length;
    if (!best || unknown.length < best.unknown || (unknown.length === best.unknown && known > best.known)) {
      best = { kind, unknown: unknown.length, known };
    }
  }
  return best?.kind ?? null;
}
