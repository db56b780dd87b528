/**
 * Accounts, roles and rights over real HTTP (issue 7): every operation has a rule, each role on
 * each kind of change, private networks, tokens, the session cookie with its CSRF token.
 */
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleFor } from '../apps/api/src/auth/rules';
import { ADMIN, TestApp, type GraphQLClient } from './support/app';

jest.setTimeout(60_000);

const PASSWORD = 'salasana-12345';
const ROLES = ['anonymous', 'outsider', 'VIEWER', 'EVALUATOR', 'EDITOR', 'COORDINATOR', 'ADMIN'] as const;
type Role = (typeof ROLES)[number];
const DENIED = ['UNAUTHENTICATED', 'FORBIDDEN'];

const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
const operations = (type: 'Query' | 'Mutation') => Object.values((type === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields());

/** A value of the type that passes GraphQL validation; what it means does not matter here. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  return { Int: 1, Float: 1.5, Boolean: true, Date: '2020-01-01' }[type.name] ?? 'x';
}

/** A call of the operation with its required arguments and the smallest selection. */
function callOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a) => isNonNullType(a.type));
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])),
  };
}

/** The first error's code, or null when the call succeeded. */
async function codeOf(client: GraphQLClient, query: string, variables: Record<string, unknown> = {}) {
  const result = await client.gql(query, variables);
  return result.errors?.[0]?.extensions?.code ?? (result.errors?.length ? 'ERROR' : null);
}

describe('accounts and rights', () => {
  const app = new TestApp();
  const as = {} as Record<Role, GraphQLClient>;
  const emails = {} as Record<Role, string>;
  let closed: string; // a PRIVATE network with one member of each role
  let openProject: string; // a project of a PUBLIC demo network nobody here is a member of

  const ok = (query: string, variables?: Record<string, unknown>) => app.ok(query, variables);
  const newNetworkItem = async (kind: 'Project' | 'Activity', networkId = closed) => {
    const input = kind === 'Project' ? `{ name: "Hanke ${Math.random()}", networkIds: [$n] }` : `{ name: "Toiminta ${Math.random()}", type: WORKSHOP, networkIds: [$n] }`;
    const data = await ok(`mutation($n: String!) { item: create${kind}(input: ${input}) { id } }`, { n: networkId });
    return data.item.id as string;
  };

  beforeAll(async () => {
    await app.start();
    closed = (await ok('mutation { createNetwork(input: { name: "Suljettu verkosto", visibility: PRIVATE }) { id } }')).createNetwork.id;
    openProject = (await ok('{ projects(networkId: "net-kuusamo", first: 1) { nodes { id } } }')).projects.nodes[0].id;
    as.anonymous = app.as(null);
    as.ADMIN = app;
    emails.ADMIN = ADMIN.email;
    for (const role of ['outsider', 'VIEWER', 'EVALUATOR', 'EDITOR', 'COORDINATOR'] as const) {
      emails[role] = `${role.toLowerCase()}@verkosto.test`;
      await ok('mutation($e: String!, $p: String!) { createUser(input: { email: $e, password: $p, name: "Testi" }) { id } }', { e: emails[role], p: PASSWORD });
      if (role !== 'outsider') {
        await ok('mutation($n: ID!, $e: String!, $r: AccessRole!) { setMembership(networkId: $n, email: $e, role: $r) { role } }', { n: closed, e: emails[role], r: role });
      }
      as[role] = app.as({ token: await app.tokenFor(emails[role], PASSWORD) });
    }
  }, 90_000);
  afterAll(() => app.remove());

  describe('every operation has a rule (default deny)', () => {
    it('schema.graphql has no query or mutation without a line in apps/api/src/auth/rules.ts', () => {
      const missing = (['Query', 'Mutation'] as const).flatMap((type) =>
        operations(type)
          .filter((f) => !ruleFor(type, f.name))
          .map((f) => `${type}.${f.name}`),
      );
      expect(missing).toEqual([]);
    });

    describe.each(['Mutation', 'Query'] as const)('%s', (type) => {
      it.each(operations(type).map((f) => [f.name, f] as const))('%s: refused without a sign-in and to a viewer, as its rule says', async (name, field) => {
        const rule = ruleFor(type, name);
        if (!rule) throw new Error(`${type}.${name} has no access rule: add one line for it in apps/api/src/auth/rules.ts`);
        const { query, variables } = callOf(type === 'Query' ? 'query' : 'mutation', field);
        const anonymous = await codeOf(as.anonymous, query, variables);
        const viewer = await codeOf(as.VIEWER, query, variables);
        if (rule.audience !== 'anyone') expect([name, anonymous]).toEqual([name, 'UNAUTHENTICATED']);
        if (rule.audience === 'restricted') expect([name, viewer]).toEqual([name, 'FORBIDDEN']);
        if (rule.audience === 'signedIn') expect([name, DENIED.includes(String(viewer))]).toEqual([name, false]);
      });
    });
  });

  describe('each role on each kind of operation', () => {
    const editors: Role[] = ['EDITOR', 'COORDINATOR', 'ADMIN'];
    const members: Role[] = ['VIEWER', 'EVALUATOR', ...editors];
    const kinds: { name: string; allowed: Role[]; attempt: (c: GraphQLClient) => Promise<unknown> }[] = [
      {
        name: 'create an activity in the private network',
        allowed: editors,
        attempt: (c) => codeOf(c, 'mutation($n: String!) { createActivity(input: { name: "Uusi toiminta", type: EVENT, networkIds: [$n] }) { id } }', { n: closed }),
      },
      {
        name: 'change a project of the network',
        allowed: editors,
        attempt: async (c) => codeOf(c, 'mutation($id: ID!) { updateProject(id: $id, input: { description: "Muutettu" }) { id } }', { id: await newNetworkItem('Project') }),
      },
      {
        name: 'delete an activity of the network',
        allowed: editors,
        attempt: async (c) => codeOf(c, 'mutation($id: ID!) { deleteActivity(id: $id) { id } }', { id: await newNetworkItem('Activity') }),
      },
      {
        name: 'add an organisation to a project of the network',
        allowed: editors,
        attempt: async (c) => {
          const org = (await ok(`mutation { createOrganisation(input: { name: "Kumppani ${Math.random()}", kind: ASSOCIATION }) { id } }`)).createOrganisation.id;
          return codeOf(c, 'mutation($o: String!, $t: String!) { addParticipation(input: { organisationId: $o, targetId: $t, role: PARTNER }) { id } }', {
            o: org,
            t: await newNetworkItem('Project'),
          });
        },
      },
      {
        name: 'create an organisation',
        allowed: editors,
        attempt: (c) => codeOf(c, `mutation { createOrganisation(input: { name: "Uusi yhdistys ${Math.random()}", kind: ASSOCIATION }) { id } }`),
      },
      {
        name: 'change a project of a public network one has no role in',
        allowed: ['ADMIN'],
        attempt: (c) => codeOf(c, 'mutation($id: ID!) { updateProject(id: $id, input: { outputs: "Raportti" }) { id } }', { id: openProject }),
      },
      {
        name: 'change the network itself',
        allowed: ['COORDINATOR', 'ADMIN'],
        attempt: (c) => codeOf(c, 'mutation($id: ID!) { updateNetwork(id: $id, input: { goal: "Osallisuus" }) { id } }', { id: closed }),
      },
      {
        name: 'give an account a role in the network',
        allowed: ['COORDINATOR', 'ADMIN'],
        attempt: (c) =>
          codeOf(c, 'mutation($n: ID!, $e: String!) { setMembership(networkId: $n, email: $e, role: VIEWER) { role } }', { n: closed, e: emails.outsider }).then(async (code) => {
            const { users } = await ok('{ users { id email } }');
            await ok('mutation($n: ID!, $u: ID!) { removeMembership(networkId: $n, userId: $u) }', { n: closed, u: users.find((u: any) => u.email === emails.outsider).id });
            return code;
          }),
      },
      {
        name: 'create a network',
        allowed: ['COORDINATOR', 'ADMIN'],
        attempt: (c) => codeOf(c, `mutation { createNetwork(input: { name: "Toinen verkosto ${Math.random()}", visibility: PRIVATE }) { id } }`), // names are unique
      },
      {
        name: 'create an account',
        allowed: ['ADMIN'],
        attempt: (c) => codeOf(c, `mutation { createUser(input: { email: "uusi${Math.random()}@verkosto.test", password: "${PASSWORD}" }) { id } }`),
      },
      {
        name: 'create a token of one’s own',
        allowed: ['outsider', ...members],
        attempt: (c) => codeOf(c, 'mutation { createToken(name: "raportit", expiresInDays: 30) { token } }'),
      },
      {
        name: 'read the private network and its map',
        allowed: members,
        attempt: (c) => codeOf(c, 'query($n: ID!) { network(id: $n) { name } networkGraph(networkId: $n) { firstDate } }', { n: closed }),
      },
      {
        name: 'run a report on the private network',
        allowed: ['EVALUATOR', ...editors],
        attempt: (c) => codeOf(c, 'query($n: ID!) { networkMetrics(networkId: $n) { at } }', { n: closed }),
      },
      {
        name: 'read and report on a public network',
        allowed: [...ROLES],
        attempt: (c) => codeOf(c, '{ networkGraph(networkId: "net-kuusamo") { firstDate } networkMetrics(networkId: "net-kuusamo") { at } }'),
      },
    ];

    describe.each(kinds)('$name', (kind) => {
      it.each([...ROLES])('%s', async (role) => {
        const code = await kind.attempt(as[role]);
        if (kind.allowed.includes(role)) expect(code).toBeNull();
        else expect(code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      });
    });
  });

  describe('private networks', () => {
    let secretOrg: string;
    beforeAll(async () => {
      secretOrg = (await ok('mutation { createOrganisation(input: { name: "Salainen Seura ry", kind: ASSOCIATION }) { id } }')).createOrganisation.id;
      await ok('mutation($o: String!, $t: String!) { addParticipation(input: { organisationId: $o, targetId: $t, role: MEMBER }) { id } }', { o: secretOrg, t: closed });
    });

    it('are left out of lists, searches and maps for those outside, with their items', async () => {
      for (const role of ['anonymous', 'outsider'] as const) {
        const data = await as[role].ok('{ networks(first: 200) { nodes { id } } organisations(search: "Salainen Seura") { totalCount } search(text: "Salainen Seura") { id } }');
        expect(data.networks.nodes.map((n: any) => n.id)).not.toContain(closed);
        expect(data.organisations.totalCount).toBe(0);
        expect(data.search).toEqual([]);
      }
      const seen = await as.VIEWER.ok('{ networks(first: 200) { nodes { id } } organisations(search: "Salainen Seura") { totalCount } search(text: "Salainen Seura") { id } }');
      expect(seen.networks.nodes.map((n: any) => n.id)).toContain(closed);
      expect(seen.organisations.totalCount).toBe(1);
      expect(seen.search.map((h: any) => h.id)).toEqual([secretOrg]);
    });

    it('answer UNAUTHENTICATED to the anonymous and FORBIDDEN to outsiders for their items', async () => {
      const query = 'query($id: ID!) { organisation(id: $id) { name } }';
      expect((await as.anonymous.fails(query, { id: secretOrg })).code).toBe('UNAUTHENTICATED');
      expect((await as.outsider.fails(query, { id: secretOrg })).code).toBe('FORBIDDEN');
      expect((await as.VIEWER.ok(query, { id: secretOrg })).organisation.name).toBe('Salainen Seura ry');
    });

    it('do not hide an organisation that also takes part in a public network', async () => {
      await ok('mutation($o: String!) { addParticipation(input: { organisationId: $o, targetId: "net-kuusamo", role: MEMBER }) { id } }', { o: secretOrg });
      const { organisation } = await as.anonymous.ok('query($id: ID!) { organisation(id: $id) { name participations { targetId } } }', { id: secretOrg });
      // Its membership in the private network stays out of sight.
      expect(organisation.participations.map((p: any) => p.targetId)).toEqual(['net-kuusamo']);
    });

    it('keep the export of a private network from those outside', async () => {
      const get = (headers: Record<string, string> = {}) => fetch(`${app.url}/api/export?networkId=${closed}&format=csv`, { headers });
      expect((await get()).status).toBe(401);
      expect((await get(as.outsider.headers())).status).toBe(403);
      expect((await get(as.VIEWER.headers())).status).toBe(403);
      expect((await get(as.EVALUATOR.headers())).status).toBe(200);
    });
  });

  it('makes the coordinator who creates a network its coordinator', async () => {
    const { createNetwork } = await as.COORDINATOR.ok('mutation { createNetwork(input: { name: "Koordinaattorin verkosto" }) { id } }');
    const { me } = await as.COORDINATOR.ok('{ me { memberships { networkId role network { name } } } }');
    expect(me.memberships).toContainEqual({ networkId: createNetwork.id, role: 'COORDINATOR', network: { name: 'Koordinaattorin verkosto' } });
    const { networkMembers } = await as.COORDINATOR.ok('query($n: ID!) { networkMembers(networkId: $n) { role user { email } } }', { n: createNetwork.id });
    expect(networkMembers).toEqual([{ role: 'COORDINATOR', user: { email: emails.COORDINATOR } }]);
  });

  it("shows a coordinator their members' roles only in the networks they coordinate", async () => {
    const other = (await ok('mutation { createNetwork(input: { name: "Muu yksityinen", visibility: PRIVATE }) { id } }')).createNetwork.id;
    await ok('mutation($n: ID!, $e: String!) { setMembership(networkId: $n, email: $e, role: VIEWER) { role } }', { n: other, e: emails.EDITOR });
    const query = 'query($n: ID!) { networkMembers(networkId: $n) { user { email memberships { networkId } } } }';
    const seen = (await as.COORDINATOR.ok(query, { n: closed })).networkMembers.find((m: any) => m.user.email === emails.EDITOR);
    expect(seen.user.memberships).toEqual([{ networkId: closed }]);
    const all = (await ok(query, { n: closed })).networkMembers.find((m: any) => m.user.email === emails.EDITOR);
    expect(all.user.memberships.map((m: any) => m.networkId).sort()).toEqual([closed, other].sort());
  });

  it('never lets the last administrator go', async () => {
    const { me } = await ok('{ me { id } }');
    const error = await app.fails('mutation($id: ID!) { updateUser(id: $id, input: { isAdmin: false }) { id } }', { id: me.id });
    expect(error).toMatchObject({ code: 'CONFLICT' });
  });

  describe('tokens', () => {
    it('are listed without their secret and stop working once revoked', async () => {
      const { createToken } = await as.EDITOR.ok('mutation { createToken(name: "tuontiskripti") { token info { id name expiresAt } } }');
      expect(createToken.token).toMatch(/^vkt_/);
      expect(createToken.info).toMatchObject({ name: 'tuontiskripti', expiresAt: null });
      const script = app.as({ token: createToken.token });
      expect((await script.ok('{ me { email } }')).me.email).toBe(emails.EDITOR);
      const { myTokens } = await as.EDITOR.ok('{ myTokens { id name } }');
      expect(myTokens).toContainEqual({ id: createToken.info.id, name: 'tuontiskripti' });
      expect(JSON.stringify(myTokens)).not.toContain(createToken.token);
      // Nobody else can revoke it.
      expect((await as.COORDINATOR.ok('mutation($id: ID!) { revokeToken(id: $id) }', { id: createToken.info.id })).revokeToken).toBe(false);
      expect((await as.EDITOR.ok('mutation($id: ID!) { revokeToken(id: $id) }', { id: createToken.info.id })).revokeToken).toBe(true);
      const revoked = await script.fails('mutation { createOrganisation(input: { name: "Myöhästynyt ry", kind: ASSOCIATION }) { id } }');
      expect(revoked.code).toBe('UNAUTHENTICATED');
      expect(revoked.message).toMatch(/revoked/);
      expect((await script.ok('{ me { email } }')).me).toBeNull();
    });

    it('refuse a nameless token or an impossible lifetime', async () => {
      expect((await as.EDITOR.fails('mutation { createToken(name: " ") { token } }')).code).toBe('BAD_USER_INPUT');
      expect((await as.EDITOR.fails('mutation { createToken(name: "x", expiresInDays: 0) { token } }')).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('the browser session', () => {
    async function signIn(email: string, password: string) {
      const response = await as.anonymous.post('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { csrfToken token } }', { e: email, p: password });
      const cookies = response.headers.getSetCookie();
      const body = (await response.json()) as any;
      return { cookies, cookie: cookies.map((c) => c.split(';')[0]).join('; '), csrf: body.data.login.csrfToken as string, token: body.data.login.token };
    }

    it('is an httpOnly SameSite=Lax cookie, with a CSRF token the page can read, and no bearer token', async () => {
      const { cookies, csrf, token } = await signIn(emails.EDITOR, PASSWORD);
      const session = cookies.find((c) => c.startsWith('verkosto_session='))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      const csrfCookie = cookies.find((c) => c.startsWith('verkosto_csrf='))!;
      expect(csrfCookie).not.toMatch(/HttpOnly/i);
      expect(csrfCookie.split(';')[0]).toBe(`verkosto_csrf=${csrf}`);
      expect(token).toBeNull();
    });

    it('changes nothing without the CSRF header, or with a wrong one, and works with the right one', async () => {
      const { cookie, csrf } = await signIn(emails.EDITOR, PASSWORD);
      const mutation = 'mutation { createOrganisation(input: { name: "Evästeyhdistys ry", kind: ASSOCIATION }) { id } }';
      const without = await app.as({ cookie }).fails(mutation);
      expect(without.code).toBe('UNAUTHENTICATED');
      expect(without.message).toMatch(/CSRF/);
      expect((await app.as({ cookie, csrf: `${csrf}x` }).fails(mutation)).code).toBe('UNAUTHENTICATED');
      expect((await ok('{ organisations(search: "Evästeyhdistys") { totalCount } }')).organisations.totalCount).toBe(0);
      await app.as({ cookie, csrf }).ok(mutation);
      expect((await app.as({ cookie, csrf }).ok('{ me { email } }')).me.email).toBe(emails.EDITOR);
    });

    it('ends with logout', async () => {
      const { cookie, csrf } = await signIn(emails.VIEWER, PASSWORD);
      const browser = app.as({ cookie, csrf });
      expect((await browser.ok('mutation { logout }')).logout).toBe(true);
      expect((await browser.ok('{ me { email } }')).me).toBeNull();
    });

    it('ends the other sessions when the password changes', async () => {
      await ok(`mutation { createUser(input: { email: "vaihtaja@verkosto.test", password: "${PASSWORD}" }) { id } }`);
      const first = await signIn('vaihtaja@verkosto.test', PASSWORD);
      const second = await signIn('vaihtaja@verkosto.test', PASSWORD);
      const wrong = await app.as(second).fails('mutation { changePassword(currentPassword: "väärä-salasana", newPassword: "uusi-salasana-1") }');
      expect(wrong.code).toBe('BAD_USER_INPUT');
      await app.as(second).ok('mutation { changePassword(currentPassword: "salasana-12345", newPassword: "uusi-salasana-1") }');
      expect((await app.as(first).ok('{ me { email } }')).me).toBeNull();
      expect((await app.as(second).ok('{ me { email } }')).me.email).toBe('vaihtaja@verkosto.test');
      expect((await as.anonymous.fails('mutation { login(email: "vaihtaja@verkosto.test", password: "salasana-12345") { csrfToken } }')).code).toBe('UNAUTHENTICATED');
    });
  });
});

// The first start (set-up code) and sign-in throttling: first-start.e2e-spec.ts.
