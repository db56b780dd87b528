import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestApp, cleanEnv } from './support/app';

jest.setTimeout(120_000);

const CLI = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'cli', 'backup.js');
const run = promisify(execFile);

/** Edits the body and computes the checksum again, as a careful forger would (the HMAC they cannot). */
function reseal(file: string, edit: (body: string) => string): string {
  const lines = file.trimEnd().split('\n');
  const body = edit(`${lines.slice(0, -1).join('\n')}\n`);
  const end = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
  return `${body}${JSON.stringify({ ...end, sha256: createHash('sha256').update(body).digest('hex') })}\n`;
}

/** GET /api/backup and POST /api/restore, and the same from the command line. */
describe('backup and restore', () => {
  const demo = new TestApp();
  const empty = new TestApp();
  const files = mkdtempSync(join(tmpdir(), 'verkosto-backups-'));
  // Moving to a new machine with the old one's key: both sign with it, so their files are the same bytes.
  const BACKUP_KEY = randomBytes(32).toString('base64url');
  // A new instance: no demo data and no accounts, so whoever sets it up may restore into it.
  beforeAll(() => Promise.all([demo.start({ BACKUP_KEY }), empty.start({ DEMO_DATA: 'false', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', BACKUP_KEY })]), 90_000);
  afterAll(async () => {
    await Promise.all([demo.remove(), empty.remove()]);
    rmSync(files, { recursive: true, force: true });
  });

  /** As the demo's administrator: a restore brings the demo's accounts and tokens along. */
  async function backupOf(app: TestApp): Promise<Buffer> {
    const response = await fetch(`${app.url}/api/backup`, { headers: demo.headers() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="verkosto-backup-\d{4}-\d{2}-\d{2}\.jsonl"/);
    return Buffer.from(await response.arrayBuffer());
  }
  const restore = (app: TestApp, body: Buffer | string, query = '', headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/restore${query}`, { method: 'POST', headers: { ...demo.headers(), 'content-type': 'application/x-ndjson', ...headers }, body: body.toString() });
  /** The Kuusamo network as the API answers it, in id order (the engine's row order may differ). */
  async function kuusamo(app: TestApp) {
    type Item = { id: string };
    const { networkGraph } = await app.ok<{ networkGraph: { nodes: Item[]; edges: Item[] } }>(
      '{ networkGraph(networkId: "net-kuusamo") { nodes { id label validFrom validTo } edges { id kind source target role validFrom validTo } } }',
    );
    const byId = (a: Item, b: Item) => (a.id < b.id ? -1 : 1);
    return { nodes: [...networkGraph.nodes].sort(byId), edges: [...networkGraph.edges].sort(byId) };
  }

  let demoBackup: Buffer;

  it('backup → empty database → restore → backup gives identical files; relayed from another machine, with the set-up code', async () => {
    demoBackup = await backupOf(demo);
    // Through a reverse proxy on this machine that Verkosto was not told of (no TRUST_PROXY): not loopback.
    const relayed = { 'x-forwarded-for': '203.0.113.8' };
    const refused = await restore(empty, demoBackup, '', relayed);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('SETUP_CODE_REQUIRED');
    const response = await restore(empty, demoBackup, '', { ...relayed, 'x-setup-code': empty.setupCode() });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { rows: Record<string, number>; total: number; replaced: boolean };
    expect(report.replaced).toBe(false);
    expect(report.rows.Organisation).toBeGreaterThan(20);
    expect(report.rows.PARTICIPATES).toBeGreaterThan(50);
    expect((await backupOf(empty)).equals(demoBackup)).toBe(true);
    expect(await kuusamo(empty)).toEqual(await kuusamo(demo));
  });

  it('refuses to restore over data unless told to replace it', async () => {
    const refused = await restore(empty, demoBackup);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/not empty .*Organisation.*Nothing was changed/);
    await empty.as(demo.credentials).ok('mutation { createOrganisation(input: { name: "Väliaikainen yhdistys", kind: ASSOCIATION }) { id } }');
    const replaced = await restore(empty, demoBackup, '?replace=true');
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as { replaced: boolean }).replaced).toBe(true);
    expect((await backupOf(empty)).equals(demoBackup)).toBe(true);
  });

  it('a corrupt file changes nothing and says why', async () => {
    const text = demoBackup.toString('utf8');
    const damaged = text.replace('"role":"LEAD"', '"role":"PARTNER"');
    expect(damaged).not.toBe(text);
    for (const [body, reason] of [
      [damaged, /checksum does not match/],
      [text.slice(0, text.length / 3), /cut short/],
      ['id,name\norg-1,Yhdistys\n', /not a JSON object/],
    ] as const) {
      const response = await restore(empty, body, '?replace=true');
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: string; code: string; problems: string[] };
      expect(answer.code).toBe('BAD_USER_INPUT');
      expect(answer.error).toMatch(reason);
      expect(answer.error).toMatch(/nothing was changed/);
      expect(answer.problems.length).toBeGreaterThan(0);
    }
    // A form post cannot carry the file's bytes: refused whole, by the form parser or by the route.
    const asForm = await fetch(`${empty.url}/api/restore?replace=true`, {
      method: 'POST',
      headers: { ...demo.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: text,
    });
    expect([400, 413]).toContain(asForm.status);
    const smallForm = await fetch(`${empty.url}/api/restore?replace=true`, {
      method: 'POST',
      headers: { ...demo.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'file=x',
    });
    expect(((await smallForm.json()) as { error: string }).error).toMatch(/Content-Type application\/x-ndjson/);
    expect((await backupOf(empty)).equals(demoBackup)).toBe(true);
  });

  it('refuses a file edited after it was made, even with a right checksum, in three languages', async () => {
    const forged = reseal(demoBackup.toString('utf8'), (body) => body.replace('"role":"LEAD"', '"role":"PARTNER"'));
    for (const query of ['?replace=true', '?replace=true&trustUnsigned=true']) {
      const response = await restore(empty, forged, query);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { code: string; error: string; messages: Record<string, string> };
      expect(answer.code).toBe('BACKUP_TAMPERED');
      expect(answer.error).toMatch(/changed since it was made.*nothing was changed/);
      expect(answer.messages).toEqual({ fi: expect.stringMatching(/on muutettu/), sv: expect.stringMatching(/har ändrats/), en: answer.error });
    }
    expect((await backupOf(empty)).equals(demoBackup)).toBe(true);
  });

  it('restores a file it cannot check (an earlier release) only when told to trust it', async () => {
    const lines = demoBackup.toString('utf8').trimEnd().split('\n');
    const { hmac: _hmac, keyId: _keyId, ...end } = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
    const unsigned = `${lines.slice(0, -1).join('\n')}\n${JSON.stringify(end)}\n`;
    const refused = await restore(empty, unsigned, '?replace=true');
    expect(refused.status).toBe(400);
    expect((await refused.json()) as { code: string; error: string }).toMatchObject({ code: 'BACKUP_UNVERIFIED', error: expect.stringMatching(/--trust-unsigned/) });
    expect((await restore(empty, unsigned, '?replace=true&trustUnsigned=true')).status).toBe(200);
    expect((await backupOf(empty)).equals(demoBackup)).toBe(true);
  });

  it('writes the same file from the command line, and restores it into an empty folder', async () => {
    await empty.stop(); // the command line writes to the database the app had open
    const file = join(files, 'demo.jsonl');
    const backup = await run(process.execPath, [CLI, 'backup', file], { env: { ...cleanEnv(), ...(await empty.databaseEnv()), BACKUP_KEY } });
    expect(backup.stdout).toMatch(/Backed up [\d,]+ rows/);
    expect(readFileSync(file).equals(demoBackup)).toBe(true);

    const fresh = new TestApp();
    try {
      // A new machine with a key of its own: the old one's key is given to the restore.
      const env = { ...cleanEnv(), ...(await fresh.databaseEnv()) };
      const unverified = await run(process.execPath, [CLI, 'restore', file], { env: { ...env, LANG: 'sv_FI.UTF-8' } }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(unverified?.code).toBe(1);
      expect(unverified?.stderr).toMatch(/signatur kan inte kontrolleras/);
      const restored = await run(process.execPath, [CLI, 'restore', file, '--key', BACKUP_KEY], { env });
      expect(restored.stdout).toMatch(/Restored [\d,]+ rows into (the embedded database|Neo4j)/);
      const own = (await run(process.execPath, [CLI, 'backup', '--print-key'], { env })).stdout.trim();
      expect(own).toMatch(/^[\w-]{43}$/);
      expect(own).not.toBe(BACKUP_KEY);
      expect(readFileSync(file, 'utf8')).not.toContain(own);
      writeFileSync(join(files, 'damaged.jsonl'), readFileSync(file, 'utf8').replace('Kuusamo', 'Kuusano'));
      const failed = await run(process.execPath, [CLI, 'restore', join(files, 'damaged.jsonl'), '--replace'], { env: { ...cleanEnv(), ...(await fresh.databaseEnv()) } }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/checksum does not match/);
      // Holds data already, so the demo is not loaded over it; no sign-in, which would add a token.
      await fresh.start({ DEMO_DATA: 'true', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', BACKUP_KEY });
      expect((await backupOf(fresh)).equals(demoBackup)).toBe(true);
    } finally {
      await fresh.remove();
    }
  });
});
