/**
 * Whether this test run has Neo4j legs, decided when jest reads its config: yes when a test Neo4j
 * is already running (VERKOSTO_TEST_NEO4J) or can be started (Java and Maven on the PATH). Without
 * them the embedded legs run alone and the run says so; with VERKOSTO_REQUIRE_NEO4J=1 (CI) that is
 * an error instead. VERKOSTO_SKIP_NEO4J=1 leaves the Neo4j legs out even when they could run (a
 * quick embedded-only run on a busy machine); VERKOSTO_REQUIRE_NEO4J=1 still wins and fails.
 */
const { spawnSync } = require('node:child_process');

let decided;
function neo4jLegs() {
  if (decided !== undefined) return decided;
  const skipped = process.env.VERKOSTO_SKIP_NEO4J === '1';
  const has = (command) => spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
  decided = !skipped && (!!process.env.VERKOSTO_TEST_NEO4J || (has('java') && has('mvn')));
  if (!decided) {
    const message = skipped
      ? 'The Neo4j legs did not run: VERKOSTO_SKIP_NEO4J=1 left them out.'
      : 'The Neo4j legs did not run: starting a test Neo4j needs Java 17+ and Maven (apt-get install openjdk-17-jdk-headless maven). ' +
        'With them, npm test runs every store contract and end-to-end suite on Neo4j too.';
    if (process.env.VERKOSTO_REQUIRE_NEO4J === '1') throw new Error(message);
    console.warn(message);
  }
  return decided;
}

module.exports = { neo4jLegs };
