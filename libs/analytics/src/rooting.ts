/**
 * Rooting (juurtuminen) of a project or network at a date (DESIGN §5): seven parts in 0..1, each
 * with its evidence, and their weighted mean. docs/measures.md explains each one for evaluators.
 */
import { connectedComponents } from 'graphology-components';
import { addMonths, badInput, isActiveAt, notFound, type GraphNode, type GraphSnapshot, type IsoDate, type ParticipationRole } from '@verkosto/domain';
import { toGraphology } from './metrics';
import { activeOrganisations, assertDate, earlierEnd, indexCollaborations, laterStart, tieBirths, tiesOf, type CollaborationIndex, type TieGraph } from './ties';

export const ROOTING_KEYS = ['tieSurvival', 'activityContinuation', 'coordinationHandover', 'independence', 'sharedResponsibility', 'breadth', 'adoption'] as const;
export type RootingKey = (typeof ROOTING_KEYS)[number];

/** Default weights: what survives after the money (ties, activities) weighs most, per the seeds' criteria. */
export const DEFAULT_ROOTING_WEIGHTS: Record<RootingKey, number> = {
  tieSurvival: 0.2,
  activityContinuation: 0.2,
  coordinationHandover: 0.15,
  independence: 0.15,
  sharedResponsibility: 0.1,
  breadth: 0.1,
  adoption: 0.1,
};

export type RootingScope = { projectId: string; networkId?: undefined } | { networkId: string; projectId?: undefined };

export interface RootingOptions {
  weights?: Partial<Record<RootingKey, number>>;
  /** Coordination held by one organisation longer than this lowers shared responsibility (default 3). */
  maxCoordinationYears?: number;
}

export interface RootingEvidence {
  ties?: string[];
  activities?: string[];
  organisations?: string[];
}

export interface RootingPart {
  key: RootingKey;
  /** 0..1, or null when the part does not apply (see `reason`). */
  value: number | null;
  reason: string | null;
  weight: number;
  /** What the value counts: `counted` of `of` (role-days, organisations, ties…), when it is a share. */
  basis: { counted: number; of: number } | null;
  evidence: RootingEvidence;
  explanation: string;
}

export interface RootingReport {
  scope: {
    kind: 'PROJECT' | 'NETWORK';
    id: string;
    label: string;
    /** Project period; for a network, from its first project's start to its last project's end. */
    start: IsoDate | null;
    end: IsoDate | null;
    projects: string[];
    networks: string[];
  };
  at: IsoDate;
  ended: boolean;
  parts: RootingPart[];
  weights: Record<RootingKey, number>;
  /** Weighted mean of the applicable parts; null when none applies. */
  index: number | null;
}

export interface RootingMilestone {
  monthsAfterEnd: number;
  at: IsoDate;
  report: RootingReport;
}

const RESPONSIBILITY_ROLES: ReadonlySet<ParticipationRole> = new Set<ParticipationRole>(['ORGANISER', 'COORDINATOR', 'BUDGET_HOLDER', 'LEAD']);

interface Scope {
  kind: 'PROJECT' | 'NETWORK';
  node: GraphNode;
  projects: GraphNode[];
  start: IsoDate | null;
  end: IsoDate | null;
  /** The project(s) and the activities running under them: where "project-made" ties come from. */
  contexts: Set<string>;
  activities: string[];
  networks: string[];
  /** Projects, activities and networks where responsibility roles count. */
  responsibilityTargets: Set<string>;
  participants: Set<string>;
}

const sorted = <T extends string>(items: Iterable<T>): T[] => [...items].sort();

function daysBetween(from: IsoDate, to: IsoDate): number {
  const ms = (d: IsoDate) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

function resolveScope(snapshot: GraphSnapshot, index: CollaborationIndex, scope: RootingScope, at: IsoDate): Scope {
  const wantProject = scope.projectId !== undefined;
  if (wantProject === (scope.networkId !== undefined)) throw badInput('Give either a projectId or a networkId.');
  const id = (scope.projectId ?? scope.networkId)!;
  const node = index.nodes.get(id);
  if (!node || node.kind !== (wantProject ? 'PROJECT' : 'NETWORK')) throw notFound(wantProject ? 'Project' : 'Network', id);

  const inNetwork = snapshot.edges.filter((e) => e.kind === 'IN_NETWORK');
  const projects = wantProject
    ? [node]
    : inNetwork
        .filter((e) => e.target === id)
        .map((e) => index.nodes.get(e.source))
        .filter((n): n is GraphNode => n?.kind === 'PROJECT');
  const projectIds = new Set(projects.map((p) => p.id));
  const activities = snapshot.edges.filter((e) => e.kind === 'RUNS_UNDER' && projectIds.has(e.target) && index.nodes.get(e.source)?.kind === 'ACTIVITY').map((e) => e.source);
  const networks = wantProject ? inNetwork.filter((e) => e.source === id && index.nodes.get(e.target)?.kind === 'NETWORK').map((e) => e.target) : [id];
  const contexts = new Set([...projectIds, ...activities]);
  const networkActivities = wantProject ? [] : inNetwork.filter((e) => e.target === id && index.nodes.get(e.source)?.kind === 'ACTIVITY').map((e) => e.source);
  const responsibilityTargets = new Set([...contexts, ...networks, ...networkActivities]);
  // A network's participants include its members; a project's are those in it or its activities.
  const memberTargets = new Set([...contexts, ...networkActivities, ...(wantProject ? [] : networks)]);
  const participants = new Set(index.spells.filter((s) => memberTargets.has(s.targetId) && (s.from === null || s.from <= at)).map((s) => s.organisationId));
  // The period runs from the first start to the last end; any open end means "not ended yet".
  const start = projects.length && projects.every((p) => p.validFrom !== null) ? projects.map((p) => p.validFrom!).sort()[0] : null;
  const end =
    projects.length && projects.every((p) => p.validTo !== null)
      ? projects
          .map((p) => p.validTo!)
          .sort()
          .at(-1)!
      : null;
  return {
    kind: wantProject ? 'PROJECT' : 'NETWORK',
    node,
    projects,
    start,
    end,
    contexts,
    activities: sorted(new Set(activities)),
    networks: sorted(new Set(networks)),
    responsibilityTargets,
    participants,
  };
}

type PartDraft = Omit<RootingPart, 'weight'>;

/** A part that is the share `counted` / `of`, with what was counted as its evidence. */
const share = (key: RootingKey, counted: number, of: number, evidence: RootingEvidence, explanation: string): PartDraft => ({
  key,
  value: counted / of,
  reason: null,
  basis: { counted, of },
  evidence,
  explanation,
});

const notApplicable = (key: RootingKey, reason: string): PartDraft => ({
  key,
  value: null,
  reason,
  basis: null,
  evidence: {},
  explanation: reason,
});

/** Why an "after the end" part cannot be read yet; null when it can. */
function afterEndProblem(s: Scope, at: IsoDate): string | null {
  if (s.projects.length === 0) return 'The network has no projects, so there is no project end to measure after.';
  if (s.end === null) return 'The project has no end date yet.';
  if (at <= s.end) return `Measured after the project ends (${s.end}); ${at} is not after it.`;
  return null;
}

function tieSurvival(s: Scope, index: CollaborationIndex, now: TieGraph, at: IsoDate): PartDraft {
  const key = 'tieSurvival';
  const problem = afterEndProblem(s, at);
  if (problem) return notApplicable(key, problem);
  // Born during the project: the pair's first shared day (over all time) lies in the project period.
  const born: string[] = [];
  tieBirths(index).forEach((birth, pair) => {
    const [a, b] = index.pairEnds[pair];
    if (birth === null || !s.participants.has(a) || !s.participants.has(b)) return;
    if ((s.start === null || birth >= s.start) && birth <= s.end!) born.push(index.pairIds[pair]);
  });
  if (born.length === 0) return notApplicable(key, 'No ties between its participants were born during the project.');
  const active = new Set(now.ties.map((t) => t.id));
  const alive = sorted(born.filter((id) => active.has(id)));
  return share(
    key,
    alive.length,
    born.length,
    { ties: alive },
    `${alive.length} of ${born.length} ties born during the project (${s.start ?? '…'} – ${s.end}) are still active on ${at}.`,
  );
}

function activityContinuation(s: Scope, snapshot: GraphSnapshot, index: CollaborationIndex, at: IsoDate): PartDraft {
  const key = 'activityContinuation';
  const problem = afterEndProblem(s, at);
  if (problem) return notApplicable(key, problem);
  if (s.activities.length === 0) return notApplicable(key, 'No activities ran under the project.');
  const laterOf = new Map<string, string[]>(); // CONTINUES points from the later activity to the earlier one
  for (const e of snapshot.edges) {
    if (e.kind !== 'CONTINUES' || index.nodes.get(e.source)?.kind !== 'ACTIVITY') continue;
    laterOf.set(e.target, [...(laterOf.get(e.target) ?? []), e.source]);
  }
  const end = s.end!;
  const alive = (a: GraphNode) => isActiveAt(a.validFrom, a.validTo, at);
  const counted: string[] = [];
  const evidence = new Set<string>();
  for (const id of s.activities) {
    const activity = index.nodes.get(id)!;
    if (alive(activity)) {
      counted.push(id);
      evidence.add(id);
      continue;
    }
    // Follow the chain of continuations (transitively) for one still running, or one that carried the
    // activity on after it ended (the seeds count a repeat next season, like Kesäkeidas 2021, as rooting).
    const seen = new Set([id]);
    const queue = [...(laterOf.get(id) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const n = index.nodes.get(next)!;
      const carriedOn = n.validFrom !== null && (n.validFrom > end || (activity.validTo !== null && n.validFrom > activity.validTo));
      if (alive(n) || carriedOn) {
        counted.push(id);
        evidence.add(id).add(next);
        break;
      }
      queue.push(...(laterOf.get(next) ?? []));
    }
  }
  return share(
    key,
    counted.length,
    s.activities.length,
    { activities: sorted(evidence) },
    `${counted.length} of ${s.activities.length} project activities still run on ${at} or were continued by a later activity.`,
  );
}

function coordinationHandover(s: Scope, index: CollaborationIndex, at: IsoDate): PartDraft {
  const key = 'coordinationHandover';
  if (s.networks.length === 0) return notApplicable(key, 'The project belongs to no network, so no coordination to hand over.');
  const held: string[] = [];
  const holders = new Set<string>();
  const others = new Set<string>();
  for (const net of s.networks) {
    const coordinators = index.spells.filter((sp) => sp.targetId === net && sp.role === 'COORDINATOR' && isActiveAt(sp.from, sp.to, at));
    const permanent = coordinators.filter((sp) => index.nodes.get(sp.organisationId)?.permanent === true);
    if (permanent.length > 0) held.push(net);
    permanent.forEach((sp) => holders.add(sp.organisationId));
    coordinators.filter((sp) => !permanent.includes(sp)).forEach((sp) => others.add(sp.organisationId));
  }
  const gaps = s.networks.length - held.length;
  return share(
    key,
    held.length,
    s.networks.length,
    { organisations: sorted(holders) },
    `${held.length} of ${s.networks.length} network(s) are coordinated by a permanent organisation on ${at}` +
      (gaps > 0 ? `; ${others.size > 0 ? 'the others by a non-permanent actor' : 'the others have no coordinator'}.` : '.'),
  );
}

function independence(s: Scope, index: CollaborationIndex, now: TieGraph, at: IsoDate): PartDraft {
  const key = 'independence';
  const largest = connectedComponents(toGraphology(now)).reduce<string[]>((a, c) => (c.length > a.length ? c : a), []);
  if (largest.length < 2) return notApplicable(key, `Fewer than two organisations are tied on ${at}.`);
  const members = new Set(largest);
  const without = tiesOf(index, at, { excludeContexts: s.contexts });
  const reduced: TieGraph = {
    at,
    window: null,
    organisations: largest,
    ties: without.ties.filter((t) => members.has(t.source) && members.has(t.target)),
  };
  const stay = connectedComponents(toGraphology(reduced)).reduce<string[]>((a, c) => (c.length > a.length ? c : a), []);
  const kept = new Set(without.ties.map((t) => t.id));
  const projectOnly = now.ties.filter((t) => members.has(t.source) && !kept.has(t.id)).map((t) => t.id);
  return share(
    key,
    stay.length,
    largest.length,
    { organisations: sorted(stay), ties: projectOnly },
    `${stay.length} of the ${largest.length} organisations in the largest connected group on ${at} stay connected ` +
      `without the project's own activities; ${projectOnly.length} tie(s) exist only through the project.`,
  );
}

function sharedResponsibility(s: Scope, index: CollaborationIndex, at: IsoDate, horizon: IsoDate, maxYears: number): PartDraft {
  const key = 'sharedResponsibility';
  // Role-days up to `at`, from the project start on; an unknown start counts from the data horizon.
  const days = new Map<string, number>();
  const coordination = new Map<string, [IsoDate, IsoDate][]>();
  for (const sp of index.spells) {
    if (!sp.role || !RESPONSIBILITY_ROLES.has(sp.role) || !s.responsibilityTargets.has(sp.targetId)) continue;
    const from = laterStart(sp.from, s.start) ?? horizon;
    const to = earlierEnd(sp.to, at)!;
    if (from > to) continue;
    days.set(sp.organisationId, (days.get(sp.organisationId) ?? 0) + daysBetween(from, to) + 1);
    if (sp.role === 'COORDINATOR') {
      const k = `${sp.organisationId}|${sp.targetId}`;
      coordination.set(k, [...(coordination.get(k) ?? []), [from, to]]);
    }
  }
  const total = [...days.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return notApplicable(key, `No organiser, coordinator, budget-holder or lead roles are recorded up to ${at}.`);
  const hhi = [...days.values()].reduce((a, d) => a + (d / total) ** 2, 0);
  // Longest unbroken coordination of one network by one organisation (touching spells merge).
  let longest = 0;
  let longestHolder = '';
  for (const [k, spells] of coordination) {
    spells.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let [runFrom, runTo] = spells[0];
    const close = () => {
      const length = daysBetween(runFrom, runTo) + 1;
      if (length > longest) [longest, longestHolder] = [length, k.split('|')[0]];
    };
    for (const [f, t] of spells.slice(1)) {
      if (daysBetween(runTo, f) <= 1) {
        if (t > runTo) runTo = t;
      } else {
        close();
        [runFrom, runTo] = [f, t];
      }
    }
    close();
  }
  const years = longest / 365.25;
  const penalty = years > maxYears ? maxYears / years : 1;
  const value = (1 - hhi) * penalty;
  return {
    key,
    value,
    reason: null,
    basis: null,
    evidence: { organisations: sorted(days.keys()) },
    explanation:
      `${days.size} organisation(s) share ${total} role-days of organising, coordination, budget and lead duties ` +
      `(1 − Herfindahl = ${(1 - hhi).toFixed(2)})` +
      (penalty < 1 ? `; ${longestHolder} has coordinated for ${years.toFixed(1)} years, longer than ${maxYears}, so the value is scaled by ${penalty.toFixed(2)}.` : '.'),
  };
}

function breadth(s: Scope, index: CollaborationIndex, now: TieGraph, at: IsoDate): PartDraft {
  const key = 'breadth';
  const orgs = activeOrganisations(index, at).filter((id) => s.participants.has(id));
  if (orgs.length === 0) return notApplicable(key, `None of its participants takes part in anything on ${at}.`);
  const sectorOf = (id: string) => index.nodes.get(id)?.sector ?? null;
  const sectors = new Set(orgs.map(sectorOf).filter((x) => x !== null));
  const inside = new Set(orgs);
  const ties = now.ties.filter((t) => inside.has(t.source) && inside.has(t.target));
  const cross = ties.filter((t) => {
    const a = sectorOf(t.source);
    const b = sectorOf(t.target);
    return a !== null && b !== null && a !== b;
  });
  const sectorShare = sectors.size / 4;
  const crossShare = ties.length > 0 ? cross.length / ties.length : 0;
  return {
    key,
    value: (sectorShare + crossShare) / 2,
    reason: null,
    basis: null,
    evidence: { organisations: orgs, ties: cross.map((t) => t.id) },
    explanation:
      `${sectors.size} of 4 sectors (${sorted(sectors).join(', ') || 'none'}) among ${orgs.length} active participant(s); ` +
      `${cross.length} of ${ties.length} ties between them cross sectors.`,
  };
}

function adoption(s: Scope, snapshot: GraphSnapshot, index: CollaborationIndex, at: IsoDate): PartDraft {
  const key = 'adoption';
  if (!snapshot.nodes.some((n) => n.kind === 'OPERATING_MODEL')) return notApplicable(key, 'No operating model is recorded.');
  const permanent = sorted([...s.participants].filter((id) => index.nodes.get(id)?.permanent === true));
  if (permanent.length === 0) return notApplicable(key, 'No permanent organisation takes part.');
  const adopters = new Set<string>();
  for (const e of snapshot.edges) {
    if (e.kind !== 'ADOPTED' || !isActiveAt(e.validFrom, e.validTo, at)) continue;
    const model = index.nodes.get(e.target);
    if (model?.kind === 'OPERATING_MODEL' && isActiveAt(model.validFrom, model.validTo, at)) adopters.add(e.source);
  }
  const adopted = permanent.filter((id) => adopters.has(id));
  return share(
    key,
    adopted.length,
    permanent.length,
    { organisations: adopted },
    `${adopted.length} of ${permanent.length} permanent participating organisations have adopted an operating model on ${at}.`,
  );
}

function weightsOf(options: RootingOptions): Record<RootingKey, number> {
  const w = { ...DEFAULT_ROOTING_WEIGHTS, ...options.weights };
  for (const k of ROOTING_KEYS) if (!(Number.isFinite(w[k]) && w[k] >= 0)) throw badInput(`Rooting weight "${k}" must be a number ≥ 0.`);
  return w;
}

/** Earliest date anywhere in the data: the start of what we can see. */
function dataHorizon(snapshot: GraphSnapshot, at: IsoDate): IsoDate {
  let first = at;
  for (const x of [...snapshot.nodes, ...snapshot.edges]) if (x.validFrom !== null && x.validFrom < first) first = x.validFrom;
  return first;
}

function report(snapshot: GraphSnapshot, index: CollaborationIndex, scope: RootingScope, at: IsoDate, options: RootingOptions): RootingReport {
  assertDate(at, 'at');
  const weights = weightsOf(options);
  const s = resolveScope(snapshot, index, scope, at);
  const now = tiesOf(index, at);
  const drafts: PartDraft[] = [
    tieSurvival(s, index, now, at),
    activityContinuation(s, snapshot, index, at),
    coordinationHandover(s, index, at),
    independence(s, index, now, at),
    sharedResponsibility(s, index, at, dataHorizon(snapshot, at), options.maxCoordinationYears ?? 3),
    breadth(s, index, now, at),
    adoption(s, snapshot, index, at),
  ];
  const parts = drafts.map((d) => ({ ...d, weight: weights[d.key] }));
  const applicable = parts.filter((p) => p.value !== null && p.weight > 0);
  const weightSum = applicable.reduce((a, p) => a + p.weight, 0);
  return {
    scope: {
      kind: s.kind,
      id: s.node.id,
      label: s.node.label,
      start: s.start,
      end: s.end,
      projects: sorted(s.projects.map((p) => p.id)),
      networks: s.networks,
    },
    at,
    ended: s.end !== null && at > s.end,
    parts,
    weights,
    index: weightSum > 0 ? applicable.reduce((a, p) => a + p.weight * p.value!, 0) / weightSum : null,
  };
}

/** Rooting of a project or network on `at`. */
export function rooting(snapshot: GraphSnapshot, scope: RootingScope, at: IsoDate, options: RootingOptions = {}): RootingReport {
  return report(snapshot, indexCollaborations(snapshot), scope, at, options);
}

/** A project's rooting at its end and 6, 12 and 24 months after; empty when it has no end date yet. */
export function rootingReports(snapshot: GraphSnapshot, projectId: string, options: RootingOptions = {}): RootingMilestone[] {
  const index = indexCollaborations(snapshot);
  const project = index.nodes.get(projectId);
  if (!project || project.kind !== 'PROJECT') throw notFound('Project', projectId);
  const end = project.validTo;
  if (end === null) return [];
  return [0, 6, 12, 24].map((months) => {
    const at = addMonths(end, months);
    return { monthsAfterEnd: months, at, report: report(snapshot, index, { projectId }, at, options) };
  });
}
