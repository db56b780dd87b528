/**
 * The Chromium or Chrome that the browser tier (test/support/browser.ts) and the web-map bench
 * drive with playwright-core, looked for in this order: CHROME_PATH (or the older CHROMIUM_PATH)
 * when set, and then nothing else; Playwright's own installed Chromium; chromium, chromium-browser,
 * google-chrome or google-chrome-stable on the PATH; Debian's /usr/bin/chromium; the macOS apps.
 *
 * Without one, jest leaves the browser tier out and the run says so in one line (as the Neo4j
 * legs do, tools/neo4j-test-server/legs.js); with VERKOSTO_REQUIRE_BROWSER=1 (CI) that is an error.
 */
const { accessSync, constants, statSync } = require('node:fs');
const { delimiter, join } = require('node:path');

const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const KNOWN_PATHS = ['/usr/bin/chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
/** Headless, software rendering, no GPU, nothing fetched in the background: the same for tests and bench. */
const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const HOW_TO_ENABLE = 'install one (apt-get install chromium, or npx playwright-core install chromium) or set CHROME_PATH to it';

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ path: string, reason?: undefined } | { path: null, reason: string }}
 */
function findBrowser(env = process.env) {
  const variable = env.CHROME_PATH ? 'CHROME_PATH' : env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : null;
  // A browser named on purpose is the one meant: a wrong path is reported, not replaced by another.
  if (variable) return isExecutable(env[variable]) ? { path: env[variable] } : { path: null, reason: `no browser at ${variable}=${env[variable]}` };
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => COMMANDS.map((c) => join(dir, c)));
  const path = [playwrightChromium(), ...onPath, ...KNOWN_PATHS].find((p) => p && isExecutable(p));
  return path ? { path } : { path: null, reason: "no Chromium or Chrome found (CHROME_PATH, Playwright's browser, chromium or google-chrome on the PATH, /usr/bin/chromium)" };
}

/** Where `playwright-core install chromium` puts the browser matching this playwright-core. */
function playwrightChromium() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    return null;
  }
}

/** @param {string | undefined} path */
function isExecutable(path) {
  try {
    accessSync(path ?? '', constants.X_OK);
    return statSync(path ?? '').isFile();
  } catch {
    return false;
  }
}

let decided;
/**
 * The browser for this test run, decided once when jest reads its config: its path, or null after
 * printing why the browser tier did not run (an error instead under VERKOSTO_REQUIRE_BROWSER=1).
 * @returns {string | null}
 */
function browserTier() {
  if (decided !== undefined) return decided;
  const found = findBrowser();
  decided = found.path;
  if (found.path === null) {
    const message = `The browser tier did not run: ${found.reason}; ${HOW_TO_ENABLE}.`;
    if (process.env.VERKOSTO_REQUIRE_BROWSER === '1') throw new Error(message);
    console.warn(message);
  }
  return decided;
}

module.exports = { findBrowser, browserTier, BROWSER_ARGS, HOW_TO_ENABLE };
