/**
 * Every Cypher text the account store sends, built once per engine. Like store/queries.ts, the
 * neo4j lint test walks this whole tree through Neo4j's own parser.
 */
export type AccountQueries = ReturnType<typeof buildAccountQueries>;

export const USER_RETURN = `u.id AS id, u.email AS email, u.name AS name, u.isAdmin AS isAdmin,
  u.createdAt AS createdAt, u.lastLoginAt AS lastLoginAt`;

const TOKEN_RETURN = `t.id AS tokenId, t.kind AS kind, t.name AS tokenName, t.createdAt AS tokenCreatedAt,
  t.expiresAt AS expiresAt, t.lastUsedAt AS lastUsedAt`;

/**
 * How an item belongs to a network, for rights: a project or activity is in it, an activity runs
 * under a project in it, an organisation takes part in it or in one of those (the items the
 * network's map shows). A network belongs to itself: the store adds that from the network rows.
 */
const BELONGS = [
  '(x:Project)-[:IN_NETWORK]->(n:Network)',
  '(x:Activity)-[:IN_NETWORK]->(n:Network)',
  '(x:Activity)-[:RUNS_UNDER]->(:Project)-[:IN_NETWORK]->(n:Network)',
  '(x:Organisation)-[:PARTICIPATES]->(n:Network)',
  '(x:Organisation)-[:PARTICIPATES]->(:Project)-[:IN_NETWORK]->(n:Network)',
  '(x:Organisation)-[:PARTICIPATES]->(:Activity)-[:IN_NETWORK]->(n:Network)',
  '(x:Organisation)-[:PARTICIPATES]->(:Activity)-[:RUNS_UNDER]->(:Project)-[:IN_NETWORK]->(n:Network)',
];

const NETWORK_COLUMNS = 'n.id AS network, n.name AS networkName, n.visibility AS visibility';

/** (item, network) pairs where the item (`x`) or the network (`n`) passes `where`. */
const belonging = (where: string) => BELONGS.map((pattern) => `MATCH ${pattern} WHERE ${where}\nRETURN DISTINCT x.id AS item, ${NETWORK_COLUMNS}`).join('\nUNION ALL\n');

export function buildAccountQueries() {
  return {
    user: {
      count: 'MATCH (u:User) RETURN count(u) AS n',
      countAdmins: 'MATCH (u:User) WHERE u.isAdmin = true RETURN count(u) AS n',
      get: `MATCH (u:User {id: $id}) RETURN ${USER_RETURN}`,
      byEmail: `MATCH (u:User) WHERE u.email = $email RETURN ${USER_RETURN}, u.passwordHash AS passwordHash`,
      list: `MATCH (u:User) RETURN ${USER_RETURN} ORDER BY email`,
      create: `CREATE (u:User {id: $id, email: $email, name: $name, passwordHash: $passwordHash,
  isAdmin: $isAdmin, createdAt: $now, updatedAt: $now})`,
      update: `MATCH (u:User {id: $id}) SET u.email = $email, u.name = $name, u.isAdmin = $isAdmin, u.updatedAt = $now`,
      setPassword: `MATCH (u:User {id: $id}) SET u.passwordHash = $passwordHash, u.updatedAt = $now`,
      recordLogin: `MATCH (u:User {id: $id}) SET u.lastLoginAt = $now`,
      delete: `MATCH (u:User {id: $id}) DETACH DELETE u`,
    },
    membership: {
      ofUser: `MATCH (u:User {id: $id})-[m:MEMBER_OF]->(n:Network)
RETURN n.id AS networkId, m.role AS role ORDER BY networkId`,
      ofNetwork: `MATCH (u:User)-[m:MEMBER_OF]->(n:Network {id: $network})
RETURN ${USER_RETURN}, m.role AS role ORDER BY email`,
      add: `MATCH (u:User {id: $user}) MATCH (n:Network {id: $network})
CREATE (u)-[:MEMBER_OF {role: $role, createdAt: $now}]->(n) RETURN n.id AS networkId`,
      remove: `MATCH (u:User {id: $user})-[m:MEMBER_OF]->(n:Network {id: $network}) DELETE m`,
    },
    token: {
      create: `CREATE (t:AccessToken {hash: $hash, id: $id, kind: $kind, name: $name, createdAt: $now,
  expiresAt: $expiresAt})`,
      hold: `MATCH (u:User {id: $user}) MATCH (t:AccessToken {hash: $hash}) CREATE (u)-[:HOLDS]->(t)`,
      find: `MATCH (u:User)-[:HOLDS]->(t:AccessToken {hash: $hash}) RETURN ${USER_RETURN}, ${TOKEN_RETURN}`,
      ofUser: `MATCH (u:User {id: $user})-[:HOLDS]->(t:AccessToken) WHERE t.kind = $kind
RETURN ${TOKEN_RETURN} ORDER BY tokenCreatedAt`,
      byId: `MATCH (u:User)-[:HOLDS]->(t:AccessToken) WHERE t.id = $id RETURN u.id AS userId, t.hash AS hash`,
      touch: 'MATCH (t:AccessToken {hash: $hash}) SET t.lastUsedAt = $now',
      delete: 'MATCH (t:AccessToken {hash: $hash}) DETACH DELETE t',
      deleteOfUser: 'MATCH (u:User {id: $user})-[:HOLDS]->(t:AccessToken) DETACH DELETE t',
      deleteExpired: 'MATCH (t:AccessToken) WHERE t.expiresAt < $now DETACH DELETE t',
    },
    access: {
      privateNetworks: "MATCH (n:Network) WHERE n.visibility = 'PRIVATE' RETURN n.id AS id",
      networksOfItems: belonging(`x.id IN $ids`),
      itemsOfNetworks: belonging(`n.id IN $networks`),
      networks: `MATCH (n:Network) WHERE n.id IN $ids RETURN ${NETWORK_COLUMNS}`,
      /** The networks a project or activity is placed in itself (not through its project). */
      directNetworks: ['Project', 'Activity'].map((label) => `MATCH (x:${label} {id: $id})-[:IN_NETWORK]->(n:Network) RETURN n.id AS id`).join('\nUNION ALL\n'),
      participationTarget: `MATCH (:Organisation)-[r:PARTICIPATES]->(t) WHERE r.id = $id RETURN t.id AS id`,
    },
  };
}
