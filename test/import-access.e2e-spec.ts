/**
 * Issue 12's access test for import: every import file kind (the four templates as CSV, all four
 * in one workbook, and the structural-fund registry list), each row aimed at a private network's
 * items, sent by anonymous, an account with no membership, the private network's VIEWER and an
 * EDITOR of a public network — as a dry run, as a write, and as a write that skips rejected rows.
 * Nothing is written there, every row touching them is refused as FORBIDDEN, and no answer names
 * what the caller may not read. The administrator's dry run of the same files shows the rows do
 * reach the private items.
 */
import ExcelJS from 'exceljs';
import { businessIdCheckDigit, foldText } from '@verkosto/domain';
import { TestApp, type GraphQLClient } from './support/app';

jest.setTimeout(180_000);

const PRIVATE = {
  network: 'Kätketty verkosto',
  organisation: 'Kätketty yhdistys ry',
  businessId: `7654321-${businessIdCheckDigit('7654321')}`,
  project: 'Kätketty hanke',
  code: 'S29871',
  activity: 'Kätketty toiminta',
};
/** What an outsider may not learn; the texts of the file it sent itself are taken out of the answer first. */
const SECRETS = ['kätketty', 'katketty', PRIVATE.businessId, PRIVATE.code];
const PUBLIC_ORGANISATION = 'Avoin naapuriyhdistys ry';
const PASSWORD = 'salasana-12345';
const NEW_ORGANISATION = 'Tuonnin uusi yhdistys ry';

/** Rows of each template kind, every one but the last aimed at a private item; `kuusamo` is the public network's name. */
function sheets(kuusamo: string): Record<string, string[][]> {
  return {
    organisations: [
      ['Organisaatio', 'Y-tunnus', 'Tyyppi', 'Verkkosivu'],
      ['Aivan toinen nimi', PRIVATE.businessId, 'Yhdistys', 'https://muutettu.example'], // matched by business ID
      [NEW_ORGANISATION, '', 'Yhdistys', ''], // the caller's own: allowed
    ],
    projects: [
      ['Hankekoodi', 'Hankkeen nimi', 'Rahasto', 'Verkostot', 'Maksettu EU- ja valtion rahoitus'],
      [PRIVATE.code, 'Uudelleennimetty hanke', 'ESR', kuusamo, '1000'], // renames, refunds, moves out of its network
    ],
    activities: [
      ['Toiminnan nimi', 'Toiminnan tyyppi', 'Hanke', 'Verkostot', 'Kuvaus'],
      ['Uusi toiminta hankkeessa', 'Tapahtuma', PRIVATE.code, kuusamo, 'Toiminta yksityisen hankkeen alle'],
    ],
    participations: [
      ['Organisaatio', 'Y-tunnus', 'Kohde', 'Kohteen laji', 'Rooli', 'Alkaen'],
      [PUBLIC_ORGANISATION, '', PRIVATE.code, 'Hanke', 'Kumppani', '1.1.2025'], // into the private project
      ['Joku nimi', PRIVATE.businessId, kuusamo, 'Verkosto', 'Jäsen', '1.1.2025'], // the private organisation into a public network
    ],
  };
}

const REGISTRY = [
  ['Koodi', 'Rahasto', 'Hankkeen nimi', 'Ohjelma / osio', 'Tl', 'Viranomainen', 'Tila', 'Aloituspvm', 'Päättymispvm', 'Toteuttajan nimi', 'Myönnetty EU- ja valtion rahoitus'],
  [
    PRIVATE.code,
    'ESR',
    'Rekisterin hanke',
    'Kestävää kasvua ja työtä 2014–2020',
    '5',
    'Pohjois-Pohjanmaan ELY-keskus',
    'Päättynyt',
    '1.1.2024',
    '31.12.2025',
    PUBLIC_ORGANISATION,
    '50000',
  ],
];

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n');

async function workbook(byKind: Record<string, string[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [kind, rows] of Object.entries(byKind)) book.addWorksheet(kind).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

interface ImportFile {
  fileName: string;
  content: string;
  /** Every cell the file holds: the caller's own words, not a leak when echoed. */
  cells: string[];
  /** Rows aimed at private items; the rest are the caller's own. */
  privateRows: number;
}

const REPORT = `written totals { rows created updated rejected } notices { code text }
  rows { sheet line outcome label id messages { code text params { name value } } }`;
const IMPORT = `mutation($input: ImportInput!) { importData(input: $input) { ${REPORT} } }`;

function leaks(answer: unknown, cells: string[]): string[] {
  let text = JSON.stringify(answer);
  for (const cell of [...cells].sort((a, b) => b.length - a.length)) if (cell) text = text.split(JSON.stringify(cell).slice(1, -1)).join('<sent>');
  const folded = foldText(text);
  return SECRETS.filter((s) => folded.includes(foldText(s)));
}

describe('import against a private network, file kind by file kind (issue 12)', () => {
  const app = new TestApp();
  const callers = {} as Record<'anonymous' | 'outsider' | 'viewer' | 'otherEditor', GraphQLClient>;
  const files: ImportFile[] = [];
  const ids = { network: '', organisation: '', project: '', activity: '' };
  let before: string;

  const ok = (query: string, variables?: Record<string, unknown>) => app.ok(query, variables);
  const state = async () =>
    JSON.stringify(
      await ok(
        `query($n: ID!, $o: ID!, $p: ID!, $a: ID!) {
          network(id: $n) { name visibility members { id organisationId validTo } }
          organisation(id: $o) { name website businessId kind updatedAt participations { id targetId validTo } }
          project(id: $p) { name code paidFunding fund networkIds updatedAt participants { id } activities { id } }
          activity(id: $a) { name networkIds projectId updatedAt }
          kuusamo: network(id: "net-kuusamo") { members { organisationId } }
          history: changes(networkId: $n) { totalCount }
        }`,
        { n: ids.network, o: ids.organisation, p: ids.project, a: ids.activity },
      ),
    );

  beforeAll(async () => {
    await app.start();
    const created = async (query: string, variables: Record<string, unknown> = {}) => (Object.values(await ok(query, variables))[0] as { id: string }).id;
    ids.network = await created(`mutation($name: String!) { createNetwork(input: { name: $name, visibility: PRIVATE }) { id } }`, { name: PRIVATE.network });
    ids.organisation = await created('mutation($name: String!, $b: String) { createOrganisation(input: { name: $name, kind: ASSOCIATION, businessId: $b }) { id } }', {
      name: PRIVATE.organisation,
      b: PRIVATE.businessId,
    });
    ids.project = await created(
      'mutation($name: String!, $n: String!, $c: String) { createProject(input: { name: $name, code: $c, networkIds: [$n], startDate: "2024-01-01" }) { id } }',
      { name: PRIVATE.project, n: ids.network, c: PRIVATE.code },
    );
    ids.activity = await created(
      'mutation($name: String!, $n: String!) { createActivity(input: { name: $name, type: WORKSHOP, networkIds: [$n], startDate: "2024-03-01" }) { id } }',
      { name: PRIVATE.activity, n: ids.network },
    );
    const tie = (input: Record<string, unknown>) => created('mutation($input: ParticipationInput!) { addParticipation(input: $input) { id } }', { input });
    await tie({ organisationId: ids.organisation, targetId: ids.network, role: 'MEMBER', validFrom: '2024-01-01' });
    await tie({ organisationId: ids.organisation, targetId: ids.project, role: 'LEAD', validFrom: '2024-01-01' });
    const publicOrganisation = await created('mutation($name: String!) { createOrganisation(input: { name: $name, kind: ASSOCIATION }) { id } }', { name: PUBLIC_ORGANISATION });
    await tie({ organisationId: publicOrganisation, targetId: 'net-kuusamo', role: 'MEMBER', validFrom: '2024-01-01' });

    const kuusamo = (await ok('{ network(id: "net-kuusamo") { name } }')).network.name as string;
    const byKind = sheets(kuusamo);
    const privateRows = (rows: string[][]) => rows.slice(1).filter((r) => r[0] !== NEW_ORGANISATION).length;
    for (const [kind, rows] of Object.entries(byKind)) files.push({ fileName: `${kind}.csv`, content: csv(rows), cells: rows.flat(), privateRows: privateRows(rows) });
    const all = Object.values(byKind);
    files.push({ fileName: 'kaikki.xlsx', content: await workbook(byKind), cells: all.flat(2), privateRows: all.reduce((n, rows) => n + privateRows(rows), 0) });
    files.push({ fileName: 'eura.csv', content: csv(REGISTRY), cells: REGISTRY.flat(), privateRows: 1 });

    const account = async (email: string, network: string | null, role: string) => {
      await ok('mutation($e: String!, $p: String!) { createUser(input: { email: $e, password: $p, name: "Testi" }) { id } }', { e: email, p: PASSWORD });
      if (network) await ok('mutation($n: ID!, $e: String!, $r: AccessRole!) { setMembership(networkId: $n, email: $e, role: $r) { role } }', { n: network, e: email, r: role });
      return app.as({ token: await app.tokenFor(email, PASSWORD) });
    };
    callers.anonymous = app.as(null);
    callers.outsider = await account('ulkopuolinen@verkosto.test', null, '');
    callers.viewer = await account('katsoja@verkosto.test', ids.network, 'VIEWER');
    callers.otherEditor = await account('kuusamo.editori@verkosto.test', 'net-kuusamo', 'EDITOR');
    before = await state();
  }, 180_000);
  afterAll(() => app.remove());

  const MODES = [
    ['a dry run', { dryRun: true }],
    ['a write', {}],
    ['a write skipping rejected rows', { skipRejectedRows: true }],
  ] as const;

  it.each(['eura.csv', 'organisations.csv', 'projects.csv', 'activities.csv', 'participations.csv', 'kaikki.xlsx'])(
    '%s: the administrator’s dry run would write every row',
    async (fileName) => {
      const file = files.find((f) => f.fileName === fileName)!;
      const { importData } = await ok(IMPORT, { input: { fileName: file.fileName, content: file.content, dryRun: true } });
      // Every row is valid and would be written: what refuses the others is their rights alone.
      expect(importData.rows.filter((r: any) => r.outcome === 'REJECTED')).toEqual([]);
    },
  );

  describe.each(['anonymous', 'outsider', 'viewer'] as const)('%s', (who) => {
    it.each(MODES)('is refused every file as %s, naming nothing', async (_, mode) => {
      for (const file of files) {
        const answer = await callers[who].gql(IMPORT, { input: { fileName: file.fileName, content: file.content, ...mode } });
        expect(answer.errors?.[0]?.extensions?.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(leaks(answer, file.cells)).toEqual([]);
      }
    });
  });

  describe('an EDITOR of a public network', () => {
    it.each(MODES)('gets every private row refused as FORBIDDEN in %s, naming nothing', async (_, mode) => {
      for (const file of files) {
        const answer = await callers.otherEditor.gql(IMPORT, { input: { fileName: file.fileName, content: file.content, ...mode } });
        expect(answer.errors).toBeUndefined();
        const report = answer.data!.importData;
        const forbidden = report.rows.filter((r: any) => r.outcome === 'REJECTED' && r.messages.some((m: any) => m.code === 'FORBIDDEN'));
        expect([file.fileName, forbidden.length]).toEqual([file.fileName, file.privateRows]);
        expect([file.fileName, leaks(answer, file.cells)]).toEqual([file.fileName, []]);
        for (const row of forbidden) expect(row.id).toBeNull();
        if (!('skipRejectedRows' in mode)) expect(report.written).toBe(false);
      }
    });

    it('writes its own rows when rejected ones are skipped', async () => {
      const { organisations } = await ok('query($s: String) { organisations(search: $s) { nodes { name } } }', { s: NEW_ORGANISATION });
      expect(organisations.nodes.map((o: any) => o.name)).toEqual([NEW_ORGANISATION]);
    });
  });

  it('leaves the private items as they were, whoever tried', async () => {
    expect(JSON.parse(await state())).toEqual(JSON.parse(before));
  });
});
