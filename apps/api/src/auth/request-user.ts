import type { Membership } from '@verkosto/domain';

/**
 * Who is calling, set on the Express request (`req.user`) by the auth middleware for every request
 * that carries a live session cookie or bearer token; absent for anonymous callers. GraphQL
 * resolvers reach it through the context (`{ req }`); the change history reads it as the actor.
 */
export interface RequestUser {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  memberships: Membership[];
  /** How the caller proved who they are: the browser's session cookie, or a script's token. */
  via: 'session' | 'token';
  /** Public id of the session or token used (for logout and "this session" in lists). */
  tokenId: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: RequestUser;
    /** Why a presented credential was not accepted, when it was not (e.g. a missing CSRF header). */
    authProblem?: string;
  }
}
