/**
 * Issue 12's access test: every query and mutation of schema.graphql, called against a private
 * network's items by those outside it (anonymous, an account with no membership, an EDITOR of a
 * public network) and by its VIEWER. Nobody writes anything there, and no answer — data or refusal —
 * names what the caller may not read: the outsiders see no private name at all, the viewer no
 * person's email or consent text (those are for editors). A new operation without a case fails here.
 */
import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessIdCheckDigit, foldText } from '@verkosto/domain';
import { TestApp, type GraphQLClient, type GraphQLResponse } from './support/app';

jest.setTimeout(120_000);

const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
const rootFields = (type: 'Query' | 'Mutation') => Object.values((type === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields());

/** Every private name carries this word, so a leak shows as it, or as its slug inside an id. */
const MARK = 'kätketty';
const PRIVATE = {
  network: 'Kätketty verkosto',
  organisation: 'Kätketty yhdistys ry',
  businessId: `7654321-${businessIdCheckDigit('7654321')}`,
  project: 'Kätketty hanke',
  code: 'KATK-1',
  activity: 'Kätketty toiminta',
  person: 'Kätketty Henkilö',
  email: 'katketty.henkilo@salainen.test',
  consent: 'Kätketty suostumus: saa nimetä verkostokartalla ja raporteissa.',
};
const PASSWORD = 'salasana-12345';

interface Ids {
  network: string;
  organisation: string;
  project: string;
  activity: string;
  /** The private organisation's tie to the private project. */
  tie: string;
  person: string;
  /** An organisation of the public Kuusamo network, tied to the private project too. */
  publicOrganisation: string;
  publicTie: string;
  /** Another organisation of the Kuusamo network. */
  demoOrganisation: string;
  personChange: string;
  tieChange: string;
  viewerUser: string;
}

type Args = Record<string, unknown>;
/** The argument sets each operation is called with against the private items. */
type Cases = Record<string, (ids: Ids) => Args[]>;

const DATES = { from: '2020-01-01', to: '2026-12-31' };
const CONSENT = 'Suostun siihen, että nimeni näkyy verkostokartalla.';

const QUERIES: Cases = {
  activities: (i) => [{ networkId: i.network }, { projectId: i.project }],
  activity: (i) => [{ id: i.activity }],
  change: (i) => [{ id: i.personChange }, { id: i.tieChange }],
  changes: (i) => [
    { entityId: i.publicOrganisation },
    { entityId: i.person },
    { entityId: i.tie },
    { entityId: i.publicTie },
    { entityId: i.organisation },
    { networkId: i.network },
    { networkId: 'net-kuusamo', first: 200 },
  ],
  deletionImpact: (i) => [{ id: i.organisation }, { id: i.project }, { id: i.network }, { id: i.activity }],
  duplicateOrganisations: () => [{ first: 200 }],
  exportPerson: (i) => [{ id: i.person }],
  growth: (i) => [
    { networkId: i.network, interval: 'QUARTER', ...DATES },
    { projectId: i.project, interval: 'QUARTER', ...DATES },
    { networkId: 'net-kuusamo', projectId: i.project, interval: 'QUARTER', ...DATES },
  ],
  importJob: () => [{ id: 'job-tuntematon' }],
  introductionPaths: (i) => [
    { fromId: i.publicOrganisation, toId: i.organisation, maxHops: 4 },
    { fromId: i.publicOrganisation, toId: i.demoOrganisation, maxHops: 4 },
  ],
  me: () => [{}],
  methods: () => [{}],
  municipalities: () => [{}],
  myTokens: () => [{}],
  needsFirstAdmin: () => [{}],
  network: (i) => [{ id: i.network }],
  networkGraph: (i) => [{ networkId: i.network }, { projectId: i.project }, { networkId: 'net-kuusamo', projectId: i.project }, { networkId: 'net-kuusamo' }],
  networkMembers: (i) => [{ networkId: i.network }],
  networkMetrics: (i) => [{ networkId: i.network }, { projectId: i.project }, { networkId: 'net-kuusamo', projectId: i.project }],
  networks: () => [{ first: 200 }, { search: MARK }],
  operatingModels: () => [{}],
  organisation: (i) => [{ id: i.organisation }, { id: i.publicOrganisation }],
  organisations: () => [{ first: 200 }, { search: MARK }],
  participations: (i) => [{ organisationId: i.publicOrganisation }, { targetId: i.project }, { organisationId: i.organisation }],
  partnershipMeasures: (i) => [{ networkId: i.network }, { projectId: i.project }, { networkId: 'net-kuusamo', projectId: i.project }],
  partnerSuggestions: (i) => [{ input: { projectId: i.project } }, { input: { organisationId: i.publicOrganisation } }, { input: { organisationId: i.organisation } }],
  person: (i) => [{ id: i.person }],
  project: (i) => [{ id: i.project }, { code: PRIVATE.code }],
  projects: (i) => [{ first: 200 }, { networkId: i.network }, { search: MARK }],
  regions: () => [{}],
  rooting: (i) => [{ networkId: i.network }, { projectId: i.project }, { networkId: 'net-kuusamo', projectId: i.project }],
  rootingMilestones: (i) => [{ projectId: i.project }],
  search: () => [{ text: MARK }, { text: 'katketty' }],
  setupCodeRequired: () => [{}],
  targetGroups: () => [{}],
  users: () => [{}],
};

const MUTATIONS: Cases = {
  addParticipation: (i) => [
    { input: { organisationId: i.organisation, targetId: 'net-kuusamo', role: 'MEMBER' } },
    { input: { organisationId: i.publicOrganisation, targetId: i.network, role: 'MEMBER' } },
    { input: { organisationId: i.publicOrganisation, targetId: i.activity, role: 'VENUE' } },
  ],
  changePassword: () => [{ currentPassword: 'vaara-salasana-1', newPassword: 'uusi-salasana-123' }],
  confirmParticipation: (i) => [{ id: i.tie }, { id: i.publicTie }],
  createActivity: (i) => [{ input: { name: 'Uusi toiminta', type: 'EVENT', networkIds: [i.network] } }, { input: { name: 'Uusi toiminta', type: 'EVENT', projectId: i.project } }],
  createFirstAdmin: () => [{ email: 'ensimmainen@verkosto.test', password: 'pitka-salasana-1' }],
  // A duplicate of each private name or key: a refusal, never a write; the outsider learns nothing.
  createNetwork: () => [{ input: { name: PRIVATE.network, visibility: 'PUBLIC' } }],
  createOrganisation: () => [
    { input: { name: 'Aivan toinen yhdistys', kind: 'ASSOCIATION', businessId: PRIVATE.businessId } },
    { input: { name: PRIVATE.organisation, kind: 'ASSOCIATION' } },
  ],
  createPerson: (i) => [{ input: { name: 'Uusi Ihminen', organisationId: i.organisation, consentText: CONSENT, consentGivenAt: '2024-01-01' } }],
  createProject: (i) => [
    { input: { name: 'Uusi hanke', networkIds: [i.network] } },
    { input: { name: 'Uusi hanke', code: PRIVATE.code } },
    { input: { name: 'Jatkohanke', predecessorId: i.project, code: 'UUSI-1' } },
  ],
  createToken: () => [{ name: 'raportit' }],
  createUser: () => [{ input: { email: PRIVATE.email, password: 'pitka-salasana-1' } }],
  deleteActivity: (i) => [{ id: i.activity }],
  deleteNetwork: (i) => [{ id: i.network }],
  deleteOrganisation: (i) => [{ id: i.organisation }],
  deleteProject: (i) => [{ id: i.project }],
  deleteUser: (i) => [{ id: i.viewerUser }],
  endParticipation: (i) => [
    { id: i.tie, validTo: '2030-01-01' },
    { id: i.publicTie, validTo: '2030-01-01' },
  ],
  erasePerson: (i) => [{ id: i.person }],
  // Import rights are another test's (import kinds); here an empty file, refused.
  importData: () => [{ input: { fileName: 'tyhja.csv', content: '' } }],
  login: () => [{ email: PRIVATE.email, password: 'vaara-salasana-1' }],
  logout: () => [{}],
  mergeOrganisations: (i) => [
    { keepId: i.publicOrganisation, mergeIds: [i.organisation] },
    { keepId: i.organisation, mergeIds: [i.publicOrganisation] },
  ],
  removeMembership: (i) => [{ networkId: i.network, userId: i.viewerUser }],
  removeParticipation: (i) => [{ id: i.tie }, { id: i.publicTie }],
  revokeToken: () => [{ id: 'tok-tuntematon' }],
  setCoordinator: (i) => [
    { networkId: i.network, organisationId: i.publicOrganisation, from: '2024-01-01' },
    { networkId: 'net-kuusamo', organisationId: i.organisation, from: '2024-01-01' },
  ],
  setMembership: (i) => [{ networkId: i.network, email: 'ulkopuolinen@verkosto.test', role: 'COORDINATOR' }],
  undoChange: (i) => [{ id: i.tieChange }, { id: i.personChange }],
  updateActivity: (i) => [
    { id: i.activity, input: { description: 'Muutettu' } },
    { id: i.activity, input: { networkIds: ['net-kuusamo'] } },
  ],
  updateNetwork: (i) => [{ id: i.network, input: { visibility: 'PUBLIC' } }],
  updateOrganisation: (i) => [
    { id: i.organisation, input: { website: 'https://muutettu.example' } },
    { id: i.publicOrganisation, input: { businessId: PRIVATE.businessId } },
  ],
  updatePerson: (i) => [{ id: i.person, input: { roleTitle: 'Muutettu' } }],
  updateProject: (i) => [
    { id: i.project, input: { description: 'Muutettu' } },
    { id: i.project, input: { networkIds: ['net-kuusamo'] } },
  ],
  updateUser: (i) => [{ id: i.viewerUser, input: { isAdmin: true } }],
};

/**
 * Every field of the type down to `depth` levels (fields that need arguments left out), so a
 * private name anywhere in the answer is asked for.
 */
function selectionOf(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    const named = getNamedType(f.type);
    if (isLeafType(named)) return [f.name];
    if (isObjectType(named) && depth > 0) return [`${f.name} ${selectionOf(named, depth - 1)}`];
    return [];
  });
  return `{ ${parts.length ? parts.join(' ') : '__typename'} }`;
}

/** The operation called with `args`, every argument as a variable of the type the schema gives it. */
function callOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Args) {
  const given = field.args.filter((a) => a.name in args);
  const declared = given.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = given.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? ` ${selectionOf(named, 2)}` : '';
  return `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

/** The private words in an answer: accents and case folded, with the ids the caller itself sent taken out. */
function leaks(answer: GraphQLResponse, sent: string[], secrets: string[]): string[] {
  let text = JSON.stringify(answer);
  for (const id of sent) text = text.split(id).join('<sent id>');
  const folded = foldText(text);
  return secrets.filter((s) => folded.includes(foldText(s)));
}

const idsIn = (args: Args) =>
  JSON.stringify(args)
    .match(/"[a-z]+-[a-z0-9-]+"/g)
    ?.map((s) => s.slice(1, -1)) ?? [];

describe('access to a private network, operation by operation (issue 12)', () => {
  const app = new TestApp();
  const ids = {} as Ids;
  const callers = {} as Record<'anonymous' | 'outsider' | 'otherEditor' | 'viewer', GraphQLClient>;
  /** What each caller may not learn. */
  const SECRETS = {
    outsider: [MARK, 'katketty', PRIVATE.email, PRIVATE.businessId],
    viewer: [PRIVATE.email, 'Kätketty suostumus'],
  };
  let before: string;

  const ok = (query: string, variables?: Args) => app.ok(query, variables);
  /** Everything about the private items and the counts of everything, as the administrator reads it. */
  const state = async () =>
    JSON.stringify(
      await ok(
        `query($n: ID!, $o: ID!, $p: ID!, $a: ID!, $per: ID!, $po: ID!) {
          network(id: $n) { name visibility goal coordinator { id } members { id role validTo confirmedAt } updatedAt }
          organisation(id: $o) { name website businessId updatedAt participations { id validTo confirmedAt } people { id email roleTitle updatedAt } }
          publicOrganisation: organisation(id: $po) { name businessId updatedAt participations { id targetId validTo confirmedAt } }
          project(id: $p) { name code description networkIds updatedAt participants { id validTo } activities { id } }
          activity(id: $a) { name description networkIds projectId updatedAt }
          person(id: $per) { name email roleTitle updatedAt }
          networkMembers(networkId: $n) { role user { email } }
          users { email isAdmin memberships { networkId role } }
          organisations(first: 1) { totalCount } projects(first: 1) { totalCount } activities(first: 1) { totalCount } networks(first: 1) { totalCount }
          history: changes(networkId: $n) { totalCount }
        }`,
        { n: ids.network, o: ids.organisation, p: ids.project, a: ids.activity, per: ids.person, po: ids.publicOrganisation },
      ),
    );

  beforeAll(async () => {
    await app.start();
    const created = async (query: string, variables: Args = {}) => Object.values(await ok(query, variables))[0] as { id: string };
    ids.network = (
      await created(`mutation($name: String!) { createNetwork(input: { name: $name, visibility: PRIVATE, goal: "Kätketty tavoite" }) { id } }`, { name: PRIVATE.network })
    ).id;
    ids.organisation = (
      await created('mutation($name: String!, $b: String) { createOrganisation(input: { name: $name, kind: ASSOCIATION, businessId: $b }) { id } }', {
        name: PRIVATE.organisation,
        b: PRIVATE.businessId,
      })
    ).id;
    ids.project = (
      await created('mutation($name: String!, $n: String!, $c: String) { createProject(input: { name: $name, code: $c, networkIds: [$n], startDate: "2024-01-01" }) { id } }', {
        name: PRIVATE.project,
        n: ids.network,
        c: PRIVATE.code,
      })
    ).id;
    ids.activity = (
      await created('mutation($name: String!, $n: String!) { createActivity(input: { name: $name, type: WORKSHOP, networkIds: [$n], startDate: "2024-03-01" }) { id } }', {
        name: PRIVATE.activity,
        n: ids.network,
      })
    ).id;
    const tie = (input: Args) => created('mutation($input: ParticipationInput!) { addParticipation(input: $input) { id } }', { input });
    await tie({ organisationId: ids.organisation, targetId: ids.network, role: 'MEMBER', validFrom: '2024-01-01' });
    ids.tie = (await tie({ organisationId: ids.organisation, targetId: ids.project, role: 'LEAD', validFrom: '2024-01-01' })).id;
    ids.publicOrganisation = (await created('mutation { createOrganisation(input: { name: "Avoin naapuriyhdistys ry", kind: ASSOCIATION }) { id } }')).id;
    await tie({ organisationId: ids.publicOrganisation, targetId: 'net-kuusamo', role: 'MEMBER', validFrom: '2024-01-01' });
    ids.publicTie = (await tie({ organisationId: ids.publicOrganisation, targetId: ids.project, role: 'PARTNER', validFrom: '2024-01-01' })).id;
    await tie({ organisationId: ids.publicOrganisation, targetId: ids.activity, role: 'PARTICIPANT', validFrom: '2024-03-01' });
    ids.person = (
      await created('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
        input: { name: PRIVATE.person, email: PRIVATE.email, organisationId: ids.organisation, consentText: PRIVATE.consent, consentGivenAt: '2024-01-01' },
      })
    ).id;
    const { members } = (await ok('{ network(id: "net-kuusamo") { members { organisationId } } }')).network;
    ids.demoOrganisation = members.find((m: any) => m.organisationId !== ids.publicOrganisation).organisationId;
    ids.personChange = (await ok('query($id: ID!) { changes(entityId: $id) { nodes { id } } }', { id: ids.person })).changes.nodes[0].id;
    ids.tieChange = (await ok('query($id: ID!) { changes(entityId: $id) { nodes { id } } }', { id: ids.publicTie })).changes.nodes[0].id;

    const account = async (email: string, network: string | null, role: string) => {
      const { createUser } = await ok('mutation($e: String!, $p: String!) { createUser(input: { email: $e, password: $p, name: "Testi" }) { id } }', { e: email, p: PASSWORD });
      if (network) await ok('mutation($n: ID!, $e: String!, $r: AccessRole!) { setMembership(networkId: $n, email: $e, role: $r) { role } }', { n: network, e: email, r: role });
      return { id: createUser.id as string, client: app.as({ token: await app.tokenFor(email, PASSWORD) }) };
    };
    callers.anonymous = app.as(null);
    callers.outsider = (await account('ulkopuolinen@verkosto.test', null, '')).client;
    callers.otherEditor = (await account('kuusamo.editori@verkosto.test', 'net-kuusamo', 'EDITOR')).client;
    const viewer = await account('katsoja@verkosto.test', ids.network, 'VIEWER');
    callers.viewer = viewer.client;
    ids.viewerUser = viewer.id;
    before = await state();
  }, 120_000);
  afterAll(() => app.remove());

  it('has a case for every query and mutation of schema.graphql', () => {
    const missing = [
      ...rootFields('Query')
        .filter((f) => !QUERIES[f.name])
        .map((f) => `Query.${f.name}`),
      ...rootFields('Mutation')
        .filter((f) => !MUTATIONS[f.name])
        .map((f) => `Mutation.${f.name}`),
    ];
    expect(missing).toEqual([]);
  });

  describe.each([
    ['Query', QUERIES],
    ['Mutation', MUTATIONS],
  ] as const)('%s', (type, cases) => {
    it.each(rootFields(type).map((f) => [f.name, f] as const))('%s: nothing private in any answer', async (name, field) => {
      const found: string[] = [];
      for (const args of (cases[name] ?? (() => []))(ids)) {
        const query = callOf(type === 'Query' ? 'query' : 'mutation', field, args);
        for (const [who, client] of Object.entries(callers)) {
          const answer = await client.gql(query, args);
          const refusal = answer.errors?.[0]?.extensions?.code;
          // A query refused for its size or shape would prove nothing.
          expect([name, refusal]).not.toEqual([name, expect.stringMatching(/GRAPHQL_VALIDATION_FAILED|BAD_REQUEST|QUERY_TOO_COSTLY|INTERNAL_SERVER_ERROR/)]);
          const secrets = who === 'viewer' ? SECRETS.viewer : SECRETS.outsider;
          for (const leak of leaks(answer, idsIn(args), secrets)) found.push(`${who} ${JSON.stringify(args)}: "${leak}" in ${JSON.stringify(answer).slice(0, 400)}`);
        }
      }
      expect(found).toEqual([]);
    });
  });

  it('the read cases reach the private items: the administrator sees them in the same answers', async () => {
    const blind: string[] = [];
    for (const field of rootFields('Query')) {
      const calls = QUERIES[field.name](ids).filter((args) => idsIn(args).some((id) => Object.values(ids).includes(id)));
      for (const args of calls) {
        const answer = await app.gql(callOf('query', field, args), args);
        if (leaks(answer, idsIn(args), SECRETS.outsider).length === 0) blind.push(`${field.name}(${Object.keys(args).join(', ')})`);
      }
    }
    // These answer counts and measures, or nothing for an empty period: no name to leak.
    expect([...new Set(blind)].sort()).toEqual(EXPECTED_BLIND);
  });

  it('leaves the private items as they were, whoever tried', async () => {
    expect(JSON.parse(await state())).toEqual(JSON.parse(before));
  });
});

/** Read cases whose answer holds no private name even for the administrator: measures, refusals of both ids at once, no path. */
const EXPECTED_BLIND = [
  'activities(projectId)', // the private activity is in the network, not under the project
  'growth(networkId, projectId, interval, from, to)',
  'introductionPaths(fromId, toId, maxHops)', // to a demo organisation
  'networkGraph(networkId, projectId)',
  'networkMembers(networkId)', // accounts, not items
  'networkMetrics(networkId, projectId)',
  'partnershipMeasures(networkId, projectId)',
  'rooting(networkId, projectId)',
  'rootingMilestones(projectId)',
];
