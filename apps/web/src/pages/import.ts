/**
 * Import: choose a CSV or Excel file, see the dry run row by row (what would be created, updated,
 * merged or rejected, and why), then import it in one go while its progress shows, then the counts.
 * Templates for the four kinds of data are downloadable here. Row remarks come from the server in
 * the chosen language.
 */
import { ApiError, gql } from '../api';
import { h } from '../dom';
import { OUTCOMES, canImport, changingRows, fileContent, newJobId, recordCounts, rowsToShow, type FileContent, type ImportReport, type Outcome } from '../model/import-view';
import type { Lang } from '../model/i18n';
import type { Page, PageContext } from './page';

const TEMPLATE_KINDS = ['organisations', 'projects', 'activities', 'participations'] as const;
/** Rows asked for in the preview: rejected ones come first, so every problem of a large file shows. */
const PREVIEW_ROWS = 2000;
const POLL_MS = 300;

const REPORT = `fileName dryRun written durationMs
  sheets { name kind rows }
  totals { rows created updated unchanged merged rejected }
  entities { organisations { created updated unchanged } projects { created updated unchanged }
    activities { created updated unchanged } participations { created updated unchanged } }
  funders mergedNames rowsMatching
  notices { severity code text }
  rows { sheet line kind outcome label messages { severity code text } }`;

interface Progress {
  phase: string;
  done: number;
  total: number;
}

type Status = 'idle' | 'reading' | 'previewing' | 'preview' | 'importing' | 'done' | 'error';

class ImportPage implements Page {
  private ctx!: PageContext;
  private head!: HTMLElement;
  private chooserLabel!: HTMLLabelElement;
  private input!: HTMLInputElement;
  private body!: HTMLElement;
  private status!: HTMLElement;
  private file: { name: string; content: FileContent } | null = null;
  private state: Status = 'idle';
  private preview: ImportReport | null = null;
  private previewLang: Lang | null = null;
  private result: ImportReport | null = null;
  private error: string | null = null;
  private progress: Progress | null = null;
  private filter: Outcome | 'ALL' = 'ALL';
  private skipRejected = false;
  private seq = 0;

  mount(root: HTMLElement, ctx: PageContext): void {
    this.ctx = ctx;
    this.head = h('div');
    // The file input stays the same element, so it keeps showing the chosen file between renders.
    this.input = h('input', { type: 'file', id: 'import-file', accept: '.csv,.txt,.xlsx', 'data-edit': true, 'data-testid': 'import-file' });
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      if (file) void this.choose(file);
    });
    this.chooserLabel = h('label', { for: 'import-file' });
    this.status = h('div', { class: 'import-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'import-status' });
    this.body = h('div', { class: 'import-body' });
    root.replaceChildren(this.head, h('div', { class: 'field import-file' }, this.chooserLabel, this.input), this.status, this.body);
  }

  render(): void {
    const t = this.ctx.t;
    // Remarks are written by the server in the language asked; a new language asks again.
    if (this.state === 'preview' && this.file && this.previewLang !== this.ctx.lang()) void this.runPreview();
    this.head.replaceChildren(h('h2', {}, t('import.title')), h('p', { class: 'import-intro' }, t('import.intro')), this.templates());
    this.chooserLabel.textContent = t('import.choose');
    this.input.disabled = this.state === 'reading' || this.state === 'previewing' || this.state === 'importing';
    this.body.replaceChildren(...this.outcome());
    this.renderStatus();
  }

  private templates(): HTMLElement {
    const t = this.ctx.t;
    const lang = this.ctx.lang();
    const link = (kind: string, ext: 'csv' | 'xlsx', label: string) =>
      h('a', { href: `/api/import/templates/${kind}.${ext}?lang=${lang}`, download: '', 'data-testid': `template-${kind}-${ext}` }, label);
    return h(
      'section',
      { class: 'import-templates', 'aria-labelledby': 'import-templates-title' },
      h('h3', { id: 'import-templates-title' }, t('import.templates')),
      h('p', {}, t('import.templatesHelp')),
      h('ul', {}, ...TEMPLATE_KINDS.map((kind) => h('li', {}, h('span', {}, t(`import.template.${kind}`)), ' ', link(kind, 'xlsx', 'Excel'), ' · ', link(kind, 'csv', 'CSV')))),
      h('p', { class: 'meta' }, t('import.registry')),
    );
  }

  private async choose(file: File) {
    this.file = null;
    this.preview = null;
    this.result = null;
    this.error = null;
    this.filter = 'ALL';
    this.skipRejected = false;
    this.setState('reading');
    try {
      this.file = { name: file.name, content: fileContent(file.name, new Uint8Array(await file.arrayBuffer())) };
    } catch (e) {
      this.fail(e);
      return;
    }
    await this.runPreview();
  }

  private async runPreview() {
    if (!this.file) return;
    const seq = ++this.seq;
    const lang = this.ctx.lang();
    this.setState('previewing');
    try {
      const report = await this.run({ dryRun: true, maxRows: PREVIEW_ROWS });
      if (seq !== this.seq) return;
      this.preview = report;
      this.previewLang = lang;
      this.setState('preview');
      this.body.querySelector<HTMLElement>('#import-preview-title')?.focus();
    } catch (e) {
      if (seq === this.seq) this.fail(e);
    }
  }

  private async runImport() {
    if (!this.file || !this.preview) return;
    const seq = ++this.seq;
    this.setState('importing');
    try {
      const report = await this.run({ dryRun: false, skipRejectedRows: this.skipRejected, maxRows: PREVIEW_ROWS });
      if (seq !== this.seq) return;
      this.result = report;
      this.filter = 'ALL';
      this.setState('done');
      this.body.querySelector<HTMLElement>('#import-result-title')?.focus();
      if (report.written) await this.ctx.refreshCatalogue();
    } catch (e) {
      if (seq === this.seq) this.fail(e);
    }
  }

  /** One importData call, with its progress polled under a job id while it runs. */
  private async run(options: Record<string, unknown>): Promise<ImportReport> {
    const jobId = newJobId();
    this.progress = null;
    const poll = window.setInterval(() => {
      gql<{ importJob: Progress | null }>(`query Job($id: ID!) { importJob(id: $id) { phase done total } }`, { id: jobId }).then(
        ({ importJob }) => {
          if (importJob && this.state !== 'done') {
            this.progress = importJob;
            this.renderStatus();
          }
        },
        () => undefined, // a missed poll is retried by the next one
      );
    }, POLL_MS);
    try {
      const input = { fileName: this.file!.name, ...this.file!.content, language: this.ctx.lang().toUpperCase(), jobId, ...options };
      const data = await gql<{ importData: ImportReport }>(`mutation Import($input: ImportInput!) { importData(input: $input) { ${REPORT} } }`, { input });
      return data.importData;
    } finally {
      window.clearInterval(poll);
      this.progress = null;
    }
  }

  private fail(e: unknown) {
    this.error = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    this.setState('error');
  }

  private setState(state: Status) {
    this.state = state;
    this.render();
  }

  private renderStatus() {
    const t = this.ctx.t;
    const p = this.progress;
    const working: Partial<Record<Status, string>> = {
      reading: t('import.reading', { file: this.file?.name ?? '' }),
      previewing: t('import.previewing'),
      importing: t('import.importing'),
    };
    const text = working[this.state];
    if (!text) {
      this.status.replaceChildren();
      this.status.hidden = true;
      return;
    }
    this.status.hidden = false;
    const children: (HTMLElement | string)[] = [h('p', {}, text)];
    if (p && p.total > 0) {
      const label = t('import.progress', { phase: t(`import.phase.${p.phase}`), done: p.done.toLocaleString(this.ctx.lang()), total: p.total.toLocaleString(this.ctx.lang()) });
      children.push(h('progress', { max: String(p.total), value: String(Math.min(p.done, p.total)), 'aria-label': label }), h('p', { class: 'meta' }, label));
    } else {
      children.push(h('progress', { 'aria-label': text }));
    }
    this.status.replaceChildren(...children);
  }

  /** The preview, the result, or the error, below the chooser. */
  private outcome(): HTMLElement[] {
    const t = this.ctx.t;
    if (this.state === 'error') {
      return [h('div', { class: 'message error', role: 'alert', 'data-testid': 'import-error' }, h('p', {}, t('import.error', { message: this.error ?? '' })))];
    }
    if (this.state === 'done' && this.result) return [this.resultView(this.result)];
    if ((this.state === 'preview' || this.state === 'importing') && this.preview) return [this.previewView(this.preview)];
    return [];
  }

  private summary(report: ImportReport): HTMLElement[] {
    const t = this.ctx.t;
    const lines: HTMLElement[] = [
      h('p', { 'data-testid': 'import-summary' }, t('import.summary', { ...report.totals })),
      h('p', {}, t(report.written ? 'import.recordsWritten' : 'import.records', recordCounts(report))),
    ];
    if (report.funders > 0) lines.push(h('p', {}, t('import.funders', { funders: report.funders })));
    if (report.mergedNames > 0) lines.push(h('p', {}, t('import.mergedNames', { merged: report.mergedNames })));
    if (report.notices.length > 0) {
      lines.push(h('ul', { class: 'import-notices' }, ...report.notices.map((n) => h('li', { class: `severity-${n.severity.toLowerCase()}` }, n.text))));
    }
    return lines;
  }

  private previewView(report: ImportReport): HTMLElement {
    const t = this.ctx.t;
    const rejected = report.totals.rejected;
    const skip = h('input', { type: 'checkbox', id: 'import-skip', checked: this.skipRejected, 'data-edit': true });
    skip.addEventListener('change', () => {
      this.skipRejected = skip.checked;
      this.render();
    });
    const allowed = canImport(report, this.skipRejected) && this.state !== 'importing';
    const submit = h(
      'button',
      { type: 'button', class: 'primary', 'data-edit': true, disabled: !allowed, 'data-testid': 'import-submit' },
      t('import.submit', { count: changingRows(report) }),
    );
    submit.addEventListener('click', () => void this.runImport());
    const actions: (HTMLElement | null)[] = [
      rejected > 0 ? h('p', { class: 'import-warning' }, t('import.mustFix')) : null,
      rejected > 0 ? h('label', { class: 'check' }, skip, t('import.skip', { rejected })) : null,
      changingRows(report) === 0 ? h('p', {}, t('import.nothingToDo')) : null,
      submit,
    ];
    return h(
      'section',
      { class: 'import-preview', 'aria-labelledby': 'import-preview-title', 'data-testid': 'import-preview' },
      h('h3', { id: 'import-preview-title', tabindex: '-1' }, t('import.preview', { file: report.fileName })),
      ...this.summary(report),
      h('div', { class: 'import-actions' }, ...actions),
      this.rowsView(report),
    );
  }

  private resultView(report: ImportReport): HTMLElement {
    const t = this.ctx.t;
    const again = h('button', { type: 'button', 'data-edit': true }, t('import.again'));
    again.addEventListener('click', () => {
      this.file = null;
      this.preview = null;
      this.result = null;
      this.input.value = '';
      this.setState('idle');
      this.input.focus();
    });
    const headline = report.written ? t('import.done', { ...report.totals, seconds: (report.durationMs / 1000).toFixed(1) }) : t('import.notWritten');
    return h(
      'section',
      { class: 'import-result', 'aria-labelledby': 'import-result-title', 'data-testid': 'import-result' },
      h('h3', { id: 'import-result-title', tabindex: '-1' }, headline),
      ...this.summary(report).slice(1),
      again,
      this.rowsView(report),
    );
  }

  private rowsView(report: ImportReport): HTMLElement {
    const t = this.ctx.t;
    const counts: Record<Outcome, number> = {
      REJECTED: report.totals.rejected,
      MERGED: report.totals.merged,
      UPDATED: report.totals.updated,
      CREATED: report.totals.created,
      UNCHANGED: report.totals.unchanged,
    };
    const choice = (value: Outcome | 'ALL', label: string) => {
      const input = h('input', { type: 'radio', name: 'import-filter', value, checked: this.filter === value });
      input.addEventListener('change', () => {
        this.filter = value;
        this.render();
        this.body.querySelector<HTMLInputElement>(`input[name=import-filter][value=${value}]`)?.focus();
      });
      return h('label', {}, input, label);
    };
    const filters = h(
      'fieldset',
      { class: 'seg import-filter' },
      h('legend', {}, t('import.filter')),
      choice('ALL', t('import.filter.all', { count: report.totals.rows })),
      ...OUTCOMES.filter((o) => counts[o] > 0).map((o) => choice(o, `${t(`import.outcome.${o}`)} (${counts[o]})`)),
    );
    const rows = rowsToShow(report.rows, this.filter);
    const shown = report.rowsMatching > report.rows.length ? h('p', { class: 'meta' }, t('import.shown', { shown: report.rows.length, total: report.rowsMatching })) : null;
    const several = report.sheets.length > 1;
    const table = rows.length
      ? h(
          'table',
          { class: 'import-rows', 'data-testid': 'import-rows' },
          h('thead', {}, h('tr', {}, ...['import.col.row', 'import.col.outcome', 'import.col.item', 'import.col.remarks'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h(
            'tbody',
            {},
            ...rows.map((r) =>
              h(
                'tr',
                { class: `outcome-${r.outcome.toLowerCase()}`, 'data-outcome': r.outcome },
                h('th', { scope: 'row' }, several ? `${r.sheet} ${r.line}` : String(r.line)),
                h('td', {}, h('span', { class: `import-badge ${r.outcome.toLowerCase()}` }, t(`import.outcome.${r.outcome}`))),
                h('td', {}, r.label),
                h('td', {}, ...r.messages.map((m) => h('p', { class: `severity-${m.severity.toLowerCase()}` }, m.text))),
              ),
            ),
          ),
        )
      : h('p', {}, t('import.noRows'));
    return h('div', { class: 'import-table' }, filters, shown, table);
  }
}

export const importPage: Page = new ImportPage();
