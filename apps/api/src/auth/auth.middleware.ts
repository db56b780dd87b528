import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { PrivateItems, type AccountStore, type Credential, type GraphStore } from '@verkosto/graph';
import type { NextFunction, Request, Response } from 'express';
import { ACCOUNT_STORE, GRAPH_STORE } from '../common/store.module';
import { RequestAccess } from './access';
import { CSRF_HEADER, SESSION_COOKIE, readCookie } from './cookies';
import type { RequestUser } from './request-user';
import { csrfTokenOf, hashSecret, sameSecret } from './secrets';

const accessByRequest = new WeakMap<Request, RequestAccess>();

/** The caller's rights for this request; set by AuthMiddleware, which runs before every route. */
export function accessOf(req: Request): RequestAccess {
  const access = accessByRequest.get(req);
  // Fail closed: without the middleware nobody is anybody.
  if (!access) throw new Error('AuthMiddleware did not run for this request.');
  return access;
}

/** Methods that change nothing: a cookie alone may authenticate them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** lastUsedAt is written at most this often per token, not on every request. */
const TOUCH_EVERY_MS = 10 * 60_000;

/**
 * Finds who is calling: `Authorization: Bearer <token>` (scripts), or the session cookie
 * (browsers; a request that may change something must also carry the CSRF header). Sets
 * `req.user`, or leaves the caller anonymous with `req.authProblem` saying why.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  private readonly touched = new Map<string, number>();
  private readonly privateItems: PrivateItems;

  constructor(
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(GRAPH_STORE) private readonly graph: GraphStore,
  ) {
    this.privateItems = new PrivateItems(accounts, () => graph.belongingVersion());
  }

  async use(req: Request, _res: Response, next: NextFunction) {
    try {
      await this.authenticate(req);
      accessByRequest.set(req, new RequestAccess(req.user ?? null, this.accounts, this.graph, this.privateItems, req.authProblem));
      next();
    } catch (error) {
      next(error);
    }
  }

  private async authenticate(req: Request): Promise<void> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const credential = await this.accounts.findCredential(hashSecret(bearer));
      if (credential?.token.kind !== 'API') {
        req.authProblem = 'The token is unknown, revoked or expired: sign in again or create a new token.';
        return;
      }
      return this.accept(req, credential, 'token', hashSecret(bearer));
    }
    const session = readCookie(req, SESSION_COOKIE);
    if (!session) return;
    const credential = await this.accounts.findCredential(hashSecret(session));
    if (credential?.token.kind !== 'SESSION') {
      req.authProblem = 'Your session has ended: sign in again.';
      return;
    }
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameSecret(header, csrfTokenOf(session))) {
        req.authProblem = 'The request did not carry the page’s security token (CSRF): reload the page and try again.';
        return;
      }
    }
    return this.accept(req, credential, 'session', hashSecret(session));
  }

  private async accept(req: Request, credential: Credential, via: RequestUser['via'], hash: string) {
    const { user, token, memberships } = credential;
    req.user = { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, memberships, via, tokenId: token.id };
    const now = Date.now();
    if ((this.touched.get(hash) ?? 0) < now - TOUCH_EVERY_MS) {
      if (this.touched.size > 10_000) this.touched.clear();
      this.touched.set(hash, now);
      await this.accounts.touchToken(hash);
    }
  }
}
