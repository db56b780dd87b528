/// <reference lib="dom" />
// The callbacks passed to page.$eval / waitForFunction run in the browser, hence the DOM types.
/**
 * The partner finder in a real browser on the demo data: a nature-based group for immigrants in
 * Kuusamo, ranked suggestions with reasons, an introduction chain lit on the map, and bad input
 * answered in words. Screenshots go to test-artifacts/ to be looked at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TestApp } from '../support/app';
import { ARTIFACTS, openBrowser, type BrowserSession } from '../support/browser';

jest.setTimeout(120_000);

async function openFinder(page: Page, base: string) {
  await page.goto(`${base}/#/partners`);
  await page.waitForSelector('[data-testid=partners-methods] input');
  // The place list arrives with its own request.
  await page.waitForSelector('[data-testid=partners-place] option[value="m:305"]', { state: 'attached' });
}

async function describePlan(page: Page) {
  await page.check('[data-testid=partners-methods] input[value=nature-based]');
  await page.check('[data-testid=partners-groups] input[value=immigrants]');
  await page.selectOption('[data-testid=partners-place]', 'm:305');
}

const suggestions = (page: Page) =>
  page.$$eval('[data-testid=suggestions] > li', (lis) =>
    lis.map((li) => ({
      id: (li as HTMLElement).dataset.id,
      name: li.querySelector('h4')?.textContent ?? '',
      score: Number((li.querySelector('.score') as HTMLElement).dataset.score),
      explanation: li.querySelector('.explanation')?.textContent ?? '',
      parts: Array.from(li.querySelectorAll('.parts-table tbody tr'), (tr) => (tr as HTMLElement).dataset.part),
    })),
  );

describe('the partner finder in a browser', () => {
  const app = new TestApp();
  let session: BrowserSession;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    await app.start();
    base = app.url;
    session = await openBrowser();
    page = session.page;
  });

  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  it('says in words what is wrong with an empty search or a name typed but not chosen', async () => {
    await openFinder(page, base);
    expect(await page.getAttribute('#pages a[data-page=partners]', 'aria-current')).toBe('page');
    await page.click('[data-testid=partners-submit]');
    await page.waitForSelector('[data-testid=partners-error]:not([hidden])');
    expect(await page.textContent('[data-testid=partners-error]')).toMatch(/^Haku on tyhjä\. Valitse kysyjä tai ainakin yksi ehto/);
    expect(await page.getAttribute('[data-testid=partners-error]', 'role')).toBe('alert');
    await page.fill('[data-testid=partners-asker]', 'Ksak');
    await page.click('[data-testid=partners-submit]');
    await page.waitForFunction(() => /Valitse kysyjä hakulistasta/.test(document.querySelector('[data-testid=partners-error]')?.textContent ?? ''));
    await page.screenshot({ path: join(ARTIFACTS, 'partners-error.png') });
    await page.fill('[data-testid=partners-asker]', '');
  });

  it('finds collaborators for a nature-based group for immigrants in Kuusamo, with reasons', async () => {
    await describePlan(page);
    await page.fill('[data-testid=partners-date]', '2021-06-01');
    await page.click('[data-testid=partners-submit]');
    await page.waitForSelector('[data-testid=suggestions] > li');
    expect(await page.isHidden('[data-testid=partners-error]')).toBe(true);
    const list = await suggestions(page);
    expect(list.length).toBeGreaterThanOrEqual(5);
    // Ranked best first; the top one has done exactly this kind of work in Kuusamo.
    expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
    expect(list[0].name).toBe('KSAK Oy');
    expect(list[0].explanation).toMatch(/maahanmuuttajat.*luontolähtöiset menetelmät.*Kuusamo/);
    for (const s of list) expect(s.parts).toEqual(expect.arrayContaining(['fit', 'place', 'permanence', 'recency']));
    // Without an asker there are no current partners to keep apart, and the gaps say what they need.
    expect(await page.isHidden('[data-testid=existing-partners]')).toBe(true);
    expect(await page.textContent('[data-testid=gaps]')).toMatch(/kun kysyjä/);
    await page.screenshot({ path: join(ARTIFACTS, 'partners-anonymous.png') });
  });

  it('asks as Ksakki ry: current partners apart, shared partners named, gaps listed', async () => {
    await page.fill('[data-testid=partners-asker]', 'Ksakki');
    await page.waitForSelector('#partners-asker-list li[data-id=org-ksakki]');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('[data-testid=partners-asker]', 'aria-activedescendant');
    expect(active).toMatch(/^partners-hit-\d+$/);
    await page.click('#partners-asker-list li[data-id=org-ksakki]');
    expect(await page.textContent('[data-testid=partners-asker-chosen]')).toMatch(/Valittu: Ksakki ry \(Organisaatio\)/);
    await page.click('[data-testid=partners-submit]');
    await page.waitForFunction(() => /^Ksakki ry, 1\.6\.2021/.test(document.querySelector('[data-testid=partners-summary]')?.textContent ?? ''));
    const existing = await page.textContent('[data-testid=existing-partners]');
    expect(existing).toMatch(/KSAK Oy/);
    const list = await suggestions(page);
    // Its current partners are not suggested again.
    expect(list.map((s) => s.name)).not.toContain('KSAK Oy');
    expect(list[0].explanation).toMatch(/teillä on 1 yhteinen kumppani: KSAK Oy/);
    expect(await page.textContent('[data-testid=suggestions] > li:first-child .shared')).toMatch(/KSAK Oy/);
    expect(await page.textContent('[data-testid=gaps]')).toMatch(/Sektori|Menetelmä|Kohderyhmä/);
    await page.screenshot({ path: join(ARTIFACTS, 'partners-ksakki.png') });
  });

  it('shows how to get introduced, step by step, and lights the chain on the map', async () => {
    const target = await page.$('[data-testid=suggestions] > li[data-id=org-kuusamon-4h-yhdistys]');
    expect(target).not.toBeNull();
    await page.click('[data-testid=suggestions] > li[data-id=org-kuusamon-4h-yhdistys] [data-testid=intro-button]');
    await page.waitForSelector('[data-testid=intro-path]');
    const steps = await page.$$eval('[data-testid=intro-path]:first-of-type .steps li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatch(/^Ksakki ry tuntee: KSAK Oy — yhteistyössä: .*LUONNOLLISESTI/);
    expect(steps[1]).toMatch(/^KSAK Oy tuntee: Kuusamon 4H-yhdistys ry — yhteistyössä: Kuusamon kesäkeidas 2021/);
    await page.screenshot({ path: join(ARTIFACTS, 'partners-introduction.png') });
    await page.click('[data-testid=intro-path]:first-of-type [data-testid=path-on-map]');
    await page.waitForSelector('[data-testid=spotlight]:not([hidden])');
    await page.waitForFunction(() => /^#\/(network|project)\//.test(location.hash));
    await page.waitForFunction(() => Number((document.querySelector('#spotlight') as HTMLElement).dataset.lit) >= 4, undefined, { timeout: 30_000 });
    expect(await page.textContent('#spotlight-caption')).toBe('Tuttavuusketju 1.6.2021: Ksakki ry → KSAK Oy → Kuusamon 4H-yhdistys ry');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'partners-path-map.png') });
    // Back to the finder: the answer is still there.
    await page.click('#spotlight-back');
    await page.waitForSelector('[data-testid=suggestions] > li');
  });

  it('explains in the user’s language', async () => {
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() => /Find partners/.test(document.querySelector('[data-testid=partners-submit]')?.textContent ?? ''));
    const list = await suggestions(page);
    expect(list[0].explanation).toMatch(/^works .*nature-based methods in Kuusamo; you share 1 partner: KSAK Oy/);
    expect(await page.textContent('[data-testid=existing-partners] h3')).toMatch(/^Current partners/);
    // The form kept what was asked.
    expect(await page.isChecked('[data-testid=partners-methods] input[value=nature-based]')).toBe(true);
    expect(await page.inputValue('[data-testid=partners-asker]')).toBe('Ksakki ry');
    await page.screenshot({ path: join(ARTIFACTS, 'partners-english.png') });
    expect(session.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it('asks about the latest date in the data unless told otherwise, with boxes a finger can hit (issue 15)', async () => {
    await openFinder(page, base);
    await page.reload(); // a fresh form, not the one the tests above filled in
    await page.waitForSelector('[data-testid=partners-methods] input');
    await page.waitForSelector('[data-testid=partners-place] option[value="m:305"]', { state: 'attached' });
    expect(await page.inputValue('[data-testid=partners-date]')).toBe('');
    // In the language the test above chose last.
    expect(['Tyhjänä aineiston viimeisin päivä', 'Tomt: det senaste datumet i materialet', 'Empty: the latest date in the data']).toContain(
      await page.textContent('#partners-date-hint'),
    );
    await describePlan(page);
    await page.click('[data-testid=partners-submit]');
    await page.waitForSelector('[data-testid=suggestions]');
    const { partnerSuggestions } = await app.ok('{ partnerSuggestions(input: { methodIds: ["nature-based"] }) { at } }');
    expect(partnerSuggestions.at <= new Date().toISOString().slice(0, 10)).toBe(true);
    const [y, m, d] = (partnerSuggestions.at as string).split('-').map(Number);
    expect(await page.textContent('[data-testid=partners-summary]')).toMatch(new RegExp(`\\b0?${d}[./]0?${m}[./]${y}\\b`)); // 1.1.2023 or 01/01/2023
    const boxes = await page.$$eval('input[type=checkbox], input[type=radio]', (inputs) =>
      inputs
        .filter((i) => (i as HTMLElement).offsetParent)
        .map((i) => i.getBoundingClientRect())
        .map((r) => Math.min(r.width, r.height)),
    );
    expect(boxes.length).toBeGreaterThan(40);
    expect(Math.min(...boxes)).toBeGreaterThanOrEqual(24);
    await page.screenshot({ path: join(ARTIFACTS, 'partners-default-date.png'), fullPage: true });
  });

  it('keeps the route when the skip link is used, and opens the network last seen at /', async () => {
    await page.goto(`${base}/#/network/net-kuusamo`);
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true' && document.querySelector('#map canvas'));
    await page.goto(`${base}/#/partners`);
    await page.waitForSelector('[data-testid=partners-methods] input');
    const route = new URL(page.url()).hash;
    expect(route).toMatch(/^#\/partners/);
    await page.focus('a.skip');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe(route);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-partners');
    await page.goto(`${base}/`);
    await page.waitForFunction(() => location.hash === '#/network/net-kuusamo');
  });
});
