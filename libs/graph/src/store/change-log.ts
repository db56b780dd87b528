/**
 * The change history's logic that needs no database: collecting what one write did, deciding what a
 * later change depends on, and scrubbing an erased person out of a recorded change.
 */
import type { Actor, Change, ChangeEffect, ChangeEntityKind, ChangeOperation, JsonObject, JsonValue, Person } from '@verkosto/domain';

/** Fields that move on every write and say nothing about what changed. */
const VOLATILE = new Set(['updatedAt']);

/** Everything one write did, collected while it runs; the store saves it as one Change in the same transaction. */
export class ChangeLog {
  private subject: { operation: ChangeOperation; kind: ChangeEntityKind; id: string; label: string } | null = null;
  readonly effects: ChangeEffect[] = [];
  private readonly refs = new Set<string>();
  private readonly networks = new Set<string>();
  /** Entities a bulk load created: it names them without keeping their state. */
  private readonly loaded = new Set<string>();
  undoOf: string | null = null;

  /** What the change is about, as people will read it in the history. */
  about(operation: ChangeOperation, kind: ChangeEntityKind, id: string, label: string): this {
    this.subject = { operation, kind, id, label };
    return this;
  }

  /** Records one entity's before and after; an update that changed nothing is left out. */
  add(effect: ChangeEffect, networkIds: Iterable<string>): void {
    if (effect.before && effect.after && sameState(effect.before, effect.after)) return;
    this.effects.push(effect);
    for (const id of refsOf(effect)) this.refs.add(id);
    for (const id of networkIds) this.networks.add(id);
  }

  addNetworks(networkIds: Iterable<string>): void {
    for (const id of networkIds) this.networks.add(id);
  }

  addLoaded(ids: Iterable<string>): void {
    for (const id of ids) this.loaded.add(id);
  }

  /**
   * Whether every item is still in the networks it was in: true for a write that only created or
   * edited organisations or persons (their ties are participations, recorded as such).
   */
  get keepsBelonging(): boolean {
    return this.loaded.size === 0 && this.effects.every((e) => e.kind === 'PERSON' || (e.kind === 'ORGANISATION' && e.after !== null));
  }

  /** A write that changed nothing (an update to the same values) leaves no record. */
  get empty(): boolean {
    return this.subject === null || (this.effects.length === 0 && this.loaded.size === 0);
  }

  build(id: string, at: string, actor: Actor): Change {
    if (!this.subject) throw new Error('A change must say what it is about.');
    const entityIds = [...new Set([...this.effects.map((e) => e.id), ...this.loaded])];
    const touched = new Set(entityIds);
    return {
      id,
      at,
      actor: { id: actor.id, email: actor.email },
      operation: this.subject.operation,
      entityKind: this.subject.kind,
      entityId: this.subject.id,
      label: this.subject.label,
      entityIds: entityIds.sort(),
      refIds: [...this.refs].filter((r) => !touched.has(r)).sort(),
      networkIds: [...this.networks].sort(),
      effects: this.effects,
      undoOf: this.undoOf,
      undoneBy: null,
    };
  }
}

/** The ids an entity's state points at: a tie's organisation and target, an activity's project… */
function refsOf(effect: ChangeEffect): string[] {
  const keys: Partial<Record<ChangeEntityKind, string[]>> = {
    PARTICIPATION: ['organisationId', 'targetId'],
    PROJECT: ['predecessorId', 'networkIds'],
    ACTIVITY: ['projectId', 'continuesId', 'networkIds'],
    PERSON: ['organisationId'],
  };
  const ids: string[] = [];
  for (const state of [effect.before, effect.after]) {
    for (const key of keys[effect.kind] ?? []) {
      const value = state?.[key];
      if (typeof value === 'string') ids.push(value);
      if (Array.isArray(value)) ids.push(...value.filter((v): v is string => typeof v === 'string'));
    }
  }
  return ids;
}

/** True when `current` holds every recorded field of `expected` with the same value. */
export function sameState(current: JsonObject, expected: JsonObject): boolean {
  return Object.keys(expected)
    .filter((key) => !VOLATILE.has(key))
    .every((key) => canonical(current[key] ?? null) === canonical(expected[key] ?? null));
}

function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The later changes that stand in the way of undoing `change`: those that set an entity it set,
 * and, for an entity it created, those that refer to it (a tie to a new organisation…). A later
 * change that was itself undone does not count, nor does the undo of such a change.
 */
export function dependentsOf(change: Change, later: Change[]): Change[] {
  const set = new Set(change.entityIds);
  const created = new Set(change.effects.filter((e) => e.before === null).map((e) => e.id));
  const laterIds = new Set(later.map((c) => c.id));
  return later.filter((c) => {
    if (c.id === change.id || c.undoneBy !== null) return false;
    if (c.undoOf !== null && laterIds.has(c.undoOf)) return false;
    if (c.entityIds.some((id) => set.has(id))) return true;
    return [...c.entityIds, ...c.refIds].some((id) => created.has(id));
  });
}

/** The effects that put back the state before `change`: each one reversed, the last one first. */
export function reversed(change: Change): ChangeEffect[] {
  return [...change.effects].reverse().map((e) => ({ kind: e.kind, id: e.id, before: e.after, after: e.before }));
}

/** "UPDATE of ORGANISATION "Kuusamon kaupunki" (2025-03-12 by a@b.fi)": a change named in an error. */
export function describeChange(c: Change): string {
  const who = c.actor.email ?? c.actor.id;
  return `${c.operation} of ${c.entityKind} "${c.label}" (${c.at.slice(0, 10)} by ${who}, change ${c.id})`;
}

/** The marker left where an erased person's data was. */
export const ERASED: JsonObject = { erased: true };

/**
 * A recorded change with an erased person's data taken out: their own before/after states become
 * markers, and their name and email disappear from every other text of the record.
 */
export function scrubPerson(change: Change, person: Person): Pick<Change, 'label' | 'effects' | 'actor'> {
  const secrets = [person.name, person.email].filter((s): s is string => !!s && s.length > 0);
  const clean = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[erased]'), value);
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    }
    return value;
  };
  const effects = change.effects.map((e) =>
    e.kind === 'PERSON' && e.id === person.id
      ? { ...e, before: e.before && { id: e.id, ...ERASED }, after: e.after && { id: e.id, ...ERASED } }
      : { ...e, before: clean(e.before) as JsonObject | null, after: clean(e.after) as JsonObject | null },
  );
  const email = change.actor.email && person.email && change.actor.email === person.email ? null : change.actor.email;
  const label = change.entityKind === 'PERSON' && change.entityId === person.id ? '' : String(clean(change.label));
  return { label, effects, actor: { id: change.actor.id, email } };
}
