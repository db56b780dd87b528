import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUZU_SCHEMA, nodeTable } from '../schema';
import { KuzuEngine, kuzuDialect } from './kuzu-engine';

jest.setTimeout(60_000);

/** An engine that knows only the first schema version: a database made before later steps existed. */
class FirstVersionEngine extends KuzuEngine {
  override readonly dialect = { ...kuzuDialect, schema: { 1: KUZU_SCHEMA[1] } };
}

const VERSION = "MATCH (m:Meta {key: 'schemaVersion'}) RETURN m.value AS version";

describe('migrations on the embedded engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verkosto-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('brings a version-1 database up to date once, keeping its data, and new columns take bulk loads', async () => {
    const old = new FirstVersionEngine(dir);
    await old.migrate();
    expect(await old.read(VERSION)).toEqual([{ version: '1' }]);
    await old.write((tx) => tx.run("CREATE (:Project {id: 'p-old', name: 'Vanha', budget: 10})"));
    await old.close();

    const latest = Math.max(...Object.keys(KUZU_SCHEMA).map(Number));
    const current = new KuzuEngine(dir);
    try {
      await current.migrate();
      await current.migrate(); // idempotent: nothing above the stored version is left to apply
      expect(await current.read(VERSION)).toEqual([{ version: String(latest) }]);
      const columns = Object.keys(nodeTable('Project').columns);
      expect(columns.slice(-2)).toEqual(['grantedFunding', 'paidFunding']);
      await current.write((tx) =>
        tx.bulkLoad([{ name: 'Project', rows: [{ id: 'p-new', name: 'Uusi', grantedFunding: 5.5, paidFunding: -876 }] }]),
      );
      const rows = await current.read('MATCH (p:Project) RETURN p.id AS id, p.budget AS budget, p.grantedFunding AS granted, p.paidFunding AS paid ORDER BY id');
      expect(rows).toEqual([
        { id: 'p-new', budget: null, granted: 5.5, paid: -876 },
        { id: 'p-old', budget: 10, granted: null, paid: null },
      ]);
    } finally {
      await current.close();
    }
  });
});
