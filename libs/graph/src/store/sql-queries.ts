import { NODE_TABLES, REL_TABLES } from '../schema';
import { IMPACT_CATEGORIES, type Queries } from './queries';
import { ACTIVITY_RETURN, NETWORK_RETURN, ORGANISATION_RETURN, PROJECT_RETURN } from './rows';

/**
 * The store's statements in SQLite's SQL, under the same names as queries.ts and returning the
 * same aliases (the sqlite contract suite runs every one). Tables are those of sqlite-schema.ts:
 * a relationship row names its ends as (src, srcLabel) and (dst, dstLabel). A `:json` alias suffix
 * asks the engine to parse a computed list; stored list and boolean columns decode by their type.
 */
const ITEM_LABELS = ['Organisation', 'Project', 'Activity', 'Network'] as const;
type ItemLabel = (typeof ITEM_LABELS)[number];
const TARGET_LABELS = { PROJECT: 'Project', ACTIVITY: 'Activity', NETWORK: 'Network' } as const;

const keyOf = (label: string) => NODE_TABLES.find((t) => t.label === label)!.key;
/** The members of a JSON list parameter, for `x IN (…)`. */
const each = (param: string) => `(SELECT value FROM json_each(${param}))`;

/** The one linked key (or null) along `type` from the node `x` of `from` to a node of `to`. */
const linked = (type: string, x: string, from: string, to: string) =>
  `(SELECT l.dst FROM "${type}" l WHERE l.src = ${x} AND l.srcLabel = '${from}' AND l.dstLabel = '${to}' LIMIT 1)`;
/** Every linked key along `type`, as a JSON list. */
const linkedList = (type: string, x: string, from: string, to: string) =>
  `(SELECT json_group_array(DISTINCT l.dst) FROM "${type}" l WHERE l.src = ${x} AND l.srcLabel = '${from}' AND l.dstLabel = '${to}')`;
const hasLink = (type: string, x: string, from: string, to: string, target: string) =>
  `EXISTS (SELECT 1 FROM "${type}" l WHERE l.src = ${x} AND l.srcLabel = '${from}' AND l.dst = ${target} AND l.dstLabel = '${to}')`;

/** The networks of an activity's project, as rows (id). */
const viaProject = (activity: string) => `SELECT n.dst AS id FROM "RUNS_UNDER" ru
  JOIN "IN_NETWORK" n ON n.src = ru.dst AND n.srcLabel = 'Project' AND n.dstLabel = 'Network'
  WHERE ru.src = ${activity} AND ru.srcLabel = 'Activity'`;

const PARTICIPATION_RETURN = `r.id AS id, r.src AS organisationId, r.dst AS targetId, r.dstLabel AS targetLabel,
  r.role AS role, r.validFrom AS validFrom, r.validTo AS validTo, r.source AS source, r.sourceRef AS sourceRef,
  r.confirmedAt AS confirmedAt, r.createdAt AS createdAt`;

const PERSON_RETURN = `p.id AS id, p.name AS name, p.email AS email, p.roleTitle AS roleTitle,
  p.consentGivenAt AS consentGivenAt, p.consentText AS consentText, p.createdAt AS createdAt,
  p.updatedAt AS updatedAt, ${linked('WORKS_FOR', 'p.id', 'Person', 'Organisation')} AS organisationId`;

const CHANGE_RETURN = `c.id AS id, c.at AS at, c.sortKey AS sortKey, c.actorId AS actorId, c.actorEmail AS actorEmail,
  c.operation AS operation, c.entityKind AS entityKind, c.entityId AS entityId, c.label AS label,
  c.entityIds AS entityIds, c.refIds AS refIds, c.networkIds AS networkIds, c.effects AS effects,
  c.undoOf AS undoOf, c.undoneBy AS undoneBy`;

const inList = (list: string, value: string) => `EXISTS (SELECT 1 FROM json_each(${list}) WHERE value = ${value})`;
const mentions = (value: string) => `(${inList('c.entityIds', value)} OR ${inList('c.refIds', value)})`;

const CHANGE_FILTER = `WHERE ($entity IS NULL OR ${mentions('$entity')})
  AND ($network IS NULL OR ${inList('c.networkIds', '$network')})
  AND ($from IS NULL OR c.at >= $from) AND ($until IS NULL OR c.at < $until)`;

const links = (x: string, label: 'Project' | 'Activity', distinct = true) => {
  const list = distinct ? linkedList : (type: string, v: string, f: string, t: string) => linkedList(type, v, f, t).replace('DISTINCT ', '');
  return `${list('IN_NETWORK', x, label, 'Network')} AS "networkIds:json",
  ${list('USES_METHOD', x, label, 'Method')} AS "methodIds:json",
  ${list('SERVES', x, label, 'TargetGroup')} AS "targetGroupIds:json"`;
};

const ORGANISATION_DETAILS = `${ORGANISATION_RETURN},
  ${linked('LOCATED_IN', 'o.id', 'Organisation', 'Municipality')} AS municipalityCode, o.sortKey AS sortKey`;
const PROJECT_DETAILS = `${PROJECT_RETURN}, ${linked('CONTINUES', 'p.id', 'Project', 'Project')} AS predecessorId,
  ${links('p.id', 'Project')}, p.sortKey AS sortKey`;
const ACTIVITY_DETAILS = `${ACTIVITY_RETURN}, ${linked('LOCATED_IN', 'a.id', 'Activity', 'Municipality')} AS municipalityCode,
  ${linked('RUNS_UNDER', 'a.id', 'Activity', 'Project')} AS projectId,
  ${linked('CONTINUES', 'a.id', 'Activity', 'Activity')} AS continuesId, ${links('a.id', 'Activity')}, a.sortKey AS sortKey`;
const NETWORK_DETAILS = `${NETWORK_RETURN}, ${linked('LOCATED_IN', 'n.id', 'Network', 'Region')} AS regionCode, n.sortKey AS sortKey`;

/** A list page: filter and cut by the cursor key first, then work out the details of the page only. */
function listing(x: string, label: ItemLabel, where: string, details: string) {
  const filter = `WHERE ($q IS NULL OR instr(${x}.searchText, $q) > 0) AND (${where}) AND ${x}.id NOT IN ${each('$hidden')}`;
  return {
    list: `SELECT ${details} FROM (SELECT * FROM "${label}" ${x} ${filter} AND ($after IS NULL OR ${x}.sortKey > $after)
  ORDER BY ${x}.sortKey LIMIT $limit) ${x} ORDER BY ${x}.sortKey`,
    count: `SELECT count(*) AS n FROM "${label}" ${x} ${filter}`,
  };
}

const insert = (table: string, columns: Record<string, string>) =>
  `INSERT INTO "${table}" (${Object.keys(columns)
    .map((c) => `"${c}"`)
    .join(', ')}) VALUES (${Object.values(columns).join(', ')})`;
/** Columns set from same-named parameters, except where `values` says otherwise. */
const params = (names: string[], values: Record<string, string> = {}) => Object.fromEntries(names.map((n) => [n, values[n] ?? `$${n}`]));
const assign = (columns: Record<string, string>) =>
  Object.entries(columns)
    .map(([c, v]) => `"${c}" = ${v}`)
    .join(', ');

function toOne(from: string, rel: string, to: string) {
  const key = keyOf(to);
  return {
    unlink: `DELETE FROM "${rel}" WHERE src = $id AND srcLabel = '${from}' AND dstLabel = '${to}'`,
    link: `INSERT INTO "${rel}" (src, srcLabel, dst, dstLabel) SELECT $id, '${from}', t."${key}", '${to}' FROM "${to}" t
WHERE t."${key}" = $target AND EXISTS (SELECT 1 FROM "${from}" WHERE "${keyOf(from)}" = $id) RETURNING dst AS id`,
  };
}

const toMany = (from: 'Project' | 'Activity') => ({
  networks: toOne(from, 'IN_NETWORK', 'Network'),
  methods: toOne(from, 'USES_METHOD', 'Method'),
  targetGroups: toOne(from, 'SERVES', 'TargetGroup'),
});

/** Relationships of the given types at either end of the node `n` of `label`, counted. */
function touching(label: string, types: readonly string[]): string {
  const counts = REL_TABLES.filter((t) => types.includes(t.type)).flatMap((t) => [
    ...(t.pairs.some(([f]) => f === label) ? [`(SELECT count(*) FROM "${t.type}" WHERE src = n.id AND srcLabel = '${label}')`] : []),
    ...(t.pairs.some(([, to]) => to === label) ? [`(SELECT count(*) FROM "${t.type}" WHERE dst = n.id AND dstLabel = '${label}')`] : []),
  ]);
  return counts.length ? counts.join(' + ') : '0';
}

const byLabel = <T>(make: (label: ItemLabel) => T) => Object.fromEntries(ITEM_LABELS.map((l) => [l, make(l)])) as Record<ItemLabel, T>;
const union = (parts: string[]) => parts.join('\nUNION ALL\n');

const MONEY = ['budget', 'publicFunding', 'grantedFunding', 'paidFunding'];
const field = (name: string) => `r.value ->> '${name}'`;

function importQueries(): Queries['importing'] {
  const linkRows = (label: 'Project' | 'Activity') => ({
    networkIds: `SELECT src AS id, dst AS target FROM "IN_NETWORK" WHERE srcLabel = '${label}' AND dstLabel = 'Network'`,
    methodIds: `SELECT src AS id, dst AS target FROM "USES_METHOD" WHERE srcLabel = '${label}' AND dstLabel = 'Method'`,
    targetGroupIds: `SELECT src AS id, dst AS target FROM "SERVES" WHERE srcLabel = '${label}' AND dstLabel = 'TargetGroup'`,
  });
  const fromRows = (table: string, columns: string[], values: Record<string, string> = {}) =>
    `UPDATE "${table}" SET ${assign(Object.fromEntries(columns.map((c) => [c, values[c] ?? field(c)])))}
FROM json_each($rows) r WHERE "${table}".id = ${field('id')}`;
  return {
    baseline: {
      organisations: `SELECT ${ORGANISATION_RETURN}, ${linked('LOCATED_IN', 'o.id', 'Organisation', 'Municipality')} AS municipalityCode FROM "Organisation" o`,
      projects: `SELECT ${PROJECT_RETURN}, ${linked('CONTINUES', 'p.id', 'Project', 'Project')} AS predecessorId FROM "Project" p`,
      activities: `SELECT ${ACTIVITY_RETURN}, ${linked('LOCATED_IN', 'a.id', 'Activity', 'Municipality')} AS municipalityCode,
  ${linked('RUNS_UNDER', 'a.id', 'Activity', 'Project')} AS projectId, ${linked('CONTINUES', 'a.id', 'Activity', 'Activity')} AS continuesId
FROM "Activity" a`,
      networks: `SELECT ${NETWORK_RETURN}, ${linked('LOCATED_IN', 'n.id', 'Network', 'Region')} AS regionCode FROM "Network" n`,
      participations: `SELECT ${PARTICIPATION_RETURN} FROM "PARTICIPATES" r WHERE r.srcLabel = 'Organisation'`,
      projectLinks: linkRows('Project'),
      activityLinks: linkRows('Activity'),
    },
    updateProjects: fromRows(
      'Project',
      ['code', 'name', 'programme', 'fund', 'priorityAxis', 'startDate', 'endDate', ...MONEY, 'description', 'outputs', 'searchText', 'sortKey', 'updatedAt'],
      { ...Object.fromEntries(MONEY.map((m) => [m, `CAST(${field(m)} AS REAL)`])), updatedAt: field('now') },
    ),
    updateActivities: fromRows('Activity', ['name', 'type', 'startDate', 'endDate', 'description', 'searchText', 'sortKey', 'updatedAt'], { updatedAt: field('now') }),
    updateParticipation: Object.fromEntries(
      Object.entries(TARGET_LABELS).map(([kind, label]) => [
        kind,
        `UPDATE "PARTICIPATES" SET ${assign(params(['role', 'validFrom', 'validTo', 'source', 'sourceRef']))}
WHERE id = $id AND src = $organisationId AND dst = $targetId AND dstLabel = '${label}'`,
      ]),
    ) as Record<keyof typeof TARGET_LABELS, string>,
  };
}

/** Like queries.ts: every column of every row, aliased c0, c1, … in schema order. */
function backupQueries(): Queries['backup'] {
  const columns = (names: string[]) => names.map((c, i) => `"${c}" AS c${i}`);
  return {
    nodes: Object.fromEntries(NODE_TABLES.map((t) => [t.label, `SELECT ${columns(Object.keys(t.columns)).join(', ')} FROM "${t.label}"`])),
    rels: Object.fromEntries(
      REL_TABLES.flatMap((t) =>
        t.pairs.map(([from, to]) => [
          `${t.type}:${from}:${to}`,
          `SELECT ${['src AS endpointFrom', 'dst AS endpointTo', ...columns(Object.keys(t.columns))].join(', ')}
FROM "${t.type}" WHERE srcLabel = '${from}' AND dstLabel = '${to}'`,
        ]),
      ),
    ),
    count: Object.fromEntries(NODE_TABLES.map((t) => [t.label, `SELECT count(*) AS n FROM "${t.label}"`])),
    clear: Object.fromEntries(NODE_TABLES.map((t) => [t.label, `DELETE FROM "${t.label}"`])),
  };
}

/** The rows of a snapshot, over the whole graph (`all`) or for a JSON list of scope ids (`scoped`). */
function snapshotReads(): Pick<Queries['snapshot'], 'all' | 'scoped'> {
  const read = (select: string, key: string, where = '') => ({
    all: `${select}${where ? ` WHERE ${where}` : ''}`,
    scoped: `${select} WHERE ${where ? `${where} AND ` : ''}${key} IN ${each('$ids')}`,
  });
  const structural = (type: string) => read(`SELECT src AS source, dst AS target FROM "${type}"`, 'src');
  const reads = {
    projects: read(
      `SELECT p.id AS id, p.name AS name, p.code AS code, p.startDate AS validFrom, p.endDate AS validTo,
  ${linkedList('USES_METHOD', 'p.id', 'Project', 'Method')} AS "methodIds:json",
  ${linkedList('SERVES', 'p.id', 'Project', 'TargetGroup')} AS "targetGroupIds:json" FROM "Project" p`,
      'p.id',
    ),
    activities: read(
      `SELECT a.id AS id, a.name AS name, a.type AS type, a.startDate AS validFrom, a.endDate AS validTo,
  ${linked('LOCATED_IN', 'a.id', 'Activity', 'Municipality')} AS municipalityCode,
  ${linkedList('USES_METHOD', 'a.id', 'Activity', 'Method')} AS "methodIds:json",
  ${linkedList('SERVES', 'a.id', 'Activity', 'TargetGroup')} AS "targetGroupIds:json" FROM "Activity" a`,
      'a.id',
    ),
    networks: read('SELECT n.id AS id, n.name AS name FROM "Network" n', 'n.id'),
    participations: read(
      `SELECT r.id AS id, r.src AS source, r.dst AS target, r.role AS role, r.validFrom AS validFrom, r.validTo AS validTo
FROM "PARTICIPATES" r`,
      'r.dst',
      "r.srcLabel = 'Organisation'",
    ),
    organisations: read(
      `SELECT o.id AS id, o.name AS name, o.kind AS kind, o.sector AS sector, o.permanent AS permanent,
  ${linked('LOCATED_IN', 'o.id', 'Organisation', 'Municipality')} AS municipalityCode FROM "Organisation" o`,
      'o.id',
    ),
    RUNS_UNDER: structural('RUNS_UNDER'),
    CONTINUES: structural('CONTINUES'),
    IN_NETWORK: structural('IN_NETWORK'),
    adoptions: read(
      `SELECT r.src AS source, r.dst AS target, m.name AS name, r.validFrom AS validFrom, r.validTo AS validTo
FROM "ADOPTED" r JOIN "OperatingModel" m ON m.id = r.dst`,
      'r.src',
      "r.srcLabel = 'Organisation'",
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

const ORGANISATION_COLUMNS = [
  'id',
  'name',
  'kind',
  'sector',
  'businessId',
  'nameKey',
  'website',
  'permanent',
  'mergedNames',
  'mergedFrom',
  'searchText',
  'sortKey',
  'createdAt',
  'updatedAt',
];
const PROJECT_COLUMNS = [
  'id',
  'code',
  'name',
  'programme',
  'fund',
  'priorityAxis',
  'startDate',
  'endDate',
  ...MONEY,
  'description',
  'outputs',
  'searchText',
  'sortKey',
  'createdAt',
  'updatedAt',
];
const ACTIVITY_COLUMNS = ['id', 'name', 'type', 'startDate', 'endDate', 'description', 'searchText', 'sortKey', 'createdAt', 'updatedAt'];
const NETWORK_COLUMNS = ['id', 'name', 'goal', 'visibility', 'searchText', 'sortKey', 'createdAt', 'updatedAt'];
const PERSON_COLUMNS = ['id', 'name', 'email', 'roleTitle', 'consentGivenAt', 'consentText', 'createdAt', 'updatedAt'];
const CHANGE_COLUMNS = [
  'id',
  'at',
  'sortKey',
  'actorId',
  'actorEmail',
  'operation',
  'entityKind',
  'entityId',
  'label',
  'entityIds',
  'refIds',
  'networkIds',
  'effects',
  'undoOf',
  'undoneBy',
];
const NOW = { updatedAt: '$now' };
/** Update assignments: every column but the key and the creation stamp. */
const updatable = (columns: string[]) =>
  assign(
    params(
      columns.filter((c) => c !== 'id' && c !== 'createdAt'),
      NOW,
    ),
  );

export function buildSqlQueries(): Queries {
  return {
    organisation: {
      get: `SELECT ${ORGANISATION_DETAILS} FROM "Organisation" o WHERE o.id = $id`,
      ...listing(
        'o',
        'Organisation',
        `($kind IS NULL OR o.kind = $kind) AND ($sector IS NULL OR o.sector = $sector)
  AND ($municipality IS NULL OR ${hasLink('LOCATED_IN', 'o.id', 'Organisation', 'Municipality', '$municipality')})`,
        ORGANISATION_DETAILS,
      ),
      create: insert('Organisation', params(ORGANISATION_COLUMNS, NOW)),
      update: `UPDATE "Organisation" SET ${updatable(ORGANISATION_COLUMNS.filter((c) => !c.startsWith('merged')))} WHERE id = $id`,
      setMergedNames: `UPDATE "Organisation" SET mergedNames = $mergedNames WHERE id = $id`,
      recordMerge: `UPDATE "Organisation" SET mergedNames = $mergedNames, mergedFrom = $mergedFrom WHERE id = $id`,
      byIds: `SELECT ${ORGANISATION_DETAILS} FROM "Organisation" o WHERE o.id IN ${each('$ids')}`,
      duplicateKeys: `SELECT 'BUSINESS_ID' AS reason, businessId AS "key", json_group_array(id) AS "ids:json" FROM "Organisation"
WHERE businessId IS NOT NULL GROUP BY businessId HAVING count(*) > 1
UNION ALL
SELECT 'NAME', nameKey, json_group_array(id) FROM "Organisation" GROUP BY nameKey HAVING count(*) > 1`,
      findDuplicate: `SELECT id, name, businessId FROM "Organisation"
WHERE nameKey = $nameKey OR ($businessId IS NOT NULL AND businessId = $businessId)`,
    },
    project: {
      get: `SELECT ${PROJECT_DETAILS} FROM "Project" p WHERE p.id = $id`,
      getByCode: `SELECT ${PROJECT_DETAILS} FROM "Project" p WHERE p.code = $code`,
      ...listing('p', 'Project', `$network IS NULL OR ${hasLink('IN_NETWORK', 'p.id', 'Project', 'Network', '$network')}`, PROJECT_DETAILS),
      create: insert('Project', params(PROJECT_COLUMNS, NOW)),
      update: `UPDATE "Project" SET ${updatable(PROJECT_COLUMNS)} WHERE id = $id`,
    },
    activity: {
      get: `SELECT ${ACTIVITY_DETAILS} FROM "Activity" a WHERE a.id = $id`,
      ...listing(
        'a',
        'Activity',
        `($project IS NULL OR ${hasLink('RUNS_UNDER', 'a.id', 'Activity', 'Project', '$project')})
  AND ($network IS NULL OR ${hasLink('IN_NETWORK', 'a.id', 'Activity', 'Network', '$network')}
    OR $network IN (${viaProject('a.id')}))
  AND ($at IS NULL OR ((a.startDate IS NULL OR a.startDate <= $at) AND (a.endDate IS NULL OR a.endDate >= $at)))`,
        ACTIVITY_DETAILS,
      ),
      create: insert('Activity', params(ACTIVITY_COLUMNS, NOW)),
      update: `UPDATE "Activity" SET ${updatable(ACTIVITY_COLUMNS)} WHERE id = $id`,
    },
    network: {
      get: `SELECT ${NETWORK_DETAILS} FROM "Network" n WHERE n.id = $id`,
      ...listing('n', 'Network', '1', NETWORK_DETAILS),
      create: insert('Network', params(NETWORK_COLUMNS, NOW)),
      update: `UPDATE "Network" SET ${updatable(NETWORK_COLUMNS)} WHERE id = $id`,
      names: 'SELECT id, name FROM "Network"',
    },
    participation: {
      list: `SELECT ${PARTICIPATION_RETURN} FROM "PARTICIPATES" r WHERE r.src = $org AND r.srcLabel = 'Organisation'
ORDER BY validFrom NULLS LAST, id`,
      listByTarget: `SELECT ${PARTICIPATION_RETURN} FROM "PARTICIPATES" r WHERE r.dst = $target AND r.srcLabel = 'Organisation'
ORDER BY validFrom NULLS LAST, id`,
      listOfOrganisations: `SELECT ${PARTICIPATION_RETURN} FROM "PARTICIPATES" r WHERE r.src IN ${each('$orgs')} AND r.srcLabel = 'Organisation'
ORDER BY validFrom NULLS LAST, id`,
      get: `SELECT ${PARTICIPATION_RETURN} FROM "PARTICIPATES" r WHERE r.id = $id`,
      targetLabel: union(Object.values(TARGET_LABELS).map((label) => `SELECT '${label}' AS label FROM "${label}" WHERE id = $id`)),
      create: Object.fromEntries(
        Object.entries(TARGET_LABELS).map(([kind, label]) => [
          kind,
          `INSERT INTO "PARTICIPATES" (src, srcLabel, dst, dstLabel, id, role, validFrom, validTo, source, sourceRef, confirmedAt, createdAt)
SELECT $organisationId, 'Organisation', $targetId, '${label}', $id, $role, $validFrom, $validTo, $source, $sourceRef, $confirmedAt, $createdAt
WHERE EXISTS (SELECT 1 FROM "Organisation" WHERE id = $organisationId) AND EXISTS (SELECT 1 FROM "${label}" WHERE id = $targetId)`,
        ]),
      ) as Record<keyof typeof TARGET_LABELS, string>,
      end: `UPDATE "PARTICIPATES" SET validTo = $validTo WHERE id = $id`,
      confirm: `UPDATE "PARTICIPATES" SET confirmedAt = $confirmedAt WHERE id = $id`,
      restore: `UPDATE "PARTICIPATES" SET ${assign(params(['role', 'validFrom', 'validTo', 'source', 'sourceRef', 'confirmedAt']))} WHERE id = $id`,
      remove: `DELETE FROM "PARTICIPATES" WHERE id = $id`,
    },
    adoption: {
      ofOrganisation: `SELECT dst AS modelId, validFrom, validTo FROM "ADOPTED" WHERE src = $org AND srcLabel = 'Organisation'
ORDER BY modelId, validFrom NULLS LAST`,
      create: `INSERT INTO "ADOPTED" (src, srcLabel, dst, dstLabel, validFrom, validTo)
SELECT $org, 'Organisation', m.id, 'OperatingModel', $validFrom, $validTo FROM "OperatingModel" m
WHERE m.id = $model AND EXISTS (SELECT 1 FROM "Organisation" WHERE id = $org) RETURNING dst AS id`,
      removeAll: `DELETE FROM "ADOPTED" WHERE src = $org AND srcLabel = 'Organisation'`,
    },
    links: {
      one: {
        Organisation: toOne('Organisation', 'LOCATED_IN', 'Municipality'),
        Activity: toOne('Activity', 'LOCATED_IN', 'Municipality'),
        Network: toOne('Network', 'LOCATED_IN', 'Region'),
        ProjectPredecessor: toOne('Project', 'CONTINUES', 'Project'),
        ActivityProject: toOne('Activity', 'RUNS_UNDER', 'Project'),
        ActivityContinues: toOne('Activity', 'CONTINUES', 'Activity'),
        PersonOrganisation: toOne('Person', 'WORKS_FOR', 'Organisation'),
      },
      incoming: {
        projectActivities: `SELECT src AS id FROM "RUNS_UNDER" WHERE dst = $id AND dstLabel = 'Project' AND srcLabel = 'Activity' ORDER BY id`,
        projectFollowUps: `SELECT src AS id FROM "CONTINUES" WHERE dst = $id AND dstLabel = 'Project' AND srcLabel = 'Project' ORDER BY id`,
        activityFollowUps: `SELECT src AS id FROM "CONTINUES" WHERE dst = $id AND dstLabel = 'Activity' AND srcLabel = 'Activity' ORDER BY id`,
        networkProjects: `SELECT src AS id FROM "IN_NETWORK" WHERE dst = $id AND dstLabel = 'Network' AND srcLabel = 'Project' ORDER BY id`,
        networkActivities: `SELECT src AS id FROM "IN_NETWORK" WHERE dst = $id AND dstLabel = 'Network' AND srcLabel = 'Activity' ORDER BY id`,
      },
      many: { Project: toMany('Project'), Activity: toMany('Activity') },
      read: {
        Project: `SELECT ${links('n.id', 'Project', false)} FROM "Project" n WHERE n.id = $id`,
        Activity: `SELECT ${links('n.id', 'Activity', false)} FROM "Activity" n WHERE n.id = $id`,
      },
    },
    node: {
      detachDelete: byLabel((l) => `DELETE FROM "${l}" WHERE id = $id`),
      degree: byLabel(
        (l) =>
          `SELECT n.id AS id, ${touching(
            l,
            REL_TABLES.map((t) => t.type),
          )} AS n FROM "${l}" n WHERE n.id = $id`,
      ),
      deletionImpact: union(
        ITEM_LABELS.map((l) => {
          const columns = Object.entries(IMPACT_CATEGORIES).map(([column, types]) => `${touching(l, types)} AS ${column}`);
          return `SELECT '${l}' AS label, n.name AS name, ${columns.join(', ')} FROM "${l}" n WHERE n.id = $id`;
        }),
      ),
      existingIds: union(ITEM_LABELS.map((l) => `SELECT id FROM "${l}" WHERE id IN ${each('$ids')}`)),
      countOrganisations: 'SELECT count(*) AS n FROM "Organisation"',
      counts: union([
        ...[...ITEM_LABELS, 'Person', 'Change'].map((l) => `SELECT '${l}' AS label, count(*) AS n FROM "${l}"`),
        `SELECT 'PARTICIPATES' AS label, count(*) AS n FROM "PARTICIPATES" WHERE srcLabel = 'Organisation'`,
      ]),
    },
    reference: {
      region: 'SELECT code FROM "Region" WHERE code = $code',
      regions: 'SELECT code, name, nameSv FROM "Region" ORDER BY code',
      municipality: 'SELECT code FROM "Municipality" WHERE code = $code',
      municipalities: `SELECT m.code AS code, m.name AS name, m.nameSv AS nameSv,
  ${linked('LOCATED_IN', 'm.code', 'Municipality', 'Region')} AS regionCode FROM "Municipality" m ORDER BY name`,
      methods: 'SELECT id, nameFi, nameSv, nameEn FROM "Method" ORDER BY nameFi',
      targetGroups: 'SELECT id, nameFi, nameSv, nameEn FROM "TargetGroup" ORDER BY nameFi',
      operatingModels: 'SELECT id, name, description FROM "OperatingModel" ORDER BY name',
      termIds: union(['Method', 'TargetGroup', 'OperatingModel'].map((l) => `SELECT '${l}' AS label, id FROM "${l}"`)),
      regionCount: 'SELECT count(*) AS n FROM "Region"',
    },
    person: {
      get: `SELECT ${PERSON_RETURN} FROM "Person" p WHERE p.id = $id`,
      ofOrganisation: `SELECT ${PERSON_RETURN} FROM "Person" p
WHERE p.id IN (SELECT src FROM "WORKS_FOR" WHERE dst = $org AND srcLabel = 'Person') ORDER BY name, id`,
      create: insert('Person', params(PERSON_COLUMNS, NOW)),
      update: `UPDATE "Person" SET ${updatable(PERSON_COLUMNS)} WHERE id = $id`,
      remove: 'DELETE FROM "Person" WHERE id = $id',
    },
    change: {
      create: insert('Change', params(CHANGE_COLUMNS, { undoneBy: 'NULL' })),
      get: `SELECT ${CHANGE_RETURN} FROM "Change" c WHERE c.id = $id`,
      list: `SELECT ${CHANGE_RETURN} FROM "Change" c ${CHANGE_FILTER} AND ($after IS NULL OR c.sortKey < $after)
ORDER BY c.sortKey DESC LIMIT $limit`,
      count: `SELECT count(*) AS n FROM "Change" c ${CHANGE_FILTER}`,
      touches: `SELECT c.entityIds AS entityIds, c.refIds AS refIds, c.networkIds AS networkIds FROM "Change" c ${CHANGE_FILTER}`,
      touchingSince: `SELECT ${CHANGE_RETURN} FROM "Change" c WHERE c.sortKey > $since
  AND (EXISTS (SELECT 1 FROM json_each(c.entityIds) WHERE value IN ${each('$ids')})
    OR EXISTS (SELECT 1 FROM json_each(c.refIds) WHERE value IN ${each('$ids')}))
ORDER BY c.sortKey`,
      about: `SELECT ${CHANGE_RETURN} FROM "Change" c WHERE ${mentions('$entity')} ORDER BY c.sortKey`,
      markUndone: 'UPDATE "Change" SET undoneBy = $undoneBy WHERE id = $id',
      scrub: 'UPDATE "Change" SET label = $label, effects = $effects, actorEmail = $actorEmail WHERE id = $id',
    },
    networksOf: union([
      'SELECT id FROM "Network" WHERE id = $id',
      `SELECT dst FROM "IN_NETWORK" WHERE src = $id AND srcLabel IN ('Project', 'Activity') AND dstLabel = 'Network'`,
      viaProject('$id'),
    ]),
    networksOfOrganisation: union([
      `SELECT dst AS id FROM "PARTICIPATES" WHERE src = $id AND srcLabel = 'Organisation' AND dstLabel = 'Network'`,
      `SELECT n.dst FROM "PARTICIPATES" r JOIN "IN_NETWORK" n ON n.src = r.dst AND n.srcLabel = r.dstLabel AND n.dstLabel = 'Network'
WHERE r.src = $id AND r.srcLabel = 'Organisation' AND r.dstLabel IN ('Project', 'Activity')`,
      `SELECT n.dst FROM "PARTICIPATES" r JOIN "RUNS_UNDER" ru ON ru.src = r.dst AND ru.srcLabel = 'Activity'
  JOIN "IN_NETWORK" n ON n.src = ru.dst AND n.srcLabel = 'Project' AND n.dstLabel = 'Network'
WHERE r.src = $id AND r.srcLabel = 'Organisation' AND r.dstLabel = 'Activity'`,
    ]),
    nameOf: byLabel((l) => `SELECT name FROM "${l}" WHERE id = $id`),
    importing: importQueries(),
    meta: {
      get: 'SELECT value FROM "Meta" WHERE "key" = $key',
      set: 'INSERT INTO "Meta" ("key", value) VALUES ($key, $value) ON CONFLICT ("key") DO UPDATE SET value = excluded.value',
      lock: 'UPDATE "Meta" SET value = value WHERE "key" = $key',
    },
    backup: backupQueries(),
    search: union(
      ITEM_LABELS.map(
        (l) => `SELECT * FROM (SELECT n.id AS id, '${l.toUpperCase()}' AS kind, n.name AS label, n.searchText AS searchText
FROM "${l}" n WHERE instr(n.searchText, $q) > 0 LIMIT $limit)`,
      ),
    ),
    snapshot: {
      networkItems: `SELECT src AS id, srcLabel AS label FROM "IN_NETWORK" WHERE dst = $id AND dstLabel = 'Network'`,
      // Up to six CONTINUES steps either way from the project; the project itself is not its own chain.
      projectChain: `WITH RECURSIVE chain(id, depth) AS (
  SELECT id, 0 FROM "Project" WHERE id = $id
  UNION
  SELECT c.dst, depth + 1 FROM chain JOIN "CONTINUES" c ON c.src = chain.id AND c.srcLabel = 'Project' WHERE depth < 6
  UNION
  SELECT c.src, depth + 1 FROM chain JOIN "CONTINUES" c ON c.dst = chain.id AND c.dstLabel = 'Project' WHERE depth < 6
)
SELECT DISTINCT id FROM chain WHERE depth > 0 AND id <> $id`,
      projectNetworks: `SELECT DISTINCT dst AS id FROM "IN_NETWORK"
WHERE src IN ${each('$ids')} AND srcLabel = 'Project' AND dstLabel = 'Network'`,
      underProjects: `SELECT src AS id FROM "RUNS_UNDER" WHERE dst IN ${each('$ids')} AND srcLabel = 'Activity'`,
      continuing: `SELECT DISTINCT src AS id FROM "CONTINUES" WHERE dst IN ${each('$ids')} AND srcLabel = 'Activity' AND dstLabel = 'Activity'`,
      ...snapshotReads(),
    },
  };
}
