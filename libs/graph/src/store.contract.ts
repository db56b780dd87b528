/**
 * The store contract: every GraphStore method, run unchanged on every engine that is available.
 * Embedded (SQLite) always; Neo4j when the test run started its own (contract.fixture.ts). Every
 * open of a new folder is an empty database on either engine. Tests create their own data under
 * unique names, so they can run in any order.
 */
import {
  METHODS,
  TARGET_GROUPS,
  businessIdCheckDigit,
  noChanges,
  type BaselinePart,
  type GraphSnapshot,
  type ParticipationRecord,
  type ProjectRecord,
  type SeedDataset,
} from '@verkosto/domain';
import { actor, dataset, expectDomainError, expectRefusedUnchanged, legs, tag, tempDir, walk } from './contract.fixture';
import { createHash } from 'node:crypto';
import { newBackupKey, readBackup, writeBackup } from './backup';
import type { GraphStore } from './graph-store';
import { openStore } from './open-store';

jest.setTimeout(60_000);

// ── fixtures ────────────────────────────────────────────────────────────────────────────────

/** A fresh valid Finnish business ID (Y-tunnus). */
function businessId(): string {
  for (;;) {
    const digits = String(1_000_000 + Math.floor(Math.random() * 8_999_999));
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}

/** A business ID in the right form whose check digit is wrong. */
function badBusinessId(): string {
  const [digits, check] = businessId().split('-');
  return `${digits}-${(Number(check) + 1) % 10}`;
}

const nodeIds = (snapshot: GraphSnapshot) => snapshot.nodes.map((n) => n.id);
const edgeKeys = (snapshot: GraphSnapshot) => snapshot.edges.map((e) => `${e.kind}:${e.source}>${e.target}`);

// ── the contract ────────────────────────────────────────────────────────────────────────────

describe.each(legs)('GraphStore contract on $name', (leg) => {
  let store: GraphStore;
  const dataDir = tempDir();

  beforeAll(async () => {
    store = await openStore(await leg.config(dataDir));
  });
  afterAll(async () => {
    await store?.close();
  });

  const org = (overrides: Partial<Parameters<GraphStore['createOrganisation']>[0]> = {}) =>
    store.createOrganisation({ name: `Organisaatio ${tag()}`, kind: 'ASSOCIATION', ...overrides }, actor);
  const project = (overrides: Partial<Parameters<GraphStore['createProject']>[0]> = {}) => store.createProject({ name: `Hanke ${tag()}`, code: `S${tag()}`, ...overrides }, actor);
  const activity = (overrides: Partial<Parameters<GraphStore['createActivity']>[0]> = {}) =>
    store.createActivity({ name: `Toiminta ${tag()}`, type: 'WORKSHOP', ...overrides }, actor);
  const network = (overrides: Partial<Parameters<GraphStore['createNetwork']>[0]> = {}) => store.createNetwork({ name: `Verkosto ${tag()}`, ...overrides }, actor);

  it('reports which engine it runs on', () => {
    expect(store.engine).toBe(leg.name);
  });

  describe('organisations', () => {
    it('creates an organisation and reads it back with every field', async () => {
      const id = businessId();
      const created = await org({
        name: '  Kuusamon Kaupunki ' + tag(),
        kind: 'MUNICIPALITY',
        businessId: id.replace('-', ''),
        municipalityCode: '305',
        website: 'kuusamo.fi',
      });
      expect(created).toMatchObject({
        kind: 'MUNICIPALITY',
        sector: 'PUBLIC',
        businessId: id,
        municipalityCode: '305',
        website: 'https://kuusamo.fi/',
        permanent: true,
        mergedNames: [],
        mergedFrom: [],
      });
      expect(created.name).toMatch(/^Kuusamon Kaupunki [0-9a-f]{8}$/);
      expect(created.id).toEqual(expect.any(String));
      expect(created.createdAt).toEqual(created.updatedAt);
      expect(await store.getOrganisation(created.id)).toEqual(created);
    });

    it('gives an unknown id no organisation', async () => {
      expect(await store.getOrganisation(`org-missing-${tag()}`)).toBeNull();
    });

    it('updates only the fields in the patch; null clears a field', async () => {
      const created = await org({ website: 'https://example.fi', municipalityCode: '905', kind: 'FOUNDATION' });
      const name = `Uusi nimi ${tag()}`;
      const updated = await store.updateOrganisation(created.id, { name, website: null }, actor);
      expect(updated).toMatchObject({
        id: created.id,
        name,
        kind: 'FOUNDATION',
        sector: 'THIRD',
        website: null,
        municipalityCode: '905',
        createdAt: created.createdAt,
      });
      expect(updated.updatedAt >= created.updatedAt).toBe(true);
      const moved = await store.updateOrganisation(created.id, { municipalityCode: '305' }, actor);
      expect(moved.municipalityCode).toBe('305');
      expect(await store.getOrganisation(created.id)).toEqual(moved);
    });

    it('deletes an organisation together with its participations', async () => {
      const o = await org({ municipalityCode: '305' });
      const n = await network();
      await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER' }, actor);
      const result = await store.deleteOrganisation(o.id, actor);
      expect(result).toEqual({ id: o.id, removedRelationships: 2 });
      expect(await store.getOrganisation(o.id)).toBeNull();
      expect(await store.listParticipations({ targetId: n.id })).toEqual([]);
    });

    it('refuses an invalid business ID and writes nothing', async () => {
      const error = await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => org({ businessId: badBusinessId() }));
      expect(error.details).toMatchObject({ field: 'businessId' });
    });

    it('refuses an unknown municipality and writes nothing', async () => {
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => org({ municipalityCode: '999' }));
    });

    it('refuses an unknown kind or sector', async () => {
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => org({ kind: 'CLUB' as never }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => org({ sector: 'GOVERNMENT' as never }));
    });

    it('refuses a second organisation with the same business ID', async () => {
      const id = businessId();
      const first = await org({ businessId: id });
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () => org({ businessId: id }));
      expect(error.details).toMatchObject({ existingId: first.id });
    });

    it('refuses a second organisation whose name differs only in case, accents and spacing', async () => {
      const t = tag();
      const first = await org({ name: `Vähänkyrön seurakunta ${t}`, kind: 'PARISH' });
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () => org({ name: `  VAHANKYRON   Seurakunta ${t.toUpperCase()} `, kind: 'PARISH' }));
      expect(error.details).toMatchObject({ existingId: first.id });
    });

    it('refuses renaming an organisation to another one’s name, and keeps the old name', async () => {
      const a = await org();
      const b = await org();
      await expectRefusedUnchanged(store, 'CONFLICT', () => store.updateOrganisation(b.id, { name: a.name.toUpperCase() }, actor));
      expect((await store.getOrganisation(b.id))?.name).toBe(b.name);
    });

    it('reports an unknown id as NOT_FOUND on update and delete', async () => {
      const missing = `org-missing-${tag()}`;
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.updateOrganisation(missing, { name: 'x' }, actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.deleteOrganisation(missing, actor));
    });
  });

  describe('listing organisations', () => {
    it('filters by kind, sector and municipality', async () => {
      const t = tag();
      const parish = await org({ name: `${t} Seurakunta`, kind: 'PARISH', municipalityCode: '905' });
      const company = await org({ name: `${t} Yritys Oy`, kind: 'COMPANY', municipalityCode: '305' });
      const assoc = await org({ name: `${t} Yhdistys ry`, kind: 'ASSOCIATION' });
      const ids = async (filter: Parameters<GraphStore['listOrganisations']>[0]) => (await store.listOrganisations({ search: t, ...filter })).items.map((o) => o.id);

      expect(await ids({})).toEqual([parish, assoc, company].map((o) => o.id)); // ordered by name
      expect(await ids({ kind: 'PARISH' })).toEqual([parish.id]);
      expect(await ids({ sector: 'PRIVATE' })).toEqual([company.id]);
      expect(await ids({ sector: 'THIRD' })).toEqual([assoc.id]);
      expect(await ids({ municipalityCode: '305' })).toEqual([company.id]);
      expect(await ids({ kind: 'PARISH', municipalityCode: '305' })).toEqual([]);
    });

    it('finds "Vähänkyrön seurakunta" when searching "vahankyron", ignoring case and accents', async () => {
      const created = await org({ name: `Vähänkyrön seurakunta ${tag()}`, kind: 'PARISH' });
      for (const search of ['vahankyron', 'VÄHÄNKYRÖN', 'Vahankyron Seurakunta']) {
        const { ids } = await walk((after) => store.listOrganisations({ search, first: 50, after }));
        expect(ids).toContain(created.id);
      }
    });

    it('finds an organisation by its business ID', async () => {
      const id = businessId();
      const created = await org({ businessId: id });
      expect((await store.listOrganisations({ search: id })).items.map((o) => o.id)).toEqual([created.id]);
    });

    it('walks every page with first/after: no duplicates, nothing missed, totalCount on each page', async () => {
      const t = tag();
      const created = [];
      for (const name of ['Eero', 'Aino', 'Öljy', 'Bertta', 'Ämmä']) created.push(await org({ name: `${name} ${t}` }));
      const { pages, ids } = await walk((after) => store.listOrganisations({ search: t, first: 2, after }));
      expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
      expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
      expect(pages.every((p) => p.totalCount === 5)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(created.map((o) => o.id).sort());
      // Folded names sort a/a/b/e/o: Aino, Ämmä, Bertta, Eero, Öljy.
      const names = pages.flatMap((p) => p.items.map((o) => o.name.split(' ')[0]));
      expect(names).toEqual(['Aino', 'Ämmä', 'Bertta', 'Eero', 'Öljy']);
      // Without the total, the same page and no count.
      const { totalCount, ...uncounted } = await store.listOrganisations({ search: t, first: 2, withTotal: false });
      expect(totalCount).toBeNull();
      expect(uncounted.items.map((o) => o.id)).toEqual(ids.slice(0, 2));
    });

    it('gives an empty page when nothing matches', async () => {
      const page = await store.listOrganisations({ search: `nothing-${tag()}` });
      expect(page).toEqual({ items: [], totalCount: 0, endCursor: null, hasNextPage: false });
    });

    it('leaves the excluded ids out of the page and the count, on every kind of list', async () => {
      const t = tag();
      const [a, b] = [await org({ name: `Piilo ${t} A` }), await org({ name: `Piilo ${t} B` })];
      const visible = await store.listOrganisations({ search: `Piilo ${t}`, excludeIds: new Set([a.id]) });
      expect(visible.items.map((o) => o.id)).toEqual([b.id]);
      expect(visible.totalCount).toBe(1);
      expect((await store.listOrganisations({ search: `Piilo ${t}`, excludeIds: new Set([]) })).totalCount).toBe(2);
      const n = await network({ name: `Piilo ${t}` });
      const p = await project({ name: `Piilo ${t}` });
      const act = await activity({ name: `Piilo ${t}` });
      for (const [list, id] of [
        [store.listNetworks({ search: `Piilo ${t}`, excludeIds: new Set([n.id]) }), n.id],
        [store.listProjects({ search: `Piilo ${t}`, excludeIds: new Set([p.id]) }), p.id],
        [store.listActivities({ search: `Piilo ${t}`, excludeIds: new Set([act.id]) }), act.id],
      ] as const) {
        const page = await list;
        expect(page.totalCount).toBe(0);
        expect(page.items.map((x) => x.id)).not.toContain(id);
      }
    });

    it('refuses a page size out of range and a cursor it did not give out', async () => {
      await expectDomainError(store.listOrganisations({ first: 0 }), 'BAD_USER_INPUT');
      await expectDomainError(store.listOrganisations({ first: 10_000 }), 'BAD_USER_INPUT');
      await expectDomainError(store.listOrganisations({ after: 'bm90LWEtY3Vyc29y' }), 'BAD_USER_INPUT');
    });
  });

  describe('projects', () => {
    it('creates a project, finds it by id and by code, updates and deletes it', async () => {
      const code = `s${tag()}`;
      const n = await network();
      const created = await store.createProject(
        {
          code,
          name: `Osallisuushanke ${tag()}`,
          programme: 'Uudistuva ja osaava Suomi 2021–2027',
          fund: 'ESR+',
          startDate: '2021-01-01',
          endDate: '2022-12-31',
          budget: 250000.75,
          publicFunding: 200000,
          networkIds: [n.id],
        },
        actor,
      );
      expect(created).toMatchObject({
        code: code.toUpperCase(),
        startDate: '2021-01-01',
        endDate: '2022-12-31',
        budget: 250000.75,
        publicFunding: 200000,
        predecessorId: null,
        networkIds: [n.id],
      });
      expect(await store.getProject(created.id)).toEqual(created);
      expect(await store.getProjectByCode(code)).toEqual(created);
      expect(await store.getProjectByCode(` ${code.toUpperCase()} `)).toEqual(created);

      const followUp = await project({ predecessorId: created.id });
      expect(followUp.predecessorId).toBe(created.id);

      const updated = await store.updateProject(created.id, { endDate: '2023-06-30', budget: null }, actor);
      expect(updated).toMatchObject({ endDate: '2023-06-30', budget: null, code: code.toUpperCase(), fund: 'ESR+' });
      // The network link survives a patch that does not mention it.
      expect((await store.listProjects({ networkId: n.id })).items.map((p) => p.id)).toEqual([created.id]);

      expect((await store.deleteProject(created.id, actor)).id).toBe(created.id);
      expect(await store.getProject(created.id)).toBeNull();
      expect(await store.getProjectByCode(code)).toBeNull();
      expect((await store.getProject(followUp.id))?.predecessorId).toBeNull();
    });

    it('refuses a duplicate project code, in any letter case, and writes nothing', async () => {
      const first = await project();
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () => project({ code: first.code!.toLowerCase() }));
      expect(error.details).toMatchObject({ existingId: first.id });
      const other = await project();
      await expectRefusedUnchanged(store, 'CONFLICT', () => store.updateProject(other.id, { code: first.code }, actor));
      expect((await store.getProject(other.id))?.code).toBe(other.code);
    });

    it('refuses an end date before the start date', async () => {
      const error = await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => project({ startDate: '2021-06-01', endDate: '2021-05-31' }));
      expect(error.details).toMatchObject({ field: 'endDate' });
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => project({ startDate: '2021-02-30' }));
    });

    it('refuses an unknown predecessor, network or method without writing anything', async () => {
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => project({ predecessorId: `prj-missing-${tag()}` }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => project({ networkIds: [`net-missing-${tag()}`] }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => project({ methodIds: ['no-such-method'] }));
    });

    it('lists projects by network and walks the pages', async () => {
      const t = tag();
      const n = await network();
      const inNetwork = [];
      for (let i = 0; i < 3; i++) inNetwork.push(await project({ name: `${t} hanke ${i}`, networkIds: [n.id] }));
      await project({ name: `${t} hanke muualla` });
      const { pages, ids } = await walk((after) => store.listProjects({ networkId: n.id, first: 2, after }));
      expect(ids).toEqual(inNetwork.map((p) => p.id));
      expect(pages.map((p) => [p.totalCount, p.hasNextPage])).toEqual([
        [3, true],
        [3, false],
      ]);
      expect((await store.listProjects({ search: t.toUpperCase() })).totalCount).toBe(4);
    });

    it('reports an unknown project as NOT_FOUND', async () => {
      const missing = `prj-missing-${tag()}`;
      expect(await store.getProject(missing)).toBeNull();
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.updateProject(missing, { name: 'x' }, actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.deleteProject(missing, actor));
    });
  });

  describe('activities', () => {
    it('creates an activity with its links, reads it back, updates and deletes it', async () => {
      const p = await project();
      const n = await network();
      const earlier = await activity({ name: `Kesäkeidas ${tag()} 2020`, startDate: '2020-06-01', endDate: '2020-08-31' });
      const created = await activity({
        name: `Kesäkeidas ${tag()} 2021`,
        type: 'EVENT',
        startDate: '2021-06-01',
        municipalityCode: '305',
        description: 'Kesän kohtaamispaikka',
        projectId: p.id,
        continuesId: earlier.id,
        networkIds: [n.id],
        methodIds: ['nature-based', 'arts-based'],
        targetGroupIds: ['young-people'],
      });
      expect(created).toMatchObject({
        type: 'EVENT',
        startDate: '2021-06-01',
        endDate: null,
        municipalityCode: '305',
        projectId: p.id,
        continuesId: earlier.id,
        methodIds: ['arts-based', 'nature-based'],
        targetGroupIds: ['young-people'],
      });
      expect(await store.getActivity(created.id)).toEqual(created);

      const updated = await store.updateActivity(created.id, { endDate: '2021-08-31', methodIds: ['green-care'] }, actor);
      expect(updated).toMatchObject({
        endDate: '2021-08-31',
        methodIds: ['green-care'],
        targetGroupIds: ['young-people'],
        projectId: p.id,
        continuesId: earlier.id,
      });
      const unlinked = await store.updateActivity(created.id, { projectId: null, municipalityCode: null }, actor);
      expect(unlinked).toMatchObject({ projectId: null, municipalityCode: null, continuesId: earlier.id });

      expect((await store.deleteActivity(created.id, actor)).id).toBe(created.id);
      expect(await store.getActivity(created.id)).toBeNull();
    });

    it('leaves the activity untouched when an update fails half-way (a valid rename plus an unknown method)', async () => {
      const before = await activity({ methodIds: ['peer-support'], targetGroupIds: ['older-people'] });
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () =>
        store.updateActivity(before.id, { name: `Uusi nimi ${tag()}`, methodIds: ['green-care', 'no-such-method'] }, actor),
      );
      expect(await store.getActivity(before.id)).toEqual(before);
    });

    it('refuses an activity that continues itself, an unknown project or an unknown municipality', async () => {
      const a = await activity();
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.updateActivity(a.id, { continuesId: a.id }, actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => activity({ projectId: `prj-missing-${tag()}` }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => activity({ municipalityCode: '000' }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => activity({ type: 'PARTY' as never }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => activity({ startDate: '2021-05-01', endDate: '2021-04-01' }));
      expect(await store.getActivity(a.id)).toEqual(a);
    });

    it('lists activities by project, by network (directly or through a project) and by date', async () => {
      const t = tag();
      const { ids, data } = dataset(t);
      await store.loadDataset(data, actor);
      const list = async (filter: Parameters<GraphStore['listActivities']>[0]) => (await store.listActivities({ search: t, ...filter })).items.map((a) => a.id);
      expect(await list({})).toEqual([ids.a1, ids.a2, ids.a3]);
      expect(await list({ projectId: ids.p1 })).toEqual([ids.a1]);
      expect(await list({ networkId: ids.net })).toEqual([ids.a2]);
      expect(await list({ activeAt: '2019-06-15' })).toEqual([ids.a1]);
      expect(await list({ activeAt: '2030-01-01' })).toEqual([ids.a3]);
      expect(await list({ activeAt: '2018-01-01' })).toEqual([]);
      await expectDomainError(store.listActivities({ activeAt: '15.6.2019' }), 'BAD_USER_INPUT');
      const { pages, ids: walked } = await walk((after) => store.listActivities({ search: t, first: 1, after }));
      expect(walked).toEqual([ids.a1, ids.a2, ids.a3]);
      expect(pages.map((p) => p.totalCount)).toEqual([3, 3, 3]);
    });

    it('reports an unknown activity as NOT_FOUND', async () => {
      const missing = `act-missing-${tag()}`;
      expect(await store.getActivity(missing)).toBeNull();
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.updateActivity(missing, { name: 'x' }, actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.deleteActivity(missing, actor));
    });
  });

  describe('networks', () => {
    it('creates, reads, updates, lists and deletes a network', async () => {
      const t = tag();
      const created = await network({ name: `Pohjanmaan verkosto ${t}`, goal: 'Osallisuus', regionCode: '15' });
      expect(created).toMatchObject({ goal: 'Osallisuus', regionCode: '15', visibility: 'PUBLIC' });
      expect(await store.getNetwork(created.id)).toEqual(created);
      const updated = await store.updateNetwork(created.id, { regionCode: '17', visibility: 'PRIVATE' }, actor);
      expect(updated).toMatchObject({ name: created.name, goal: 'Osallisuus', regionCode: '17', visibility: 'PRIVATE' });
      const second = await network({ name: `Kuusamon verkosto ${t}` });
      const { pages, ids } = await walk((after) => store.listNetworks({ search: t, first: 1, after }));
      expect(ids).toEqual([second.id, created.id]);
      expect(pages.map((p) => p.totalCount)).toEqual([2, 2]);
      expect((await store.deleteNetwork(created.id, actor)).id).toBe(created.id);
      expect(await store.getNetwork(created.id)).toBeNull();
    });

    it('refuses a second network whose name differs only in case, accents, punctuation and spacing, naming neither', async () => {
      const t = tag();
      const hidden = await network({ name: `Pohjanmaan Väylä-verkosto ${t}`, visibility: 'PRIVATE' });
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () => network({ name: `  POHJANMAAN vayla verkosto ${t.toUpperCase()} ` }));
      expect(error.details).toEqual({ field: 'name' });
      expect(error.message).not.toContain(hidden.id);
      expect(error.message).not.toContain(hidden.name);
      const other = await network({ name: `Kuusamon verkosto ${t}` });
      await expectRefusedUnchanged(store, 'CONFLICT', () => store.updateNetwork(other.id, { name: hidden.name.toLowerCase() }, actor));
      expect((await store.getNetwork(other.id))?.name).toBe(other.name);
      // A network keeps its own name through an edit, and may respell it.
      expect((await store.updateNetwork(hidden.id, { name: `Pohjanmaan väylä-verkosto ${t}`, goal: 'Osallisuus' }, actor)).goal).toBe('Osallisuus');
      // Deleted, its name is free again.
      await store.deleteNetwork(other.id, actor);
      expect((await network({ name: other.name })).name).toBe(other.name);
    });

    it('refuses a network name of only a NUL or with control characters', async () => {
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => network({ name: '\u0000' }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => network({ name: `Verkosto\t${tag()}` }));
    });

    it('refuses an unknown region, and reports an unknown network as NOT_FOUND', async () => {
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => network({ regionCode: '99' }));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => network({ name: '   ' }));
      const missing = `net-missing-${tag()}`;
      expect(await store.getNetwork(missing)).toBeNull();
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.updateNetwork(missing, { name: 'x' }, actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.deleteNetwork(missing, actor));
    });
  });

  describe('participations', () => {
    it('adds a participation in a project, an activity and a network, each with a role that fits', async () => {
      const o = await org();
      const p = await project();
      const a = await activity();
      const n = await network();
      const inProject = await store.addParticipation({ organisationId: o.id, targetId: p.id, role: 'LEAD', validFrom: '2021-01-01', validTo: '2022-12-31' }, actor);
      const inActivity = await store.addParticipation({ organisationId: o.id, targetId: a.id, role: 'VENUE', validFrom: '2021-06-01' }, actor);
      const inNetwork = await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER' }, actor);
      expect(inProject).toMatchObject({ organisationId: o.id, targetId: p.id, targetKind: 'PROJECT', role: 'LEAD', validFrom: '2021-01-01', validTo: '2022-12-31' });
      expect(inActivity).toMatchObject({ targetKind: 'ACTIVITY', role: 'VENUE', validFrom: '2021-06-01', validTo: null });
      expect(inNetwork).toMatchObject({ targetKind: 'NETWORK', role: 'MEMBER', validFrom: null, validTo: null });
      const all = await store.listParticipations({ organisationId: o.id });
      expect(all.map((x) => x.id).sort()).toEqual([inProject.id, inActivity.id, inNetwork.id].sort());
      // What a mutation returns is what a later read finds.
      expect(await store.listParticipations({ targetId: p.id })).toEqual([inProject]);
      expect(await store.listParticipations({ targetId: a.id })).toEqual([inActivity]);
      expect(await store.listParticipations({ organisationId: o.id, role: 'VENUE' })).toEqual([inActivity]);
      expect((await store.listParticipations({ organisationId: o.id, activeAt: '2020-06-01' })).map((x) => x.id)).toEqual([inNetwork.id]);
      expect(await store.listParticipations({ organisationId: o.id, targetId: n.id })).toEqual([inNetwork]);
      // Many organisations in one read give what one read each gives, in the same order.
      const other = await org();
      const byOrganisation = await store.participationsOfOrganisations([o.id, other.id, 'org-ei-ole']);
      expect([...byOrganisation.keys()]).toEqual([o.id, other.id, 'org-ei-ole']);
      expect(byOrganisation.get(o.id)).toEqual(all);
      expect(byOrganisation.get(other.id)).toEqual([]);
      expect((await store.participationsOfOrganisations([o.id], '2020-06-01')).get(o.id)!.map((x) => x.id)).toEqual([inNetwork.id]);
      expect(await store.participationsOfOrganisations([])).toEqual(new Map());
    });

    it('refuses a role that does not fit the target', async () => {
      const o = await org();
      const p = await project();
      const a = await activity();
      const n = await network();
      for (const [target, role] of [
        [p.id, 'MEMBER'],
        [a.id, 'LEAD'],
        [n.id, 'ORGANISER'],
        [n.id, 'BOSS'],
      ] as const) {
        const error = await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.addParticipation({ organisationId: o.id, targetId: target, role: role as never }, actor));
        expect(error.details).toMatchObject({ field: 'role' });
      }
    });

    it('refuses bad dates and unknown organisations or targets', async () => {
      const o = await org();
      const n = await network();
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () =>
        store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER', validFrom: '2021-01-01', validTo: '2020-12-31' }, actor),
      );
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER', validFrom: '1.1.2021' }, actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.addParticipation({ organisationId: `org-missing-${tag()}`, targetId: n.id, role: 'MEMBER' }, actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.addParticipation({ organisationId: o.id, targetId: `net-missing-${tag()}`, role: 'MEMBER' }, actor));
      await expectDomainError(store.listParticipations({}), 'BAD_USER_INPUT');
    });

    it('refuses the same role twice for overlapping periods, but allows it for separate ones', async () => {
      const o = await org();
      const n = await network();
      const first = await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER', validFrom: '2020-01-01', validTo: '2020-12-31' }, actor);
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () =>
        store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER', validFrom: '2020-06-01' }, actor),
      );
      expect(error.details).toMatchObject({ existingId: first.id });
      await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER', validFrom: '2021-01-01' }, actor);
      await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'BUDGET_HOLDER', validFrom: '2020-06-01' }, actor);
      expect(await store.listParticipations({ targetId: n.id })).toHaveLength(3);
    });

    it('ends a participation on a date, and refuses an end before its start', async () => {
      const o = await org();
      const a = await activity();
      const p = await store.addParticipation({ organisationId: o.id, targetId: a.id, role: 'PARTNER', validFrom: '2021-03-01' }, actor);
      const ended = await store.endParticipation(p.id, '2021-12-31', actor);
      expect(ended).toEqual({ ...p, validTo: '2021-12-31' });
      expect(await store.listParticipations({ organisationId: o.id, activeAt: '2022-01-01' })).toEqual([]);
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.endParticipation(p.id, '2021-02-28', actor));
      await expectDomainError(store.endParticipation(p.id, '', actor), 'BAD_USER_INPUT');
      await expectDomainError(store.endParticipation(`par-missing-${tag()}`, '2021-12-31', actor), 'NOT_FOUND');
      expect(await store.listParticipations({ organisationId: o.id })).toEqual([ended]);
    });

    it('removes a participation', async () => {
      const o = await org();
      const n = await network();
      const p = await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER' }, actor);
      expect(await store.removeParticipation(p.id, actor)).toEqual({ id: p.id, removedRelationships: 1 });
      expect(await store.listParticipations({ organisationId: o.id })).toEqual([]);
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.removeParticipation(p.id, actor));
    });
  });

  describe('coordination', () => {
    it('hands coordination over: the previous coordinator’s term ends the day before', async () => {
      const n = await network();
      const city = await org({ kind: 'MUNICIPALITY' });
      const parish = await org({ kind: 'PARISH' });
      const first = await store.setCoordinator(n.id, city.id, '2020-01-01', actor);
      expect(first).toMatchObject({ organisationId: city.id, role: 'COORDINATOR', validFrom: '2020-01-01', validTo: null });
      const second = await store.setCoordinator(n.id, parish.id, '2021-03-01', actor);
      expect(second).toMatchObject({ organisationId: parish.id, role: 'COORDINATOR', validFrom: '2021-03-01', validTo: null });
      const terms = await store.listParticipations({ targetId: n.id, role: 'COORDINATOR' });
      expect(terms.map((p) => [p.organisationId, p.validFrom, p.validTo])).toEqual([
        [city.id, '2020-01-01', '2021-02-28'],
        [parish.id, '2021-03-01', null],
      ]);
      expect((await store.listParticipations({ targetId: n.id, role: 'COORDINATOR', activeAt: '2021-02-28' }))[0].organisationId).toBe(city.id);
      expect((await store.listParticipations({ targetId: n.id, role: 'COORDINATOR', activeAt: '2021-03-01' }))[0].organisationId).toBe(parish.id);
    });

    it('keeps the current term when the same coordinator is set again', async () => {
      const n = await network();
      const o = await org();
      const term = await store.setCoordinator(n.id, o.id, '2020-01-01', actor);
      const before = await store.counts();
      expect(await store.setCoordinator(n.id, o.id, '2020-06-01', actor)).toEqual(term);
      expect(await store.counts()).toEqual(before);
    });

    it('refuses a handover that would leave the current term empty, and unknown ids', async () => {
      const n = await network();
      const a = await org();
      const b = await org();
      await store.setCoordinator(n.id, a.id, '2021-01-01', actor);
      await expectRefusedUnchanged(store, 'CONFLICT', () => store.setCoordinator(n.id, b.id, '2021-01-01', actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.setCoordinator(`net-missing-${tag()}`, b.id, '2021-01-01', actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.setCoordinator(n.id, `org-missing-${tag()}`, '2022-01-01', actor));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.setCoordinator(n.id, b.id, '2022-13-01', actor));
      const terms = await store.listParticipations({ targetId: n.id });
      expect(terms.map((p) => [p.organisationId, p.validTo])).toEqual([[a.id, null]]);
    });
  });

  describe('merging organisations', () => {
    it('keeps every relationship of the merged organisations and records their names', async () => {
      const t = tag();
      const { ids, data } = dataset(t);
      await store.loadDataset(data, actor);
      // The same partnership recorded under both spellings is kept once.
      await store.addParticipation({ organisationId: ids.assoc, targetId: ids.p2, role: 'PARTNER', validFrom: '2020-05-01', validTo: '2021-12-31' }, actor);
      const before = await store.counts();
      const expected = [
        ...(await store.listParticipations({ organisationId: ids.parish })),
        ...(await store.listParticipations({ organisationId: ids.assoc })).filter((p) => p.targetId !== ids.p2),
      ]
        .map((p) => `${p.targetId}|${p.role}|${p.validFrom}|${p.validTo}`)
        .sort();

      const result = await store.mergeOrganisations(ids.parish, [ids.assoc, ids.assoc], actor);

      expect(result.mergedIds).toEqual([ids.assoc]);
      expect(result.movedRelationships).toBe(3); // ORGANISER a1, MEMBER net, the adoption
      expect(result.organisation).toMatchObject({ id: ids.parish, mergedNames: [`Yhdistys ${t}`], municipalityCode: '905' });
      expect(await store.getOrganisation(ids.assoc)).toBeNull();
      expect(await store.getOrganisation(ids.parish)).toEqual(result.organisation);
      const kept = (await store.listParticipations({ organisationId: ids.parish })).map((p) => `${p.targetId}|${p.role}|${p.validFrom}|${p.validTo}`).sort();
      expect(kept).toEqual(expected);
      // One change records the whole merge.
      expect(await store.counts()).toEqual({ ...before, Organisation: before.Organisation - 1, PARTICIPATES: before.PARTICIPATES - 1, Change: before.Change + 1 });
      const graph = await store.snapshot({ networkId: ids.net });
      expect(edgeKeys(graph)).toContain(`ADOPTED:${ids.parish}>${ids.model}`);
      expect(nodeIds(graph)).not.toContain(ids.assoc);
    });

    it('carries merged names forward when a merged organisation is merged again', async () => {
      const a = await org({ name: `Alfa ${tag()}` });
      const b = await org({ name: `Beta ${tag()}` });
      const c = await org({ name: `Gamma ${tag()}` });
      await store.mergeOrganisations(b.id, [c.id], actor);
      const { organisation } = await store.mergeOrganisations(a.id, [b.id], actor);
      expect(organisation.mergedNames).toEqual([b.name, c.name].sort());
    });

    it('refuses to merge organisations with different business IDs, or nothing, or unknown ids', async () => {
      const a = await org({ businessId: businessId() });
      const b = await org({ businessId: businessId() });
      await expectRefusedUnchanged(store, 'CONFLICT', () => store.mergeOrganisations(a.id, [b.id], actor));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.mergeOrganisations(a.id, [a.id], actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.mergeOrganisations(a.id, [`org-missing-${tag()}`], actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.mergeOrganisations(`org-missing-${tag()}`, [a.id], actor));
      expect(await store.getOrganisation(b.id)).toEqual(b);
    });
  });

  describe('merge records', () => {
    it('records who was merged, with business ID and time, and carries older records forward', async () => {
      const bid = businessId();
      const a = await org({ name: `Alfa ${tag()}` });
      const b = await org({ name: `Beta ${tag()}`, businessId: bid });
      const c = await org({ name: `Gamma ${tag()}` });
      const started = new Date().toISOString();
      await store.mergeOrganisations(b.id, [c.id], actor);
      const { organisation } = await store.mergeOrganisations(a.id, [b.id], actor);
      expect(organisation.mergedFrom.map(({ id, name, businessId }) => ({ id, name, businessId }))).toEqual([
        { id: c.id, name: c.name, businessId: null },
        { id: b.id, name: b.name, businessId: bid },
      ]);
      for (const record of organisation.mergedFrom) expect(record.mergedAt >= started).toBe(true);
      // The survivor takes over the business ID it lacked, and keeps the record when read again.
      expect(organisation.businessId).toBe(bid);
      expect(await store.getOrganisation(a.id)).toEqual(organisation);
    });

    it('refuses two merged organisations with different business IDs even when the survivor has none', async () => {
      const keep = await org();
      const b = await org({ businessId: businessId() });
      const c = await org({ businessId: businessId() });
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () => store.mergeOrganisations(keep.id, [b.id, c.id], actor));
      expect(error.details).toMatchObject({ field: 'mergeIds', organisationId: c.id });
      expect(await store.getOrganisation(b.id)).toEqual(b);
      expect(await store.getOrganisation(keep.id)).toEqual(keep);
    });

    it('keeps one adoption when both adopted the same model on the same dates', async () => {
      const t = tag();
      const { ids, data } = dataset(t);
      data.adoptions!.push({ organisationId: ids.city, operatingModelId: ids.model, validFrom: '2022-01-01' });
      await store.loadDataset(data, actor);
      const result = await store.mergeOrganisations(ids.city, [ids.assoc], actor);
      expect(result.movedRelationships).toBe(2); // ORGANISER a1 and MEMBER net; the adoption was already there
      const graph = await store.snapshot({ networkId: ids.net });
      expect(edgeKeys(graph).filter((k) => k === `ADOPTED:${ids.city}>${ids.model}`)).toHaveLength(1);
    });
  });

  describe('likely duplicates', () => {
    /** Two spellings of one name, two records of one business ID and two namesakes with different IDs. */
    async function loadDuplicates(t: string) {
      const bid = businessId();
      const data: SeedDataset = {
        organisations: [
          { id: `${t}-n1`, name: `Kylätalo ${t} ry`, kind: 'ASSOCIATION' },
          { id: `${t}-n2`, name: `KYLATALO ${t} R.Y.`, kind: 'ASSOCIATION' },
          { id: `${t}-b1`, name: `Seutuopisto ${t}`, kind: 'EDUCATION', businessId: bid },
          { id: `${t}-b2`, name: `Seudun opisto ${t}`, kind: 'EDUCATION', businessId: bid },
          { id: `${t}-s1`, name: `Seurakunta ${t}`, kind: 'PARISH', businessId: businessId() },
          { id: `${t}-s2`, name: `Seurakunta ${t}`, kind: 'PARISH', businessId: businessId() },
        ],
        projects: [],
        activities: [],
        networks: [{ id: `${t}-net`, name: `Verkosto ${t}` }],
        participations: [{ organisationId: `${t}-n2`, targetId: `${t}-net`, role: 'MEMBER', validFrom: '2020-01-01' }],
      };
      await store.loadDataset(data, actor);
      return bid;
    }
    const mine = (t: string) => (g: { members: { id: string }[] }) => g.members.some((m) => m.id.startsWith(`${t}-`));

    it('groups organisations by business ID, then by normalised name, never two different business IDs', async () => {
      const t = tag();
      const bid = await loadDuplicates(t);
      const groups = (await store.listDuplicateOrganisations({ first: 200 })).items.filter(mine(t));
      expect(groups.map((g) => ({ reason: g.reason, key: g.key, ids: g.members.map((m) => m.id).sort() }))).toEqual([
        { reason: 'BUSINESS_ID', key: bid, ids: [`${t}-b1`, `${t}-b2`] },
        { reason: 'NAME', key: `kylatalo${t}ry`, ids: [`${t}-n1`, `${t}-n2`] },
      ]);
      expect(groups[0].members[0]).toMatchObject({ kind: 'EDUCATION', businessId: bid });
    });

    it('walks the groups page by page, each once, and forgets a group once it is merged', async () => {
      const t = tag();
      await loadDuplicates(t);
      const pages = [await store.listDuplicateOrganisations({ first: 1 })];
      while (pages[pages.length - 1].hasNextPage) {
        pages.push(await store.listDuplicateOrganisations({ first: 1, after: pages[pages.length - 1].endCursor }));
      }
      const seen = pages.flatMap((p) => p.items.filter(mine(t)).map((g) => g.key));
      expect(seen).toHaveLength(2);
      expect(new Set(seen).size).toBe(2);
      expect(pages.every((p) => p.totalCount === pages[0].totalCount && p.items.length <= 1)).toBe(true);

      await store.mergeOrganisations(`${t}-n1`, [`${t}-n2`], actor);
      const after = (await store.listDuplicateOrganisations({ first: 200 })).items.filter(mine(t));
      expect(after.map((g) => g.reason)).toEqual(['BUSINESS_ID']);
      expect((await store.listParticipations({ organisationId: `${t}-n1` })).map((p) => p.targetId)).toEqual([`${t}-net`]);
    });

    it('refuses a page size out of range and a cursor it did not give out', async () => {
      await expectDomainError(store.listDuplicateOrganisations({ first: 0 }), 'BAD_USER_INPUT');
      await expectDomainError(store.listDuplicateOrganisations({ after: 'bm90LWEtY3Vyc29y' }), 'BAD_USER_INPUT');
    });
  });

  describe('deletion impact', () => {
    it('counts what deleting each kind of item takes with it, exactly what the delete then removes', async () => {
      const { ids, data } = dataset(tag());
      await store.loadDataset(data, actor);
      const expected = {
        [ids.p1]: { kind: 'PROJECT', participations: 1, activityLinks: 1, continuationLinks: 1, networkLinks: 0, adoptions: 0, otherLinks: 0 },
        [ids.a2]: { kind: 'ACTIVITY', participations: 1, activityLinks: 1, continuationLinks: 2, networkLinks: 0, adoptions: 0, otherLinks: 3 },
        [ids.net]: { kind: 'NETWORK', participations: 3, activityLinks: 0, continuationLinks: 0, networkLinks: 1, adoptions: 0, otherLinks: 1 },
        [ids.assoc]: { kind: 'ORGANISATION', participations: 2, activityLinks: 0, continuationLinks: 0, networkLinks: 0, adoptions: 1, otherLinks: 1 },
      };
      const impacts = await Promise.all(Object.keys(expected).map((id) => store.deletionImpact(id)));
      const before = await store.counts();
      for (const impact of impacts) {
        const { removedRelationships, ...counts } = impact;
        const sum = Object.values(expected[impact.id])
          .filter((v): v is number => typeof v === 'number')
          .reduce((a, b) => a + b, 0);
        expect(counts).toMatchObject({ id: impact.id, ...expected[impact.id] });
        expect(removedRelationships).toBe(sum);
      }
      expect(impacts[0].name).toMatch(/^Hanke .* yksi$/);
      expect(await store.counts()).toEqual(before); // asking deletes nothing
      const deletes = { PROJECT: store.deleteProject, ACTIVITY: store.deleteActivity, NETWORK: store.deleteNetwork, ORGANISATION: store.deleteOrganisation };
      for (const id of Object.keys(expected)) {
        // Asked again just before: an earlier delete in this loop may have taken some of it away.
        const impact = await store.deletionImpact(id);
        expect((await deletes[impact.kind].call(store, id, actor)).removedRelationships).toBe(impact.removedRelationships);
      }
    });

    it('reports an unknown id as NOT_FOUND', async () => {
      await expectDomainError(store.deletionImpact(`missing-${tag()}`), 'NOT_FOUND');
    });
  });

  describe('snapshots', () => {
    let fixture: ReturnType<typeof dataset>['ids'];
    let t: string;
    beforeAll(async () => {
      const loaded = dataset(tag());
      await store.loadDataset(loaded.data, actor);
      fixture = loaded.ids;
      t = loaded.t;
    });

    it('draws a network with its projects, activities, the activities that continue them and dated ties', async () => {
      const ids = fixture;
      const graph = await store.snapshot({ networkId: ids.net });
      expect(nodeIds(graph).sort()).toEqual([ids.net, ids.p2, ids.a2, ids.a3, ids.city, ids.parish, ids.assoc, ids.model].sort());
      expect(graph.nodes.find((n) => n.id === ids.a2)).toMatchObject({
        kind: 'ACTIVITY',
        activityType: 'EVENT',
        municipalityCode: '305',
        validFrom: '2020-05-01',
        validTo: '2020-09-30',
        methodIds: ['nature-based'],
        targetGroupIds: ['immigrants'],
      });
      expect(graph.nodes.find((n) => n.id === ids.city)).toMatchObject({
        kind: 'ORGANISATION',
        orgKind: 'MUNICIPALITY',
        sector: 'PUBLIC',
        permanent: true,
        municipalityCode: '305',
      });
      expect(graph.nodes.find((n) => n.id === ids.p2)).toMatchObject({ kind: 'PROJECT', label: `P2-${t.toUpperCase()} Hanke ${t} kaksi` });
      expect(graph.edges).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'PARTICIPATES', source: ids.city, target: ids.net, role: 'COORDINATOR', validFrom: '2019-01-01', validTo: '2021-06-30' }),
          expect.objectContaining({ kind: 'PARTICIPATES', source: ids.parish, target: ids.net, role: 'COORDINATOR', validFrom: '2021-07-01', validTo: null }),
          expect.objectContaining({ kind: 'PARTICIPATES', source: ids.parish, target: ids.a3, role: 'ORGANISER', validFrom: '2021-05-01', validTo: null }),
          expect.objectContaining({ kind: 'ADOPTED', source: ids.assoc, target: ids.model, validFrom: '2022-01-01', validTo: null }),
        ]),
      );
      expect(edgeKeys(graph)).toEqual(expect.arrayContaining([`IN_NETWORK:${ids.p2}>${ids.net}`, `RUNS_UNDER:${ids.a2}>${ids.p2}`, `CONTINUES:${ids.a3}>${ids.a2}`]));
      // Every edge joins two nodes of the snapshot, and no edge appears twice.
      const nodes = new Set(nodeIds(graph));
      expect(graph.edges.every((e) => nodes.has(e.source) && nodes.has(e.target))).toBe(true);
      expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    });

    it('draws a project with its predecessors, follow-ups, their activities and its networks', async () => {
      const ids = fixture;
      const fromFirst = await store.snapshot({ projectId: ids.p1 });
      expect(nodeIds(fromFirst)).toEqual(expect.arrayContaining([ids.p1, ids.p2, ids.a1, ids.a2, ids.a3, ids.city, ids.parish, ids.assoc]));
      expect(edgeKeys(fromFirst)).toEqual(
        expect.arrayContaining([`CONTINUES:${ids.p2}>${ids.p1}`, `CONTINUES:${ids.a2}>${ids.a1}`, `CONTINUES:${ids.a3}>${ids.a2}`, `RUNS_UNDER:${ids.a1}>${ids.p1}`]),
      );
      expect(fromFirst.edges).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'PARTICIPATES', source: ids.city, target: ids.p1, role: 'LEAD', validFrom: '2019-01-01', validTo: '2020-04-30' })]),
      );
      const fromSecond = await store.snapshot({ projectId: ids.p2 });
      expect(nodeIds(fromSecond)).toEqual(expect.arrayContaining([ids.p1, ids.p2, ids.net, ids.a1, ids.a2, ids.a3]));
      expect(fromSecond.edges).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'PARTICIPATES', source: ids.parish, target: ids.net, role: 'COORDINATOR' })]));
    });

    it('draws everything for the "all" scope', async () => {
      const ids = fixture;
      const graph = await store.snapshot({ all: true });
      expect(nodeIds(graph)).toEqual(expect.arrayContaining(Object.values(ids)));
      expect(edgeKeys(graph)).toEqual(expect.arrayContaining([`CONTINUES:${ids.p2}>${ids.p1}`, `ADOPTED:${ids.assoc}>${ids.model}`]));
    });

    it('shows every write in the next snapshot, however often the scope was read before', async () => {
      const n = await network();
      const o = await org();
      const before = await store.snapshot({ networkId: n.id });
      expect(await store.snapshot({ networkId: n.id })).toEqual(before);
      const p = await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER', validFrom: '2020-01-01' }, actor);
      expect(nodeIds(await store.snapshot({ networkId: n.id }))).toContain(o.id);
      expect(nodeIds(await store.snapshot({ all: true }))).toContain(o.id);
      const renamed = `Uusi nimi ${tag()}`;
      await store.updateOrganisation(o.id, { name: renamed }, actor);
      expect((await store.snapshot({ networkId: n.id })).nodes.find((x) => x.id === o.id)?.label).toBe(renamed);
      await store.endParticipation(p.id, '2020-12-31', actor);
      expect((await store.snapshot({ all: true })).edges.find((e) => e.id === p.id)?.validTo).toBe('2020-12-31');
      await store.removeParticipation(p.id, actor);
      expect(nodeIds(await store.snapshot({ networkId: n.id }))).not.toContain(o.id);
      await store.deleteNetwork(n.id, actor);
      await expectDomainError(store.snapshot({ networkId: n.id }), 'NOT_FOUND');
    });

    it('gives a network without anything in it a single node, and refuses unknown scopes', async () => {
      const n = await network();
      expect(await store.snapshot({ networkId: n.id })).toEqual({ nodes: [expect.objectContaining({ id: n.id, kind: 'NETWORK', label: n.name })], edges: [] });
      await expectDomainError(store.snapshot({ networkId: `net-missing-${tag()}` }), 'NOT_FOUND');
      await expectDomainError(store.snapshot({ projectId: `prj-missing-${tag()}` }), 'NOT_FOUND');
    });
  });

  describe('search', () => {
    it('finds organisations, projects, activities and networks by folded text, prefix matches first', async () => {
      const t = tag();
      const o = await org({ name: `Vähänkyrön seurakunta ${t}`, kind: 'PARISH' });
      const p = await project({ name: `Hanke ${t} Vähänkyrö` });
      const a = await activity({ name: `Toiminta ${t}` });
      const n = await network({ name: `Verkosto ${t}` });
      const hits = await store.search(t.toUpperCase());
      expect(hits).toHaveLength(4);
      expect(hits).toEqual(
        expect.arrayContaining([
          { id: o.id, kind: 'ORGANISATION', label: o.name },
          { id: p.id, kind: 'PROJECT', label: p.name },
          { id: a.id, kind: 'ACTIVITY', label: a.name },
          { id: n.id, kind: 'NETWORK', label: n.name },
        ]),
      );
      const accentless = await store.search(`vahankyron seurakunta ${t}`);
      expect(accentless).toEqual([{ id: o.id, kind: 'ORGANISATION', label: o.name }]);
      const prefixed = await store.search(`vähänkyrö`, 200);
      expect(prefixed.findIndex((h) => h.id === o.id)).toBeLessThan(prefixed.findIndex((h) => h.id === p.id));
      expect(await store.search(t, 2)).toHaveLength(2);
    });

    it('refuses a search shorter than two letters', async () => {
      await expectDomainError(store.search(' x '), 'BAD_USER_INPUT');
    });
  });

  describe('reference data', () => {
    it('holds the 308 municipalities of Finland, each in one of the 19 regions', async () => {
      const municipalities = await store.municipalities();
      const regions = await store.regions();
      expect(municipalities).toHaveLength(308);
      expect(regions).toHaveLength(19);
      const regionCodes = new Set(regions.map((r) => r.code));
      expect(municipalities.every((m) => regionCodes.has(m.regionCode))).toBe(true);
      expect(municipalities).toContainEqual({ code: '905', name: 'Vaasa', nameSv: 'Vasa', regionCode: '15' });
      expect(regions).toContainEqual({ code: '21', name: 'Ahvenanmaa', nameSv: 'Åland' });
    });

    it('holds the methods and target groups in three languages', async () => {
      const methods = await store.methods();
      const groups = await store.targetGroups();
      expect(methods).toEqual(expect.arrayContaining(METHODS));
      expect(groups).toEqual(expect.arrayContaining(TARGET_GROUPS));
    });

    it('lists operating models once a dataset brings one', async () => {
      const { ids, data } = dataset(tag());
      await store.loadDataset(data, actor);
      expect(await store.operatingModels()).toContainEqual({ id: ids.model, name: data.operatingModels![0].name, description: null });
    });
  });

  describe('loading datasets', () => {
    it('loads a whole dataset: nodes, links, dated participations and adoptions', async () => {
      const t = tag();
      const { ids, data } = dataset(t);
      const before = await store.counts();
      await store.loadDataset(data, actor);
      expect(await store.counts()).toEqual({
        ...before,
        Organisation: before.Organisation + 3,
        Project: before.Project + 2,
        Activity: before.Activity + 3,
        Network: before.Network + 1,
        PARTICIPATES: before.PARTICIPATES + 8,
        Change: before.Change + 1, // one change for the whole load
      });
      expect(await store.getOrganisation(ids.city)).toMatchObject({ name: `Kaupunki ${t}`, sector: 'PUBLIC', municipalityCode: '305' });
      expect(await store.getProject(ids.p1)).toMatchObject({ code: `P1-${t}`.toUpperCase(), budget: 100000.5, startDate: '2019-01-01' });
      expect(await store.getProject(ids.p2)).toMatchObject({ predecessorId: ids.p1 });
      expect(await store.getActivity(ids.a2)).toMatchObject({
        projectId: ids.p2,
        continuesId: ids.a1,
        municipalityCode: '305',
        methodIds: ['nature-based'],
        targetGroupIds: ['immigrants'],
        endDate: '2020-09-30',
      });
      expect(await store.getNetwork(ids.net)).toMatchObject({ regionCode: '17' });
      const coordinators = await store.listParticipations({ targetId: ids.net, role: 'COORDINATOR' });
      expect(coordinators.map((p) => [p.organisationId, p.validFrom, p.validTo])).toEqual([
        [ids.city, '2019-01-01', '2021-06-30'],
        [ids.parish, '2021-07-01', null],
      ]);
      // Loaded organisations take part in the same duplicate checks as hand-entered ones.
      await expectRefusedUnchanged(store, 'CONFLICT', () => org({ name: `kaupunki ${t}` }));
    });

    it('writes nothing when one row is bad', async () => {
      const { ids, data } = dataset(tag());
      const bad: SeedDataset = {
        ...data,
        organisations: data.organisations.map((o, i) => (i === 2 ? { ...o, businessId: badBusinessId() } : o)),
      };
      const error = await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.loadDataset(bad, actor));
      expect(error.message).toMatch(/nothing was written/);
      expect(await store.getOrganisation(ids.city)).toBeNull();
    });

    it('writes nothing when a reference is unknown to the database (municipality, method, role)', async () => {
      const { ids, data } = dataset(tag());
      const variants: SeedDataset[] = [
        { ...data, activities: data.activities.map((a) => ({ ...a, municipalityCode: '999' })) },
        { ...data, activities: data.activities.map((a) => ({ ...a, methodIds: ['no-such-method'] })) },
        { ...data, participations: [...data.participations, { organisationId: ids.city, targetId: ids.p1, role: 'MEMBER' }] },
        { ...data, participations: [...data.participations, { organisationId: ids.city, targetId: 'nowhere', role: 'LEAD' }] },
      ];
      for (const variant of variants) await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.loadDataset(variant, actor));
      expect(await store.getProject(ids.p1)).toBeNull();
    });

    it('refuses a second load of the same ids and changes nothing', async () => {
      const { ids, data } = dataset(tag());
      await store.loadDataset(data, actor);
      const renamed = { ...data, organisations: data.organisations.map((o) => ({ ...o, name: `${o.name} uusi` })) };
      await expectRefusedUnchanged(store, 'CONFLICT', () => store.loadDataset(renamed, actor));
      expect((await store.getOrganisation(ids.city))?.name).toBe(data.organisations[0].name);
    });

    it('seeds the demo data into an empty database once, and later leaves the data alone', async () => {
      const fresh = await openStore(await leg.config(tempDir()));
      try {
        const { ids, data } = dataset(tag());
        expect(await fresh.seedDemoOnce(data)).toBe(true);
        const seeded = await fresh.counts();
        expect(seeded).toMatchObject({ Organisation: 3, Project: 2, Activity: 3, Network: 1, PARTICIPATES: 8 });
        expect(await fresh.seedDemoOnce(dataset(tag()).data)).toBe(false);
        // Even after every organisation is gone, the demo is not seeded again.
        for (const o of data.organisations) await fresh.deleteOrganisation(o.id, actor);
        expect(await fresh.seedDemoOnce(dataset(tag()).data)).toBe(false);
        expect(await fresh.getNetwork(ids.net)).not.toBeNull();
      } finally {
        await fresh.close();
      }
    });
  });

  describe('applying import changes', () => {
    /** Reads the baseline the way an import does, without writing. */
    const baselineOf = (parts: BaselinePart[]) => store.applyChanges(parts, async (baseline) => ({ changes: noChanges(), result: baseline }), actor, { dryRun: true });

    const newProject = (id: string, t: string, extra: Partial<ProjectRecord> = {}): ProjectRecord => ({
      id,
      code: `I-${t}-${id.slice(-1)}`.toUpperCase(),
      name: `Tuotu hanke ${t} ${id}`,
      programme: null,
      fund: 'ESR',
      priorityAxis: '1',
      startDate: '2015-01-01',
      endDate: '2016-12-31',
      budget: 1000,
      publicFunding: 900.5,
      grantedFunding: 800,
      paidFunding: -876,
      description: null,
      outputs: null,
      predecessorId: null,
      networkIds: [],
      methodIds: [],
      targetGroupIds: [],
      ...extra,
    });

    it('creates records with every link and tie in one transaction, sources kept', async () => {
      const t = tag();
      const { ids, data } = dataset(t);
      await store.loadDataset(data, actor);
      const changes = noChanges();
      changes.organisations.create.push({
        id: `${t}-new-org`,
        name: `Tuotu Oy ${t}`,
        kind: 'COMPANY',
        sector: 'PRIVATE',
        businessId: businessId(),
        municipalityCode: '091',
        website: null,
        permanent: true,
        mergedNames: [`TUOTU OY ${t}`],
      });
      changes.projects.create.push(newProject(`${t}-np1`, t, { predecessorId: ids.p2, networkIds: [ids.net], methodIds: ['green-care'] }));
      changes.activities.create.push({
        id: `${t}-na1`,
        name: `Tuotu toiminta ${t}`,
        type: 'PEER_GROUP',
        startDate: '2022-05-01',
        endDate: null,
        municipalityCode: '305',
        description: 'kuvaus',
        projectId: `${t}-np1`,
        continuesId: ids.a3,
        networkIds: [ids.net],
        methodIds: [],
        targetGroupIds: ['young-people'],
      });
      const tie = (id: string, targetId: string, targetKind: ParticipationRecord['targetKind'], role: ParticipationRecord['role']) =>
        changes.participations.create.push({
          id: `${t}-${id}`,
          organisationId: `${t}-new-org`,
          targetId,
          targetKind,
          role,
          validFrom: '2015-01-01',
          validTo: null,
          source: { kind: 'IMPORT', ref: `test.csv#row ${id}` },
        });
      tie('t1', `${t}-np1`, 'PROJECT', 'LEAD');
      tie('t2', `${t}-na1`, 'ACTIVITY', 'ORGANISER');
      tie('t3', ids.net, 'NETWORK', 'MEMBER');
      const before = await store.counts();
      const progress: unknown[] = [];
      const result = await store.applyChanges(['organisations'], async () => ({ changes, result: 'done' }), actor, {
        label: 'test.csv',
        onProgress: (p) => progress.push(p),
      });
      expect(result).toBe('done');
      expect(progress[0]).toEqual({ step: 'reading' });
      expect(progress.at(-1)).toEqual({ step: 'writing', done: 6, total: 6 });
      expect(await store.counts()).toEqual({
        ...before,
        Organisation: before.Organisation + 1,
        Project: before.Project + 1,
        Activity: before.Activity + 1,
        PARTICIPATES: before.PARTICIPATES + 3,
        Change: before.Change + 1,
      });
      // One recorded change names the file and every item it wrote.
      const [load] = (await store.listChanges({ entityId: `${t}-np1` })).items;
      expect(load).toMatchObject({ operation: 'LOAD', label: 'test.csv', actor });
      expect(load.entityIds).toEqual(expect.arrayContaining([`${t}-new-org`, `${t}-na1`, `${t}-t1`]));
      expect(await store.getOrganisation(`${t}-new-org`)).toMatchObject({ municipalityCode: '091', mergedNames: [`TUOTU OY ${t}`] });
      expect(await store.getProject(`${t}-np1`)).toMatchObject({ predecessorId: ids.p2, grantedFunding: 800, paidFunding: -876, publicFunding: 900.5 });
      expect(await store.getActivity(`${t}-na1`)).toMatchObject({ projectId: `${t}-np1`, continuesId: ids.a3, municipalityCode: '305', targetGroupIds: ['young-people'] });
      const baseline = await baselineOf(['projects', 'activities', 'participations']);
      expect(baseline.projects.find((p) => p.id === `${t}-np1`)).toMatchObject({ networkIds: [ids.net], methodIds: ['green-care'] });
      expect(baseline.activities.find((a) => a.id === `${t}-na1`)).toMatchObject({ networkIds: [ids.net] });
      expect(
        baseline.participations
          .filter((p) => p.organisationId === `${t}-new-org`)
          .map((p) => [p.targetKind, p.source])
          .sort(),
      ).toEqual([
        ['ACTIVITY', { kind: 'IMPORT', ref: 'test.csv#row t2' }],
        ['NETWORK', { kind: 'IMPORT', ref: 'test.csv#row t3' }],
        ['PROJECT', { kind: 'IMPORT', ref: 'test.csv#row t1' }],
      ]);
    });

    it('updates in batches: amounts whole and fractional side by side, links only where they changed', async () => {
      const t = tag();
      const { ids, data } = dataset(t);
      await store.loadDataset(data, actor);
      const net2 = await network();
      const city = (await baselineOf(['organisations'])).organisations.find((o) => o.id === ids.city)!;
      const [p1, p2] = (await baselineOf(['projects'])).projects.filter((p) => p.id === ids.p1 || p.id === ids.p2).sort((a, b) => a.id.localeCompare(b.id));
      const a2 = (await baselineOf(['activities'])).activities.find((a) => a.id === ids.a2)!;
      const [lead] = (await baselineOf(['participations'])).participations.filter((p) => p.organisationId === ids.city && p.role === 'LEAD');
      const changes = noChanges();
      changes.organisations.update.push({ record: { ...city, municipalityCode: '091', mergedNames: [`KAUPUNKI ${t}`] }, changed: ['municipalityCode', 'mergedNames'] });
      changes.projects.update.push(
        { record: { ...p1, grantedFunding: 1200, endDate: '2020-06-30' }, changed: ['grantedFunding', 'endDate'] },
        { record: { ...p2, grantedFunding: 1200.75, paidFunding: 3, networkIds: [net2.id] }, changed: ['grantedFunding', 'paidFunding', 'networkIds'] },
      );
      changes.activities.update.push({ record: { ...a2, name: `Kesäkeidas ${t} 2020 (kesä)`, targetGroupIds: ['young-people'] }, changed: ['name', 'targetGroupIds'] });
      changes.participations.update.push({ record: { ...lead, validTo: '2020-06-30', source: { kind: 'REGISTRY', ref: 'x.csv#P1' } }, changed: ['validTo', 'source'] });
      const before = await store.counts();
      await store.applyChanges([], async () => ({ changes, result: null }), actor);
      expect(await store.counts()).toEqual({ ...before, Change: before.Change + 1 });
      expect(await store.getOrganisation(ids.city)).toMatchObject({ municipalityCode: '091', mergedNames: [`KAUPUNKI ${t}`] });
      expect(await store.getProject(ids.p1)).toMatchObject({ grantedFunding: 1200, endDate: '2020-06-30' });
      expect(await store.getProject(ids.p2)).toMatchObject({ grantedFunding: 1200.75, paidFunding: 3, predecessorId: ids.p1 });
      expect((await store.listProjects({ networkId: net2.id })).items.map((p) => p.id)).toEqual([ids.p2]);
      expect(await store.getActivity(ids.a2)).toMatchObject({
        name: `Kesäkeidas ${t} 2020 (kesä)`,
        targetGroupIds: ['young-people'],
        methodIds: ['nature-based'],
        continuesId: ids.a1,
      });
      const [ended] = await store.listParticipations({ organisationId: ids.city, targetId: ids.p1, role: 'LEAD' });
      expect(ended).toMatchObject({ id: lead.id, validTo: '2020-06-30' });
    });

    it('writes nothing on a dry run, and nothing at all when one change fails', async () => {
      const t = tag();
      const changes = noChanges();
      changes.projects.create.push(newProject(`${t}-ok`, t));
      const before = await store.counts();
      await store.applyChanges([], async () => ({ changes, result: null }), actor, { dryRun: true });
      expect(await store.counts()).toEqual(before);
      changes.participations.create.push({
        id: `${t}-bad`,
        organisationId: `${t}-no-such-org`,
        targetId: `${t}-ok`,
        targetKind: 'PROJECT',
        role: 'LEAD',
        validFrom: null,
        validTo: null,
        source: { kind: 'IMPORT', ref: null },
      });
      await expect(store.applyChanges([], async () => ({ changes, result: null }), actor)).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
      expect(await store.getProject(`${t}-ok`)).toBeNull();
    });
  });

  describe('counts and concurrency', () => {
    it('refuses a save based on a stale read with CONFLICT naming what is stored, and changes nothing', async () => {
      const read = await org();
      const first = await store.updateOrganisation(read.id, { website: 'ensimmainen.example.fi' }, actor, { expectedUpdatedAt: read.updatedAt });
      expect(first.updatedAt > read.updatedAt).toBe(true);
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () =>
        store.updateOrganisation(read.id, { website: 'toinen.example.fi' }, actor, { expectedUpdatedAt: read.updatedAt }),
      );
      expect(error.message).toMatch(/changed by someone else/);
      expect(error.details).toMatchObject({ field: 'expectedUpdatedAt', updatedAt: first.updatedAt, current: { website: first.website } });
      expect((await store.getOrganisation(read.id))?.website).toBe(first.website);
      // Read again, the same change saves; without a version it saves as before.
      await store.updateOrganisation(read.id, { website: 'toinen.example.fi' }, actor, { expectedUpdatedAt: first.updatedAt });
      const p = await project();
      await store.updateProject(p.id, { name: `${p.name} uusi` }, actor, { expectedUpdatedAt: p.updatedAt });
      await expectDomainError(store.updateProject(p.id, { name: `${p.name} toinen` }, actor, { expectedUpdatedAt: p.updatedAt }), 'CONFLICT');
      expect((await store.updateProject(p.id, { outputs: 'raportti' }, actor)).outputs).toBe('raportti');
    });

    // A second store on the same database stands for a second app process: its own write queue, so
    // only the database keeps the two apart (the graph version's lock, taken first by every write).
    // On SQLite a second connection in this one process would wait synchronously for the first and
    // never let it finish; there BEGIN IMMEDIATE does the same across processes (two-instances e2e).
    (leg.name === 'neo4j' ? it : it.skip)('lets exactly one of two app instances save from the same read', async () => {
      const second = await openStore(await leg.config(dataDir));
      try {
        for (let round = 0; round < 5; round++) {
          const read = await org();
          const results = await Promise.allSettled([
            store.updateOrganisation(read.id, { website: 'eka.example.fi' }, actor, { expectedUpdatedAt: read.updatedAt }),
            second.updateOrganisation(read.id, { website: 'toka.example.fi' }, actor, { expectedUpdatedAt: read.updatedAt }),
          ]);
          const saved = results.filter((r) => r.status === 'fulfilled');
          const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(saved).toHaveLength(1);
          expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(['CONFLICT']);
          expect(await store.getOrganisation(read.id)).toEqual((saved[0] as PromiseFulfilledResult<unknown>).value);
        }
      } finally {
        await second.close();
      }
    });

    it('moves the graph version with every write, the belonging version only when network membership may change', async () => {
      const versions = async () => ({ graph: await store.graphVersion(), belonging: await store.belongingVersion() });
      const o = await org();
      const start = await versions();
      await store.updateOrganisation(o.id, { website: 'versio.example.fi' }, actor);
      await store.createPerson({ organisationId: o.id, name: `Henkilö ${tag()}`, consentText: 'Suostui nimensä näyttämiseen verkostossa.', consentGivenAt: '2026-01-01' }, actor);
      const edited = await versions();
      expect(edited.graph).not.toBe(start.graph);
      expect(edited.belonging).toBe(start.belonging);
      const n = await network();
      const joined = await versions();
      expect(joined.belonging).not.toBe(edited.belonging);
      await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER' }, actor);
      expect(await store.belongingVersion()).not.toBe(joined.belonging);
      const member = await org();
      await store.addParticipation({ organisationId: member.id, targetId: n.id, role: 'MEMBER' }, actor);
      const before = await store.belongingVersion();
      await store.deleteOrganisation(member.id, actor);
      expect(await store.belongingVersion()).not.toBe(before);
    });

    it('counts organisations, projects, activities, networks, participations and recorded changes', async () => {
      const before = await store.counts();
      expect(Object.keys(before).sort()).toEqual(['Activity', 'Change', 'Network', 'Organisation', 'PARTICIPATES', 'Person', 'Project']);
      const o = await org();
      const n = await network();
      await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER' }, actor);
      expect(await store.counts()).toEqual({
        ...before,
        Organisation: before.Organisation + 1,
        Network: before.Network + 1,
        PARTICIPATES: before.PARTICIPATES + 1,
        Change: before.Change + 3, // each write is one recorded change
      });
    });

    it('accepts many writes at once: each is applied, none is lost', async () => {
      const before = await store.counts();
      const t = tag();
      const created = await Promise.all(Array.from({ length: 8 }, (_, i) => org({ name: `Rinnakkain ${t} ${i}` })));
      expect(new Set(created.map((o) => o.id)).size).toBe(8);
      expect((await store.counts()).Organisation).toBe(before.Organisation + 8);
      // Only one of two racing creates with the same name can win.
      const racing = await Promise.allSettled([org({ name: `Kilpa ${t}` }), org({ name: `KILPA ${t}` })]);
      expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    });
  });

  describe('backup', () => {
    it('writes every table, the same bytes twice, with what was just written in it', async () => {
      const { ids, data } = dataset(tag());
      await store.loadDataset(data, actor);
      const first = await store.backup();
      expect(await store.backup()).toBe(first);
      expect(first).toContain(`"id":"${ids.assoc}"`);
      expect(first).toMatch(/^\{"format":"verkosto-backup","formatVersion":1,"schemaVersion":\d+/);
      for (const table of ['Municipality', 'Region', 'Method', 'TargetGroup', 'Meta', 'PARTICIPATES', 'ADOPTED']) expect(first).toContain(`"section":"${table}"`);
    });
  });

  {
    describe('restore', () => {
      /** Instances configured with one BACKUP_KEY, as when moving to a new machine with the key. */
      const sharedKey = newBackupKey();
      const sharing = async () => openStore({ ...(await leg.config(tempDir())), backupKey: sharedKey });

      /** A store with a bit of everything, including text a CSV file would mangle. */
      async function richStore(): Promise<GraphStore> {
        const source = await sharing();
        const { ids, data } = dataset(tag());
        await source.loadDataset(data, actor);
        // A name is one line; the line break a CSV file would mangle is in a network's goal.
        const odd = await source.createOrganisation({ name: 'Oy "Lainaus", pilkku; ja rivi', kind: 'COMPANY', website: 'https://example.fi/a,b' }, actor);
        await source.createNetwork({ name: `Rivit ${tag()}`, goal: 'Ensimmäinen "rivi",\ntoinen rivi' }, actor);
        const other = await source.createOrganisation({ name: 'Kuopion kaupunki, sivistystoimi', kind: 'MUNICIPALITY', municipalityCode: '297' }, actor);
        await source.mergeOrganisations(odd.id, [other.id], actor);
        await source.addParticipation({ organisationId: odd.id, targetId: ids.p2, role: 'FUNDER', validFrom: '2020-06-01' }, actor);
        return source;
      }

      it('backup → empty database → restore → backup gives the same bytes, and the same answers', async () => {
        const source = await richStore();
        const target = await sharing();
        try {
          const file = await source.backup();
          const report = await target.restore(file);
          expect(report.replaced).toBe(false);
          expect(report.rows.Organisation).toBe((await source.counts()).Organisation);
          expect(await target.backup()).toBe(file);
          expect(await target.counts()).toEqual(await source.counts());
          const [merged] = (await target.listOrganisations({ search: 'lainaus', first: 5 })).items;
          expect(merged.mergedNames).toEqual(['Kuopion kaupunki, sivistystoimi']);
          expect(merged.name).toBe('Oy "Lainaus", pilkku; ja rivi');
          const lined = (await target.listNetworks({ search: 'rivit', first: 5 })).items;
          expect(lined.map((n) => n.goal)).toEqual(['Ensimmäinen "rivi",\ntoinen rivi']);
          expect(await target.municipalities()).toEqual(await source.municipalities());
        } finally {
          await source.close();
          await target.close();
        }
      });

      it('refuses a database that holds data unless told to replace it, then replaces everything', async () => {
        const source = await richStore();
        const target = await sharing();
        try {
          const file = await source.backup();
          const stray = await target.createOrganisation({ name: `Ylimääräinen ${tag()}`, kind: 'OTHER' }, actor);
          const error = await expectRefusedUnchanged(target, 'CONFLICT', () => target.restore(file));
          expect(error.message).toMatch(/not empty \(it holds 1 Organisation, 1 Change\)/);
          expect(await target.getOrganisation(stray.id)).not.toBeNull();
          const report = await target.restore(file, { replace: true });
          expect(report.replaced).toBe(true);
          expect(await target.getOrganisation(stray.id)).toBeNull();
          expect(await target.backup()).toBe(file);
        } finally {
          await source.close();
          await target.close();
        }
      });

      it('refuses a damaged, cut or foreign file and changes nothing', async () => {
        const source = await richStore();
        const target = await sharing();
        try {
          const file = await source.backup();
          const before = await target.backup();
          const damaged = file.replace('"role":"LEAD"', '"role":"LAED"');
          const cases: [string, RegExp][] = [
            [damaged, /checksum does not match/],
            [file.slice(0, Math.floor(file.length / 2)), /cut short/],
            ['{"hello":"world"}\n{"end":"x"}\n', /not a Verkosto backup/],
            [writeBackup({ ...readBackup(file, { keys: [sharedKey] }), schemaVersion: 99 }, sharedKey), /schema version 99; this database is at version \d+/],
            ['', /cut short/],
          ];
          for (const [text, reason] of cases) {
            const error = await expectDomainError(target.restore(text), 'BAD_USER_INPUT');
            expect(error.message).toMatch(reason);
            expect(error.message).toMatch(/nothing was changed/);
          }
          expect(await target.backup()).toBe(before);
        } finally {
          await source.close();
          await target.close();
        }
      });

      it('signs with a key of its own, kept beside the data but never in a backup, through a restore and a reopening', async () => {
        const dir = tempDir();
        const own = await openStore(await leg.config(dir));
        let key: string;
        try {
          key = await own.backupKey();
          const file = await own.backup();
          expect(file).not.toContain(key);
          expect(file).not.toContain('"backupKey"');
          await own.restore(file, { replace: true });
          expect(await own.backupKey()).toBe(key);
          expect(await own.backup()).toBe(file);
        } finally {
          await own.close();
        }
        const reopened = await openStore(await leg.config(dir));
        try {
          expect(await reopened.backupKey()).toBe(key);
        } finally {
          await reopened.close();
        }
      });

      it('refuses a file edited and re-sealed, and one signed by another instance unless given its key or told to trust it', async () => {
        const source = await openStore(await leg.config(tempDir()));
        const target = await openStore(await leg.config(tempDir()));
        try {
          await source.loadDataset(dataset(tag()).data, actor);
          const file = await source.backup();
          const lines = file.trimEnd().split('\n');
          const body = `${lines.slice(0, -1).join('\n')}\n`.replace('"role":"LEAD"', '"role":"FUNDER"');
          const end = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
          const forged = `${body}${JSON.stringify({ ...end, sha256: createHash('sha256').update(body).digest('hex') })}\n`;
          await expectRefusedUnchanged(source, 'BACKUP_TAMPERED', () => source.restore(forged, { replace: true, trustUnsigned: true }));
          await expectRefusedUnchanged(target, 'BACKUP_UNVERIFIED', () => target.restore(file));
          expect((await target.restore(file, { keys: [await source.backupKey()] })).replaced).toBe(false);
          expect((await target.restore(file, { replace: true, trustUnsigned: true })).replaced).toBe(true);
          const theirs = await source.backupKey();
          await expectRefusedUnchanged(target, 'BACKUP_TAMPERED', () => target.restore(forged, { replace: true, keys: [theirs] }));
          expect(await target.counts()).toEqual(await source.counts());
        } finally {
          await source.close();
          await target.close();
        }
      });
    });
  }

  {
    describe('durability', () => {
      it('keeps what was written after the store is closed and opened again', async () => {
        const dir = tempDir();
        const first = await openStore(await leg.config(dir));
        let written: { orgId: string; participationId: string; projectId: string };
        try {
          const o = await first.createOrganisation({ name: `Pysyvä ${tag()}`, kind: 'FOUNDATION', municipalityCode: '905' }, actor);
          const p = await first.createProject({ name: `Pysyvä hanke ${tag()}`, code: `D${tag()}`, startDate: '2021-01-01' }, actor);
          const part = await first.addParticipation({ organisationId: o.id, targetId: p.id, role: 'FUNDER', validFrom: '2021-01-01' }, actor);
          written = { orgId: o.id, participationId: part.id, projectId: p.id };
        } finally {
          await first.close();
        }
        const reopened = await openStore(await leg.config(dir));
        try {
          expect(await reopened.getOrganisation(written.orgId)).toMatchObject({ kind: 'FOUNDATION', municipalityCode: '905' });
          expect(await reopened.getProject(written.projectId)).toMatchObject({ startDate: '2021-01-01' });
          expect(await reopened.listParticipations({ organisationId: written.orgId })).toEqual([
            expect.objectContaining({ id: written.participationId, role: 'FUNDER', validFrom: '2021-01-01' }),
          ]);
          expect(await reopened.municipalities()).toHaveLength(308); // reference data is not loaded twice
          expect(await reopened.counts()).toMatchObject({ Organisation: 1, Project: 1, PARTICIPATES: 1 });
        } finally {
          await reopened.close();
        }
      });
    });
  }
});
