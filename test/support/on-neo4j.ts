// The e2e-neo4j project: every TestApp of this run gets a fresh database of the test Neo4j, whose
// first queries (plans not yet cached, a fresh store) take longer than the embedded engine's.
process.env.VERKOSTO_TEST_ENGINE = 'neo4j';
jest.setTimeout(30_000);
