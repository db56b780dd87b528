/**
 * A named professional: the only personal data Verkosto holds, and only with a recorded consent.
 * Clients of social services are never recorded, by name or otherwise (docs/privacy.md).
 */
import { todayIso } from './dates';
import { badInput } from './errors';
import type { IsoDate } from './model';
import { checkDate, cleanText, requireName } from './validation';

export interface Person {
  id: string;
  name: string;
  email: string | null;
  /** The organisation the person works for, in the role below. */
  organisationId: string;
  roleTitle: string | null;
  /** The day the person agreed to be named. */
  consentGivenAt: IsoDate;
  /** What the person agreed to, word for word. */
  consentText: string;
  createdAt: string;
  updatedAt: string;
}

export interface PersonInput {
  name: string;
  email?: string | null;
  organisationId: string;
  roleTitle?: string | null;
  consentText: string;
  consentGivenAt: IsoDate;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_CONSENT_TEXT = 20;

/** A person is only recorded with a consent: its wording and the day it was given, not in the future. */
export function validatePerson(input: PersonInput, today: IsoDate = todayIso()): PersonInput {
  const email = cleanText(input.email);
  if (email && (!EMAIL.test(email) || email.length > 254)) throw badInput(`"${email}" is not an email address.`, { field: 'email' });
  const consentText = cleanText(input.consentText);
  if (!consentText || consentText.length < MIN_CONSENT_TEXT) {
    throw badInput(`A person is named only with their consent: record what they agreed to (at least ${MIN_CONSENT_TEXT} characters).`, { field: 'consentText' });
  }
  const consentGivenAt = checkDate(input.consentGivenAt, 'consentGivenAt');
  if (!consentGivenAt) throw badInput('Give the day the person gave their consent.', { field: 'consentGivenAt' });
  if (consentGivenAt > today) throw badInput(`The consent date ${consentGivenAt} is in the future.`, { field: 'consentGivenAt' });
  const organisationId = cleanText(input.organisationId);
  if (!organisationId) throw badInput('Give the organisation the person works for.', { field: 'organisationId' });
  return {
    name: requireName(input.name, 'A person'),
    email: email?.toLowerCase() ?? null,
    organisationId,
    roleTitle: cleanText(input.roleTitle),
    consentText,
    consentGivenAt,
  };
}
