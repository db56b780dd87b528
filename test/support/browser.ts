import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_ARGS, HOW_TO_ENABLE, findBrowser } from '../../tools/find-browser';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /** Uncaught page errors and console errors: a test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The Chromium or Chrome tools/find-browser.js finds, driven by playwright-core, one page at 1400×860 that accepts downloads.
 * Screenshots belong in ARTIFACTS (gitignored) to be looked at.
 */
export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(join(ROOT, 'dist/web/index.html'))) throw new Error('Build first: npm run build');
  const found = findBrowser();
  if (found.path === null) throw new Error(`The browser tests need a browser: ${found.reason}; ${HOW_TO_ENABLE}.`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: found.path, args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { browser, page, errors, close: () => browser.close() };
}

/**
 * Signs the browser in with a session cookie, as the sign-in form does (the form itself is tested
 * in accounts.e2e-spec.ts). Pages loaded afterwards see the account.
 */
export async function signIn(page: Page, base: string, account: { email: string; password: string }): Promise<void> {
  const response = await page.request.post(`${base}/graphql`, {
    data: { query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { csrfToken } }', variables: { e: account.email, p: account.password } },
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`Sign-in failed: ${body.errors[0].message}`);
}
