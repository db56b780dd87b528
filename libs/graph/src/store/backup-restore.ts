/** The backup file of every table, and restoring one into an empty (or replaced) database. */
import { badInput, conflict } from '@verkosto/domain';
import { newBackupKey, readBackup, writeBackup, type BackupSection } from '../backup';
import type { EngineTx } from '../engine/engine';
import type { RestoreOptions, RestoreReport } from '../graph-store';
import { REFERENCE_TABLES } from '../reference-data';
import { NODE_TABLES, REL_TABLES } from '../schema';
import type { Queries } from './queries';
import { BACKUP_KEY, GRAPH_VERSION, isLocalMetaKey, type StoreContext } from './store-context';

const isLocal = (table: string, key: unknown) => table === 'Meta' && isLocalMetaKey(key);

/**
 * Backups are signed with the instance's backup key: the configured one (BACKUP_KEY), or one made
 * on first use and kept in Meta, which no backup holds and a restore keeps.
 */
export class BackupRestore {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly configuredKey: string | null = null,
  ) {
    this.q = ctx.q;
  }

  /** The key this instance signs backups with and checks them against. */
  async backupKey(): Promise<string> {
    if (this.configuredKey) return this.configuredKey;
    const [row] = await this.ctx.reads.read(this.q.meta.get, { key: BACKUP_KEY });
    if (row) return String(row.value);
    return this.ctx.reads.write(async (tx) => {
      await tx.run(this.q.meta.lock, { key: GRAPH_VERSION });
      return this.keptKey(tx);
    });
  }

  /** The key in Meta, made now if there is none; the caller holds the graph version's lock. */
  private async keptKey(tx: EngineTx): Promise<string> {
    const [row] = await tx.run(this.q.meta.get, { key: BACKUP_KEY });
    if (row) return String(row.value);
    const key = newBackupKey();
    await tx.run(this.q.meta.set, { key: BACKUP_KEY, value: key });
    return key;
  }

  async backup(): Promise<string> {
    // Inside a write transaction holding the graph version's lock: no write, of this process or
    // another, lands between the tables (Neo4j reads are only read-committed), so the file is consistent.
    return this.ctx.reads.write(async (tx) => {
      await tx.run(this.q.meta.lock, { key: GRAPH_VERSION });
      const sections: BackupSection[] = [];
      for (const t of NODE_TABLES) {
        const names = Object.keys(t.columns);
        const rows = (await tx.run(this.q.backup.nodes[t.label])).filter((r) => !isLocal(t.label, r.c0));
        sections.push({ table: t.label, rows: rows.map((r) => Object.fromEntries(names.map((c, i) => [c, r[`c${i}`]]))) });
      }
      for (const t of REL_TABLES) {
        const names = Object.keys(t.columns);
        for (const [from, to] of t.pairs) {
          const rows = await tx.run(this.q.backup.rels[`${t.type}:${from}:${to}`]);
          sections.push({
            table: t.type,
            from,
            to,
            rows: rows.map((r) => ({ from: r.endpointFrom, to: r.endpointTo, ...Object.fromEntries(names.map((c, i) => [c, r[`c${i}`]])) })),
          });
        }
      }
      const [version] = await tx.run(this.q.meta.get, { key: 'schemaVersion' });
      return writeBackup({ schemaVersion: Number(version?.value), sections }, this.configuredKey ?? (await this.keptKey(tx)));
    });
  }

  async restore(file: string, options: RestoreOptions = {}): Promise<RestoreReport> {
    const backup = readBackup(file, { keys: [await this.backupKey(), ...(options.keys ?? [])], trustUnsigned: options.trustUnsigned });
    return this.ctx.db.write(async (tx) => {
      const [version] = await tx.run(this.q.meta.get, { key: 'schemaVersion' });
      const current = Number(version?.value);
      if (backup.schemaVersion !== current) {
        throw badInput(
          `The backup holds schema version ${backup.schemaVersion}; this database is at version ${current}. ` +
            'Restore it with the Verkosto version that wrote it; nothing was changed.',
        );
      }
      const held: string[] = [];
      for (const t of NODE_TABLES) {
        if (REFERENCE_TABLES.includes(t.label)) continue;
        const [row] = await tx.run(this.q.backup.count[t.label]);
        if (Number(row?.n ?? 0) > 0) held.push(`${Number(row.n)} ${t.label}`);
      }
      if (held.length > 0 && !options.replace) {
        throw conflict(
          `The database is not empty (it holds ${held.join(', ')}): a backup is restored only into an empty database, ` +
            'unless you choose to replace everything in it. Nothing was changed.',
        );
      }
      const [kept] = await tx.run(this.q.meta.get, { key: BACKUP_KEY });
      for (const t of NODE_TABLES) await tx.run(this.q.backup.clear[t.label]);
      // The versions and the backup key are this database's own (the write sets new versions), not the file's.
      const rowsOf = (s: BackupSection) => s.rows.filter((r) => !isLocal(s.table, r.key));
      await tx.bulkLoad(backup.sections.map((s) => ({ name: s.table, from: s.from, to: s.to, rows: rowsOf(s) })));
      if (kept) await tx.run(this.q.meta.set, { key: BACKUP_KEY, value: kept.value });
      const rows: Record<string, number> = {};
      for (const s of backup.sections) rows[s.table] = (rows[s.table] ?? 0) + s.rows.length;
      return { rows, total: Object.values(rows).reduce((a, b) => a + b, 0), replaced: held.length > 0 };
    });
  }
}
