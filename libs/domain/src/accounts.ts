/**
 * Accounts and rights (issue 7): who may read and change what. Rights are held per network; an
 * instance administrator may do everything. Pure rules, no I/O: the API asks, the store answers.
 */
import { badInput } from './errors';

/** A person's role in one network, weakest first: each role may do what the ones before it may. */
export const ACCESS_ROLES = ['VIEWER', 'EVALUATOR', 'EDITOR', 'COORDINATOR'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string | null;
  /** Administers the instance: accounts, and every network. */
  isAdmin: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Membership {
  networkId: string;
  role: AccessRole;
}

/** `role` may do at least what `least` may. */
export function roleAtLeast(role: AccessRole | null | undefined, least: AccessRole): boolean {
  return !!role && ACCESS_ROLES.indexOf(role) >= ACCESS_ROLES.indexOf(least);
}

/** Browser sessions and the named tokens scripts send as `Authorization: Bearer`. */
export const TOKEN_KINDS = ['SESSION', 'API'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface TokenInfo {
  id: string;
  kind: TokenKind;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export const PASSWORD_MIN_LENGTH = 10;
/** Hashing cost grows with length; nobody types more than this. */
export const PASSWORD_MAX_LENGTH = 200;

export function normaliseEmail(value: string | null | undefined): string {
  const email = (value ?? '').trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw badInput(`"${value ?? ''}" is not an email address.`, { field: 'email' });
  }
  return email;
}

export function checkPassword(value: string | null | undefined, field = 'password'): string {
  const password = value ?? '';
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw badInput(`A password needs at least ${PASSWORD_MIN_LENGTH} characters.`, { field });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw badInput(`A password may have at most ${PASSWORD_MAX_LENGTH} characters.`, { field });
  }
  return password;
}

export function checkPersonName(value: string | null | undefined): string | null {
  const name = value?.trim() ?? '';
  if (name.length > 200) throw badInput('A name may have at most 200 characters.', { field: 'name' });
  return name || null;
}
