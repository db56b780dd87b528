/**
 * Neo4j databases that a test run started itself, never a user's: tools/neo4j-test-server runs one
 * JVM that creates a fresh database server per request and drops it when asked. Its control address
 * reaches tests only through VERKOSTO_TEST_NEO4J, which the jest global set-up (or .ci/run, or the
 * crash test) sets after starting it; NEO4J_URI is never read by a test.
 */
export const TEST_NEO4J_CONTROL = 'VERKOSTO_TEST_NEO4J';

export const NEO4J_SKIPPED = 'The Neo4j legs did not run: no test Neo4j was started (it needs Java 17+ and Maven). See README, "Tests".';

export interface TestNeo4j {
  uri: string;
  /** Stops that database server and deletes its files. */
  drop(): Promise<void>;
}

export function testNeo4jControl(): string | null {
  return process.env[TEST_NEO4J_CONTROL]?.trim() || null;
}

/** A new, empty Neo4j of the test server; throws when none was started. */
export async function createTestNeo4j(): Promise<TestNeo4j> {
  const control = testNeo4jControl();
  if (!control) throw new Error(`No test Neo4j: ${TEST_NEO4J_CONTROL} is unset (see README, "Tests").`);
  const response = await fetch(`${control}/databases`, { method: 'POST' });
  const uri = (await response.text()).trim();
  if (!response.ok || !/^bolt:\/\/127\.0\.0\.1:\d+$/.test(uri)) throw new Error(`The test Neo4j refused a new database: ${response.status} ${uri}`);
  return {
    uri,
    drop: async () => {
      await fetch(`${control}/databases?uri=${encodeURIComponent(uri)}`, { method: 'DELETE' });
    },
  };
}

/** The config a store needs for a test Neo4j (the launcher runs without authentication). */
export const testNeo4jConfig = (uri: string) => ({ uri, user: 'neo4j', password: '' });
