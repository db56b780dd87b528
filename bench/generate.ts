import {
  METHODS,
  MUNICIPALITIES,
  REGIONS,
  TARGET_GROUPS,
  businessIdCheckDigit,
  seededRng,
  type ActivityType,
  type IsoDate,
  type OrganisationKind,
  type ParticipationRole,
  type SeedActivity,
  type SeedDataset,
  type SeedNetwork,
  type SeedOrganisation,
  type SeedParticipation,
  type SeedProject,
} from '@verkosto/domain';

/**
 * Deterministic benchmark data: the same seed always gives the same dataset, byte for byte.
 *
 * One network (`bigNetworkId`) is built so that exactly `bigNetworkOrganisations` organisations
 * take part in its snapshot scope (the network, its projects and activities, activities run under
 * its projects and activities continuing those). Those organisations are the first ones; every
 * participation in a scope item draws from them, and nothing outside the scope ever continues into
 * or links to it, so no other organisation can enter the snapshot.
 */
export interface BenchSizes {
  organisations: number;
  projects: number;
  activities: number;
  participations: number;
  networks: number;
  /** Organisations taking part in the big network's snapshot scope. */
  bigNetworkOrganisations: number;
  /** Projects and activities placed in the big network. */
  bigNetworkProjects: number;
  bigNetworkActivities: number;
}

export const DEFAULT_SIZES: BenchSizes = {
  organisations: 10_000,
  projects: 2_000,
  activities: 10_000,
  participations: 100_000,
  networks: 20,
  bigNetworkOrganisations: 2_000,
  bigNetworkProjects: 200,
  bigNetworkActivities: 1_000,
};

export interface BenchData {
  dataset: SeedDataset;
  sizes: BenchSizes;
  seed: number;
  bigNetworkId: string;
  /** Rows the bulk load writes, by table kind (mirrors the store's dataset tables). */
  rows: { nodes: number; relationships: number; byTable: Record<string, number> };
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2014, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);
const iso = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
const ms = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const KIND_WEIGHTS: [OrganisationKind, number][] = [
  ['ASSOCIATION', 40],
  ['COMPANY', 18],
  ['FOUNDATION', 8],
  ['EDUCATION', 8],
  ['MUNICIPALITY', 8],
  ['PARISH', 6],
  ['AUTHORITY', 5],
  ['WELLBEING_COUNTY', 2],
  ['OTHER', 5],
];
const KIND_WORDS: Record<OrganisationKind, string[]> = {
  ASSOCIATION: ['nuorisoyhdistys', 'kulttuuriyhdistys', 'urheiluseura', 'eläkeläiset', 'kyläyhdistys', 'mielenterveysseura', 'setlementti', 'kotiseutuyhdistys'],
  COMPANY: ['Oy', 'Osuuskunta', 'Ab', 'Tmi'],
  FOUNDATION: ['säätiö', 'nuorisosäätiö', 'kulttuurisäätiö'],
  EDUCATION: ['kansalaisopisto', 'ammattiopisto', 'lukio', 'ammattikorkeakoulu'],
  MUNICIPALITY: ['kaupunki', 'kunta', 'sivistystoimi', 'nuorisopalvelut'],
  PARISH: ['seurakunta', 'diakoniatyö'],
  AUTHORITY: ['TE-toimisto', 'ELY-keskus', 'aluehallintovirasto'],
  WELLBEING_COUNTY: ['hyvinvointialue', 'sosiaalipalvelut'],
  OTHER: ['verkosto', 'toimintaryhmä', 'kumppanuuspöytä'],
};
const PROJECT_THEMES = ['Osallisuus', 'Työllisyys', 'Yhteisö', 'Kulttuuri', 'Luonto', 'Nuoret', 'Kotoutuminen', 'Hyvinvointi', 'Taide', 'Vertaistuki', 'Arjen tuki', 'Liikkuen'];
const PROJECT_WORDS = ['hanke', 'kehittämishanke', 'pilotti', 'ohjelma', 'verkostohanke'];
const FUNDS = ['ESR', 'EAKR', 'AMIF', 'STEA', 'OKM', 'Leader'];
const PROGRAMMES = ['Kestävää kasvua ja työtä 2014–2020', 'Uudistuva ja osaava Suomi 2021–2027', 'STEA avustusohjelma', 'Leader-ohjelma'];
const ACTIVITY_TYPE_WEIGHTS: [ActivityType, number][] = [
  ['EVENT', 22],
  ['WORKSHOP', 18],
  ['PEER_GROUP', 12],
  ['ROUND_TABLE', 6],
  ['EXHIBITION', 5],
  ['TRAINING', 12],
  ['POP_UP', 6],
  ['SERVICE', 8],
  ['COORDINATION_GROUP', 6],
  ['OTHER', 5],
];
const ACTIVITY_WORDS: Record<ActivityType, string> = {
  EVENT: 'tapahtuma',
  WORKSHOP: 'työpaja',
  PEER_GROUP: 'vertaisryhmä',
  ROUND_TABLE: 'pyöreä pöytä',
  EXHIBITION: 'näyttely',
  TRAINING: 'koulutus',
  POP_UP: 'pop-up',
  SERVICE: 'palvelu',
  COORDINATION_GROUP: 'ohjausryhmä',
  OTHER: 'toiminta',
};
/** Activity types that run for a long time and are sometimes never closed. */
const LONG_RUNNING = new Set<ActivityType>(['PEER_GROUP', 'SERVICE', 'COORDINATION_GROUP']);

export function generateDataset(seed = 20240601, sizes: BenchSizes = DEFAULT_SIZES): BenchData {
  const rnd = seededRng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const chance = (p: number) => rnd() < p;
  const weighted = <T>(table: [T, number][]): T => {
    let r = rnd() * table.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1][0];
  };
  const someOf = <T>(items: readonly T[], max: number): T[] => {
    const n = int(0, max);
    const out = new Set<T>();
    while (out.size < n) out.add(pick(items));
    return [...out];
  };
  const dateBetween = (from: number, to: number) => iso(from + Math.floor(rnd() * Math.max(1, (to - from) / DAY + 1)) * DAY);

  const methodIds = METHODS.map((m) => m.id);
  const groupIds = TARGET_GROUPS.map((t) => t.id);
  const municipalityCodes = MUNICIPALITIES.map((m) => m.code);

  // ── networks ──────────────────────────────────────────────────────────────────────────────
  const networks: SeedNetwork[] = Array.from({ length: sizes.networks }, (_, i) => ({
    id: `net-bench-${pad(i, 3)}`,
    name: i === 0 ? 'Suuri osallisuusverkosto' : `${pick(PROJECT_THEMES)}verkosto ${pick(REGIONS).name} ${i}`,
    goal: 'Yhteistyö yli sektorirajojen.',
    regionCode: pick(REGIONS).code,
    visibility: i % 7 === 6 ? 'PRIVATE' : 'PUBLIC',
  }));
  const bigNetworkId = networks[0].id;
  const otherNetworkIds = networks.slice(1).map((n) => n.id);

  // ── organisations ─────────────────────────────────────────────────────────────────────────
  const usedBusinessIds = new Set<string>();
  const businessId = () => {
    for (;;) {
      const digits = pad(int(100_000, 3_399_999), 7);
      const check = businessIdCheckDigit(digits);
      const id = `${digits}-${check}`;
      if (check !== null && !usedBusinessIds.has(id)) {
        usedBusinessIds.add(id);
        return id;
      }
    }
  };
  const organisations: SeedOrganisation[] = Array.from({ length: sizes.organisations }, (_, i) => {
    const kind = weighted(KIND_WEIGHTS);
    const municipality = pick(MUNICIPALITIES);
    const word = pick(KIND_WORDS[kind]);
    const name = kind === 'COMPANY' ? `${municipality.name} Palvelu ${i + 1} ${word}` : `${municipality.name} ${word} ${i + 1}`;
    return {
      id: `org-bench-${pad(i, 5)}`,
      name,
      kind,
      businessId: kind === 'PARISH' || chance(0.3) ? null : businessId(),
      municipalityCode: chance(0.92) ? municipality.code : null,
      website: chance(0.4) ? `https://www.org${i + 1}.example.fi/` : null,
      permanent: kind !== 'OTHER' || chance(0.5),
    };
  });
  const bigPool = organisations.slice(0, sizes.bigNetworkOrganisations).map((o) => o.id);
  const allOrgIds = organisations.map((o) => o.id);

  // ── projects ──────────────────────────────────────────────────────────────────────────────
  const projects: SeedProject[] = [];
  for (let i = 0; i < sizes.projects; i++) {
    const big = i < sizes.bigNetworkProjects;
    const start = ms(dateBetween(FIRST_DAY, Date.UTC(2023, 5, 30)));
    const end = Math.min(LAST_DAY, start + int(6, 48) * 30 * DAY);
    const budget = int(40, 1500) * 1000;
    // Predecessors stay on the same side of the big network, among earlier projects.
    const lo = big ? 0 : sizes.bigNetworkProjects;
    const predecessor = i > lo + 5 && chance(0.1) ? projects[int(lo, i - 1)] : null;
    const networkIds = big ? [bigNetworkId] : chance(0.1) ? [] : [...new Set([pick(otherNetworkIds), ...(chance(0.2) ? [pick(otherNetworkIds)] : [])])];
    projects.push({
      id: `prj-bench-${pad(i, 4)}`,
      code: `S${pad(20000 + i, 5)}`,
      name: `${pick(PROJECT_THEMES)} ${pick(MUNICIPALITIES).name} ${pick(PROJECT_WORDS)} ${i + 1}`,
      programme: pick(PROGRAMMES),
      fund: pick(FUNDS),
      priorityAxis: chance(0.5) ? `Toimintalinja ${int(1, 5)}` : null,
      startDate: iso(start),
      endDate: chance(0.05) ? null : iso(end),
      budget,
      publicFunding: Math.round(budget * (0.6 + rnd() * 0.4)),
      description: chance(0.5) ? 'Kehitetään matalan kynnyksen toimintaa yhdessä paikallisten toimijoiden kanssa.' : null,
      outputs: null,
      predecessorId: predecessor && (predecessor.startDate ?? '') < iso(start) ? predecessor.id : null,
      networkIds,
      methodIds: someOf(methodIds, 3),
      targetGroupIds: someOf(groupIds, 3),
    });
  }

  // ── activities ────────────────────────────────────────────────────────────────────────────
  // The first `bigNetworkActivities` are in the big network's scope: under one of its projects,
  // or (one in ten) linked to the network directly without a project.
  const activities: SeedActivity[] = [];
  const bigProjectCount = sizes.bigNetworkProjects;
  for (let i = 0; i < sizes.activities; i++) {
    const big = i < sizes.bigNetworkActivities;
    const type = weighted(ACTIVITY_TYPE_WEIGHTS);
    let project: SeedProject | null = null;
    let networkIds: string[] = [];
    if (big) {
      if (chance(0.9)) project = projects[int(0, bigProjectCount - 1)];
      else networkIds = [bigNetworkId];
    } else if (chance(0.85)) {
      project = projects[int(bigProjectCount, sizes.projects - 1)];
      if (chance(0.1)) networkIds = (project.networkIds ?? []).slice(0, 1);
    } else if (chance(0.5)) {
      networkIds = [pick(otherNetworkIds)];
    }
    const from = project?.startDate ? ms(project.startDate) : FIRST_DAY;
    const to = project?.endDate ? ms(project.endDate) : LAST_DAY;
    const start = ms(dateBetween(from, to));
    const length = type === 'EVENT' || type === 'POP_UP' ? 0 : LONG_RUNNING.has(type) ? int(90, 1500) : int(0, 120);
    const end = Math.min(to, start + length * DAY);
    // Continuations stay on the same side of the big network, among earlier activities.
    const lo = big ? 0 : sizes.bigNetworkActivities;
    const earlier = i > lo + 10 && chance(0.1) ? activities[int(lo, i - 1)] : null;
    activities.push({
      id: `act-bench-${pad(i, 5)}`,
      name: `${pick(PROJECT_THEMES)} ${ACTIVITY_WORDS[type]} ${pick(MUNICIPALITIES).name} ${i + 1}`,
      type,
      startDate: iso(start),
      endDate: LONG_RUNNING.has(type) && chance(0.25) ? null : iso(end),
      municipalityCode: chance(0.9) ? pick(municipalityCodes) : null,
      description: null,
      projectId: project?.id ?? null,
      continuesId: earlier && (earlier.startDate ?? '') <= iso(start) ? earlier.id : null,
      networkIds,
      methodIds: someOf(methodIds, 2),
      targetGroupIds: someOf(groupIds, 2),
    });
  }

  // ── participations ────────────────────────────────────────────────────────────────────────
  type Target = { id: string; kind: 'PROJECT' | 'ACTIVITY' | 'NETWORK'; from: number; to: number | null; big: boolean };
  const projectTargets: Target[] = projects.map((p, i) => ({
    id: p.id,
    kind: 'PROJECT',
    from: ms(p.startDate!),
    to: p.endDate ? ms(p.endDate) : null,
    big: i < sizes.bigNetworkProjects,
  }));
  const activityTargets: Target[] = activities.map((a, i) => ({
    id: a.id,
    kind: 'ACTIVITY',
    from: ms(a.startDate!),
    to: a.endDate ? ms(a.endDate) : null,
    big: i < sizes.bigNetworkActivities,
  }));
  const networkTargets: Target[] = networks.map((n, i) => ({ id: n.id, kind: 'NETWORK', from: FIRST_DAY, to: null, big: i === 0 }));
  const bigTargets = [...projectTargets, ...activityTargets, ...networkTargets].filter((t) => t.big);
  const otherTargets = [...projectTargets, ...activityTargets, ...networkTargets].filter((t) => !t.big);

  const participations: SeedParticipation[] = [];
  const taken = new Set<string>();
  const add = (orgId: string, t: Target, role: ParticipationRole, validFrom: IsoDate | null, validTo: IsoDate | null) => {
    taken.add(`${orgId}|${t.id}`);
    participations.push({
      id: `par-bench-${pad(participations.length, 6)}`,
      organisationId: orgId,
      targetId: t.id,
      role,
      validFrom,
      validTo,
    });
  };
  /** Dates inside the target's own period; one in seven left open when the target allows. */
  const datesIn = (t: Target): [IsoDate, IsoDate | null] => {
    const end = t.to ?? LAST_DAY;
    const from = t.from + Math.floor((rnd() * 0.3 * (end - t.from)) / DAY) * DAY;
    if (t.to === null) return [iso(from), chance(0.6) ? null : dateBetween(from, LAST_DAY)];
    if (chance(0.15)) return [iso(from), null];
    return [iso(from), chance(0.7) ? iso(t.to) : dateBetween(from, t.to)];
  };
  const roleFor = (t: Target): ParticipationRole =>
    t.kind === 'PROJECT'
      ? weighted<ParticipationRole>([
          ['PARTNER', 50],
          ['CO_IMPLEMENTER', 25],
          ['STEERING_GROUP', 15],
          ['FUNDER', 10],
        ])
      : t.kind === 'ACTIVITY'
        ? weighted<ParticipationRole>([
            ['PARTICIPANT', 50],
            ['PARTNER', 25],
            ['VENUE', 12],
            ['FUNDER', 5],
            ['ORGANISER', 8],
          ])
        : 'MEMBER';
  const addDrawn = (orgs: string[], t: Target, orgHint?: string) => {
    let org = orgHint ?? pick(orgs);
    for (let tries = 0; taken.has(`${org}|${t.id}`) && tries < 20; tries++) org = pick(orgs);
    if (taken.has(`${org}|${t.id}`)) return false;
    const [from, to] = datesIn(t);
    add(org, t, roleFor(t), from, to);
    return true;
  };

  // Every project has a lead, every activity an organiser, every network a coordinator.
  for (const t of [...bigTargets, ...otherTargets]) {
    const pool = t.big ? bigPool : allOrgIds;
    const org = pick(pool);
    if (t.kind === 'NETWORK') {
      if (t.id === bigNetworkId) {
        // Three coordination terms handed over in turn; the last one still open.
        const [a, b, c] = [pick(pool), pick(pool), pick(pool)];
        add(a, t, 'COORDINATOR', '2014-01-01', '2017-12-31');
        add(b, t, 'COORDINATOR', '2018-01-01', '2021-06-30');
        add(c, t, 'COORDINATOR', '2021-07-01', null);
        add(pick(pool), t, 'BUDGET_HOLDER', '2014-01-01', null);
      } else {
        add(org, t, 'COORDINATOR', dateBetween(FIRST_DAY, Date.UTC(2020, 0, 1)), null);
      }
      continue;
    }
    add(org, t, t.kind === 'PROJECT' ? 'LEAD' : 'ORGANISER', iso(t.from), t.to === null ? null : iso(t.to));
  }
  // Every organisation of the big pool takes part in the big network's scope at least once;
  // every other organisation somewhere outside it.
  const cover = (org: string, targets: Target[]) => {
    let t = pick(targets);
    while (taken.has(`${org}|${t.id}`)) t = pick(targets);
    addDrawn([org], t, org);
  };
  bigPool.forEach((org) => cover(org, bigTargets));
  allOrgIds.slice(sizes.bigNetworkOrganisations).forEach((org) => cover(org, otherTargets));
  // The rest drawn at random: memberships, project partners, activity participants.
  const projectShare = 0.32;
  const networkShare = 0.04;
  while (participations.length < sizes.participations) {
    const r = rnd();
    const list = r < networkShare ? networkTargets : r < networkShare + projectShare ? projectTargets : activityTargets;
    const t = pick(list);
    addDrawn(t.big ? bigPool : allOrgIds, t);
  }

  // ── operating models and their adoption ───────────────────────────────────────────────────
  const operatingModels = [
    { id: 'om-bench-low-threshold', name: 'Matalan kynnyksen kohtaamispaikka' },
    { id: 'om-bench-peer-guides', name: 'Vertaisohjaajamalli' },
    { id: 'om-bench-culture-pass', name: 'Kulttuuriluotsit' },
    { id: 'om-bench-green-care', name: 'Green Care -toimintamalli' },
    { id: 'om-bench-one-stop', name: 'Yhden luukun palveluohjaus' },
  ];
  const adoptions = Array.from({ length: Math.round(sizes.organisations * 0.12) }, (_, i) => ({
    organisationId: allOrgIds[(i * 7919) % allOrgIds.length],
    operatingModelId: operatingModels[i % operatingModels.length].id,
    validFrom: dateBetween(Date.UTC(2016, 0, 1), LAST_DAY),
    validTo: null,
  }));

  const dataset: SeedDataset = { organisations, projects, networks, activities, participations, operatingModels, adoptions };
  return { dataset, sizes, seed, bigNetworkId, rows: countRows(dataset) };
}

/** The rows a bulk load of `d` writes, table by table, as the store's dataset tables count them. */
export function countRows(d: SeedDataset): BenchData['rows'] {
  const len = (xs: unknown[] | null | undefined) => xs?.length ?? 0;
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  const nodes: Record<string, number> = {
    Organisation: d.organisations.length,
    Project: d.projects.length,
    Activity: d.activities.length,
    Network: d.networks.length,
    OperatingModel: len(d.operatingModels),
  };
  const rels: Record<string, number> = {
    PARTICIPATES: d.participations.length,
    LOCATED_IN: d.organisations.filter((o) => o.municipalityCode).length + d.activities.filter((a) => a.municipalityCode).length + d.networks.filter((n) => n.regionCode).length,
    CONTINUES: d.projects.filter((p) => p.predecessorId).length + d.activities.filter((a) => a.continuesId).length,
    RUNS_UNDER: d.activities.filter((a) => a.projectId).length,
    IN_NETWORK: sum([...d.projects, ...d.activities], (x) => len(x.networkIds)),
    USES_METHOD: sum([...d.projects, ...d.activities], (x) => len(x.methodIds)),
    SERVES: sum([...d.projects, ...d.activities], (x) => len(x.targetGroupIds)),
    ADOPTED: len(d.adoptions),
  };
  const total = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);
  return { nodes: total(nodes), relationships: total(rels), byTable: { ...nodes, ...rels } };
}
