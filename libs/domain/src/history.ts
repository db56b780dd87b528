/**
 * The change history: every write records who made it, when, what it touched, and the state of each
 * touched entity before and after, so a change can be shown, traced to a network and undone.
 */
import { badInput } from './errors';
import type { ParticipationInput } from './inputs';
import { TIE_SOURCE_KINDS, type TieSource } from './model';
import { cleanText, requireOneOf } from './validation';

/** Who made a change. A signed-in user, or one of the two fixed actors below. */
export interface Actor {
  id: string;
  email: string | null;
}

/** The app itself: demo seeding, migrations, command-line tools. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', email: null });
/** A request without a signed-in user (before accounts exist, or where they are not required). */
export const ANONYMOUS_ACTOR: Actor = Object.freeze({ id: 'anonymous', email: null });

export const CHANGE_OPERATIONS = ['CREATE', 'UPDATE', 'DELETE', 'MERGE', 'END', 'CONFIRM', 'SET_COORDINATOR', 'LOAD', 'ERASE', 'UNDO'] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];

export const CHANGE_ENTITY_KINDS = ['ORGANISATION', 'PROJECT', 'ACTIVITY', 'NETWORK', 'PARTICIPATION', 'PERSON', 'DATASET'] as const;
export type ChangeEntityKind = (typeof CHANGE_ENTITY_KINDS)[number];

/** Operations that cannot be reversed: a bulk load is a summary, an erasure is final by law. */
export const FINAL_OPERATIONS: readonly ChangeOperation[] = ['LOAD', 'ERASE'];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One entity's state before and after a change: null before = created, null after = deleted. */
export interface ChangeEffect {
  kind: ChangeEntityKind;
  id: string;
  before: JsonObject | null;
  after: JsonObject | null;
}

export interface Change {
  id: string;
  /** ISO timestamp. */
  at: string;
  actor: Actor;
  operation: ChangeOperation;
  /** The entity the change is about; its other effects are consequences (ties removed with it…). */
  entityKind: ChangeEntityKind;
  entityId: string;
  /** The entity's name when the change was made, for people reading the history. */
  label: string;
  /** Every entity whose state the change set. */
  entityIds: string[];
  /** Entities it refers to without changing them (a tie's organisation and target…). */
  refIds: string[];
  /** The networks the touched entities belong to. */
  networkIds: string[];
  effects: ChangeEffect[];
  /** The change this one undid. */
  undoOf: string | null;
  /** The change that undid this one. */
  undoneBy: string | null;
}

/**
 * The source of a tie written by `actor`: entered by hand unless an import or registry reference is
 * given. The demo kind is reserved for the shipped demo data.
 */
export function checkTieSource(source: ParticipationInput['source'], actor: Actor): TieSource {
  if (!source || source.kind === 'MANUAL') return { kind: 'MANUAL', ref: actor.email ?? actor.id };
  const kind = requireOneOf(source.kind, TIE_SOURCE_KINDS, 'source.kind');
  if (kind === 'DEMO') throw badInput('The DEMO source is reserved for the demo data.', { field: 'source.kind' });
  const ref = cleanText(source.ref);
  if (!ref) {
    const example = kind === 'IMPORT' ? 'kumppanit.xlsx#12' : 'ytj:1234567-8';
    throw badInput(`Say where the tie comes from: source.ref, e.g. "${example}".`, { field: 'source.ref' });
  }
  if (ref.length > 500) throw badInput('source.ref is longer than 500 characters.', { field: 'source.ref' });
  return { kind, ref };
}
