// The e2e-neo4j project: every TestApp of this run gets a fresh database of the test Neo4j.
process.env.VERKOSTO_TEST_ENGINE = 'neo4j';
