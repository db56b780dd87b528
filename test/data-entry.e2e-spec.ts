import { TestApp } from './support/app';
import { DUPLICATES, seedDuplicates } from './support/duplicates';

/** Data entry over GraphQL: likely duplicates, the merge record, and what a delete takes with it. */
describe('data entry API', () => {
  const app = new TestApp();
  beforeAll(async () => {
    await app.start();
    await seedDuplicates(app);
  }, 90_000);
  afterAll(() => app.remove());

  const ORG = `id name businessId municipalityCode mergedNames mergedFrom { id name businessId mergedAt }
    participations { targetId targetName role validFrom validTo }`;

  it('lists the two spellings of one association as likely duplicates', async () => {
    const { duplicateOrganisations } = await app.ok(`{ duplicateOrganisations(first: 50) { totalCount nodes { reason key members { id name } } } }`);
    const group = duplicateOrganisations.nodes.find((g: any) => g.members.some((m: any) => m.id === DUPLICATES.first.id));
    expect(group).toMatchObject({ reason: 'NAME', key: 'kylataloesimerkkiry' });
    // The one with a business ID is suggested as the survivor.
    expect(group.members.map((m: any) => m.id)).toEqual([DUPLICATES.second.id, DUPLICATES.first.id]);
    // The demo data has no duplicates of its own.
    expect(duplicateOrganisations.totalCount).toBe(1);
  });

  it('merges them keeping every relationship, and records what was merged', async () => {
    const before = await app.ok(`query($a: ID!, $b: ID!) { a: organisation(id: $a) { ${ORG} } b: organisation(id: $b) { ${ORG} } }`, {
      a: DUPLICATES.first.id,
      b: DUPLICATES.second.id,
    });
    const started = new Date().toISOString();
    const { mergeOrganisations } = await app.ok(
      `mutation($keep: ID!, $merge: [ID!]!) { mergeOrganisations(keepId: $keep, mergeIds: $merge) { mergedIds movedRelationships organisation { ${ORG} } } }`,
      { keep: DUPLICATES.second.id, merge: [DUPLICATES.first.id] },
    );
    expect(mergeOrganisations.mergedIds).toEqual([DUPLICATES.first.id]);
    expect(mergeOrganisations.movedRelationships).toBe(1);
    const survivor = mergeOrganisations.organisation;
    const key = (p: any) => `${p.targetId}|${p.role}|${p.validFrom}|${p.validTo}`;
    expect(survivor.participations.map(key).sort()).toEqual([...before.a.participations, ...before.b.participations].map(key).sort());
    expect(survivor.participations.map((p: any) => p.targetName).sort()).toEqual(['Kuusamon kesäkeidas 2021', 'Kuusamon osallisuusverkosto'].sort());
    // The survivor takes over the municipality it lacked, and keeps its own business ID.
    expect(survivor).toMatchObject({ businessId: '1234567-1', municipalityCode: '305', mergedNames: [DUPLICATES.first.name] });
    expect(survivor.mergedFrom).toEqual([{ id: DUPLICATES.first.id, name: DUPLICATES.first.name, businessId: null, mergedAt: expect.any(String) }]);
    expect(survivor.mergedFrom[0].mergedAt >= started).toBe(true);

    const after = await app.ok(`query($a: ID!, $b: ID!) { a: organisation(id: $a) { id } b: organisation(id: $b) { ${ORG} } }`, {
      a: DUPLICATES.first.id,
      b: DUPLICATES.second.id,
    });
    expect(after.a).toBeNull();
    expect(after.b).toEqual(survivor);
    const { duplicateOrganisations } = await app.ok(`{ duplicateOrganisations { totalCount } }`);
    expect(duplicateOrganisations.totalCount).toBe(0);
    // The merged organisation's tie shows on the map of the network under the survivor.
    const { networkGraph } = await app.ok(`{ networkGraph(networkId: "net-kuusamo") { edges { source target role } } }`);
    expect(networkGraph.edges).toContainEqual({ source: DUPLICATES.second.id, target: 'net-kuusamo', role: 'MEMBER' });
  });

  it('refuses a second business ID and a merge of two, naming the field and the organisation', async () => {
    const refused = await app.gql(`mutation { createOrganisation(input: { name: "Toinen koulutus Oy", kind: COMPANY, businessId: "0208916-8" }) { id } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'businessId',
      existingId: 'org-keski-pohjanmaan-koulutuskuntayhtyma',
      existingName: 'Keski-Pohjanmaan koulutuskuntayhtymä',
    });
    const merge = await app.gql(`mutation { mergeOrganisations(keepId: "org-keski-pohjanmaan-koulutuskuntayhtyma", mergeIds: ["org-kokkolan-kaupunki"]) { mergedIds } }`);
    expect(merge.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'mergeIds', organisationId: 'org-kokkolan-kaupunki' });
    const { organisation } = await app.ok(`{ organisation(id: "org-kokkolan-kaupunki") { businessId } }`);
    expect(organisation).toEqual({ businessId: '0179377-8' });
  });

  it('says what a delete will take with it, exactly what the delete then removes', async () => {
    const { createProject: project } = await app.ok(
      `mutation { createProject(input: { name: "Poistettava hanke", code: "E2E-DEL", networkIds: ["net-kuusamo"], methodIds: ["nature-based"] }) { id } }`,
    );
    const { createActivity: activity } = await app.ok(`mutation($p: String) { createActivity(input: { name: "Hankkeen työpaja", type: WORKSHOP, projectId: $p }) { id } }`, {
      p: project.id,
    });
    for (const org of ['org-kuusamon-kaupunki', 'org-ksak']) {
      await app.ok(`mutation($o: String!, $t: String!) { addParticipation(input: { organisationId: $o, targetId: $t, role: PARTNER }) { id } }`, { o: org, t: project.id });
    }
    const { deletionImpact } = await app.ok(
      `query($id: ID!) { deletionImpact(id: $id) { id kind name participations activityLinks continuationLinks networkLinks adoptions otherLinks removedRelationships } }`,
      { id: project.id },
    );
    expect(deletionImpact).toEqual({
      id: project.id,
      kind: 'PROJECT',
      name: 'Poistettava hanke',
      participations: 2,
      activityLinks: 1,
      continuationLinks: 0,
      networkLinks: 1,
      adoptions: 0,
      otherLinks: 1,
      removedRelationships: 5,
    });
    const { deleteProject } = await app.ok(`mutation($id: ID!) { deleteProject(id: $id) { removedRelationships } }`, { id: project.id });
    expect(deleteProject.removedRelationships).toBe(5);
    // The activity stays, without its project.
    const { activity: left } = await app.ok(`query($id: ID!) { activity(id: $id) { projectId } }`, { id: activity.id });
    expect(left).toEqual({ projectId: null });
    expect(await app.fails(`query($id: ID!) { deletionImpact(id: $id) { id } }`, { id: project.id })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
