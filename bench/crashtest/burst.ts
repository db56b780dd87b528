/**
 * The crash test's writer of single mutations: opens the store named by DATA_DIR or NEO4J_URI and
 * creates organisations one after another, printing `ACK <id>` once each write has returned.
 */
import { openStore } from '@verkosto/graph';

async function main() {
  const [prefix, count] = [process.argv[2], Number(process.argv[3])];
  const uri = process.env.NEO4J_URI;
  const store = await openStore({ dataDir: process.env.DATA_DIR ?? '', neo4j: uri ? { uri, user: 'neo4j', password: '' } : null });
  for (let i = 0; i < count; i++) {
    const created = await store.createOrganisation({ name: `${prefix} yhdistys ${i}`, kind: 'ASSOCIATION' }, { id: 'crashtest', email: null });
    process.stdout.write(`ACK ${created.id}\n`);
  }
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
