/**
 * The data-entry forms as data: which fields each kind of item has, how a form's values become an
 * API input, and the checks run in the browser before anything is sent. The checks are the
 * domain's own (libs/domain/src/validation.ts), so the browser and the server agree; what the
 * browser cannot know (duplicates, unknown links) comes back from the server and is shown against
 * the field it names. No DOM here: data.spec.ts runs it in Node.
 */
import { DomainError } from '@verkosto/domain/errors';
import { ACTIVITY_TYPES, ORGANISATION_KINDS, ROLES_BY_TARGET, SECTORS, VISIBILITIES, type ParticipationRole, type ParticipationTarget } from '@verkosto/domain/model';
import {
  checkAmount,
  checkBusinessId,
  checkDate,
  checkWebsite,
  requireName,
  validateActivity,
  validateNetwork,
  validateOrganisation,
  validateProject,
} from '@verkosto/domain/validation';

export const ENTITY_KINDS = ['organisation', 'project', 'activity', 'network'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** How a field is drawn and read. `ref` picks one project or activity by searching; `terms` ticks vocabulary. */
export type FieldKind = 'text' | 'textarea' | 'select' | 'date' | 'money' | 'checkbox' | 'municipality' | 'region' | 'ref' | 'networks' | 'methods' | 'targetGroups';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** For `select`: the values, labelled by `${optionPrefix}${value}` in the dictionaries. */
  options?: readonly string[];
  optionPrefix?: string;
  /** For `select`: an empty first option, labelled by this key (e.g. "default from the kind"). */
  emptyOption?: string;
  /** For `ref`: what can be picked. */
  ref?: 'project' | 'activity';
  /** A hint under the label, by dictionary key. */
  hint?: string;
}

export const FORM_FIELDS: Record<EntityKind, FieldDef[]> = {
  organisation: [
    { name: 'name', kind: 'text', required: true },
    { name: 'kind', kind: 'select', options: ORGANISATION_KINDS, optionPrefix: 'kind.', required: true },
    { name: 'sector', kind: 'select', options: SECTORS, optionPrefix: 'sector.', emptyOption: 'data.field.sector.default' },
    { name: 'businessId', kind: 'text', hint: 'data.hint.businessId' },
    { name: 'municipalityCode', kind: 'municipality' },
    { name: 'website', kind: 'text', hint: 'data.hint.website' },
    { name: 'permanent', kind: 'checkbox', hint: 'data.hint.permanent' },
  ],
  project: [
    { name: 'code', kind: 'text', hint: 'data.hint.code' },
    { name: 'name', kind: 'text', required: true },
    { name: 'programme', kind: 'text' },
    { name: 'fund', kind: 'text', hint: 'data.hint.fund' },
    { name: 'priorityAxis', kind: 'text' },
    { name: 'startDate', kind: 'date' },
    { name: 'endDate', kind: 'date' },
    { name: 'budget', kind: 'money', hint: 'data.hint.money' },
    { name: 'publicFunding', kind: 'money', hint: 'data.hint.money' },
    { name: 'predecessorId', kind: 'ref', ref: 'project', hint: 'data.hint.predecessor' },
    { name: 'networkIds', kind: 'networks' },
    { name: 'methodIds', kind: 'methods' },
    { name: 'targetGroupIds', kind: 'targetGroups' },
    { name: 'description', kind: 'textarea' },
    { name: 'outputs', kind: 'textarea' },
  ],
  activity: [
    { name: 'name', kind: 'text', required: true },
    { name: 'type', kind: 'select', options: ACTIVITY_TYPES, optionPrefix: 'activity.', required: true },
    { name: 'startDate', kind: 'date' },
    { name: 'endDate', kind: 'date', hint: 'data.hint.openEnd' },
    { name: 'municipalityCode', kind: 'municipality' },
    { name: 'projectId', kind: 'ref', ref: 'project', hint: 'data.hint.project' },
    { name: 'continuesId', kind: 'ref', ref: 'activity', hint: 'data.hint.continues' },
    { name: 'networkIds', kind: 'networks' },
    { name: 'methodIds', kind: 'methods' },
    { name: 'targetGroupIds', kind: 'targetGroups' },
    { name: 'description', kind: 'textarea' },
  ],
  network: [
    { name: 'name', kind: 'text', required: true },
    { name: 'goal', kind: 'textarea' },
    { name: 'regionCode', kind: 'region' },
    { name: 'visibility', kind: 'select', options: VISIBILITIES, optionPrefix: 'data.visibility.', required: true },
  ],
};

export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** A message by dictionary key, filled with params when shown. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, Message>;

/** The values of an empty form. */
export function emptyValues(kind: EntityKind): FormValues {
  const values: FormValues = {};
  for (const f of FORM_FIELDS[kind]) values[f.name] = blank(f);
  if (kind === 'organisation') Object.assign(values, { kind: 'ASSOCIATION', permanent: true });
  if (kind === 'activity') values.type = 'EVENT';
  if (kind === 'network') values.visibility = 'PUBLIC';
  return values;
}

function blank(f: FieldDef): FormValue {
  if (f.kind === 'checkbox') return false;
  if (f.kind === 'networks' || f.kind === 'methods' || f.kind === 'targetGroups') return [];
  return '';
}

/** A stored item as form values (numbers written the way the language writes them). */
export function valuesFrom(kind: EntityKind, item: Record<string, unknown>, lang: 'fi' | 'sv' | 'en' = 'fi'): FormValues {
  const values = emptyValues(kind);
  for (const f of FORM_FIELDS[kind]) {
    const v = item[f.name];
    if (v === null || v === undefined) continue;
    if (f.kind === 'money' && typeof v === 'number') values[f.name] = formatMoney(v, lang);
    else if (Array.isArray(v)) values[f.name] = v.map(String);
    else if (typeof v === 'boolean') values[f.name] = v;
    else values[f.name] = String(v);
  }
  return values;
}

/** Euros as typed by people: "12 345,50", "12345.5", "12 345 €". NaN when it is not a number; null when empty. */
export function parseMoney(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (!compact) return null;
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(',', '.'));
}

export function formatMoney(value: number, lang: 'fi' | 'sv' | 'en'): string {
  const text = String(value);
  return lang === 'en' ? text : text.replace('.', ',');
}

const text = (v: FormValue | undefined) => (typeof v === 'string' ? v : '');
const list = (v: FormValue | undefined) => (Array.isArray(v) ? v : []);

/**
 * The API input for a create or an update. Every field of the form is sent, so an emptied field
 * clears the stored value (`null`), as the update mutations define.
 */
export function toInput(kind: EntityKind, values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of FORM_FIELDS[kind]) {
    const v = values[f.name];
    switch (f.kind) {
      case 'checkbox':
        input[f.name] = v === true;
        break;
      case 'networks':
      case 'methods':
      case 'targetGroups':
        input[f.name] = list(v);
        break;
      case 'money':
        input[f.name] = parseMoney(text(v));
        break;
      default:
        input[f.name] = text(v).trim() || null;
    }
  }
  return input;
}

const NAME_PROBLEMS: Record<string, string> = {
  required: 'data.error.nameRequired',
  controlCharacters: 'data.error.nameControl',
  noLetters: 'data.error.nameNoLetters',
  tooLong: 'data.error.nameTooLong',
};

/** The domain's name rule, in the words of the reason it gives. */
function nameProblem(name: string): Message | null {
  try {
    requireName(name, 'Item');
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { key: NAME_PROBLEMS[String(error.details.reason)] ?? 'data.error.nameRequired' };
  }
}

/** A domain check that throws becomes `message`; anything else is a bug and is thrown on. */
function attempt(check: () => unknown, message: Message): Message | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return message;
    throw error;
  }
}

/**
 * Every problem the browser can see, by field, in words from the dictionaries. The same domain
 * checks the server runs; then the server's whole-item validator as a safety net, so no rule is
 * left to the round trip.
 */
export function validateForm(kind: EntityKind, values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: string, message: Message | null) => {
    if (message && !errors[field]) errors[field] = message;
  };
  const name = text(values.name);
  set('name', nameProblem(name));
  if (kind === 'organisation') {
    const businessId = text(values.businessId).trim();
    set(
      'businessId',
      attempt(() => checkBusinessId(businessId), { key: 'data.error.businessId', params: { value: businessId } }),
    );
    set(
      'website',
      attempt(() => checkWebsite(text(values.website)), { key: 'data.error.website' }),
    );
  }
  if (kind === 'project' || kind === 'activity') checkDates(values, 'startDate', 'endDate', set);
  if (kind === 'project') {
    for (const field of ['budget', 'publicFunding']) {
      const amount = parseMoney(text(values[field]));
      set(
        field,
        attempt(() => checkAmount(amount, field), { key: 'data.error.amount' }),
      );
    }
  }
  if (Object.keys(errors).length === 0) {
    const input = toInput(kind, values) as never;
    const whole = { organisation: validateOrganisation, project: validateProject, activity: validateActivity, network: validateNetwork }[kind];
    try {
      whole(input);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const field = typeof error.details.field === 'string' && FORM_FIELDS[kind].some((f) => f.name === error.details.field) ? error.details.field : FORM_LEVEL;
      errors[field] = { key: 'data.error.server', params: { message: error.message } };
    }
  }
  return errors;
}

/** The key under which a problem that belongs to no single field is shown (at the top of the form). */
export const FORM_LEVEL = '_form';

function checkDates(values: FormValues, from: string, to: string, set: (field: string, m: Message | null) => void) {
  const start = text(values[from]);
  const end = text(values[to]);
  const startBad = attempt(() => checkDate(start, from), { key: 'data.error.date' });
  const endBad = attempt(() => checkDate(end, to), { key: 'data.error.date' });
  set(from, startBad);
  set(to, endBad);
  if (!startBad && !endBad && start && end && end < start) set(to, { key: 'data.error.endBeforeStart' });
}

// ── participations and coordination ──────────────────────────────────────────────────────────

export interface ParticipationValues {
  organisationId: string;
  targetId: string;
  targetKind: ParticipationTarget | null;
  role: string;
  validFrom: string;
  validTo: string;
}

/** The roles that fit a target, in the domain's order. */
export function rolesFor(target: ParticipationTarget | null): readonly ParticipationRole[] {
  return target ? ROLES_BY_TARGET[target] : [];
}

export function validateParticipation(v: ParticipationValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.organisationId) errors.organisationId = { key: 'data.error.pickOrganisation' };
  if (!v.targetId) errors.targetId = { key: 'data.error.pickTarget' };
  if (!v.role) errors.role = { key: 'data.error.pickRole' };
  else if (v.targetKind && !rolesFor(v.targetKind).includes(v.role as ParticipationRole)) errors.role = { key: 'data.error.roleDoesNotFit' };
  checkDates(v as unknown as FormValues, 'validFrom', 'validTo', (field, m) => {
    if (m && !errors[field]) errors[field] = m;
  });
  return errors;
}

export function validateCoordination(v: { organisationId: string; from: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.organisationId) errors.organisationId = { key: 'data.error.pickOrganisation' };
  if (!v.from) errors.from = { key: 'data.error.dateRequired' };
  else {
    const bad = attempt(() => checkDate(v.from, 'from'), { key: 'data.error.date' });
    if (bad) errors.from = bad;
  }
  return errors;
}

// ── what the server said ─────────────────────────────────────────────────────────────────────

/** One GraphQL error as the API sends it: `extensions` carries code, field and the existing item. */
export interface ServerProblem {
  message: string;
  code?: string;
  field?: string;
  existingId?: string;
  existingName?: string;
  /** The existing item is in a network the caller is not a member of: it is not named. */
  existingHidden?: boolean;
}

/**
 * Where a refusal from the server is shown, and in which words: against the field it names when
 * the form has that field, else at the top. The common refusals have their own text in the user's
 * language; any other keeps the server's message.
 */
export function placeServerProblem(fields: readonly string[], problem: ServerProblem): { field: string; message: Message } {
  const field = problem.field && fields.includes(problem.field) ? problem.field : FORM_LEVEL;
  const name = problem.existingName ?? '';
  if (problem.code === 'CONFLICT' && problem.existingHidden) {
    const key = { name: 'data.error.nameTakenHidden', businessId: 'data.error.businessIdTakenHidden', code: 'data.error.codeTakenHidden' }[problem.field ?? ''];
    if (key) return { field, message: { key } };
  }
  if (problem.code === 'CONFLICT' && problem.existingId && (problem.field === 'name' || problem.field === 'businessId')) {
    return { field, message: { key: problem.field === 'businessId' ? 'data.error.businessIdTaken' : 'data.error.nameTaken', params: { name } } };
  }
  // A network's name: the other network is not named, it may be private.
  if (problem.code === 'CONFLICT' && problem.field === 'name' && !problem.existingId) return { field, message: { key: 'data.error.networkNameTaken' } };
  if (problem.code === 'CONFLICT' && problem.field === 'code') return { field, message: { key: 'data.error.codeTaken', params: { name } } };
  if (problem.code === 'CONFLICT' && problem.field === 'role') return { field, message: { key: 'data.error.roleOverlap' } };
  return { field, message: { key: 'data.error.server', params: { message: problem.message } } };
}

// ── where on the map ─────────────────────────────────────────────────────────────────────────

export interface MapScope {
  type: 'network' | 'project';
  id: string;
}

/**
 * The map an item is seen on: a network or project is its own; an activity shows on its project's
 * map, else on its first network's. An organisation has none of its own: it is shown where it
 * takes part (ask with the target of one of its participations).
 */
export function mapScopeOf(kind: EntityKind, item: { id: string; projectId?: string | null; networkIds?: readonly string[] }): MapScope | null {
  if (kind === 'network') return { type: 'network', id: item.id };
  if (kind === 'project') return { type: 'project', id: item.id };
  if (kind === 'activity') {
    if (item.projectId) return { type: 'project', id: item.projectId };
    if (item.networkIds?.length) return { type: 'network', id: item.networkIds[0] };
  }
  return null;
}

/**
 * After a save refused because someone else changed the item: the form's fields whose stored value
 * now differs from the one the form was opened with, and the value now stored.
 */
export function changedMeanwhile(kind: EntityKind, opened: Record<string, unknown>, stored: Record<string, unknown>): { name: string; value: string }[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));
  return FORM_FIELDS[kind].filter((f) => f.name in stored && text(stored[f.name]) !== text(opened[f.name])).map((f) => ({ name: f.name, value: text(stored[f.name]) }));
}
