/** What every update of an item does before it validates: apply the patch, refuse a stale read. */
import { conflict, type JsonObject } from '@verkosto/domain';

/** Applies a patch: absent fields keep their value, `null` clears. */
export function merge<T extends object>(current: T, patch: object): T {
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) result[key] = value;
  return result as T;
}

/**
 * A save based on an older read than what is stored is refused, naming what is stored now: two
 * people editing one item never overwrite each other unseen. Without `expected`, the save goes on.
 */
export function refuseStale(kind: string, current: { updatedAt: string }, expected: string | null | undefined): void {
  if (!expected || expected === current.updatedAt) return;
  throw conflict(
    `This ${kind} was changed by someone else (at ${current.updatedAt}) after you read it; nothing was saved. ` + 'Look at what it holds now and make your change again.',
    { field: 'expectedUpdatedAt', updatedAt: current.updatedAt, current: current as unknown as JsonObject },
  );
}
