import { normaliseBusinessId } from './business-id';
import { isIsoDate } from './dates';
import { badInput } from './errors';
import type { ActivityInput, NetworkInput, OrganisationInput, ProjectInput } from './inputs';
import { ACTIVITY_TYPES, ORGANISATION_KINDS, SECTORS, VISIBILITIES, type IsoDate } from './model';

/** Trims text; empty text means "no value". */
export function cleanText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** C0 and C1 control characters, DEL and NUL included; tabs and line breaks too. */
const CONTROL = /\p{Cc}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A name is one line of readable text: at most 300 characters, no control characters at all (NUL,
 * tabs, line breaks), and at least one letter or digit. `reason` in the details tells a form which.
 */
export function requireName(value: string | null | undefined, what: string): string {
  const name = cleanText(value);
  if (!name) throw badInput(`${what} needs a name.`, { field: 'name', reason: 'required' });
  if (CONTROL.test(name)) {
    throw badInput(`${what} name may not contain control characters (such as NUL, tabs or line breaks): write it on one line.`, {
      field: 'name',
      reason: 'controlCharacters',
    });
  }
  if (!LETTER_OR_DIGIT.test(name)) {
    throw badInput(`${what} name needs at least one letter or digit.`, { field: 'name', reason: 'noLetters' });
  }
  if (name.length > 300) throw badInput(`${what} name is longer than 300 characters.`, { field: 'name', reason: 'tooLong' });
  return name;
}

export function requireOneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw badInput(`"${value}" is not a valid ${field}; use one of ${allowed.join(', ')}.`, { field });
  }
  return value as T;
}

export function checkBusinessId(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const id = normaliseBusinessId(text);
  if (!id) {
    throw badInput(`"${text}" is not a valid Finnish business ID (Y-tunnus): the form is 1234567-8 and the check digit must match.`, {
      field: 'businessId',
    });
  }
  return id;
}

export function checkDate(value: string | null | undefined, field: string): IsoDate | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isIsoDate(value)) throw badInput(`"${value}" is not a date: write it as YYYY-MM-DD.`, { field });
  return value;
}

/** Both dates checked, and the end not before the start. */
export function checkPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  fields: [string, string] = ['startDate', 'endDate'],
): [IsoDate | null, IsoDate | null] {
  const from = checkDate(start, fields[0]);
  const to = checkDate(end, fields[1]);
  if (from && to && to < from) {
    throw badInput(`The end date ${to} is before the start date ${from}.`, { field: fields[1] });
  }
  return [from, to];
}

export function checkAmount(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) throw badInput(`${field} must be zero or a positive amount in euros.`, { field });
  return value;
}

/** Money paid so far: recoveries can make it negative, but it must be a finite amount. */
export function checkPaidAmount(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) throw badInput(`${field} must be an amount in euros.`, { field });
  return value;
}

export const WEBSITE_MAX_LENGTH = 2000;

/**
 * An http or https address with a host name such as www.kuusamo.fi; a bare host name gets https://.
 * At most 2,000 characters, no spaces or control characters, no user name or password in it.
 */
export function checkWebsite(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const refuse = (why: string) => badInput(`"${text.length > 80 ? `${text.slice(0, 80)}…` : text}" is not a web address: ${why}`, { field: 'website' });
  if (text.length > WEBSITE_MAX_LENGTH) throw refuse(`it is longer than ${WEBSITE_MAX_LENGTH} characters.`);
  if (/[\s\p{Cc}]/u.test(text)) throw refuse('it may not contain spaces or control characters.');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (hasScheme && !/^https?:\/\//i.test(text)) throw refuse('only http:// and https:// addresses are taken.');
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw refuse('write it like www.kuusamo.fi or https://www.kuusamo.fi.');
  }
  const labels = url.hostname.split('.');
  const tld = labels[labels.length - 1];
  const hostOk = labels.length >= 2 && labels.every((l) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(l)) && /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/i.test(tld);
  if (url.username || url.password || !hostOk) throw refuse('write it like www.kuusamo.fi or https://www.kuusamo.fi.');
  const normalised = url.toString();
  if (normalised.length > WEBSITE_MAX_LENGTH) throw refuse(`it is longer than ${WEBSITE_MAX_LENGTH} characters.`);
  return normalised;
}

export function validateOrganisation(input: OrganisationInput): OrganisationInput {
  return {
    name: requireName(input.name, 'An organisation'),
    kind: requireOneOf(input.kind, ORGANISATION_KINDS, 'organisation kind'),
    sector: input.sector ? requireOneOf(input.sector, SECTORS, 'sector') : null,
    businessId: checkBusinessId(input.businessId),
    municipalityCode: cleanText(input.municipalityCode),
    website: checkWebsite(input.website),
    permanent: input.permanent ?? true,
  };
}

export function validateProject(input: ProjectInput): ProjectInput {
  const [startDate, endDate] = checkPeriod(input.startDate, input.endDate);
  return {
    ...input,
    code: cleanText(input.code)?.toUpperCase() ?? null,
    name: requireName(input.name, 'A project'),
    programme: cleanText(input.programme),
    fund: cleanText(input.fund),
    priorityAxis: cleanText(input.priorityAxis),
    startDate,
    endDate,
    budget: checkAmount(input.budget, 'budget'),
    publicFunding: checkAmount(input.publicFunding, 'publicFunding'),
    grantedFunding: checkAmount(input.grantedFunding, 'grantedFunding'),
    paidFunding: checkPaidAmount(input.paidFunding, 'paidFunding'),
    description: cleanText(input.description),
    outputs: cleanText(input.outputs),
  };
}

export function validateActivity(input: ActivityInput): ActivityInput {
  const [startDate, endDate] = checkPeriod(input.startDate, input.endDate);
  return {
    ...input,
    name: requireName(input.name, 'An activity'),
    type: requireOneOf(input.type, ACTIVITY_TYPES, 'activity type'),
    startDate,
    endDate,
    municipalityCode: cleanText(input.municipalityCode),
    description: cleanText(input.description),
  };
}

export function validateNetwork(input: NetworkInput): NetworkInput {
  return {
    name: requireName(input.name, 'A network'),
    goal: cleanText(input.goal),
    regionCode: cleanText(input.regionCode),
    visibility: input.visibility ? requireOneOf(input.visibility, VISIBILITIES, 'visibility') : 'PUBLIC',
  };
}
