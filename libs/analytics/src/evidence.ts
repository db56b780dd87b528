/** Evidence with names: every id a measure returns comes with the label a person reads (DESIGN §5). */
import type { GraphSnapshot } from '@verkosto/domain';

export interface NamedItem {
  id: string;
  label: string;
}

/** A tie `A|B` with both organisations named; its label is "A – B". */
export interface NamedTie extends NamedItem {
  source: NamedItem;
  target: NamedItem;
}

export interface IdEvidence {
  ties?: string[];
  activities?: string[];
  organisations?: string[];
}

export interface NamedEvidence {
  tieItems?: NamedTie[];
  activityItems?: NamedItem[];
  organisationItems?: NamedItem[];
}

export type LabelOf = (id: string) => string;

/** Labels of a snapshot's nodes; an id missing from it (deleted meanwhile) is shown as itself. */
export function labelsOf(snapshot: GraphSnapshot): LabelOf {
  const labels = new Map(snapshot.nodes.map((n) => [n.id, n.label]));
  return (id) => labels.get(id) ?? id;
}

export function namedTie(tieId: string, labelOf: LabelOf): NamedTie {
  const cut = tieId.indexOf('|');
  const [a, b] = cut < 0 ? [tieId, tieId] : [tieId.slice(0, cut), tieId.slice(cut + 1)];
  const source = { id: a, label: labelOf(a) };
  const target = { id: b, label: labelOf(b) };
  return { id: tieId, label: `${source.label} – ${target.label}`, source, target };
}

/** The evidence as it was, plus each list as named items (ids kept: the API adds, never renames). */
export function nameEvidence<E extends IdEvidence>(evidence: E, labelOf: LabelOf): E & NamedEvidence {
  const items = (ids: string[]) => ids.map((id) => ({ id, label: labelOf(id) }));
  return {
    ...evidence,
    ...(evidence.ties && { tieItems: evidence.ties.map((id) => namedTie(id, labelOf)) }),
    ...(evidence.activities && { activityItems: items(evidence.activities) }),
    ...(evidence.organisations && { organisationItems: items(evidence.organisations) }),
  };
}

/** `organisations` → `organisationItems`, `ties` → `tieItems`, `retained` → `retainedItems`. */
export const itemsKey = (key: string): string => `${key === 'activities' ? 'activity' : key.replace(/s$/, '')}Items`;

/**
 * The evidence with a named list beside each id list, built only when read: a day's metrics carry
 * every tie of the network, and most clients never ask for the names.
 */
export function lazilyNamed<E extends Record<string, string[] | undefined>>(evidence: E, labelOf: LabelOf): E & Record<string, (NamedItem | NamedTie)[] | undefined> {
  const view: Record<string, unknown> = { ...evidence };
  for (const [key, ids] of Object.entries(evidence)) {
    if (!ids) continue;
    Object.defineProperty(view, itemsKey(key), {
      enumerable: true,
      get: () => (key === 'ties' ? ids.map((id) => namedTie(id, labelOf)) : ids.map((id) => ({ id, label: labelOf(id) }))),
    });
  }
  return view as E & Record<string, (NamedItem | NamedTie)[] | undefined>;
}
