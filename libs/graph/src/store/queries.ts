import type { Dialect } from '../engine/cypher-engine';
import { MIGRATION_QUERIES } from '../engine/migrations';
import { ACTIVITY_RETURN, NETWORK_RETURN, ORGANISATION_RETURN, PROJECT_RETURN } from './rows';

/**
 * Every Cypher text the store sends, built once per engine from its dialect. Labels and
 * relationship types come from the constants here, never from input; values are parameters.
 * The neo4j lint test walks this whole tree through Neo4j's own parser.
 */
export type Queries = ReturnType<typeof buildQueries>;

const ITEM_LABELS = ['Organisation', 'Project', 'Activity', 'Network'] as const;
const TARGET_LABELS = { PROJECT: 'Project', ACTIVITY: 'Activity', NETWORK: 'Network' } as const;

const PARTICIPATION_RETURN = (d: Dialect) => `r.id AS id, o.id AS organisationId, t.id AS targetId,
  ${d.label('t')} AS targetLabel, r.role AS role, r.validFrom AS validFrom, r.validTo AS validTo, r.source AS source`;

const ORGANISATION_DETAILS = `OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN ${ORGANISATION_RETURN}, m.code AS municipalityCode, o.sortKey AS sortKey`;

const PROJECT_DETAILS = `OPTIONAL MATCH (p)-[:CONTINUES]->(prev:Project)
RETURN ${PROJECT_RETURN}, prev.id AS predecessorId, p.sortKey AS sortKey`;

const ACTIVITY_DETAILS = `OPTIONAL MATCH (a)-[:LOCATED_IN]->(m:Municipality)
OPTIONAL MATCH (a)-[:RUNS_UNDER]->(p:Project)
OPTIONAL MATCH (a)-[:CONTINUES]->(prev:Activity)
OPTIONAL MATCH (a)-[:USES_METHOD]->(me:Method)
OPTIONAL MATCH (a)-[:SERVES]->(tg:TargetGroup)
RETURN ${ACTIVITY_RETURN}, m.code AS municipalityCode, p.id AS projectId, prev.id AS continuesId,
  collect(DISTINCT me.id) AS methodIds, collect(DISTINCT tg.id) AS targetGroupIds, a.sortKey AS sortKey`;

const NETWORK_DETAILS = `OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region)
RETURN ${NETWORK_RETURN}, r.code AS regionCode, n.sortKey AS sortKey`;

/** A list page: filter, order by the cursor key, cut, then fetch the details of the page only. */
function listing(variable: string, label: string, where: string, details: string) {
  const filter = `WHERE ($q IS NULL OR ${variable}.searchText CONTAINS $q) AND (${where})`;
  return {
    list: `MATCH (${variable}:${label}) ${filter} AND ($after IS NULL OR ${variable}.sortKey > $after)
WITH ${variable} ORDER BY ${variable}.sortKey LIMIT $limit
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

const byLabel = <T>(make: (label: (typeof ITEM_LABELS)[number]) => T) =>
  Object.fromEntries(ITEM_LABELS.map((l) => [l, make(l)])) as Record<(typeof ITEM_LABELS)[number], T>;

/**
 * The rows of a snapshot, each read two ways: over the whole graph (`all`), or joined to a list of
 * scope ids (`scoped`). The join is an UNWIND because Kùzu tests `x.id IN $list` by walking the list
 * for every row: with a 2,000-organisation network's 1,200 items that made its snapshot take a second.
 */
function snapshotReads(ids: string) {
  const read = (pattern: string, key: string, rest: string) => ({
    all: `MATCH ${pattern}\n${rest}`,
    scoped: `UNWIND ${ids} AS id\nMATCH ${pattern} WHERE ${key} = id\n${rest}`,
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
    participations: read(
      '(o:Organisation)-[r:PARTICIPATES]->(t)',
      't.id',
      'RETURN r.id AS id, o.id AS source, t.id AS target, r.role AS role, r.validFrom AS validFrom, r.validTo AS validTo',
    ),
    organisations: read(
      '(o:Organisation)',
      'o.id',
      `OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.sector AS sector, o.permanent AS permanent, m.code AS municipalityCode`,
    ),
    RUNS_UNDER: read('(a)-[:RUNS_UNDER]->(b)', 'a.id', 'RETURN a.id AS source, b.id AS target'),
    CONTINUES: read('(a)-[:CONTINUES]->(b)', 'a.id', 'RETURN a.id AS source, b.id AS target'),
    IN_NETWORK: read('(a)-[:IN_NETWORK]->(b)', 'a.id', 'RETURN a.id AS source, b.id AS target'),
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

export function buildQueries(d: Dialect) {
  const ids = d.stringList('ids');
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
  mergedNames: ${d.stringList('mergedNames')}, searchText: $searchText, sortKey: $sortKey,
  createdAt: $now, updatedAt: $now})`,
      update: `MATCH (o:Organisation {id: $id})
SET o.name = $name, o.kind = $kind, o.sector = $sector, o.businessId = $businessId,
  o.nameKey = $nameKey, o.website = $website, o.permanent = $permanent,
  o.searchText = $searchText, o.sortKey = $sortKey, o.updatedAt = $now`,
      setMergedNames: `MATCH (o:Organisation {id: $id}) SET o.mergedNames = ${d.stringList('mergedNames')}`,
      findDuplicate: `MATCH (o:Organisation)
WHERE o.nameKey = $nameKey OR ($businessId IS NOT NULL AND o.businessId = $businessId)
RETURN o.id AS id, o.name AS name, o.businessId AS businessId`,
    },
    project: {
      get: `MATCH (p:Project {id: $id}) ${PROJECT_DETAILS}`,
      getByCode: `MATCH (p:Project {code: $code}) ${PROJECT_DETAILS}`,
      ...listing(
        'p',
        'Project',
        `$network IS NULL OR EXISTS { MATCH (p)-[:IN_NETWORK]->(:Network {id: $network}) }`,
        PROJECT_DETAILS,
      ),
      create: `CREATE (p:Project {id: $id, code: $code, name: $name, programme: $programme, fund: $fund,
  priorityAxis: $priorityAxis, startDate: date($startDate), endDate: date($endDate), budget: $budget,
  publicFunding: $publicFunding, description: $description, outputs: $outputs,
  searchText: $searchText, sortKey: $sortKey, createdAt: $now, updatedAt: $now})`,
      update: `MATCH (p:Project {id: $id})
SET p.code = $code, p.name = $name, p.programme = $programme, p.fund = $fund,
  p.priorityAxis = $priorityAxis, p.startDate = date($startDate), p.endDate = date($endDate),
  p.budget = $budget, p.publicFunding = $publicFunding, p.description = $description,
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
  createdAt: $now, updatedAt: $now})`,
      update: `MATCH (a:Activity {id: $id})
SET a.name = $name, a.type = $type, a.startDate = date($startDate), a.endDate = date($endDate),
  a.description = $description, a.searchText = $searchText, a.sortKey = $sortKey, a.updatedAt = $now`,
    },
    network: {
      get: `MATCH (n:Network {id: $id}) ${NETWORK_DETAILS}`,
      ...listing('n', 'Network', 'true', NETWORK_DETAILS),
      create: `CREATE (n:Network {id: $id, name: $name, goal: $goal, visibility: $visibility,
  searchText: $searchText, sortKey: $sortKey, createdAt: $now, updatedAt: $now})`,
      update: `MATCH (n:Network {id: $id})
SET n.name = $name, n.goal = $goal, n.visibility = $visibility, n.searchText = $searchText,
  n.sortKey = $sortKey, n.updatedAt = $now`,
    },
    participation: {
      list: `MATCH (o:Organisation {id: $org})-[r:PARTICIPATES]->(t)
RETURN ${PARTICIPATION_RETURN(d)} ORDER BY validFrom, id`,
      listByTarget: `MATCH (o:Organisation)-[r:PARTICIPATES]->(t {id: $target})
RETURN ${PARTICIPATION_RETURN(d)} ORDER BY validFrom, id`,
      get: `MATCH (o:Organisation)-[r:PARTICIPATES]->(t) WHERE r.id = $id RETURN ${PARTICIPATION_RETURN(d)}`,
      targetLabel: Object.values(TARGET_LABELS)
        .map((label) => `MATCH (t:${label} {id: $id}) RETURN '${label}' AS label`)
        .join('\nUNION ALL\n'),
      create: Object.fromEntries(
        Object.entries(TARGET_LABELS).map(([kind, label]) => [
          kind,
          `MATCH (o:Organisation {id: $organisationId}), (t:${label} {id: $targetId})
CREATE (o)-[:PARTICIPATES {id: $id, role: $role, validFrom: date($validFrom), validTo: date($validTo),
  source: $source, createdAt: $now}]->(t)`,
        ]),
      ) as Record<keyof typeof TARGET_LABELS, string>,
      end: `MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.id = $id SET r.validTo = date($validTo)`,
      remove: `MATCH (:Organisation)-[r:PARTICIPATES]->() WHERE r.id = $id DELETE r`,
    },
    adoption: {
      ofOrganisation: `MATCH (o:Organisation {id: $org})-[r:ADOPTED]->(m:OperatingModel)
RETURN m.id AS modelId, r.validFrom AS validFrom, r.validTo AS validTo`,
      create: `MATCH (o:Organisation {id: $org}), (m:OperatingModel {id: $model})
CREATE (o)-[:ADOPTED {validFrom: date($validFrom), validTo: date($validTo)}]->(m)`,
    },
    links: {
      one: {
        Organisation: toOne('Organisation', 'LOCATED_IN', 'Municipality', 'code'),
        Activity: toOne('Activity', 'LOCATED_IN', 'Municipality', 'code'),
        Network: toOne('Network', 'LOCATED_IN', 'Region', 'code'),
        ProjectPredecessor: toOne('Project', 'CONTINUES', 'Project', 'id'),
        ActivityProject: toOne('Activity', 'RUNS_UNDER', 'Project', 'id'),
        ActivityContinues: toOne('Activity', 'CONTINUES', 'Activity', 'id'),
      },
      many: { Project: toMany('Project'), Activity: toMany('Activity') },
      read: { Project: readLinks('Project'), Activity: readLinks('Activity') },
    },
    node: {
      detachDelete: byLabel((l) => `MATCH (n:${l} {id: $id}) DETACH DELETE n`),
      // Grouped by n.id, so an unknown id gives no row (a bare count() always gives one).
      degree: byLabel((l) => `MATCH (n:${l} {id: $id}) OPTIONAL MATCH (n)-[r]-() RETURN n.id AS id, count(r) AS n`),
      existingIds: ITEM_LABELS.map((l) => `MATCH (n:${l}) WHERE n.id IN ${ids} RETURN n.id AS id`).join(
        '\nUNION ALL\n',
      ),
      countOrganisations: 'MATCH (o:Organisation) RETURN count(o) AS n',
      counts: [
        ...ITEM_LABELS.map((l) => `MATCH (n:${l}) RETURN '${l}' AS label, count(n) AS n`),
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
      targetGroups:
        'MATCH (t:TargetGroup) RETURN t.id AS id, t.nameFi AS nameFi, t.nameSv AS nameSv, t.nameEn AS nameEn ORDER BY nameFi',
      operatingModels: 'MATCH (m:OperatingModel) RETURN m.id AS id, m.name AS name, m.description AS description ORDER BY name',
      termIds: ['Method', 'TargetGroup', 'OperatingModel']
        .map((l) => `MATCH (t:${l}) RETURN '${l}' AS label, t.id AS id`)
        .join('\nUNION ALL\n'),
      regionCount: 'MATCH (r:Region) RETURN count(r) AS n',
    },
    meta: {
      get: 'MATCH (m:Meta {key: $key}) RETURN m.value AS value',
      set: 'MERGE (m:Meta {key: $key}) ON CREATE SET m.value = $value ON MATCH SET m.value = $value',
      migrations: MIGRATION_QUERIES,
    },
    search: ITEM_LABELS.map(
      (l) =>
        `MATCH (n:${l}) WHERE n.searchText CONTAINS $q
RETURN n.id AS id, '${l.toUpperCase()}' AS kind, n.name AS label, n.searchText AS searchText LIMIT $limit`,
    ).join('\nUNION ALL\n'),
    snapshot: {
      networkItems: `MATCH (x)-[:IN_NETWORK]->(n:Network {id: $id}) RETURN x.id AS id, ${d.label('x')} AS label`,
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
