import { DomainError } from '@verkosto/domain';
import type { ImportRights, RowCheck } from '@verkosto/exchange';
import type { RequestAccess } from '../auth/access';
import { RULES } from '../auth/rules';

/**
 * An import's rights are the caller's: each row passes the read check of every item it names and
 * the rule of the mutation making each change it makes (rules.ts), or it is refused. The refusal's
 * own message is dropped: it may name a private network, and the row's FORBIDDEN names nothing.
 */
export function importRightsOf(access: RequestAccess): ImportRights {
  return {
    async allows(check: RowCheck): Promise<boolean> {
      try {
        if ('read' in check)
          await access.requireRead(check.read); // what organisation(id), project(id) and the rest check
        else await RULES.Mutation[check.mutation].check(access, check.args);
        return true;
      } catch (error) {
        if (error instanceof DomainError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED')) return false;
        throw error;
      }
    },
  };
}
