/** The backup file of every table, and restoring one into an empty (or replaced) database. */
import { badInput, conflict } from '@verkosto/domain';
import { readBackup, writeBackup, type BackupSection } from '../backup';
import type { RestoreReport } from '../graph-store';
import { REFERENCE_TABLES } from '../reference-data';
import { NODE_TABLES, REL_TABLES } from '../schema';
import type { Queries } from './queries';
import { GRAPH_VERSION, isVersionKey, type StoreContext } from './store-context';

const isVersion = (table: string, key: unknown) => table === 'Meta' && isVersionKey(key);

export class BackupRestore {
  private readonly q: Queries;

  constructor(private readonly ctx: StoreContext) {
    this.q = ctx.q;
  }

  async backup(): Promise<string> {
    // Inside a write transaction holding the graph version's lock: no write, of this process or
    // another, lands between the tables (Neo4j reads are only read-committed), so the file is consistent.
    return this.ctx.reads.write(async (tx) => {
      await tx.run(this.q.meta.lock, { key: GRAPH_VERSION });
      const sections: BackupSection[] = [];
      for (const t of NODE_TABLES) {
        const names = Object.keys(t.columns);
        const rows = (await tx.run(this.q.backup.nodes[t.label])).filter((r) => !isVersion(t.label, r.c0));
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
      return writeBackup({ schemaVersion: Number(version?.value), sections });
    });
  }

  async restore(file: string, options: { replace?: boolean } = {}): Promise<RestoreReport> {
    const backup = readBackup(file);
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
      for (const t of NODE_TABLES) await tx.run(this.q.backup.clear[t.label]);
      // The versions are this database's own (the write sets new ones), not the backup's.
      const rowsOf = (s: BackupSection) => s.rows.filter((r) => !isVersion(s.table, r.key));
      await tx.bulkLoad(backup.sections.map((s) => ({ name: s.table, from: s.from, to: s.to, rows: rowsOf(s) })));
      const rows: Record<string, number> = {};
      for (const s of backup.sections) rows[s.table] = (rows[s.table] ?? 0) + s.rows.length;
      return { rows, total: Object.values(rows).reduce((a, b) => a + b, 0), replaced: held.length > 0 };
    });
  }
}
