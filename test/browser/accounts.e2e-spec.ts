/// <reference lib="dom" />
// The callbacks passed to page.$eval / waitForFunction run in the browser, hence the DOM types.
/**
 * Accounts in a real browser: the first administrator on an empty instance, signing in and out,
 * edit controls hidden from viewers, tokens and roles, all under the app's Content-Security-Policy.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, TestApp } from '../support/app';
import { ARTIFACTS, openBrowser, type BrowserSession } from '../support/browser';

jest.setTimeout(120_000);

const PASSWORD = 'salasana-12345';

/** Puts a control marked data-edit on the page, as the data pages do, and says whether it shows. */
async function editControlVisible(page: Page): Promise<boolean> {
  await page.evaluate(() => {
    if (!document.getElementById('probe-edit')) {
      const button = document.createElement('button');
      button.id = 'probe-edit';
      button.dataset.edit = '';
      button.textContent = 'Muokkaa';
      document.querySelector('.toolbar')?.append(button);
    }
  });
  return page.isVisible('#probe-edit');
}

async function signIn(page: Page, email: string, password: string) {
  await page.click('[data-testid=sign-in]');
  await page.fill('[data-testid=login] input[name=email]', email);
  await page.fill('[data-testid=login] input[name=password]', password);
  await page.click('[data-testid=login] button[type=submit]');
  await page.waitForSelector('[data-testid=user-menu]');
}

async function signOut(page: Page) {
  await page.click('[data-testid=user-menu] summary');
  await page.click('[data-testid=sign-out]');
  await page.waitForSelector('[data-testid=sign-in]');
}

describe('first start in a browser', () => {
  const app = new TestApp();
  let session: BrowserSession;

  beforeAll(async () => {
    await app.start({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  it('asks for the first administrator, creates it and signs in, with the demo map behind', async () => {
    const { page, errors } = session;
    await page.goto(app.url + '/');
    await page.waitForSelector('[data-testid=first-admin][open]');
    await page.waitForSelector('body[data-map-ready=true]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=first-admin] h2')).toBe('Luo ensimmäinen ylläpitäjä');
    expect(await page.isVisible('[data-testid=first-admin] input[name=setupCode]')).toBe(false); // on the server's own machine
    await page.fill('[data-testid=first-admin] input[name=email]', 'eka@verkosto.test');
    await page.fill('[data-testid=first-admin] input[name=name]', 'Eeva Ylläpitäjä');
    await page.fill('[data-testid=first-admin] input[name=password]', PASSWORD);
    await page.fill('[data-testid=first-admin] input[name=again]', 'eri-salasana-1');
    await page.screenshot({ path: join(ARTIFACTS, 'first-admin.png') });
    await page.click('[data-testid=first-admin] button[type=submit]');
    await page.waitForSelector('[data-testid=first-admin] .error-text');
    expect(await page.textContent('[data-testid=first-admin] .error-text')).toMatch(/Salasanat eivät ole samat/);
    await page.fill('[data-testid=first-admin] input[name=again]', PASSWORD);
    await page.click('[data-testid=first-admin] button[type=submit]');
    await page.waitForSelector('[data-testid=user-menu]');
    expect(await page.textContent('[data-testid=user-menu] summary')).toMatch(/Eeva Ylläpitäjä · ylläpitäjä/);
    expect(await page.isVisible('[data-testid=first-admin]')).toBe(false);
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('true');
    expect((await app.as(null).ok('{ needsFirstAdmin }')).needsFirstAdmin).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('first start in a browser on another machine', () => {
  const app = new TestApp();
  let session: BrowserSession;

  beforeAll(async () => {
    await app.start({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    session = await openBrowser();
    // Relayed by a proxy Verkosto was not told of (no TRUST_PROXY): the caller is not on loopback.
    await session.page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.9' });
  });
  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  it('asks for the set-up code of the server log, and refuses a wrong one', async () => {
    const { page, errors } = session;
    await page.goto(app.url + '/');
    await page.waitForSelector('[data-testid=first-admin][open] input[name=setupCode]');
    expect(await page.textContent('[data-testid=first-admin]')).toMatch(/Asetuskoodi/);
    await page.fill('[data-testid=first-admin] input[name=setupCode]', 'ABCD-EFGH-JKMN');
    await page.fill('[data-testid=first-admin] input[name=email]', 'eka@verkosto.test');
    await page.fill('[data-testid=first-admin] input[name=password]', PASSWORD);
    await page.fill('[data-testid=first-admin] input[name=again]', PASSWORD);
    await page.click('[data-testid=first-admin] button[type=submit]');
    await page.waitForSelector('[data-testid=first-admin] .error-text');
    expect(await page.textContent('[data-testid=first-admin] .error-text')).toMatch(/Asetuskoodi puuttuu tai on väärä/);
    await page.fill('[data-testid=first-admin] input[name=setupCode]', app.setupCode());
    await page.click('[data-testid=first-admin] button[type=submit]');
    await page.waitForSelector('[data-testid=user-menu]');
    expect((await app.as(null).ok('{ needsFirstAdmin }')).needsFirstAdmin).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('signing in, roles and tokens in a browser', () => {
  const app = new TestApp();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    await app.start();
    for (const [email, role] of [
      ['katselija@verkosto.test', 'VIEWER'],
      ['muokkaaja@verkosto.test', 'EDITOR'],
    ] as const) {
      await app.ok('mutation($e: String!, $p: String!) { createUser(input: { email: $e, password: $p }) { id } }', { e: email, p: PASSWORD });
      await app.ok('mutation($e: String!, $r: AccessRole!) { setMembership(networkId: "net-kuusamo", email: $e, role: $r) { role } }', { e: email, r: role });
    }
    session = await openBrowser();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  it('shows the public demo without signing in, with no edit controls and no first-run question', async () => {
    await page.goto(app.url + '/#/network/net-kuusamo');
    await page.waitForSelector('body[data-map-ready=true]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=sign-in]');
    expect(await page.isVisible('[data-testid=first-admin]')).toBe(false);
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('false');
    expect(await editControlVisible(page)).toBe(false);
  });

  it('tells a wrong password in words, then signs a viewer in who still sees no edit controls', async () => {
    await page.click('[data-testid=sign-in]');
    await page.fill('[data-testid=login] input[name=email]', 'katselija@verkosto.test');
    await page.fill('[data-testid=login] input[name=password]', 'väärä-salasana');
    await page.click('[data-testid=login] button[type=submit]');
    await page.waitForSelector('[data-testid=login] .error-text');
    expect(await page.textContent('[data-testid=login] .error-text')).toBe('Ei onnistunut: Väärä sähköposti tai salasana.');
    await page.screenshot({ path: join(ARTIFACTS, 'login-error.png') });
    await page.fill('[data-testid=login] input[name=password]', PASSWORD);
    await page.click('[data-testid=login] button[type=submit]');
    await page.waitForSelector('[data-testid=user-menu]');
    await page.waitForSelector('body[data-map-ready=true]');
    expect(await page.getAttribute('body', 'data-signed-in')).toBe('true');
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('false');
    expect(await editControlVisible(page)).toBe(false);
    // A viewer manages nobody: the menu has no members entry.
    await page.click('[data-testid=user-menu] summary');
    expect(await page.isVisible('[data-testid=open-members]')).toBe(false);
    await page.click('[data-testid=user-menu] summary');
    await signOut(page);
  });

  it('shows an editor the edit controls in their network, and hides them again after signing out', async () => {
    await signIn(page, 'muokkaaja@verkosto.test', PASSWORD);
    await page.waitForFunction(() => document.body.dataset.canEdit === 'true');
    expect(await editControlVisible(page)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'editor-signed-in.png') });
    // The session cookie with its CSRF header lets the page change data.
    const status = await page.evaluate(async () => {
      const csrf = /verkosto_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: JSON.stringify({ query: 'mutation { createOrganisation(input: { name: "Selaimen yhdistys ry", kind: ASSOCIATION }) { id } }' }),
      });
      return ((await response.json()) as { errors?: unknown[] }).errors ?? 'ok';
    });
    expect(status).toBe('ok');
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/verkosto_session/);
    await signOut(page);
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('false');
    expect(await editControlVisible(page)).toBe(false);
  });

  it('lets the administrator give a role and make a token for a script, shown once', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.click('[data-testid=user-menu] summary');
    await page.click('[data-testid=open-members]');
    await page.waitForSelector('[data-testid=member-list] li');
    await page.selectOption('[data-testid=members] select[name=network]', 'net-kuusamo');
    await page.waitForFunction(() => /katselija@verkosto.test/.test(document.querySelector('[data-testid=member-list]')?.textContent ?? ''));
    await page.selectOption('[data-testid=member-list] li:has-text("katselija@verkosto.test") select', 'EVALUATOR');
    await page.waitForSelector('[data-testid=members] .form-status:has-text("Tallennettu")');
    await page.screenshot({ path: join(ARTIFACTS, 'members.png') });
    const { networkMembers } = await app.ok('{ networkMembers(networkId: "net-kuusamo") { role user { email } } }');
    expect(networkMembers).toContainEqual({ role: 'EVALUATOR', user: { email: 'katselija@verkosto.test' } });
    await page.click('[data-testid=members] button.close');

    await page.click('[data-testid=user-menu] summary');
    await page.click('[data-testid=open-tokens]');
    await page.fill('[data-testid=tokens] input[name=name]', 'raporttiskripti');
    await page.fill('[data-testid=tokens] input[name=days]', '30');
    await page.click('[data-testid=tokens] button[type=submit]');
    const token = (await (await page.waitForSelector('[data-testid=new-token]')).textContent()) ?? '';
    expect(token).toMatch(/^vkt_/);
    await page.waitForFunction(() => /raporttiskripti/.test(document.querySelector('[data-testid=token-list]')?.textContent ?? ''));
    await page.screenshot({ path: join(ARTIFACTS, 'tokens.png') });
    expect((await app.as({ token }).ok('{ me { email } }')).me.email).toBe(ADMIN.email);
    await page.click('[data-testid=token-list] li:has-text("raporttiskripti") button');
    await page.waitForFunction(() => !/raporttiskripti/.test(document.querySelector('[data-testid=token-list]')?.textContent ?? ''));
    expect((await app.as({ token }).ok('{ me { email } }')).me).toBeNull();
    await page.click('[data-testid=tokens] button.close');
  });

  it('runs without a single Content-Security-Policy violation or script error', () => {
    expect(session.errors).toEqual([]);
  });
});
