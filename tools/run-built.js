/**
 * `node tools/run-built.js <file under dist/> [args…]`: runs a command-line tool (npm run import,
 * backup, restore) from the built code. The server code is compiled first only when dist/ lacks
 * the tool or a source file is newer than it (about 40 s); otherwise the tool starts at once.
 */
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
/** What `npm run build:server` compiles into the tools (tests and specs are not part of it). */
const SOURCES = ['apps/api/src', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const COMPILED = /\.(ts|json)$/;
const NOT_COMPILED = /\.(spec|contract|fixture)\.ts$/;

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return COMPILED.test(path) && !NOT_COMPILED.test(path) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules') newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const [tool, ...args] = process.argv.slice(2);
const entry = join(ROOT, 'dist', tool);
const built = statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < Math.max(...SOURCES.map((s) => newestChange(join(ROOT, s))))) {
  process.stderr.write(built ? 'The sources changed since the last build: building the server code first…\n' : 'Building the server code first (once)…\n');
  const build = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(2);
}
// The tool runs in this process, as if started as `node dist/<tool> args…`.
process.argv = [process.argv[0], entry, ...args];
require(entry);
