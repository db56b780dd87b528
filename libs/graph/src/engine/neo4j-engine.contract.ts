/** The Neo4j engine against the test server: what only a real Neo4j can show. */
import neo4j, { type Plan } from 'neo4j-driver';
import { createTestNeo4j, testNeo4jConfig, testNeo4jControl, type TestNeo4j } from '../testing/test-neo4j';
import { Neo4jEngine } from './neo4j-engine';

const onNeo4j = testNeo4jControl() ? describe : describe.skip;

onNeo4j('Neo4j engine', () => {
  let server: TestNeo4j;
  let engine: Neo4jEngine;
  beforeAll(async () => {
    server = await createTestNeo4j();
    engine = new Neo4jEngine(testNeo4jConfig(server.uri));
    await engine.migrate();
  }, 180_000);
  afterAll(async () => {
    await engine?.close();
    await server?.drop();
  }, 180_000);

  /** The operator a plan made now for `query` starts from, e.g. NodeUniqueIndexSeek. */
  async function firstOperator(query: string): Promise<string> {
    const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', ''));
    try {
      const { summary } = await driver.executeQuery(`EXPLAIN ${query}`, { id: 'org-1' });
      let operator = summary.plan as Plan;
      while (operator.children.length > 0) operator = operator.children[0];
      return operator.operatorType.replace(/@.*/, '');
    } finally {
      await driver.close();
    }
  }

  it('plans look-ups by key as seeks after a bulk load, not as scans of the whole index', async () => {
    const lookUp = 'MATCH (:Organisation {id: $id})-[:PARTICIPATES]->(n:Network) RETURN n.id AS id';
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ id: `org-${i}`, name: `Yhdistys ${i}`, kind: 'ASSOCIATION', sortKey: `y${i}` }));
    await engine.write((tx) => tx.bulkLoad([{ name: 'Organisation', rows }]));
    expect(await firstOperator(lookUp)).toBe('NodeUniqueIndexSeek');
  }, 180_000);
});
