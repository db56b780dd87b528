// Starts the test Neo4j for this jest run (unless one is already given) and hands its control
// address to the test processes through VERKOSTO_TEST_NEO4J.
const { launch } = require('./launch');

module.exports = async () => {
  if (process.env.VERKOSTO_TEST_NEO4J) return;
  const server = await launch();
  process.env.VERKOSTO_TEST_NEO4J = server.control;
  globalThis.verkostoTestNeo4j = server;
};
