/**
 * Pure logic of the history panel: what a recorded change says to a reader — who, when, which
 * fields went from what to what — and a refused undo in words. No DOM; tested in Node.
 */
import type { ChangeEntityKind, ChangeOperation } from '@verkosto/domain/history';
import { formatDate, translate, type Lang } from './i18n';

/** A change as the panel asks for it from the API (`before` and `after` are JSON text). */
export interface ApiChange {
  id: string;
  at: string;
  operation: ChangeOperation;
  entityKind: ChangeEntityKind;
  entityId: string;
  label: string;
  before: string | null;
  after: string | null;
  undoOf: string | null;
  undoneBy: string | null;
  actor: { id: string; email: string | null };
}

/** One field's values before and after, ready to show. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Bookkeeping fields: they move on every write or never matter to a reader. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'sortKey', 'searchText', 'targetKind', 'organisationId', 'targetId']);

/** What a tie shows when it is added or removed as a whole. */
const TIE_FIELDS = ['role', 'validFrom', 'validTo', 'source'];

type State = Record<string, unknown>;

const parse = (json: string | null): State | null => (json ? (JSON.parse(json) as State) : null);

/**
 * The fields a change set, in the order the entity lists them. An update shows each changed field;
 * a tie added or removed shows its role, period and source.
 */
export function fieldChanges(change: ApiChange, lang: Lang): FieldChange[] {
  const before = parse(change.before);
  const after = parse(change.after);
  const keys =
    before && after
      ? [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k) && !same(before[k], after[k]))
      : change.entityKind === 'PARTICIPATION'
        ? TIE_FIELDS
        : [];
  return keys.map((field) => ({
    field,
    label: fieldLabel(lang, field),
    before: before ? formatValue(lang, field, before[field]) : '',
    after: after ? formatValue(lang, field, after[field]) : '',
  }));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function fieldLabel(lang: Lang, field: string): string {
  const key = `history.field.${field}`;
  const text = translate(lang, key);
  return text === key ? field : text;
}

/** How an empty value reads. */
export const EMPTY = '–';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A stored value as a reader sees it: dates the local way, lists joined, empty as a dash. */
export function formatValue(lang: Lang, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(lang, field, v)).join(', ') : EMPTY;
  if (typeof value === 'boolean') return translate(lang, value ? 'history.yes' : 'history.no');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (field === 'source' && typeof o.kind === 'string') {
      const kind = translate(lang, `history.source.${o.kind}`);
      // A tie entered by hand names who entered it: a user's email, or the system or anonymous actor.
      const ref = typeof o.ref === 'string' && o.kind === 'MANUAL' ? actorName(lang, { id: o.ref, email: null }) : o.ref;
      return ref ? `${kind} (${String(ref)})` : kind;
    }
    if (typeof o.operatingModelId === 'string') return String(o.operatingModelId);
    return JSON.stringify(value);
  }
  if (field === 'role' && typeof value === 'string') return translate(lang, `role.${value}`);
  if (typeof value === 'string' && ISO_DAY.test(value)) return formatDate(lang, value);
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(lang, value);
  return String(value);
}

const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A moment in Finnish time, the way the language writes it: 12.3.2025 klo 14.05. */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleString(LOCALES[lang], {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Who made a change, in words: the user's email, or the app itself, or someone not signed in. */
export function actorName(lang: Lang, actor: ApiChange['actor']): string {
  if (actor.email) return actor.email;
  if (actor.id === 'system') return translate(lang, 'history.system');
  if (actor.id === 'anonymous') return translate(lang, 'history.anonymous');
  return actor.id;
}

/** "Organisaatio “Kuusamon kaupunki” · muokattu" */
export function changeTitle(lang: Lang, change: ApiChange): string {
  const kind = translate(lang, `history.kind.${change.entityKind}`);
  const what = change.label ? `${kind} “${change.label}”` : kind;
  return `${what} · ${translate(lang, `history.op.${change.operation}`)}`;
}

/** Loads and erasures are final; an undone change is undone once and for all (undo its undo instead). */
export function canUndo(change: ApiChange): boolean {
  return change.undoneBy === null && change.operation !== 'LOAD' && change.operation !== 'ERASE';
}

/** A later change that stands in the way of an undo, as the API names it in `extensions.dependents`. */
export interface Dependent {
  id: string;
  operation: ChangeOperation;
  entityKind: ChangeEntityKind;
  label: string;
  at: string;
  /** The email of who made it, or the actor id (`system`, `anonymous`, a user id without email). */
  actor: string;
}

/** Why an undo was refused, in the reader's language where the API says enough to put it so. */
export function conflictReason(lang: Lang, error: { message: string; extensions: Record<string, unknown> }): string {
  const dependents = error.extensions.dependents as Dependent[] | undefined;
  if (Array.isArray(dependents) && dependents.length > 0) {
    const list = dependents
      .map((d) => {
        const actor = { id: d.actor, email: null };
        const title = changeTitle(lang, { ...d, entityId: '', before: null, after: null, undoOf: null, undoneBy: null, actor });
        return `${title} (${formatDateTime(lang, d.at)}, ${actorName(lang, actor)})`;
      })
      .join('; ');
    return translate(lang, 'history.conflict.dependents', { list });
  }
  if (typeof error.extensions.undoneBy === 'string') return translate(lang, 'history.conflict.undone');
  return translate(lang, 'history.conflict.other', { reason: error.message });
}
