/**
 * The history section of the map's node panel: the recorded changes of the selected organisation,
 * project, activity or network — who, when, what went from what to what — each with an undo.
 */
import { ApiError, gql } from './api';
import { h } from './dom';
import { EMPTY, actorName, canUndo, changeTitle, conflictReason, fieldChanges, formatDateTime, type ApiChange } from './model/change-view';
import type { Lang } from './model/i18n';

const PAGE_SIZE = 10;
const CHANGE_FIELDS = 'id at operation entityKind entityId label before after undoOf undoneBy actor { id email }';

export interface HistoryContext {
  lang(): Lang;
  t(key: string, params?: Record<string, string | number>): string;
  /** Called after an undo went through, so the map can show the data as it now is. */
  onChanged(): void;
}

interface ChangePage {
  changes: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: ApiChange[] };
}

export class HistoryPanel {
  /** One element for the panel's lifetime: the node panel re-renders around it without reloading it. */
  readonly element = h('section', { class: 'history', 'aria-labelledby': 'history-title', 'data-testid': 'history' });
  private entityId: string | null = null;
  private changes: ApiChange[] = [];
  private total = 0;
  private cursor: string | null = null;
  private hasMore = false;
  private status: 'loading' | 'ready' | 'error' = 'loading';
  private error = '';
  private notice: { text: string; kind: 'ok' | 'error' } | null = null;
  private undoing: string | null = null;
  private seq = 0;

  constructor(private readonly ctx: HistoryContext) {}

  /** The history of `entityId`, loaded when the selection moves to it, otherwise just drawn again. */
  show(entityId: string): HTMLElement {
    if (entityId !== this.entityId) {
      this.entityId = entityId;
      this.notice = null;
      void this.load(false);
    } else {
      this.render();
    }
    return this.element;
  }

  private async load(more: boolean) {
    const seq = ++this.seq;
    if (!more) {
      this.status = 'loading';
      this.render();
    }
    try {
      const { changes } = await gql<ChangePage>(
        `query History($id: ID!, $after: String) { changes(entityId: $id, first: ${PAGE_SIZE}, after: $after) {
          totalCount pageInfo { endCursor hasNextPage } nodes { ${CHANGE_FIELDS} } } }`,
        { id: this.entityId, after: more ? this.cursor : null },
      );
      if (seq !== this.seq) return;
      this.changes = more ? [...this.changes, ...changes.nodes] : changes.nodes;
      this.total = changes.totalCount;
      this.cursor = changes.pageInfo.endCursor;
      this.hasMore = changes.pageInfo.hasNextPage;
      this.status = 'ready';
    } catch (e) {
      if (seq !== this.seq) return;
      this.status = 'error';
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.render();
  }

  private async undo(change: ApiChange) {
    const { t } = this.ctx;
    const title = changeTitle(this.ctx.lang(), change);
    this.undoing = change.id;
    this.notice = null;
    this.render();
    try {
      await gql(`mutation Undo($id: ID!) { undoChange(id: $id) { id } }`, { id: change.id });
      this.notice = { kind: 'ok', text: t('history.undone', { title }) };
      this.undoing = null;
      await this.load(false);
      this.ctx.onChanged();
    } catch (e) {
      this.undoing = null;
      const refused = e instanceof ApiError && e.code === 'CONFLICT';
      this.notice = {
        kind: 'error',
        text: refused ? conflictReason(this.ctx.lang(), e) : t('history.failed', { message: e instanceof Error ? e.message : String(e) }),
      };
      this.render();
    }
    this.element.querySelector<HTMLElement>('.history-notice')?.focus();
  }

  private render() {
    const { t } = this.ctx;
    const lang = this.ctx.lang();
    const parts: (HTMLElement | null)[] = [h('h3', { id: 'history-title' }, t('history.title'))];
    if (this.notice) {
      parts.push(
        h(
          'p',
          { class: `history-notice ${this.notice.kind}`, role: this.notice.kind === 'error' ? 'alert' : 'status', tabindex: '-1', 'data-testid': 'history-notice' },
          this.notice.text,
        ),
      );
    }
    if (this.status === 'loading' && this.changes.length === 0) {
      parts.push(h('p', { class: 'meta', role: 'status' }, t('history.loading')));
    } else if (this.status === 'error') {
      const retry = h('button', { type: 'button' }, t('history.retry'));
      retry.addEventListener('click', () => void this.load(false));
      parts.push(h('p', { class: 'meta', role: 'alert' }, t('history.error', { message: this.error })), retry);
    } else if (this.changes.length === 0) {
      parts.push(h('p', { class: 'meta' }, t('history.empty')));
    } else {
      parts.push(h('ol', { class: 'changes' }, ...this.changes.map((c) => this.item(c, lang))));
      const more = this.hasMore ? h('button', { type: 'button', class: 'link' }, t('history.more')) : null;
      more?.addEventListener('click', () => void this.load(true));
      parts.push(h('p', { class: 'meta' }, t('history.count', { shown: this.changes.length, total: this.total }), ' ', more));
    }
    this.element.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  private item(change: ApiChange, lang: Lang): HTMLElement {
    const { t } = this.ctx;
    const title = changeTitle(lang, change);
    const fields = fieldChanges(change, lang);
    const diff = fields.length
      ? h(
          'dl',
          { class: 'diff' },
          ...fields.map((f) =>
            h(
              'div',
              {},
              h('dt', {}, f.label),
              h('dd', {}, value('del', t('history.before'), f.before), f.before && f.after ? ' → ' : null, value('ins', t('history.after'), f.after)),
            ),
          ),
        )
      : null;
    let action: HTMLElement | null = null;
    if (change.undoneBy) {
      action = h('span', { class: 'badge ended' }, t('history.undoneBadge'));
    } else if (canUndo(change)) {
      const busy = this.undoing === change.id;
      const button = h(
        'button',
        { type: 'button', class: 'undo', 'data-edit': true, 'data-change-id': change.id, 'aria-label': t('history.undoLabel', { title }), disabled: this.undoing !== null },
        busy ? t('history.undoing') : t(change.operation === 'UNDO' ? 'history.redo' : 'history.undo'),
      );
      button.addEventListener('click', () => void this.undo(change));
      action = button;
    }
    return h(
      'li',
      { class: `change${change.undoneBy ? ' undone' : ''}`, 'data-change-id': change.id, 'data-operation': change.operation },
      h('p', { class: 'what' }, title),
      h('p', { class: 'sub' }, `${formatDateTime(lang, change.at)} · ${actorName(lang, change.actor)}`),
      diff,
      action,
    );
  }
}

/** A value struck out (before) or marked new (after); an empty value is just the dash. */
function value(tag: 'del' | 'ins', which: string, text: string): HTMLElement | null {
  if (!text) return null;
  if (text === EMPTY) return h('span', { 'aria-label': `${which}: ${text}` }, text);
  return h(tag, { 'aria-label': `${which}: ${text}` }, text);
}
