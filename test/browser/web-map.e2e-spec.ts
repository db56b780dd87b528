/// <reference lib="dom" />
// The callbacks passed to page.$eval / waitForFunction run in the browser, hence the DOM types.
/**
 * The living map in a real browser: boots the built app on a temporary database and drives
 * Debian's Chromium with playwright-core. Screenshots go to test-artifacts/ to be looked at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TestApp } from '../support/app';
import { ARTIFACTS, openBrowser, type BrowserSession } from '../support/browser';

jest.setTimeout(120_000);

const nodeCount = (page: Page) => page.$eval('#counts', (el) => Number((el as HTMLElement).dataset.nodes));

/** Move the slider to the stop nearest a date, as a user dragging it would (input event). */
async function setDate(page: Page, date: string) {
  await page.$eval(
    '#date',
    (el, target) => {
      const input = el as HTMLInputElement;
      const max = Number(input.max);
      let best = 0;
      for (let i = 0; i <= max; i++) {
        input.value = String(i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if ((input.dataset.date ?? '') <= target) best = i;
      }
      input.value = String(best);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    date,
  );
}

describe('the living map in a browser', () => {
  const app = new TestApp();
  let session: BrowserSession;
  let page: Page;
  let base: string;
  let errors: string[];

  beforeAll(async () => {
    await app.start();
    base = app.url;
    session = await openBrowser();
    ({ page, errors } = session);
  });

  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  it('opens the demo and the Kuusamo network', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('body[data-map-ready=true]', { timeout: 30_000 });
    const options = await page.$$eval('#scope option', (os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const kuusamo = options.find((o) => /Kuusamo/.test(o.text) && o.value.startsWith('network:'));
    expect(kuusamo).toBeDefined();
    await page.selectOption('#scope', kuusamo!.value);
    await page.waitForFunction(() => location.hash.includes('net-kuusamo') && document.body.dataset.mapReady === 'true' && document.querySelector('#map canvas'));
    await page.waitForTimeout(500);
    expect(await nodeCount(page)).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'map-kuusamo-latest.png') });
  });

  it('grows from 2019 to 2022 on the slider', async () => {
    await setDate(page, '2019-06-01');
    const in2019 = await nodeCount(page);
    expect(await page.$eval('#date', (el) => (el as HTMLInputElement).dataset.date)).toMatch(/^2019-/);
    await page.waitForTimeout(400); // let the fade-in finish
    await page.screenshot({ path: join(ARTIFACTS, 'map-kuusamo-2019.png') });
    await setDate(page, '2022-06-01');
    const in2022 = await nodeCount(page);
    expect(await page.$eval('#date', (el) => (el as HTMLInputElement).dataset.date)).toMatch(/^2022-/);
    expect(in2022).not.toBe(in2019);
    expect(in2022).toBeGreaterThan(in2019);
  });

  it('plays the timeline', async () => {
    await setDate(page, '2019-01-01');
    const start = await page.$eval('#date', (el) => Number((el as HTMLInputElement).value));
    await page.click('#play');
    await page.waitForFunction((s) => Number((document.querySelector('#date') as HTMLInputElement).value) > s + 2, start);
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('true');
    await page.click('#play');
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');
    await setDate(page, '2023-06-01');
  });

  it("opens a node's panel and moves through the graph", async () => {
    // Keyboard: focus the map, arrow to a node, the panel opens.
    await page.focus('#map');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#panel:not([hidden]) h2');
    await page.fill('#search', 'Kuusamon kaupunki');
    await page.waitForSelector('#search-results:not([hidden]) button');
    await page.click('#search-results button:has-text("Kuusamon kaupunki")');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Kuusamon kaupunki');
    const panel = await page.textContent('#panel');
    expect(panel).toContain('Roolit');
    expect(panel).toContain('Kumppanit');
    // A participation outliving its project is said as such; "juurtunut" is the index's word only.
    expect(panel).toMatch(/jatkuu hankkeen jälkeen/);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, 'map-panel.png') });
    // A partner link moves the panel to that organisation.
    const partner = await page.$('#panel [data-goto]');
    const target = await partner!.textContent();
    await partner!.click();
    await page.waitForFunction((name) => document.querySelector('#panel h2')?.textContent === name, target);
  });

  it('switches language and remembers it', async () => {
    await page.selectOption('#lang', 'sv');
    expect(await page.textContent('#play')).toContain('Spela');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.selectOption('#lang', 'en');
    // The bipartite view draws participations ("links"); only the organisation view has ties.
    expect(await page.textContent('#counts')).toMatch(/nodes, \d+ links, \d+ of them continue after their project/);
    await page.reload();
    await page.waitForSelector('body[data-map-ready=true]');
    expect(await page.textContent('#play')).toContain('Play');
    expect(await page.evaluate(() => localStorage.getItem('verkosto.lang'))).toBe('en');
  });

  it('shows the organisation view and compares two dates', async () => {
    await page.check('input[name=view][value=orgs]');
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true' && document.querySelector('#legend')?.textContent?.includes('shared activities'));
    expect(await page.textContent('#legend')).toMatch(/Surviving tie \(born during a project, active after its end\)/);
    await setDate(page, '2021-07-01');
    expect(await page.textContent('#counts')).toMatch(/^\d+ organisations, \d+ ties, \d+ of them survived a project/);
    await page.check('#compare');
    await page.$eval('#date2', (el) => {
      const input = el as HTMLInputElement;
      for (let i = 0; i <= Number(input.max); i++) {
        input.value = String(i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if ((input.dataset.date ?? '') >= '2020-07-01') break;
      }
    });
    expect(await page.textContent('#counts')).toMatch(/added, \d+ kept, \d+ lost/);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, 'map-orgs-compare.png') });
    await page.uncheck('#compare');
    await page.check('input[name=view][value=bipartite]');
    await setDate(page, '2023-06-01');
  });

  it('opens the table view of the same nodes and ties', async () => {
    await page.check('[data-testid=display-table]');
    await page.waitForSelector('[data-testid=nodes-table] tbody tr');
    const rows = await page.$$eval('[data-testid=nodes-table] tbody tr', (r) => r.length);
    expect(rows).toBeGreaterThan(0);
    expect(await page.$$eval('[data-testid=edges-table] tbody tr', (r) => r.length)).toBeGreaterThan(0);
    expect(await page.isHidden('#map')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'table-view.png'), fullPage: false });
    await page.check('input[name=display][value=map]');
  });

  it('filters by organisation kind', async () => {
    const before = await nodeCount(page);
    await page.click('#filters details[data-key=orgKinds] summary');
    await page.check('#filters input[data-filter=orgKinds][value=MUNICIPALITY]');
    const after = await nodeCount(page);
    expect(after).toBeLessThan(before);
    await page.click('#clear-filters');
    expect(await nodeCount(page)).toBe(before);
  });

  it('exports a PNG and links the file exports', async () => {
    await page.click('#export-menu summary');
    const href = await page.getAttribute('#export-menu a[data-format=graphml]', 'href');
    expect(href).toMatch(/^\/api\/export\?networkId=net-kuusamo&format=graphml/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = join(ARTIFACTS, 'export.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it('says in words when a network has no activities', async () => {
    const { createNetwork } = await app.ok('mutation { createNetwork(input: { name: "Tyhjä testiverkosto" }) { id } }');
    const id = createNetwork.id;
    await page.goto(`${base}/#/network/${id}`);
    await page.waitForFunction(() => /no activities yet/.test(document.querySelector('#message:not([hidden])')?.textContent ?? ''));
    expect(await page.isHidden('#map')).toBe(true);
  });

  it('shows an error in words, not a blank screen', async () => {
    await page.goto(`${base}/#/network/no-such-network`);
    await page.waitForSelector('#message.error:not([hidden])');
    await page.screenshot({ path: join(ARTIFACTS, 'error-state.png') });
    expect((await page.textContent('#message'))!.length).toBeGreaterThan(20);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
