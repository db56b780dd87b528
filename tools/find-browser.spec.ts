import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser } from './find-browser';

describe('findBrowser', () => {
  let dir: string;
  const fakeBrowser = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'find-browser-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes CHROME_PATH first, then the older CHROMIUM_PATH', () => {
    const chrome = fakeBrowser('chrome');
    const chromium = fakeBrowser('chromium');
    expect(findBrowser({ CHROME_PATH: chrome, CHROMIUM_PATH: chromium, PATH: dir })).toEqual({ path: chrome });
    expect(findBrowser({ CHROMIUM_PATH: chromium, PATH: '' })).toEqual({ path: chromium });
  });

  it('reports a named browser that is not there rather than taking another one', () => {
    fakeBrowser('chromium');
    const missing = join(dir, 'no-such-chrome');
    expect(findBrowser({ CHROME_PATH: missing, PATH: dir })).toEqual({ path: null, reason: `no browser at CHROME_PATH=${missing}` });
    expect(findBrowser({ CHROME_PATH: join(dir, '..') })).toMatchObject({ path: null }); // a folder is no browser
  });

  it("finds google-chrome on the PATH when Playwright's own Chromium is not installed", () => {
    const chrome = fakeBrowser('google-chrome');
    const playwrights = chromium.executablePath();
    expect(findBrowser({ PATH: `/nonexistent:${dir}` })).toEqual({ path: existsSync(playwrights) ? playwrights : chrome });
  });
});
