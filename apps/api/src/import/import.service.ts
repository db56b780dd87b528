import { Inject, Injectable, Logger } from '@nestjs/common';
import { badInput, conflict, tooManyRequests, type Actor } from '@verkosto/domain';
import {
  ImportFileError,
  importFile,
  messageText,
  ROW_OUTCOMES,
  type ImportFormat,
  type ImportLang,
  type ImportMessage as LibMessage,
  type ImportReport as LibReport,
  type RowOutcome,
} from '@verkosto/exchange';
import type { GraphStore } from '@verkosto/graph';
import type { RequestAccess } from '../auth/access';
import { GRAPH_STORE } from '../common/store.module';
import { APP_CONFIG, type AppConfig } from '../config';
import { ConcurrencyLimit } from '../limits/rate-limiter';
import type { ImportInput, ImportJob, ImportMessage, ImportPhaseName, ImportReport } from './import.model';
import { importRightsOf } from './import-rights';

const DEFAULT_ROWS = 500;
const MAX_ROWS = 5_000;
/** A finished job stays readable this long, so a client polling slowly still sees how it ended. */
const KEEP_FINISHED_MS = 10 * 60_000;
const JOB_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** When a client refused for want of a free import slot is told to try again. */
const BUSY_RETRY_SECONDS = 10;

/** Rows in the answer: problems first, so a capped list still shows every rejected row it can. */
const ORDER: RowOutcome[] = ['rejected', 'merged', 'updated', 'created', 'unchanged'];

/**
 * Runs imports for the API: decodes the file, calls the import library with the store, keeps the
 * progress of each import by the caller's job id, and shapes the report (texts in the asked
 * language, rows filtered and capped).
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('Import');
  private readonly jobs = new Map<string, ImportJob>();
  /**
   * Imports at once (IMPORT_CONCURRENCY). One more is refused, not queued: a waiting import would
   * hold its decoded file in memory, so a queue would not bound memory, and the page says to retry.
   */
  private readonly running: ConcurrencyLimit;

  constructor(
    @Inject(GRAPH_STORE) private readonly store: GraphStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.running = new ConcurrencyLimit(config.importConcurrency);
  }

  job(id: string): ImportJob | null {
    return this.jobs.get(id) ?? null;
  }

  async run(input: ImportInput, actor: Actor, access: RequestAccess): Promise<ImportReport> {
    const lang = (input.language?.toLowerCase() ?? 'fi') as ImportLang;
    const maxRows = input.maxRows ?? DEFAULT_ROWS;
    if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > MAX_ROWS) {
      throw badInput(`maxRows must be between 1 and ${MAX_ROWS}.`, { field: 'maxRows' });
    }
    const release = this.running.tryAcquire();
    if (!release) {
      const busy = messageText(lang, { code: 'importsBusy', params: { max: this.running.limit, seconds: BUSY_RETRY_SECONDS } });
      throw tooManyRequests(busy, BUSY_RETRY_SECONDS);
    }
    try {
      return await this.runWithin(input, actor, access, lang, maxRows);
    } finally {
      release();
    }
  }

  private async runWithin(input: ImportInput, actor: Actor, access: RequestAccess, lang: ImportLang, maxRows: number): Promise<ImportReport> {
    const job = this.startJob(input.jobId);
    try {
      const report = await importFile(
        this.store,
        { fileName: input.fileName, content: decode(input), format: (input.format?.toLowerCase() as ImportFormat | undefined) ?? null },
        {
          actor,
          rights: importRightsOf(access),
          dryRun: input.dryRun ?? false,
          skipRejected: input.skipRejectedRows ?? false,
          limits: this.config.importLimits,
          onProgress: (p) => job && Object.assign(job, { phase: p.phase.toUpperCase(), done: p.done, total: p.total }),
        },
      );
      if (report.written) this.logger.log(`${report.fileName}: ${report.totals.rows} rows, ${report.totals.rejected} rejected, written in ${report.durationMs} ms.`);
      this.finishJob(job, 'done');
      return shape(report, lang, input, maxRows);
    } catch (error) {
      this.finishJob(job, 'failed', error instanceof Error ? error.message : String(error));
      if (error instanceof ImportFileError) {
        throw badInput(messageText(lang, error), { importCode: error.code });
      }
      throw error;
    }
  }

  private startJob(id: string | null | undefined): ImportJob | null {
    if (!id) return null;
    if (!JOB_ID.test(id)) throw badInput('jobId must be 8–64 letters, digits, hyphens or underscores.', { field: 'jobId' });
    if (this.jobs.get(id)?.finishedAt === null) throw conflict(`An import with job id ${id} is still running.`);
    const job: ImportJob = { id, phase: 'READING', done: 0, total: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null };
    this.jobs.set(id, job);
    return job;
  }

  private finishJob(job: ImportJob | null, phase: ImportPhaseName, error: string | null = null) {
    if (!job) return;
    Object.assign(job, { phase: phase.toUpperCase(), finishedAt: new Date().toISOString(), error });
    setTimeout(() => this.jobs.get(job.id) === job && this.jobs.delete(job.id), KEEP_FINISHED_MS).unref();
  }
}

function decode(input: ImportInput): Uint8Array | string {
  const base64 = input.encoding ? input.encoding === 'BASE64' : input.format === 'XLSX' || /\.xls[xm]$/i.test(input.fileName);
  if (!base64) return input.content;
  const text = input.content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw badInput('The file content is not base64.', { field: 'content' });
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function message(m: LibMessage, lang: ImportLang): ImportMessage {
  return {
    severity: m.severity.toUpperCase(),
    code: m.code,
    text: messageText(lang, m),
    params: Object.entries(m.params).map(([name, value]) => ({ name, value: String(value) })),
  };
}

function shape(report: LibReport, lang: ImportLang, input: ImportInput, maxRows: number): ImportReport {
  const wanted = new Set<RowOutcome>(input.rowOutcomes?.length ? input.rowOutcomes.map((o) => o.toLowerCase() as RowOutcome) : ROW_OUTCOMES);
  const matching = report.rows.filter((r) => wanted.has(r.outcome));
  const rank = (o: RowOutcome) => ORDER.indexOf(o);
  const rows = [...matching].sort((a, b) => rank(a.outcome) - rank(b.outcome)).slice(0, maxRows);
  return {
    fileName: report.fileName,
    format: report.format.toUpperCase(),
    dryRun: report.dryRun,
    written: report.written,
    durationMs: report.durationMs,
    sheets: report.sheets.map((s) => ({ ...s, kind: s.kind.toUpperCase() })),
    totals: report.totals,
    entities: report.entities,
    funders: report.funders,
    mergedNames: report.mergedNames,
    notices: report.notices.map((n) => message(n, lang)),
    rows: rows.map((r) => ({ ...r, kind: r.kind.toUpperCase(), outcome: r.outcome.toUpperCase(), messages: r.messages.map((m) => message(m, lang)) })),
    rowsMatching: matching.length,
  };
}
