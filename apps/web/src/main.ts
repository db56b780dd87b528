/** Verkosto in the browser: one state object; every control changes it and calls render(). */
import './styles.css';
import { mountAccount } from './account';
import { fetchCatalogue, fetchGraph, searchAll, type Hit, type Scope, type Term } from './api';
import { $, h } from './dom';
import { HistoryPanel } from './history';
import { MapView, type ColorBy } from './map-view';
import {
  buildMapGraph,
  computeFrame,
  diffFrames,
  hasFilters,
  isEmptyGraph,
  nodeDetails,
  NO_FILTERS,
  searchNodes,
  stopIndex,
  timelineStops,
  type ApiGraph,
  type Diff,
  type Filters,
  type Frame,
  type MapGraph,
  type ViewMode,
} from './model/graph-model';
import { formatDate, formatPeriod, isLang, translate, type Lang } from './model/i18n';
import type { Positions } from './model/layout';
import { EDGE_COLOR, KIND_COLORS, NODE_KIND_COLORS, NODE_SHAPES, SECTOR_COLORS } from './model/palette';
import { EvaluatePage } from './pages/evaluate';
import { createDataPage } from './pages/data';
import { importPage } from './pages/import';
import type { Catalogue, Page, PageContext, PageName, Spotlight } from './pages/page';
import { PartnersPage } from './pages/partners';

/** The pages besides the map, each in its own module under pages/. */
const PAGES: Partial<Record<PageName, Page>> = { evaluate: new EvaluatePage(), partners: new PartnersPage(), data: createDataPage(), import: importPage };

const LANG_KEY = 'verkosto.lang';
/** The network or project last opened, so `/` opens it again rather than the first one. */
const SCOPE_KEY = 'verkosto.scope';

interface State {
  page: PageName;
  lang: Lang;
  scope: Scope | null;
  api: ApiGraph | null;
  view: ViewMode;
  display: 'map' | 'table';
  colorBy: ColorBy;
  stops: string[];
  index: number;
  compare: boolean;
  compareIndex: number;
  showEnded: boolean;
  filters: Filters;
  selected: string | null;
  playing: boolean;
  status: 'idle' | 'loading' | 'ready' | 'empty' | 'error';
  error: string | null;
  spotlight: Spotlight | null;
  /** Where the spotlight's "back" button returns to. */
  spotlightFrom: string | null;
}

/** localStorage, which a private window or a locked-down browser may refuse. */
function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* not remembered: the default applies next time */
  }
}

const stored = remembered(LANG_KEY);

const state: State = {
  page: 'map',
  lang: isLang(stored) ? stored : 'fi',
  scope: null,
  api: null,
  view: 'bipartite',
  display: 'map',
  colorBy: 'kind',
  stops: [],
  index: 0,
  compare: false,
  compareIndex: 0,
  showEnded: true,
  filters: { ...NO_FILTERS },
  selected: null,
  playing: false,
  status: 'idle',
  error: null,
  spotlight: null,
  spotlightFrom: null,
};

let catalogue: Catalogue | null = null;
const mapGraphs = new Map<ViewMode, MapGraph>();
const positions = new Map<string, Promise<Positions>>();
let frame: Frame | null = null;
let mountedKey = '';
let loadSeq = 0;
let playTimer: number | undefined;
const historyPanel = new HistoryPanel({ lang: () => state.lang, t: (key, params) => t(key, params), onChanged: () => void reloadScope() });

const t = (key: string, params?: Record<string, string | number>) => translate(state.lang, key, params);
const date = () => state.stops[state.index] ?? '';
const compareDate = () => state.stops[state.compareIndex] ?? '';

const map = new MapView($('map'), { onSelect: (id) => select(id, false) });
// Signing in or out changes which networks may be seen: load the list again.
const account = mountAccount($('account'), { lang: () => state.lang, t, onSignedInOrOut: () => void loadCatalogue() });

// ---------- layout off the main thread ----------

let worker: Worker | null = null;
let workerSeq = 0;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function layoutInWorker(graph: MapGraph): Promise<Positions> {
  try {
    if (!worker) {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (ev: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
        const p = pending.get(ev.data.id);
        pending.delete(ev.data.id);
        if (ev.data.positions) p?.resolve(ev.data.positions);
        else p?.reject(new Error(ev.data.error ?? 'layout failed'));
      };
    }
    const id = ++workerSeq;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ id, graph });
    });
  } catch {
    // No module workers (old browser): lay out here instead.
    return import('./model/layout').then((m) => m.computePositions(graph));
  }
}

function positionsFor(view: ViewMode): Promise<Positions> {
  const key = `${state.scope?.type}:${state.scope?.id}:${view}`;
  if (!positions.has(key)) positions.set(key, layoutInWorker(mapGraphs.get(view)!));
  return positions.get(key)!;
}

// ---------- loading ----------

async function loadCatalogue() {
  showMessage(t('state.loadingList'));
  try {
    catalogue = await fetchCatalogue();
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e), () => void loadCatalogue());
    return;
  }
  renderScopeOptions();
  const route = parseRoute();
  state.page = route.page;
  const first = lastScope(catalogue) ?? (catalogue.networks[0] && { type: 'network' as const, id: catalogue.networks[0].id });
  if (route.scope) await openScope(route.scope);
  else if (first) await openScope(first);
  else {
    showMessage(t('state.noNetworks'));
    renderAll();
  }
}

/** The scope last opened, when the catalogue still holds it. */
function lastScope(catalogue: Catalogue): Scope | null {
  const [type, ...rest] = (remembered(SCOPE_KEY) ?? '').split(':');
  const id = rest.join(':');
  const known = type === 'network' ? catalogue.networks : type === 'project' ? catalogue.projects : [];
  return known.some((item) => item.id === id) ? { type: type as Scope['type'], id } : null;
}

/** `#/network/<id>` and `#/project/<id>` are the map; `#/<page>[/<network|project>/<id>]` the other pages. */
function parseRoute(): { page: PageName; scope: Scope | null } {
  const m = /^#\/(?:(map|evaluate|partners|data|import)\/?)?(?:(network|project)\/(.+))?$/.exec(location.hash);
  if (!m) return { page: 'map', scope: null };
  const page = (m[1] as PageName | undefined) ?? 'map';
  return { page: PAGES[page] || page === 'map' ? page : 'map', scope: m[2] ? { type: m[2] as Scope['type'], id: decodeURIComponent(m[3]) } : null };
}

function routeHash(page: PageName, scope: Scope | null): string {
  const s = scope ? `${scope.type}/${encodeURIComponent(scope.id)}` : '';
  return page === 'map' ? `#/${s || 'map'}` : `#/${page}${s ? `/${s}` : ''}`;
}

async function openScope(scope: Scope) {
  const seq = ++loadSeq;
  pause();
  state.scope = scope;
  account.setScope(scope);
  remember(SCOPE_KEY, `${scope.type}:${scope.id}`);
  state.api = null;
  state.selected = null;
  state.status = 'loading';
  state.filters = { ...NO_FILTERS };
  mapGraphs.clear();
  mountedKey = '';
  map.destroy();
  const hash = routeHash(state.page, scope);
  if (location.hash !== hash) history.replaceState(null, '', hash);
  $<HTMLSelectElement>('scope').value = `${scope.type}:${scope.id}`;
  renderAll();
  let api: ApiGraph;
  try {
    api = await fetchGraph(scope);
  } catch (e) {
    if (seq !== loadSeq) return;
    state.status = 'error';
    state.error = e instanceof Error ? e.message : String(e);
    renderAll();
    return;
  }
  if (seq !== loadSeq) return;
  state.api = api;
  state.stops = timelineStops(api);
  // Open on the last date: the network as it stands, with what outlived its projects.
  state.index = Math.max(state.stops.length - 1, 0);
  state.compareIndex = 0;
  state.status = isEmptyGraph(api) ? 'empty' : 'ready';
  renderAll();
}

/** The graph fetched again after a change made here (an undo), keeping the selected node. */
async function reloadScope() {
  if (!state.scope) return;
  const keep = state.selected;
  const prefix = `${state.scope.type}:${state.scope.id}:`;
  for (const key of [...positions.keys()]) if (key.startsWith(prefix)) positions.delete(key);
  await openScope(state.scope);
  if (keep && state.api?.nodes.some((n) => n.id === keep)) select(keep, false);
}

function currentGraph(): MapGraph | null {
  if (!state.api) return null;
  if (!mapGraphs.has(state.view)) mapGraphs.set(state.view, buildMapGraph(state.api, state.view));
  return mapGraphs.get(state.view)!;
}

/** Mount the map for the current view once its positions are ready; later calls only restyle. */
async function ensureMap() {
  const graph = currentGraph();
  if (!graph || state.status !== 'ready' || state.page !== 'map') return;
  const key = `${state.scope?.id}:${state.view}`;
  if (mountedKey === key) return;
  mountedKey = key;
  $('map').setAttribute('aria-busy', 'true');
  showMessage(t('state.layout'));
  const seq = loadSeq;
  try {
    const pos = await positionsFor(state.view);
    if (seq !== loadSeq || mountedKey !== key) return;
    hideMessage();
    map.mount(graph, pos, state.colorBy);
    map.setSpotlight(state.spotlight?.nodeIds ?? null);
    applyFrame();
    if (state.spotlight) map.fitSpotlight();
    if (state.selected) map.select(state.selected, false);
    document.body.dataset.mapReady = 'true';
  } catch (e) {
    mountedKey = '';
    showError(e instanceof Error ? e.message : String(e), () => void ensureMap());
  } finally {
    $('map').removeAttribute('aria-busy');
  }
}

// ---------- rendering ----------

function renderAll() {
  document.documentElement.lang = state.lang;
  document.title = state.scope && catalogueName(state.scope) ? `${catalogueName(state.scope)} · Verkosto` : 'Verkosto';
  $<HTMLSelectElement>('lang').value = state.lang;
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n!)));
  document.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach((el) => el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder!)));
  document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel!)));
  document.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => el.setAttribute('title', t(el.dataset.i18nTitle!)));
  renderScopeOptions();
  account.render();
  renderPages();
  if (state.page !== 'map') return;
  renderSpotlight();
  renderPlay();
  renderExportLinks();
  renderLegend();
  renderFilters();
  const ready = state.status === 'ready';
  $('map').hidden = !ready || state.display !== 'map';
  $('map-controls').hidden = !ready || state.display !== 'map';
  $('table-view').hidden = !ready || state.display !== 'table';
  for (const id of ['date', 'date2', 'play', 'compare', 'show-ended']) ($(id) as HTMLInputElement).disabled = !ready;
  if (state.status === 'loading') showMessage(t('state.loading'));
  else if (state.status === 'empty') showMessage(t('state.empty'));
  else if (state.status === 'error') showError(state.error ?? '', () => state.scope && void openScope(state.scope));
  else if (state.status === 'ready') hideMessage();
  renderSlider();
  if (ready) {
    void ensureMap();
    applyFrame();
  } else {
    $('counts').textContent = '';
    $('panel').hidden = true;
  }
}

function catalogueName(scope: Scope): string | undefined {
  const list = scope.type === 'network' ? catalogue?.networks : catalogue?.projects;
  return list?.find((x) => x.id === scope.id)?.name;
}

function renderScopeOptions() {
  const select = $<HTMLSelectElement>('scope');
  if (!catalogue) return;
  const value = state.scope ? `${state.scope.type}:${state.scope.id}` : '';
  select.replaceChildren(
    h('option', { value: '', disabled: true, selected: !state.scope }, t('scope.choose')),
    h('optgroup', { label: t('scope.networks') }, ...catalogue.networks.map((n) => h('option', { value: `network:${n.id}` }, n.name))),
    h('optgroup', { label: t('scope.projects') }, ...catalogue.projects.map((p) => h('option', { value: `project:${p.id}` }, p.code ? `${p.code} ${p.name}` : p.name))),
  );
  select.value = value;
}

function showMessage(text: string) {
  const box = $('message');
  box.className = 'message';
  box.setAttribute('role', 'status');
  box.replaceChildren(h('p', {}, text));
  box.hidden = false;
}

function showError(message: string, retry: () => void) {
  const box = $('message');
  box.className = 'message error';
  box.setAttribute('role', 'alert');
  const button = h('button', { type: 'button' }, t('state.retry'));
  button.addEventListener('click', retry);
  box.replaceChildren(h('p', {}, t('state.error', { message })), button);
  box.hidden = false;
}

function hideMessage() {
  $('message').hidden = true;
}

function renderSlider() {
  const max = Math.max(state.stops.length - 1, 0);
  for (const [id, outId, idx] of [
    ['date', 'date-out', state.index],
    ['date2', 'date2-out', state.compareIndex],
  ] as const) {
    const input = $<HTMLInputElement>(id);
    input.max = String(max);
    input.value = String(idx);
    const label = formatDate(state.lang, state.stops[idx] ?? null);
    input.setAttribute('aria-valuetext', label);
    $(outId).textContent = label;
    input.dataset.date = state.stops[idx] ?? '';
  }
  $('compare-box').hidden = !state.compare;
  $<HTMLInputElement>('compare').checked = state.compare;
}

function renderPlay() {
  const b = $('play');
  b.textContent = state.playing ? `❚❚ ${t('time.pause')}` : `▶ ${t('time.play')}`;
  b.setAttribute('aria-pressed', String(state.playing));
}

/** Recompute the frame for the date and filters, then restyle the map, counts, table and panel. */
function applyFrame() {
  const graph = currentGraph();
  if (!graph || state.status !== 'ready' || state.page !== 'map') return;
  frame = computeFrame(graph, date(), state.filters);
  let diff: Diff | null = null;
  if (state.compare) {
    // The comparison date is the "before", the slider date the "after".
    const before = computeFrame(graph, compareDate(), state.filters);
    diff = diffFrames(before, frame);
  }
  map.apply(frame, state.showEnded, diff);
  $('spotlight').dataset.lit = String(state.spotlight ? map.litCount() : 0);
  const counts = $('counts');
  counts.dataset.nodes = String(frame.activeNodes);
  counts.dataset.edges = String(frame.activeEdges);
  counts.dataset.outlived = String(frame.outlivedEdges);
  // Only the org view has ties; the bipartite view's lines are participations and structure ("links").
  let text = t(state.view === 'orgs' ? 'count.ties' : 'count.links', { nodes: frame.activeNodes, edges: frame.activeEdges, outlived: frame.outlivedEdges });
  if (diff) {
    text += ' · ' + t('compare.summary', { from: formatDate(state.lang, compareDate()), to: formatDate(state.lang, date()), ...diff.counts.edges });
  }
  if (frame.activeNodes === 0) text += ' · ' + t('state.nothingAtDate');
  counts.textContent = text;
  if (state.display === 'table') renderTable();
  renderPanel();
}

function renderLegend() {
  const legend = $('legend');
  const colours = state.colorBy === 'kind' ? KIND_COLORS : SECTOR_COLORS;
  const present = new Set<string | null>((state.api?.nodes ?? []).filter((n) => n.kind === 'ORGANISATION').map((n) => (state.colorBy === 'kind' ? n.orgKind : n.sector)));
  const rows: HTMLElement[] = Object.entries(colours)
    .filter(([k]) => present.size === 0 || present.has(k))
    .map(([k, c]) => h('div', { class: 'legend-row' }, h('span', { class: 'swatch', style: `background:${c}` }), t(`${state.colorBy}.${k}`)));
  if (state.view === 'bipartite') {
    for (const kind of ['PROJECT', 'ACTIVITY', 'NETWORK', 'OPERATING_MODEL']) {
      rows.push(h('div', { class: 'legend-row' }, h('span', { class: `swatch shape-${NODE_SHAPES[kind]}`, style: `background:${NODE_KIND_COLORS[kind]}` }), t(`node.${kind}`)));
    }
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line', style: `border-color:${EDGE_COLOR}` }), t('legend.participation')));
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line structural' }), t('legend.structural')));
  } else {
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line', style: `border-top-width:4px;border-color:${EDGE_COLOR}` }), t('legend.tie')));
  }
  if (state.compare) {
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line added' }), t('compare.added')));
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line kept' }), t('compare.kept')));
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line lost' }), t('compare.lost')));
  } else {
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line outlived' }), t(state.view === 'orgs' ? 'legend.survived' : 'legend.continued')));
    rows.push(h('div', { class: 'legend-row' }, h('span', { class: 'line ended' }), t('legend.ended')));
  }
  legend.replaceChildren(...rows);
}

type FilterKey = keyof Filters;

function filterOptions(): { key: FilterKey; title: string; options: { value: string; label: string }[] }[] {
  const api = state.api;
  if (!api) return [];
  const orgs = api.nodes.filter((n) => n.kind === 'ORGANISATION');
  const acts = api.nodes.filter((n) => n.kind === 'ACTIVITY' || n.kind === 'PROJECT');
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const term = (list: Term[] | undefined, id: string) => {
    const x = list?.find((m) => m.id === id);
    return x ? (state.lang === 'sv' ? x.nameSv : state.lang === 'en' ? x.nameEn : x.nameFi) : id;
  };
  const place = (code: string) => {
    const m = catalogue?.municipalities.find((x) => x.code === code);
    return m ? (state.lang === 'sv' ? m.nameSv : m.name) : code;
  };
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, state.lang);
  return [
    {
      key: 'orgKinds',
      title: t('filters.kind'),
      options: uniq(orgs.map((o) => o.orgKind))
        .map((v) => ({ value: v, label: t(`kind.${v}`) }))
        .sort(byLabel),
    },
    {
      key: 'sectors',
      title: t('filters.sector'),
      options: uniq(orgs.map((o) => o.sector))
        .map((v) => ({ value: v, label: t(`sector.${v}`) }))
        .sort(byLabel),
    },
    {
      key: 'methods',
      title: t('filters.method'),
      options: uniq(acts.flatMap((a) => a.methodIds))
        .map((v) => ({ value: v, label: term(catalogue?.methods, v) }))
        .sort(byLabel),
    },
    {
      key: 'targetGroups',
      title: t('filters.targetGroup'),
      options: uniq(acts.flatMap((a) => a.targetGroupIds))
        .map((v) => ({ value: v, label: term(catalogue?.targetGroups, v) }))
        .sort(byLabel),
    },
    {
      key: 'municipalities',
      title: t('filters.municipality'),
      options: uniq([...orgs, ...acts].map((n) => n.municipalityCode))
        .map((v) => ({ value: v, label: place(v) }))
        .sort(byLabel),
    },
    {
      key: 'roles',
      title: t('filters.role'),
      options: uniq(api.edges.filter((e) => e.kind === 'PARTICIPATES').map((e) => e.role))
        .map((v) => ({ value: v, label: t(`role.${v}`) }))
        .sort(byLabel),
    },
  ];
}

function renderFilters() {
  const box = $('filters');
  const open = new Set([...box.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.key));
  box.replaceChildren(
    ...filterOptions()
      .filter((g) => g.options.length > 0)
      .map((g) => {
        const chosen = state.filters[g.key];
        const fieldset = h(
          'fieldset',
          { 'aria-label': g.title },
          ...g.options.map((o) => {
            const input = h('input', { type: 'checkbox', value: o.value, checked: chosen.includes(o.value), 'data-filter': g.key });
            return h('label', {}, input, o.label);
          }),
        );
        const summary = h('summary', {}, g.title, chosen.length ? h('span', { class: 'active-count' }, ` (${chosen.length})`) : null);
        const details = h('details', { 'data-key': g.key, open: open.has(g.key) || chosen.length > 0 }, summary, fieldset);
        return details;
      }),
  );
  ($('clear-filters') as HTMLButtonElement).disabled = !hasFilters(state.filters);
}

function renderExportLinks() {
  const scope = state.scope;
  document.querySelectorAll<HTMLAnchorElement>('#export-menu a[data-format]').forEach((a) => {
    if (!scope) {
      a.removeAttribute('href');
      return;
    }
    const params = new URLSearchParams({ [scope.type === 'network' ? 'networkId' : 'projectId']: scope.id, format: a.dataset.format! });
    if (a.dataset.dialect) params.set('dialect', a.dataset.dialect);
    if (date()) params.set('at', date());
    a.href = `/api/export?${params.toString()}`;
    a.setAttribute('download', '');
  });
}

function stateLabel(s: string, outlived: 'survived' | 'continued' | null = null) {
  if (outlived) return h('span', { class: 'badge outlived' }, t(`panel.${outlived}`));
  if (s === 'ended') return h('span', { class: 'badge ended' }, t('panel.ended'));
  if (s === 'future') return h('span', { class: 'badge future' }, t('panel.future'));
  return h('span', { class: 'badge' }, t('panel.active'));
}

function nodeTypeLabel(kind: string, orgKind: string | null, sector: string | null, activityType: string | null) {
  if (kind === 'ORGANISATION') return `${orgKind ? t(`kind.${orgKind}`) : ''}${sector ? ` · ${t(`sector.${sector}`)}` : ''}`;
  if (kind === 'ACTIVITY' && activityType) return t(`activity.${activityType}`);
  return '';
}

function goButton(id: string, label: string) {
  const b = h('button', { type: 'button', class: 'link', 'data-goto': id }, label);
  return b;
}

function renderTable() {
  const graph = currentGraph();
  if (!graph || !frame) return;
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const nodes = graph.nodes
    .filter((n) => {
      const f = frame!.nodes.get(n.id)!;
      return f.shown && (f.state === 'active' || (f.state === 'ended' && state.showEnded));
    })
    .sort((a, b) => a.label.localeCompare(b.label, state.lang));
  const nodeTable = h(
    'table',
    { 'data-testid': 'nodes-table' },
    h('caption', {}, `${t('table.nodes')} — ${t('table.caption', { date: formatDate(state.lang, date()) })}`),
    h('thead', {}, h('tr', {}, ...['table.name', 'table.type', 'table.group', 'table.ties', 'table.state'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h(
      'tbody',
      {},
      ...nodes.map((n) => {
        const f = frame!.nodes.get(n.id)!;
        return h(
          'tr',
          { class: `state-${f.state}` },
          h('th', { scope: 'row' }, goButton(n.id, n.label)),
          h('td', {}, t(`node.${n.kind}`)),
          h('td', {}, nodeTypeLabel(n.kind, n.orgKind, n.sector, n.activityType)),
          h('td', {}, String(f.degree)),
          h('td', {}, stateLabel(f.state)),
        );
      }),
    ),
  );
  const edges = graph.edges.filter((e) => {
    const f = frame!.edges.get(e.id);
    return f && f.shown && (f.state === 'active' || (f.state === 'ended' && state.showEnded));
  });
  const edgeTable = h(
    'table',
    { 'data-testid': 'edges-table' },
    h('caption', {}, `${t('table.edges')} — ${t('table.caption', { date: formatDate(state.lang, date()) })}`),
    h('thead', {}, h('tr', {}, ...['table.from', 'table.to', 'table.role', 'table.dates', 'table.state'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h(
      'tbody',
      {},
      ...edges.map((e) => {
        const f = frame!.edges.get(e.id)!;
        const role = e.kind === 'TIE' ? String(f.weight) : e.role ? t(`role.${e.role}`) : t(`rel.${e.kind}.out`);
        const periods = e.intervals.map((iv) => formatPeriod(state.lang, iv.from, iv.to));
        return h(
          'tr',
          { class: `state-${f.state}` },
          h('td', {}, goButton(e.source, labels.get(e.source) ?? e.source)),
          h('td', {}, goButton(e.target, labels.get(e.target) ?? e.target)),
          h('td', {}, role),
          h('td', {}, [...new Set(periods)].join(', ')),
          h('td', {}, stateLabel(f.state, f.outlived ? (e.kind === 'TIE' ? 'survived' : 'continued') : null)),
        );
      }),
    ),
  );
  $('table-view').replaceChildren(nodeTable, edgeTable);
}

function renderPanel() {
  const panel = $('panel');
  if (!state.selected || !state.api) {
    panel.hidden = true;
    return;
  }
  const d = nodeDetails(state.api, state.selected, date());
  if (!d) {
    panel.hidden = true;
    return;
  }
  const n = d.node;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': t('panel.close') }, '×');
  close.addEventListener('click', () => select(null));
  const section = (title: string, items: HTMLElement[]) => [h('h3', {}, title), items.length ? h('ul', {}, ...items) : h('p', { class: 'meta' }, t('panel.none'))];
  const place = n.municipalityCode ? (catalogue?.municipalities.find((m) => m.code === n.municipalityCode)?.[state.lang === 'sv' ? 'nameSv' : 'name'] ?? n.municipalityCode) : null;
  const meta = [
    t(`node.${n.kind}`),
    nodeTypeLabel(n.kind, n.orgKind, n.sector, n.activityType),
    place,
    n.kind === 'ORGANISATION' ? t(n.permanent ? 'panel.permanent' : 'panel.projectActor') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const roleItem = (r: (typeof d.roles)[number]) =>
    h(
      'li',
      {},
      goButton(r.targetId, r.targetLabel),
      ' ',
      stateLabel(r.state, r.continued ? 'continued' : null),
      h('span', { class: 'sub' }, `${r.role ? t(`role.${r.role}`) : ''} · ${formatPeriod(state.lang, r.from, r.to)}`),
    );
  const children: (HTMLElement | null)[] = [close, h('h2', { id: 'panel-title' }, n.label), h('p', { class: 'meta' }, meta)];
  if (n.kind !== 'ORGANISATION' && (n.validFrom || n.validTo)) children.push(h('p', { class: 'meta' }, `${t('panel.dates')}: ${formatPeriod(state.lang, n.validFrom, n.validTo)}`));
  if (n.kind === 'ORGANISATION') {
    children.push(...section(t('panel.roles'), d.roles.map(roleItem)));
    children.push(
      ...section(
        t('panel.partners'),
        d.partners.map((p) => h('li', {}, goButton(p.id, p.label), h('span', { class: 'sub' }, t('panel.shared', { n: p.shared })))),
      ),
    );
  } else {
    children.push(...section(t('panel.participants'), d.participants.map(roleItem)));
  }
  children.push(
    ...section(
      t('panel.projects'),
      d.projects.map((p) => h('li', {}, goButton(p.id, p.label))),
    ),
  );
  if (d.related.length)
    children.push(
      ...section(
        t('panel.related'),
        d.related.map((r) => h('li', {}, goButton(r.id, r.label), h('span', { class: 'sub' }, t(`rel.${r.kind}.${r.direction}`)))),
      ),
    );
  if (n.kind !== 'OPERATING_MODEL') children.push(historyPanel.show(n.id));
  panel.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  panel.hidden = false;
}

// ---------- pages ----------

const pageContext: PageContext = {
  lang: () => state.lang,
  t,
  scope: () => state.scope,
  catalogue: () => catalogue,
  showOnMap(scope, spotlight) {
    state.spotlight = spotlight;
    state.spotlightFrom = location.hash;
    goTo('map', scope);
    if (state.scope?.id === scope.id && state.scope.type === scope.type) {
      if (spotlight.at && state.stops.length) state.index = stopIndex(state.stops, spotlight.at);
      map.setSpotlight(spotlight.nodeIds);
      renderAll();
      map.fitSpotlight();
    } else {
      void openScope(scope).then(() => {
        if (spotlight.at && state.stops.length) setIndex(stopIndex(state.stops, spotlight.at));
      });
    }
  },
  async refreshCatalogue() {
    catalogue = await fetchCatalogue();
    renderScopeOptions();
  },
};

const mountedPages = new Set<PageName>();

function pageRoot(name: PageName): HTMLElement {
  let root = document.getElementById(`page-${name}`);
  if (!root) {
    root = h('main', { id: `page-${name}`, class: 'page', 'data-testid': `page-${name}`, tabindex: '-1' });
    // The built page has its script in <head>: insert before a body script only (null appends).
    document.body.insertBefore(root, document.body.querySelector(':scope > script'));
  }
  return root;
}

/** Show the current page, mounting it on first visit, and mark its link. */
function renderPages() {
  document.querySelectorAll<HTMLAnchorElement>('#pages a[data-page]').forEach((a) => {
    const name = a.dataset.page as PageName;
    a.href = routeHash(name, state.scope);
    if (name === state.page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  $('page-map').hidden = state.page !== 'map';
  for (const [name, page] of Object.entries(PAGES) as [PageName, Page][]) {
    const shown = name === state.page;
    if (!shown && !mountedPages.has(name)) continue;
    const root = pageRoot(name);
    root.hidden = !shown;
    if (!shown) continue;
    if (!mountedPages.has(name)) {
      page.mount(root, pageContext);
      mountedPages.add(name);
    }
    page.render();
  }
}

function goTo(page: PageName, scope: Scope | null = state.scope) {
  const leaving = state.page;
  state.page = page;
  const hash = routeHash(page, scope);
  if (location.hash !== hash) history.pushState(null, '', hash);
  if (page !== 'map') pause();
  renderAll();
  if (page === 'map' && leaving !== 'map') requestAnimationFrame(() => map.resize());
}

function renderSpotlight() {
  const bar = $('spotlight');
  bar.hidden = !state.spotlight;
  $('spotlight-caption').textContent = state.spotlight?.caption ?? '';
  $('spotlight-back').hidden = !state.spotlightFrom;
}

function clearSpotlight() {
  state.spotlight = null;
  map.setSpotlight(null);
  renderSpotlight();
  applyFrame();
}

// ---------- actions ----------

/** Select a node (or clear): open its panel; in the org view, a non-organisation switches views. */
function select(id: string | null, center = true) {
  state.selected = id;
  if (id && state.api) {
    const graph = currentGraph();
    if (graph && !graph.nodes.some((n) => n.id === id)) {
      state.view = 'bipartite';
      (document.querySelector('input[name=view][value=bipartite]') as HTMLInputElement).checked = true;
      renderAll();
    }
    // If the node has not begun on this date, move the timeline to when it does.
    const f = frame?.nodes.get(id);
    if (f && f.state === 'future') {
      const first = firstDateOf(id);
      if (first) {
        state.index = stopIndex(state.stops, first);
        renderSlider();
        renderExportLinks();
        applyFrame();
      }
    }
  }
  map.select(id, center);
  renderPanel();
  if (id && center && state.display === 'map') $('map').focus({ preventScroll: true });
}

function firstDateOf(id: string): string | null {
  const api = state.api!;
  const dates = [
    api.nodes.find((n) => n.id === id)?.validFrom ?? null,
    ...api.edges.filter((e) => e.kind === 'PARTICIPATES' && (e.source === id || e.target === id)).map((e) => e.validFrom),
  ].filter((d): d is string => !!d);
  return dates.sort()[0] ?? null;
}

function setIndex(i: number) {
  state.index = Math.min(Math.max(i, 0), Math.max(state.stops.length - 1, 0));
  renderSlider();
  renderExportLinks();
  applyFrame();
}

function play() {
  if (state.status !== 'ready') return;
  if (state.index >= state.stops.length - 1) setIndex(0);
  state.playing = true;
  renderPlay();
  document.body.dataset.playing = 'true';
  const tick = () => {
    if (state.index >= state.stops.length - 1) return pause();
    setIndex(state.index + 1);
    playTimer = window.setTimeout(tick, 260);
  };
  playTimer = window.setTimeout(tick, 260);
}

function pause() {
  window.clearTimeout(playTimer);
  state.playing = false;
  document.body.dataset.playing = 'false';
  renderPlay();
}

function exportPng() {
  const wasTable = state.display === 'table';
  if (wasTable) setDisplay('map');
  const blob = map.png();
  if (!blob) return;
  const name = `verkosto-${state.scope?.id ?? 'kartta'}-${date()}.png`;
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
  $('counts').dataset.exported = name;
  ($('export-menu') as HTMLDetailsElement).open = false;
}

function setDisplay(display: 'map' | 'table') {
  state.display = display;
  (document.querySelector(`input[name=display][value=${display}]`) as HTMLInputElement).checked = true;
  renderAll();
  if (display === 'map') requestAnimationFrame(() => map.resize());
}

// ---------- search ----------

let searchSeq = 0;
async function runSearch(text: string) {
  const list = $('search-results');
  const graph = currentGraph();
  const seq = ++searchSeq;
  if (!text.trim()) {
    list.hidden = true;
    map.highlight([]);
    return;
  }
  const local = graph ? searchNodes(graph, text, 8) : [];
  map.highlight(local.map((n) => n.id));
  const items: HTMLElement[] = local.map((n) =>
    h(
      'li',
      {},
      resultButton(n.id, n.label, t(`node.${n.kind}`), () => select(n.id)),
    ),
  );
  const render = (remote: Hit[]) => {
    const elsewhere = remote.filter((r) => (r.kind === 'NETWORK' || r.kind === 'PROJECT') && r.id !== state.scope?.id && !local.some((n) => n.id === r.id));
    const rows = [...items];
    if (elsewhere.length) {
      rows.push(h('li', { class: 'group', role: 'presentation' }, t('search.elsewhere')));
      rows.push(
        ...elsewhere.map((r) =>
          h(
            'li',
            {},
            resultButton(r.id, r.label, t(`node.${r.kind}`), () => void openScope({ type: r.kind === 'NETWORK' ? 'network' : 'project', id: r.id })),
          ),
        ),
      );
    }
    if (!rows.length) rows.push(h('li', { class: 'group' }, t('search.none')));
    list.replaceChildren(...rows);
    list.hidden = false;
  };
  render([]);
  try {
    const remote = await searchAll(text);
    if (seq === searchSeq) render(remote);
  } catch {
    /* the local matches stay; the server search is a bonus */
  }
}

function resultButton(id: string, label: string, kind: string, action: () => void) {
  const b = h('button', { type: 'button', 'data-id': id }, h('span', {}, label), h('span', { class: 'kind' }, kind));
  b.addEventListener('click', () => {
    $('search-results').hidden = true;
    if (state.page !== 'map') goTo('map');
    action();
  });
  return b;
}

// ---------- wiring ----------

function wire() {
  $('scope').addEventListener('change', (e) => {
    const [type, ...rest] = (e.target as HTMLSelectElement).value.split(':');
    void openScope({ type: type as Scope['type'], id: rest.join(':') });
  });
  $('lang').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    if (!isLang(v)) return;
    state.lang = v;
    remember(LANG_KEY, v);
    renderAll();
  });
  document.querySelectorAll<HTMLInputElement>('input[name=view]').forEach((r) =>
    r.addEventListener('change', () => {
      state.view = r.value as ViewMode;
      renderAll();
    }),
  );
  document.querySelectorAll<HTMLInputElement>('input[name=display]').forEach((r) => r.addEventListener('change', () => setDisplay(r.value as 'map' | 'table')));
  document.querySelectorAll<HTMLInputElement>('input[name=color]').forEach((r) =>
    r.addEventListener('change', () => {
      state.colorBy = r.value as ColorBy;
      map.setColorBy(state.colorBy);
      renderLegend();
    }),
  );
  $('date').addEventListener('input', (e) => {
    pause();
    setIndex(Number((e.target as HTMLInputElement).value));
  });
  $('date2').addEventListener('input', (e) => {
    state.compareIndex = Number((e.target as HTMLInputElement).value);
    renderSlider();
    applyFrame();
  });
  $('play').addEventListener('click', () => (state.playing ? pause() : play()));
  $('show-ended').addEventListener('change', (e) => {
    state.showEnded = (e.target as HTMLInputElement).checked;
    applyFrame();
  });
  $('compare').addEventListener('change', (e) => {
    state.compare = (e.target as HTMLInputElement).checked;
    if (state.compare && state.compareIndex >= state.index) state.compareIndex = 0;
    renderSlider();
    renderLegend();
    applyFrame();
  });
  $('filters').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const key = input.dataset.filter as FilterKey | undefined;
    if (!key) return;
    const set = new Set(state.filters[key]);
    if (input.checked) set.add(input.value);
    else set.delete(input.value);
    state.filters = { ...state.filters, [key]: [...set] };
    renderFilters();
    applyFrame();
  });
  $('clear-filters').addEventListener('click', () => {
    state.filters = { ...NO_FILTERS };
    renderFilters();
    applyFrame();
  });
  $('zoom-in').addEventListener('click', () => map.zoom(1.25));
  $('zoom-out').addEventListener('click', () => map.zoom(0.8));
  $('fit').addEventListener('click', () => map.fit());
  $('export-png').addEventListener('click', exportPng);
  // Links anywhere (panel, table) move through the graph.
  document.body.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('[data-goto]');
    if (!b) return;
    const id = b.dataset.goto!;
    if (state.display === 'table') {
      select(id, false);
      $('panel').focus();
    } else select(id);
  });
  let searchTimer: number | undefined;
  const search = $<HTMLInputElement>('search');
  search.addEventListener('input', () => {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => void runSearch(search.value), 150);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      $('search-results').querySelector<HTMLButtonElement>('button')?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      $('search-results').querySelector<HTMLButtonElement>('button')?.click();
    } else if (e.key === 'Escape') {
      $('search-results').hidden = true;
    }
  });
  $('search-results').addEventListener('keydown', (e) => {
    const buttons = [...$('search-results').querySelectorAll<HTMLButtonElement>('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') buttons[Math.min(i + 1, buttons.length - 1)]?.focus();
    else if (e.key === 'ArrowUp') (i <= 0 ? search : buttons[i - 1]).focus();
    else if (e.key === 'Escape') {
      $('search-results').hidden = true;
      search.focus();
    } else return;
    e.preventDefault();
  });
  document.addEventListener('click', (e) => {
    if (!(e.target as HTMLElement).closest('.search')) $('search-results').hidden = true;
  });
  // Keyboard on the map: arrows walk the visible nodes, Enter opens, +/− zoom, 0 fits, Esc closes.
  $('map').addEventListener('keydown', (e) => {
    const ids = map.visibleNodeIds();
    const i = state.selected ? ids.indexOf(state.selected) : -1;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        if (ids.length) select(ids[(i + 1) % ids.length]);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        if (ids.length) select(ids[(i - 1 + ids.length) % ids.length]);
        break;
      case 'Enter':
        if (state.selected) $('panel').focus();
        else if (ids.length) select(ids[0]);
        break;
      case '+':
      case '=':
        map.zoom(1.25);
        break;
      case '-':
        map.zoom(0.8);
        break;
      case '0':
        map.fit();
        break;
      case 'Escape':
        select(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  $('panel').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      select(null);
      $('map').focus();
    }
  });
  const followRoute = () => {
    const route = parseRoute();
    if (route.page !== state.page) goTo(route.page, route.scope ?? state.scope);
    const s = route.scope;
    if (s && (s.id !== state.scope?.id || s.type !== state.scope?.type)) void openScope(s);
  };
  // The skip link moves focus to what the page is about; as a plain #map link it would replace the route.
  document.querySelector<HTMLAnchorElement>('a.skip')?.addEventListener('click', (e) => {
    e.preventDefault();
    (state.page === 'map' ? $('map') : pageRoot(state.page)).focus();
  });
  window.addEventListener('hashchange', followRoute);
  window.addEventListener('popstate', followRoute);
  $('spotlight-clear').addEventListener('click', clearSpotlight);
  $('spotlight-back').addEventListener('click', () => {
    const back = state.spotlightFrom;
    clearSpotlight();
    state.spotlightFrom = null;
    if (back) location.hash = back;
  });
  window.addEventListener('resize', () => map.resize());
}

wire();
renderAll();
void loadCatalogue();
