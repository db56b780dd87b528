/** Domain errors carry a stable code that the API maps to GraphQL `extensions.code`. */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  /** A first-start step from another machine without the set-up code of the server's log. */
  | 'SETUP_CODE_REQUIRED'
  /** A backup that was changed after it was written (its signature does not match this instance's key). */
  | 'BACKUP_TAMPERED'
  /** A backup whose signature this instance cannot check: another instance's key, or an earlier release. */
  | 'BACKUP_UNVERIFIED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new DomainError('BAD_USER_INPUT', message, details);
export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} "${id}" was not found.`, { id });
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError('CONFLICT', message, details);
export const unauthenticated = (message = 'Sign in first.') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new DomainError('TOO_MANY_REQUESTS', message, { retryAfterSeconds });
export const setupCodeRequired = (message: string) => new DomainError('SETUP_CODE_REQUIRED', message);
