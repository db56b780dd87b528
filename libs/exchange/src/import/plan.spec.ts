import { METHODS, TARGET_GROUPS, emptyBaseline, type GraphBaseline, type GraphChanges, type RecordChanges } from '@verkosto/domain';
import { messageText } from './messages';
import { planImport, type RowResult, type SheetKind } from './plan';
import type { Sheet } from './sheets';

const vocabulary = { methods: METHODS, targetGroups: TARGET_GROUPS };

const sheet = (name: string, header: string[], rows: string[][]): Sheet => ({
  name,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

type Planned = Awaited<ReturnType<typeof planImport>>;

function plan(kind: SheetKind, s: Sheet, baseline: GraphBaseline = base()) {
  return planImport([{ sheet: s, kind }], baseline, { fileName: 'tiedosto.csv', vocabulary });
}

/** The baseline after the changes are written, as the store would read it back. */
function written(baseline: GraphBaseline, changes: GraphChanges): GraphBaseline {
  const apply = <T extends { id: string }>(items: T[], c: RecordChanges<T>) => {
    const byId = new Map(items.map((x) => [x.id, x]));
    for (const { record } of c.update) byId.set(record.id, structuredClone(record));
    for (const record of c.create) byId.set(record.id, structuredClone(record));
    return [...byId.values()];
  };
  return {
    organisations: apply(baseline.organisations, changes.organisations),
    projects: apply(baseline.projects, changes.projects),
    activities: apply(baseline.activities, changes.activities),
    networks: baseline.networks,
    participations: apply(baseline.participations, changes.participations),
  };
}

const codes = (row: RowResult) => row.messages.map((m) => m.code);
const english = (row: RowResult) => row.messages.map((m) => messageText('en', m)).join(' ');

/** A small graph: a network, a municipality's organisation and a project. */
function base(): GraphBaseline {
  return {
    ...emptyBaseline(),
    networks: [{ id: 'net-kuusamo', name: 'Kuusamon osallisuusverkosto', goal: null, regionCode: null, visibility: 'PUBLIC' }],
    organisations: [
      {
        id: 'org-kuusamo',
        name: 'Kuusamon kaupunki',
        kind: 'MUNICIPALITY',
        sector: 'PUBLIC',
        businessId: null,
        municipalityCode: '305',
        website: null,
        permanent: true,
        mergedNames: [],
      },
    ],
    projects: [
      {
        id: 'prj-s21858',
        code: 'S21858',
        name: 'KUPO',
        programme: null,
        fund: 'ESR',
        priorityAxis: null,
        startDate: '2020-01-01',
        endDate: '2022-12-31',
        budget: null,
        publicFunding: null,
        grantedFunding: null,
        paidFunding: null,
        description: null,
        outputs: null,
        predecessorId: null,
        networkIds: ['net-kuusamo'],
        methodIds: [],
        targetGroupIds: [],
      },
    ],
  };
}

const ORG_HEADER = ['Organisaatio', 'Y-tunnus', 'Tyyppi', 'Sektori', 'Kunta', 'Verkkosivu', 'Pysyvä toimija'];

describe('organisations', () => {
  const rows = [
    ['Kokkolan kaupunki', '0179377-8', 'Kunta', '', 'Kokkola', 'www.kokkola.fi', 'kyllä'],
    ['KOKKOLAN  KAUPUNKI', '', '', '', '', '', ''],
    ['Kokkolan kaupunkikonserni', '0179377-8', '', '', '', '', ''],
    ['Virheellinen Oy', '1234567-8', 'Yritys', '', 'Atlantis', 'ei osoite', 'ehkä'],
    ['', '', 'Yhdistys', '', '', '', ''],
    ['Kuusamon Kaupunki', '', 'Kunta', '', '', 'https://www.kuusamo.fi', ''],
    ['Ksakki ry', '', '', '', 'Kuusamo', '', ''],
  ];
  let result: Planned;
  let kokkola: RowResult, shouting: RowResult, byBusinessId: RowResult, broken: RowResult, nameless: RowResult, kuusamo: RowResult, guessed: RowResult;
  beforeAll(async () => {
    result = await plan('organisations', sheet('o.csv', ORG_HEADER, rows));
    [kokkola, shouting, byBusinessId, broken, nameless, kuusamo, guessed] = result.summary.rows;
  });

  it('creates a new organisation with normalised values', () => {
    expect(kokkola.outcome).toBe('created');
    expect(result.changes.organisations.create[0]).toMatchObject({
      id: 'org-0179377-8',
      name: 'Kokkolan kaupunki',
      kind: 'MUNICIPALITY',
      sector: 'PUBLIC',
      municipalityCode: '272',
      website: 'https://www.kokkola.fi/',
      permanent: true,
    });
  });

  it('merges spellings of one organisation (case, spacing) and names by business ID, recording them', () => {
    expect(shouting.outcome).toBe('merged');
    expect(codes(shouting)).toEqual(['sameOrganisation']);
    expect(byBusinessId.outcome).toBe('merged');
    expect(english(byBusinessId)).toMatch(/by business ID 0179377-8, the same organisation as “Kokkolan kaupunki”/);
    expect(result.changes.organisations.create.filter((o) => o.businessId === '0179377-8')).toHaveLength(1);
    expect(result.changes.organisations.create[0].mergedNames).toEqual(['KOKKOLAN KAUPUNKI', 'Kokkolan kaupunkikonserni']);
  });

  it('rejects a row with every reason at once', () => {
    expect(broken.outcome).toBe('rejected');
    expect(codes(broken)).toEqual(['invalidBusinessId', 'unknownMunicipality', 'invalidWebsite', 'invalidChoice']);
    expect(english(broken)).toMatch(/“ehkä” does not fit the column “Pysyvä toimija”; choose from: Yes, No\./);
    expect(nameless.outcome).toBe('rejected');
    expect(codes(nameless)).toEqual(['required']);
  });

  it('rejects, row by row, a name of only a NUL or punctuation, and a website that is not http(s)', async () => {
    const odd = await plan(
      'organisations',
      sheet('o.csv', ORG_HEADER, [
        ['\u0000', '', 'Yhdistys', '', '', '', ''],
        ['–.–', '', 'Yhdistys', '', '', '', ''],
        ['Kylätalo ry', '', 'Yhdistys', '', '', 'ftp://x', ''],
        ['Kylätalo ry', '', 'Yhdistys', '', '', 'x'.repeat(3000), ''],
        ["O'Learyn Kylä-Åsa ry", '', 'Yhdistys', '', '', 'kylaasa.fi', ''],
      ]),
    );
    expect(odd.summary.rows.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'created']);
    expect(odd.summary.rows.slice(0, 4).map(codes)).toEqual([['invalidName'], ['invalidName'], ['invalidWebsite'], ['invalidWebsite']]);
    expect(odd.changes.organisations.create).toMatchObject([{ name: "O'Learyn Kylä-Åsa ry", website: 'https://kylaasa.fi/' }]);
  });

  it('updates a stored organisation found by its name, listing what changes', () => {
    expect(kuusamo.outcome).toBe('merged'); // "Kaupunki" capitalised: another spelling, and a new website
    expect(english(kuusamo)).toMatch(/Changes: website\./);
    expect(result.changes.organisations.update).toEqual([
      { record: expect.objectContaining({ id: 'org-kuusamo', website: 'https://www.kuusamo.fi/' }), changed: ['mergedNames', 'website'] },
    ]);
  });

  it('infers a missing kind from the name and says so', () => {
    expect(guessed.outcome).toBe('created');
    expect(codes(guessed)).toEqual(['kindGuessed']);
    expect(result.changes.organisations.create.find((o) => o.name === 'Ksakki ry')).toMatchObject({ kind: 'ASSOCIATION', sector: 'THIRD' });
  });

  it('changes nothing when the same file comes again', async () => {
    const again = await plan('organisations', sheet('o.csv', ORG_HEADER, rows), written(base(), result.changes));
    expect(again.changes.organisations).toEqual({ create: [], update: [] });
    expect(again.summary.rows.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'rejected', 'rejected', 'unchanged', 'unchanged']);
  });

  it('refuses a business ID that contradicts the stored one of the same name', async () => {
    const stored = written(base(), result.changes);
    const conflict = await plan('organisations', sheet('o.csv', ORG_HEADER, [['Kokkolan kaupunki', '0208916-8', '', '', '', '', '']]), stored);
    expect(codes(conflict.summary.rows[0])).toEqual(['businessIdConflict']);
  });
});

const PROJECT_HEADER = ['Hankekoodi', 'Hankkeen nimi', 'Alkaa', 'Päättyy', 'Julkinen rahoitus', 'Maksettu EU- ja valtion rahoitus', 'Edeltävä hanke', 'Verkostot', 'Menetelmät'];

describe('projects', () => {
  let result: Planned;
  let created: RowResult, updated: RowResult, broken: RowResult;
  beforeAll(async () => {
    result = await plan(
      'projects',
      sheet('p.csv', PROJECT_HEADER, [
        ['s20915', 'Edeltäjä', '1.1.2016', '31.12.2019', '100 000,50', '-876', '', '', 'Luontolähtöiset menetelmät'],
        ['S21858', 'Kulttuurit yhteisellä polulla (KUPO)', '', '30.6.2023', '', '', 'S20915', 'Kuusamon osallisuusverkosto', ''],
        ['', 'Ilman koodia', '31.12.2020', '1.1.2020', 'paljon', '', 'S99999', 'Tuntematon verkosto', 'Taikuus'],
      ]),
    );
    [created, updated, broken] = result.summary.rows;
  });

  it('creates, keeping signed paid funding and a decimal comma', () => {
    expect(created.outcome).toBe('created');
    expect(result.changes.projects.create[0]).toMatchObject({
      id: 'prj-s20915',
      code: 'S20915',
      startDate: '2016-01-01',
      publicFunding: 100000.5,
      paidFunding: -876,
      methodIds: ['nature-based'],
    });
  });

  it('updates by code: new name and end date, a predecessor from the same file; empty cells keep values', () => {
    expect(updated.outcome).toBe('updated');
    expect(english(updated)).toBe('Changes: name, end date, predecessor.');
    const [{ record, changed }] = result.changes.projects.update;
    expect(record).toMatchObject({ startDate: '2020-01-01', endDate: '2023-06-30', predecessorId: 'prj-s20915', fund: 'ESR', networkIds: ['net-kuusamo'] });
    expect(changed).toEqual(['name', 'endDate', 'predecessorId']);
  });

  it('rejects impossible periods, amounts and references', () => {
    expect(broken.outcome).toBe('rejected');
    expect(codes(broken)).toEqual(['endBeforeStart', 'invalidAmount', 'unknownProject', 'unknownNetwork', 'unknownMethod']);
  });
});

const ACTIVITY_HEADER = ['Toiminnan nimi', 'Toiminnan tyyppi', 'Alkaa', 'Päättyy', 'Kunta', 'Hanke', 'Jatkaa toimintaa', 'Kohderyhmät'];

describe('activities', () => {
  const rows = [
    ['Kuusamon kesäkeidas', 'Tapahtuma', '1.6.2020', '31.8.2020', 'Kuusamo', 'S21858', '', 'Nuoret'],
    ['Kuusamon kesäkeidas', 'Tapahtuma', '1.6.2021', '31.8.2021', '305', 'KUPO', 'Kuusamon kesäkeidas', 'Nuoret; Maahanmuuttajat'],
    ['Syysretki', 'Retki', '', '', '', '', 'Kevätretki', ''],
  ];
  let result: Planned;
  let first: RowResult, second: RowResult, broken: RowResult;
  beforeAll(async () => {
    result = await plan('activities', sheet('a.csv', ACTIVITY_HEADER, rows));
    [first, second, broken] = result.summary.rows;
  });

  it('links a season to the previous one of the same name, and to its project by code or name', () => {
    expect([first.outcome, second.outcome]).toEqual(['created', 'created']);
    const [a2020, a2021] = result.changes.activities.create;
    expect(a2020).toMatchObject({ projectId: 'prj-s21858', municipalityCode: '305', continuesId: null, targetGroupIds: ['young-people'] });
    expect(a2021).toMatchObject({ projectId: 'prj-s21858', continuesId: a2020.id, targetGroupIds: ['immigrants', 'young-people'] });
    expect(a2020.id).not.toBe(a2021.id);
  });

  it('rejects an unknown type and an earlier season that does not exist', () => {
    expect(codes(broken)).toEqual(['invalidChoice', 'unknownEarlierActivity']);
  });

  it('is idempotent: the same seasons are matched by name and start date', async () => {
    const again = await plan('activities', sheet('a.csv', ACTIVITY_HEADER, rows), written(base(), result.changes));
    expect(again.changes.activities).toEqual({ create: [], update: [] });
  });
});

const PARTICIPATION_HEADER = ['Organisaatio', 'Y-tunnus', 'Kohde', 'Kohteen laji', 'Rooli', 'Alkaen', 'Päättyen'];

describe('participations', () => {
  const stored = (() => {
    const b = base();
    b.activities.push({
      id: 'act-keidas',
      name: 'Kuusamon osallisuusverkosto',
      type: 'EVENT',
      startDate: null,
      endDate: null,
      municipalityCode: null,
      description: null,
      projectId: null,
      continuesId: null,
      networkIds: [],
      methodIds: [],
      targetGroupIds: [],
    });
    b.participations.push({
      id: 'par-1',
      organisationId: 'org-kuusamo',
      targetId: 'prj-s21858',
      targetKind: 'PROJECT',
      role: 'PARTNER',
      validFrom: '2020-01-01',
      validTo: null,
      source: { kind: 'MANUAL', ref: 'koordinaattori@example.fi' },
    });
    return b;
  })();
  const rows = [
    ['Kuusamon kaupunki', '', 'S21858', '', 'Kumppani', '1.1.2020', '31.12.2022'],
    ['kuusamon kaupunki', '', 'KUPO', 'Hanke', 'Rahoittaja', '1.1.2020', ''],
    ['Kuusamon kaupunki', '', 'S21858', '', 'Kumppani', '1.6.2021', ''],
    ['Kuusamon kaupunki', '', 'Kuusamon osallisuusverkosto', '', 'Jäsen', '', ''],
    ['Kuusamon kaupunki', '', 'Kuusamon osallisuusverkosto', 'Verkosto', 'Jäsen', '1.1.2019', ''],
    ['Kuusamon kaupunki', '', 'Kuusamon osallisuusverkosto', 'Verkosto', 'Päätoteuttaja', '', ''],
    ['Tuntematon ry', '', 'Ei ole', '', 'Kumppani', '', ''],
  ];
  let result: Planned;
  let ended: RowResult, funder: RowResult, overlapping: RowResult, ambiguous: RowResult, member: RowResult, wrongRole: RowResult, unknown: RowResult;
  beforeAll(async () => {
    result = await plan('participations', sheet('Osallistumiset', PARTICIPATION_HEADER, rows), stored);
    [ended, funder, overlapping, ambiguous, member, wrongRole, unknown] = result.summary.rows;
  });

  it('ends a stored tie with the same start, and adds a new role with its source', () => {
    expect(ended.outcome).toBe('updated');
    expect(result.changes.participations.update[0].record).toMatchObject({
      id: 'par-1',
      validTo: '2022-12-31',
      source: { kind: 'IMPORT', ref: 'tiedosto.csv#Osallistumiset row 2' },
    });
    expect(funder.outcome).toBe('created');
    expect(member.outcome).toBe('created');
    expect(result.changes.participations.create.map((p) => [p.role, p.targetKind])).toEqual([
      ['FUNDER', 'PROJECT'],
      ['MEMBER', 'NETWORK'],
    ]);
  });

  it('rejects overlaps, ambiguous or unknown targets and roles the target does not have', () => {
    expect(codes(overlapping)).toEqual(['overlappingParticipation']);
    expect(codes(ambiguous)).toEqual(['ambiguousTarget']);
    expect(codes(wrongRole)).toEqual(['roleNotForTarget']);
    expect(codes(unknown)).toEqual(['unknownOrganisation', 'unknownTarget']);
  });

  it('is idempotent', async () => {
    const again = await plan('participations', sheet('Osallistumiset', PARTICIPATION_HEADER, rows), written(stored, result.changes));
    expect(again.changes.participations).toEqual({ create: [], update: [] });
  });
});

const REGISTRY_HEADER = [
  'Koodi',
  'Rahasto',
  'Hankkeen nimi',
  'Tl',
  'Viranomainen',
  'Tila',
  'Aloituspvm',
  'Päättymispvm',
  'Toteuttajan nimi',
  'Myönnetty EU- ja valtion rahoitus',
  'Toteutunut EU- ja valtion rahoitus',
  'Suunniteltu julkinen rahoitus yhteensä',
  'Toteutunut julkinen rahoitus yhteensä',
];

describe('the structural-fund registry', () => {
  // Rows shaped like the real file's, warts included.
  const rows = [
    ['A70201', 'EAKR', 'BusinessMooring 2', '1', 'Uudenmaan liitto', 'Toiminnassa', '1.1.2015', '31.12.2017', 'Cursor Oy', '180000', '66166.42', '300000', '110277.37'],
    ['A70202', 'EAKR', 'Kasvu', '1', 'Etelä-Savon elinkeino- liikenne- ja ympäristökeskus', 'Toiminnassa', '1.1.2015', '31.12.2016', 'CURSOR OY', '10', '0', '10', '0'],
    [
      'A70203',
      'EAKR',
      'Toinen',
      '2',
      'Etelä-Savon elinkeino-  liikenne- ja ympäristökeskus',
      'Toiminnassa',
      '1.1.2015',
      '31.12.2016',
      'SISUWOOD OY2034683-4',
      '10',
      '0',
      '10',
      '-5913',
    ],
    [
      'A70408',
      'EAKR',
      'Viennin käynnistäminen pohjoismaihin | Norja ',
      '1',
      ' Ruotsi Etelä-Savon elinkeino-  liikenne- ja ympäristökeskus',
      'Toiminnassa',
      '31.12.2015',
      '',
      'LAPIN LAUDE OY',
      '8750',
      '0',
      '8750',
      '0',
    ],
    [
      'A70447',
      'EAKR',
      'Salla Holidays & Services Oy | hankesuunnitelma 2014 - 2016',
      '1',
      ' Uudenmaan liitto',
      'Toiminnassa',
      '7560',
      '31.12.2016',
      'SALLA HOLIDAYS & SERVICES OY',
      ' ',
      '7560',
      '0',
      '7560',
    ],
    ['A70305', 'EAKR', 'INKA', '2', 'Innovaatiorahoituskeskus Tekes', 'Toiminnassa', '1.1.2015', '30.6.2016', '', '157500', '35028', '166500', '38921'],
    ['A70201', 'EAKR', 'BusinessMooring 2', '1', 'Uudenmaan liitto', 'Toiminnassa', '1.1.2015', '31.12.2017', 'Cursor Oy', '180000', '66166.42', '300000', '110277.37'],
  ];
  let result: Planned;
  let mooring: RowResult, kasvu: RowResult, toinen: RowResult, spilled: RowResult, shifted: RowResult, noLead: RowResult, duplicate: RowResult;
  beforeAll(async () => {
    result = await plan('registry', sheet('lista.csv', REGISTRY_HEADER, rows));
    [mooring, kasvu, toinen, spilled, shifted, noLead, duplicate] = result.summary.rows;
  });

  it('makes projects with code, fund, priority axis, dates and money', () => {
    expect(mooring.outcome).toBe('created');
    expect(result.changes.projects.create[0]).toMatchObject({
      id: 'prj-a70201',
      code: 'A70201',
      fund: 'EAKR',
      priorityAxis: '1',
      startDate: '2015-01-01',
      endDate: '2017-12-31',
      grantedFunding: 180000,
      paidFunding: 66166.42,
      budget: 300000,
      publicFunding: 110277.37,
    });
  });

  it('makes one organisation of names in different letter case, and one funder of an authority spelled with different spacing', () => {
    expect(codes(kasvu)).toEqual(['sameOrganisation']);
    const orgs = result.changes.organisations.create;
    expect(orgs.filter((o) => o.name.toLowerCase() === 'cursor oy')).toEqual([expect.objectContaining({ name: 'Cursor Oy', kind: 'COMPANY', mergedNames: ['CURSOR OY'] })]);
    expect(orgs.filter((o) => o.name.startsWith('Etelä-Savon'))).toHaveLength(1);
    expect(result.summary.funders).toBe(3);
    const roles = result.changes.participations.create.map((p) => `${p.role} ${p.targetId}`);
    expect(roles).toContain('FUNDER prj-a70203');
    expect(result.changes.participations.create[0]).toMatchObject({
      role: 'LEAD',
      validFrom: '2015-01-01',
      validTo: '2017-12-31',
      source: { kind: 'REGISTRY', ref: 'tiedosto.csv#A70201' },
    });
  });

  it('takes a business ID glued to a name off it, and leaves a negative realised sum out with a warning', () => {
    expect(result.changes.organisations.create.find((o) => o.businessId === '2034683-4')).toMatchObject({ name: 'SISUWOOD OY' });
    expect(codes(toinen)).toEqual(['amountNotStored']);
    expect(result.changes.projects.create.find((p) => p.code === 'A70203')?.publicFunding).toBeNull();
  });

  it('rejects rows whose columns are shifted, saying which value shows it', () => {
    expect(spilled.outcome).toBe('rejected');
    expect(english(spilled)).toMatch(/the column “Viranomainen” holds “Ruotsi Etelä-Savon elinkeino- liikenne- ja ympäristökeskus”/);
    expect(shifted.outcome).toBe('rejected');
    expect(english(shifted)).toMatch(/the column “Aloituspvm” holds “7560”/);
    expect(duplicate.outcome).toBe('rejected');
    expect(english(duplicate)).toBe('The project code A70201 is already on row 2.');
  });

  it('imports a project without an implementer, with a warning', () => {
    expect(noLead.outcome).toBe('created');
    expect(codes(noLead)).toEqual(['noLeadImplementer']);
  });

  it('changes nothing when the file comes again', async () => {
    const again = await plan('registry', sheet('lista.csv', REGISTRY_HEADER, rows), written(base(), result.changes));
    expect(again.changes).toEqual({
      organisations: { create: [], update: [] },
      projects: { create: [], update: [] },
      activities: { create: [], update: [] },
      participations: { create: [], update: [] },
    });
    expect(again.summary.rows.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'rejected', 'rejected', 'unchanged', 'rejected']);
  });

  it('updates a project whose sums and dates moved in a newer list, and its ties follow the dates', async () => {
    const newer = rows.slice(0, 1).map((r) => r.map((c, i) => (i === 7 ? '30.6.2018' : i === 10 ? '150000' : c)));
    const again = await plan('registry', sheet('lista.csv', REGISTRY_HEADER, newer), written(base(), result.changes));
    expect(again.summary.rows[0].outcome).toBe('updated');
    expect(english(again.summary.rows[0])).toBe('Changes: end date, paid funding.');
    expect(again.changes.participations.update.map((u) => [u.record.role, u.record.validTo])).toEqual([
      ['LEAD', '2018-06-30'],
      ['FUNDER', '2018-06-30'],
    ]);
  });
});
