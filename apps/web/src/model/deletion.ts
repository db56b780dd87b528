/**
 * Asking before deleting: what goes with an item, in words, from the API's `deletionImpact` counts.
 * Returns dictionary keys (singular `.one` or plural `.other`) so the page shows them in the
 * user's language.
 */
import type { Message } from './data-forms';

export type ItemKind = 'ORGANISATION' | 'PROJECT' | 'ACTIVITY' | 'NETWORK';

export interface DeletionImpact {
  id: string;
  kind: ItemKind;
  name: string;
  participations: number;
  activityLinks: number;
  continuationLinks: number;
  networkLinks: number;
  adoptions: number;
  otherLinks: number;
  removedRelationships: number;
}

const counted = (key: string, n: number, params: Record<string, string> = {}): Message => ({ key: `${key}.${n === 1 ? 'one' : 'other'}`, params: { ...params, n } });

/** What is removed with the item, one line per kind of relationship, nothing for none. */
export function impactLines(impact: DeletionImpact): Message[] {
  const lines: Message[] = [];
  const k = impact.kind;
  if (impact.participations) lines.push(counted(k === 'ORGANISATION' ? 'data.impact.ownParticipations' : 'data.impact.participants', impact.participations));
  if (impact.activityLinks) lines.push(counted(k === 'PROJECT' ? 'data.impact.activitiesUnder' : 'data.impact.projectLink', impact.activityLinks));
  if (impact.continuationLinks) lines.push(counted('data.impact.continuations', impact.continuationLinks));
  if (impact.networkLinks) lines.push(counted(k === 'NETWORK' ? 'data.impact.networkItems' : 'data.impact.networkLinks', impact.networkLinks));
  if (impact.adoptions) lines.push(counted('data.impact.adoptions', impact.adoptions));
  if (impact.otherLinks) lines.push(counted('data.impact.otherLinks', impact.otherLinks));
  return lines;
}

/** The one-sentence summary: "deletes X and N relationships", or that nothing else goes with it. */
export function impactSummary(impact: DeletionImpact): Message {
  if (impact.removedRelationships === 0) return { key: 'data.impact.alone', params: { name: impact.name } };
  return counted('data.impact.summary', impact.removedRelationships, { name: impact.name });
}

/** What stays although it was linked: activities of a project, items of a network, later seasons. */
export function impactKeeps(impact: DeletionImpact): Message | null {
  if (impact.kind === 'PROJECT' && impact.activityLinks) return { key: 'data.impact.keeps.project' };
  if (impact.kind === 'NETWORK' && impact.networkLinks) return { key: 'data.impact.keeps.network' };
  if (impact.kind === 'ACTIVITY' && impact.continuationLinks) return { key: 'data.impact.keeps.activity' };
  return null;
}
