import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TestApp } from './support/app';

jest.setTimeout(180_000);

const FIXTURES = join(__dirname, 'fixtures', 'structural-funds-fi');
const LISTS = ['FI_EAKR_ESR_2007-2013_projektilista.csv', 'FI_EAKR_ESR_2014-2020_projektilista.csv'];
const read = (name: string) => gunzipSync(readFileSync(join(FIXTURES, `${name}.gz`))).toString('utf8');

/**
 * Both structural-fund lists as users download them (19,940 + 2,881 projects), imported over
 * GraphQL into an empty database, with progress polled while the larger one runs.
 */
describe('import of the real structural-fund lists', () => {
  const app = new TestApp();
  beforeAll(() => app.start({ DEMO_DATA: 'false' }), 60_000);
  afterAll(() => app.remove());

  const REPORT = `written durationMs
    totals { rows created updated unchanged merged rejected }
    entities { organisations { created updated unchanged } projects { created } participations { created } }
    funders mergedNames rowsMatching
    notices { code text }
    rows { line outcome label messages { code text } }`;

  const importList = (name: string, extra: Record<string, unknown> = {}) =>
    app
      .ok<{ importData: any }>(`mutation I($input: ImportInput!) { importData(input: $input) { ${REPORT} } }`, {
        input: { fileName: name, content: read(name), skipRejectedRows: true, language: 'EN', rowOutcomes: ['REJECTED'], ...extra },
      })
      .then((d) => d.importData);

  it('imports both lists; counts and every rejected row with its reason; warts become one organisation', async () => {
    const jobId = `registry-${Date.now()}`;
    const seen: { phase: string; done: number; total: number }[] = [];
    let running = true;
    const polling = (async () => {
      while (running) {
        const { importJob } = await app.ok(`query J($id: ID!) { importJob(id: $id) { phase done total } }`, { id: jobId });
        if (importJob) seen.push(importJob);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const older = await importList(LISTS[0], { jobId });
    running = false;
    await polling;
    const newer = await importList(LISTS[1]);

    // The figures the report gives, for the record (see the README's import section).
    console.log(
      [older, newer]
        .map(
          (r, i) =>
            `${LISTS[i]}: ${r.totals.rows} rows, ${r.entities.projects.created} projects, ` +
            `${r.entities.organisations.created} new organisations (${r.entities.organisations.unchanged} matched, ${r.entities.organisations.updated} given another spelling), ` +
            `${r.funders} funders, ${r.mergedNames} spellings merged, ${r.totals.rejected} rejected, ${r.durationMs} ms`,
        )
        .join('\n'),
    );

    expect(older).toMatchObject({ written: true, totals: { rows: 19940, created: 19940, rejected: 0 } });
    expect(older.entities.projects.created).toBe(19940);
    expect(older.entities.participations.created).toBe(39880); // a lead and a funder for each
    expect(older.funders).toBe(42);
    expect(newer).toMatchObject({ written: true, totals: { rows: 2881, created: 2877, rejected: 4 } });
    expect(newer.rows.map((r: any) => [r.line, r.messages.map((m: any) => m.code)])).toEqual([
      [109, ['shiftedColumns']],
      [124, ['shiftedColumns']],
      [148, ['shiftedColumns']],
      [153, ['shiftedColumns']],
    ]);
    expect(newer.rows[2].messages[0].text).toBe('The columns are shifted: the column “Aloituspvm” holds “7560”. The row was not imported; correct it in the source file.');
    expect(newer.notices.map((n: any) => n.code)).toEqual(['kindsGuessed', 'rejectedSkipped']);

    // Progress was visible while the big list ran, and the job ended done.
    expect(seen.length).toBeGreaterThan(0);
    const { importJob } = await app.ok(`query J($id: ID!) { importJob(id: $id) { phase done total finishedAt } }`, { id: jobId });
    expect(importJob).toMatchObject({ phase: 'DONE', done: 19940, total: 19940 });

    const { projects } = await app.ok(`{ projects(first: 1) { totalCount } }`);
    expect(projects.totalCount).toBe(19940 + 2877);
    const { project } = await app.ok(`{ project(code: "S10324") { name fund priorityAxis programme startDate endDate grantedFunding paidFunding budget publicFunding
      participants { role validFrom validTo organisation { name kind } } } }`);
    expect(project).toMatchObject({
      name: 'HoivaRekry',
      fund: 'ESR',
      priorityAxis: '1',
      programme: 'Etelä-Suomen suuralueosio',
      startDate: '2008-04-01',
      endDate: '2010-12-31',
      grantedFunding: 308999,
      paidFunding: 308999,
      budget: 368999,
      publicFunding: 366699,
    });
    expect(project.participants.map((p: any) => [p.role, p.organisation.name, p.validFrom]).sort()).toEqual([
      ['FUNDER', 'Hämeen elinkeino- liikenne- ja ympäristökeskus', '2008-04-01'],
      ['LEAD', 'Helsingin yliopiston Koulutus- ja kehittämiskeskus Palmenia', '2008-04-01'],
    ]);
    // "Etelä-Pohjanmaan elinkeino-  liikenne-…" and "…elinkeino- liikenne-…": one funder.
    const { organisations } = await app.ok(`{ organisations(search: "Etelä-Pohjanmaan elinkeino", first: 10) { nodes { name kind } } }`);
    expect(organisations.nodes).toEqual([{ name: 'Etelä-Pohjanmaan elinkeino- liikenne- ja ympäristökeskus', kind: 'AUTHORITY' }]);
    // "OULUN YLIOPISTO", "Oulun Yliopisto", "Oulun yliopisto": one organisation, the other spellings kept.
    const { organisations: oulu } = await app.ok(`{ organisations(search: "oulun yliopisto", first: 50) { nodes { name mergedNames } } }`);
    const university = oulu.nodes.filter((o: any) => o.name.toLowerCase() === 'oulun yliopisto');
    expect(university).toHaveLength(1);
    expect(university[0].mergedNames.length).toBeGreaterThan(0);
  });
});
