/**
 * Collaboration ties (DESIGN §5): two organisations are tied on a day when both take part in the
 * same activity or project that day; weight = number of shared activities/projects.
 */
import { badInput, isIsoDate, type GraphNode, type GraphNodeKind, type GraphSnapshot, type IsoDate, type ParticipationRole } from '@verkosto/domain';

/** A from–to window; either end may be open (null). */
export interface DateWindow {
  from: IsoDate | null;
  to: IsoDate | null;
}
/** Every measure takes a single day or a window. */
export type When = IsoDate | DateWindow;

/** An organisation's participation clipped to the days its target (and itself) exist. */
export interface Spell {
  organisationId: string;
  targetId: string;
  targetKind: GraphNodeKind;
  role: ParticipationRole | null;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** The days two organisations shared one activity or project. */
interface PairSpell {
  pair: number;
  context: string;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** Snapshot preprocessed once so that many dates/windows can be asked cheaply (growth, rooting). */
export interface CollaborationIndex {
  /** The window the pairs were built for (null = all time); ties can only be asked inside it. */
  within: DateWindow | null;
  nodes: Map<string, GraphNode>;
  /** Organisation ids, sorted, so every result is independent of the store's row order. */
  organisationIds: string[];
  spells: Spell[];
  /** `source|target` of each pair, in id order. */
  pairIds: string[];
  pairEnds: [string, string][];
  pairSpells: PairSpell[];
}

export interface Tie {
  /** `${source}|${target}` with source < target. */
  id: string;
  source: string;
  target: string;
  weight: number;
  /** Evidence: the activities/projects the two shared in the date or window. */
  contexts: string[];
  /** Span of the counted shared participations (null = open). */
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface TieGraph {
  at: IsoDate | null;
  window: DateWindow | null;
  /** Organisations taking part in anything (activity, project or network) on the date / in the window. */
  organisations: string[];
  ties: Tie[];
}

export interface TieOptions {
  /** Activity/project ids whose shared participation does not count (used to test dependence on a project). */
  excludeContexts?: ReadonlySet<string>;
}

const TIE_CONTEXTS: ReadonlySet<GraphNodeKind> = new Set<GraphNodeKind>(['ACTIVITY', 'PROJECT']);

// Open ends: a null start is -∞, a null end is +∞.
export const laterStart = (a: IsoDate | null, b: IsoDate | null): IsoDate | null => (a === null ? b : b === null ? a : a > b ? a : b);
export const earlierEnd = (a: IsoDate | null, b: IsoDate | null): IsoDate | null => (a === null ? b : b === null ? a : a < b ? a : b);
const nonEmpty = (from: IsoDate | null, to: IsoDate | null): boolean => from === null || to === null || from <= to;

export function assertDate(value: string, name: string): IsoDate {
  if (!isIsoDate(value)) throw badInput(`"${name}" must be a date written as YYYY-MM-DD, not "${value}".`, { [name]: value });
  return value;
}

function normaliseWhen(when: When): DateWindow & { at: IsoDate | null } {
  if (typeof when === 'string') return { at: assertDate(when, 'at'), from: when, to: when };
  if (when.from !== null) assertDate(when.from, 'from');
  if (when.to !== null) assertDate(when.to, 'to');
  if (when.from !== null && when.to !== null && when.from > when.to) throw badInput('The window must start on or before its end.', { from: when.from, to: when.to });
  return { at: null, from: when.from, to: when.to };
}

/** True when an interval touches the window (a single day is a window of one day). */
export function inWindow(from: IsoDate | null, to: IsoDate | null, w: DateWindow): boolean {
  return (w.to === null || from === null || from <= w.to) && (w.from === null || to === null || to >= w.from);
}

/**
 * Clips participations to their targets and pairs the organisations sharing an activity or project.
 * Pairing is quadratic in the participants of each activity, and over all time it dominated every
 * measure asked for one date (a million pairs on a 20,000-organisation network against 100,000 on
 * the day), so `within` pairs only the participations that touch that window. Spells, which are
 * linear, are always kept whole: who is active, and what an organisation has done, need all time.
 */
export function indexCollaborations(snapshot: GraphSnapshot, within: When | null = null): CollaborationIndex {
  const window = within === null ? null : normaliseWhen(within);
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const organisationIds = snapshot.nodes
    .filter((n) => n.kind === 'ORGANISATION')
    .map((n) => n.id)
    .sort();
  const spells: Spell[] = [];
  for (const e of snapshot.edges) {
    if (e.kind !== 'PARTICIPATES') continue;
    const org = nodes.get(e.source);
    const target = nodes.get(e.target);
    if (!org || !target || org.kind !== 'ORGANISATION') continue; // dangling edges are ignored, not fatal
    const from = laterStart(laterStart(e.validFrom, target.validFrom), org.validFrom);
    const to = earlierEnd(earlierEnd(e.validTo, target.validTo), org.validTo);
    if (!nonEmpty(from, to)) continue;
    spells.push({ organisationId: org.id, targetId: target.id, targetKind: target.kind, role: e.role, from, to });
  }

  // Pairs per context: quadratic in one activity's participants, which is inherent to the definition.
  const n = organisationIds.length;
  const orgIndex = new Map(organisationIds.map((id, i) => [id, i]));
  const byContext = new Map<string, number[]>();
  const spellOrg = new Int32Array(spells.length);
  spells.forEach((s, k) => {
    if (!TIE_CONTEXTS.has(s.targetKind) || (window && !inWindow(s.from, s.to, window))) return;
    spellOrg[k] = orgIndex.get(s.organisationId)!;
    const list = byContext.get(s.targetId);
    if (list) list.push(k);
    else byContext.set(s.targetId, [k]);
  });
  // A pair is counted under a number, lo·n + hi with the ends' places in id order, and numbered at
  // the end in the order of its id `lo|hi`. That order puts "a|…" where "a" followed by '|' sorts,
  // which is not "a"'s own place when another id starts with "a" ('org-ksakki|…' < 'org-ksak|…').
  const pipeOrder = organisationIds.map((id, i) => [`${id}|`, i] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const pipeRank = new Int32Array(n);
  pipeOrder.forEach(([, i], rank) => (pipeRank[i] = rank));
  const pairOf = new Map<number, number>();
  const keys: number[] = [];
  const pairSpells: PairSpell[] = [];
  for (const [context, list] of byContext) {
    for (let i = 0; i < list.length; i++) {
      const a = spells[list[i]];
      const ai = spellOrg[list[i]];
      for (let j = i + 1; j < list.length; j++) {
        const b = spells[list[j]];
        const bi = spellOrg[list[j]];
        if (ai === bi) continue;
        const from = laterStart(a.from, b.from);
        const to = earlierEnd(a.to, b.to);
        if (!nonEmpty(from, to) || (window && !inWindow(from, to, window))) continue;
        const key = ai < bi ? pipeRank[ai] * n + bi : pipeRank[bi] * n + ai;
        let pair = pairOf.get(key);
        if (pair === undefined) {
          pair = keys.length;
          pairOf.set(key, pair);
          keys.push(key);
        }
        pairSpells.push({ pair, context, from, to });
      }
    }
  }
  const sorted = Float64Array.from(keys).sort();
  const rank = new Int32Array(keys.length);
  sorted.forEach((key, r) => (rank[pairOf.get(key)!] = r));
  for (const ps of pairSpells) ps.pair = rank[ps.pair];
  const pairEnds = Array.from(sorted, (key): [string, string] => [organisationIds[pipeOrder[Math.floor(key / n)][1]], organisationIds[key % n]]);
  return {
    within: window && { from: window.from, to: window.to },
    nodes,
    organisationIds,
    spells,
    pairIds: pairEnds.map(([a, b]) => `${a}|${b}`),
    pairEnds,
    pairSpells,
  };
}

/** Refuses a tie question outside the window an index was built for, where it would miss ties. */
function assertCovered(index: CollaborationIndex, w: DateWindow): void {
  const c = index.within;
  if (c === null) return;
  const startsInside = c.from === null || (w.from !== null && w.from >= c.from);
  const endsInside = c.to === null || (w.to !== null && w.to <= c.to);
  if (!startsInside || !endsInside) throw new Error(`Ties asked for ${w.from ?? '…'} – ${w.to ?? '…'} from an index built for ${c.from ?? '…'} – ${c.to ?? '…'}.`);
}

/** Organisations taking part in anything (activity, project, network) on the date / in the window. */
export function activeOrganisations(index: CollaborationIndex, when: When): string[] {
  const w = normaliseWhen(when);
  const active = new Set<string>();
  for (const s of index.spells) if (inWindow(s.from, s.to, w)) active.add(s.organisationId);
  return index.organisationIds.filter((id) => active.has(id));
}

/** The tie graph of an index on a date or in a window. */
export function tiesOf(index: CollaborationIndex, when: When, options: TieOptions = {}): TieGraph {
  const w = normaliseWhen(when);
  assertCovered(index, w);
  const exclude = options.excludeContexts;
  const agg = new Map<number, { contexts: Set<string>; from: IsoDate | null; to: IsoDate | null; openFrom: boolean; openTo: boolean }>();
  for (const ps of index.pairSpells) {
    if (exclude?.has(ps.context) || !inWindow(ps.from, ps.to, w)) continue;
    const cur = agg.get(ps.pair);
    if (!cur) {
      agg.set(ps.pair, { contexts: new Set([ps.context]), from: ps.from, to: ps.to, openFrom: ps.from === null, openTo: ps.to === null });
      continue;
    }
    cur.contexts.add(ps.context);
    cur.openFrom ||= ps.from === null;
    cur.openTo ||= ps.to === null;
    if (ps.from !== null && (cur.from === null || ps.from < cur.from)) cur.from = ps.from;
    if (ps.to !== null && (cur.to === null || ps.to > cur.to)) cur.to = ps.to;
  }
  const ties: Tie[] = [];
  for (const pair of [...agg.keys()].sort((x, y) => x - y)) {
    const a = agg.get(pair)!;
    const [source, target] = index.pairEnds[pair];
    const contexts = [...a.contexts].sort();
    ties.push({
      id: index.pairIds[pair],
      source,
      target,
      weight: contexts.length,
      contexts,
      from: a.openFrom ? null : a.from,
      to: a.openTo ? null : a.to,
    });
  }
  return {
    at: w.at,
    window: w.at === null ? { from: w.from, to: w.to } : null,
    organisations: activeOrganisations(index, when),
    ties,
  };
}

/** Organisation-to-organisation weighted ties on a date or in a window, with their evidence. */
export function tieGraph(snapshot: GraphSnapshot, when: When, options: TieOptions = {}): TieGraph {
  return tiesOf(indexCollaborations(snapshot, when), when, options);
}

/** First day each pair of organisations collaborated over all time, by pair number (null = open start, i.e. since before the data). */
export function tieBirths(index: CollaborationIndex): (IsoDate | null)[] {
  assertCovered(index, { from: null, to: null });
  const births: (IsoDate | null | undefined)[] = new Array(index.pairIds.length);
  for (const ps of index.pairSpells) {
    const cur = births[ps.pair];
    if (cur === undefined || (cur !== null && (ps.from === null || ps.from < cur))) births[ps.pair] = ps.from;
  }
  return births as (IsoDate | null)[]; // every pair has at least one shared spell
}
