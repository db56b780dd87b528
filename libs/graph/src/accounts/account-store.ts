import { randomBytes } from 'node:crypto';
import {
  ACCESS_ROLES,
  checkPersonName,
  conflict,
  normaliseEmail,
  notFound,
  requireOneOf,
  type AccessRole,
  type Membership,
  type TokenInfo,
  type TokenKind,
  type User,
  type Visibility,
} from '@verkosto/domain';
import type { StorageEngine, EngineTx, Row } from '../engine/engine';
import { str } from '../store/rows';
import type { AccountQueries } from './account-queries';

export interface NewUser {
  email: string;
  name?: string | null;
  /** Already hashed: the store never sees a password. */
  passwordHash: string;
  isAdmin: boolean;
}

export interface UserPatch {
  email?: string | null;
  name?: string | null;
  isAdmin?: boolean | null;
}

export interface NewToken {
  /** Hash of the secret; the secret itself is never stored. */
  hash: string;
  userId: string;
  kind: TokenKind;
  name: string;
  expiresAt: string | null;
}

/** The account behind a presented token, with the token and the account's memberships. */
export interface Credential {
  user: User;
  token: TokenInfo;
  memberships: Membership[];
}

/** A network an item belongs to, as rights need it. */
export interface ItemNetwork {
  item: string;
  networkId: string;
  networkName: string;
  visibility: Visibility;
}

/**
 * Accounts, network memberships and tokens, in the same database as the graph and through the
 * same engine (one transaction per write). Also the few graph look-ups that rights depend on:
 * which networks an item belongs to, and which networks are private.
 */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** With `onlyIfFirst`, refuses (CONFLICT) once any account exists; checked inside the write. */
  createUser(input: NewUser, options?: { onlyIfFirst?: boolean }): Promise<User>;
  getUser(id: string): Promise<User | null>;
  findLogin(email: string): Promise<{ user: User; passwordHash: string } | null>;
  listUsers(): Promise<User[]>;
  updateUser(id: string, patch: UserPatch): Promise<User>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  recordLogin(id: string): Promise<void>;
  /** Refuses to delete the last administrator. Its tokens go with it. */
  deleteUser(id: string): Promise<void>;

  memberships(userId: string): Promise<Membership[]>;
  networkMembers(networkId: string): Promise<{ user: User; role: AccessRole }[]>;
  setMembership(networkId: string, userId: string, role: AccessRole): Promise<Membership>;
  removeMembership(networkId: string, userId: string): Promise<boolean>;

  createToken(token: NewToken): Promise<TokenInfo>;
  /** The live credential for a token hash; an expired one is deleted and gives null. */
  findCredential(hash: string): Promise<Credential | null>;
  listTokens(userId: string, kind: TokenKind): Promise<TokenInfo[]>;
  /** Deletes a token of this user by its public id; false when there is none. */
  revokeToken(userId: string, tokenId: string): Promise<boolean>;
  deleteToken(hash: string): Promise<void>;
  touchToken(hash: string): Promise<void>;
  deleteExpiredTokens(): Promise<void>;

  privateNetworkIds(): Promise<string[]>;
  networksOfItems(ids: string[]): Promise<ItemNetwork[]>;
  itemsOfNetworks(networkIds: string[]): Promise<ItemNetwork[]>;
  /** The networks a project or activity is placed in itself (not through its project). */
  directNetworkIds(itemId: string): Promise<string[]>;
  /** The project, activity or network a participation is in. */
  participationTarget(participationId: string): Promise<string | null>;
}

const now = () => new Date().toISOString();
const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

export class EngineAccountStore implements AccountStore {
  readonly q: AccountQueries;

  constructor(private readonly db: StorageEngine) {
    this.q = db.accountQueries;
  }

  // ── accounts ───────────────────────────────────────────────────────────────────────────────

  async countUsers(): Promise<number> {
    const [row] = await this.db.read(this.q.user.count);
    return Number(row.n);
  }

  async createUser(input: NewUser, options: { onlyIfFirst?: boolean } = {}): Promise<User> {
    const email = normaliseEmail(input.email);
    const name = checkPersonName(input.name);
    return this.db.write(async (tx) => {
      if (options.onlyIfFirst) {
        const [count] = await tx.run(this.q.user.count);
        if (Number(count.n) > 0) throw conflict('Verkosto already has an administrator: sign in instead.');
      }
      await this.refuseTakenEmail(tx, email, null);
      const id = newId('usr');
      await tx.run(this.q.user.create, { id, email, name, passwordHash: input.passwordHash, isAdmin: input.isAdmin, now: now() });
      return this.mustGetUser(tx, id);
    });
  }

  async getUser(id: string): Promise<User | null> {
    const [row] = await this.db.read(this.q.user.get, { id });
    return row ? toUser(row) : null;
  }

  async findLogin(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const [row] = await this.db.read(this.q.user.byEmail, { email: email.trim().toLowerCase() });
    return row ? { user: toUser(row), passwordHash: String(row.passwordHash) } : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.db.read(this.q.user.list)).map(toUser);
  }

  async updateUser(id: string, patch: UserPatch): Promise<User> {
    return this.db.write(async (tx) => {
      const current = await this.mustGetUser(tx, id);
      const email = patch.email ? normaliseEmail(patch.email) : current.email;
      const name = patch.name === undefined ? current.name : checkPersonName(patch.name);
      const isAdmin = patch.isAdmin ?? current.isAdmin;
      if (email !== current.email) await this.refuseTakenEmail(tx, email, id);
      if (current.isAdmin && !isAdmin) await this.refuseLastAdmin(tx);
      await tx.run(this.q.user.update, { id, email, name, isAdmin, now: now() });
      return this.mustGetUser(tx, id);
    });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.write(async (tx) => {
      await this.mustGetUser(tx, id);
      await tx.run(this.q.user.setPassword, { id, passwordHash, now: now() });
    });
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.write((tx) => tx.run(this.q.user.recordLogin, { id, now: now() }));
  }

  async deleteUser(id: string): Promise<void> {
    await this.db.write(async (tx) => {
      const user = await this.mustGetUser(tx, id);
      if (user.isAdmin) await this.refuseLastAdmin(tx);
      await tx.run(this.q.token.deleteOfUser, { user: id });
      await tx.run(this.q.user.delete, { id });
    });
  }

  private async mustGetUser(tx: EngineTx, id: string): Promise<User> {
    const [row] = await tx.run(this.q.user.get, { id });
    if (!row) throw notFound('Account', id);
    return toUser(row);
  }

  private async refuseTakenEmail(tx: EngineTx, email: string, selfId: string | null) {
    const [other] = await tx.run(this.q.user.byEmail, { email });
    if (other && other.id !== selfId) throw conflict(`An account with the email ${email} exists already.`, { field: 'email' });
  }

  private async refuseLastAdmin(tx: EngineTx) {
    const [admins] = await tx.run(this.q.user.countAdmins);
    if (Number(admins.n) <= 1) throw conflict('This is the last administrator: make another account an administrator first.');
  }

  // ── memberships ────────────────────────────────────────────────────────────────────────────

  async memberships(userId: string): Promise<Membership[]> {
    return (await this.db.read(this.q.membership.ofUser, { id: userId })).map(toMembership);
  }

  async networkMembers(networkId: string): Promise<{ user: User; role: AccessRole }[]> {
    return (await this.db.read(this.q.membership.ofNetwork, { network: networkId })).map((r) => ({
      user: toUser(r),
      role: r.role as AccessRole,
    }));
  }

  async setMembership(networkId: string, userId: string, role: AccessRole): Promise<Membership> {
    requireOneOf(role, ACCESS_ROLES, 'role');
    return this.db.write(async (tx) => {
      await this.mustGetUser(tx, userId);
      await tx.run(this.q.membership.remove, { user: userId, network: networkId });
      const rows = await tx.run(this.q.membership.add, { user: userId, network: networkId, role, now: now() });
      if (rows.length === 0) throw notFound('Network', networkId);
      return { networkId, role };
    });
  }

  async removeMembership(networkId: string, userId: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const before = (await tx.run(this.q.membership.ofUser, { id: userId })).some((r) => r.networkId === networkId);
      if (before) await tx.run(this.q.membership.remove, { user: userId, network: networkId });
      return before;
    });
  }

  // ── tokens ─────────────────────────────────────────────────────────────────────────────────

  async createToken(token: NewToken): Promise<TokenInfo> {
    const id = newId('tok');
    const createdAt = now();
    await this.db.write(async (tx) => {
      await this.mustGetUser(tx, token.userId);
      const values = { ...token, user: token.userId, id, now: createdAt };
      await tx.run(this.q.token.create, values);
      await tx.run(this.q.token.hold, values);
    });
    return { id, kind: token.kind, name: token.name, createdAt, expiresAt: token.expiresAt, lastUsedAt: null };
  }

  async findCredential(hash: string): Promise<Credential | null> {
    const [row] = await this.db.read(this.q.token.find, { hash });
    if (!row) return null;
    const token = toToken(row);
    if (token.expiresAt && token.expiresAt <= now()) {
      await this.deleteToken(hash);
      return null;
    }
    return { user: toUser(row), token, memberships: await this.memberships(String(row.id)) };
  }

  async listTokens(userId: string, kind: TokenKind): Promise<TokenInfo[]> {
    return (await this.db.read(this.q.token.ofUser, { user: userId, kind })).map(toToken);
  }

  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [row] = await tx.run(this.q.token.byId, { id: tokenId });
      if (!row || row.userId !== userId) return false;
      await tx.run(this.q.token.delete, { hash: row.hash });
      return true;
    });
  }

  async deleteToken(hash: string): Promise<void> {
    await this.db.write((tx) => tx.run(this.q.token.delete, { hash }));
  }

  async touchToken(hash: string): Promise<void> {
    await this.db.write((tx) => tx.run(this.q.token.touch, { hash, now: now() }));
  }

  async deleteExpiredTokens(): Promise<void> {
    await this.db.write((tx) => tx.run(this.q.token.deleteExpired, { now: now() }));
  }

  // ── what rights depend on ──────────────────────────────────────────────────────────────────

  async privateNetworkIds(): Promise<string[]> {
    return (await this.db.read(this.q.access.privateNetworks)).map((r) => String(r.id));
  }

  async networksOfItems(ids: string[]): Promise<ItemNetwork[]> {
    if (ids.length === 0) return [];
    const [networks, items] = await Promise.all([this.db.read(this.q.access.networks, { ids }), this.db.read(this.q.access.networksOfItems, { ids })]);
    return [...networks.map((r) => toItemNetwork({ ...r, item: r.network })), ...items.map(toItemNetwork)];
  }

  async itemsOfNetworks(networkIds: string[]): Promise<ItemNetwork[]> {
    if (networkIds.length === 0) return [];
    const [networks, items] = await Promise.all([this.db.read(this.q.access.networks, { ids: networkIds }), this.db.read(this.q.access.itemsOfNetworks, { networks: networkIds })]);
    return [...networks.map((r) => toItemNetwork({ ...r, item: r.network })), ...items.map(toItemNetwork)];
  }

  async directNetworkIds(itemId: string): Promise<string[]> {
    return (await this.db.read(this.q.access.directNetworks, { id: itemId })).map((r) => String(r.id)).sort();
  }

  async participationTarget(participationId: string): Promise<string | null> {
    const [row] = await this.db.read(this.q.access.participationTarget, { id: participationId });
    return row ? String(row.id) : null;
  }
}

function toUser(row: Row): User {
  return {
    id: String(row.id),
    email: String(row.email),
    name: str(row.name),
    isAdmin: row.isAdmin === true,
    createdAt: String(row.createdAt),
    lastLoginAt: str(row.lastLoginAt),
  };
}

function toMembership(row: Row): Membership {
  return { networkId: String(row.networkId), role: row.role as AccessRole };
}

function toToken(row: Row): TokenInfo {
  return {
    id: String(row.tokenId),
    kind: row.kind as TokenKind,
    name: String(row.tokenName),
    createdAt: String(row.tokenCreatedAt),
    expiresAt: str(row.expiresAt),
    lastUsedAt: str(row.lastUsedAt),
  };
}

function toItemNetwork(row: Row): ItemNetwork {
  return {
    item: String(row.item),
    networkId: String(row.network),
    networkName: String(row.networkName),
    visibility: (row.visibility ?? 'PUBLIC') as Visibility,
  };
}
