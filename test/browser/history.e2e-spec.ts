/// <reference lib="dom" />
// The callbacks passed to page.$eval / waitForFunction run in the browser, hence the DOM types.
/**
 * The history panel in a real browser: a change made over the API shows in the selected node's
 * panel with who, when and before → after; undo puts it back; an undo that a later change depends
 * on is refused in words. Screenshots go to test-artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, TestApp } from '../support/app';
import { ARTIFACTS, openBrowser, signIn, type BrowserSession } from '../support/browser';

jest.setTimeout(120_000);

const OLD_NAME = 'Historiatestin yhdistys';
const NEW_NAME = 'Historiatestin yhdistys ry';

describe('the history panel in a browser', () => {
  const app = new TestApp();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    await app.start();
    const { createOrganisation: org } = await app.ok(`mutation($name: String!) { createOrganisation(input: { name: $name, kind: ASSOCIATION }) { id } }`, { name: OLD_NAME });
    await app.ok(`mutation($o: String!) { addParticipation(input: { organisationId: $o, targetId: "net-kuusamo", role: MEMBER, validFrom: "2019-01-01" }) { id } }`, { o: org.id });
    await app.ok(`mutation($id: ID!, $name: String!) { updateOrganisation(id: $id, input: { name: $name, website: "historia.example.fi" }) { id } }`, {
      id: org.id,
      name: NEW_NAME,
    });
    session = await openBrowser();
    page = session.page;
    await signIn(page, app.url, ADMIN);
  });

  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  const items = () => page.$$eval('[data-testid=history] li.change', (lis) => lis.map((li) => (li as HTMLElement).dataset.operation));

  it('lists the changes of the selected organisation with who, when and before → after', async () => {
    await page.goto(`${app.url}/#/network/net-kuusamo`);
    await page.waitForSelector('body[data-map-ready=true]', { timeout: 30_000 });
    await page.fill('#search', 'Historiatestin');
    await page.click(`#search-results button:has-text("${NEW_NAME}")`);
    await page.waitForFunction((name) => document.querySelector('#panel h2')?.textContent === name, NEW_NAME);
    await page.waitForSelector('[data-testid=history] li.change');
    expect(await items()).toEqual(['UPDATE', 'CREATE', 'CREATE']);
    const update = page.locator('[data-testid=history] li.change').first();
    expect(await update.locator('.what').textContent()).toBe(`Organisaatio “${NEW_NAME}” · muokattu`);
    expect(await update.locator('.sub').textContent()).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}.* · admin@verkosto\.test$/);
    expect(await update.locator('.diff').textContent()).toContain(`Nimi${OLD_NAME} → ${NEW_NAME}`);
    expect(await update.locator('.diff').textContent()).toContain('Verkkosivu– → https://historia.example.fi/');
    // The tie shows under the organisation too, with its source; every undo button is an edit control.
    expect(await page.locator('[data-testid=history] li.change').nth(1).textContent()).toMatch(
      /Osallistuminen “.*→ Kuusamon osallisuusverkosto.*” · lisätty.*Lähde.*syötetty käsin \(admin@verkosto\.test\)/,
    );
    const buttons = await page.$$eval('[data-testid=history] button.undo', (bs) => bs.map((b) => b.hasAttribute('data-edit')));
    expect(buttons).toEqual([true, true, true]);
    await page.locator('#panel [data-testid=history]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'history-panel.png') });
  });

  it('undoes the rename: the old name is back on the map and the undo is in the history', async () => {
    await page.click('[data-testid=history] li.change[data-operation=UPDATE] button.undo');
    await page.waitForFunction((name) => document.querySelector('#panel h2')?.textContent === name, OLD_NAME, { timeout: 30_000 });
    await page.waitForSelector('[data-testid=history-notice]');
    expect(await page.textContent('[data-testid=history-notice]')).toBe(`Peruttu: Organisaatio “${NEW_NAME}” · muokattu. Kartta päivitetään.`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=history] li.change').length === 4);
    expect(await items()).toEqual(['UNDO', 'UPDATE', 'CREATE', 'CREATE']);
    expect(await page.textContent('[data-testid=history] li.change[data-operation=UPDATE]')).toContain('peruttu');
    expect(await page.$('[data-testid=history] li.change[data-operation=UPDATE] button.undo')).toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'history-undone.png') });
  });

  it('says in words why creating the organisation cannot be undone while its tie exists', async () => {
    const create = page.locator('[data-testid=history] li.change[data-operation=CREATE]', { hasText: 'Organisaatio' });
    await create.locator('button.undo').click();
    await page.waitForSelector('[data-testid=history-notice].error');
    const notice = await page.textContent('[data-testid=history-notice]');
    expect(notice).toMatch(
      /^Muutosta ei voi perua, koska myöhemmät muutokset nojaavat siihen: Osallistuminen “Historiatestin yhdistys.*→ Kuusamon osallisuusverkosto” · lisätty \(.*, admin@verkosto\.test\)\. Peru ne ensin\.$/,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('history-notice');
    expect(await page.textContent('#panel h2')).toBe(OLD_NAME);
    await page.screenshot({ path: join(ARTIFACTS, 'history-conflict.png') });
    expect(session.errors).toEqual([]);
  });
});
