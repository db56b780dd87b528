/**
 * The data page (#/data): lists of organisations, projects, activities and networks with search and
 * paging; forms to add and edit them with checks shown beside each field; who takes part in what,
 * coordination and budget responsibility; next season's activity; asking before deleting; and
 * likely duplicate organisations with a merge that shows what moves before anything is written.
 * Every control that changes data carries `data-edit`.
 */
import { DEFAULT_SECTOR, type OrganisationKind } from '@verkosto/domain/model';
import { ApiError, type ApiProblem, type Scope } from '../api';
import { h } from '../dom';
import {
  emptyValues,
  FORM_FIELDS,
  FORM_LEVEL,
  changedMeanwhile,
  mapScopeOf,
  placeServerProblem,
  rolesFor,
  toInput,
  validateCoordination,
  validateForm,
  validateParticipation,
  valuesFrom,
  type EntityKind,
  type FieldDef,
  type FieldErrors,
  type FormValues,
  type MapScope,
  type Message,
} from '../model/data-forms';
import { impactKeeps, impactLines, impactSummary } from '../model/deletion';
import { formatDate, formatPeriod } from '../model/i18n';
import { mergePreview, type MergeMember } from '../model/merge';
import { nextSeason, nextSeasonParticipants, type SeasonParticipant } from '../model/seasons';
import * as api from './data-api';
import type { Page, PageContext } from './page';

type Tab = EntityKind | 'duplicates';
const TABS: Tab[] = ['organisation', 'project', 'activity', 'network', 'duplicates'];
const PAGE_SIZE = 25;

interface Notice {
  text: string;
  /** A second line, e.g. how many participants were copied. */
  detail?: string;
  tone: 'ok' | 'error';
  map?: { scope: MapScope; nodeIds: string[]; caption: string; at?: string };
  /** Offers to load what is stored now (after a save refused as based on a stale read). */
  reload?: boolean;
}

interface Editor {
  kind: EntityKind;
  /** null while adding a new one. */
  id: string | null;
  item: api.Item | null;
  status: 'loading' | 'ready' | 'gone' | 'error';
  values: FormValues;
  /** Names of the items `ref` fields point at. */
  refLabels: Record<string, string>;
  errors: FieldErrors;
  saving: boolean;
  notice: Notice | null;
  /** When adding next season's activity: the one it continues and its participants. */
  season: { id: string; name: string; participants: SeasonParticipant[]; copy: boolean } | null;
}

interface ListState {
  status: 'loading' | 'ready' | 'error';
  error: string;
  rows: api.ListRow[];
  groups: api.DuplicateGroupRow[];
  total: number;
  /** The `after` cursor of each page seen so far: going back needs no server support. */
  cursors: (string | null)[];
  endCursor: string | null;
  hasNext: boolean;
}

export function createDataPage(): Page {
  let root: HTMLElement;
  let ctx: PageContext;
  let tab: Tab = 'organisation';
  let search = '';
  let list: ListState = { status: 'loading', error: '', rows: [], groups: [], total: 0, cursors: [null], endCursor: null, hasNext: false };
  let editor: Editor | null = null;
  let merge: { group: api.DuplicateGroupRow; keepId: string; mergeIds: Set<string>; notice: Notice | null; busy: boolean } | null = null;
  let listNotice: Notice | null = null;
  let regions: api.Region[] = [];
  let listSeq = 0;
  let searchTimer: number | undefined;

  const t = (key: string, params?: Record<string, string | number>) => ctx.t(key, params);
  const say = (m: Message) => t(m.key, m.params);
  const lang = () => ctx.lang();
  const problemText = (e: unknown) => (e instanceof Error ? e.message : String(e));

  // ── lists ──────────────────────────────────────────────────────────────────────────────────

  async function loadList(after: string | null = null, cursors: (string | null)[] = [null]) {
    const seq = ++listSeq;
    list = { ...list, status: 'loading', cursors };
    renderResults();
    try {
      if (tab === 'duplicates') {
        const page = await api.fetchDuplicates(PAGE_SIZE, after);
        if (seq !== listSeq) return;
        list = {
          status: 'ready',
          error: '',
          rows: [],
          groups: page.nodes,
          total: page.totalCount,
          cursors,
          endCursor: page.pageInfo.endCursor,
          hasNext: page.pageInfo.hasNextPage,
        };
      } else {
        const page = await api.listItems(tab, search, PAGE_SIZE, after);
        if (seq !== listSeq) return;
        list = {
          status: 'ready',
          error: '',
          rows: page.nodes,
          groups: [],
          total: page.totalCount,
          cursors,
          endCursor: page.pageInfo.endCursor,
          hasNext: page.pageInfo.hasNextPage,
        };
      }
    } catch (e) {
      if (seq !== listSeq) return;
      list = { ...list, status: 'error', error: problemText(e) };
    }
    renderResults();
  }

  function reloadCurrentPage() {
    const cursors = list.cursors;
    void loadList(cursors[cursors.length - 1], cursors);
  }

  function rowDetail(row: api.ListRow): string {
    if (tab === 'organisation') {
      const place = row.municipalityCode ? municipalityName(row.municipalityCode) : '';
      return [row.kind ? t(`kind.${row.kind}`) : '', row.businessId ?? '', place].filter(Boolean).join(' · ');
    }
    if (tab === 'project')
      return [row.code ?? '', row.startDate || row.endDate ? formatPeriod(lang(), row.startDate ?? null, row.endDate ?? null) : ''].filter(Boolean).join(' · ');
    if (tab === 'activity')
      return [row.type ? t(`activity.${row.type}`) : '', row.startDate || row.endDate ? formatPeriod(lang(), row.startDate ?? null, row.endDate ?? null) : '']
        .filter(Boolean)
        .join(' · ');
    return row.goal ?? '';
  }

  // ── the editor ─────────────────────────────────────────────────────────────────────────────

  function openNew(kind: EntityKind, values: FormValues = emptyValues(kind), season: Editor['season'] = null, refLabels: Record<string, string> = {}) {
    merge = null;
    editor = { kind, id: null, item: null, status: 'ready', values, refLabels, errors: {}, saving: false, notice: null, season };
    renderResults();
    renderEditor();
    focusEditorHeading();
  }

  async function openItem(kind: EntityKind, id: string, notice: Notice | null = null) {
    merge = null;
    editor = { kind, id, item: null, status: 'loading', values: emptyValues(kind), refLabels: {}, errors: {}, saving: false, notice, season: null };
    renderResults();
    renderEditor();
    await reloadItem();
    focusEditorHeading();
  }

  async function reloadItem() {
    const ed = editor;
    if (!ed?.id) return;
    try {
      const item = await api.fetchItem(ed.kind, ed.id);
      if (editor !== ed) return;
      if (!item) {
        ed.status = 'gone';
      } else {
        ed.item = item;
        ed.values = valuesFrom(ed.kind, item, lang());
        ed.refLabels = refLabelsOf(item);
        ed.status = 'ready';
      }
    } catch (e) {
      if (editor !== ed) return;
      ed.status = 'error';
      ed.notice = { text: t('data.editor.error', { message: problemText(e) }), tone: 'error' };
    }
    renderEditor();
  }

  function refLabelsOf(item: api.Item): Record<string, string> {
    const named = (v: unknown) => (v && typeof v === 'object' && 'name' in v ? String((v as { name: string }).name) : '');
    return { predecessorId: named(item.predecessor), projectId: named(item.project), continuesId: named(item.continues) };
  }

  function focusEditorHeading() {
    root.querySelector<HTMLElement>('#data-editor h3')?.focus();
  }

  async function save() {
    const ed = editor;
    if (!ed || ed.saving) return;
    ed.errors = validateForm(ed.kind, ed.values);
    if (Object.keys(ed.errors).length) {
      showErrors(true);
      return;
    }
    ed.saving = true;
    renderSaveButton();
    const creating = !ed.id;
    try {
      const saved = await api.saveItem(ed.kind, ed.id, toInput(ed.kind, ed.values), ed.item?.updatedAt as string | undefined);
      const text = t(creating ? 'data.created' : 'data.saved', { name: saved.name });
      const detail = creating && ed.season?.copy && ed.season.participants.length ? await copySeasonParticipants(saved.id, ed.season.participants) : undefined;
      if (ed.kind === 'network' || ed.kind === 'project') await ctx.refreshCatalogue().catch(() => undefined);
      const notice: Notice = { text, detail, tone: 'ok' };
      await openItem(ed.kind, saved.id, notice);
      const fresh = editor as Editor | null;
      if (fresh?.item) fresh.notice = { ...notice, map: await mapLinkFor(ed.kind, fresh.item, [saved.id], saved.name) };
      renderEditor();
      root.querySelector<HTMLElement>('#data-editor .notice')?.focus();
      reloadCurrentPage();
    } catch (e) {
      ed.saving = false;
      if (e instanceof ApiError && e.code === 'CONFLICT' && e.field === 'expectedUpdatedAt') {
        // Someone else saved first: say what they changed, keep what was typed, offer their version.
        const stored = (e.problems[0].extensions?.current ?? {}) as Record<string, unknown>;
        const changed = changedMeanwhile(ed.kind, ed.item ?? {}, stored).map((c) => `${t(`data.field.${c.name}`)}: ${c.value || '—'}`);
        ed.notice = { text: t('data.editor.stale'), detail: changed.length ? t('data.editor.staleNow', { values: changed.join('; ') }) : undefined, tone: 'error', reload: true };
        renderEditor();
        root.querySelector<HTMLElement>('#data-editor .notice')?.focus();
        return;
      }
      const problems = e instanceof ApiError && e.problems.length ? e.problems : [{ message: problemText(e) }];
      const fields = FORM_FIELDS[ed.kind].map((f) => f.name);
      ed.errors = {};
      for (const p of problems) {
        const placed = placeServerProblem(fields, p);
        ed.errors[placed.field] ??= placed.message;
      }
      renderSaveButton();
      showErrors(true);
    }
  }

  /** Next season's participants, one write each; the activity itself is already saved. */
  async function copySeasonParticipants(activityId: string, participants: SeasonParticipant[]): Promise<string> {
    const failed: string[] = [];
    for (const p of nextSeasonParticipants(participants, editor?.values.startDate ? String(editor.values.startDate) : null)) {
      try {
        await api.addParticipation({ ...p, targetId: activityId });
      } catch (e) {
        failed.push(problemText(e));
      }
    }
    const copied = t('data.season.copied', { n: participants.length - failed.length });
    return failed.length ? `${copied} ${t('data.season.copyFailed', { n: failed.length, message: failed[0] })}` : copied;
  }

  /** Where "show on map" goes for an item: its own map, or where the organisation takes part. */
  async function mapLinkFor(kind: EntityKind, item: api.Item, nodeIds: string[], name: string, at?: string): Promise<Notice['map'] | undefined> {
    let scope = mapScopeOf(kind, item as { id: string; projectId?: string | null; networkIds?: string[] });
    if (!scope && kind === 'organisation') {
      const targets = api.participationsOf(kind, item);
      const preferred = targets.find((p) => p.targetKind === 'PROJECT') ?? targets.find((p) => p.targetKind === 'NETWORK') ?? targets[0];
      if (preferred) scope = await scopeOfTarget(preferred.targetKind, preferred.targetId);
    }
    if (!scope) return undefined;
    return { scope, nodeIds, caption: t('data.map.caption', { name }), at: at ?? dateOf(item) };
  }

  async function scopeOfTarget(kind: 'PROJECT' | 'ACTIVITY' | 'NETWORK', id: string): Promise<MapScope | null> {
    if (kind !== 'ACTIVITY') return { type: kind === 'PROJECT' ? 'project' : 'network', id };
    const place = await api.fetchActivityPlace(id).catch(() => null);
    return place ? mapScopeOf('activity', { id, ...place }) : null;
  }

  const dateOf = (item: api.Item) => (typeof item.startDate === 'string' ? item.startDate : undefined);

  async function confirmDelete() {
    const ed = editor;
    if (!ed?.id || !ed.item) return;
    let impact;
    try {
      impact = await api.fetchDeletionImpact(ed.id);
    } catch (e) {
      ed.notice = { text: t('data.editor.error', { message: problemText(e) }), tone: 'error' };
      renderEditor();
      return;
    }
    const keeps = impactKeeps(impact);
    const ok = await ask({
      title: t('data.confirm.title', { name: impact.name }),
      body: [
        h('p', { 'data-testid': 'impact-summary' }, say(impactSummary(impact))),
        impactLines(impact).length ? h('ul', { 'data-testid': 'impact-lines' }, ...impactLines(impact).map((m) => h('li', {}, say(m)))) : null,
        keeps ? h('p', {}, say(keeps)) : null,
        h('p', { class: 'warning' }, t('data.confirm.irreversible')),
      ],
      confirm: t('data.confirm.delete'),
      danger: true,
    });
    if (!ok || editor !== ed) return;
    try {
      const removed = await api.deleteItem(ed.kind, ed.id);
      if (ed.kind === 'network' || ed.kind === 'project') await ctx.refreshCatalogue().catch(() => undefined);
      editor = null;
      listNotice = { text: t('data.deleted', { name: impact.name, n: removed }), tone: 'ok' };
      renderEditor();
      reloadCurrentPage();
      root.querySelector<HTMLElement>('#data-list .notice')?.focus();
    } catch (e) {
      ed.notice = { text: t('data.editor.error', { message: problemText(e) }), tone: 'error' };
      renderEditor();
    }
  }

  function startNextSeason() {
    const ed = editor;
    if (!ed?.item || ed.kind !== 'activity') return;
    const item = ed.item as unknown as Parameters<typeof nextSeason>[0];
    const next = nextSeason(item);
    const values = valuesFrom('activity', next, lang());
    const participants = api.participationsOf('activity', ed.item).map((p) => ({ organisationId: p.organisationId, role: p.role, validFrom: p.validFrom, validTo: p.validTo }));
    openNew(
      'activity',
      values,
      { id: item.id, name: item.name, participants, copy: participants.length > 0 },
      {
        ...ed.refLabels,
        continuesId: item.name,
      },
    );
  }

  // ── rendering ──────────────────────────────────────────────────────────────────────────────

  function render() {
    root.replaceChildren(
      h('h2', { class: 'page-title' }, t('data.title')),
      h('p', { class: 'lead' }, t('data.lead')),
      renderTabs(),
      h(
        'div',
        { class: 'data-body' },
        h('section', { id: 'data-list', class: 'data-list', 'aria-labelledby': 'data-list-title' }),
        h('section', { id: 'data-editor', class: 'data-editor', 'aria-live': 'polite' }),
      ),
    );
    renderListFrame();
    renderEditor();
  }

  function renderTabs() {
    const bar = h('div', { class: 'data-tabs', role: 'tablist', 'aria-label': t('data.tabs') });
    for (const name of TABS) {
      const b = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `data-tab-${name}`,
          'aria-selected': String(name === tab),
          'aria-controls': 'data-list',
          'data-tab': name,
          tabindex: name === tab ? '0' : '-1',
        },
        t(`data.tab.${name}`),
      );
      b.addEventListener('click', () => switchTab(name));
      bar.append(b);
    }
    bar.addEventListener('keydown', (e) => {
      const i = TABS.indexOf(tab);
      const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i - 1 + TABS.length) % TABS.length] : null;
      if (!next) return;
      e.preventDefault();
      switchTab(next);
      root.querySelector<HTMLElement>(`#data-tab-${next}`)?.focus();
    });
    return bar;
  }

  function switchTab(name: Tab) {
    if (name === tab) return;
    tab = name;
    search = '';
    listNotice = null;
    root.querySelectorAll<HTMLElement>('[role=tab]').forEach((b) => {
      const on = b.dataset.tab === name;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    });
    renderListFrame();
    void loadList();
  }

  /** The search box and "new" button stay put while the results below them change. */
  function renderListFrame() {
    const section = root.querySelector<HTMLElement>('#data-list')!;
    section.setAttribute('aria-labelledby', `data-tab-${tab}`);
    const children: HTMLElement[] = [h('h3', { id: 'data-list-title', class: 'visually-hidden' }, t(`data.tab.${tab}`))];
    if (tab === 'duplicates') {
      children.push(h('p', { class: 'hint' }, t('data.dup.lead')));
    } else {
      const input = h('input', { type: 'search', id: 'data-search', value: search, placeholder: t('data.search.placeholder'), autocomplete: 'off' });
      input.addEventListener('input', () => {
        search = input.value;
        window.clearTimeout(searchTimer);
        searchTimer = window.setTimeout(() => void loadList(), 250);
      });
      const add = h('button', { type: 'button', class: 'primary', 'data-edit': true, 'data-testid': 'data-new' }, `+ ${t(`data.new.${tab}`)}`);
      const kind = tab;
      add.addEventListener('click', () => openNew(kind));
      children.push(h('div', { class: 'list-tools' }, h('label', { class: 'field grow' }, h('span', {}, t('data.search.label')), input), add));
    }
    children.push(h('div', { id: 'data-results' }));
    section.replaceChildren(...children);
    renderResults();
  }

  function renderResults() {
    const box = root.querySelector<HTMLElement>('#data-results');
    if (!box) return;
    const parts: (HTMLElement | null)[] = [noticeBox(listNotice, () => (listNotice = null))];
    box.setAttribute('aria-busy', String(list.status === 'loading'));
    if (list.status === 'loading') parts.push(h('p', { class: 'state', role: 'status' }, t('data.list.loading')));
    else if (list.status === 'error') {
      const retry = h('button', { type: 'button' }, t('data.retry'));
      retry.addEventListener('click', reloadCurrentPage);
      parts.push(h('div', { class: 'message error', role: 'alert' }, h('p', {}, t('data.list.error', { message: list.error })), retry));
    } else if (tab === 'duplicates') {
      parts.push(list.groups.length ? renderGroups() : h('p', { class: 'state' }, t('data.dup.none')));
    } else if (!list.rows.length) {
      parts.push(h('p', { class: 'state' }, search.trim() ? t('data.list.empty') : t('data.list.emptyAll')));
    } else {
      const ul = h('ul', { class: 'rows', 'data-testid': 'data-rows' });
      for (const row of list.rows) {
        const current = editor?.id === row.id;
        const b = h(
          'button',
          { type: 'button', class: 'row', 'data-id': row.id, 'aria-current': current ? 'true' : undefined },
          h('span', { class: 'row-name' }, row.name),
          h('span', { class: 'row-detail' }, rowDetail(row)),
        );
        const kind = tab as EntityKind;
        b.addEventListener('click', () => void openItem(kind, row.id));
        ul.append(h('li', {}, b));
      }
      parts.push(ul);
    }
    if (list.status === 'ready' && (list.total > 0 || list.cursors.length > 1)) parts.push(pager());
    box.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  function pager() {
    const page = list.cursors.length - 1;
    const shown = tab === 'duplicates' ? list.groups.length : list.rows.length;
    const from = page * PAGE_SIZE + (shown ? 1 : 0);
    const prev = h('button', { type: 'button', disabled: page === 0 }, `‹ ${t('data.list.prev')}`);
    prev.addEventListener('click', () => {
      const cursors = list.cursors.slice(0, -1);
      void loadList(cursors[cursors.length - 1], cursors);
    });
    const next = h('button', { type: 'button', disabled: !list.hasNext }, `${t('data.list.next')} ›`);
    next.addEventListener('click', () => void loadList(list.endCursor, [...list.cursors, list.endCursor]));
    return h('div', { class: 'pager' }, prev, h('span', { role: 'status' }, t('data.list.range', { from, to: page * PAGE_SIZE + shown, total: list.total })), next);
  }

  function noticeBox(notice: Notice | null, dismiss: () => void): HTMLElement | null {
    if (!notice) return null;
    const box = h(
      'div',
      { class: `notice ${notice.tone}`, role: notice.tone === 'error' ? 'alert' : 'status', tabindex: '-1', 'data-testid': 'data-notice' },
      h('div', { class: 'notice-text' }, h('p', {}, notice.text), notice.detail ? h('p', {}, notice.detail) : null),
    );
    const map = notice.map;
    if (map) {
      const b = h('button', { type: 'button', 'data-testid': 'show-on-map' }, t('data.showOnMap'));
      b.addEventListener('click', () => ctx.showOnMap(map.scope as Scope, { nodeIds: map.nodeIds, caption: map.caption, at: map.at }));
      box.append(b);
    }
    if (notice.reload) {
      const b = h('button', { type: 'button', 'data-testid': 'reload-item' }, t('data.editor.reload'));
      b.addEventListener('click', () => void reloadItem());
      box.append(b);
    }
    const close = h('button', { type: 'button', class: 'close', 'aria-label': t('data.notice.close') }, '×');
    close.addEventListener('click', () => {
      dismiss();
      box.remove();
    });
    box.append(close);
    return box;
  }

  function renderEditor() {
    const section = root.querySelector<HTMLElement>('#data-editor');
    if (!section) return;
    if (merge) return section.replaceChildren(renderMerge());
    const ed = editor;
    if (!ed) return section.replaceChildren(h('p', { class: 'state placeholder' }, t(tab === 'duplicates' ? 'data.dup.pick' : 'data.editor.placeholder')));
    const title = ed.id ? t('data.editor.edit', { name: ed.item?.name ?? '…' }) : t(`data.new.${ed.kind}`);
    const parts: (HTMLElement | null)[] = [h('h3', { tabindex: '-1' }, title), noticeBox(ed.notice, () => (ed.notice = null))];
    if (ed.status === 'loading') parts.push(h('p', { class: 'state', role: 'status' }, t('data.editor.loading')));
    else if (ed.status === 'gone') parts.push(h('p', { class: 'state' }, t('data.editor.gone')));
    else if (ed.status === 'ready') {
      if (ed.season) parts.push(seasonBox(ed));
      parts.push(renderForm(ed));
      if (ed.id && ed.item) parts.push(...renderRelations(ed));
    }
    section.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  function seasonBox(ed: Editor) {
    const season = ed.season!;
    const box = h('div', { class: 'season' }, h('p', {}, t('data.season.continues', { name: season.name })));
    if (season.participants.length) {
      const check = h('input', { type: 'checkbox', id: 'data-season-copy', checked: season.copy, 'data-edit': true });
      check.addEventListener('change', () => (season.copy = check.checked));
      box.append(h('label', { class: 'check' }, check, t('data.season.copy', { n: season.participants.length })));
    }
    return box;
  }

  // ── the form ───────────────────────────────────────────────────────────────────────────────

  function renderForm(ed: Editor) {
    const form = h('form', { class: 'data-form', novalidate: true, 'data-testid': 'data-form', 'data-kind': ed.kind });
    form.append(h('div', { id: 'data-f-_form-error', class: 'form-error', role: 'alert', hidden: true }));
    const grid = h('div', { class: 'form-grid' });
    for (const f of FORM_FIELDS[ed.kind]) grid.append(fieldRow(ed, f));
    form.append(grid);
    const submit = h('button', { type: 'submit', class: 'primary', id: 'data-save', 'data-edit': true }, t(ed.id ? 'data.save' : 'data.create'));
    const actions = h('div', { class: 'form-actions' }, submit);
    const cancel = h('button', { type: 'button' }, t('data.cancel'));
    cancel.addEventListener('click', () => {
      if (ed.id) void openItem(ed.kind, ed.id);
      else {
        editor = null;
        renderEditor();
      }
    });
    actions.append(cancel);
    if (ed.id && ed.kind === 'activity') {
      const next = h('button', { type: 'button', 'data-edit': true, 'data-testid': 'next-season' }, t('data.season.next'));
      next.addEventListener('click', startNextSeason);
      actions.append(next);
    }
    if (ed.id) {
      const del = h('button', { type: 'button', class: 'danger', 'data-edit': true, 'data-testid': 'data-delete' }, t('data.delete'));
      del.addEventListener('click', () => void confirmDelete());
      actions.append(del);
    }
    form.append(actions);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void save();
    });
    // Checked as soon as a field is left, so the message stands beside it while the user is there.
    form.addEventListener('focusout', (e) => {
      const name = (e.target as HTMLElement).getAttribute('name');
      if (!name || !editor) return;
      const all = validateForm(editor.kind, editor.values);
      if (all[name]) editor.errors[name] = all[name];
      else delete editor.errors[name];
      if (name === 'startDate' && !all.endDate) delete editor.errors.endDate;
      showErrors(false);
    });
    queueMicrotask(() => showErrors(false));
    return form;
  }

  function fieldRow(ed: Editor, f: FieldDef): HTMLElement {
    const id = `data-f-${f.name}`;
    const errorId = `${id}-error`;
    const hintId = f.hint ? `${id}-hint` : undefined;
    const describedBy = [hintId, errorId].filter(Boolean).join(' ');
    const label = h('label', { for: id }, t(`data.field.${f.name}`), f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
    const hint = f.hint ? h('p', { class: 'hint', id: hintId }, t(f.hint, hintParams(ed, f))) : null;
    const error = h('p', { class: 'field-error', id: errorId, hidden: true });
    const set = (v: FormValues[string]) => (ed.values[f.name] = v);
    const common = { id, name: f.name, 'aria-describedby': describedBy, 'data-edit': true, required: f.required };
    let control: HTMLElement;
    switch (f.kind) {
      case 'textarea': {
        const el = h('textarea', { ...common, rows: '3' });
        el.value = String(ed.values[f.name] ?? '');
        el.addEventListener('input', () => set(el.value));
        control = el;
        break;
      }
      case 'select':
      case 'municipality':
      case 'region': {
        const el = h('select', common);
        const options = selectOptions(ed, f);
        el.append(...options.map(([value, text]) => h('option', { value }, text)));
        el.value = String(ed.values[f.name] ?? '');
        el.addEventListener('change', () => {
          set(el.value);
          if (f.name === 'kind') refreshHint(ed, 'sector');
        });
        control = el;
        if (f.name === 'kind') queueMicrotask(() => refreshHint(ed, 'sector'));
        break;
      }
      case 'checkbox': {
        const el = h('input', { ...common, type: 'checkbox', checked: ed.values[f.name] === true });
        el.addEventListener('change', () => set(el.checked));
        return h('div', { class: 'form-row check-row', 'data-field': f.name }, h('label', { class: 'check', for: id }, el, t(`data.field.${f.name}`)), hint, error);
      }
      case 'networks':
      case 'methods':
      case 'targetGroups': {
        const chosen = new Set(ed.values[f.name] as string[]);
        const boxes = termOptions(f).map(([value, text]) => {
          const el = h('input', { type: 'checkbox', name: f.name, value, checked: chosen.has(value), 'data-edit': true });
          el.addEventListener('change', () => {
            if (el.checked) chosen.add(value);
            else chosen.delete(value);
            set([...chosen]);
          });
          return h('label', { class: 'check' }, el, text);
        });
        return h(
          'fieldset',
          { class: 'form-row terms', 'data-field': f.name, 'aria-describedby': describedBy },
          h('legend', {}, t(`data.field.${f.name}`)),
          boxes.length ? h('div', { class: 'term-list' }, ...boxes) : h('p', { class: 'hint' }, t('data.field.noOptions')),
          hint,
          error,
        );
      }
      case 'ref': {
        const finder = f.ref === 'project' ? api.findProjects : api.findActivities;
        const p = picker({
          id,
          name: f.name,
          label: t(`data.field.${f.name}`),
          find: async (q) => (await finder(q)).filter((c) => c.id !== ed.id),
          value: ed.values[f.name] ? { id: String(ed.values[f.name]), label: ed.refLabels[f.name] || String(ed.values[f.name]) } : null,
          onChange: (c) => {
            set(c?.id ?? '');
            ed.refLabels[f.name] = c?.label ?? '';
          },
          describedBy,
        });
        return h('div', { class: 'form-row', 'data-field': f.name }, p, hint, error);
      }
      default: {
        const type = f.kind === 'date' ? 'date' : 'text';
        const el = h('input', { ...common, type, inputmode: f.kind === 'money' ? 'decimal' : undefined, autocomplete: 'off' });
        el.value = String(ed.values[f.name] ?? '');
        // A half-typed date reads as '' with badInput set: keep it as text the date check refuses.
        const read = () => set(f.kind === 'date' && el.validity.badInput ? 'incomplete' : el.value);
        el.addEventListener('input', read);
        el.addEventListener('change', read);
        control = el;
      }
    }
    return h('div', { class: 'form-row', 'data-field': f.name }, label, control, hint, error);
  }

  function hintParams(ed: Editor, f: FieldDef): Record<string, string> {
    return f.name === 'sector' ? { sector: t(`sector.${DEFAULT_SECTOR[ed.values.kind as OrganisationKind]}`) } : {};
  }

  function refreshHint(ed: Editor, field: string) {
    const option = root.querySelector<HTMLOptionElement>(`#data-f-${field} option[value=""]`);
    if (option && field === 'sector') option.textContent = t('data.field.sector.default', { sector: t(`sector.${DEFAULT_SECTOR[ed.values.kind as OrganisationKind]}`) });
  }

  function selectOptions(ed: Editor, f: FieldDef): [string, string][] {
    // A stored value missing from the list (not loaded, or retired) stays selectable, so saving keeps it.
    const keep = (options: [string, string][]) => {
      const value = String(ed.values[f.name] ?? '');
      return value && !options.some(([v]) => v === value) ? [...options, [value, value] as [string, string]] : options;
    };
    if (f.kind === 'municipality') {
      const ms = [...(ctx.catalogue()?.municipalities ?? [])].sort((a, b) => municipalityName(a.code).localeCompare(municipalityName(b.code), lang()));
      return keep([['', t('data.field.none')], ...ms.map((m): [string, string] => [m.code, municipalityName(m.code)])]);
    }
    if (f.kind === 'region') {
      return keep([['', t('data.field.none')], ...regions.map((r): [string, string] => [r.code, lang() === 'sv' ? r.nameSv : r.name])]);
    }
    const options: [string, string][] = (f.options ?? []).map((v) => [v, t(`${f.optionPrefix}${v}`)]);
    if (f.emptyOption) options.unshift(['', t(f.emptyOption, { sector: t(`sector.${DEFAULT_SECTOR[ed.values.kind as OrganisationKind]}`) })]);
    return options;
  }

  function termOptions(f: FieldDef): [string, string][] {
    const cat = ctx.catalogue();
    if (f.kind === 'networks') return (cat?.networks ?? []).map((n) => [n.id, n.name]);
    const terms = f.kind === 'methods' ? cat?.methods : cat?.targetGroups;
    return (terms ?? []).map((x) => [x.id, lang() === 'sv' ? x.nameSv : lang() === 'en' ? x.nameEn : x.nameFi]);
  }

  function municipalityName(code: string): string {
    const m = ctx.catalogue()?.municipalities.find((x) => x.code === code);
    return m ? (lang() === 'sv' ? m.nameSv : m.name) : code;
  }

  /** Writes each field's message beside it (or clears it); on submit, moves focus to the first one. */
  function showErrors(focusFirst: boolean) {
    const ed = editor;
    if (!ed) return;
    const form = root.querySelector<HTMLFormElement>('#data-editor form.data-form');
    if (!form) return;
    let first: HTMLElement | null = null;
    for (const name of [FORM_LEVEL, ...FORM_FIELDS[ed.kind].map((f) => f.name)]) {
      const box = form.querySelector<HTMLElement>(`#data-f-${name}-error`);
      const message = ed.errors[name];
      const control = form.querySelector<HTMLElement>(`#data-f-${name}`);
      if (box) {
        box.hidden = !message;
        box.textContent = message ? say(message) : '';
      }
      control?.setAttribute('aria-invalid', String(!!message));
      if (message && !first) first = control ?? box;
    }
    if (focusFirst && first) first.focus();
  }

  function renderSaveButton() {
    const b = root.querySelector<HTMLButtonElement>('#data-save');
    if (!b || !editor) return;
    b.disabled = editor.saving;
    b.textContent = editor.saving ? t('data.saving') : t(editor.id ? 'data.save' : 'data.create');
  }

  // ── participations, coordination, budget responsibility ────────────────────────────────────

  function renderRelations(ed: Editor): HTMLElement[] {
    const item = ed.item!;
    const rows = api.participationsOf(ed.kind, item);
    const parts: HTMLElement[] = [];
    if (ed.kind === 'organisation') {
      const merged = (item.mergedFrom as { id: string; name: string; businessId: string | null; mergedAt: string }[] | undefined) ?? [];
      if (merged.length) {
        parts.push(
          h(
            'section',
            { class: 'relations', 'data-testid': 'merged-from' },
            h('h4', {}, t('data.merged.title')),
            h(
              'ul',
              {},
              ...merged.map((m) =>
                h(
                  'li',
                  {},
                  t(m.businessId ? 'data.merged.itemWithId' : 'data.merged.item', {
                    name: m.name,
                    businessId: m.businessId ?? '',
                    date: formatDate(lang(), m.mergedAt.slice(0, 10)),
                  }),
                ),
              ),
            ),
          ),
        );
      }
      parts.push(participationSection(ed, rows, 'organisation'));
      return parts;
    }
    if (ed.kind === 'network') {
      parts.push(coordinationSection(ed, rows));
      parts.push(budgetSection(ed, rows));
    }
    parts.push(participationSection(ed, rows, 'target'));
    return parts;
  }

  function participationTable(ed: Editor, rows: api.ParticipationRow[], side: 'organisation' | 'target', testid: string) {
    if (!rows.length) return h('p', { class: 'state' }, t('data.rel.none'));
    const table = h(
      'table',
      { class: 'rel-table', 'data-testid': testid },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[side === 'organisation' ? 'data.rel.target' : 'data.rel.organisation', 'data.rel.role', 'data.rel.period', 'data.rel.actions'].map((k) =>
            h('th', { scope: 'col' }, t(k)),
          ),
        ),
      ),
    );
    const body = h('tbody');
    for (const p of rows) {
      const who = side === 'organisation' ? `${p.targetName} (${t(`data.target.${p.targetKind}`)})` : (p.organisation?.name ?? p.organisationId);
      const actions = h('div', { class: 'rel-actions' });
      if (!p.validTo) {
        const end = h('button', { type: 'button', 'data-edit': true }, t('data.rel.end'));
        end.addEventListener('click', () => {
          const date = h('input', { type: 'date', 'aria-label': t('data.rel.endOn'), 'data-edit': true, min: p.validFrom ?? undefined });
          const ok = h('button', { type: 'button', 'data-edit': true }, t('data.rel.endConfirm'));
          const err = h('span', { class: 'field-error', role: 'alert' });
          ok.addEventListener('click', async () => {
            if (!date.value) return void (err.textContent = t('data.error.dateRequired'));
            try {
              await api.endParticipation(p.id, date.value);
              ed.notice = { text: t('data.rel.ended', { org: p.organisation?.name ?? '', target: p.targetName, date: formatDate(lang(), date.value) }), tone: 'ok' };
              await reloadItem();
            } catch (e) {
              err.textContent = say(placeServerProblem([], firstProblem(e)).message);
            }
          });
          actions.replaceChildren(date, ok, err);
          date.focus();
        });
        actions.append(end);
      }
      const remove = h('button', { type: 'button', class: 'danger', 'data-edit': true }, t('data.rel.remove'));
      remove.addEventListener('click', async () => {
        const yes = await ask({
          title: t('data.rel.removeTitle'),
          body: [h('p', {}, t('data.rel.removeAsk', { org: p.organisation?.name ?? '', target: p.targetName, role: t(`role.${p.role}`) }))],
          confirm: t('data.rel.remove'),
          danger: true,
        });
        if (!yes) return;
        try {
          await api.removeParticipation(p.id);
          ed.notice = { text: t('data.rel.removed'), tone: 'ok' };
        } catch (e) {
          ed.notice = { text: say(placeServerProblem([], firstProblem(e)).message), tone: 'error' };
        }
        await reloadItem();
      });
      actions.append(remove);
      body.append(h('tr', {}, h('td', {}, who), h('td', {}, t(`role.${p.role}`)), h('td', {}, formatPeriod(lang(), p.validFrom, p.validTo)), h('td', {}, actions)));
    }
    table.append(body);
    return table;
  }

  function participationSection(ed: Editor, rows: api.ParticipationRow[], side: 'organisation' | 'target') {
    const title = side === 'organisation' ? 'data.rel.participations' : ed.kind === 'network' ? 'data.rel.members' : 'data.rel.participants';
    return h(
      'section',
      { class: 'relations', 'data-testid': 'participations' },
      h('h4', {}, t(title)),
      participationTable(ed, rows, side, 'participation-table'),
      participationForm(ed, side),
    );
  }

  /** Add a participation: the item is one end, the user picks the other, a role that fits and the dates. */
  function participationForm(ed: Editor, side: 'organisation' | 'target', fixedRole?: string) {
    const item = ed.item!;
    const ownKind = ed.kind === 'organisation' ? null : (ed.kind.toUpperCase() as 'PROJECT' | 'ACTIVITY' | 'NETWORK');
    const v = {
      organisationId: side === 'organisation' ? item.id : '',
      targetId: side === 'target' ? item.id : '',
      targetKind: ownKind,
      role: fixedRole ?? '',
      validFrom: '',
      validTo: '',
    };
    const prefix = fixedRole ? `data-budget` : 'data-p';
    const form = h('form', { class: 'rel-form', novalidate: true, 'data-testid': fixedRole ? 'budget-form' : 'participation-form' });
    const errors: Record<string, HTMLElement> = {};
    const errorBox = (name: string) => (errors[name] = h('p', { class: 'field-error', id: `${prefix}-${name}-error`, hidden: true }));
    const roleSelect = h('select', { id: `${prefix}-role`, name: 'role', 'data-edit': true, 'aria-describedby': `${prefix}-role-error` });
    const fillRoles = () => {
      const roles = rolesFor(v.targetKind);
      roleSelect.replaceChildren(
        h('option', { value: '' }, t(v.targetKind ? 'data.rel.chooseRole' : 'data.rel.chooseTargetFirst')),
        ...roles.map((r) => h('option', { value: r }, t(`role.${r}`))),
      );
      if (!roles.includes(v.role as never)) v.role = '';
      roleSelect.value = v.role;
    };
    roleSelect.addEventListener('change', () => (v.role = roleSelect.value));
    const other =
      side === 'organisation'
        ? picker({
            id: `${prefix}-targetId`,
            name: 'targetId',
            label: t('data.rel.target'),
            find: api.findTargets,
            value: null,
            describedBy: `${prefix}-targetId-error`,
            onChange: (c) => {
              v.targetId = c?.id ?? '';
              v.targetKind = c && c.kind !== 'ORGANISATION' ? c.kind : null;
              fillRoles();
            },
          })
        : picker({
            id: `${prefix}-organisationId`,
            name: 'organisationId',
            label: t('data.rel.organisation'),
            find: api.findOrganisations,
            value: null,
            describedBy: `${prefix}-organisationId-error`,
            onChange: (c) => (v.organisationId = c?.id ?? ''),
          });
    const otherName = side === 'organisation' ? 'targetId' : 'organisationId';
    const dateInput = (name: 'validFrom' | 'validTo') => {
      const el = h('input', { type: 'date', id: `${prefix}-${name}`, name, 'data-edit': true, 'aria-describedby': `${prefix}-${name}-error` });
      el.addEventListener('change', () => (v[name] = el.validity.badInput ? 'incomplete' : el.value));
      el.addEventListener('input', () => (v[name] = el.validity.badInput ? 'incomplete' : el.value));
      return el;
    };
    fillRoles();
    const submit = h(
      'button',
      { type: 'submit', class: 'primary', 'data-edit': true },
      t(fixedRole ? 'data.budget.add' : side === 'organisation' ? 'data.rel.addTo' : 'data.rel.add'),
    );
    const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const cells = [h('div', { class: 'form-row' }, other, errorBox(otherName))];
    if (!fixedRole) cells.push(h('div', { class: 'form-row' }, h('label', { for: `${prefix}-role` }, t('data.rel.role')), roleSelect, errorBox('role')));
    cells.push(
      h('div', { class: 'form-row' }, h('label', { for: `${prefix}-validFrom` }, t('data.field.validFrom')), dateInput('validFrom'), errorBox('validFrom')),
      h('div', { class: 'form-row' }, h('label', { for: `${prefix}-validTo` }, t('data.field.validTo')), dateInput('validTo'), errorBox('validTo')),
    );
    form.append(
      h('h5', {}, t(fixedRole ? 'data.budget.add' : side === 'organisation' ? 'data.rel.addTo' : 'data.rel.add')),
      h('div', { class: 'rel-grid' }, ...cells),
      formError,
      h('div', { class: 'form-actions' }, submit),
    );
    const show = (errs: FieldErrors) => {
      let first: HTMLElement | null = null;
      for (const [name, box] of Object.entries(errors)) {
        const m = errs[name];
        box.hidden = !m;
        box.textContent = m ? say(m) : '';
        const control = form.querySelector<HTMLElement>(`#${prefix}-${name}`);
        control?.setAttribute('aria-invalid', String(!!m));
        if (m && !first) first = control;
      }
      formError.hidden = !errs[FORM_LEVEL];
      formError.textContent = errs[FORM_LEVEL] ? say(errs[FORM_LEVEL]) : '';
      (first as HTMLElement | null)?.focus();
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const errs = validateParticipation(v);
      show(errs);
      if (Object.keys(errs).length) return;
      submit.disabled = true;
      try {
        await api.addParticipation({ organisationId: v.organisationId, targetId: v.targetId, role: v.role, validFrom: v.validFrom || null, validTo: v.validTo || null });
        const orgName = side === 'organisation' ? item.name : pickedLabel(form, otherName);
        const targetName = side === 'organisation' ? pickedLabel(form, otherName) : item.name;
        const text = t('data.rel.added', { org: orgName, target: targetName, role: t(`role.${v.role}`) });
        const scope = side === 'organisation' ? await scopeOfTarget(v.targetKind!, v.targetId) : mapScopeOf(ed.kind, item as { id: string });
        ed.notice = {
          text,
          tone: 'ok',
          map: scope
            ? { scope, nodeIds: [v.organisationId, v.targetId], caption: t('data.map.participation', { org: orgName, target: targetName }), at: v.validFrom || undefined }
            : undefined,
        };
        await reloadItem();
        root.querySelector<HTMLElement>('#data-editor .notice')?.focus();
      } catch (err) {
        submit.disabled = false;
        const placed = placeServerProblem(['organisationId', 'targetId', 'role', 'validFrom', 'validTo'], firstProblem(err));
        show({ [placed.field]: placed.message });
      }
    });
    return form;
  }

  function pickedLabel(form: HTMLElement, name: string): string {
    return form.querySelector<HTMLElement>(`[data-picker="${name}"] .picked-name`)?.textContent ?? '';
  }

  function coordinationSection(ed: Editor, rows: api.ParticipationRow[]) {
    const item = ed.item!;
    const coordinator = item.coordinator as { id: string; name: string } | null;
    const terms = rows.filter((p) => p.role === 'COORDINATOR').sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
    const v = { organisationId: '', from: '' };
    const form = h('form', { class: 'rel-form', novalidate: true, 'data-testid': 'coordination-form' });
    const orgError = h('p', { class: 'field-error', id: 'data-c-organisationId-error', hidden: true });
    const fromError = h('p', { class: 'field-error', id: 'data-c-from-error', hidden: true });
    const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const from = h('input', { type: 'date', id: 'data-c-from', name: 'from', 'data-edit': true, 'aria-describedby': 'data-c-from-error' });
    from.addEventListener('change', () => (v.from = from.value));
    from.addEventListener('input', () => (v.from = from.validity.badInput ? 'incomplete' : from.value));
    const who = picker({
      id: 'data-c-organisationId',
      name: 'organisationId',
      label: t('data.coord.who'),
      find: api.findOrganisations,
      value: null,
      describedBy: 'data-c-organisationId-error',
      onChange: (c) => (v.organisationId = c?.id ?? ''),
    });
    const submit = h('button', { type: 'submit', class: 'primary', 'data-edit': true }, t('data.coord.handover'));
    form.append(
      h(
        'div',
        { class: 'rel-grid' },
        h('div', { class: 'form-row' }, who, orgError),
        h('div', { class: 'form-row' }, h('label', { for: 'data-c-from' }, t('data.coord.from')), from, fromError),
      ),
      h('p', { class: 'hint' }, t('data.coord.hint')),
      formError,
      h('div', { class: 'form-actions' }, submit),
    );
    const show = (errs: FieldErrors) => {
      for (const [box, name] of [
        [orgError, 'organisationId'],
        [fromError, 'from'],
        [formError, FORM_LEVEL],
      ] as const) {
        box.hidden = !errs[name];
        box.textContent = errs[name] ? say(errs[name]) : '';
      }
      if (errs.organisationId) form.querySelector<HTMLElement>('#data-c-organisationId')?.focus();
      else if (errs.from) from.focus();
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const errs = validateCoordination(v);
      show(errs);
      if (Object.keys(errs).length) return;
      submit.disabled = true;
      try {
        await api.setCoordinator(item.id, v.organisationId, v.from);
        const name = pickedLabel(form, 'organisationId');
        ed.notice = {
          text: t('data.coord.done', { name, date: formatDate(lang(), v.from) }),
          tone: 'ok',
          map: { scope: { type: 'network', id: item.id }, nodeIds: [v.organisationId, item.id], caption: t('data.map.caption', { name }), at: v.from },
        };
        await reloadItem();
      } catch (err) {
        submit.disabled = false;
        const placed = placeServerProblem(['organisationId', 'from'], firstProblem(err));
        show({ [placed.field]: placed.message });
      }
    });
    return h(
      'section',
      { class: 'relations', 'data-testid': 'coordination' },
      h('h4', {}, t('data.coord.title')),
      h('p', {}, coordinator ? t('data.coord.now', { name: coordinator.name }) : t('data.coord.nobody')),
      terms.length
        ? h(
            'div',
            {},
            h('h5', {}, t('data.coord.terms')),
            h(
              'ul',
              { 'data-testid': 'coordination-terms' },
              ...terms.map((p) => h('li', {}, `${p.organisation?.name ?? p.organisationId} · ${formatPeriod(lang(), p.validFrom, p.validTo)}`)),
            ),
          )
        : null,
      form,
    );
  }

  function budgetSection(ed: Editor, rows: api.ParticipationRow[]) {
    const holders = rows.filter((p) => p.role === 'BUDGET_HOLDER');
    return h(
      'section',
      { class: 'relations', 'data-testid': 'budget' },
      h('h4', {}, t('data.budget.title')),
      h('p', { class: 'hint' }, t('data.budget.lead')),
      holders.length
        ? h('ul', {}, ...holders.map((p) => h('li', {}, `${p.organisation?.name ?? p.organisationId} · ${formatPeriod(lang(), p.validFrom, p.validTo)}`)))
        : h('p', { class: 'state' }, t('data.budget.none')),
      participationForm(ed, 'target', 'BUDGET_HOLDER'),
    );
  }

  // ── duplicates and merging ─────────────────────────────────────────────────────────────────

  function renderGroups() {
    const ul = h('ul', { class: 'groups', 'data-testid': 'duplicate-groups' });
    for (const g of list.groups) {
      const open = h('button', { type: 'button', 'data-edit': true, 'data-testid': 'open-merge' }, t('data.dup.open'));
      open.addEventListener('click', () => {
        editor = null;
        const keep = g.members[0];
        const preview = mergePreview(asMember(keep), g.members.slice(1).map(asMember));
        // Organisations that cannot be merged (another business ID) start unticked.
        const blocked = new Set(g.members.filter((m) => m.businessId && keep.businessId && m.businessId !== keep.businessId).map((m) => m.id));
        merge = { group: g, keepId: keep.id, mergeIds: new Set(preview.removed.map((m) => m.id).filter((id) => !blocked.has(id))), notice: null, busy: false };
        renderEditor();
        root.querySelector<HTMLElement>('#data-editor h3')?.focus();
      });
      ul.append(
        h(
          'li',
          { class: 'group' },
          h('p', { class: 'group-reason' }, t(`data.dup.reason.${g.reason}`, { key: g.key })),
          h('ul', {}, ...g.members.map((m) => h('li', {}, h('strong', {}, m.name), h('span', { class: 'row-detail' }, memberDetail(m))))),
          open,
        ),
      );
    }
    return ul;
  }

  function memberDetail(m: api.DuplicateMember): string {
    return [t(`kind.${m.kind}`), m.businessId ?? '', m.municipalityCode ? municipalityName(m.municipalityCode) : '', plural('data.dup.participations', m.participations.length)]
      .filter(Boolean)
      .join(' · ');
  }

  const plural = (key: string, n: number, params: Record<string, string | number> = {}) => t(`${key}.${n === 1 ? 'one' : 'other'}`, { ...params, n });

  function asMember(m: api.DuplicateMember): MergeMember {
    return { id: m.id, name: m.name, businessId: m.businessId, website: m.website, municipalityCode: m.municipalityCode, participations: m.participations };
  }

  function renderMerge(): HTMLElement {
    const m = merge!;
    const g = m.group;
    const keep = g.members.find((x) => x.id === m.keepId)!;
    const chosen = g.members.filter((x) => x.id !== m.keepId && m.mergeIds.has(x.id));
    const preview = mergePreview(asMember(keep), chosen.map(asMember));
    const wrap = h(
      'div',
      { class: 'merge', 'data-testid': 'merge' },
      h('h3', { tabindex: '-1' }, t('data.dup.title')),
      h('p', { class: 'hint' }, t(`data.dup.reason.${g.reason}`, { key: g.key })),
    );
    const note = noticeBox(m.notice, () => (m.notice = null));
    if (note) wrap.append(note);
    const table = h(
      'table',
      { class: 'rel-table merge-table' },
      h('thead', {}, h('tr', {}, ...['data.dup.keep', 'data.dup.merge', 'data.rel.organisation'].map((k) => h('th', { scope: 'col' }, t(k))))),
    );
    const body = h('tbody');
    for (const member of g.members) {
      const isKeep = member.id === m.keepId;
      const radio = h('input', {
        type: 'radio',
        name: 'merge-keep',
        value: member.id,
        checked: isKeep,
        'data-edit': true,
        'aria-label': t('data.dup.keepName', { name: member.name }),
      });
      radio.addEventListener('change', () => {
        m.keepId = member.id;
        m.mergeIds = new Set(g.members.filter((x) => x.id !== member.id).map((x) => x.id));
        renderEditor();
        root.querySelector<HTMLElement>(`input[name=merge-keep][value="${CSS.escape(member.id)}"]`)?.focus();
      });
      const box = h('input', {
        type: 'checkbox',
        value: member.id,
        checked: !isKeep && m.mergeIds.has(member.id),
        disabled: isKeep,
        'data-edit': true,
        'aria-label': t('data.dup.mergeName', { name: member.name }),
      });
      box.addEventListener('change', () => {
        if (box.checked) m.mergeIds.add(member.id);
        else m.mergeIds.delete(member.id);
        renderEditor();
        root.querySelector<HTMLElement>(`input[type=checkbox][value="${CSS.escape(member.id)}"]`)?.focus();
      });
      body.append(h('tr', {}, h('td', {}, radio), h('td', {}, box), h('td', {}, h('strong', {}, member.name), h('span', { class: 'row-detail' }, memberDetail(member)))));
    }
    table.append(body);
    wrap.append(table);

    const prev = h('section', { class: 'relations', 'data-testid': 'merge-preview' }, h('h4', {}, t('data.dup.preview')));
    if (preview.conflict) prev.append(h('p', { class: 'form-error', role: 'alert' }, t('data.dup.conflict', preview.conflict)));
    if (!chosen.length) prev.append(h('p', { class: 'state' }, t('data.dup.nothing')));
    else {
      prev.append(h('p', {}, t('data.dup.survives', { name: keep.name })));
      prev.append(h('p', {}, t('data.dup.removes', { names: chosen.map((x) => x.name).join(', ') })));
      const moveItem = (p: (typeof preview.moves)[number]) =>
        h(
          'li',
          {},
          `${p.targetName} · ${t(`role.${p.role}`)} · ${formatPeriod(lang(), p.validFrom, p.validTo)}`,
          h('span', { class: 'row-detail' }, t('data.dup.from', { name: p.fromName })),
        );
      prev.append(h('h5', {}, plural('data.dup.moves', preview.moves.length)));
      if (preview.moves.length) prev.append(h('ul', { 'data-testid': 'merge-moves' }, ...preview.moves.map(moveItem)));
      if (preview.alreadyThere.length) prev.append(h('h5', {}, plural('data.dup.alreadyThere', preview.alreadyThere.length)), h('ul', {}, ...preview.alreadyThere.map(moveItem)));
      for (const x of preview.takesOver) {
        const value = x.field === 'municipalityCode' ? municipalityName(x.value) : x.value;
        prev.append(h('p', {}, t('data.dup.takesOver', { field: t(`data.field.${x.field}`), value, from: x.fromName })));
      }
      prev.append(h('p', { class: 'hint' }, t('data.dup.record')));
    }
    wrap.append(prev);
    const go = h(
      'button',
      { type: 'button', class: 'primary', 'data-edit': true, 'data-testid': 'merge-confirm', disabled: !chosen.length || !!preview.conflict || m.busy },
      plural('data.dup.confirm', chosen.length + 1),
    );
    go.addEventListener('click', () => void runMerge(keep, chosen));
    wrap.append(h('div', { class: 'form-actions' }, go));
    return wrap;
  }

  async function runMerge(keep: api.DuplicateMember, chosen: api.DuplicateMember[]) {
    const m = merge;
    if (!m) return;
    const ok = await ask({
      title: t('data.dup.confirmTitle', { name: keep.name }),
      body: [h('p', {}, t('data.dup.confirmBody', { names: chosen.map((x) => x.name).join(', '), name: keep.name })), h('p', { class: 'warning' }, t('data.confirm.irreversible'))],
      confirm: plural('data.dup.confirm', chosen.length + 1),
      danger: false,
    });
    if (!ok || merge !== m) return;
    m.busy = true;
    renderEditor();
    try {
      const result = await api.mergeOrganisations(
        keep.id,
        chosen.map((x) => x.id),
      );
      const item = await api.fetchItem('organisation', result.organisation.id);
      const text = t('data.dup.done', { name: result.organisation.name, n: result.movedRelationships });
      const map = item ? await mapLinkFor('organisation', item, [item.id], item.name) : undefined;
      merge = null;
      await openItem('organisation', result.organisation.id, { text, tone: 'ok', map });
      reloadCurrentPage();
    } catch (e) {
      m.busy = false;
      m.notice = { text: say(placeServerProblem([], firstProblem(e)).message), tone: 'error' };
      renderEditor();
    }
  }

  // ── shared pieces ──────────────────────────────────────────────────────────────────────────

  function firstProblem(e: unknown): ApiProblem {
    return e instanceof ApiError && e.problems.length ? e.problems[0] : { message: problemText(e) };
  }

  /** A search-as-you-type chooser of one item; the choice shows as a named chip that can be cleared. */
  function picker(o: {
    id: string;
    name: string;
    label: string;
    find: (text: string) => Promise<api.Choice[]>;
    value: { id: string; label: string } | null;
    onChange: (choice: api.Choice | null) => void;
    describedBy?: string;
  }): HTMLElement {
    const wrap = h('div', { class: 'picker', 'data-picker': o.name });
    const listId = `${o.id}-results`;
    const input = h('input', {
      type: 'search',
      id: o.id,
      name: o.name,
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-describedby': o.describedBy,
      autocomplete: 'off',
      placeholder: t('data.picker.placeholder'),
      'data-edit': true,
    });
    const results = h('ul', { class: 'picker-results', id: listId, hidden: true });
    const chip = h('div', { class: 'picked', hidden: true });
    let seq = 0;
    let timer: number | undefined;
    const choose = (c: api.Choice | { id: string; label: string } | null, announce = true) => {
      chip.replaceChildren();
      results.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      if (c) {
        const clear = h('button', { type: 'button', class: 'close', 'aria-label': t('data.picker.clear', { name: c.label }), 'data-edit': true }, '×');
        clear.addEventListener('click', () => {
          choose(null);
          input.focus();
        });
        chip.append(h('span', { class: 'picked-name' }, c.label), clear);
      }
      chip.hidden = !c;
      input.hidden = !!c;
      input.value = '';
      if (announce) o.onChange(c && 'kind' in c ? c : null);
    };
    const show = (choices: api.Choice[], text: string) => {
      results.replaceChildren(
        ...(choices.length
          ? choices.map((c) => {
              const b = h(
                'button',
                { type: 'button', 'data-id': c.id },
                h('span', {}, c.label),
                c.kind !== 'ORGANISATION' ? h('span', { class: 'kind' }, t(`data.target.${c.kind}`)) : null,
              );
              b.addEventListener('click', () => {
                choose(c);
                chip.querySelector<HTMLElement>('button')?.focus();
              });
              return h('li', {}, b);
            })
          : [h('li', { class: 'group' }, text.trim().length < 2 ? t('data.picker.short') : t('data.picker.none'))]),
      );
      results.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      const text = input.value;
      if (text.trim().length < 2) return show([], text);
      timer = window.setTimeout(async () => {
        const mine = ++seq;
        try {
          const found = await o.find(text);
          if (mine === seq) show(found, text);
        } catch (e) {
          if (mine === seq) results.replaceChildren(h('li', { class: 'group' }, t('data.editor.error', { message: problemText(e) })));
        }
      }, 200);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        results.querySelector<HTMLButtonElement>('button')?.focus();
      } else if (e.key === 'Escape') {
        results.hidden = true;
        input.setAttribute('aria-expanded', 'false');
      } else if (e.key === 'Enter') {
        e.preventDefault();
        results.querySelector<HTMLButtonElement>('button')?.click();
      }
    });
    results.addEventListener('keydown', (e) => {
      const buttons = [...results.querySelectorAll<HTMLButtonElement>('button')];
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (e.key === 'ArrowDown') buttons[Math.min(i + 1, buttons.length - 1)]?.focus();
      else if (e.key === 'ArrowUp') (i <= 0 ? input : buttons[i - 1]).focus();
      else if (e.key === 'Escape') {
        results.hidden = true;
        input.focus();
      } else return;
      e.preventDefault();
    });
    wrap.append(h('label', { for: o.id }, o.label), chip, input, results);
    if (o.value) choose(o.value, false);
    return wrap;
  }

  /** A modal question with the safe answer focused first; resolves true only on the confirm button. */
  function ask(o: { title: string; body: (HTMLElement | null)[]; confirm: string; danger: boolean }): Promise<boolean> {
    return new Promise((resolve) => {
      const cancel = h('button', { type: 'button', autofocus: true }, t('data.cancel'));
      const confirm = h('button', { type: 'button', class: o.danger ? 'danger' : 'primary', 'data-edit': true, 'data-testid': 'dialog-confirm' }, o.confirm);
      const dialog = h(
        'dialog',
        { class: 'confirm', 'aria-labelledby': 'data-dialog-title', 'data-testid': 'confirm-dialog' },
        h('h3', { id: 'data-dialog-title' }, o.title),
        ...o.body.filter((b): b is HTMLElement => b !== null),
        h('div', { class: 'form-actions' }, cancel, confirm),
      );
      const opener = document.activeElement as HTMLElement | null;
      let answer = false;
      cancel.addEventListener('click', () => dialog.close());
      confirm.addEventListener('click', () => {
        answer = true;
        dialog.close();
      });
      dialog.addEventListener('close', () => {
        dialog.remove();
        if (opener?.isConnected) opener.focus();
        resolve(answer);
      });
      root.append(dialog);
      dialog.showModal();
      cancel.focus();
    });
  }

  return {
    mount(el, context) {
      root = el;
      ctx = context;
      root.classList.add('data-page');
      render();
      void loadList();
      api.fetchRegions().then(
        (r) => {
          regions = r;
          if (editor?.kind === 'network') renderEditor();
        },
        () => undefined, // the region list stays empty; the rest of the form works
      );
    },
    render() {
      if (!root) return;
      render();
    },
  };
}
