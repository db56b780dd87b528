/**
 * The full backup file: every row of every table of schema.ts, reference data and Meta included,
 * as JSON Lines. It is deterministic (sections in schema order, node rows by key, relationship
 * rows by their own text, columns in schema order, no timestamp of its own), so backing up,
 * restoring into an empty database and backing up again gives the same bytes, on either engine.
 *
 *   {"format":"verkosto-backup","formatVersion":1,"schemaVersion":1,"sections":18}
 *   {"section":"Organisation","key":"id","columns":["id","name",…],"rows":2}
 *   {"id":"org-a","name":"…",…}
 *   …
 *   {"section":"PARTICIPATES","from":"Organisation","to":"Project","columns":["id","role",…],"rows":1}
 *   {"from":"org-a","to":"prj-b","id":"par-…","role":"LEAD",…}
 *   …
 *   {"end":"verkosto-backup","rows":1234,"sha256":"<hex of every byte above this line>",
 *    "keyId":"<16 hex naming the key>","hmac":"<HMAC-SHA256 of the same bytes with the instance's backup key>"}
 *
 * The checksum finds damage; the HMAC finds changes, since whoever edits a file can recompute a
 * checksum but not the HMAC without the key, which lives beside the database, never in a backup
 * (BACKUP_KEY, or one the instance made itself). New tables and columns in schema.ts are included
 * without a change here.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, badInput } from '@verkosto/domain';
import type { Value } from './engine/engine';
import { NODE_TABLES, REL_TABLES, type ColumnType } from './schema';

export const BACKUP_FORMAT = 'verkosto-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** One section: a node table, or one (from, to) pair of a relationship table. */
export interface BackupSection {
  table: string;
  from?: string;
  to?: string;
  /** Node rows: one value per column. Relationship rows: `from` and `to` keys, then the columns. */
  rows: Record<string, Value>[];
}

export interface Backup {
  schemaVersion: number;
  sections: BackupSection[];
}

interface Layout {
  table: string;
  from?: string;
  to?: string;
  key?: string;
  columns: Record<string, ColumnType>;
}

/** Every section a backup holds, in file order: the node tables, then each relationship pair. */
export function backupLayout(): Layout[] {
  return [
    ...NODE_TABLES.map((t) => ({ table: t.label, key: t.key, columns: t.columns })),
    ...REL_TABLES.flatMap((t) => t.pairs.map(([from, to]) => ({ table: t.type, from, to, columns: t.columns }))),
  ];
}

const sectionName = (s: { table: string; from?: string; to?: string }) => (s.from ? `${s.table} (${s.from} → ${s.to})` : s.table);

/**
 * When an account last signed in or a token was last used: bookkeeping of the running server, not
 * data. Left out (null), so that using a token to take a backup does not change the next one.
 */
const USAGE_STAMPS = new Set(['User.lastLoginAt', 'AccessToken.lastUsedAt']);

/** A new instance's backup key: 256 random bits. */
export const newBackupKey = () => randomBytes(32).toString('base64url');

/** Names a key without giving it away, so a restore can tell "changed" from "signed elsewhere". */
export const backupKeyId = (key: string) => sha256(`verkosto-backup-key:${key}`).slice(0, 16);

const hmac = (key: string, body: string) => createHmac('sha256', key).update(body, 'utf8').digest('hex');

/** Which signatures a restore accepts. */
export interface BackupTrust {
  /** The instance's own key first, then any the user gave (the key of the instance that wrote the file). */
  keys: string[];
  /** Also accept a file whose signature none of the keys can check (another instance, an earlier release). */
  trustUnsigned?: boolean;
}

/** The file for these rows, signed with `key`; rows may come in any order and with any key order. */
export function writeBackup({ schemaVersion, sections }: Backup, key: string): string {
  const given = new Map(sections.map((s) => [sectionName(s), s.rows]));
  const layout = backupLayout();
  const lines = [JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion, sections: layout.length })];
  let total = 0;
  for (const section of layout) {
    const columns = Object.keys(section.columns);
    const rows = (given.get(sectionName(section)) ?? []).map((row) => {
      const ordered: Record<string, Value> = section.from ? { from: row.from, to: row.to } : {};
      for (const c of columns) ordered[c] = USAGE_STAMPS.has(`${section.table}.${c}`) ? null : (row[c] ?? null);
      return ordered;
    });
    const texts = rows.map((row) => JSON.stringify(row));
    if (section.key) {
      const key = section.key;
      const order = rows.map((row, i) => [String(row[key]), i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      lines.push(header(section, columns, rows.length), ...order.map(([, i]) => texts[i]));
    } else {
      lines.push(header(section, columns, rows.length), ...texts.sort());
    }
    total += rows.length;
  }
  const body = lines.join('\n') + '\n';
  return body + JSON.stringify({ end: BACKUP_FORMAT, rows: total, sha256: sha256(body), keyId: backupKeyId(key), hmac: hmac(key, body) }) + '\n';
}

function header(section: Layout, columns: string[], rows: number): string {
  return JSON.stringify(section.from ? { section: section.table, from: section.from, to: section.to, columns, rows } : { section: section.table, key: section.key, columns, rows });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Problems listed in an error message; the error's `problems` detail holds them all. */
const SHOWN = 8;

const REFUSALS = {
  BACKUP_TAMPERED: {
    fi: 'Varmuuskopiota on muutettu sen tekemisen jälkeen: sen allekirjoitus ei täsmää tämän Verkoston avaimeen. Sitä ei palauteta; mitään ei muutettu.',
    sv: 'Säkerhetskopian har ändrats efter att den gjordes: dess signatur stämmer inte med den här Verkostos nyckel. Den återställs inte; ingenting ändrades.',
    en: 'The backup has been changed since it was made: its signature does not match this Verkosto’s key. It is not restored; nothing was changed.',
  },
  BACKUP_UNVERIFIED: {
    fi: 'Varmuuskopion allekirjoitusta ei voi tarkistaa: sen on tehnyt toinen Verkosto tai aiempi versio. Anna sen tehneen Verkoston varmuuskopioavain (--key tai BACKUP_KEY), tai jos tiedät varmasti, mistä tiedosto on peräisin, palauta se tarkistamatta (--trust-unsigned tai ?trustUnsigned=true). Mitään ei muutettu.',
    sv: 'Säkerhetskopians signatur kan inte kontrolleras: den gjordes av en annan Verkosto eller en tidigare version. Ange säkerhetskopieringsnyckeln för den Verkosto som gjorde den (--key eller BACKUP_KEY), eller, om du säkert vet var filen kommer ifrån, återställ den utan kontroll (--trust-unsigned eller ?trustUnsigned=true). Ingenting ändrades.',
    en: 'The backup’s signature cannot be checked: another Verkosto or an earlier release made it. Give the backup key of the Verkosto that made it (--key or BACKUP_KEY), or, if you know for sure where the file comes from, restore it unchecked (--trust-unsigned or ?trustUnsigned=true). Nothing was changed.',
  },
} as const;

/** A refusal for want of a valid signature, in English with the Finnish and Swedish beside it (`messages`). */
function refusal(code: keyof typeof REFUSALS): DomainError {
  return new DomainError(code, REFUSALS[code].en, { messages: REFUSALS[code] });
}

/** The signature checked in constant time: tampered when it names one of our keys but does not match. */
function checkSignature(body: string, end: Record<string, unknown>, trust: BackupTrust): void {
  const given = typeof end.hmac === 'string' ? Buffer.from(end.hmac, 'hex') : Buffer.alloc(0);
  for (const key of trust.keys) {
    const expected = Buffer.from(hmac(key, body), 'hex');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return;
  }
  if (trust.keys.some((key) => end.keyId === backupKeyId(key))) throw refusal('BACKUP_TAMPERED');
  if (!trust.trustUnsigned) throw refusal('BACKUP_UNVERIFIED');
}

/**
 * Reads and checks a backup file against the current schema: the checksum, the signature (see
 * BackupTrust), every section and column, every value's type, unique keys, and that every
 * relationship's ends are in the file. A problem refuses the whole file (BAD_USER_INPUT, or
 * BACKUP_TAMPERED / BACKUP_UNVERIFIED for the signature) with the reasons.
 */
export function readBackup(text: string, trust: BackupTrust): Backup {
  const fail = (problems: string[]): never => {
    throw badInput(
      `The backup file cannot be restored; nothing was changed. ${problems.slice(0, SHOWN).join(' ')}${problems.length > SHOWN ? ` (${problems.length - SHOWN} more problems.)` : ''}`,
      { problems },
    );
  };
  const parse = (line: string, where: string): Record<string, unknown> => {
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      /* reported below */
    }
    return fail([`${where} is not a JSON object.`]);
  };

  if (!text.endsWith('\n')) fail(['The file is cut short: it does not end with the closing line of a Verkosto backup.']);
  const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
  const body = text.slice(0, lastStart);
  const end = parse(text.slice(lastStart, -1), 'The last line');
  const first = parse(body.slice(0, body.indexOf('\n')), 'The first line');
  if (first.format !== BACKUP_FORMAT) fail(['This is not a Verkosto backup file (its first line does not say "verkosto-backup").']);
  if (first.formatVersion !== BACKUP_FORMAT_VERSION)
    fail([`The backup is in format version ${String(first.formatVersion)}; this Verkosto reads version ${BACKUP_FORMAT_VERSION}.`]);
  if (end.end !== BACKUP_FORMAT) fail(['The file is cut short: its last line is not the closing line of a Verkosto backup.']);
  if (end.sha256 !== sha256(body)) fail(['The file has been changed or damaged since it was written: its checksum does not match.']);
  checkSignature(body, end, trust);
  const schemaVersion = first.schemaVersion;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) fail(['The backup does not say which schema version it holds.']);

  const problems: string[] = [];
  const lines = body.split('\n').slice(1, -1);
  const layout = new Map(backupLayout().map((l) => [sectionName(l), l]));
  const seen = new Map<string, BackupSection>();
  const keys = new Map<string, Set<string>>();
  let i = 0;
  while (i < lines.length && problems.length < 100) {
    const head = parse(lines[i], `Line ${i + 2}`);
    const name = sectionName({ table: String(head.section), from: head.from as string | undefined, to: head.to as string | undefined });
    const expected = layout.get(name);
    const count = head.rows;
    if (!expected || typeof count !== 'number' || !Number.isInteger(count) || count < 0 || i + count >= lines.length) {
      problems.push(expected ? `Section ${name} does not say how many rows follow, or fewer follow.` : `Section ${name} is not a table of this Verkosto (line ${i + 2}).`);
      break;
    }
    if (seen.has(name)) problems.push(`Section ${name} appears twice.`);
    const columns = Object.keys(expected.columns);
    const given = Array.isArray(head.columns) ? head.columns.map(String) : [];
    if (given.length !== columns.length || given.some((c) => !(c in expected.columns))) {
      problems.push(`Section ${name} has the columns ${given.join(', ')}; this Verkosto has ${columns.join(', ')}.`);
    }
    const section: BackupSection = { table: expected.table, from: expected.from, to: expected.to, rows: [] };
    const tableKeys = expected.key ? (keys.get(expected.table) ?? new Set<string>()) : null;
    if (tableKeys) keys.set(expected.table, tableKeys);
    for (let r = 1; r <= count; r++) {
      const where = `${name}, row ${r} (line ${i + r + 2})`;
      const row = parse(lines[i + r], where) as Record<string, Value>;
      const names = expected.from ? ['from', 'to', ...columns] : columns;
      if (Object.keys(row).length !== names.length || names.some((c) => !(c in row))) {
        problems.push(`${where} does not have the columns of its section.`);
        continue;
      }
      for (const c of columns) {
        const problem = checkValue(row[c], expected.columns[c]);
        if (problem) problems.push(`${where}: ${c} ${problem}.`);
      }
      if (expected.from && (typeof row.from !== 'string' || typeof row.to !== 'string')) problems.push(`${where}: the ends are not both named.`);
      if (tableKeys && expected.key) {
        const key = row[expected.key];
        if (typeof key !== 'string' || key === '') problems.push(`${where}: ${expected.key} is missing.`);
        else if (tableKeys.has(key)) problems.push(`${where}: ${expected.key} ${key} is used twice.`);
        else tableKeys.add(key);
      }
      section.rows.push(row);
    }
    seen.set(name, section);
    i += count + 1;
  }
  for (const name of layout.keys()) if (!seen.has(name) && problems.length === 0) problems.push(`Section ${name} is missing: the file is not a whole backup.`);
  for (const section of seen.values()) {
    if (!section.from) continue;
    const [fromKeys, toKeys] = [keys.get(section.from), keys.get(section.to!)];
    const dangling = section.rows.filter((r) => !fromKeys?.has(String(r.from)) || !toKeys?.has(String(r.to)));
    if (dangling.length > 0) {
      problems.push(
        `${sectionName(section)}: ${dangling.length} relationship(s) name a ${section.from} or ${section.to} that is not in the file (first: ${String(dangling[0].from)} → ${String(dangling[0].to)}).`,
      );
    }
  }
  if (problems.length > 0) fail(problems);
  return { schemaVersion: schemaVersion as number, sections: [...seen.values()] };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkValue(value: Value, type: ColumnType): string | null {
  if (value === null) return null;
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? null : 'is not text';
    case 'DATE':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? null
        : 'is not a date (YYYY-MM-DD)';
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'is not a number';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : 'is not true or false';
    case 'STRING[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'is not a list of texts';
  }
}
