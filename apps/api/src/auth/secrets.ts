import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session and API tokens are 256 random bits, so a fast hash is enough to store them safely (a
 * slow hash guards guessable secrets such as passwords); only the hash is stored.
 */
export function newSecret(prefix: 'vks' | 'vkt'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session: derived from the session secret, so the server needs to store
 * nothing, a page can read it from its cookie, and another site can neither read nor forge it.
 */
export function csrfTokenOf(sessionSecret: string): string {
  return createHash('sha256').update(`csrf:${sessionSecret}`, 'utf8').digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
