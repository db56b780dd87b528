/// <reference lib="dom" />
// The callbacks passed to page.$eval / waitForFunction run in the browser, hence the DOM types.
/**
 * The import page in a real browser: a file with a deliberate error is previewed row by row,
 * nothing can be written until the rejected row is skipped, then the import runs and reports.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, TestApp } from '../support/app';
import { ARTIFACTS, openBrowser, signIn, type BrowserSession } from '../support/browser';

jest.setTimeout(120_000);

const FILE = ['Organisaatio;Y-tunnus;Tyyppi;Kunta', 'Selaintestin kyläyhdistys ry;;Yhdistys;Kuusamo', 'KUUSAMON KAUPUNKI;;;', 'Rikkinäinen Oy;1234567-8;Yritys;'].join('\r\n');

describe('the import page in a browser', () => {
  const app = new TestApp();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    await app.start();
    session = await openBrowser();
    page = session.page;
    await signIn(page, app.url, ADMIN);
    await page.setViewportSize({ width: 1400, height: 1100 }); // the whole preview in one screenshot
  });

  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  const rows = (p: Page) =>
    p.$$eval('[data-testid=import-rows] tbody tr', (trs) => trs.map((tr) => ({ outcome: (tr as HTMLElement).dataset.outcome, text: tr.textContent ?? '' })));

  it('offers the templates and previews a file row by row, rejected rows with their reason', async () => {
    await page.goto(`${app.url}/#/import`);
    await page.waitForSelector('[data-testid=page-import] h2');
    expect(await page.$eval('#pages a[data-page=import]', (a) => a.getAttribute('aria-current'))).toBe('page');
    const links = await page.$$eval('[data-testid^=template-]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/api/import/templates/participations.xlsx?lang=fi');
    expect(links).toHaveLength(8);
    expect(await page.$eval('[data-testid=import-file]', (el) => el.hasAttribute('data-edit'))).toBe(true);

    await page.setInputFiles('[data-testid=import-file]', { name: 'kumppanit.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE, 'utf8') });
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-summary]')).toBe('3 riviä: 1 uutta, 0 päivitettyä, 0 ennallaan, 1 yhdistettyä, 1 hylättyä.');
    const preview = await rows(page);
    expect(preview.map((r) => r.outcome)).toEqual(['REJECTED', 'MERGED', 'CREATED']);
    expect(preview[0].text).toContain('”1234567-8” ei ole kelvollinen Y-tunnus');
    expect(preview[1].text).toContain('”KUUSAMON KAUPUNKI” on sama organisaatio kuin ”Kuusamon kaupunki”');
    const submit = '[data-testid=import-submit]';
    expect(await page.$eval(submit, (b) => [(b as HTMLButtonElement).disabled, b.hasAttribute('data-edit')])).toEqual([true, true]);
    await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png'), fullPage: true });

    await page.click('fieldset.import-filter label:has-text("Hylätty")');
    expect((await rows(page)).map((r) => r.outcome)).toEqual(['REJECTED']);
  });

  it('writes nothing until the rejected row is skipped, then imports and reports the counts', async () => {
    const before = await app.ok(`{ organisations(search: "Selaintestin") { totalCount } }`);
    expect(before.organisations.totalCount).toBe(0);
    await page.check('#import-skip');
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-result]');
    expect(await page.textContent('#import-result-title')).toMatch(/^Tuonti valmis: 1 uutta, 0 päivitettyä, 0 ennallaan, 1 yhdistettyä, 1 hylättyä \(\d+\.\d s\)\.$/);
    await page.screenshot({ path: join(ARTIFACTS, 'import-done.png'), fullPage: true });
    const after = await app.ok(`{ organisations(search: "Selaintestin") { nodes { name kind municipalityCode } } }`);
    expect(after.organisations.nodes).toEqual([{ name: 'Selaintestin kyläyhdistys ry', kind: 'ASSOCIATION', municipalityCode: '305' }]);
  });

  it('speaks the chosen language, remarks included', async () => {
    await page.selectOption('#lang', 'en');
    await page.click('[data-testid=import-result] button');
    await page.setInputFiles('[data-testid=import-file]', { name: 'kumppanit.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE, 'utf8') });
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-summary]')).toBe('3 rows: 0 new, 0 updated, 2 unchanged, 0 merged, 1 rejected.');
    const preview = await rows(page);
    expect(preview[0].text).toContain('“1234567-8” is not a valid Finnish business ID');
    expect(await page.$$eval('[data-testid^=template-]', (as) => as.every((a) => a.getAttribute('href')!.endsWith('lang=en')))).toBe(true);
    expect(session.errors).toEqual([]);
  });
});
