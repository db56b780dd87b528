/**
 * The first start and signing in, over real HTTP (issue 12): the set-up code a Verkosto without
 * accounts asks of callers on other machines, and throttling that slows guessing without letting a
 * stranger lock the owner out. The app believes one proxy (TRUST_PROXY=1), so X-Forwarded-For
 * stands for callers on other machines, as behind a real reverse proxy.
 */
import { TestApp, type Credentials, type GraphQLClient } from './support/app';

jest.setTimeout(60_000);

const OWNER = { email: 'eka@verkosto.test', password: 'ensimmäinen-salasana' };
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p, tokenName: "e2e") { token } }';
const CREATE = 'mutation($e: String!, $p: String!, $c: String) { createFirstAdmin(email: $e, password: $p, name: "Eka", setupCode: $c) { csrfToken user { email isAdmin } } }';

describe('first start and sign-in throttling', () => {
  const app = new TestApp();
  beforeAll(() => app.start({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '', TRUST_PROXY: '1' }), 60_000);
  afterAll(() => app.remove());

  const from = (address: string, credentials: Credentials = {}): GraphQLClient => app.as({ ...credentials, forwardedFor: address });
  const login = (address: string, email: string, password: string) => from(address).gql(LOGIN, { e: email, p: password });
  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code ?? null;

  let session: Credentials;

  describe('the set-up code', () => {
    it('is printed at start, and asked of another machine for the first administrator and for a restore', async () => {
      const remote = from('203.0.113.5');
      expect(await remote.ok('{ needsFirstAdmin setupCodeRequired }')).toEqual({ needsFirstAdmin: true, setupCodeRequired: true });
      expect((await app.as(null).ok('{ setupCodeRequired }')).setupCodeRequired).toBe(false); // on this machine
      const code = app.setupCode();

      const without = await remote.fails(CREATE, { e: OWNER.email, p: OWNER.password });
      expect(without.code).toBe('SETUP_CODE_REQUIRED');
      expect(without.message).toMatch(/set-up code that Verkosto printed in its log/);
      expect((await remote.fails(CREATE, { e: OWNER.email, p: OWNER.password, c: 'ABCD-EFGH-JKMN' })).code).toBe('SETUP_CODE_REQUIRED');
      const restore = await fetch(`${app.url}/api/restore`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'x-forwarded-for': '203.0.113.5' }, body: 'x\n' });
      expect(restore.status).toBe(403);
      expect(((await restore.json()) as { code: string }).code).toBe('SETUP_CODE_REQUIRED');
      expect((await remote.ok('{ needsFirstAdmin }')).needsFirstAdmin).toBe(true);

      // Typed by hand: case and spacing do not matter.
      const response = await remote.post(CREATE, { e: OWNER.email, p: OWNER.password, c: ` ${code.toLowerCase()} ` });
      const created = (await response.json()) as { data: { createFirstAdmin: { csrfToken: string; user: unknown } } };
      expect(created.data.createFirstAdmin.user).toEqual({ email: OWNER.email, isAdmin: true });
      session = {
        cookie: response.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
        csrf: created.data.createFirstAdmin.csrfToken,
      };
    });

    it('works once: then Verkosto has its administrator, and asks for no code any more', async () => {
      const remote = from('203.0.113.5');
      expect((await remote.fails(CREATE, { e: 'toka@verkosto.test', p: 'toinen-salasana', c: app.setupCode() })).code).toBe('CONFLICT');
      expect((await app.as(null).fails(CREATE, { e: 'toka@verkosto.test', p: 'toinen-salasana' })).code).toBe('CONFLICT');
      expect(await remote.ok('{ needsFirstAdmin setupCodeRequired }')).toEqual({ needsFirstAdmin: false, setupCodeRequired: false });
    });
  });

  describe('throttling', () => {
    const OWN_ADDRESS = '198.51.100.7';
    beforeAll(async () => {
      // The owner has signed in from their own address before.
      expect(codeOf(await login(OWN_ADDRESS, OWNER.email, OWNER.password))).toBeNull();
    });

    it('slows a guesser down after three failures, saying in seconds when to try again', async () => {
      for (let i = 0; i < 3; i++) expect(codeOf(await login('203.0.113.66', OWNER.email, `arvaus-${i}-xxxxx`))).toBe('UNAUTHENTICATED');
      const slowed = (await login('203.0.113.66', OWNER.email, 'arvaus-3-xxxxx')).errors?.[0];
      expect(slowed?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 });
      expect(slowed?.message).toMatch(/try again in 1 s/);
      // After the wait one more guess is allowed, and the next wait is twice as long.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(codeOf(await login('203.0.113.66', OWNER.email, 'arvaus-4-xxxxx'))).toBe('UNAUTHENTICATED');
      expect((await login('203.0.113.66', OWNER.email, 'arvaus-5-xxxxx')).errors?.[0].extensions?.retryAfterSeconds).toBe(2);
    });

    it("does not lock the owner out: strangers' failures from many addresses leave their address, session and tokens working", async () => {
      for (let a = 1; a <= 15; a++) {
        for (let i = 0; i < 3; i++) await login(`203.0.113.${100 + a}`, OWNER.email, `arvaus-${a}-${i}-xxxxx`);
      }
      expect(codeOf(await login(OWN_ADDRESS, OWNER.email, OWNER.password))).toBeNull();
      expect((await from('203.0.113.9', session).ok('{ me { email } }')).me.email).toBe(OWNER.email);
      // From an address new to the account the owner waits a minute at most, never a quarter of an hour.
      const elsewhere = (await login('192.0.2.200', OWNER.email, OWNER.password)).errors?.[0];
      expect(elsewhere?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(elsewhere?.extensions?.retryAfterSeconds as number).toBeLessThanOrEqual(60);
    });

    it('slows one address trying many accounts, for a minute at most, but not an account that signed in there before', async () => {
      const office = '198.51.100.20';
      await from(OWN_ADDRESS, session).ok('mutation { createUser(input: { email: "kollega@verkosto.test", password: "kollegan-salasana" }) { id } }');
      expect(codeOf(await login(office, 'kollega@verkosto.test', 'kollegan-salasana'))).toBeNull();
      for (let i = 0; i < 20; i++) expect(codeOf(await login(office, `kokeilu${i}@verkosto.test`, 'väärä-salasana'))).toBe('UNAUTHENTICATED');
      const sprayed = (await login(office, 'kolmas@verkosto.test', 'väärä-salasana')).errors?.[0];
      expect(sprayed?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(sprayed?.extensions?.retryAfterSeconds as number).toBeLessThanOrEqual(60);
      expect(codeOf(await login(office, 'kollega@verkosto.test', 'kollegan-salasana'))).toBeNull();
    });

    it('throttles changePassword: a wrong current password counts as a failed sign-in', async () => {
      const thief = from('203.0.113.77', { token: (await login('203.0.113.77', 'kollega@verkosto.test', 'kollegan-salasana')).data!.login.token });
      const change = (current: string) => thief.gql('mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "varastettu-salasana") }', { c: current });
      for (let i = 0; i < 3; i++) expect(codeOf(await change(`arvaus-${i}-xxxxx`))).toBe('BAD_USER_INPUT');
      const slowed = (await change('kollegan-salasana')).errors?.[0];
      expect(slowed?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 });
      expect(codeOf(await login('198.51.100.20', 'kollega@verkosto.test', 'kollegan-salasana'))).toBeNull();
    });
  });
});
