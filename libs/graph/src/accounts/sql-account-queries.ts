import { USER_RETURN, type AccountQueries } from './account-queries';

/** The account store's statements in SQLite's SQL: the names and aliases of account-queries.ts. */
const TOKEN_RETURN = `t.id AS tokenId, t.kind AS kind, t.name AS tokenName, t.createdAt AS tokenCreatedAt,
  t.expiresAt AS expiresAt, t.lastUsedAt AS lastUsedAt`;

const each = (param: string) => `(SELECT value FROM json_each(${param}))`;

const NETWORK_COLUMNS = 'n.id AS network, n.name AS networkName, n.visibility AS visibility';

/** Tokens held by a user (`u`), joined through HOLDS. */
const HELD = `"AccessToken" t JOIN "HOLDS" h ON h.dst = t.hash AND h.dstLabel = 'AccessToken' JOIN "User" u ON u.id = h.src`;

/**
 * (item, network) pairs, as in account-queries.ts: a project or activity in the network, an
 * activity under a project in it, an organisation taking part in it or in one of those. Each arm
 * names its item and network columns, so the filter goes into every arm and uses its indexes.
 */
const BELONGS: { from: string; item: string; network: string }[] = [
  { from: `"IN_NETWORK" n WHERE n.srcLabel IN ('Project', 'Activity') AND n.dstLabel = 'Network'`, item: 'n.src', network: 'n.dst' },
  {
    from: `"RUNS_UNDER" ru JOIN "IN_NETWORK" n ON n.src = ru.dst AND n.srcLabel = 'Project' AND n.dstLabel = 'Network'
  WHERE ru.srcLabel = 'Activity'`,
    item: 'ru.src',
    network: 'n.dst',
  },
  { from: `"PARTICIPATES" r WHERE r.srcLabel = 'Organisation' AND r.dstLabel = 'Network'`, item: 'r.src', network: 'r.dst' },
  {
    from: `"PARTICIPATES" r JOIN "IN_NETWORK" n ON n.src = r.dst AND n.srcLabel = r.dstLabel AND n.dstLabel = 'Network'
  WHERE r.srcLabel = 'Organisation' AND r.dstLabel IN ('Project', 'Activity')`,
    item: 'r.src',
    network: 'n.dst',
  },
  {
    from: `"PARTICIPATES" r JOIN "RUNS_UNDER" ru ON ru.src = r.dst AND ru.srcLabel = 'Activity'
  JOIN "IN_NETWORK" n ON n.src = ru.dst AND n.srcLabel = 'Project' AND n.dstLabel = 'Network'
  WHERE r.srcLabel = 'Organisation' AND r.dstLabel = 'Activity'`,
    item: 'r.src',
    network: 'n.dst',
  },
];

/** Distinct (item, network) pairs where the item or the network is in the JSON list `param`. */
const belonging = (by: 'item' | 'network', param: string) => `SELECT b.item AS item, ${NETWORK_COLUMNS}
FROM (${BELONGS.map((arm) => `SELECT ${arm.item} AS item, ${arm.network} AS network FROM ${arm.from} AND ${arm[by]} IN ${each(param)}`).join('\n  UNION ')}) b
JOIN "Network" n ON n.id = b.network`;

export function buildSqlAccountQueries(): AccountQueries {
  return {
    user: {
      count: 'SELECT count(*) AS n FROM "User"',
      countAdmins: 'SELECT count(*) AS n FROM "User" WHERE isAdmin = 1',
      get: `SELECT ${USER_RETURN} FROM "User" u WHERE u.id = $id`,
      byEmail: `SELECT ${USER_RETURN}, u.passwordHash AS passwordHash FROM "User" u WHERE u.email = $email`,
      list: `SELECT ${USER_RETURN} FROM "User" u ORDER BY email`,
      create: `INSERT INTO "User" (id, email, name, passwordHash, isAdmin, createdAt, updatedAt)
VALUES ($id, $email, $name, $passwordHash, $isAdmin, $now, $now)`,
      update: 'UPDATE "User" SET email = $email, name = $name, isAdmin = $isAdmin, updatedAt = $now WHERE id = $id',
      setPassword: 'UPDATE "User" SET passwordHash = $passwordHash, updatedAt = $now WHERE id = $id',
      recordLogin: 'UPDATE "User" SET lastLoginAt = $now WHERE id = $id',
      delete: 'DELETE FROM "User" WHERE id = $id',
    },
    membership: {
      ofUser: `SELECT dst AS networkId, role FROM "MEMBER_OF" WHERE src = $id AND srcLabel = 'User' ORDER BY networkId`,
      ofNetwork: `SELECT ${USER_RETURN}, m.role AS role FROM "MEMBER_OF" m JOIN "User" u ON u.id = m.src
WHERE m.dst = $network AND m.dstLabel = 'Network' ORDER BY email`,
      add: `INSERT INTO "MEMBER_OF" (src, srcLabel, dst, dstLabel, role, createdAt)
SELECT $user, 'User', n.id, 'Network', $role, $now FROM "Network" n
WHERE n.id = $network AND EXISTS (SELECT 1 FROM "User" WHERE id = $user) RETURNING dst AS networkId`,
      remove: `DELETE FROM "MEMBER_OF" WHERE src = $user AND srcLabel = 'User' AND dst = $network AND dstLabel = 'Network'`,
    },
    token: {
      create: `INSERT INTO "AccessToken" (hash, id, kind, name, createdAt, expiresAt)
VALUES ($hash, $id, $kind, $name, $now, $expiresAt)`,
      hold: `INSERT INTO "HOLDS" (src, srcLabel, dst, dstLabel) SELECT u.id, 'User', t.hash, 'AccessToken'
FROM "User" u JOIN "AccessToken" t ON t.hash = $hash WHERE u.id = $user`,
      find: `SELECT ${USER_RETURN}, ${TOKEN_RETURN} FROM ${HELD} WHERE t.hash = $hash`,
      ofUser: `SELECT ${TOKEN_RETURN} FROM ${HELD} WHERE u.id = $user AND t.kind = $kind ORDER BY tokenCreatedAt`,
      byId: `SELECT u.id AS userId, t.hash AS hash FROM ${HELD} WHERE t.id = $id`,
      touch: 'UPDATE "AccessToken" SET lastUsedAt = $now WHERE hash = $hash',
      delete: 'DELETE FROM "AccessToken" WHERE hash = $hash',
      deleteOfUser: `DELETE FROM "AccessToken" WHERE hash IN (SELECT dst FROM "HOLDS" WHERE src = $user AND srcLabel = 'User')`,
      deleteExpired: 'DELETE FROM "AccessToken" WHERE expiresAt < $now',
    },
    access: {
      privateNetworks: `SELECT id FROM "Network" WHERE visibility = 'PRIVATE'`,
      networksOfItems: belonging('item', '$ids'),
      itemsOfNetworks: belonging('network', '$networks'),
      networks: `SELECT ${NETWORK_COLUMNS} FROM "Network" n WHERE n.id IN ${each('$ids')}`,
      directNetworks: `SELECT dst AS id FROM "IN_NETWORK" WHERE src = $id AND srcLabel IN ('Project', 'Activity') AND dstLabel = 'Network'`,
      participationTarget: `SELECT dst AS id FROM "PARTICIPATES" WHERE id = $id`,
    },
  };
}
