/// <reference lib="dom" />
// The callbacks passed to page.$eval / waitForFunction run in the browser, hence the DOM types.
/**
 * The evaluator page in a real browser on the demo data: the Kuusamo network and the LUONNOLLISESTI
 * project, the rooting index and its parts, the evidence lit on the map, the three languages and
 * the printed report. Screenshots go to test-artifacts/ to be looked at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TestApp } from '../support/app';
import { ARTIFACTS, openBrowser, type BrowserSession } from '../support/browser';

jest.setTimeout(120_000);

const reportReady = (page: Page) => page.waitForSelector('[data-testid=rooting-index]', { timeout: 30_000 });
const title = (page: Page) => page.textContent('[data-testid=evaluate-title]');

describe('the evaluator page in a browser', () => {
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

  it('shows the Kuusamo network’s rooting index, its seven parts, the comparison, growth and measures', async () => {
    await page.goto(`${base}/#/evaluate/network/net-kuusamo`);
    await reportReady(page);
    expect(await title(page)).toMatch(/^Juurtumisraportti: Kuusamon osallisuusverkosto, tilanne \d+\.\d+\.\d{4}$/);
    expect(await page.getAttribute('#pages a[data-page=evaluate]', 'aria-current')).toBe('page');
    const index = await page.$eval('[data-testid=rooting-index] .index-value', (el) => ({ text: el.textContent ?? '', value: (el as HTMLElement).dataset.value ?? '' }));
    expect(index.text).toMatch(/^\d,\d\d$/);
    expect(Number(index.value)).toBeGreaterThan(0);
    expect(Number(index.value)).toBeLessThan(1);
    const parts = await page.$$eval('[data-testid=rooting-parts] > li', (lis) =>
      lis.map((li) => ({
        key: (li as HTMLElement).dataset.part,
        value: li.querySelector('.part-value')?.textContent,
        weight: li.querySelector('.weight')?.textContent,
        reading: li.querySelector('.reading')?.textContent,
      })),
    );
    expect(parts.map((p) => p.key)).toEqual(['tieSurvival', 'activityContinuation', 'coordinationHandover', 'independence', 'sharedResponsibility', 'breadth', 'adoption']);
    for (const p of parts) {
      expect(p.value).toMatch(/^(\d,\d\d|–)$/);
      expect(p.weight).toMatch(/^paino \d+\s?%$/);
      expect(p.reading!.length).toBeGreaterThan(20);
    }
    // The Kesäkeidas of 2020 went on in 2021, and the City of Kuusamo coordinates: both hold.
    expect(parts.find((p) => p.key === 'coordinationHandover')!.value).toBe('1,00');
    expect(Number(parts.find((p) => p.key === 'activityContinuation')!.value!.replace(',', '.'))).toBeGreaterThan(0);
    // Before / at the end / after: the network's projects end 31.12.2022.
    await page.waitForSelector('[data-testid=milestones] table');
    const columns = await page.$$eval('[data-testid=milestones] thead .col-title', (th) => th.map((x) => x.textContent));
    expect(columns).toEqual(['Alussa', 'Päättyessä', '+6 kk', '+12 kk', '+24 kk']);
    await page.waitForSelector('[data-testid=growth] svg.chart');
    expect(await page.$$eval('[data-testid=growth] svg.chart[role=img]', (s) => s.length)).toBe(6);
    expect(await page.$$eval('[data-testid=growth] svg.chart rect', (r) => r.length)).toBeGreaterThan(10);
    expect(await page.textContent('[data-testid=growth] svg.chart desc')).toMatch(/Aktiiviset organisaatiot, 2019-Q1–.*suurin \d+/);
    expect(await page.textContent('[data-testid=metrics]')).toMatch(/Organisaatioita/);
    // The partnership measures: four for a network (no project to remove), each with a line, no ids.
    const measures = await page.$$eval('[data-testid=partnership] [data-metric]', (els) => els.map((el) => (el as HTMLElement).dataset.metric));
    expect(measures).toEqual(['eiIndex', 'transitivity', 'multiplexity', 'retention']);
    expect(await page.textContent('[data-testid=partnership]')).toMatch(/Sektorirajojen ylitys \(E-I\)/);
    expect(await page.textContent('[data-testid=partnership]')).not.toMatch(/\b(org|act|prj|net)-/);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate-kuusamo.png'), fullPage: false });
  });

  it('opens the growth numbers as a table and moves the report to another date', async () => {
    await page.click('[data-testid=growth] button[aria-controls=growth-table]');
    expect(await page.$$eval('#growth-table tbody tr', (r) => r.length)).toBeGreaterThan(10);
    await page.fill('[data-testid=evaluate-date]', '2021-06-01');
    await page.dispatchEvent('[data-testid=evaluate-date]', 'change');
    await page.waitForFunction(() => /1\.6\.2021/.test(document.querySelector('[data-testid=evaluate-title]')?.textContent ?? ''));
    await reportReady(page);
    // During the projects the after-the-end parts do not apply, and say so.
    const tie = await page.textContent('[data-part=tieSurvival] .reading');
    expect(tie).toMatch(/Luetaan hankkeen päätyttyä/);
    // On that date the network is one connected group with brokers and a single point of failure.
    expect(await page.textContent('[data-list=brokers]')).toMatch(/KSAK Oy/);
    expect(await page.textContent('[data-list=articulation]')).toMatch(/KSAK Oy/);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate-kuusamo-2021.png') });
  });

  it('drills down to a part’s evidence and lights it on the map', async () => {
    await page.click('[data-part=breadth] button.toggle');
    const evidence = await page.textContent('#evidence-breadth');
    expect(evidence).toMatch(/Aktiiviset osallistujat \(\d+\)/);
    expect(evidence).toMatch(/Kuusamon kaupunki/);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate-evidence.png') });
    await page.click('[data-part=breadth] [data-testid=show-on-map]');
    await page.waitForFunction(() => location.hash === '#/network/net-kuusamo');
    await page.waitForSelector('[data-testid=spotlight]:not([hidden])');
    await page.waitForFunction(() => Number((document.querySelector('#spotlight') as HTMLElement).dataset.lit) > 3, undefined, { timeout: 30_000 });
    expect(await page.textContent('#spotlight-caption')).toBe('Sektorien laajuus: näyttö 1.6.2021');
    // The timeline moved to the report's date.
    expect(await page.$eval('#date', (el) => (el as HTMLInputElement).dataset.date)).toMatch(/^2021-0[56]/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate-evidence-map.png') });
    // "Back" returns to the report, still on its date.
    await page.click('#spotlight-back');
    await page.waitForFunction(() => location.hash === '#/evaluate/network/net-kuusamo');
    expect(await title(page)).toMatch(/1\.6\.2021/);
  });

  it('switches language: the report, its parts and readings follow', async () => {
    await page.selectOption('#lang', 'sv');
    expect(await title(page)).toMatch(/^Förankringsrapport: Kuusamon osallisuusverkosto, läget 1\.6\.2021$/);
    expect(await page.textContent('[data-part=tieSurvival] h4')).toBe('Band som består');
    await page.selectOption('#lang', 'en');
    expect(await title(page)).toMatch(/^Rooting report: Kuusamon osallisuusverkosto, as of 01\/06\/2021$/);
    expect(await page.textContent('[data-part=tieSurvival] .reading')).toMatch(/^Read after the project ends/);
    expect(await page.textContent('[data-testid=milestones]')).toMatch(/At end/);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate-english.png') });
  });

  it('follows the project chosen in the header: LUONNOLLISESTI at its end and after', async () => {
    await page.selectOption('#scope', 'project:prj-luonnollisesti');
    await page.waitForFunction(() => /LUONNOLLISESTI/.test(document.querySelector('[data-testid=evaluate-title]')?.textContent ?? ''));
    await page.waitForSelector('[data-testid=milestones] table');
    const columns = await page.$$eval('[data-testid=milestones] thead th', (th) => th.map((x) => x.textContent ?? ''));
    expect(columns.join(' ')).toMatch(/At end.*31\/12\/2021.*\+6 mo.*30\/06\/2022.*\+12 mo.*\+24 mo.*31\/12\/2023/);
    // Open the report six months after the end: the after-the-end parts now read.
    await page.click('[data-testid=milestones] thead th:nth-child(4) button');
    await page.waitForFunction(() => /30\/06\/2022/.test(document.querySelector('[data-testid=evaluate-title]')?.textContent ?? ''));
    await reportReady(page);
    expect(await page.textContent('[data-part=activityContinuation] .part-value')).toMatch(/^\d\.\d\d$/);
    expect(await page.textContent('[data-part=activityContinuation] .reading')).toMatch(/project activities run on 30\/06\/2022 or continue/);
    // For a project the partnership block also shows what is left without it and its lead.
    expect(await page.textContent('[data-testid=partnership] [data-metric=withoutProject]')).toMatch(/With the project and its lead organisations removed: \d+ organisations/);
    await page.locator('[data-testid=partnership]').screenshot({ path: join(ARTIFACTS, 'evaluate-partnership.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate-luonnollisesti.png') });
  });

  it('prints a report: the app chrome hidden, the title carrying scope and date, the charts kept', async () => {
    await page.selectOption('#lang', 'fi');
    await reportReady(page);
    // window.print opens a dialog; record what the printed document would be titled instead.
    await page.evaluate(() => {
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        (window as unknown as { printedTitle: string }).printedTitle = document.title;
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    await page.click('[data-testid=evaluate-print]');
    const printed = await page.evaluate(() => (window as unknown as { printedTitle: string }).printedTitle);
    expect(printed).toBe('Juurtumisraportti: LUONNOLLISESTI – valmennusmalli tuo Green Care -menetelmät osaksi sosiaalista kuntoutusta, tilanne 30.6.2022');
    expect(await page.title()).not.toBe(printed);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isHidden('header.top')).toBe(true);
    expect(await page.isHidden('[data-testid=evaluate-print]')).toBe(true);
    expect(await page.isVisible('[data-testid=growth] svg.chart')).toBe(true);
    // Evidence prints even when closed on screen.
    expect(await page.isVisible('#evidence-activityContinuation')).toBe(true);
    expect(await page.isVisible('.printed')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: join(ARTIFACTS, 'evaluate-report.pdf') });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    expect(session.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
