import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store';
import { CypherGraphStore } from './store/cypher-graph-store';
it('lbl', async () => {
  const store = (await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'lbl-')) })) as CypherGraphStore;
  const db = (store as any).db;
  const o = await store.createOrganisation({ name: 'A', kind: 'OTHER' });
  const a = await store.createActivity({ name: 'Act', type: 'EVENT' });
  const n = await store.createNetwork({ name: 'Net' });
  const p1 = await store.addParticipation({ organisationId: o.id, targetId: a.id, role: 'PARTNER' });
  console.log(p1);
  console.log(await db.read(`MATCH (o:Organisation)-[r:PARTICIPATES]->(t) WHERE r.id = $id RETURN label(t) AS l, t.id AS tid, r.id AS rid`, { id: p1.id }));
  console.log(await db.read(`MATCH (o:Organisation)-[r:PARTICIPATES]->(t) RETURN label(t) AS l, t.id AS tid, r.id AS rid`, {}));
  console.log(await db.read(`MATCH (o:Organisation)-[r:PARTICIPATES]->(t) WHERE r.id = $id RETURN t.id AS tid, label(t) AS l`, { id: p1.id }));
  await store.close();
});
