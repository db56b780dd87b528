import ExcelJS from 'exceljs';
import { TestApp } from './support/app';

/** File import over HTTP: templates, the preview, the all-or-nothing write, a second import, limits. */
describe('import', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  const REPORT = `fileName format dryRun written
    sheets { name kind rows }
    totals { rows created updated unchanged merged rejected }
    entities { organisations { created updated unchanged } projects { created updated unchanged }
      activities { created updated unchanged } participations { created updated unchanged } }
    funders mergedNames rowsMatching
    notices { severity code text }
    rows { sheet line kind outcome label id messages { severity code text params { name value } } }`;

  const importData = (input: Record<string, unknown>) =>
    app.ok<{ importData: any }>(`mutation Import($input: ImportInput!) { importData(input: $input) { ${REPORT} } }`, { input }).then((d) => d.importData);

  const download = async (file: string) => {
    const response = await fetch(`${app.url}/api/import/templates/${file}`);
    expect(response.status).toBe(200);
    return response;
  };

  /** A downloaded .xlsx template with its example row replaced by `rows`, as base64. */
  async function filledWorkbook(file: string, rows: (string | Date)[][]): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await download(file)).arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    sheet.spliceRows(2, 1, ...rows);
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  }

  /** A downloaded .csv template (semicolons, BOM) with its example row replaced by `rows`. */
  async function filledCsv(file: string, rows: string[][]): Promise<string> {
    const [header] = (await (await download(file)).text()).split('\r\n');
    return [header, ...rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))].join('\r\n');
  }

  it('serves every template as CSV and XLSX, headers in Finnish unless asked otherwise', async () => {
    const csv = await download('participations.csv');
    expect(csv.headers.get('content-disposition')).toMatch(/verkosto-osallistumiset\.csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that tells Excel it is UTF-8
    expect(new TextDecoder().decode(bytes)).toMatch(/^Organisaatio;Y-tunnus;Kohde;Kohteen laji;Rooli;Alkaen;Päättyen\r\n/);
    const xlsx = await download('activities.xlsx');
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(await (await fetch(`${app.url}/api/import/templates/organisations.csv?lang=sv`)).text()).toMatch(/^Organisation;FO-nummer;Typ/);
    expect((await fetch(`${app.url}/api/import/templates/people.csv`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/import/templates/projects.pdf`)).status).toBe(400);
  });

  it('round trip: templates downloaded, filled in and imported; the data is there, linked', async () => {
    const organisations = await filledWorkbook('organisations.xlsx', [
      ['Tuontikokeilun yhdistys ry', '', 'Yhdistys', '', 'Kuusamo', 'tuonti.example.fi', 'kyllä'],
      ['Tuontikokeilun Säätiö sr', '2988465-5', '', '', 'Vaasa', '', ''],
    ]);
    const orgReport = await importData({ fileName: 'organisaatiot.xlsx', content: organisations });
    expect(orgReport).toMatchObject({ format: 'XLSX', written: true, sheets: [{ name: 'Organisaatiot', kind: 'ORGANISATIONS', rows: 2 }] });
    expect(orgReport.totals).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    expect(orgReport.rows[1].messages.map((m: any) => m.code)).toEqual(['kindGuessed']);
    expect(orgReport.rows[1].messages[0].text).toBe('Organisaation tyyppiä ei annettu; nimen perusteella se on Säätiö.');

    const projects = await filledCsv('projects.csv', [
      [
        'T99001',
        'Tuontikokeilu',
        'Kokeiluohjelma',
        'ESR',
        '3',
        '1.1.2024',
        '31.12.2025',
        '',
        '120 000,50',
        '100000',
        '25000',
        '',
        'Kuusamon osallisuusverkosto',
        'Vertaistuki',
        'Nuoret',
        '',
        '',
      ],
    ]);
    const projectReport = await importData({ fileName: 'hankkeet.csv', content: projects });
    expect(projectReport.totals).toMatchObject({ created: 1, rejected: 0 });

    const activities = await filledWorkbook('activities.xlsx', [
      ['Tuontikokeilun kesäpäivä', 'Tapahtuma', new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2024, 5, 1)), 'Kuusamo', 'T99001', '', '', '', '', ''],
      ['Tuontikokeilun kesäpäivä', 'Tapahtuma', '1.6.2025', '1.6.2025', 'Kuusamo', 'Tuontikokeilu', 'Tuontikokeilun kesäpäivä', '', 'Luontolähtöiset menetelmät', '', ''],
    ]);
    const activityReport = await importData({ fileName: 'toiminnot.xlsx', content: activities });
    expect(activityReport.totals).toMatchObject({ created: 2, rejected: 0 });

    const participations = await filledCsv('participations.csv', [
      ['Tuontikokeilun yhdistys ry', '', 'T99001', '', 'Päätoteuttaja', '1.1.2024', '31.12.2025'],
      ['Tuontikokeilun säätiö sr', '2988465-5', 'Tuontikokeilu', 'Hanke', 'Rahoittaja', '1.1.2024', ''],
      ['Tuontikokeilun yhdistys ry', '', 'Tuontikokeilun kesäpäivä', 'Toiminta', 'Järjestäjä', '1.6.2025', '1.6.2025'],
      ['Tuontikokeilun yhdistys ry', '', 'Kuusamon osallisuusverkosto', '', 'Jäsen', '1.1.2024', ''],
    ]);
    const participationReport = await importData({ fileName: 'osallistumiset.csv', content: participations });
    expect(participationReport.totals).toMatchObject({ created: 4, rejected: 0 });
    expect(participationReport.funders).toBe(1);

    const { project } = await app.ok(`{ project(code: "T99001") { id name fund priorityAxis startDate endDate publicFunding grantedFunding paidFunding
      participants { role validFrom validTo organisation { name businessId } } activities { name startDate } } }`);
    expect(project).toMatchObject({
      name: 'Tuontikokeilu',
      fund: 'ESR',
      priorityAxis: '3',
      startDate: '2024-01-01',
      publicFunding: 120000.5,
      grantedFunding: 100000,
      paidFunding: 25000,
    });
    expect(project.participants.map((p: any) => [p.role, p.organisation.name, p.validTo]).sort()).toEqual([
      ['FUNDER', 'Tuontikokeilun Säätiö sr', null],
      ['LEAD', 'Tuontikokeilun yhdistys ry', '2025-12-31'],
    ]);
    expect(project.activities.map((a: any) => a.startDate).sort()).toEqual(['2024-06-01', '2025-06-01']);
    const { activities: found } = await app.ok(`{ activities(search: "Tuontikokeilun kesäpäivä") { nodes { id startDate } } }`);
    const season = (start: string) => found.nodes.find((a: any) => a.startDate === start).id;
    const { activity } = await app.ok(`query A($id: ID!) { activity(id: $id) { continuesId municipalityCode methodIds } }`, { id: season('2025-06-01') });
    expect(activity).toEqual({ continuesId: season('2024-06-01'), municipalityCode: '305', methodIds: ['nature-based'] });
  });

  it('an import with errors reports each bad row and writes nothing; the preview says the same', async () => {
    const content = [
      'Organisaatio;Y-tunnus;Tyyppi;Kunta',
      'Virheettömän rivin yhdistys ry;;Yhdistys;Kuusamo',
      'Väärä tunnus Oy;1234567-8;Yritys;',
      'Tuntematon kunta ry;;Yhdistys;Atlantis',
      ';;Yhdistys;',
    ].join('\n');
    const preview = await importData({ fileName: 'virheet.csv', content, dryRun: true, language: 'EN' });
    const report = await importData({ fileName: 'virheet.csv', content, language: 'EN' });
    for (const r of [preview, report]) {
      expect(r.written).toBe(false);
      expect(r.totals).toMatchObject({ rows: 4, created: 1, rejected: 3 });
      expect(r.rows.slice(0, 3).map((row: any) => [row.line, row.outcome, row.messages.map((m: any) => m.code)])).toEqual([
        [3, 'REJECTED', ['invalidBusinessId']],
        [4, 'REJECTED', ['unknownMunicipality']],
        [5, 'REJECTED', ['required']],
      ]);
    }
    expect(report.rows[0].messages[0].text).toBe('“1234567-8” is not a valid Finnish business ID (form 1234567-8, the check digit must match).');
    expect(report.notices.map((n: any) => n.code)).toEqual(['nothingWritten']);
    const { organisations } = await app.ok(`{ organisations(search: "Virheettömän rivin") { totalCount } }`);
    expect(organisations.totalCount).toBe(0);

    const skipping = await importData({ fileName: 'virheet.csv', content, skipRejectedRows: true, rowOutcomes: ['CREATED'] });
    expect(skipping).toMatchObject({ written: true, rowsMatching: 1, rows: [expect.objectContaining({ line: 2, outcome: 'CREATED' })] });
    expect((await app.ok(`{ organisations(search: "Virheettömän rivin") { totalCount } }`)).organisations.totalCount).toBe(1);
  });

  it('importing the same file again changes nothing', async () => {
    const content = await filledCsv('participations.csv', [['Toistuvan tuonnin yhdistys ry', '', 'Kuusamon osallisuusverkosto', 'Verkosto', 'Jäsen', '1.1.2015', '']]);
    const orgs = ['Organisaatio;Kunta', 'Toistuvan tuonnin yhdistys ry;Kuusamo', 'TOISTUVAN  TUONNIN YHDISTYS RY;'].join('\n');
    const first = [await importData({ fileName: 'o.csv', content: orgs }), await importData({ fileName: 'p.csv', content })];
    expect(first.map((r) => r.totals)).toEqual([expect.objectContaining({ created: 1, merged: 1 }), expect.objectContaining({ created: 1 })]);
    const counts = async () => (await app.ok(`{ organisations { totalCount } projects { totalCount } activities { totalCount } }`)) as unknown;
    const before = await counts();
    const again = [await importData({ fileName: 'o.csv', content: orgs }), await importData({ fileName: 'p.csv', content })];
    for (const report of again) {
      expect(report.written).toBe(true);
      expect(report.totals).toMatchObject({ created: 0, updated: 0, merged: 0, rejected: 0 });
      expect(Object.values(report.entities).every((c: any) => c.created === 0 && c.updated === 0)).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a file it cannot read, in the asked language', async () => {
    const unknown = await app.fails(`mutation { importData(input: { fileName: "x.csv", content: "Nimi;Osoite\\nA;B", language: FI }) { written } }`);
    expect(unknown.code).toBe('BAD_USER_INPUT');
    expect(unknown.message).toMatch(/^Tiedoston otsikkoriviä ei tunnistettu/);
    const broken = await app.fails(`mutation { importData(input: { fileName: "x.xlsx", content: "bm90IGEgemlw", language: EN }) { written } }`);
    expect(broken.message).toMatch(/could not be read/);
    const notRegistry = await app.fails(`mutation { importData(input: { fileName: "x.csv", content: "Organisaatio\\nA", format: REGISTRY }) { written } }`);
    expect(notRegistry.message).toMatch(/rakennerahastojen hankelista/);
  });

  it('takes large bodies for importData only', async () => {
    const padding = 'x'.repeat(150 * 1024);
    const large = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ organisations(search: "${padding}") { totalCount } }` }),
    });
    expect(large.status).toBe(413);
    expect(((await large.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    const rows = Array.from({ length: 3000 }, (_, i) => `Suuren tiedoston yhdistys ${i} ry;Kuusamo`);
    const content = ['Organisaatio;Kunta', ...rows].join('\n');
    expect(JSON.stringify(content).length).toBeGreaterThan(100 * 1024);
    const report = await importData({ fileName: 'suuri.csv', content, dryRun: true, maxRows: 10 });
    expect(report).toMatchObject({ rowsMatching: 3000, totals: expect.objectContaining({ created: 3000 }) });
    expect(report.rows).toHaveLength(10);
  });
});
