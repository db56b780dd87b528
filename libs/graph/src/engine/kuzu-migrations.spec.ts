/**
 * A database written by an older version opens, migrates in place and keeps its data: here, a
 * version-1 database (before Organisation.mergedFrom) is brought to the current version.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as kuzu from 'kuzu';
import { SYSTEM_ACTOR } from '@verkosto/domain';
import { openStore } from '../open-store';
import { BOOTSTRAP, KUZU_SCHEMA } from '../schema';
import { KuzuEngine } from './kuzu-engine';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verkosto-migrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Version 1 as it shipped: the Organisation table without the column version 2 adds. */
async function writeVersionOne(dataDir: string) {
  const db = new kuzu.Database(join(dataDir, 'verkosto.kuzu'));
  const conn = new kuzu.Connection(db);
  const run = async (statement: string) => {
    const result = await conn.query(statement);
    (Array.isArray(result) ? result : [result]).forEach((r) => r.close());
  };
  const versionOne = KUZU_SCHEMA[1].map((statement) => statement.replace(', mergedFrom STRING', ''));
  expect(versionOne).not.toEqual(KUZU_SCHEMA[1]);
  await run(BOOTSTRAP.embedded);
  for (const statement of versionOne) await run(statement);
  await run("CREATE (:Meta {key: 'schemaVersion', value: '1'})");
  await run(`CREATE (:Organisation {id: 'org-old', name: 'Vanha yhdistys', kind: 'ASSOCIATION', sector: 'THIRD',
    nameKey: 'vanhayhdistys', permanent: true, mergedNames: CAST([] AS STRING[]), searchText: 'vanha yhdistys',
    sortKey: 'vanha yhdistys', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z'})`);
  await conn.close();
  await db.close();
}

describe('migrating an embedded database written by version 1', () => {
  it('adds the merge record column, keeps the data, and then works as a new database does', async () => {
    await writeVersionOne(dir);
    const store = await openStore({ dataDir: dir });
    try {
      expect(await store.getOrganisation('org-old')).toMatchObject({ name: 'Vanha yhdistys', mergedNames: [], mergedFrom: [] });
      const other = await store.createOrganisation({ name: 'Uusi yhdistys', kind: 'ASSOCIATION' }, SYSTEM_ACTOR);
      const { organisation } = await store.mergeOrganisations('org-old', [other.id], SYSTEM_ACTOR);
      expect(organisation.mergedFrom).toEqual([{ id: other.id, name: 'Uusi yhdistys', businessId: null, mergedAt: expect.any(String) }]);
      // A bulk load writes every column in table order: the added column must be where ALTER put it.
      await store.loadDataset({
        organisations: [{ id: 'org-bulk', name: 'Joukolla ladattu', kind: 'COMPANY' }],
        projects: [],
        activities: [],
        networks: [],
        participations: [],
      }, SYSTEM_ACTOR);
      expect(await store.getOrganisation('org-bulk')).toMatchObject({ sector: 'PRIVATE', mergedFrom: [] });
    } finally {
      await store.close();
    }
    // A second start finds nothing left to do.
    const engine = new KuzuEngine(dir);
    try {
      await engine.migrate();
      const [row] = await engine.read("MATCH (m:Meta {key: 'schemaVersion'}) RETURN m.value AS version");
      expect(row.version).toBe(String(Math.max(...Object.keys(KUZU_SCHEMA).map(Number))));
    } finally {
      await engine.close();
    }
  });
});
