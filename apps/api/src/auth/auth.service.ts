import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { badInput, checkPassword, conflict, normaliseEmail, tooManyRequests, unauthenticated, type TokenInfo, type User } from '@verkosto/domain';
import type { AccountStore } from '@verkosto/graph';
import type { Request } from 'express';
import { ACCOUNT_STORE } from '../common/store.module';
import { APP_CONFIG, type AppConfig } from '../config';
import { SESSION_COOKIE, SESSION_DAYS, clearSessionCookies, readCookie, setSessionCookies } from './cookies';
import { clientAddress } from './client-address';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { csrfTokenOf, hashSecret, newSecret } from './secrets';
import { SetupCode } from './setup-code';

export interface LoginResult {
  user: User;
  /** For the page: the CSRF token of the new session (also in its cookie). */
  csrfToken: string | null;
  /** For scripts that asked for one: the bearer token, shown this once. */
  token: string | null;
}

const DAY_MS = 24 * 3600 * 1000;
export const TOKEN_MAX_DAYS = 3650;

/** Signing in and out, first start, passwords and tokens. Rights live in RequestAccess. */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Accounts');
  private readonly throttle = new LoginThrottle();

  constructor(
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly setup: SetupCode,
  ) {}

  /**
   * ADMIN_EMAIL and ADMIN_PASSWORD create the first administrator while there are no accounts;
   * without them the log shows the set-up code that the first administrator is created with.
   */
  async onModuleInit(): Promise<void> {
    await this.accounts.deleteExpiredTokens();
    await this.createConfiguredAdmin();
    await this.setup.announce();
  }

  private async createConfiguredAdmin(): Promise<void> {
    const { admin } = this.config;
    if (!admin) return;
    if ((await this.accounts.countUsers()) > 0) {
      this.logger.log('ADMIN_EMAIL is set, but accounts exist already: it is left alone.');
      return;
    }
    await this.accounts.createUser({ email: admin.email, passwordHash: await hashPassword(admin.password), isAdmin: true }, { onlyIfFirst: true });
    this.logger.log(`Created the administrator ${admin.email}.`);
  }

  needsFirstAdmin(): Promise<boolean> {
    return this.setup.settingUp();
  }

  /** From another machine only with the set-up code of the log (SetupCode); once only. */
  async createFirstAdmin(req: Request, input: { email: string; password: string; name?: string | null; setupCode?: string | null }): Promise<LoginResult> {
    const password = checkPassword(input.password);
    if (!(await this.needsFirstAdmin())) throw conflict('Verkosto already has an administrator: sign in instead.');
    this.setup.check(req, input.setupCode);
    const user = await this.accounts.createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(password), isAdmin: true }, { onlyIfFirst: true });
    await this.setup.spend();
    this.logger.log(`Created the first administrator ${user.email} from the web app.`);
    return this.startSession(req, user);
  }

  /** Throttled (LoginThrottle); the same answer whether the email exists or not. */
  async login(req: Request, emailText: string, password: string, tokenName?: string | null): Promise<LoginResult> {
    const email = emailText.trim().toLowerCase();
    const address = clientAddress(req);
    this.refuseWhileThrottled(email, address);
    const found = await this.accounts.findLogin(email);
    if (!(await verifyPassword(found?.passwordHash ?? null, password)) || !found) {
      this.throttle.failed(email, address);
      this.logger.warn(`Failed sign-in for ${email} from ${address}.`);
      throw unauthenticated('Wrong email or password.');
    }
    this.throttle.succeeded(email, address);
    await this.accounts.recordLogin(found.user.id);
    if (tokenName !== undefined && tokenName !== null) {
      const { token } = await this.createToken(found.user.id, tokenName, null);
      return { user: found.user, csrfToken: null, token };
    }
    return this.startSession(req, found.user);
  }

  async logout(req: Request): Promise<boolean> {
    const session = readCookie(req, SESSION_COOKIE);
    if (session) await this.accounts.deleteToken(hashSecret(session));
    if (req.res) clearSessionCookies(req.res, this.config.production);
    return !!session;
  }

  /**
   * Ends the account's other browser sessions, so a changed password locks out whoever knew the
   * old one. A wrong current password counts as a failed sign-in: a stolen session cannot guess it.
   */
  async changePassword(req: Request, userId: string, currentTokenId: string, current: string, next: string): Promise<boolean> {
    const password = checkPassword(next, 'newPassword');
    const user = await this.accounts.getUser(userId);
    const login = user ? await this.accounts.findLogin(user.email) : null;
    const address = clientAddress(req);
    if (user) this.refuseWhileThrottled(user.email, address);
    if (!login || !(await verifyPassword(login.passwordHash, current))) {
      if (user) this.throttle.failed(user.email, address);
      throw badInput('The current password is not right.', { field: 'currentPassword' });
    }
    this.throttle.succeeded(login.user.email, address);
    await this.accounts.setPasswordHash(userId, await hashPassword(password));
    for (const session of await this.accounts.listTokens(userId, 'SESSION')) {
      if (session.id !== currentTokenId) await this.accounts.revokeToken(userId, session.id);
    }
    return true;
  }

  async createUser(input: { email: string; name?: string | null; password: string; isAdmin?: boolean | null }): Promise<User> {
    const password = checkPassword(input.password);
    return this.accounts.createUser({ email: normaliseEmail(input.email), name: input.name, passwordHash: await hashPassword(password), isAdmin: !!input.isAdmin });
  }

  async updateUser(id: string, input: { email?: string | null; name?: string | null; isAdmin?: boolean | null; password?: string | null }): Promise<User> {
    const { password, ...patch } = input;
    if (password) await this.accounts.setPasswordHash(id, await hashPassword(checkPassword(password)));
    return this.accounts.updateUser(id, patch);
  }

  async createToken(userId: string, nameText: string, expiresInDays: number | null): Promise<{ token: string; info: TokenInfo }> {
    const name = nameText.trim();
    if (!name || name.length > 100) throw badInput('Name the token (1–100 characters), e.g. after the script that uses it.', { field: 'name' });
    if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > TOKEN_MAX_DAYS)) {
      throw badInput(`A token lasts 1–${TOKEN_MAX_DAYS} days, or leave the days out for one that lasts until revoked.`, { field: 'expiresInDays' });
    }
    const token = newSecret('vkt');
    const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * DAY_MS).toISOString();
    const info = await this.accounts.createToken({ hash: hashSecret(token), userId, kind: 'API', name, expiresAt });
    return { token, info };
  }

  private refuseWhileThrottled(email: string, address: string): void {
    const wait = this.throttle.retryAfter(email, address);
    if (wait > 0) throw tooManyRequests(`Too many failed attempts: try again in ${wait} s.`, wait);
  }

  private async startSession(req: Request, user: User): Promise<LoginResult> {
    const secret = newSecret('vks');
    const agent = String(req.headers['user-agent'] ?? 'browser').slice(0, 100);
    await this.accounts.createToken({
      hash: hashSecret(secret),
      userId: user.id,
      kind: 'SESSION',
      name: agent,
      expiresAt: new Date(Date.now() + SESSION_DAYS * DAY_MS).toISOString(),
    });
    const csrfToken = csrfTokenOf(secret);
    if (req.res) setSessionCookies(req.res, secret, csrfToken, this.config.production);
    return { user, csrfToken, token: null };
  }
}
