import { NODE_TABLES, REL_TABLES } from '../schema';
import { ACTIVITY_RETURN, NETWORK_RETURN, ORGANISATION_RETURN, PROJECT_RETURN } from './rows';

/**
 * Every Cypher text the store sends to Neo4j; sqlite-queries.ts holds the same statements in SQL. Labels and
 * relationship types come from the constants here, never from input; values are parameters.
 * The neo4j lint test walks this whole tree through Neo4j's own parser.
 */
export type Queries = ReturnType<typeof buildQueries>;

const ITEM_LABELS = ['Organisation', 'Project', 'Activity', 'Network'] as const;
const TARGET_LABELS = { PROJECT: 'Project', ACTIVITY: 'Activity', NETWORK: 'Network' } as const;

const PARTICIPATION_RETURN = `r.id AS id, o.id AS organisationId, t.id AS targetId,
  labels(t)[0] AS targetLabel, r.role AS role, r.validFrom AS validFrom, r.validTo AS validTo, r.source AS source,
  r.sourceRef AS sourceRef, r.confirmedAt AS confirmedAt, r.createdAt AS createdAt`;

const PERSON_RETURN = `p.id AS id, p.name AS name, p.email AS email, p.roleTitle AS roleTitle,
  p.consentGivenAt AS consentGivenAt, p.consentText AS consentText, p.createdAt AS createdAt,
  p.updatedAt AS updatedAt, o.id AS organisationId`;

const CHANGE_RETURN = `c.id AS id, c.at AS at, c.sortKey AS sortKey, c.actorId AS actorId, c.actorEmail AS actorEmail,
  c.operation AS operation, c.entityKind AS entityKind, c.entityId AS entityId, c.label AS label,
  c.entityIds AS entityIds, c.refIds AS refIds, c.networkIds AS networkIds, c.effects AS effects,
  c.undoOf AS undoOf, c.undoneBy AS undoneBy`;

/** Changes about an entity (set or referred to) or a network, in a time window, newest first. */
const CHANGE_FILTER = `WHERE ($entity IS NULL OR $entity IN c.entityIds OR $entity IN c.refIds)
  AND ($network IS NULL OR $network IN c.networkIds)
  AND ($from IS NULL OR c.at >= $from) AND ($until IS NULL OR c.at < $until)`;

const ORGANISATION_DETAILS = `OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN ${ORGANISATION_RETURN}, m.code AS municipalityCode, o.sortKey AS sortKey`;

const PROJECT_DETAILS = `OPTIONAL MATCH (p)-[:CONTINUES]->(prev:Project)
OPTIONAL MATCH (p)-[:IN_NETWORK]->(net:Network)
OPTIONAL MATCH (p)-[:USES_METHOD]->(me:Method)
OPTIONAL MATCH (p)-[:SERVES]->(tg:TargetGroup)
RETURN ${PROJECT_RETURN}, prev.id AS predecessorId, collect(DISTINCT net.id) AS networkIds,
  collect(DISTINCT me.id) AS methodIds, collect(DISTINCT tg.id) AS targetGroupIds, p.sortKey AS sortKey`;

const ACTIVITY_DETAILS = `OPTIONAL MATCH (a)-[:LOCATED_IN]->(m:Municipality)
OPTIONAL MATCH (a)-[:RUNS_UNDER]->(p:Project)
OPTIONAL MATCH (a)-[:CONTINUES]->(prev:Activity)
OPTIONAL MATCH (a)-[:IN_NETWORK]->(net:Network)
OPTIONAL MATCH (a)-[:USES_METHOD]->(me:Method)
OPTIONAL MATCH (a)-[:SERVES]->(tg:TargetGroup)
RETURN ${ACTIVITY_RETURN}, m.code AS municipalityCode, p.id AS projectId, prev.id AS continuesId,
  collect(DISTINCT net.id) AS networkIds, collect(DISTINCT me.id) AS methodIds, collect(DISTINCT tg.id) AS targetGroupIds, a.sortKey AS sortKey`;

const NETWORK_DETAILS = `OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region)
RETURN ${NETWORK_RETURN}, r.code AS regionCode, n.sortKey AS sortKey`;

/**
 * A list page: filter, order by the cursor key, cut, then fetch the details of the page only.
 * `$hidden` holds the ids the caller may not read (private networks and what is only in them).
 */
function listing(variable: string, label: string, where: string, details: string) {
  const filter = `WHERE ($q IS NULL OR ${variable}.searchText CONTAINS $q) AND (${where})
  AND NOT ${variable}.id IN $hidden`;
  return {
    // A range on sortKey alone, then the filter: the index gives the order, and LIMIT stops the scan
    // after one page (with the filter in the first WHERE, Neo4j sorted every match instead).
    list: `MATCH (${variable}:${label}) WHERE ${variable}.sortKey > $after
WITH ${variable} ORDER BY ${variable}.sortKey
${filter}
WITH ${variable} LIMIT $limit
${details}
ORDER BY sortKey`,
    count: `MATCH (${variable}:${label}) ${filter} RETURN count(${variable}) AS n`,
  };
}

function toOne(from: string, rel: string, to: string, key: 'id' | 'code') {
  return {
    unlink: `MATCH (n:${from} {id: $id})-[r:${rel}]->(:${to}) DELETE r`,
    link: `MATCH (n:${from} {id: $id}), (t:${to} {${key}: $target}) CREATE (n)-[:${rel}]->(t) RETURN t.${key} AS id`,
  };
}

function toMany(from: 'Project' | 'Activity') {
  return {
    networks: toOne(from, 'IN_NETWORK', 'Network', 'id'),
    methods: toOne(from, 'USES_METHOD', 'Method', 'id'),
    targetGroups: toOne(from, 'SERVES', 'TargetGroup', 'id'),
  };
}

const readLinks = (label: 'Project' | 'Activity') => `MATCH (n:${label} {id: $id})
OPTIONAL MATCH (n)-[:IN_NETWORK]->(net:Network)
WITH n, collect(net.id) AS networkIds
OPTIONAL MATCH (n)-[:USES_METHOD]->(me:Method)
WITH n, networkIds, collect(me.id) AS methodIds
OPTIONAL MATCH (n)-[:SERVES]->(tg:TargetGroup)
RETURN networkIds, methodIds, collect(tg.id) AS targetGroupIds`;

/**
 * What deleting an item takes with it, by kind of relationship. Only the types schema.ts connects
 * to the label are counted (Neo4j's linter refuses the others); the rest are 0.
 */
export const IMPACT_CATEGORIES = {
  participations: ['PARTICIPATES'],
  activityLinks: ['RUNS_UNDER'],
  continuationLinks: ['CONTINUES'],
  networkLinks: ['IN_NETWORK'],
  adoptions: ['ADOPTED'],
  otherLinks: ['LOCATED_IN', 'USES_METHOD', 'SERVES'],
} as const;

function impactQuery(label: (typeof ITEM_LABELS)[number]): string {
  const touches = (type: string) => REL_TABLES.some((t) => t.type === type && t.pairs.some((pair) => pair.includes(label)));
  const columns = Object.entries(IMPACT_CATEGORIES).map(([column, types]) => {
    const counts = types.filter(touches).map((type) => `COUNT { MATCH (n)-[:${type}]-() }`);
    return `${counts.length ? counts.join(' + ') : '0'} AS ${column}`;
  });
  return `MATCH (n:${label} {id: $id}) RETURN '${label}' AS label, n.name AS name,\n  ${columns.join(',\n  ')}`;
}

const LINK_TYPES = { networkIds: ['IN_NETWORK', 'Network'], methodIds: ['USES_METHOD', 'Method'], targetGroupIds: ['SERVES', 'TargetGroup'] } as const;

/** What an import is matched against: every item with the fields it compares, links apart. */
function importQueries() {
  const links = (label: 'Project' | 'Activity') =>
    Object.fromEntries(Object.entries(LINK_TYPES).map(([field, [type, to]]) => [field, `MATCH (x:${label})-[:${type}]->(t:${to}) RETURN x.id AS id, t.id AS target`])) as Record<
      keyof typeof LINK_TYPES,
      string
    >;
  const money = ['budget', 'publicFunding', 'grantedFunding', 'paidFunding'];
  return {
    baseline: {
      organisations: `MATCH (o:Organisation) OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN ${ORGANISATION_RETURN}, m.code AS municipalityCode`,
      projects: `MATCH (p:Project) OPTIONAL MATCH (p)-[:CONTINUES]->(prev:Project)
RETURN ${PROJECT_RETURN}, prev.id AS predecessorId`,
      activities: `MATCH (a:Activity)
OPTIONAL MATCH (a)-[:LOCATED_IN]->(m:Municipality)
OPTIONAL MATCH (a)-[:RUNS_UNDER]->(p:Project)
OPTIONAL MATCH (a)-[:CONTINUES]->(prev:Activity)
RETURN ${ACTIVITY_RETURN}, m.code AS municipalityCode, p.id AS projectId, prev.id AS continuesId`,
      networks: `MATCH (n:Network) OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region) RETURN ${NETWORK_RETURN}, r.code AS regionCode`,
      participations: `MATCH (o:Organisation)-[r:PARTICIPATES]->(t) RETURN ${PARTICIPATION_RETURN}`,
      projectLinks: links('Project'),
      activityLinks: links('Activity'),
    },
    /** Batched property updates; amounts travel as text, read with toFloat. Links are rewritten separately. */
    updateProjects: `UNWIND $rows AS row MATCH (p:Project {id: row.id})
SET p.code = row.code, p.name = row.name, p.programme = row.programme, p.fund = row.fund,
  p.priorityAxis = row.priorityAxis, p.startDate = date(row.startDate), p.endDate = date(row.endDate),
  ${money.map((m) => `p.${m} = toFloat(row.${m})`).join(', ')},
  p.description = row.description, p.outputs = row.outputs, p.searchText = row.searchText,
  p.sortKey = row.sortKey, p.updatedAt = row.now`,
    updateActivities: `UNWIND $rows AS row MATCH (a:Activity {id: row.id})
SET a.name = row.name, a.type = row.type, a.startDate = date(row.startDate), a.endDate = date(row.endDate),
  a.description = row.description, a.searchText = row.searchText, a.sortKey = row.sortKey, a.updatedAt = row.now`,
    /** By both endpoints, so the key indexes find it (a relationship property alone means a scan). */
    updateParticipation: Object.fromEntries(
      Object.entries(TARGET_LABELS).map(([kind, label]) => [
        kind,
        `MATCH (o:Organisation {id: $organisationId})-[r:PARTICIPATES]->(t:${label} {id: $targetId}) WHERE r.id = $id
SET r.role = $role, r.validFrom = date($validFrom), r.validTo = date($validTo), r.source = $source, r.sourceRef = $sourceRef`,
      ]),
    ) as Record<keyof typeof TARGET_LABELS, string>,
  };
}

const byLabel = <T>(make: (label: (typeof ITEM_LABELS)[number]) => T) => Object.fromEntries(ITEM_LABELS.map((l) => [l, make(l)])) as Record<(typeof ITEM_LABELS)[number], T>;

/**
 * The full backup's statements, generated from schema.ts so new tables are included: every
 * column of every row (aliased c0, c1, … in column order: some column names are keywords), the
 * row count of each node table, and the emptying of each node table for a restore.
 */
function backupQueries() {
  const columns = (variable: string, names: string[]) => names.map((c, i) => `${variable}.${c} AS c${i}`);
  return {
    nodes: Object.fromEntries(NODE_TABLES.map((t) => [t.label, `MATCH (n:${t.label}) RETURN ${columns('n', Object.keys(t.columns)).join(', ')}`])) as Record<string, string>,
    rels: Object.fromEntries(
      REL_TABLES.flatMap((t) =>
        t.pairs.map(([from, to]) => {
          const ends = [`a.${NODE_TABLES.find((n) => n.label === from)!.key} AS endpointFrom`, `b.${NODE_TABLES.find((n) => n.label === to)!.key} AS endpointTo`];
          return [`${t.type}:${from}:${to}`, `MATCH (a:${from})-[r:${t.type}]->(b:${to}) RETURN ${[...ends, ...columns('r', Object.keys(t.columns))].join(', ')}`];
        }),
      ),
    ) as Record<string, string>,
    count: Object.fromEntries(NODE_TABLES.map((t) => [t.label, `MATCH (n:${t.label}) RETURN count(n) AS n`])) as Record<string, string>,
    clear: Object.fromEntries(NODE_TABLES.map((t) => [t.label, `MATCH (n:${t.label}) DETACH DELETE n`])) as Record<string, string>,
  };
}

/**
 * The rows of a snapshot, each read two ways: over the whole graph (`all`), or joined to a list of
 * scope ids (`scoped`), joined by UNWIND so that each id is one key look-up.
 */
function snapshotReads(ids: string) {
  const read = (pattern: string, key: string, rest: string) => ({
    all: `MATCH ${pattern}\n${rest}`,
    scoped: `UNWIND ${ids} AS id\nMATCH ${pattern} WHERE ${key} = id\n${rest}`,
  });
  // `variable` is a node of one of several labels, found by id: one index look-up per label (an
  // unlabelled node compared by id scans every relationship of the type, for each id).
  const byIdAmong = (variable: string, labels: string[], pattern: string, rest: string) => ({
    all: `MATCH ${pattern}\n${rest}`,
    scoped: labels
      .map((label) => `UNWIND ${ids} AS id\nMATCH ${pattern.replace(`(${variable})`, `(${variable}:${label})`)} WHERE ${variable}.id = id\n${rest}`)
      .join('\nUNION ALL\n'),
  });
  const reads = {
    projects: read(
      '(p:Project)',
      'p.id',
      `OPTIONAL MATCH (p)-[:USES_METHOD]->(me:Method)
OPTIONAL MATCH (p)-[:SERVES]->(tg:TargetGroup)
RETURN p.id AS id, p.name AS name, p.code AS code, p.startDate AS validFrom, p.endDate AS validTo,
  collect(DISTINCT me.id) AS methodIds, collect(DISTINCT tg.id) AS targetGroupIds`,
    ),
    activities: read(
      '(a:Activity)',
      'a.id',
      `OPTIONAL MATCH (a)-[:LOCATED_IN]->(m:Municipality)
OPTIONAL MATCH (a)-[:USES_METHOD]->(me:Method)
OPTIONAL MATCH (a)-[:SERVES]->(tg:TargetGroup)
RETURN a.id AS id, a.name AS name, a.type AS type, a.startDate AS validFrom, a.endDate AS validTo,
  m.code AS municipalityCode, collect(DISTINCT me.id) AS methodIds, collect(DISTINCT tg.id) AS targetGroupIds`,
    ),
    networks: read('(n:Network)', 'n.id', 'RETURN n.id AS id, n.name AS name'),
    // Keyed by target; the organisations are read once each below, not once per participation.
    participations: byIdAmong(
      't',
      ['Project', 'Activity', 'Network'],
      '(o:Organisation)-[r:PARTICIPATES]->(t)',
      'RETURN r.id AS id, o.id AS source, t.id AS target, r.role AS role, r.validFrom AS validFrom, r.validTo AS validTo',
    ),
    organisations: read(
      '(o:Organisation)',
      'o.id',
      `OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.sector AS sector, o.permanent AS permanent, m.code AS municipalityCode`,
    ),
    RUNS_UNDER: read('(a:Activity)-[:RUNS_UNDER]->(b)', 'a.id', 'RETURN a.id AS source, b.id AS target'),
    CONTINUES: byIdAmong('a', ['Project', 'Activity'], '(a)-[:CONTINUES]->(b)', 'RETURN a.id AS source, b.id AS target'),
    IN_NETWORK: byIdAmong('a', ['Project', 'Activity'], '(a)-[:IN_NETWORK]->(b)', 'RETURN a.id AS source, b.id AS target'),
    adoptions: read(
      '(o:Organisation)-[r:ADOPTED]->(m:OperatingModel)',
      'o.id',
      'RETURN o.id AS source, m.id AS target, m.name AS name, r.validFrom AS validFrom, r.validTo AS validTo',
    ),
  };
  const pick = (way: 'all' | 'scoped') => ({
    projects: reads.projects[way],
    activities: reads.activities[way],
    networks: reads.networks[way],
    participations: reads.participations[way],
    organisations: reads.organisations[way],
    structural: { RUNS_UNDER: reads.RUNS_UNDER[way], CONTINUES: reads.CONTINUES[way], IN_NETWORK: reads.IN_NETWORK[way] },
    adoptions: reads.adoptions[way],
  });
  return { all: pick('all'), scoped: pick('scoped') };
}

export function buildQueries() {
  const ids = '$ids';
  return {
    organisation: {
      get: `MATCH (o:Organisation {id: $id}) ${ORGANISATION_DETAILS}`,
      ...listing(
        'o',
        'Organisation',
        `($kind IS NULL OR o.kind = $kind) AND ($sector IS NULL OR o.sector = $sector)
  AND ($municipality IS NULL OR EXISTS { MATCH (o)-[:LOCATED_IN]->(:Municipality {code: $municipality}) })`,
        ORGANISATION_DETAILS,
      ),
      create: `CREATE (o:Organisation {id: $id, name: $name, kind: $kind, sector: $sector,
  businessId: $businessId, nameKey: $nameKey, website: $website, permanent: $permanent,
  mergedNames: $mergedNames, mergedFrom: $mergedFrom, searchText: $searchText, sortKey: $sortKey,
  createdAt: $createdAt, updatedAt: $now})`,
      update: `MATCH (o:Organisation {id: $id})
SET o.name = $name, o.kind = $kind, o.sector = $sector, o.businessId = $businessId,
  o.nameKey = $nameKey, o.website = $website, o.permanent = $permanent,
  o.searchText = $searchText, o.sortKey = $sortKey, o.updatedAt = $now`,
      setMergedNames: `MATCH (o:Organisation {id: $id}) SET o.mergedNames = $mergedNames`,
      recordMerge: `MATCH (o:Organisation {id: $id})
SET o.mergedNames = $mergedNames, o.mergedFrom = $mergedFrom`,
      byIds: `MATCH (o:Organisation) WHERE o.id IN ${ids} ${ORGANISATION_DETAILS}`,
      // Grouped by key in the database, so the work grows with the table, not with its square.
      duplicateKeys: `MATCH (o:Organisation) WHERE o.businessId IS NOT NULL
WITH o.businessId AS key, collect(o.id) AS ids WHERE size(ids) > 1
RETURN 'BUSINESS_ID' AS reason, key, ids
UNION ALL
MATCH (o:Organisation)
WITH o.nameKey AS key, collect(o.id) AS ids WHERE size(ids) > 1
RETURN 'NAME' AS reason, key, ids`,
      findDuplicate: `MATCH (o:Organisation)
WHERE o.nameKey = $nameKey OR ($businessId IS NOT NULL AND o.businessId = $businessId)
RETURN o.id AS id, o.name AS name, o.businessId AS businessId`,
    },
    project: {
      get: `MATCH (p:Project {id: $id}) ${PROJECT_DETAILS}`,
      getByCode: `MATCH (p:Project {code: $code}) ${PROJECT_DETAILS}`,
      ...listing('p', 'Project', `$network IS NULL OR EXISTS { MATCH (p)-[:IN_NETWORK]->(:Network {id: $network}) }`, PROJECT_DETAILS),
      create: `CREATE (p:Project {id: $id, code: $code, name: $name, programme: $programme, fund: $fund,
  priorityAxis: $priorityAxis, startDate: date($startDate), endDate: date($endDate), budget: $budget,
  publicFunding: $publicFunding, grantedFunding: $grantedFunding, paidFunding: $paidFunding,
  description: $description, outputs: $outputs,
  searchText: $searchText, sortKey: $sortKey, createdAt: $createdAt, updatedAt: $now})`,
      update: `MATCH (p:Project {id: $id})
SET p.code = $code, p.name = $name, p.programme = $programme, p.fund = $fund,
  p.priorityAxis = $priorityAxis, p.startDate = date($startDate), p.endDate = date($endDate),
  p.budget = $budget, p.publicFunding = $publicFunding, p.grantedFunding = $grantedFunding,
  p.paidFunding = $paidFunding, p.description = $description,
  p.outputs = $outputs, p.searchText = $searchText, p.sortKey = $sortKey, p.updatedAt = $now`,
    },
    activity: {
      get: `MATCH (a:Activity {id: $id}) ${ACTIVITY_DETAILS}`,
      ...listing(
        'a',
        'Activity',
        `($project IS NULL OR EXISTS { MATCH (a)-[:RUNS_UNDER]->(:Project {id: $project}) })
  AND ($network IS NULL OR EXISTS { MATCH (a)-[:IN_NETWORK]->(:Network {id: $network}) }
    OR EXISTS { MATCH (a)-[:RUNS_UNDER]->(:Project)-[:IN_NETWORK]->(:Network {id: $network}) })
  AND ($at IS NULL OR ((a.startDate IS NULL OR a.startDate <= date($at))
    AND (a.endDate IS NULL OR a.endDate >= date($at))))`,
        ACTIVITY_DETAILS,
      ),
      create: `CREATE (a:Activity {id: $id, name: $name, type: $type, startDate: date($startDate),
  endDate: date($endDate), description: $description, searchText: $searchText, sortKey: $sortKey,
  createdAt: $createdAt, updatedAt: $now})`,
      update: `MATCH (a:Activity {id: $id})
SET a.name = $name, a.type = $type, a.startDate = date($startDate), a.endDate = date($endDate),
  a.description = $description, a.searchText = $searchText, a.sortKey = $sortKey, a.updatedAt = $now`,
    },
    network: {
      get: `MATCH (n:Network {id: $id}) ${NETWORK_DETAILS}`,
      ...listing('n', 'Network', 'true', NETWORK_DETAILS),
      create: `CREATE (n:Network {id: $id, name: $name, goal: $goal, visibility: $visibility,
  searchText: $searchText, sortKey: $sortKey, createdAt: $createdAt, updatedAt: $now})`,
      update: `MATCH (n:Network {id: $id})
SET n.name = $name, n.goal = $goal, n.visibility = $visibility, n.searchText = $searchText,
  n.sortKey = $sortKey, n.updatedAt = $now`,
      /** Every network's id and name, to refuse a second network of the same name (folded as nameKey does). */
      names: 'MATCH (n:Network) RETURN n.id AS id, n.name AS name',
    },
    participation: {
      list: `MATCH (o:Organisation {id: $org})-[r:PARTICIPATES]->(t)
RETURN ${PARTICIPATION_RETURN} ORDER BY validFrom, id`,
      listByTarget: `MATCH (o:Organisation)-[r:PARTICIPATES]->(t {id: $target})
RETURN ${PARTICIPATION_RETURN} ORDER BY validFrom, id`,
      listOfOrganisations: `MATCH (o:Organisation)-[r:PARTICIPATES]->(t) WHERE o.id IN $orgs
RETURN ${PARTICIPATION_RETURN} ORDER BY validFrom, id`,
      get: `MATCH (o:Organisation)-[r:PARTICIPATES]->(t) WHERE r.id = $id RETURN ${PARTICIPATION_RETURN}`,
      targetLabel: Object.values(TARGET_LABELS)
        .map((label) => `MATCH (t:${label} {id: $id}) RETURN '${label}' AS label`)
        .join('\nUNION ALL\n'),
      create: Object.fromEntries(
        Object.entries(TARGET_LABELS).map(([kind, label]) => [
          kind,
          `MATCH (o:Organisation {id: $organisationId}), (t:${label} {id: $targetId})
CREATE (o)-[:PARTICIPATES {id: $id, role: $role, validFrom: date($validFrom), validTo: date($validTo),
  source: $source, sourceRef: $sourceRef, confirmedAt: $confirmedAt, createdAt: $createdAt}]->(t)`,
        ]),
      ) as Record<keyof typeof TARGET_LABELS, string>,
      end: `MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.id = $id SET r.validTo = date($validTo)`,
      confirm: `MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.id = $id SET r.confirmedAt = $confirmedAt`,
      /** Puts back a recorded state (undo); the organisation and target of a tie never change. */
      restore: `MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.id = $id
SET r.role = $role, r.validFrom = date($validFrom), r.validTo = date($validTo), r.source = $source,
  r.sourceRef = $sourceRef, r.confirmedAt = $confirmedAt`,
      remove: `MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.id = $id DELETE r`,
    },
    adoption: {
      ofOrganisation: `MATCH (o:Organisation {id: $org})-[r:ADOPTED]->(m:OperatingModel)
RETURN m.id AS modelId, r.validFrom AS validFrom, r.validTo AS validTo ORDER BY modelId, validFrom`,
      create: `MATCH (o:Organisation {id: $org}), (m:OperatingModel {id: $model})
CREATE (o)-[:ADOPTED {validFrom: date($validFrom), validTo: date($validTo)}]->(m) RETURN m.id AS id`,
      removeAll: `MATCH (o:Organisation {id: $org})-[r:ADOPTED]->(:OperatingModel) DELETE r`,
    },
    links: {
      one: {
        Organisation: toOne('Organisation', 'LOCATED_IN', 'Municipality', 'code'),
        Activity: toOne('Activity', 'LOCATED_IN', 'Municipality', 'code'),
        Network: toOne('Network', 'LOCATED_IN', 'Region', 'code'),
        ProjectPredecessor: toOne('Project', 'CONTINUES', 'Project', 'id'),
        ActivityProject: toOne('Activity', 'RUNS_UNDER', 'Project', 'id'),
        ActivityContinues: toOne('Activity', 'CONTINUES', 'Activity', 'id'),
        PersonOrganisation: toOne('Person', 'WORKS_FOR', 'Organisation', 'id'),
      },
      /** Items whose own link points at the given one: they change when it is deleted. */
      incoming: {
        projectActivities: 'MATCH (x:Activity)-[:RUNS_UNDER]->(:Project {id: $id}) RETURN x.id AS id ORDER BY id',
        projectFollowUps: 'MATCH (x:Project)-[:CONTINUES]->(:Project {id: $id}) RETURN x.id AS id ORDER BY id',
        activityFollowUps: 'MATCH (x:Activity)-[:CONTINUES]->(:Activity {id: $id}) RETURN x.id AS id ORDER BY id',
        networkProjects: 'MATCH (x:Project)-[:IN_NETWORK]->(:Network {id: $id}) RETURN x.id AS id ORDER BY id',
        networkActivities: 'MATCH (x:Activity)-[:IN_NETWORK]->(:Network {id: $id}) RETURN x.id AS id ORDER BY id',
      },
      many: { Project: toMany('Project'), Activity: toMany('Activity') },
      read: { Project: readLinks('Project'), Activity: readLinks('Activity') },
    },
    node: {
      detachDelete: byLabel((l) => `MATCH (n:${l} {id: $id}) DETACH DELETE n`),
      // Grouped by n.id, so an unknown id gives no row (a bare count() always gives one).
      degree: byLabel((l) => `MATCH (n:${l} {id: $id}) OPTIONAL MATCH (n)-[r]-() RETURN n.id AS id, count(r) AS n`),
      // One read: at most one label has the id, so one branch gives the row.
      deletionImpact: ITEM_LABELS.map(impactQuery).join('\nUNION ALL\n'),
      existingIds: ITEM_LABELS.map((l) => `MATCH (n:${l}) WHERE n.id IN ${ids} RETURN n.id AS id`).join('\nUNION ALL\n'),
      countOrganisations: 'MATCH (o:Organisation) RETURN count(o) AS n',
      counts: [
        ...[...ITEM_LABELS, 'Person', 'Change'].map((l) => `MATCH (n:${l}) RETURN '${l}' AS label, count(n) AS n`),
        "MATCH (:Organisation)-[r:PARTICIPATES]->() RETURN 'PARTICIPATES' AS label, count(r) AS n",
      ].join('\nUNION ALL\n'),
    },
    reference: {
      region: 'MATCH (r:Region {code: $code}) RETURN r.code AS code',
      regions: 'MATCH (r:Region) RETURN r.code AS code, r.name AS name, r.nameSv AS nameSv ORDER BY code',
      municipality: 'MATCH (m:Municipality {code: $code}) RETURN m.code AS code',
      municipalities: `MATCH (m:Municipality) OPTIONAL MATCH (m)-[:LOCATED_IN]->(r:Region)
RETURN m.code AS code, m.name AS name, m.nameSv AS nameSv, r.code AS regionCode ORDER BY name`,
      methods: 'MATCH (t:Method) RETURN t.id AS id, t.nameFi AS nameFi, t.nameSv AS nameSv, t.nameEn AS nameEn ORDER BY nameFi',
      targetGroups: 'MATCH (t:TargetGroup) RETURN t.id AS id, t.nameFi AS nameFi, t.nameSv AS nameSv, t.nameEn AS nameEn ORDER BY nameFi',
      operatingModels: 'MATCH (m:OperatingModel) RETURN m.id AS id, m.name AS name, m.description AS description ORDER BY name',
      termIds: ['Method', 'TargetGroup', 'OperatingModel'].map((l) => `MATCH (t:${l}) RETURN '${l}' AS label, t.id AS id`).join('\nUNION ALL\n'),
      regionCount: 'MATCH (r:Region) RETURN count(r) AS n',
    },
    person: {
      get: `MATCH (p:Person {id: $id}) OPTIONAL MATCH (p)-[:WORKS_FOR]->(o:Organisation) RETURN ${PERSON_RETURN}`,
      ofOrganisation: `MATCH (p:Person)-[:WORKS_FOR]->(o:Organisation {id: $org}) RETURN ${PERSON_RETURN} ORDER BY name, id`,
      create: `CREATE (p:Person {id: $id, name: $name, email: $email, roleTitle: $roleTitle,
  consentGivenAt: date($consentGivenAt), consentText: $consentText, createdAt: $createdAt, updatedAt: $now})`,
      update: `MATCH (p:Person {id: $id})
SET p.name = $name, p.email = $email, p.roleTitle = $roleTitle, p.consentGivenAt = date($consentGivenAt),
  p.consentText = $consentText, p.updatedAt = $now`,
      remove: 'MATCH (p:Person {id: $id}) DETACH DELETE p',
    },
    change: {
      create: `CREATE (c:Change {id: $id, at: $at, sortKey: $sortKey, actorId: $actorId, actorEmail: $actorEmail,
  operation: $operation, entityKind: $entityKind, entityId: $entityId, label: $label,
  entityIds: $entityIds, refIds: $refIds, networkIds: $networkIds,
  effects: $effects, undoOf: $undoOf, undoneBy: NULL})`,
      get: `MATCH (c:Change {id: $id}) RETURN ${CHANGE_RETURN}`,
      list: `MATCH (c:Change) ${CHANGE_FILTER} AND ($after IS NULL OR c.sortKey < $after)
RETURN ${CHANGE_RETURN} ORDER BY sortKey DESC LIMIT $limit`,
      count: `MATCH (c:Change) ${CHANGE_FILTER} RETURN count(c) AS n`,
      /** What each matching change touches, for counting those a caller may read. */
      touches: `MATCH (c:Change) ${CHANGE_FILTER} RETURN c.entityIds AS entityIds, c.refIds AS refIds, c.networkIds AS networkIds`,
      /** Every change that set or referred to the given ids after a point in the history. */
      touchingSince: `UNWIND ${ids} AS x MATCH (c:Change) WHERE c.sortKey > $since AND (x IN c.entityIds OR x IN c.refIds)
RETURN DISTINCT ${CHANGE_RETURN} ORDER BY sortKey`,
      about: `MATCH (c:Change) WHERE $entity IN c.entityIds OR $entity IN c.refIds RETURN ${CHANGE_RETURN} ORDER BY sortKey`,
      markUndone: 'MATCH (c:Change {id: $id}) SET c.undoneBy = $undoneBy',
      /** Erasure rewrites the personal data out of a change and keeps the rest of the record. */
      scrub: 'MATCH (c:Change {id: $id}) SET c.label = $label, c.effects = $effects, c.actorEmail = $actorEmail',
    },
    /**
     * The networks an item belongs to: itself, by IN_NETWORK, or through the project it runs under.
     */
    networksOf: [
      'MATCH (n:Network {id: $id}) RETURN n.id AS id',
      'MATCH (:Project {id: $id})-[:IN_NETWORK]->(n:Network) RETURN n.id AS id',
      'MATCH (:Activity {id: $id})-[:IN_NETWORK]->(n:Network) RETURN n.id AS id',
      'MATCH (:Activity {id: $id})-[:RUNS_UNDER]->(:Project)-[:IN_NETWORK]->(n:Network) RETURN n.id AS id',
    ].join('\nUNION ALL\n'),
    /**
     * The networks an organisation takes part in, directly or through a project or activity.
     */
    networksOfOrganisation: [
      'MATCH (:Organisation {id: $id})-[:PARTICIPATES]->(n:Network) RETURN n.id AS id',
      'MATCH (:Organisation {id: $id})-[:PARTICIPATES]->(:Project)-[:IN_NETWORK]->(n:Network) RETURN n.id AS id',
      'MATCH (:Organisation {id: $id})-[:PARTICIPATES]->(:Activity)-[:IN_NETWORK]->(n:Network) RETURN n.id AS id',
      'MATCH (:Organisation {id: $id})-[:PARTICIPATES]->(:Activity)-[:RUNS_UNDER]->(:Project)-[:IN_NETWORK]->(n:Network) RETURN n.id AS id',
    ].join('\nUNION ALL\n'),
    nameOf: byLabel((l) => `MATCH (n:${l} {id: $id}) RETURN n.name AS name`),
    importing: importQueries(),
    meta: {
      get: 'MATCH (m:Meta {key: $key}) RETURN m.value AS value',
      set: 'MERGE (m:Meta {key: $key}) ON CREATE SET m.value = $value ON MATCH SET m.value = $value',
      // A SET that reads what it writes takes the node's write lock first (Neo4j's lost-update rule).
      lock: 'MATCH (m:Meta {key: $key}) SET m.value = m.value',
    },
    backup: backupQueries(),
    search: ITEM_LABELS.map(
      (l) =>
        `MATCH (n:${l}) WHERE n.searchText CONTAINS $q
RETURN n.id AS id, '${l.toUpperCase()}' AS kind, n.name AS label, n.searchText AS searchText LIMIT $limit`,
    ).join('\nUNION ALL\n'),
    snapshot: {
      networkItems: `MATCH (x)-[:IN_NETWORK]->(n:Network {id: $id}) RETURN x.id AS id, labels(x)[0] AS label`,
      projectChain: `MATCH (p:Project {id: $id})-[:CONTINUES*1..6]-(q:Project) RETURN DISTINCT q.id AS id`,
      projectNetworks: `UNWIND ${ids} AS id
MATCH (p:Project)-[:IN_NETWORK]->(n:Network) WHERE p.id = id RETURN DISTINCT n.id AS id`,
      underProjects: `UNWIND ${ids} AS id
MATCH (a:Activity)-[:RUNS_UNDER]->(p:Project) WHERE p.id = id RETURN a.id AS id`,
      /** One step back along CONTINUES; the reader repeats it (up to six steps) while it finds more. */
      continuing: `UNWIND ${ids} AS id
MATCH (a:Activity)-[:CONTINUES]->(b:Activity) WHERE b.id = id RETURN DISTINCT a.id AS id`,
      ...snapshotReads(ids),
    },
  };
}
