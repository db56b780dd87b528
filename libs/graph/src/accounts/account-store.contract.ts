/** The account store contract, on every engine available (contract.fixture.ts), each on an empty database. */
import { randomBytes } from 'node:crypto';
import { DomainError, SYSTEM_ACTOR, type DomainErrorCode } from '@verkosto/domain';
import type { GraphStore } from '../graph-store';
import { legs, tempDir } from '../contract.fixture';
import { openDatabase } from '../open-store';
import type { AccountStore } from './account-store';

jest.setTimeout(60_000);

const tag = () => randomBytes(4).toString('hex');
const email = () => `ihminen-${tag()}@example.fi`;

async function failsWith(promise: Promise<unknown>, code: DomainErrorCode, words?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (words) expect((error as DomainError).message).toMatch(words);
}

describe.each(legs)('AccountStore contract on $name', (leg) => {
  let accounts: AccountStore;
  let graph: GraphStore;

  beforeAll(async () => {
    ({ accounts, graph } = await openDatabase(await leg.config(tempDir())));
  });
  afterAll(() => graph?.close());

  const user = (isAdmin = false) => accounts.createUser({ email: email(), name: 'Testi Ihminen', passwordHash: 'hash', isAdmin });

  describe('accounts', () => {
    it('creates the first administrator once, and only while there are no accounts', async () => {
      expect(await accounts.countUsers()).toBe(0);
      const first = await accounts.createUser({ email: ' Pää.Käyttäjä@Example.FI ', passwordHash: 'h', isAdmin: true }, { onlyIfFirst: true });
      expect(first).toMatchObject({ email: 'pää.käyttäjä@example.fi', isAdmin: true, name: null, lastLoginAt: null });
      await failsWith(accounts.createUser({ email: email(), passwordHash: 'h', isAdmin: true }, { onlyIfFirst: true }), 'CONFLICT', /already has an administrator/);
      expect(await accounts.countUsers()).toBe(1);
    });

    it('keeps one account per email, whatever its case', async () => {
      const a = await user();
      await failsWith(accounts.createUser({ email: a.email.toUpperCase(), passwordHash: 'h', isAdmin: false }), 'CONFLICT', /exists already/);
      const b = await user();
      await failsWith(accounts.updateUser(b.id, { email: a.email }), 'CONFLICT');
    });

    it('refuses a malformed email', () => failsWith(accounts.createUser({ email: 'ei-osoite', passwordHash: 'h', isAdmin: false }), 'BAD_USER_INPUT', /email/));

    it('finds the login by email with its hash, and records the sign-in', async () => {
      const a = await user();
      const login = await accounts.findLogin(a.email.toUpperCase());
      expect(login).toEqual({ user: a, passwordHash: 'hash' });
      await accounts.recordLogin(a.id);
      expect((await accounts.getUser(a.id))?.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      await accounts.setPasswordHash(a.id, 'uusi');
      expect((await accounts.findLogin(a.email))?.passwordHash).toBe('uusi');
      expect(await accounts.findLogin(`ei-${a.email}`)).toBeNull();
    });

    it('updates name and administrator flag, and never removes the last administrator', async () => {
      const a = await user();
      const updated = await accounts.updateUser(a.id, { name: 'Uusi Nimi', isAdmin: true });
      expect(updated).toMatchObject({ name: 'Uusi Nimi', isAdmin: true, email: a.email });
      expect((await accounts.listUsers()).map((u) => u.id)).toContain(a.id);
      // Two administrators now (the first one and a): one may go, then the other is the last.
      const admins = (await accounts.listUsers()).filter((u) => u.isAdmin);
      expect(admins).toHaveLength(2);
      await accounts.updateUser(admins[0].id, { isAdmin: false });
      await failsWith(accounts.updateUser(admins[1].id, { isAdmin: false }), 'CONFLICT', /last administrator/);
      await failsWith(accounts.deleteUser(admins[1].id), 'CONFLICT', /last administrator/);
      await accounts.updateUser(admins[0].id, { isAdmin: true });
      await failsWith(accounts.updateUser('usr-ei-ole', { name: 'x' }), 'NOT_FOUND');
    });
  });

  describe('memberships', () => {
    it('gives one role per network, replaces it, removes it, and goes with the network', async () => {
      const a = await user();
      const net = await graph.createNetwork({ name: `Verkosto ${tag()}` }, SYSTEM_ACTOR);
      const other = await graph.createNetwork({ name: `Verkosto ${tag()}`, visibility: 'PRIVATE' }, SYSTEM_ACTOR);
      await accounts.setMembership(net.id, a.id, 'VIEWER');
      await accounts.setMembership(net.id, a.id, 'EDITOR');
      await accounts.setMembership(other.id, a.id, 'COORDINATOR');
      expect(await accounts.memberships(a.id)).toEqual(
        [
          { networkId: net.id, role: 'EDITOR' },
          { networkId: other.id, role: 'COORDINATOR' },
        ].sort((x, y) => x.networkId.localeCompare(y.networkId)),
      );
      expect(await accounts.networkMembers(net.id)).toEqual([{ user: a, role: 'EDITOR' }]);
      expect(await accounts.removeMembership(net.id, a.id)).toBe(true);
      expect(await accounts.removeMembership(net.id, a.id)).toBe(false);
      await graph.deleteNetwork(other.id, SYSTEM_ACTOR);
      expect(await accounts.memberships(a.id)).toEqual([]);
    });

    it('refuses an unknown network, account or role', async () => {
      const a = await user();
      const net = await graph.createNetwork({ name: `Verkosto ${tag()}` }, SYSTEM_ACTOR);
      await failsWith(accounts.setMembership('net-ei-ole', a.id, 'VIEWER'), 'NOT_FOUND', /Network/);
      await failsWith(accounts.setMembership(net.id, 'usr-ei-ole', 'VIEWER'), 'NOT_FOUND', /Account/);
      await failsWith(accounts.setMembership(net.id, a.id, 'OWNER' as never), 'BAD_USER_INPUT');
      expect(await accounts.memberships(a.id)).toEqual([]);
    });
  });

  describe('tokens', () => {
    it('finds a live token with its account and memberships, lists and revokes only its own', async () => {
      const a = await user();
      const b = await user();
      const net = await graph.createNetwork({ name: `Verkosto ${tag()}` }, SYSTEM_ACTOR);
      await accounts.setMembership(net.id, a.id, 'EVALUATOR');
      const hash = `h-${tag()}`;
      const info = await accounts.createToken({ hash, userId: a.id, kind: 'API', name: 'raportit', expiresAt: null });
      await accounts.createToken({ hash: `h-${tag()}`, userId: a.id, kind: 'SESSION', name: 'selain', expiresAt: '2999-01-01T00:00:00.000Z' });
      const found = await accounts.findCredential(hash);
      expect(found).toEqual({ user: a, token: info, memberships: [{ networkId: net.id, role: 'EVALUATOR' }] });
      await accounts.touchToken(hash);
      const [listed] = await accounts.listTokens(a.id, 'API');
      expect(listed).toMatchObject({ id: info.id, name: 'raportit', lastUsedAt: expect.stringMatching(/^\d{4}-/) });
      expect(await accounts.listTokens(a.id, 'SESSION')).toHaveLength(1);
      expect(await accounts.revokeToken(b.id, info.id)).toBe(false);
      expect(await accounts.findCredential(hash)).not.toBeNull();
      expect(await accounts.revokeToken(a.id, info.id)).toBe(true);
      expect(await accounts.findCredential(hash)).toBeNull();
    });

    it('treats an expired token as gone, and sweeps expired ones', async () => {
      const a = await user();
      const hash = `h-${tag()}`;
      await accounts.createToken({ hash, userId: a.id, kind: 'SESSION', name: 'vanha', expiresAt: '2000-01-01T00:00:00.000Z' });
      const other = `h-${tag()}`;
      await accounts.createToken({ hash: other, userId: a.id, kind: 'API', name: 'vanha', expiresAt: '2000-01-01T00:00:00.000Z' });
      expect(await accounts.findCredential(hash)).toBeNull();
      expect(await accounts.listTokens(a.id, 'SESSION')).toEqual([]);
      await accounts.deleteExpiredTokens();
      expect(await accounts.listTokens(a.id, 'API')).toEqual([]);
    });

    it('deletes the tokens of a deleted account', async () => {
      const a = await user();
      const hash = `h-${tag()}`;
      await accounts.createToken({ hash, userId: a.id, kind: 'API', name: 'x', expiresAt: null });
      await accounts.deleteUser(a.id);
      expect(await accounts.getUser(a.id)).toBeNull();
      expect(await accounts.findCredential(hash)).toBeNull();
    });
  });

  describe('what rights depend on', () => {
    it('knows the networks of a project, an activity under it and an organisation taking part', async () => {
      const open = await graph.createNetwork({ name: `Avoin ${tag()}` }, SYSTEM_ACTOR);
      const closed = await graph.createNetwork({ name: `Suljettu ${tag()}`, visibility: 'PRIVATE' }, SYSTEM_ACTOR);
      const project = await graph.createProject({ name: `Hanke ${tag()}`, networkIds: [closed.id] }, SYSTEM_ACTOR);
      const activity = await graph.createActivity({ name: `Toiminta ${tag()}`, type: 'WORKSHOP', projectId: project.id, networkIds: [open.id] }, SYSTEM_ACTOR);
      const org = await graph.createOrganisation({ name: `Yhdistys ${tag()}`, kind: 'ASSOCIATION' }, SYSTEM_ACTOR);
      const loner = await graph.createOrganisation({ name: `Yksin ${tag()}`, kind: 'ASSOCIATION' }, SYSTEM_ACTOR);
      const part = await graph.addParticipation({ organisationId: org.id, targetId: activity.id, role: 'ORGANISER' }, SYSTEM_ACTOR);

      const pairs = await accounts.networksOfItems([project.id, activity.id, org.id, loner.id, closed.id]);
      const of = (id: string) => [...new Set(pairs.filter((p) => p.item === id).map((p) => p.networkId))].sort();
      expect(of(project.id)).toEqual([closed.id]);
      expect(of(activity.id)).toEqual([open.id, closed.id].sort());
      expect(of(org.id)).toEqual([open.id, closed.id].sort());
      expect(of(loner.id)).toEqual([]);
      expect(of(closed.id)).toEqual([closed.id]);
      expect(pairs.find((p) => p.networkId === closed.id)).toMatchObject({ visibility: 'PRIVATE', networkName: closed.name });

      const inClosed = new Set((await accounts.itemsOfNetworks([closed.id])).map((p) => p.item));
      expect([...inClosed].sort()).toEqual([closed.id, project.id, activity.id, org.id].sort());
      expect(await accounts.privateNetworkIds()).toContain(closed.id);
      expect(await accounts.privateNetworkIds()).not.toContain(open.id);
      expect(await accounts.directNetworkIds(activity.id)).toEqual([open.id]);
      expect(await accounts.directNetworkIds(project.id)).toEqual([closed.id]);
      expect(await accounts.directNetworkIds(org.id)).toEqual([]);
      expect(await accounts.participationTarget(part.id)).toBe(activity.id);
      expect(await accounts.participationTarget('par-ei-ole')).toBeNull();
      expect(await accounts.networksOfItems([])).toEqual([]);
    });
  });
});
