module.exports = async () => {
  const server = globalThis.verkostoTestNeo4j;
  globalThis.verkostoTestNeo4j = undefined;
  if (server) await server.stop();
};
