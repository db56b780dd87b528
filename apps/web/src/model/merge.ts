/**
 * The merge preview: which organisation survives, what moves to it, what it takes over, and whether
 * the merge is allowed at all. Mirrors mergeOrganisations in the store, with the domain's own
 * business-ID rule, so the preview tells the truth before anything is written.
 */
import { businessIdConflict } from '@verkosto/domain/duplicates';

export interface MemberParticipation {
  id: string;
  targetId: string;
  targetKind: 'PROJECT' | 'ACTIVITY' | 'NETWORK';
  targetName: string;
  role: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface MergeMember {
  id: string;
  name: string;
  businessId: string | null;
  website: string | null;
  municipalityCode: string | null;
  participations: MemberParticipation[];
}

export type Moved = MemberParticipation & { fromName: string };

export interface MergePreview {
  keep: MergeMember;
  removed: MergeMember[];
  /** Participations that move to the survivor. */
  moves: Moved[];
  /** Participations the survivor already has (same target, role and dates): kept once. */
  alreadyThere: Moved[];
  /** Empty fields of the survivor filled from a merged organisation. */
  takesOver: { field: 'businessId' | 'website' | 'municipalityCode'; value: string; fromName: string }[];
  /** Set when the merge would join two different business IDs: the server refuses it. */
  conflict: { name: string; businessId: string; keeps: string } | null;
}

const key = (p: MemberParticipation) => [p.targetId, p.role, p.validFrom, p.validTo].join('|');

export function mergePreview(keep: MergeMember, others: MergeMember[]): MergePreview {
  const removed = others.filter((o) => o.id !== keep.id);
  const clash = businessIdConflict(keep, removed);
  const seen = new Set(keep.participations.map(key));
  const moves: Moved[] = [];
  const alreadyThere: Moved[] = [];
  const takesOver: MergePreview['takesOver'] = [];
  const filled = { businessId: keep.businessId, website: keep.website, municipalityCode: keep.municipalityCode };
  for (const other of removed) {
    for (const field of ['businessId', 'website', 'municipalityCode'] as const) {
      const value = other[field];
      if (!filled[field] && value) {
        filled[field] = value;
        takesOver.push({ field, value, fromName: other.name });
      }
    }
    for (const p of other.participations) {
      const moved = { ...p, fromName: other.name };
      if (seen.has(key(p))) alreadyThere.push(moved);
      else {
        seen.add(key(p));
        moves.push(moved);
      }
    }
  }
  return {
    keep,
    removed,
    moves,
    alreadyThere,
    takesOver,
    conflict: clash ? { name: clash.other.name, businessId: clash.other.businessId ?? '', keeps: clash.businessId } : null,
  };
}
