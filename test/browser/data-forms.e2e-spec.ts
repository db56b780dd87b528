/// <reference lib="dom" />
// The callbacks passed to page.$eval / waitForFunction run in the browser, hence the DOM types.
/**
 * The data page in a real browser: forms with checks beside the fields, participation shown on the
 * map, next season's activity, asking before deleting, and merging two duplicates. Boots the built
 * app on a temporary database; screenshots go to test-artifacts/ to be looked at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, TestApp } from '../support/app';
import { ARTIFACTS, openBrowser, signIn, type BrowserSession } from '../support/browser';
import { DUPLICATES, seedDuplicates } from '../support/duplicates';

jest.setTimeout(120_000);

const ORG_NAME = 'Testikylän Kyläyhdistys ry';
/** Its check digit is right (the seeded duplicates hold 1234567-1). */
const VALID_BUSINESS_ID = '7654321-2';

describe('the data page in a browser', () => {
  const app = new TestApp();
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let orgId = '';

  beforeAll(async () => {
    await app.start();
    await seedDuplicates(app);
    session = await openBrowser();
    ({ page, errors } = session);
    await signIn(page, app.url, ADMIN);
  });

  afterAll(async () => {
    await session?.close();
    await app.remove();
  });

  const editor = '#data-editor';
  const notice = () => page.textContent(`${editor} [data-testid=data-notice]`);
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  /** The page scrolls inside its <main>: a window tall enough for the whole editor shows all of it. */
  async function tallShot(name: string) {
    const height = await page.$eval('#data-editor', (el) => el.getBoundingClientRect().top + el.scrollHeight + 40);
    await page.setViewportSize({ width: 1400, height: Math.max(860, Math.ceil(height)) });
    await page.screenshot({ path: join(ARTIFACTS, name) });
    await page.setViewportSize({ width: 1400, height: 860 });
  }

  /** Types into a picker and chooses the result whose text contains `choice`. */
  async function pick(picker: string, text: string, choice: string) {
    await page.fill(`${picker} input[type=search]`, text);
    await page.click(`${picker} .picker-results button:has-text("${choice}")`);
    await page.waitForSelector(`${picker} .picked-name:has-text("${choice}")`);
  }

  async function openTab(name: string) {
    await page.click(`[role=tab][data-tab=${name}]`);
    await page.waitForSelector('#data-results[aria-busy=false]');
  }

  it('opens from the navigation, in Finnish, with the organisations listed', async () => {
    await page.goto(app.url + '/');
    await page.waitForSelector('body[data-map-ready=true]', { timeout: 30_000 });
    await page.click('#pages a[data-page=data]');
    await page.waitForSelector('[data-testid=data-rows] button.row');
    expect(await page.textContent('#pages a[data-page=data]')).toBe('Tiedot');
    expect(page.url()).toMatch(/#\/data/);
    expect(await page.getAttribute('[role=tab][data-tab=organisation]', 'aria-selected')).toBe('true');
    expect(await page.textContent('#data-results .pager')).toMatch(/1–25 \/ \d+/);
    // Every control that changes data is marked for the accounts work to hide.
    expect(await page.$$eval('#page-data button[data-edit]', (els) => els.length)).toBeGreaterThan(0);
  });

  it('refuses an invalid business ID beside the field, in Finnish; fixed, it saves', async () => {
    await page.click('[data-testid=data-new]');
    await page.waitForSelector(`${editor} form[data-kind=organisation]`);
    await page.fill('#data-f-name', ORG_NAME);
    await page.selectOption('#data-f-kind', 'ASSOCIATION');
    await page.fill('#data-f-businessId', '1234567-8');
    await page.press('#data-f-businessId', 'Tab');
    const message = page.locator('#data-f-businessId-error');
    await message.waitFor({ state: 'visible' });
    expect(await message.textContent()).toContain('”1234567-8” ei ole kelvollinen Y-tunnus');
    expect(await page.getAttribute('#data-f-businessId', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#data-f-businessId', 'aria-describedby')).toContain('data-f-businessId-error');
    // Saving with the error focuses the field and sends nothing.
    await page.click('#data-save');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('data-f-businessId');
    await shot('data-org-invalid-business-id.png');
    const none = await app.ok(`{ organisations(search: "Testikylän") { totalCount } }`);
    expect(none.organisations.totalCount).toBe(0);

    await page.fill('#data-f-businessId', VALID_BUSINESS_ID);
    await page.press('#data-f-businessId', 'Tab');
    await message.waitFor({ state: 'hidden' });
    await page.click('#data-save');
    await page.waitForSelector(`${editor} h3:has-text("Muokkaa: ${ORG_NAME}")`);
    expect(await notice()).toContain(`Lisätty: ${ORG_NAME}`);
    const { organisations } = await app.ok(`{ organisations(search: "Testikylän") { nodes { id businessId kind sector } } }`);
    expect(organisations.nodes).toEqual([{ id: expect.any(String), businessId: VALID_BUSINESS_ID, kind: 'ASSOCIATION', sector: 'THIRD' }]);
    orgId = organisations.nodes[0].id;
  });

  it("edits it, and shows the server's refusal of a taken name against the name field", async () => {
    await page.fill('#data-f-website', 'kylayhdistys.example.fi');
    await page.selectOption('#data-f-municipalityCode', '305');
    await page.click('#data-save');
    await page.waitForFunction(() => /Tallennettu/.test(document.querySelector('#data-editor [data-testid=data-notice]')?.textContent ?? ''));
    const { organisation } = await app.ok(`query($id: ID!) { organisation(id: $id) { website municipalityCode } }`, { id: orgId });
    expect(organisation).toEqual({ website: 'https://kylayhdistys.example.fi/', municipalityCode: '305' });
    expect(await page.inputValue('#data-f-website')).toBe('https://kylayhdistys.example.fi/');

    await page.fill('#data-f-name', 'Kuusamon kaupunki');
    await page.click('#data-save');
    const nameError = page.locator('#data-f-name-error');
    await nameError.waitFor({ state: 'visible' });
    expect(await nameError.textContent()).toContain('Samanniminen organisaatio on jo olemassa: Kuusamon kaupunki');
    await page.fill('#data-f-name', ORG_NAME);
    await page.click('#data-save');
    await nameError.waitFor({ state: 'hidden' });
  });

  it('adds it to a demo project with a role and dates, and shows it on the map', async () => {
    const form = `${editor} [data-testid=participation-form]`;
    await pick(`${form} [data-picker=targetId]`, 'KUPO', 'KUPO-hanke');
    await page.selectOption(`${form} select[name=role]`, 'PARTNER');
    await page.fill(`${form} input[name=validFrom]`, '2021-03-01');
    await page.fill(`${form} input[name=validTo]`, '2020-12-31');
    await page.click(`${form} button[type=submit]`);
    expect(await page.textContent(`${form} #data-p-validTo-error`)).toContain('Päättymispäivä on ennen alkamispäivää');
    await page.fill(`${form} input[name=validTo]`, '2022-12-31');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`${editor} [data-testid=participation-table] td:has-text("KUPO-hanke")`);
    expect(await notice()).toContain(`Lisätty: ${ORG_NAME} – Kulttuurit yhteisellä polulla`);
    expect(await page.textContent(`${editor} [data-testid=participation-table]`)).toContain('Kumppani');
    await tallShot('data-org-participation.png');

    await page.click(`${editor} [data-testid=show-on-map]`);
    await page.waitForFunction(() => location.hash === '#/project/prj-s21858' && document.body.dataset.mapReady === 'true');
    expect(await page.textContent('#spotlight-caption')).toContain(ORG_NAME);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(ARTIFACTS, 'data-org-on-map.png') });
    await page.check('[data-testid=display-table]');
    await page.waitForSelector('[data-testid=nodes-table] tbody tr');
    expect(await page.textContent('[data-testid=nodes-table]')).toContain(ORG_NAME);
    expect(await page.textContent('[data-testid=edges-table]')).toContain(ORG_NAME);
    await page.check('input[name=display][value=map]');
    await page.click('#spotlight-clear');
  });

  it("creates next season's activity, continuing this one, with its participants", async () => {
    await page.click('#pages a[data-page=data]');
    await openTab('activity');
    await page.fill('#data-search', 'kesäkeidas 2021');
    await page.waitForSelector('[data-testid=data-rows] button.row:has-text("Kuusamon kesäkeidas 2021")');
    await page.click('[data-testid=data-rows] button.row:has-text("Kuusamon kesäkeidas 2021")');
    await page.waitForSelector(`${editor} [data-testid=next-season]`);
    const before = await app.ok(`{ activity(id: "act-kesakeidas-2021") { participants { organisationId role } } }`);
    await page.click(`${editor} [data-testid=next-season]`);
    await page.waitForSelector(`${editor} h3:has-text("Uusi toiminta")`);
    expect(await page.inputValue('#data-f-name')).toBe('Kuusamon kesäkeidas 2022');
    expect(await page.inputValue('#data-f-startDate')).toBe('2022-06-01');
    expect(await page.inputValue('#data-f-endDate')).toBe('2022-08-31');
    expect(await page.textContent(`${editor} [data-picker=continuesId] .picked-name`)).toBe('Kuusamon kesäkeidas 2021');
    expect(await page.isChecked('#data-season-copy')).toBe(true);
    await shot('data-next-season.png');
    await page.click('#data-save');
    await page.waitForSelector(`${editor} h3:has-text("Muokkaa: Kuusamon kesäkeidas 2022")`);
    expect(await notice()).toContain(`Osallistujia kopioitiin ${before.activity.participants.length}.`);
    const { activities } = await app.ok(
      `{ activities(search: "kesäkeidas 2022") { nodes { continuesId startDate projectId networkIds participants { organisationId role validFrom } } } }`,
    );
    expect(activities.nodes).toHaveLength(1);
    const next = activities.nodes[0];
    expect(next).toMatchObject({ continuesId: 'act-kesakeidas-2021', startDate: '2022-06-01', projectId: 'prj-luonnollisesti', networkIds: ['net-kuusamo'] });
    const roles = (ps: { organisationId: string; role: string }[]) => ps.map((p) => `${p.organisationId}:${p.role}`).sort();
    expect(roles(next.participants)).toEqual(roles(before.activity.participants));
  });

  it('asks before deleting and names what goes with it', async () => {
    // A demo project: the dialog counts what the API counts, and cancelling keeps everything.
    await openTab('project');
    await page.fill('#data-search', 'S21858');
    await page.click('[data-testid=data-rows] button.row:has-text("KUPO-hanke")');
    await page.waitForSelector(`${editor} [data-testid=data-delete]`);
    await page.click(`${editor} [data-testid=data-delete]`);
    const dialog = page.locator('[data-testid=confirm-dialog]');
    await dialog.waitFor({ state: 'visible' });
    const { deletionImpact: impact } = await app.ok(`{ deletionImpact(id: "prj-s21858") { participations activityLinks removedRelationships } }`);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(`Poistetaan Kulttuurit yhteisellä polulla – luonto ja osallisuus hyvinvoinnin vahvistajina (KUPO-hanke) ja sen ${impact.removedRelationships} yhteyttä`);
    expect(text).toContain(`${impact.participations} osallistumismerkintää`);
    expect(text).toContain(`${impact.activityLinks} toiminnan yhteydet tähän hankkeeseen`);
    expect(text).toContain('Hankkeen toiminnat säilyvät');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Peruuta');
    await shot('data-delete-project-asks.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await app.ok(`{ project(id: "prj-s21858") { id } }`)).project).not.toBeNull();

    // The organisation made above goes, with its participation and its place.
    await openTab('organisation');
    await page.fill('#data-search', 'Testikylän');
    await page.click(`[data-testid=data-rows] button.row:has-text("${ORG_NAME}")`);
    await page.waitForSelector(`${editor} [data-testid=data-delete]`);
    await page.click(`${editor} [data-testid=data-delete]`);
    await dialog.waitFor({ state: 'visible' });
    expect(await page.textContent('[data-testid=impact-summary]')).toBe(`Poistetaan ${ORG_NAME} ja sen 2 yhteyttä:`);
    expect(await page.$$eval('[data-testid=impact-lines] li', (li) => li.map((x) => x.textContent))).toEqual([
      '1 osallistuminen hankkeeseen, toimintaan tai verkostoon',
      '1 muu yhteys (sijainti, menetelmä tai kohderyhmä)',
    ]);
    await page.click('[data-testid=dialog-confirm]');
    await page.waitForSelector('#data-list [data-testid=data-notice]');
    expect(await page.textContent('#data-list [data-testid=data-notice]')).toContain(`Poistettu: ${ORG_NAME} ja 2 yhteyttä`);
    expect((await app.ok(`query($id: ID!) { organisation(id: $id) { id } }`, { id: orgId })).organisation).toBeNull();
  });

  it('merges two duplicates after showing what moves, and keeps their relationships', async () => {
    await openTab('duplicates');
    const group = page.locator('[data-testid=duplicate-groups] li.group', { hasText: DUPLICATES.first.name });
    await group.waitFor();
    expect(await group.textContent()).toContain('Sama nimi');
    await group.locator('[data-testid=open-merge]').click();
    const preview = page.locator('[data-testid=merge-preview]');
    await preview.waitFor();
    // The one with a business ID is offered as the survivor; the other's participation moves.
    expect(await page.isChecked(`input[name=merge-keep][value=${DUPLICATES.second.id}]`)).toBe(true);
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain(`${DUPLICATES.second.name} säilyy`);
    expect(text).toContain('Siirtyy 1 osallistuminen');
    expect(text).toContain('Kuusamon osallisuusverkosto · Jäsen');
    expect(text).toContain('Kunta puuttuu säilyvältä: se saa arvon Kuusamo');
    await shot('data-merge-preview.png');
    const before = await app.ok(`query($a: ID!, $b: ID!) { a: organisation(id: $a) { participations { targetId } } b: organisation(id: $b) { participations { targetId } } }`, {
      a: DUPLICATES.first.id,
      b: DUPLICATES.second.id,
    });
    const targets = (o: { participations: { targetId: string }[] }) => o.participations.map((p) => p.targetId);
    await page.click('[data-testid=merge-confirm]');
    await page.click('[data-testid=confirm-dialog] [data-testid=dialog-confirm]');
    await page.waitForSelector(`${editor} [data-testid=merged-from]`);
    expect(await notice()).toContain(`Yhdistetty organisaatioon ${DUPLICATES.second.name} – yhteyksiä siirtyi 1`);
    expect(await page.textContent(`${editor} [data-testid=merged-from]`)).toMatch(new RegExp(`${DUPLICATES.first.name}, yhdistetty \\d+\\.\\d+\\.\\d{4}`));
    const table = (await page.textContent(`${editor} [data-testid=participation-table]`)) ?? '';
    expect(table).toContain('Kuusamon osallisuusverkosto');
    expect(table).toContain('Kuusamon kesäkeidas 2021');
    await tallShot('data-merged.png');
    const { organisation } = await app.ok(`query($id: ID!) { organisation(id: $id) { mergedFrom { id } participations { targetId } } }`, { id: DUPLICATES.second.id });
    expect(organisation.mergedFrom).toEqual([{ id: DUPLICATES.first.id }]);
    // Both records' participations, the second one's including next season's copy made above.
    expect(targets(organisation).sort()).toEqual([...targets(before.a), ...targets(before.b)].sort());
    expect(targets(organisation)).toEqual(expect.arrayContaining(['act-kesakeidas-2021', 'net-kuusamo']));

    // A participation that ended gets its end date; one entered by mistake is removed, after asking.
    const row = (text: string) => page.locator(`${editor} [data-testid=participation-table] tr`, { hasText: text });
    await row('Kuusamon osallisuusverkosto').locator('button:has-text("Päätä")').click();
    await row('Kuusamon osallisuusverkosto').locator('input[type=date]').fill('2023-12-31');
    await row('Kuusamon osallisuusverkosto').locator('button:has-text("Tallenna päättyminen")').click();
    await page.waitForFunction(() => /1\.1\.2021–31\.12\.2023/.test(document.querySelector('#data-editor [data-testid=participation-table]')?.textContent ?? ''));
    await row('Kuusamon kesäkeidas 2022').locator('button:has-text("Poista")').click();
    expect(await page.textContent('[data-testid=confirm-dialog]')).toContain('Poista vain virheellinen merkintä');
    await page.click('[data-testid=confirm-dialog] [data-testid=dialog-confirm]');
    await row('Kuusamon kesäkeidas 2022').waitFor({ state: 'detached' });
    const { participations } = await app.ok(`query($id: ID!) { participations(organisationId: $id) { targetId validTo } }`, { id: DUPLICATES.second.id });
    expect(participations).toEqual(
      expect.arrayContaining([
        { targetId: 'net-kuusamo', validTo: '2023-12-31' },
        { targetId: 'act-kesakeidas-2021', validTo: '2021-08-31' },
      ]),
    );
    expect(participations).toHaveLength(2); // next season's copy is gone

    await openTab('duplicates');
    expect(await page.textContent('#data-results')).toContain('Todennäköisiä kaksoiskappaleita ei löytynyt.');
  });

  it('hands coordination over and records budget responsibility in a network', async () => {
    await openTab('network');
    await page.fill('#data-search', 'Kuusamo');
    await page.click('[data-testid=data-rows] button.row:has-text("Kuusamo")');
    const coordination = `${editor} [data-testid=coordination-form]`;
    await page.waitForSelector(coordination);
    await page.click(`${coordination} button[type=submit]`);
    expect(await page.textContent('#data-c-organisationId-error')).toContain('Valitse organisaatio');
    await pick(`${coordination} [data-picker=organisationId]`, 'Ksakki', 'Ksakki ry');
    await page.fill('#data-c-from', '2030-01-01');
    await page.click(`${coordination} button[type=submit]`);
    await page.waitForFunction(() => /Koordinointi siirtyy: Ksakki ry/.test(document.querySelector('#data-editor [data-testid=data-notice]')?.textContent ?? ''));
    const budget = `${editor} [data-testid=budget-form]`;
    await pick(`${budget} [data-picker=organisationId]`, 'Kuusamon kaupunki', 'Kuusamon kaupunki');
    await page.fill(`${budget} input[name=validFrom]`, '2024-01-01');
    await page.click(`${budget} button[type=submit]`);
    await page.waitForSelector(`${editor} [data-testid=budget] li:has-text("Kuusamon kaupunki")`);
    expect(await page.textContent(`${editor} [data-testid=coordination-terms]`)).toContain('Ksakki ry · alkaen 1.1.2030');
    await tallShot('data-network-duties.png');
    const { network } = await app.ok(`{ network(id: "net-kuusamo") { coordinator(at: "2030-06-01") { name } members(role: BUDGET_HOLDER) { organisationId validFrom } } }`);
    expect(network.coordinator.name).toBe('Ksakki ry');
    expect(network.members).toContainEqual({ organisationId: 'org-kuusamon-kaupunki', validFrom: '2024-01-01' });
  });

  it('speaks Swedish too, keeping what was typed when the language changes', async () => {
    await openTab('organisation');
    await page.click('[data-testid=data-new]');
    await page.fill('#data-f-name', 'Bygdeföreningen i Testby rf');
    await page.fill('#data-f-businessId', '1234567-8');
    await page.press('#data-f-businessId', 'Tab');
    await page.selectOption('#lang', 'sv');
    await page.waitForSelector('[role=tab][data-tab=organisation]:has-text("Organisationer")');
    expect(await page.inputValue('#data-f-name')).toBe('Bygdeföreningen i Testby rf');
    expect(await page.textContent('label[for=data-f-businessId]')).toBe('FO-nummer');
    expect(await page.textContent('#data-f-businessId-error')).toContain('är inte ett giltigt FO-nummer');
    await page.selectOption('#lang', 'fi');
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
