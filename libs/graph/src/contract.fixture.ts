/**
 * What the store contract suites share: the engines they run on, temporary folders, unique tags,
 * the recorded actor, assertions on refused writes, and a small dated network to load.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, type Actor, type DomainErrorCode, type SeedDataset } from '@verkosto/domain';
import type { GraphStore, Page } from './graph-store';
import type { StoreConfig } from './open-store';
import { createTestNeo4j, NEO4J_SKIPPED, testNeo4jConfig, testNeo4jControl, type TestNeo4j } from './testing/test-neo4j';

// ── engines ─────────────────────────────────────────────────────────────────────────────────

export interface EngineLeg {
  name: 'embedded' | 'neo4j';
  /** The store config for `dataDir`: each new folder is an empty database of its own, on either engine. */
  config(dataDir: string): Promise<StoreConfig>;
}

/** On Neo4j a folder stands for a database of the test server: the same folder reopens the same one. */
const neo4jByDir = new Map<string, Promise<TestNeo4j>>();
afterAll(async () => {
  await Promise.all([...neo4jByDir.values()].map(async (db) => (await db).drop()));
  neo4jByDir.clear();
}, 180_000);

export const legs: EngineLeg[] = [{ name: 'embedded', config: async (dataDir) => ({ dataDir }) }];
if (testNeo4jControl()) {
  legs.push({
    name: 'neo4j',
    config: async (dataDir) => {
      if (!neo4jByDir.has(dataDir)) neo4jByDir.set(dataDir, createTestNeo4j());
      return { dataDir, neo4j: testNeo4jConfig((await neo4jByDir.get(dataDir)!).uri) };
    },
  });
} else {
  console.log(NEO4J_SKIPPED);
}

const tempDirs: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verkosto-contract-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// ── fixtures ────────────────────────────────────────────────────────────────────────────────

/** Who the contract's writes are recorded as. */
export const actor: Actor = { id: 'user-contract', email: 'koordinaattori@example.fi' };

/** A short unique tag that makes every name and code of one test its own. */
export const tag = () => randomBytes(4).toString('hex');

export async function expectDomainError(work: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

/** The mutation is refused with `code`, and every count in the database is as it was. */
export async function expectRefusedUnchanged(store: GraphStore, code: DomainErrorCode, work: () => Promise<unknown>) {
  const before = await store.counts();
  const error = await expectDomainError(work(), code);
  expect(await store.counts()).toEqual(before);
  return error;
}

/** Walks every page of a list and reports what it saw. */
export async function walk<T extends { id: string }>(fetch: (after: string | null) => Promise<Page<T>>) {
  const pages: Page<T>[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page: Page<T> = await fetch(after);
    pages.push(page);
    if (!page.hasNextPage) break;
    expect(page.endCursor).not.toBeNull();
    after = page.endCursor;
  }
  return { pages, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
}

/**
 * A small two-project network (ids prefixed with `t`):
 * p1 (2019–2020) is followed up by p2 (2020–2021, in the network); a1 runs under p1, a2 under p2
 * and continues a1; a3 continues a2 on permanent funding. The city coordinates until mid-2021,
 * then the parish. The association adopted the operating model.
 */
export function dataset(t: string) {
  const ids = {
    city: `${t}-city`,
    parish: `${t}-parish`,
    assoc: `${t}-assoc`,
    net: `${t}-net`,
    p1: `${t}-p1`,
    p2: `${t}-p2`,
    a1: `${t}-a1`,
    a2: `${t}-a2`,
    a3: `${t}-a3`,
    model: `${t}-model`,
  };
  const data: SeedDataset = {
    organisations: [
      { id: ids.city, name: `Kaupunki ${t}`, kind: 'MUNICIPALITY', municipalityCode: '305' },
      { id: ids.parish, name: `Seurakunta ${t}`, kind: 'PARISH' },
      { id: ids.assoc, name: `Yhdistys ${t}`, kind: 'ASSOCIATION', municipalityCode: '905', permanent: true },
    ],
    networks: [{ id: ids.net, name: `Verkosto ${t}`, regionCode: '17' }],
    projects: [
      { id: ids.p1, code: `P1-${t}`, name: `Hanke ${t} yksi`, startDate: '2019-01-01', endDate: '2020-04-30', budget: 100000.5 },
      {
        id: ids.p2,
        code: `P2-${t}`,
        name: `Hanke ${t} kaksi`,
        startDate: '2020-05-01',
        endDate: '2021-12-31',
        predecessorId: ids.p1,
        networkIds: [ids.net],
        methodIds: ['co-development'],
      },
    ],
    activities: [
      { id: ids.a1, name: `Kesäkeidas ${t} 2019`, type: 'EVENT', startDate: '2019-05-01', endDate: '2019-09-30', projectId: ids.p1 },
      {
        id: ids.a2,
        name: `Kesäkeidas ${t} 2020`,
        type: 'EVENT',
        startDate: '2020-05-01',
        endDate: '2020-09-30',
        projectId: ids.p2,
        continuesId: ids.a1,
        municipalityCode: '305',
        methodIds: ['nature-based'],
        targetGroupIds: ['immigrants'],
      },
      { id: ids.a3, name: `Kesäkeidas ${t} 2021`, type: 'EVENT', startDate: '2021-05-01', continuesId: ids.a2 },
    ],
    participations: [
      { organisationId: ids.city, targetId: ids.p1, role: 'LEAD', validFrom: '2019-01-01', validTo: '2020-04-30' },
      { organisationId: ids.parish, targetId: ids.p2, role: 'PARTNER', validFrom: '2020-05-01', validTo: '2021-12-31' },
      { organisationId: ids.assoc, targetId: ids.a1, role: 'ORGANISER', validFrom: '2019-05-01', validTo: '2019-09-30' },
      { organisationId: ids.parish, targetId: ids.a2, role: 'ORGANISER', validFrom: '2020-05-01', validTo: '2020-09-30' },
      { organisationId: ids.parish, targetId: ids.a3, role: 'ORGANISER', validFrom: '2021-05-01' },
      { organisationId: ids.city, targetId: ids.net, role: 'COORDINATOR', validFrom: '2019-01-01', validTo: '2021-06-30' },
      { organisationId: ids.parish, targetId: ids.net, role: 'COORDINATOR', validFrom: '2021-07-01' },
      { organisationId: ids.assoc, targetId: ids.net, role: 'MEMBER', validFrom: '2019-01-01' },
    ],
    operatingModels: [{ id: ids.model, name: `Osallisuusverkostomalli ${t}` }],
    adoptions: [{ organisationId: ids.assoc, operatingModelId: ids.model, validFrom: '2022-01-01' }],
  };
  return { t, ids, data };
}
