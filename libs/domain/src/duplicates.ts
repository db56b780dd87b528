/**
 * Likely duplicate organisations (DESIGN §3: known duplicates are merged, not kept twice), and the
 * one rule a merge must not break: two different business IDs are two different organisations.
 * Dependency-free, so the browser checks a merge with the same rule the store enforces.
 */
import { foldText } from './text';

export const DUPLICATE_REASONS = ['BUSINESS_ID', 'NAME'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateCandidate {
  id: string;
  name: string;
  businessId: string | null;
}

/** Organisations sharing a business ID, or a normalised name (`nameKey`), as the store groups them. */
export interface RawDuplicateGroup {
  reason: DuplicateReason;
  key: string;
  ids: string[];
}

export interface DuplicateGroup<T extends DuplicateCandidate> {
  reason: DuplicateReason;
  /** The shared business ID, or the shared normalised name. */
  key: string;
  /** The suggested survivor first: one with a business ID, then by name. */
  members: T[];
  /** Orders the groups (business IDs first, then by the first member's folded name); a stable page cursor. */
  sortKey: string;
}

/**
 * Business-ID groups as they are; a name group only when at least one pair in it could be merged
 * (not both with different business IDs) and it is not already shown whole by a business-ID group.
 * Business-ID groups come first, then by the first member's name.
 */
export function likelyDuplicates<T extends DuplicateCandidate>(raw: RawDuplicateGroup[], byId: ReadonlyMap<string, T>): DuplicateGroup<T>[] {
  const group = ({ reason, key, ids }: RawDuplicateGroup): DuplicateGroup<T> => {
    const members = [...new Set(ids)]
      .map((id) => byId.get(id))
      .filter((o): o is T => o !== undefined)
      .sort(survivorFirst);
    const sortKey = [DUPLICATE_REASONS.indexOf(reason), foldText(members[0]?.name ?? ''), key].join('\u0001');
    return { reason, key, members, sortKey };
  };
  const byBusinessId = raw
    .filter((g) => g.reason === 'BUSINESS_ID')
    .map(group)
    .filter((g) => g.members.length > 1);
  const covered = byBusinessId.map((g) => new Set(g.members.map((m) => m.id)));
  const byName = raw
    .filter((g) => g.reason === 'NAME')
    .map(group)
    .filter((g) => g.members.length > 1 && hasMergeablePair(g.members))
    .filter((g) => !covered.some((set) => g.members.every((m) => set.has(m.id))));
  return [...byBusinessId, ...byName].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

function survivorFirst(a: DuplicateCandidate, b: DuplicateCandidate): number {
  return Number(!!b.businessId) - Number(!!a.businessId) || a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id);
}

function hasMergeablePair(members: DuplicateCandidate[]): boolean {
  return members.some((a, i) => members.slice(i + 1).some((b) => !a.businessId || !b.businessId || a.businessId === b.businessId));
}

/**
 * The first organisation that cannot be merged into `keep` because its business ID differs from
 * the one the survivor will have (its own, or else the first one a merged organisation brings).
 */
export function businessIdConflict<T extends DuplicateCandidate>(keep: T, others: T[]): { other: T; businessId: string } | null {
  let survivorId = keep.businessId;
  for (const other of others) {
    if (!other.businessId) continue;
    if (survivorId && other.businessId !== survivorId) return { other, businessId: survivorId };
    survivorId ??= other.businessId;
  }
  return null;
}
