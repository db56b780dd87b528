/**
 * Builds (once) and starts the test Neo4j: one JVM that creates a fresh Neo4j per POST /databases
 * on its control address and drops it on DELETE. Used by the jest set-up, the crash test and .ci/run.
 */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const HERE = __dirname;
const CLASSPATH = [join(HERE, 'target', 'classes'), join(HERE, 'target', 'lib', '*')].join(':');

function build() {
  if (existsSync(join(HERE, 'target', 'lib')) && existsSync(join(HERE, 'target', 'classes'))) return;
  console.log('Building the test Neo4j (tools/neo4j-test-server; the first build downloads Neo4j from Maven Central)…');
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(HERE, 'pom.xml'), 'package', '-DskipTests'], { stdio: 'inherit' });
  if (mvn.status !== 0) throw new Error('Building tools/neo4j-test-server failed (see the Maven output above).');
}

/** Starts the server and resolves with its control address and a stop function. */
async function launch(args = ['--control']) {
  build();
  const child = spawn('java', ['-Xmx1g', '-cp', CLASSPATH, 'verkosto.Neo4jTestServer', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const control = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The test Neo4j did not start in 180 s:\n${out}`)), 180_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = /^(?:control )?(http:\/\/127\.0\.0\.1:\d+|bolt:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`The test Neo4j exited (${code}) before it was ready:\n${out}`)));
  });
  child.stdout.resume();
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.stdin.end(); // the server shuts its databases down cleanly when its input closes
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    });
  return { control, child, stop };
}

module.exports = { build, launch, CLASSPATH };
