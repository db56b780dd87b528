import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_ENGINE, TestApp } from './support/app';

/** End-to-end over real HTTP against a booted app on a temporary embedded database. */
describe('Verkosto API', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  const COUNTS = `{ organisations { totalCount } projects { totalCount } activities { totalCount } networks { totalCount } }`;

  it('answers /health once ready', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: TEST_ENGINE });
  });

  it('serves the committed schema.graphql exactly', async () => {
    const { buildClientSchema, getIntrospectionQuery } = await import('graphql');
    const introspection = await app.ok(getIntrospectionQuery());
    const served = printSchema(lexicographicSortSchema(buildClientSchema(introspection as never)));
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(served.trim()).toBe(committed.trim());
  });

  describe('demo data from the seeds', () => {
    it('has KUPO S21858 with its funder, money, dates and implementer', async () => {
      const { project } = await app.ok(`{ project(code: "S21858") {
        code startDate endDate publicFunding predecessor { code }
        participants { role organisation { name businessId } } } }`);
      expect(project).toMatchObject({ code: 'S21858', startDate: '2020-01-01', endDate: '2022-12-31', publicFunding: 854220 });
      expect(project.predecessor.code).toBe('S20915');
      const byRole = (role: string) => project.participants.filter((p: any) => p.role === role).map((p: any) => p.organisation.name);
      expect(byRole('FUNDER')).toContain('Pohjois-Pohjanmaan ELY-keskus');
      expect(byRole('LEAD').join()).toMatch(/Lapin ammattikorkeakoulu/);
    });

    it('has Osana with the business IDs of the seed', async () => {
      const { project } = await app.ok(`{ project(code: "S20634") { participants { role organisation { businessId } } } }`);
      const ids = project.participants.map((p: any) => p.organisation.businessId);
      expect(ids).toEqual(expect.arrayContaining(['0208916-8', '0179377-8']));
    });

    it('finds organisations case- and accent-insensitively', async () => {
      const { search } = await app.ok(`{ search(text: "vahankyron") { kind label } }`);
      expect(search).toContainEqual({ kind: 'ORGANISATION', label: 'Vähänkyrön seurakunta' });
      const { organisations } = await app.ok(`{ organisations(search: "KUUSAMON KAUPUNKI") { nodes { name } } }`);
      expect(organisations.nodes.map((o: any) => o.name)).toContain('Kuusamon kaupunki');
    });

    it('shows Kesäkeidas 2021 continuing 2020, and Kuusamo taking over coordination', async () => {
      const { networks } = await app.ok(`{ networks { nodes { id name } } }`);
      const kuusamo = networks.nodes.find((n: any) => /Kuusamo/.test(n.name));
      const during = await app.ok(`query($id: ID!) { network(id: $id) { coordinator(at: "2021-06-01") { name } } }`, { id: kuusamo.id });
      const after = await app.ok(`query($id: ID!) { network(id: $id) { coordinator(at: "2023-06-01") { name } } }`, { id: kuusamo.id });
      expect(after.network.coordinator.name).toBe('Kuusamon kaupunki');
      expect(during.network.coordinator.name).not.toBe('Kuusamon kaupunki');
      const { activities } = await app.ok(`{ activities(search: "kesäkeidas", first: 10) { nodes { name startDate continues { name startDate } } } }`);
      const later = activities.nodes.find((a: any) => a.continues);
      expect(later.startDate >= '2021-01-01').toBe(true);
      expect(later.continues.startDate < '2021-01-01').toBe(true);
    });

    it('draws a network at a date, smaller before it grew', async () => {
      const { networks } = await app.ok(`{ networks { nodes { id name } } }`);
      const kuusamo = networks.nodes.find((n: any) => /Kuusamo/.test(n.name));
      const graph = (at: string) =>
        app.ok(`query($id: ID!, $at: Date) { networkGraph(networkId: $id, at: $at) { nodes { id kind } edges { kind source target validFrom validTo } firstDate lastDate } }`, {
          id: kuusamo.id,
          at,
        });
      const early = (await graph('2019-02-01')).networkGraph;
      const summer = (await graph('2020-07-01')).networkGraph;
      expect(summer.nodes.length).toBeGreaterThan(early.nodes.length);
      for (const e of summer.edges.filter((x: any) => x.kind === 'PARTICIPATES')) {
        expect(!e.validFrom || e.validFrom <= '2020-07-01').toBe(true);
        expect(!e.validTo || e.validTo >= '2020-07-01').toBe(true);
      }
      expect(summer.firstDate <= '2020-01-01').toBe(true);
    });

    it('lists the reference data of Finland', async () => {
      const data = await app.ok(`{ municipalities { code name regionCode } regions { code } methods { id nameFi nameSv nameEn } }`);
      expect(data.municipalities).toHaveLength(308);
      expect(data.regions).toHaveLength(19);
      expect(data.municipalities).toContainEqual({ code: '305', name: 'Kuusamo', regionCode: '17' });
    });
  });

  describe('create, update, link and delete', () => {
    it('walks an organisation, a project, an activity and a network through their lives', async () => {
      const { createOrganisation: org } = await app.ok(`mutation { createOrganisation(input: {
        name: "Testilän Nuorisoseura ry", kind: ASSOCIATION, businessId: "1234567-1", municipalityCode: "305" }) { id sector businessId } }`);
      expect(org).toMatchObject({ sector: 'THIRD', businessId: '1234567-1' });
      const { createProject: project } = await app.ok(`mutation { createProject(input: {
        code: "T00001", name: "Testihanke", startDate: "2024-01-01", endDate: "2025-12-31", publicFunding: 120000.5 }) { id code publicFunding } }`);
      expect(project.publicFunding).toBe(120000.5);
      const { createNetwork: network } = await app.ok(`mutation { createNetwork(input: { name: "Testiverkosto", regionCode: "17" }) { id regionCode visibility } }`);
      expect(network).toMatchObject({ regionCode: '17', visibility: 'PUBLIC' });
      const { createActivity: activity } = await app.ok(
        `mutation($p: String, $n: [String!]) { createActivity(input: {
        name: "Luontoretki", type: PEER_GROUP, startDate: "2024-05-01", projectId: $p, networkIds: $n,
        methodIds: ["nature-based"], targetGroupIds: ["immigrants"] }) { id projectId methodIds targetGroupIds } }`,
        { p: project.id, n: [network.id] },
      );
      expect(activity).toMatchObject({ projectId: project.id, methodIds: ['nature-based'], targetGroupIds: ['immigrants'] });

      const { addParticipation: part } = await app.ok(
        `mutation($o: String!, $t: String!) { addParticipation(input: {
        organisationId: $o, targetId: $t, role: ORGANISER, validFrom: "2024-05-01" }) { id targetKind role validFrom validTo } }`,
        { o: org.id, t: activity.id },
      );
      expect(part).toMatchObject({ targetKind: 'ACTIVITY', role: 'ORGANISER', validFrom: '2024-05-01', validTo: null });
      const { endParticipation: ended } = await app.ok(`mutation($id: ID!) { endParticipation(id: $id, validTo: "2024-09-30") { validTo } }`, { id: part.id });
      expect(ended.validTo).toBe('2024-09-30');
      await app.ok(`mutation($n: ID!, $o: ID!) { setCoordinator(networkId: $n, organisationId: $o, from: "2024-01-01") { role } }`, { n: network.id, o: org.id });
      const { network: read } = await app.ok(`query($id: ID!) { network(id: $id) { coordinator(at: "2024-06-01") { id } } }`, { id: network.id });
      expect(read.coordinator.id).toBe(org.id);

      const { updateOrganisation: updated } = await app.ok(`mutation($id: ID!) { updateOrganisation(id: $id, input: { website: "nuorisoseura.example.fi" }) { name website } }`, {
        id: org.id,
      });
      expect(updated).toEqual({ name: 'Testilän Nuorisoseura ry', website: 'https://nuorisoseura.example.fi/' });
      const { updateActivity: moved } = await app.ok(`mutation($id: ID!) { updateActivity(id: $id, input: { endDate: "2024-10-31" }) { endDate methodIds projectId } }`, {
        id: activity.id,
      });
      expect(moved).toEqual({ endDate: '2024-10-31', methodIds: ['nature-based'], projectId: project.id });

      const { deleteOrganisation: gone } = await app.ok(`mutation($id: ID!) { deleteOrganisation(id: $id) { removedRelationships } }`, { id: org.id });
      expect(gone.removedRelationships).toBeGreaterThanOrEqual(2);
      expect((await app.ok(`query($id: ID!) { organisation(id: $id) { id } }`, { id: org.id })).organisation).toBeNull();
      for (const [mutation, id] of [
        ['deleteActivity', activity.id],
        ['deleteProject', project.id],
        ['deleteNetwork', network.id],
      ]) {
        await app.ok(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id });
      }
    });

    it('merges two spellings of one organisation, keeping every relationship', async () => {
      const a = await app.ok(`mutation { createOrganisation(input: { name: "Esimerkin Martat ry", kind: ASSOCIATION }) { id } }`);
      const b = await app.ok(`mutation { createOrganisation(input: { name: "Esimerkin Marttayhdistys", kind: ASSOCIATION }) { id } }`);
      const { project } = await app.ok(`{ project(code: "S21858") { id } }`);
      await app.ok(`mutation($o: String!, $t: String!) { addParticipation(input: { organisationId: $o, targetId: $t, role: PARTNER }) { id } }`, {
        o: b.createOrganisation.id,
        t: project.id,
      });
      const { mergeOrganisations } = await app.ok(
        `mutation($k: ID!, $m: [ID!]!) { mergeOrganisations(keepId: $k, mergeIds: $m) {
        movedRelationships organisation { mergedNames participations { targetId role } } } }`,
        { k: a.createOrganisation.id, m: [b.createOrganisation.id] },
      );
      expect(mergeOrganisations.movedRelationships).toBe(1);
      expect(mergeOrganisations.organisation.mergedNames).toEqual(['Esimerkin Marttayhdistys']);
      expect(mergeOrganisations.organisation.participations).toEqual([{ targetId: project.id, role: 'PARTNER' }]);
    });

    it('pages through organisations with cursors, without repeats', async () => {
      const seen = new Set<string>();
      let after: string | null = null;
      let total = 0;
      do {
        const { organisations }: any = await app.ok(
          `query($after: String) { organisations(first: 7, after: $after) {
          totalCount nodes { id } pageInfo { endCursor hasNextPage } } }`,
          { after },
        );
        total = organisations.totalCount;
        organisations.nodes.forEach((o: any) => {
          expect(seen.has(o.id)).toBe(false);
          seen.add(o.id);
        });
        after = organisations.pageInfo.hasNextPage ? organisations.pageInfo.endCursor : null;
      } while (after);
      expect(seen.size).toBe(total);
      // totalCount is counted when asked for through a fragment too, and a page without it is the same page.
      const viaFragment: any = await app.ok(`{ organisations(first: 3) { ...counted } } fragment counted on OrganisationConnection { totalCount nodes { id } }`);
      const uncounted: any = await app.ok(`{ organisations(first: 3) { nodes { id } } }`);
      expect(viaFragment.organisations.totalCount).toBe(total);
      expect(uncounted.organisations.nodes).toEqual(viaFragment.organisations.nodes);
    });
  });

  describe('bad input gets a clear error and writes nothing', () => {
    const unchanged = async (attempt: () => Promise<{ code?: string; message: string }>, code: string, words: RegExp) => {
      const before = await app.ok(COUNTS);
      const error = await attempt();
      expect(error.code).toBe(code);
      expect(error.message).toMatch(words);
      expect(await app.ok(COUNTS)).toEqual(before);
    };

    it('refuses an invalid business ID', () =>
      unchanged(
        () => app.fails(`mutation { createOrganisation(input: { name: "Virheellinen ry", kind: ASSOCIATION, businessId: "1234567-2" }) { id } }`),
        'BAD_USER_INPUT',
        /business ID/,
      ));

    it('refuses an end before a start', () =>
      unchanged(
        () => app.fails(`mutation { createProject(input: { name: "Takaperoinen", startDate: "2024-05-01", endDate: "2024-01-01" }) { id } }`),
        'BAD_USER_INPUT',
        /before the start/,
      ));

    it('refuses a date that is not a date', () =>
      unchanged(
        () => app.fails(`mutation($d: Date) { createProject(input: { name: "Huono päivä", startDate: $d }) { id } }`, { d: '2024-02-30' }),
        'BAD_USER_INPUT',
        /not a date/,
      ));

    it('refuses a name that is only a NUL, and a website that is not http(s)', async () => {
      await unchanged(
        () => app.fails(`mutation($n: String!) { createOrganisation(input: { name: $n, kind: ASSOCIATION }) { id } }`, { n: '\u0000' }),
        'BAD_USER_INPUT',
        /control characters/,
      );
      await unchanged(() => app.fails(`mutation($n: String!) { createNetwork(input: { name: $n }) { id } }`, { n: '\u0000' }), 'BAD_USER_INPUT', /control characters/);
      await unchanged(
        () => app.fails(`mutation { createOrganisation(input: { name: "Tiedostopalvelu ry", kind: ASSOCIATION, website: "ftp://x" }) { id } }`),
        'BAD_USER_INPUT',
        /not a web address/,
      );
    });

    it('says CONFLICT for a second network of the same name, naming neither', async () => {
      const error = await app.fails(`mutation { createNetwork(input: { name: "KUUSAMON osallisuus-verkosto" }) { id } }`);
      expect(error).toMatchObject({ code: 'CONFLICT', message: 'A network with this name already exists. Choose another name.' });
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
      expect(
        Object.keys(error.extensions ?? {})
          .filter((k) => k !== 'stacktrace')
          .sort(),
      ).toEqual(['code', 'field']);
    });

    it('says NOT_FOUND for an unknown id', () =>
      unchanged(() => app.fails(`mutation { updateOrganisation(id: "org-ei-ole", input: { name: "X" }) { id } }`), 'NOT_FOUND', /was not found/));

    it('says CONFLICT for a duplicate organisation', () =>
      unchanged(() => app.fails(`mutation { createOrganisation(input: { name: "KUUSAMON  kaupunki", kind: MUNICIPALITY }) { id } }`), 'CONFLICT', /already exists/));

    it('says CONFLICT for a duplicate project code', () =>
      unchanged(() => app.fails(`mutation { createProject(input: { code: "s21858", name: "Kopio" }) { id } }`), 'CONFLICT', /S21858/));

    it('rolls back a multi-step mutation that fails half-way', async () => {
      const { activities } = await app.ok(`{ activities(first: 1) { nodes { id name methodIds } } }`);
      const [before] = activities.nodes;
      const error = await app.fails(`mutation($id: ID!) { updateActivity(id: $id, input: { name: "Uusi nimi", methodIds: ["ei-tällaista"] }) { id } }`, { id: before.id });
      expect(error.code).toBe('BAD_USER_INPUT');
      const { activity } = await app.ok(`query($id: ID!) { activity(id: $id) { id name methodIds } }`, { id: before.id });
      expect(activity).toEqual(before);
    });

    it('refuses a role that does not fit the target', async () => {
      const { organisations } = await app.ok(`{ organisations(first: 1) { nodes { id } } }`);
      const { project } = await app.ok(`{ project(code: "S21858") { id } }`);
      const error = await app.fails(`mutation($o: String!, $t: String!) { addParticipation(input: { organisationId: $o, targetId: $t, role: VENUE }) { id } }`, {
        o: organisations.nodes[0].id,
        t: project.id,
      });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error.message).toMatch(/not a role in a project/);
    });
  });
});

describe('durability', () => {
  it('keeps data written before a stop after a restart', async () => {
    const first = await new TestApp().start({ DEMO_DATA: 'false' });
    const { createOrganisation } = await first.ok(`mutation { createOrganisation(input: { name: "Pysyvä yhdistys ry", kind: ASSOCIATION }) { id } }`);
    const { organisations } = await first.ok(`{ organisations { totalCount } }`);
    expect(organisations.totalCount).toBe(1);
    await first.stop();
    const second = await new TestApp(first.dataDir).start({ DEMO_DATA: 'false' });
    try {
      const { organisation } = await second.ok(`query($id: ID!) { organisation(id: $id) { name } }`, { id: createOrganisation.id });
      expect(organisation).toEqual({ name: 'Pysyvä yhdistys ry' });
    } finally {
      await second.remove();
    }
  }, 60_000);
});
