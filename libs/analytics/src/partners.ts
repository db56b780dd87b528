/**
 * Partner finder (DESIGN §5, docs/measures.md "Partner finder"): who should an organisation or a
 * project work with, why, and who can introduce them. Pure functions over a GraphSnapshot.
 *
 * Cost: one collaboration index and one tie graph per call; every candidate is scored from its own
 * participations (linear in the snapshot), and Adamic–Adar is summed only through the asker's
 * partners' partners, never over all pairs of organisations.
 */
import {
  badInput,
  METHODS,
  notFound,
  ORGANISATION_KINDS,
  SECTORS,
  TARGET_GROUPS,
  todayIso,
  type GraphNode,
  type GraphSnapshot,
  type IsoDate,
  type Municipality,
  type OrganisationKind,
  type Sector,
  type Term,
} from '@verkosto/domain';
import { assertDate, indexCollaborations, tiesOf, type CollaborationIndex, type Spell, type Tie } from './ties';

export const PARTNER_PART_KEYS = ['fit', 'place', 'proximity', 'complementarity', 'permanence', 'recency'] as const;
export type PartnerPartKey = (typeof PARTNER_PART_KEYS)[number];

/** Nominal weights; parts that do not apply to a request are dropped and the rest rescaled to sum to 1. */
export const DEFAULT_PARTNER_WEIGHTS: Record<PartnerPartKey, number> = {
  fit: 0.35,
  place: 0.2,
  proximity: 0.2,
  complementarity: 0.1,
  permanence: 0.05,
  recency: 0.1,
};

export const PARTNER_LIMIT_DEFAULT = 10;
export const PARTNER_LIMIT_MAX = 50;
export const INTRODUCTION_MAX_HOPS = 4;
export const INTRODUCTION_PATH_CAP = 10;
/** Recency falls linearly from 1 (active on the date) to 0 at this many days since the last activity. */
export const RECENCY_DAYS = 730;

export interface PartnerRequest {
  organisationId?: string | null;
  projectId?: string | null;
  methodIds?: string[] | null;
  targetGroupIds?: string[] | null;
  municipalityCode?: string | null;
  regionCode?: string | null;
  orgKinds?: OrganisationKind[] | null;
  sectors?: Sector[] | null;
  onlyPermanent?: boolean | null;
  at?: IsoDate | null;
  limit?: number | null;
}

export interface PartnerOptions {
  /** Reference municipalities (code, names, region), for places and their names. */
  municipalities: Municipality[];
  /** Caps the default date (the latest date in the data); defaults to today. */
  today?: IsoDate;
  weights?: Partial<Record<PartnerPartKey, number>>;
}

export interface NamedRef {
  id: string;
  label: string;
}
export interface Localised {
  fi: string;
  sv: string;
  en: string;
}
export interface PartnerPart {
  key: PartnerPartKey;
  value: number;
  /** Effective weight: the parts' weights sum to 1 and score = Σ value × weight. */
  weight: number;
}
export interface PartnerSuggestion {
  organisation: NamedRef & {
    orgKind: OrganisationKind | null;
    sector: Sector | null;
    municipalityCode: string | null;
    permanent: boolean | null;
  };
  score: number;
  parts: PartnerPart[];
  sharedPartners: NamedRef[];
  /** Matching methods, target groups and places behind `fit` and `place`. */
  matchedMethodIds: string[];
  matchedTargetGroupIds: string[];
  matchedMunicipalityCodes: string[];
  /** The candidate's activities and projects that use a wanted method or serve a wanted group. */
  evidence: string[];
  explanation: Localised;
}
export type GapKind = 'SECTOR' | 'METHOD' | 'TARGET_GROUP';
export interface PartnerGap {
  kind: GapKind;
  id: string;
  label: Localised;
  /** Share of the similar networks that have it, 0..1. */
  share: number;
  networks: NamedRef[];
}
export interface PartnerResult {
  at: IsoDate;
  asker: (NamedRef & { kind: 'ORGANISATION' | 'PROJECT' }) | null;
  suggestions: PartnerSuggestion[];
  existingPartners: NamedRef[];
  gaps: PartnerGap[];
  similarNetworks: NamedRef[];
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

const ref = (n: GraphNode): NamedRef => ({ id: n.id, label: n.label });
const byLabel = (a: NamedRef, b: NamedRef) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const DAY = 86_400_000;
const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

/** The latest date in the data, not after today: "who is active now" on the data's own clock. */
export function latestDate(snapshot: GraphSnapshot, today: IsoDate = todayIso()): IsoDate {
  let latest: IsoDate | null = null;
  for (const x of [...snapshot.nodes, ...snapshot.edges]) {
    for (const d of [x.validFrom, x.validTo]) if (d !== null && d <= today && (latest === null || d > latest)) latest = d;
  }
  return latest ?? today;
}

function resolveAt(snapshot: GraphSnapshot, at: IsoDate | null | undefined, today?: IsoDate): IsoDate {
  return at ? assertDate(at, 'at') : latestDate(snapshot, today);
}

/** Tie neighbours on one date: organisation → partner → the tie. */
function adjacency(ties: Tie[]): Map<string, Map<string, Tie>> {
  const adj = new Map<string, Map<string, Tie>>();
  const add = (a: string, b: string, t: Tie) => {
    let m = adj.get(a);
    if (!m) adj.set(a, (m = new Map()));
    m.set(b, t);
  };
  for (const t of ties) {
    add(t.source, t.target, t);
    add(t.target, t.source, t);
  }
  return adj;
}

function requireOrganisation(nodes: Map<string, GraphNode>, id: string): GraphNode {
  const n = nodes.get(id);
  if (!n || n.kind !== 'ORGANISATION') throw notFound('Organisation', id);
  return n;
}

const SECTOR_NAMES: Record<Sector, Localised> = {
  PUBLIC: { fi: 'julkinen sektori', sv: 'offentliga sektorn', en: 'public sector' },
  THIRD: { fi: 'järjestöt ja säätiöt (kolmas sektori)', sv: 'tredje sektorn', en: 'third sector' },
  PARISH: { fi: 'seurakunnat', sv: 'församlingarna', en: 'parish sector' },
  PRIVATE: { fi: 'yritykset (yksityinen sektori)', sv: 'privata sektorn', en: 'private sector' },
};
const termNames = (t: Term): Localised => ({ fi: t.nameFi, sv: t.nameSv, en: t.nameEn });
/** "Nature-based methods" → "nature-based methods", but "Green Care" and "NEET" keep their capitals. */
const lowerFirst = (s: string) => (s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s);

// ---------------------------------------------------------------------------------------------
// Partner suggestions
// ---------------------------------------------------------------------------------------------

interface Context {
  /** Project of an activity (RUNS_UNDER), for the networks it belongs to. */
  project: string | null;
  networks: string[];
}

interface Profile {
  methods: Set<string>;
  groups: Set<string>;
  municipalities: Set<string>;
  /** contexts (activities, projects) taken part in up to the date */
  contexts: Set<string>;
  /** last day of taking part in anything up to the date (null = still open) and whether active on the date */
  active: boolean;
  lastDay: IsoDate | null;
  any: boolean;
}

/** What the organisation did up to `at`: methods, groups, places and its last day of activity. */
function profileOf(spells: Spell[], nodes: Map<string, GraphNode>, at: IsoDate): Profile {
  const p: Profile = { methods: new Set(), groups: new Set(), municipalities: new Set(), contexts: new Set(), active: false, lastDay: null, any: false };
  for (const s of spells) {
    if (s.from !== null && s.from > at) continue; // not yet begun
    p.any = true;
    const end = s.to === null || s.to >= at ? at : s.to;
    if (end === at) p.active = true;
    if (p.lastDay === null || end > p.lastDay) p.lastDay = end;
    // Funding is not doing the work: a funder's projects do not describe what it does.
    if ((s.targetKind !== 'ACTIVITY' && s.targetKind !== 'PROJECT') || s.role === 'FUNDER') continue;
    const t = nodes.get(s.targetId)!;
    p.contexts.add(t.id);
    t.methodIds.forEach((m) => p.methods.add(m));
    t.targetGroupIds.forEach((g) => p.groups.add(g));
    if (t.municipalityCode) p.municipalities.add(t.municipalityCode);
  }
  return p;
}

function validateRequest(request: PartnerRequest, municipalities: Map<string, Municipality>, regions: Set<string>) {
  const has = (xs?: unknown[] | null) => !!xs && xs.length > 0;
  const asked =
    !!request.organisationId ||
    !!request.projectId ||
    has(request.methodIds) ||
    has(request.targetGroupIds) ||
    !!request.municipalityCode ||
    !!request.regionCode ||
    has(request.orgKinds) ||
    has(request.sectors) ||
    request.onlyPermanent === true;
  if (!asked) throw badInput('The request is empty: give an organisation or project, or at least one of methods, target groups, place, kinds, sectors or "only permanent".');
  if (request.organisationId && request.projectId) throw badInput('Ask for an organisation or a project, not both.', { field: 'projectId' });
  if (request.municipalityCode && request.regionCode) throw badInput('Give a municipality or a region, not both.', { field: 'regionCode' });
  const methods = new Set(METHODS.map((m) => m.id));
  const groups = new Set(TARGET_GROUPS.map((g) => g.id));
  for (const m of request.methodIds ?? []) if (!methods.has(m)) throw badInput(`Unknown method "${m}".`, { field: 'methodIds', value: m });
  for (const g of request.targetGroupIds ?? []) if (!groups.has(g)) throw badInput(`Unknown target group "${g}".`, { field: 'targetGroupIds', value: g });
  if (request.municipalityCode && !municipalities.has(request.municipalityCode))
    throw badInput(`Unknown municipality code "${request.municipalityCode}".`, { field: 'municipalityCode' });
  if (request.regionCode && !regions.has(request.regionCode)) throw badInput(`Unknown region code "${request.regionCode}".`, { field: 'regionCode' });
  for (const k of request.orgKinds ?? []) if (!ORGANISATION_KINDS.includes(k)) throw badInput(`Unknown organisation kind "${k}".`, { field: 'orgKinds' });
  for (const s of request.sectors ?? []) if (!SECTORS.includes(s)) throw badInput(`Unknown sector "${s}".`, { field: 'sectors' });
  const limit = request.limit ?? PARTNER_LIMIT_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > PARTNER_LIMIT_MAX)
    throw badInput(`"limit" must be a whole number from 1 to ${PARTNER_LIMIT_MAX}, not ${limit}.`, { field: 'limit' });
  return limit;
}

/** Everything built once per snapshot and date, and shared by suggestions, gaps and paths. */
interface World {
  at: IsoDate;
  index: CollaborationIndex;
  nodes: Map<string, GraphNode>;
  spellsByOrg: Map<string, Spell[]>;
  adj: Map<string, Map<string, Tie>>;
  contexts: Map<string, Context>;
  /** What each organisation did up to `at`, filled as organisations are looked at. */
  profiles: Map<string, Profile>;
  /** Filled by the first request with an asker (gaps). */
  networkProfiles?: NetworkProfiles;
}

/**
 * Worlds of frozen snapshots, by date. The store shares one frozen snapshot between writes, and
 * the partner page asks it several questions for one date (suggestions, then a path for each), so
 * those build the index, ties and profiles once. A frozen snapshot is taken never to change.
 */
const worlds = new WeakMap<GraphSnapshot, Map<IsoDate, World>>();
const WORLDS_PER_SNAPSHOT = 2;

function worldOf(snapshot: GraphSnapshot, at: IsoDate): World {
  if (!Object.isFrozen(snapshot)) return buildWorld(snapshot, at);
  let byDate = worlds.get(snapshot);
  if (!byDate) worlds.set(snapshot, (byDate = new Map()));
  const world = byDate.get(at) ?? buildWorld(snapshot, at);
  byDate.delete(at);
  byDate.set(at, world); // most recently used last
  for (const old of byDate.keys()) if (byDate.size > WORLDS_PER_SNAPSHOT) byDate.delete(old);
  return world;
}

function profileIn(world: World, id: string): Profile {
  let profile = world.profiles.get(id);
  if (!profile) world.profiles.set(id, (profile = profileOf(world.spellsByOrg.get(id) ?? [], world.nodes, world.at)));
  return profile;
}

function buildWorld(snapshot: GraphSnapshot, at: IsoDate): World {
  const index = indexCollaborations(snapshot, at);
  const spellsByOrg = new Map<string, Spell[]>();
  for (const s of index.spells) {
    const list = spellsByOrg.get(s.organisationId);
    if (list) list.push(s);
    else spellsByOrg.set(s.organisationId, [s]);
  }
  const contexts = new Map<string, Context>();
  const ctx = (id: string) => {
    let c = contexts.get(id);
    if (!c) contexts.set(id, (c = { project: null, networks: [] }));
    return c;
  };
  for (const e of snapshot.edges) {
    if (e.kind === 'RUNS_UNDER') ctx(e.source).project = e.target;
    else if (e.kind === 'IN_NETWORK') ctx(e.source).networks.push(e.target);
  }
  return { at, index, nodes: index.nodes, spellsByOrg, adj: adjacency(tiesOf(index, at).ties), contexts, profiles: new Map() };
}

interface Asker {
  node: GraphNode;
  /** The asker's own organisations: the organisation itself, or the project's participants. */
  members: Set<string>;
  /** Existing partners, excluded from the ranking. */
  partners: Set<string>;
  /** The organisations whose partners count as shared partners (Adamic–Adar through them). */
  hubs: Set<string>;
  profile: Profile;
  sectors: Set<Sector>;
}

function askerOf(world: World, request: PartnerRequest): Asker | null {
  const { nodes, adj, at } = world;
  if (request.organisationId) {
    const node = requireOrganisation(nodes, request.organisationId);
    const partners = new Set(adj.get(node.id)?.keys() ?? []);
    const sectors = new Set<Sector>();
    for (const id of [node.id, ...partners]) {
      const s = nodes.get(id)?.sector;
      if (s) sectors.add(s);
    }
    return { node, members: new Set([node.id]), partners, hubs: partners, profile: profileIn(world, node.id), sectors };
  }
  if (request.projectId) {
    const node = nodes.get(request.projectId);
    if (!node || node.kind !== 'PROJECT') throw notFound('Project', request.projectId);
    const own = new Set([node.id]);
    for (const [id, c] of world.contexts) if (c.project === node.id) own.add(id);
    const members = new Set<string>();
    for (const s of world.index.spells) if (own.has(s.targetId) && (s.from === null || s.from <= at)) members.add(s.organisationId);
    const profile: Profile = { methods: new Set(), groups: new Set(), municipalities: new Set(), contexts: own, active: false, lastDay: null, any: true };
    for (const id of own) {
      const t = nodes.get(id)!;
      t.methodIds.forEach((m) => profile.methods.add(m));
      t.targetGroupIds.forEach((g) => profile.groups.add(g));
      if (t.municipalityCode) profile.municipalities.add(t.municipalityCode);
    }
    const sectors = new Set<Sector>();
    for (const id of members) {
      const s = nodes.get(id)?.sector;
      if (s) sectors.add(s);
    }
    return { node, members, partners: members, hubs: members, profile, sectors };
  }
  return null;
}

/** Ranked partner suggestions for an organisation, a project, or bare criteria, with gaps. */
export function partnerSuggestions(snapshot: GraphSnapshot, request: PartnerRequest, options: PartnerOptions): PartnerResult {
  const municipalities = new Map(options.municipalities.map((m) => [m.code, m]));
  const regions = new Set(options.municipalities.map((m) => m.regionCode));
  const limit = validateRequest(request, municipalities, regions);
  const at = resolveAt(snapshot, request.at, options.today);
  const world = worldOf(snapshot, at);
  const { nodes, adj } = world;
  const asker = askerOf(world, request);

  // What is wanted: the request's own criteria, else the asker's.
  const wantMethods = new Set(request.methodIds?.length ? request.methodIds : asker ? asker.profile.methods : []);
  const wantGroups = new Set(request.targetGroupIds?.length ? request.targetGroupIds : asker ? asker.profile.groups : []);
  const wantMunis = new Set<string>();
  const wantRegions = new Set<string>();
  let regionIsFullMatch = false;
  if (request.municipalityCode) wantMunis.add(request.municipalityCode);
  else if (request.regionCode) {
    wantRegions.add(request.regionCode);
    regionIsFullMatch = true;
  } else if (asker) {
    if (asker.node.municipalityCode) wantMunis.add(asker.node.municipalityCode);
    asker.profile.municipalities.forEach((m) => wantMunis.add(m));
  }
  for (const m of wantMunis) {
    const r = municipalities.get(m)?.regionCode;
    if (r) wantRegions.add(r);
  }

  const weights = { ...DEFAULT_PARTNER_WEIGHTS, ...options.weights };
  const applies: Record<PartnerPartKey, boolean> = {
    fit: wantMethods.size + wantGroups.size > 0,
    place: wantMunis.size + wantRegions.size > 0,
    proximity: !!asker && asker.hubs.size > 0,
    complementarity: !!asker,
    permanence: true,
    recency: true,
  };
  const keys = PARTNER_PART_KEYS.filter((k) => applies[k] && weights[k] > 0);
  const total = keys.reduce((sum, k) => sum + weights[k], 0);
  const effective = Object.fromEntries(keys.map((k) => [k, weights[k] / total])) as Record<PartnerPartKey, number>;

  // Adamic–Adar through the asker's partners only: their partners are the only ones with a score.
  const excluded = new Set<string>([...(asker?.members ?? []), ...(asker?.partners ?? [])]);
  const adamicAdar = new Map<string, number>();
  const shared = new Map<string, string[]>();
  if (asker) {
    for (const z of asker.hubs) {
      const neighbours = adj.get(z);
      if (!neighbours) continue;
      const w = 1 / Math.log(Math.max(2, neighbours.size));
      for (const c of neighbours.keys()) {
        if (excluded.has(c)) continue;
        adamicAdar.set(c, (adamicAdar.get(c) ?? 0) + w);
        const list = shared.get(c);
        if (list) list.push(z);
        else shared.set(c, [z]);
      }
    }
  }

  const kinds = request.orgKinds?.length ? new Set(request.orgKinds) : null;
  const sectors = request.sectors?.length ? new Set(request.sectors) : null;
  const needsSignal = applies.fit || applies.place || applies.proximity;
  const methodList = [...wantMethods];
  const groupList = [...wantGroups];
  const coverage = (methods: (m: string) => boolean, groups: (g: string) => boolean) => {
    const shares: number[] = [];
    if (methodList.length) shares.push(methodList.filter(methods).length / methodList.length);
    if (groupList.length) shares.push(groupList.filter(groups).length / groupList.length);
    return shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : 0;
  };
  // One activity's or project's coverage is the same for each of its participants: worked out once.
  const contextCoverage = new Map<string, number>();
  const coverageOf = (contextId: string) => {
    let c = contextCoverage.get(contextId);
    if (c === undefined) {
      const t = nodes.get(contextId)!;
      contextCoverage.set(
        contextId,
        (c = coverage(
          (m) => t.methodIds.includes(m),
          (g) => t.targetGroupIds.includes(g),
        )),
      );
    }
    return c;
  };
  // Every candidate is scored; only the ones returned are explained (names, evidence, sentences).
  const scored: { id: string; n: GraphNode; score: number; values: Record<PartnerPartKey, number>; profile: Profile; places: Set<string>; brings: Sector | null }[] = [];
  for (const id of world.index.organisationIds) {
    if (excluded.has(id)) continue;
    const n = nodes.get(id)!;
    if (kinds && (!n.orgKind || !kinds.has(n.orgKind))) continue;
    if (sectors && (!n.sector || !sectors.has(n.sector))) continue;
    if (request.onlyPermanent && n.permanent !== true) continue;
    const profile = profileIn(world, id);

    // Fit: half from everything it has done, half from its best single activity or project, so
    // doing both in the same activity beats doing them apart.
    let best = 0;
    if (applies.fit) for (const c of profile.contexts) best = Math.max(best, coverageOf(c));
    const fit =
      (coverage(
        (m) => profile.methods.has(m),
        (g) => profile.groups.has(g),
      ) +
        best) /
      2;

    const places = new Set(profile.municipalities);
    if (n.municipalityCode) places.add(n.municipalityCode);
    const inPlace = [...places].some((m) => wantMunis.has(m));
    const inRegion = [...places].some((m) => wantRegions.has(municipalities.get(m)?.regionCode ?? ''));
    const place = inPlace ? 1 : inRegion ? (regionIsFullMatch ? 1 : 0.5) : 0;

    const aa = adamicAdar.get(id) ?? 0;
    const proximity = 1 - Math.exp(-aa);
    if (needsSignal && fit === 0 && place === 0 && proximity === 0) continue;

    const brings = asker && n.sector && !asker.sectors.has(n.sector) ? n.sector : null;
    const values: Record<PartnerPartKey, number> = {
      fit,
      place,
      proximity,
      complementarity: brings ? 1 : 0,
      permanence: n.permanent === true ? 1 : 0,
      recency: !profile.any || profile.lastDay === null ? 0 : profile.active ? 1 : Math.max(0, 1 - daysBetween(profile.lastDay, at) / RECENCY_DAYS),
    };
    const score = round(keys.reduce((sum, k) => sum + values[k] * effective[k], 0));
    scored.push({ id, n, score, values, profile, places, brings });
  }
  scored.sort((a, b) => b.score - a.score || byLabel(a.n, b.n));

  const suggestions = scored.slice(0, limit).map(({ id, n, score, values, profile, places, brings }): PartnerSuggestion => {
    const matchedMethodIds = [...wantMethods].filter((m) => profile.methods.has(m)).sort();
    const matchedTargetGroupIds = [...wantGroups].filter((g) => profile.groups.has(g)).sort();
    const matchedMunicipalityCodes = [...places].filter((m) => wantMunis.has(m)).sort();
    const inRegion = [...places].filter((m) => wantRegions.has(municipalities.get(m)?.regionCode ?? '')).sort();
    const placeNames = matchedMunicipalityCodes.length ? matchedMunicipalityCodes : regionIsFullMatch ? inRegion : [];
    const sharedPartners = (shared.get(id) ?? []).map((z) => ref(nodes.get(z)!)).sort(byLabel);
    const evidence = [...profile.contexts]
      .filter((c) => {
        const t = nodes.get(c)!;
        return t.methodIds.some((m) => wantMethods.has(m)) || t.targetGroupIds.some((g) => wantGroups.has(g));
      })
      .sort();
    return {
      organisation: { id, label: n.label, orgKind: n.orgKind, sector: n.sector, municipalityCode: n.municipalityCode, permanent: n.permanent },
      score,
      parts: keys.map((key) => ({ key, value: round(values[key]), weight: round(effective[key]) })),
      sharedPartners,
      matchedMethodIds,
      matchedTargetGroupIds,
      matchedMunicipalityCodes,
      evidence,
      explanation: explain({ matchedMethodIds, matchedTargetGroupIds, places: placeNames.map((m) => municipalities.get(m)!).filter(Boolean), sharedPartners, brings }),
    };
  });

  return {
    at,
    asker: asker ? { id: asker.node.id, label: asker.node.label, kind: asker.node.kind as 'ORGANISATION' | 'PROJECT' } : null,
    suggestions,
    existingPartners: asker
      ? [...asker.partners]
          .filter((id) => id !== asker.node.id)
          .map((id) => ref(nodes.get(id)!))
          .sort(byLabel)
      : [],
    ...(asker ? gapsOf(world, asker, wantMethods, wantGroups) : { gaps: [], similarNetworks: [] }),
  };
}

const METHOD_BY_ID = new Map(METHODS.map((m) => [m.id, m]));
const GROUP_BY_ID = new Map(TARGET_GROUPS.map((g) => [g.id, g]));

function listOf(names: string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** The three-language explanation of a suggestion, from fixed templates. */
function explain(x: { matchedMethodIds: string[]; matchedTargetGroupIds: string[]; places: Municipality[]; sharedPartners: NamedRef[]; brings: Sector | null }): Localised {
  const methods = x.matchedMethodIds.slice(0, 3).map((m) => termNames(METHOD_BY_ID.get(m)!));
  const groups = x.matchedTargetGroupIds.slice(0, 3).map((g) => termNames(GROUP_BY_ID.get(g)!));
  const places = x.places.slice(0, 3);
  const partners = x.sharedPartners.slice(0, 3).map((p) => p.label);
  const more = x.sharedPartners.length - partners.length;
  const out: Record<keyof Localised, string[]> = { fi: [], sv: [], en: [] };

  // What it does and where.
  if (groups.length || methods.length || places.length) {
    const g = (l: keyof Localised) =>
      listOf(
        groups.map((t) => (l === 'fi' || l === 'sv' ? t[l].toLowerCase() : lowerFirst(t[l]))),
        l === 'fi' ? 'ja' : l === 'sv' ? 'och' : 'and',
      );
    const m = (l: keyof Localised) =>
      listOf(
        methods.map((t) => lowerFirst(t[l])),
        l === 'fi' ? 'ja' : l === 'sv' ? 'och' : 'and',
      );
    const where = (l: keyof Localised) =>
      listOf(
        places.map((p) => (l === 'sv' ? p.nameSv : p.name)),
        l === 'fi' ? 'ja' : l === 'sv' ? 'och' : 'and',
      );
    const en = ['works'];
    if (groups.length) en.push(`with ${g('en')}`);
    if (methods.length) en.push(`using ${m('en')}`);
    if (places.length) en.push(`in ${where('en')}`);
    out.en.push(en.join(' '));
    const sv = ['arbetar'];
    if (groups.length) sv.push(`med målgruppen ${g('sv')}`);
    if (methods.length) sv.push(`med ${m('sv')}`);
    if (places.length) sv.push(`i ${where('sv')}`);
    out.sv.push(sv.join(' '));
    const fi: string[] = [];
    if (groups.length) fi.push(`kohderyhmänä ${g('fi')}`);
    if (methods.length) fi.push(`menetelminä ${m('fi')}`);
    if (places.length) fi.push(`paikkakuntana ${where('fi')}`);
    out.fi.push(`toimii ${fi.join(', ')}`);
  }
  if (partners.length) {
    const n = x.sharedPartners.length;
    const names = partners.join(', ') + (more > 0 ? ` (+${more})` : '');
    out.en.push(`you share ${n} ${n === 1 ? 'partner' : 'partners'}: ${names}`);
    out.sv.push(`ni har ${n} ${n === 1 ? 'gemensam partner' : 'gemensamma partner'}: ${names}`);
    out.fi.push(`teillä on ${n} ${n === 1 ? 'yhteinen kumppani' : 'yhteistä kumppania'}: ${names}`);
  }
  if (x.brings) {
    const s = SECTOR_NAMES[x.brings];
    out.en.push(`brings the ${s.en}`);
    out.sv.push(`tillför ${s.sv}`);
    out.fi.push(`tuo mukaan puuttuvan sektorin: ${s.fi}`);
  }
  if (!out.en.length) {
    out.en.push('active in the network');
    out.sv.push('aktiv i nätverket');
    out.fi.push('toimii verkostossa');
  }
  return { fi: out.fi.join('; '), sv: out.sv.join('; '), en: out.en.join('; ') };
}

// ---------------------------------------------------------------------------------------------
// Gaps
// ---------------------------------------------------------------------------------------------

/** At most this many most similar networks are compared. */
const SIMILAR_NETWORKS = 5;

/**
 * What the asker's network lacks compared with similar networks: networks (NETWORK nodes) whose
 * activities and projects share methods or target groups with what is wanted, ranked by Jaccard
 * similarity; a gap is a sector, method or target group that some of them have and the asker lacks.
 */
interface NetProfile {
  methods: Set<string>;
  groups: Set<string>;
  sectors: Set<Sector>;
  contexts: Set<string>;
}

/** What every network has done and who is in it up to the world's date; the same for every asker. */
interface NetworkProfiles {
  nets: Map<string, NetProfile>;
  /** The networks an activity or project belongs to, directly or through its project. */
  networksOf: (contextId: string) => string[];
}

function networkProfiles(world: World): NetworkProfiles {
  if (world.networkProfiles) return world.networkProfiles;
  const { nodes, contexts, at } = world;
  const nets = new Map<string, NetProfile>();
  const net = (id: string) => {
    let p = nets.get(id);
    if (!p) nets.set(id, (p = { methods: new Set(), groups: new Set(), sectors: new Set(), contexts: new Set() }));
    return p;
  };
  // Asked once per participation below, so each context's answer is kept.
  const networksByContext = new Map<string, string[]>();
  const networksOf = (contextId: string): string[] => {
    let known = networksByContext.get(contextId);
    if (known) return known;
    const c = contexts.get(contextId);
    const parent = c?.project ? (contexts.get(c.project)?.networks ?? []) : [];
    known = !c ? [] : parent.length ? [...new Set([...c.networks, ...parent])] : c.networks;
    networksByContext.set(contextId, known);
    return known;
  };
  for (const id of contexts.keys()) {
    const t = nodes.get(id);
    if (!t || (t.kind !== 'ACTIVITY' && t.kind !== 'PROJECT') || (t.validFrom !== null && t.validFrom > at)) continue;
    for (const nid of networksOf(id)) {
      if (!nodes.has(nid)) continue;
      const p = net(nid);
      p.contexts.add(id);
      t.methodIds.forEach((m) => p.methods.add(m));
      t.targetGroupIds.forEach((g) => p.groups.add(g));
    }
  }
  for (const s of world.index.spells) {
    if (s.from !== null && s.from > at) continue;
    const sector = nodes.get(s.organisationId)?.sector;
    if (!sector) continue;
    const targets = s.targetKind === 'NETWORK' ? [s.targetId] : networksOf(s.targetId);
    for (const nid of targets) if (nodes.has(nid)) net(nid).sectors.add(sector);
  }
  return (world.networkProfiles = { nets, networksOf });
}

function gapsOf(world: World, asker: Asker, wantMethods: Set<string>, wantGroups: Set<string>): { gaps: PartnerGap[]; similarNetworks: NamedRef[] } {
  const { nodes } = world;
  const { nets, networksOf } = networkProfiles(world);

  // The asker's own networks are not "other" networks.
  const own = new Set<string>();
  for (const c of asker.profile.contexts) networksOf(c).forEach((n) => own.add(n));
  for (const m of asker.members) for (const s of world.spellsByOrg.get(m) ?? []) if (s.targetKind === 'NETWORK') own.add(s.targetId);

  const mine = new Set([...[...asker.profile.methods, ...wantMethods].map((m) => `m:${m}`), ...[...asker.profile.groups, ...wantGroups].map((g) => `g:${g}`)]);
  const similar: { id: string; sim: number; p: NetProfile }[] = [];
  for (const [id, p] of nets) {
    if (own.has(id)) continue;
    const theirs = new Set([...[...p.methods].map((m) => `m:${m}`), ...[...p.groups].map((g) => `g:${g}`)]);
    let common = 0;
    for (const x of theirs) if (mine.has(x)) common++;
    if (common === 0) continue;
    similar.push({ id, sim: common / (mine.size + theirs.size - common), p });
  }
  similar.sort((a, b) => b.sim - a.sim || (a.id < b.id ? -1 : 1));
  const top = similar.slice(0, SIMILAR_NETWORKS);

  const gaps: PartnerGap[] = [];
  const add = (kind: GapKind, id: string, label: Localised, has: (p: NetProfile) => boolean) => {
    const with_ = top.filter((s) => has(s.p));
    if (with_.length) gaps.push({ kind, id, label, share: round(with_.length / top.length), networks: with_.map((s) => ref(nodes.get(s.id)!)) });
  };
  for (const s of SECTORS) if (!asker.sectors.has(s)) add('SECTOR', s, SECTOR_NAMES[s], (p) => p.sectors.has(s));
  for (const m of METHODS) if (!asker.profile.methods.has(m.id)) add('METHOD', m.id, termNames(m), (p) => p.methods.has(m.id));
  for (const g of TARGET_GROUPS) if (!asker.profile.groups.has(g.id)) add('TARGET_GROUP', g.id, termNames(g), (p) => p.groups.has(g.id));
  const kindOrder: Record<GapKind, number> = { SECTOR: 0, METHOD: 1, TARGET_GROUP: 2 };
  gaps.sort((a, b) => b.share - a.share || kindOrder[a.kind] - kindOrder[b.kind] || (a.id < b.id ? -1 : 1));
  return { gaps, similarNetworks: top.map((s) => ref(nodes.get(s.id)!)) };
}

// ---------------------------------------------------------------------------------------------
// Introduction paths
// ---------------------------------------------------------------------------------------------

export interface IntroductionStep {
  from: NamedRef;
  to: NamedRef;
  /** The tie's evidence: the activities and projects the two share on the date. */
  via: (NamedRef & { kind: string })[];
}
export interface IntroductionPath {
  hops: number;
  organisations: NamedRef[];
  steps: IntroductionStep[];
}

/**
 * Every shortest path (up to INTRODUCTION_PATH_CAP, in id order) from one organisation to another
 * through ties active on `at`, at most `maxHops` ties long. Empty when they are not connected
 * within `maxHops`.
 */
export function introductionPaths(
  snapshot: GraphSnapshot,
  fromId: string,
  toId: string,
  at?: IsoDate | null,
  maxHops: number = INTRODUCTION_MAX_HOPS,
  options: { today?: IsoDate; cap?: number } = {},
): IntroductionPath[] {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > INTRODUCTION_MAX_HOPS)
    throw badInput(`"maxHops" must be a whole number from 1 to ${INTRODUCTION_MAX_HOPS}, not ${maxHops}.`, { field: 'maxHops' });
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  requireOrganisation(nodes, fromId);
  requireOrganisation(nodes, toId);
  if (fromId === toId) throw badInput('The two organisations are the same.', { field: 'toId' });
  const day = resolveAt(snapshot, at, options.today);
  const { adj } = worldOf(snapshot, day);
  const cap = options.cap ?? INTRODUCTION_PATH_CAP;

  // Level-by-level BFS, keeping every predecessor on the previous level; stop at the target's level.
  const dist = new Map<string, number>([[fromId, 0]]);
  const preds = new Map<string, string[]>();
  let frontier = [fromId];
  for (let depth = 1; depth <= maxHops && frontier.length && !dist.has(toId); depth++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const v of adj.get(u)?.keys() ?? []) {
        const d = dist.get(v);
        if (d === undefined) {
          dist.set(v, depth);
          preds.set(v, [u]);
          next.push(v);
        } else if (d === depth) preds.get(v)!.push(u);
      }
    }
    frontier = next;
  }
  if (!dist.has(toId)) return [];

  const paths: string[][] = [];
  const walk = (v: string, tail: string[]) => {
    if (paths.length >= cap) return;
    if (v === fromId) {
      paths.push([v, ...tail]);
      return;
    }
    for (const u of [...preds.get(v)!].sort()) walk(u, [v, ...tail]);
  };
  walk(toId, []);

  return paths.map((ids) => ({
    hops: ids.length - 1,
    organisations: ids.map((id) => ref(nodes.get(id)!)),
    steps: ids.slice(1).map((id, i) => {
      const tie = adj.get(ids[i])!.get(id)!;
      return {
        from: ref(nodes.get(ids[i])!),
        to: ref(nodes.get(id)!),
        via: tie.contexts.map((c) => ({ ...ref(nodes.get(c)!), kind: nodes.get(c)!.kind })),
      };
    }),
  }));
}
