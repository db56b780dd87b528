import { ANONYMOUS_ACTOR, type Actor } from '@verkosto/domain';

/** What the accounts module puts on an authenticated request. */
interface RequestUser {
  id: string;
  email?: string | null;
}

/** The GraphQL context: Nest's Apollo driver passes the Express request as `req`. */
export interface ActorContext {
  req?: { user?: RequestUser | null } | null;
}

/**
 * Who a GraphQL request acts as, for the history: the signed-in user, or `anonymous` when there is
 * none. (The demo seeding and command-line tools write as SYSTEM_ACTOR.) Resolvers take it with
 * the @CurrentActor() parameter decorator.
 */
export function actorOf(context: ActorContext | null | undefined): Actor {
  const user = context?.req?.user;
  if (!user?.id) return ANONYMOUS_ACTOR;
  return { id: String(user.id), email: user.email ? String(user.email) : null };
}
