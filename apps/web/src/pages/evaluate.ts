/**
 * The evaluator page: is the chosen network or project taking root? The rooting index and its seven
 * parts with their evidence (lit on the map on request), the comparison at the start, the end and
 * after it, growth charts, and the network's key measures; printable as a report.
 */
import './pages.css';
import './evaluate.css';
import type { Scope } from '../api';
import { h } from '../dom';
import { CHART_BOX, CHART_COLORS, chartGeometry } from '../model/chart';
import {
  articulationItems,
  bridgeItems,
  brokers,
  estimateNote,
  communityItems,
  evidenceLabels,
  growthSeries,
  growthWindow,
  indexSummary,
  metricRows,
  milestoneDates,
  milestoneTable,
  partRows,
  periodIndexOf,
  periodText,
  formatMeasure,
  type GrowthPeriodData,
  type GrowthSeries,
  type MetricsData,
  type MilestoneColumn,
  type NamedItem,
  type NodeIndex,
  type PartRow,
  type RootingReportData,
} from '../model/evaluate-model';
import { localToday } from '../model/format';
import { formatDate } from '../model/i18n';
import { retentionBaseline, type PartnershipData } from '../model/partnership-model';
import { fetchGrowth, fetchMetrics, fetchMilestones, fetchPartnership, fetchRooting } from './evaluate-api';
import { partnershipSection } from './partnership-section';
import { fetchLabels, fetchScopeNodes } from './lookup-api';
import type { Page, PageContext } from './page';

type Interval = 'MONTH' | 'QUARTER';
type Loadable<T> = { status: 'idle' | 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

interface Loaded {
  report: RootingReportData;
  metrics: MetricsData;
  /** Null when the server could not give them: the rest of the report still shows. */
  partnership: PartnershipData | null;
  nodes: NodeIndex;
  firstDate: string | null;
  lastDate: string | null;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

export class EvaluatePage implements Page {
  private ctx!: PageContext;
  private root!: HTMLElement;
  private content!: HTMLElement;
  private dateInput!: HTMLInputElement;
  private intervalSelect!: HTMLSelectElement;
  private printButton!: HTMLButtonElement;
  private controls!: HTMLElement;
  private head!: HTMLElement;

  private scopeKey = '';
  private at = localToday();
  private interval: Interval = 'QUARTER';
  private main: Loadable<Loaded> = { status: 'idle' };
  private growth: Loadable<GrowthPeriodData[]> = { status: 'idle' };
  private milestones: Loadable<MilestoneColumn[]> = { status: 'idle' };
  /** Disclosures the user opened (evidence of a part, the growth table): kept across re-renders. */
  private open = new Set<string>();
  private seq = 0;
  private printTitle: string | null = null;
  private drawnLang = '';

  mount(root: HTMLElement, ctx: PageContext): void {
    this.ctx = ctx;
    this.root = root;
    root.classList.add('evaluate');
    this.dateInput = h('input', { type: 'date', id: 'evaluate-date', value: this.at, 'data-testid': 'evaluate-date' });
    this.dateInput.addEventListener('change', () => {
      if (!this.dateInput.value) return;
      this.at = this.dateInput.value;
      void this.loadMain();
    });
    this.intervalSelect = h('select', { id: 'evaluate-interval', 'data-testid': 'evaluate-interval' });
    this.intervalSelect.addEventListener('change', () => {
      this.interval = this.intervalSelect.value as Interval;
      void this.loadGrowth();
    });
    this.printButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'evaluate-print' });
    this.printButton.addEventListener('click', () => window.print());
    this.controls = h(
      'div',
      { class: 'controls no-print', role: 'group' },
      h('label', { class: 'field', for: 'evaluate-date' }, h('span', { 'data-text': 'evaluate.date' }), this.dateInput),
      h('label', { class: 'field', for: 'evaluate-interval' }, h('span', { 'data-text': 'evaluate.interval' }), this.intervalSelect),
      this.printButton,
    );
    this.head = h('header', { class: 'report-head' });
    this.content = h('div', { class: 'report', 'aria-live': 'polite' });
    root.replaceChildren(this.head, this.controls, this.content);
    // The printed report carries its scope and date in the document title (the PDF's file name).
    window.addEventListener('beforeprint', () => {
      if (this.root.hidden || this.main.status !== 'ready') return;
      this.printTitle = document.title;
      document.title = this.reportTitle(this.main.data.report);
    });
    window.addEventListener('afterprint', () => {
      if (this.printTitle !== null) document.title = this.printTitle;
      this.printTitle = null;
    });
  }

  render(): void {
    const scope = this.ctx.scope();
    const key = scope ? `${scope.type}:${scope.id}` : '';
    if (key !== this.scopeKey) {
      this.scopeKey = key;
      this.main = { status: 'idle' };
      this.growth = { status: 'idle' };
      this.milestones = { status: 'idle' };
      this.open.clear();
      if (scope) void this.loadAll();
    }
    this.draw();
  }

  // ---------- loading ----------

  private async loadAll() {
    await this.loadMain();
    if (this.main.status !== 'ready') return;
    await Promise.all([this.loadGrowth(), this.loadMilestones()]);
  }

  /** The report, the measures and the names for one date (the date control changes only these). */
  private async loadMain() {
    const scope = this.ctx.scope();
    if (!scope) return;
    const seq = ++this.seq;
    this.main = { status: 'loading' };
    this.draw();
    try {
      const [report, metrics, map, partnership] = await Promise.all([
        fetchRooting(scope, this.at),
        fetchMetrics(scope, this.at),
        this.scopeNodes(scope),
        fetchPartnership(scope, this.at, retentionBaseline(this.at)).catch(() => null),
      ]);
      const nodes = new Map(map.nodes);
      // The server names its evidence; the map adds sectors; only what neither knows is looked up.
      for (const p of report.parts) for (const [id, label] of evidenceLabels(p.evidence)) if (!nodes.has(id)) nodes.set(id, { label });
      const missing = report.parts
        .flatMap((p) => [...(p.evidence.organisations ?? []), ...(p.evidence.activities ?? []), ...(p.evidence.ties ?? []).flatMap((t) => t.split('|'))])
        .filter((id) => !nodes.has(id));
      if (missing.length) for (const [id, info] of await fetchLabels(missing)) nodes.set(id, info);
      if (seq !== this.seq) return;
      this.main = { status: 'ready', data: { report, metrics, partnership, nodes, firstDate: map.firstDate, lastDate: map.lastDate } };
    } catch (e) {
      if (seq !== this.seq) return;
      this.main = { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    this.draw();
  }

  private nodesCache: { key: string; value: Promise<Awaited<ReturnType<typeof fetchScopeNodes>>> } | null = null;

  private scopeNodes(scope: Scope) {
    const key = `${scope.type}:${scope.id}`;
    if (this.nodesCache?.key !== key) this.nodesCache = { key, value: fetchScopeNodes(scope) };
    const cached = this.nodesCache;
    // A failed fetch is not kept: the retry asks again.
    cached.value.catch(() => {
      if (this.nodesCache === cached) this.nodesCache = null;
    });
    return cached.value;
  }

  private async loadGrowth() {
    const scope = this.ctx.scope();
    if (!scope || this.main.status !== 'ready') return;
    const { report, firstDate, lastDate } = this.main.data;
    const window = growthWindow(firstDate, lastDate, report.scope.start, report.scope.end, localToday());
    const key = this.scopeKey;
    if (!window) {
      this.growth = { status: 'ready', data: [] };
      this.draw();
      return;
    }
    this.growth = { status: 'loading' };
    this.draw();
    try {
      const data = await fetchGrowth(scope, window.from, window.to, this.interval);
      if (key !== this.scopeKey) return;
      this.growth = { status: 'ready', data };
    } catch (e) {
      if (key !== this.scopeKey) return;
      this.growth = { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    this.draw();
  }

  private async loadMilestones() {
    const scope = this.ctx.scope();
    if (!scope || this.main.status !== 'ready') return;
    const { start, end } = this.main.data.report.scope;
    const key = this.scopeKey;
    this.milestones = { status: 'loading' };
    this.draw();
    try {
      const data = await fetchMilestones(scope, milestoneDates(start, end));
      if (key !== this.scopeKey) return;
      this.milestones = { status: 'ready', data };
    } catch (e) {
      if (key !== this.scopeKey) return;
      this.milestones = { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    this.draw();
  }

  // ---------- drawing ----------

  private get t() {
    return this.ctx.t;
  }

  private reportTitle(report: RootingReportData): string {
    return this.t('evaluate.reportTitle', { scope: report.scope.label, date: formatDate(this.ctx.lang(), report.at) });
  }

  private draw() {
    const t = this.t;
    const lang = this.ctx.lang();
    this.controls.setAttribute('aria-label', t('evaluate.controls'));
    this.controls.querySelectorAll<HTMLElement>('[data-text]').forEach((el) => (el.textContent = t(el.dataset.text!)));
    if (this.drawnLang !== lang) {
      // Rebuilt only for a new language, so an open list is not replaced under the user.
      this.drawnLang = lang;
      this.intervalSelect.replaceChildren(...(['QUARTER', 'MONTH'] as const).map((v) => h('option', { value: v, selected: v === this.interval }, t(`evaluate.interval.${v}`))));
    }
    this.printButton.textContent = t('evaluate.print');
    this.dateInput.value = this.at;
    const scope = this.ctx.scope();
    this.printButton.disabled = this.main.status !== 'ready';
    this.head.replaceChildren(h('h2', { 'data-testid': 'evaluate-title' }, t('evaluate.title')));
    if (!scope) {
      this.content.replaceChildren(message(t('evaluate.chooseScope')));
      return;
    }
    if (this.main.status === 'error') {
      const retry = h('button', { type: 'button' }, t('state.retry'));
      retry.addEventListener('click', () => void this.loadAll());
      this.content.replaceChildren(message(t('evaluate.error', { message: this.main.message }), true, retry));
      return;
    }
    if (this.main.status !== 'ready') {
      this.content.replaceChildren(message(t('evaluate.loading')));
      this.content.setAttribute('aria-busy', 'true');
      return;
    }
    this.content.removeAttribute('aria-busy');
    const { report, metrics, partnership, nodes } = this.main.data;
    const summary = indexSummary(report, lang, t);
    this.head.replaceChildren(
      h('h2', { 'data-testid': 'evaluate-title' }, this.reportTitle(report)),
      h('p', { class: 'meta' }, `${t(`evaluate.scope.${report.scope.kind}`)} · ${periodText(report, lang, t)} ${summary.status}`),
    );
    const index = h(
      'section',
      { class: 'card index-card', 'aria-labelledby': 'evaluate-index-h', 'data-testid': 'rooting-index' },
      h('h3', { id: 'evaluate-index-h' }, t('evaluate.index.title')),
      h(
        'div',
        { class: 'index-line' },
        h('span', { class: 'index-value', 'data-value': summary.value === null ? '' : String(summary.value) }, summary.valueText),
        bar(summary.percent, summary.level),
        h('span', { class: `level level-${summary.level ?? 'none'}` }, summary.levelText),
      ),
      h('p', { class: 'reading' }, summary.reading),
      h('p', { class: 'meta' }, summary.basis),
      ...(summary.leftOut ? [h('p', { class: 'meta', 'data-testid': 'rooting-left-out' }, summary.leftOut)] : []),
      ...(summary.missing ? [h('p', { class: 'missing', 'data-testid': 'rooting-missing' }, summary.missing)] : []),
      h('p', { class: 'meta' }, summary.weights),
    );
    const parts = h(
      'section',
      { 'aria-labelledby': 'evaluate-parts-h' },
      h('h3', { id: 'evaluate-parts-h' }, t('evaluate.parts.title')),
      h('ol', { class: 'parts', 'data-testid': 'rooting-parts' }, ...partRows(report, nodes, lang, t).map((row) => this.partCard(row, report))),
    );
    this.content.replaceChildren(
      index,
      parts,
      this.milestoneSection(report),
      this.growthSection(report),
      this.metricsSection(metrics),
      ...(partnership
        ? [partnershipSection(partnership, lang, t, { disclosure: (id, label, enabled) => this.disclosure(id, label, enabled), isOpen: (id) => this.open.has(id) })]
        : []),
      h('p', { class: 'print-only printed' }, t('evaluate.printed', { date: formatDate(lang, localToday()) })),
    );
  }

  private partCard(row: PartRow, report: RootingReportData): HTMLElement {
    const t = this.t;
    const bodyId = `evidence-${row.key}`;
    const card = h(
      'li',
      { class: `card part${row.value === null ? ' not-applicable' : ''}`, 'data-part': row.key },
      h('div', { class: 'part-head' }, h('h4', {}, row.name), h('span', { class: 'weight' }, row.weightText)),
      h('p', { class: 'meaning' }, row.meaning),
      h(
        'div',
        { class: 'index-line' },
        h('span', { class: 'part-value', 'data-value': row.value === null ? '' : String(row.value) }, row.valueText),
        bar(row.percent, row.level),
        h('span', { class: `level level-${row.level ?? 'none'}` }, row.levelText),
        ...(row.missingData ? [h('span', { class: 'badge missing' }, t('evaluate.missing'))] : []),
      ),
      h('p', { class: 'reading' }, row.reading),
    );
    if (row.value === null) return card;
    const body = h(
      'div',
      { id: bodyId, class: 'evidence-body', hidden: !this.open.has(bodyId) },
      ...(row.evidence.length
        ? row.evidence.map((g) =>
            h('div', { class: 'evidence-group' }, h('h5', {}, `${g.title} (${g.items.length})`), h('ul', { class: 'evidence-list' }, ...g.items.map((i) => h('li', {}, i.label)))),
          )
        : [h('p', { class: 'meta' }, t('evaluate.evidence.none'))]),
    );
    const actions = h('div', { class: 'part-actions no-print' }, this.disclosure(bodyId, t('evaluate.evidence.toggle', { n: row.evidenceCount }), row.evidenceCount > 0));
    if (row.nodeIds.length) {
      actions.append(this.mapButton(row.nodeIds, t('evaluate.spot.part', { part: row.name, date: formatDate(this.ctx.lang(), report.at) }), report.at));
    }
    card.append(actions, body);
    return card;
  }

  /** A button that shows and hides the element `id` (kept open across re-renders). */
  private disclosure(id: string, label: string, enabled = true): HTMLButtonElement {
    const open = this.open.has(id);
    const button = h('button', { type: 'button', class: 'toggle', 'aria-expanded': String(open), 'aria-controls': id, disabled: !enabled }, label);
    button.addEventListener('click', () => {
      const body = document.getElementById(id);
      if (!body) return;
      const now = body.hidden;
      body.hidden = !now;
      button.setAttribute('aria-expanded', String(now));
      if (now) this.open.add(id);
      else this.open.delete(id);
    });
    return button;
  }

  private mapButton(nodeIds: string[], caption: string, at: string): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'map-link', 'data-testid': 'show-on-map' }, this.t('evaluate.showOnMap'));
    button.addEventListener('click', () => {
      const scope = this.ctx.scope();
      if (scope) this.ctx.showOnMap(scope, { nodeIds, caption, at });
    });
    return button;
  }

  private milestoneSection(report: RootingReportData): HTMLElement {
    const t = this.t;
    const lang = this.ctx.lang();
    const section = h(
      'section',
      { class: 'card', 'aria-labelledby': 'evaluate-ms-h', 'data-testid': 'milestones' },
      h('h3', { id: 'evaluate-ms-h' }, t('evaluate.milestones.title')),
    );
    if (!report.scope.end) {
      section.append(h('p', { class: 'meta' }, t('evaluate.milestones.none')));
      return section;
    }
    section.append(h('p', { class: 'meta' }, t('evaluate.milestones.intro')));
    if (this.milestones.status === 'error') {
      section.append(message(t('evaluate.error', { message: this.milestones.message }), true));
      return section;
    }
    if (this.milestones.status !== 'ready') {
      section.append(h('p', { class: 'meta', role: 'status' }, t('evaluate.milestones.loading')));
      return section;
    }
    const table = milestoneTable(this.milestones.data, localToday(), lang, t);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, t('evaluate.milestones.part')),
      ...table.columns.map((c) => {
        const open = h(
          'button',
          { type: 'button', class: 'link no-print', title: t('evaluate.milestones.open', { date: c.date }), 'aria-label': t('evaluate.milestones.open', { date: c.date }) },
          c.date,
        );
        open.addEventListener('click', () => {
          this.at = c.at;
          void this.loadMain();
        });
        return h(
          'th',
          { scope: 'col', class: c.at === report.at ? 'current' : undefined },
          h('span', { class: 'col-title' }, c.title),
          h('span', { class: 'col-date print-only' }, c.date),
          open,
          c.future ? h('span', { class: 'future' }, t('evaluate.milestones.future')) : null,
        );
      }),
    );
    const body = table.rows.map((r) =>
      h(
        'tr',
        { class: r.key === 'index' ? 'index-row' : undefined },
        h('th', { scope: 'row' }, r.label),
        ...r.cells.map((c) => h('td', { class: `num level-text-${c.level ?? 'none'}` }, c.text)),
      ),
    );
    section.append(h('div', { class: 'table-wrap' }, h('table', { class: 'data milestones' }, h('thead', {}, head), h('tbody', {}, ...body))));
    if (table.trend) section.append(h('p', { class: 'reading' }, table.trend));
    return section;
  }

  private growthSection(report: RootingReportData): HTMLElement {
    const t = this.t;
    const lang = this.ctx.lang();
    const section = h(
      'section',
      { class: 'card growth', 'aria-labelledby': 'evaluate-growth-h', 'data-testid': 'growth' },
      h('h3', { id: 'evaluate-growth-h' }, t('evaluate.growth.title')),
    );
    if (this.growth.status === 'error') {
      section.append(message(t('evaluate.error', { message: this.growth.message }), true));
      return section;
    }
    if (this.growth.status !== 'ready') {
      section.append(h('p', { class: 'meta', role: 'status' }, t('evaluate.growth.loading')));
      return section;
    }
    const periods = this.growth.data;
    if (!periods.length) {
      section.append(h('p', { class: 'meta' }, t('evaluate.growth.empty')));
      return section;
    }
    section.append(
      h(
        'p',
        { class: 'meta' },
        t('evaluate.growth.range', {
          from: formatDate(lang, periods[0].from),
          to: formatDate(lang, periods[periods.length - 1].to),
          interval: t(`evaluate.interval.${this.interval}`),
        }),
      ),
    );
    const series = growthSeries(periods, lang, t);
    const endAt = periodIndexOf(periods, report.scope.end);
    section.append(h('div', { class: 'charts' }, ...series.map((s) => this.chart(s, endAt))));
    const tableId = 'growth-table';
    const table = h(
      'div',
      { id: tableId, class: 'table-wrap growth-table', hidden: !this.open.has(tableId) },
      h(
        'table',
        { class: 'data' },
        h('caption', {}, t('evaluate.growth.tableCaption')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('evaluate.growth.period')), ...series.map((s) => h('th', { scope: 'col' }, s.title)))),
        h(
          'tbody',
          {},
          ...periods.map((p, i) => h('tr', {}, h('th', { scope: 'row' }, p.label), ...series.map((s) => h('td', { class: 'num' }, formatMeasure(lang, s.values[i], s.share))))),
        ),
      ),
    );
    section.append(h('div', { class: 'no-print' }, this.disclosure(tableId, t('evaluate.growth.table'))), table);
    return section;
  }

  /** One series as an inline SVG: bars for counts, a line for shares, the project's end marked. */
  private chart(series: GrowthSeries, endAt: number): HTMLElement {
    const g = chartGeometry({ labels: series.labels, values: series.values, kind: series.kind, max: series.share ? 1 : undefined, integer: !series.share, markerAfter: endAt });
    const lang = this.ctx.lang();
    const titleId = nextId('chart-title');
    const descId = nextId('chart-desc');
    const { width, height, left, right, top, bottom } = CHART_BOX;
    const plotBottom = height - bottom;
    const children: SVGElement[] = [svg('title', { id: titleId }, series.title), svg('desc', { id: descId }, series.description)];
    for (const tick of g.yTicks) {
      children.push(svg('line', { x1: left, x2: width - right, y1: tick.y, y2: tick.y, stroke: CHART_COLORS.grid, 'stroke-width': 0.6 }));
      children.push(svg('text', { x: left - 4, y: tick.y + 3, 'text-anchor': 'end', class: 'tick' }, formatMeasure(lang, tick.value, series.share && g.yMax <= 1)));
    }
    for (const b of g.bars) children.push(svg('rect', { x: b.x, y: b.y, width: b.width, height: Math.max(b.height, 0), fill: CHART_COLORS.bar }));
    if (g.path) children.push(svg('path', { d: g.path, fill: 'none', stroke: CHART_COLORS.line, 'stroke-width': 2 }));
    if (g.points.length <= 40) for (const p of g.points) children.push(svg('circle', { cx: p.x, cy: p.y, r: 2.5, fill: CHART_COLORS.line }));
    children.push(svg('line', { x1: left, x2: width - right, y1: plotBottom, y2: plotBottom, stroke: CHART_COLORS.axis, 'stroke-width': 1 }));
    for (const x of g.xTicks) children.push(svg('text', { x: x.x, y: plotBottom + 14, 'text-anchor': 'middle', class: 'tick' }, x.label));
    if (g.marker) {
      children.push(svg('line', { x1: g.marker.x, x2: g.marker.x, y1: top, y2: plotBottom, stroke: CHART_COLORS.marker, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
      // Above the plot, on the side of the line with more room, so it never covers a bar.
      const leftward = g.marker.x - left > (width - right - left) / 2;
      children.push(
        svg(
          'text',
          { x: g.marker.x + (leftward ? -3 : 3), y: top - 6, 'text-anchor': leftward ? 'end' : 'start', class: 'marker-label', fill: CHART_COLORS.marker },
          this.t('evaluate.growth.end'),
        ),
      );
    }
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart', 'data-series': series.key }, ...children);
    return h('figure', { class: 'chart-figure' }, h('figcaption', {}, series.title), chart);
  }

  private metricsSection(m: MetricsData): HTMLElement {
    const t = this.t;
    const lang = this.ctx.lang();
    const section = h(
      'section',
      { class: 'card metrics', 'aria-labelledby': 'evaluate-metrics-h', 'data-testid': 'metrics' },
      h('h3', { id: 'evaluate-metrics-h' }, t('evaluate.metrics.title', { date: formatDate(lang, m.at) })),
    );
    if (m.size === 0) {
      section.append(h('p', { class: 'meta' }, t('evaluate.metrics.empty')));
      return section;
    }
    section.append(
      h(
        'dl',
        { class: 'metric-grid' },
        ...metricRows(m, lang, t).map((r) =>
          h('div', { class: 'metric', 'data-metric': r.key }, h('dt', {}, r.label), h('dd', { class: 'metric-value' }, r.value), h('dd', { class: 'meta' }, r.help)),
        ),
      ),
    );
    const list = (key: string, items: NamedItem[]) => {
      const box = h('div', { class: 'metric-list', 'data-list': key }, h('h4', {}, t(`evaluate.metrics.${key}`)), h('p', { class: 'meta' }, t(`evaluate.metrics.${key}.help`)));
      const note = key === 'brokers' ? estimateNote(m, lang, t) : null;
      if (note) box.append(h('p', { class: 'meta estimate', 'data-testid': 'estimate' }, note));
      if (!items.length) {
        box.append(h('p', {}, t('evaluate.metrics.none')));
        return box;
      }
      box.append(h('ul', {}, ...items.map((i) => h('li', {}, i.label, i.detail ? h('span', { class: 'sub' }, ` ${i.detail}`) : null))));
      const ids = [...new Set(items.flatMap((i) => i.nodeIds))];
      box.append(h('div', { class: 'no-print' }, this.mapButton(ids, t('evaluate.spot.list', { what: t(`evaluate.metrics.${key}`), date: formatDate(lang, m.at) }), m.at)));
      return box;
    };
    section.append(
      h(
        'div',
        { class: 'metric-lists' },
        list('brokers', brokers(m, lang)),
        list('articulation', articulationItems(m, lang)),
        list('bridges', bridgeItems(m, lang)),
        list('communityList', communityItems(m, lang, t)),
      ),
    );
    return section;
  }
}

function bar(percent: number, level: string | null): HTMLElement {
  // The number beside it says the value; the bar is its picture.
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: `bar-fill level-bg-${level ?? 'none'}`, style: `width:${percent}%` }));
}

function message(text: string, error = false, action?: HTMLElement): HTMLElement {
  return h('div', { class: `message${error ? ' error' : ''}`, role: error ? 'alert' : 'status' }, h('p', {}, text), action ?? null);
}
