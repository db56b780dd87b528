import { createHash, createHmac } from 'node:crypto';
import { DomainError } from '@verkosto/domain';
import { backupLayout, newBackupKey, readBackup, writeBackup as write, type Backup, type BackupTrust } from './backup';

const KEY = newBackupKey();
const OURS: BackupTrust = { keys: [KEY] };
const writeBackup = (backup: Backup) => write(backup, KEY);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const org = (id: string, name: string) => ({ id, name, kind: 'ASSOCIATION', permanent: true, mergedNames: [] });

function sample(): Backup {
  return {
    schemaVersion: 1,
    sections: [
      { table: 'Organisation', rows: [org('org-b', 'Beta'), org('org-a', 'Alfa')] },
      { table: 'Project', rows: [{ id: 'prj-1', name: 'Hanke', startDate: '2020-01-01', budget: 1500.5 }] },
      { table: 'Meta', rows: [{ key: 'schemaVersion', value: '1' }] },
      {
        table: 'PARTICIPATES',
        from: 'Organisation',
        to: 'Project',
        rows: [
          { to: 'prj-1', from: 'org-b', role: 'PARTNER', validFrom: '2020-02-01', id: 'par-2' },
          { from: 'org-a', to: 'prj-1', id: 'par-1', role: 'LEAD', validFrom: '2020-01-01' },
        ],
      },
    ],
  };
}

/**
 * Rewrites the body with `edit` and seals it again with a correct checksum, as a careful forger
 * would; with `key`, also with a correct HMAC (someone holding the key).
 */
function reseal(file: string, edit: (body: string) => string, key: string | null = KEY): string {
  const lines = file.trimEnd().split('\n');
  const body = edit(lines.slice(0, -1).join('\n') + '\n');
  const end = JSON.parse(lines[lines.length - 1]);
  const signature = key ? { hmac: createHmac('sha256', key).update(body).digest('hex') } : {};
  return body + JSON.stringify({ ...end, sha256: sha256(body), ...signature }) + '\n';
}

function refusal(text: string, trust: BackupTrust = OURS, code = 'BAD_USER_INPUT'): DomainError {
  try {
    readBackup(text, trust);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }
  throw new Error('The file was accepted');
}
const reason = (text: string) => refusal(text).message;

describe('backup file', () => {
  it('is the same text whatever order the rows and their keys come in', () => {
    const backup = sample();
    const shuffled: Backup = {
      ...backup,
      sections: backup.sections.map((s) => ({ ...s, rows: [...s.rows].reverse().map((r) => Object.fromEntries(Object.entries(r).reverse())) })).reverse(),
    };
    expect(writeBackup(shuffled)).toBe(writeBackup(backup));
  });

  it('holds every table of the schema, node rows by key, with every column', () => {
    const file = writeBackup(sample());
    const lines = file.trimEnd().split('\n');
    expect(JSON.parse(lines[0])).toEqual({ format: 'verkosto-backup', formatVersion: 1, schemaVersion: 1, sections: backupLayout().length });
    const headers = lines.filter((l) => l.startsWith('{"section"')).map((l) => JSON.parse(l).section);
    expect(new Set(headers)).toEqual(new Set(backupLayout().map((l) => l.table)));
    const orgs = lines.filter((l) => l.startsWith('{"id":"org-'));
    expect(orgs.map((l) => JSON.parse(l).id)).toEqual(['org-a', 'org-b']);
    expect(JSON.parse(orgs[0])).toMatchObject({ businessId: null, website: null, mergedNames: [] });
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ end: 'verkosto-backup', rows: 6 });
  });

  it('reads back what it wrote', () => {
    const read = readBackup(writeBackup(sample()), OURS);
    expect(read.schemaVersion).toBe(1);
    const participations = read.sections.find((s) => s.table === 'PARTICIPATES' && s.to === 'Project')!;
    expect(participations.rows.map((r) => [r.from, r.id, r.validFrom])).toEqual([
      ['org-a', 'par-1', '2020-01-01'],
      ['org-b', 'par-2', '2020-02-01'],
    ]);
    expect(read.sections.find((s) => s.table === 'Project')!.rows[0]).toMatchObject({ budget: 1500.5, endDate: null });
  });

  it('refuses a changed byte, a cut file and a file that is not a backup', () => {
    const file = writeBackup(sample());
    expect(reason(file.replace('Alfa', 'Alfb'))).toMatch(/checksum does not match/);
    expect(reason(file.slice(0, -40))).toMatch(/cut short/);
    expect(reason('name,kind\nAlfa,ASSOCIATION\n')).toMatch(/not a JSON object/);
    expect(reason('{"format":"something-else"}\n{}\n')).toMatch(/not a Verkosto backup/);
  });

  it('refuses rows that do not fit the schema, even with a valid checksum, and says where', () => {
    const file = writeBackup(sample());
    expect(reason(reseal(file, (b) => b.replace('"startDate":"2020-01-01"', '"startDate":"2020-02-30"')))).toMatch(/Project, row 1 .*startDate is not a date/);
    expect(reason(reseal(file, (b) => b.replace('"budget":1500.5', '"budget":"1500,5"')))).toMatch(/budget is not a number/);
    expect(reason(reseal(file, (b) => b.replace('"id":"org-b"', '"id":"org-a"')))).toMatch(/id org-a is used twice/);
    expect(reason(reseal(file, (b) => b.replace('"from":"org-b"', '"from":"org-gone"')))).toMatch(
      /name a Organisation or Project that is not in the file \(first: org-gone → prj-1\)/,
    );
    expect(reason(reseal(file, (b) => b.replace('{"section":"Project"', '{"section":"Projekt"')))).toMatch(/Section Projekt is not a table of this Verkosto/);
    expect(reason(reseal(file, (b) => b.replace('"columns":["key","value"]', '"columns":["key","value","extra"]')))).toMatch(/Section Meta has the columns key, value, extra/);
    expect(reason(reseal(file, (b) => b.replace(/\{"section":"ADOPTED".*\n/, '')))).toMatch(/Section ADOPTED \(Organisation → OperatingModel\) is missing/);
  });
});

describe('backup signature', () => {
  const file = writeBackup(sample());
  const edited = (b: string) => b.replace('"role":"LEAD"', '"role":"PARTNER"');

  it('refuses a file edited and re-sealed with a right checksum, in Finnish, Swedish and English', () => {
    const forged = reseal(file, edited, null);
    expect(readBackup(reseal(file, edited), OURS).sections.length).toBeGreaterThan(0); // the forgery itself is well formed
    const error = refusal(forged, OURS, 'BACKUP_TAMPERED');
    expect(error.message).toMatch(/changed since it was made/);
    expect(error.details.messages).toEqual({ fi: expect.stringMatching(/on muutettu/), sv: expect.stringMatching(/har ändrats/), en: error.message });
    // Not even with the override for files signed elsewhere: it names our key and does not match it.
    refusal(forged, { ...OURS, trustUnsigned: true }, 'BACKUP_TAMPERED');
  });

  it('asks for the key of the instance that wrote it, or an explicit override, for a file signed elsewhere or unsigned', () => {
    const theirs = newBackupKey();
    const elsewhere = write(sample(), theirs);
    expect(refusal(elsewhere, OURS, 'BACKUP_UNVERIFIED').message).toMatch(/--key or BACKUP_KEY/);
    expect(readBackup(elsewhere, { keys: [KEY, theirs] }).schemaVersion).toBe(1);
    const lines = file.trimEnd().split('\n');
    const { hmac: _h, keyId: _k, ...end } = JSON.parse(lines[lines.length - 1]);
    const unsigned = `${lines.slice(0, -1).join('\n')}\n${JSON.stringify(end)}\n`;
    refusal(unsigned, OURS, 'BACKUP_UNVERIFIED');
    expect(readBackup(unsigned, { ...OURS, trustUnsigned: true }).schemaVersion).toBe(1);
    // The given key proves nothing for a file edited after it was signed with it.
    refusal(reseal(elsewhere, edited, null), { keys: [KEY, theirs] }, 'BACKUP_TAMPERED');
  });

  it('finds damage before the signature', () => {
    expect(reason(file.replace('Alfa', 'Alfb'))).toMatch(/checksum does not match/);
  });
});
