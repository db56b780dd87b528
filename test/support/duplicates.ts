import { SYSTEM_ACTOR } from '@verkosto/domain';
import { openStore } from '@verkosto/graph';
import type { TestApp } from './app';

/** Two records of one association, as an old spreadsheet import leaves them: one name, two spellings. */
export const DUPLICATES = {
  first: { id: 'org-e2e-kylatalo-a', name: 'Kylätalo Esimerkki ry' },
  second: { id: 'org-e2e-kylatalo-b', name: 'KYLÄTALO ESIMERKKI R.Y.' },
};

/**
 * Stops the app, writes the two duplicates straight into its database (the API refuses to create a
 * second one by design), gives each a participation in the demo data, and starts the app again.
 */
export async function seedDuplicates(app: TestApp): Promise<void> {
  await app.stop();
  const store = await openStore(await app.storeConfig());
  try {
    await store.loadDataset(
      {
        organisations: [
          { ...DUPLICATES.first, kind: 'ASSOCIATION', municipalityCode: '305' },
          { ...DUPLICATES.second, kind: 'ASSOCIATION', businessId: '1234567-1' },
        ],
        projects: [],
        activities: [],
        networks: [],
        participations: [],
      },
      SYSTEM_ACTOR,
    );
    await store.addParticipation({ organisationId: DUPLICATES.first.id, targetId: 'net-kuusamo', role: 'MEMBER', validFrom: '2021-01-01' }, SYSTEM_ACTOR);
    await store.addParticipation(
      { organisationId: DUPLICATES.second.id, targetId: 'act-kesakeidas-2021', role: 'VENUE', validFrom: '2021-06-01', validTo: '2021-08-31' },
      SYSTEM_ACTOR,
    );
  } finally {
    await store.close();
  }
  await app.start();
}
