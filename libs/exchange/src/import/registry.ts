import { foldText, normaliseBusinessId, type IsoDate } from '@verkosto/domain';
import { headerKey } from './columns';
import { message, type ImportMessage } from './messages';
import type { Sheet, SheetRow } from './sheets';
import { parseAmount, parseDate } from './vocabulary';

/**
 * The structural-fund project list as the national project database exports it (rakennerahastot.fi,
 * 2007–2013 and 2014–2020): one project per row with its lead implementer and funding authority.
 * Recognised from its header; both periods' spellings of the columns are accepted.
 */
const REGISTRY_COLUMNS = {
  code: ['Koodi'],
  fund: ['Rahasto'],
  name: ['Hankkeen nimi', 'Projektin nimi'],
  programme: ['Ohjelma / osio'],
  priorityAxis: ['Tl', 'Toimintalinja'],
  authority: ['Viranomainen'],
  status: ['Tila', 'Toiminnan tila'],
  startDate: ['Aloituspvm'],
  endDate: ['Päättymispvm'],
  implementer: ['Toteuttajan nimi'],
  granted: ['Myönnetty EU- ja valtion rahoitus'],
  paid: ['Toteutunut EU- ja valtion rahoitus'],
  plannedPublic: ['Suunniteltu julkinen rahoitus yhteensä'],
  realisedPublic: ['Toteutunut julkinen rahoitus yhteensä'],
} as const;
type RegistryField = keyof typeof REGISTRY_COLUMNS;

/** Without these a file is not a registry list. */
const REQUIRED: RegistryField[] = ['code', 'name', 'authority', 'implementer'];

export type RegistryColumns = Partial<Record<RegistryField, number>>;

export function registryColumns(header: string[]): RegistryColumns {
  const keys = header.map(headerKey);
  const found: RegistryColumns = {};
  for (const [field, names] of Object.entries(REGISTRY_COLUMNS) as [RegistryField, readonly string[]][]) {
    const index = keys.findIndex((k) => names.some((n) => headerKey(n) === k));
    if (index >= 0) found[field] = index;
  }
  return found;
}

export function missingRegistryColumns(columns: RegistryColumns): string[] {
  return REQUIRED.filter((f) => columns[f] === undefined).map((f) => REGISTRY_COLUMNS[f][0]);
}

export const isRegistry = (header: string[]) => missingRegistryColumns(registryColumns(header)).length === 0;

/** One row read and checked: the project, its lead implementer and funding authority. */
export interface RegistryRecord {
  code: string;
  name: string;
  fund: string | null;
  programme: string | null;
  priorityAxis: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  implementer: string | null;
  /** A business ID the export glued to the implementer's name ("SISUWOOD OY2034683-4"). */
  implementerBusinessId: string | null;
  authority: string | null;
  grantedFunding: number | null;
  paidFunding: number | null;
  budget: number | null;
  publicFunding: number | null;
}

/** Collapses the double spaces the export leaves where it dropped a comma. */
export const cleanName = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Authorities spelled in the file, for telling a shifted row: when a name's comma split it, the
 * rest of the name lands in front of the authority (" Ruotsi Pohjois-Pohjanmaan ELY-keskus").
 */
function knownAuthorities(sheet: Sheet, columns: RegistryColumns): Set<string> {
  const known = new Set<string>();
  if (columns.authority === undefined) return known;
  for (const row of sheet.rows) {
    const raw = row.cells[columns.authority] ?? '';
    if (raw.trim() && !/^\s/.test(raw)) known.add(foldText(raw));
  }
  return known;
}

/** Reads the rows of one registry sheet (see readRegistryRow). */
export function registryReader(sheet: Sheet): (row: SheetRow) => RegistryRow {
  const columns = registryColumns(sheet.header);
  const authorities = knownAuthorities(sheet, columns);
  const header = (field: RegistryField) => {
    const index = columns[field];
    return index === undefined ? REGISTRY_COLUMNS[field][0] : sheet.header[index];
  };
  return (row) => {
    const cell = (field: RegistryField) => (columns[field] === undefined ? '' : (row.cells[columns[field]!] ?? ''));
    return { ...readRegistryRow(row, columns, authorities, header), label: cleanName(`${cell('code')} ${cell('name')}`) };
  };
}

export interface RegistryRow {
  record: RegistryRecord | null;
  messages: ImportMessage[];
  /** Code and name as written, to name the row in a report even when it is rejected. */
  label: string;
}

/**
 * Reads a row. Errors reject it: a date or an amount that is not one, a number for a name, or
 * text spilled into the authority column all mean its columns are shifted, so no value in it can
 * be trusted. Warnings keep it: no implementer, no authority, a negative recovery amount.
 */
function readRegistryRow(
  row: SheetRow,
  columns: RegistryColumns,
  authorities: Set<string>,
  header: (field: RegistryField) => string,
): { record: RegistryRecord | null; messages: ImportMessage[] } {
  const messages: ImportMessage[] = [];
  const raw = (field: RegistryField) => (columns[field] === undefined ? '' : (row.cells[columns[field]!] ?? ''));
  const text = (field: RegistryField) => cleanName(raw(field)) || null;
  const shifted = (field: RegistryField, value: string) => messages.push(message('error', 'shiftedColumns', { column: header(field), value: value.trim() }));

  const code = (text('code') ?? '').toUpperCase();
  if (!code) messages.push(message('error', 'required', { column: header('code') }));
  else if (!/^[A-Z]{1,4}\d{3,12}$/.test(code)) messages.push(message('error', 'invalidCode', { value: code }));
  const name = text('name');
  if (!name) messages.push(message('error', 'required', { column: header('name') }));
  else if (/\p{Cc}/u.test(name) || !/[\p{L}\p{N}]/u.test(name)) messages.push(message('error', 'invalidName', { column: header('name') }));

  const date = (field: 'startDate' | 'endDate') => {
    const value = text(field);
    if (!value) return null;
    const iso = parseDate(value);
    if (!iso) shifted(field, value);
    return iso;
  };
  const startDate = date('startDate');
  const endDate = date('endDate');
  if (startDate && endDate && endDate < startDate) messages.push(message('error', 'endBeforeStart', { start: startDate, end: endDate }));

  const amount = (field: 'granted' | 'paid' | 'plannedPublic' | 'realisedPublic') => {
    const value = text(field);
    if (!value) return null;
    const euros = parseAmount(value);
    if (euros === null) shifted(field, value);
    return euros;
  };
  const granted = amount('granted');
  const paid = amount('paid');
  const plannedPublic = amount('plannedPublic');
  const realisedPublic = amount('realisedPublic');
  // Recoveries can make realised sums negative; paid funding keeps its sign, the others are not stored.
  const notNegative = (field: RegistryField, euros: number | null) => {
    if (euros === null || euros >= 0) return euros;
    messages.push(message('warning', 'amountNotStored', { column: header(field), value: String(euros) }));
    return null;
  };

  const [implementer, implementerBusinessId] = splitBusinessId(text('implementer'));
  if (implementer && !/\p{L}/u.test(implementer)) shifted('implementer', implementer);
  else if (implementer && /\p{Cc}/u.test(implementer)) messages.push(message('error', 'invalidName', { column: header('implementer') }));
  if (!implementer) messages.push(message('warning', 'noLeadImplementer'));

  const rawAuthority = raw('authority');
  const authority = cleanName(rawAuthority) || null;
  if (authority && /^\s/.test(rawAuthority) && spillsIntoAuthority(foldText(rawAuthority), authorities)) shifted('authority', authority);
  else if (authority && /\p{Cc}/u.test(authority)) messages.push(message('error', 'invalidName', { column: header('authority') }));
  if (!authority) messages.push(message('warning', 'noFunder'));

  if (messages.some((m) => m.severity === 'error')) return { record: null, messages };
  return {
    record: {
      code,
      name: name!,
      fund: text('fund')?.toUpperCase() ?? null,
      programme: text('programme'),
      priorityAxis: text('priorityAxis'),
      startDate,
      endDate,
      implementer,
      implementerBusinessId,
      authority,
      grantedFunding: notNegative('granted', granted),
      paidFunding: paid,
      budget: notNegative('plannedPublic', plannedPublic),
      publicFunding: notNegative('realisedPublic', realisedPublic),
    },
    messages,
  };
}

/** A valid business ID at the end of a name comes off it; anything else stays part of the name. */
function splitBusinessId(name: string | null): [string | null, string | null] {
  const m = name ? /^(.*\p{L}.*?)\s*(\d{6,7}-\d)$/u.exec(name) : null;
  const id = m ? normaliseBusinessId(m[2]) : null;
  return m && id ? [m[1].trim(), id] : [name, null];
}

/** True when the text is words in front of an authority spelled elsewhere in the file. */
function spillsIntoAuthority(folded: string, authorities: Set<string>): boolean {
  if (authorities.has(folded)) return false;
  const words = folded.split(' ');
  for (let i = 1; i < words.length; i++) if (authorities.has(words.slice(i).join(' '))) return true;
  return false;
}
