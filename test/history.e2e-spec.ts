import { ADMIN, TestApp } from './support/app';

/** The change history, undo, tie sources and named persons, over real HTTP against the built app. */
describe('history, undo, tie sources and named persons over GraphQL', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  const CHANGE = `id at operation entityKind entityId label before after undoOf undoneBy networkIds actor { id email }`;
  const history = async (entityId: string) => (await app.ok(`query($id: ID!) { changes(entityId: $id) { totalCount nodes { ${CHANGE} } } }`, { id: entityId })).changes;

  it('shows the demo load in a network’s history, made by the system', async () => {
    const { changes } = await app.ok(`{ changes(networkId: "net-kuusamo", first: 5) { totalCount nodes { ${CHANGE} } } }`);
    expect(changes.totalCount).toBe(1);
    expect(changes.nodes[0]).toMatchObject({ operation: 'LOAD', entityKind: 'DATASET', label: 'demo data', actor: { id: 'system', email: null } });
    expect(JSON.parse(changes.nodes[0].after)).toMatchObject({ source: { kind: 'DEMO', ref: 'seeds' } });
    const { members } = (await app.ok(`{ network(id: "net-kuusamo") { members { source { kind ref } confirmedAt } } }`)).network;
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m: any) => m.source.kind === 'DEMO' && m.confirmedAt === null)).toBe(true);
  });

  it('records the history of a change — who, when, before and after — and undoes it', async () => {
    const { createOrganisation: org } = await app.ok(`mutation { createOrganisation(input: { name: "Historian yhdistys", kind: ASSOCIATION }) { id name } }`);
    await app.ok(`mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Historian yhdistys ry", municipalityCode: "305" }) { id } }`, { id: org.id });
    const before = await history(org.id);
    expect(before.totalCount).toBe(2);
    const [update, create] = before.nodes;
    expect(create).toMatchObject({ operation: 'CREATE', before: null, actor: { id: expect.stringMatching(/^usr-/), email: ADMIN.email } });
    expect(update).toMatchObject({ operation: 'UPDATE', label: 'Historian yhdistys ry', undoneBy: null });
    expect(JSON.parse(update.before)).toMatchObject({ name: 'Historian yhdistys', municipalityCode: null });
    expect(JSON.parse(update.after)).toMatchObject({ name: 'Historian yhdistys ry', municipalityCode: '305' });
    expect(Date.parse(update.at)).toBeGreaterThan(Date.now() - 60_000);

    const { undoChange } = await app.ok(`mutation($id: ID!) { undoChange(id: $id) { ${CHANGE} } }`, { id: update.id });
    expect(undoChange).toMatchObject({ operation: 'UNDO', undoOf: update.id, entityId: org.id });
    const { organisation } = await app.ok(`query($id: ID!) { organisation(id: $id) { name municipalityCode } }`, { id: org.id });
    expect(organisation).toEqual({ name: 'Historian yhdistys', municipalityCode: null });
    const after = await history(org.id);
    expect(after.nodes.map((c: any) => [c.operation, c.undoneBy])).toEqual([
      ['UNDO', null],
      ['UPDATE', undoChange.id],
      ['CREATE', null],
    ]);
    const again = await app.fails(`mutation($id: ID!) { undoChange(id: $id) { id } }`, { id: update.id });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already undone/) });
  });

  it('refuses an undo a later change depends on, with CONFLICT naming it', async () => {
    const { createOrganisation: org } = await app.ok(`mutation { createOrganisation(input: { name: "Riippuvuuden yhdistys", kind: ASSOCIATION }) { id } }`);
    const { addParticipation: tie } = await app.ok(
      `mutation($o: String!) { addParticipation(input: { organisationId: $o, targetId: "net-kuusamo", role: MEMBER }) { id source { kind } confirmedAt } }`,
      { o: org.id },
    );
    expect(tie.source.kind).toBe('MANUAL');
    const create = (await history(org.id)).nodes.find((c: any) => c.operation === 'CREATE' && c.entityId === org.id);
    const result = await app.gql(`mutation($id: ID!) { undoChange(id: $id) { id } }`, { id: create.id });
    const [error] = result.errors ?? [];
    expect(error.extensions?.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Later changes depend on this one: CREATE of PARTICIPATION "Riippuvuuden yhdistys → Kuusamon/);
    expect(error.extensions?.dependents).toEqual([expect.objectContaining({ entityId: tie.id, operation: 'CREATE', actor: ADMIN.email })]);
    const { organisation } = await app.ok(`query($id: ID!) { organisation(id: $id) { id } }`, { id: org.id });
    expect(organisation).not.toBeNull();
  });

  it('asks for exactly one of entityId and networkId', async () => {
    expect(await app.fails(`{ changes { totalCount } }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.fails(`{ changes(entityId: "a", networkId: "b") { totalCount } }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('records where a tie comes from and when it was last confirmed', async () => {
    const { createOrganisation: org } = await app.ok(`mutation { createOrganisation(input: { name: "Lähteen säätiö", kind: FOUNDATION }) { id } }`);
    const { addParticipation: tie } = await app.ok(
      `mutation($o: String!) { addParticipation(input: { organisationId: $o, targetId: "net-kuusamo", role: MEMBER,
        source: { kind: IMPORT, ref: "kumppanit.xlsx#12" } }) { id source { kind ref } confirmedAt } }`,
      { o: org.id },
    );
    expect(tie).toMatchObject({ source: { kind: 'IMPORT', ref: 'kumppanit.xlsx#12' }, confirmedAt: null });
    const { confirmParticipation } = await app.ok(`mutation($id: ID!) { confirmParticipation(id: $id) { confirmedAt source { ref } } }`, { id: tie.id });
    expect(Date.parse(confirmParticipation.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(confirmParticipation.source.ref).toBe('kumppanit.xlsx#12');
    const missing = await app.fails(
      `mutation($o: String!) { addParticipation(input: { organisationId: $o, targetId: "net-kuusamo",
      role: BUDGET_HOLDER, source: { kind: REGISTRY } }) { id } }`,
      { o: org.id },
    );
    expect(missing).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/source\.ref/) });
    expect((await history(tie.id)).nodes.map((c: any) => c.operation)).toEqual(['CONFIRM', 'CREATE']);
  });

  it('names a person only with consent, exports what is held, and erases it from the history', async () => {
    const orgId = 'org-kuusamon-kaupunki';
    const refused = await app.fails(
      `mutation($o: String!) { createPerson(input: { name: "Ilman Suostumusta", organisationId: $o,
      consentText: "", consentGivenAt: "2024-01-01" }) { id } }`,
      { o: orgId },
    );
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/consent/) });

    const { createPerson: person } = await app.ok(
      `mutation($o: String!) { createPerson(input: { name: "Outi Osallinen", email: "outi.osallinen@example.fi", organisationId: $o,
        roleTitle: "verkostokoordinaattori", consentText: "Suostun nimeni näyttämiseen Verkostossa koordinaattorina.",
        consentGivenAt: "2024-02-01" }) { id name consentGivenAt organisation { id } } }`,
      { o: orgId },
    );
    expect(person).toMatchObject({ name: 'Outi Osallinen', consentGivenAt: '2024-02-01', organisation: { id: orgId } });
    const { organisation: withPeople } = await app.ok(`query($o: ID!) { organisation(id: $o) { people { id roleTitle } } }`, { o: orgId });
    expect(withPeople.people).toEqual([{ id: person.id, roleTitle: 'verkostokoordinaattori' }]);

    const { exportPerson } = await app.ok(`query($id: ID!) { exportPerson(id: $id) }`, { id: person.id });
    const exported = JSON.parse(exportPerson);
    expect(exported.person).toMatchObject({ name: 'Outi Osallinen', email: 'outi.osallinen@example.fi', consentText: expect.stringMatching(/Suostun/) });
    expect(exported.changes.map((c: any) => c.operation)).toEqual(['CREATE']);

    const { erasePerson } = await app.ok(`mutation($id: ID!) { erasePerson(id: $id) { id scrubbedChanges } }`, { id: person.id });
    expect(erasePerson).toEqual({ id: person.id, scrubbedChanges: 1 });
    expect(await app.fails(`query($id: ID!) { exportPerson(id: $id) }`, { id: person.id })).toMatchObject({ code: 'NOT_FOUND' });
    const { changes } = await app.ok(`query($id: ID!) { changes(entityId: $id) { nodes { operation label before after effects { before after } } } }`, { id: person.id });
    expect(changes.nodes.map((c: any) => c.operation)).toEqual(['ERASE', 'CREATE']);
    const text = JSON.stringify(changes);
    expect(text).not.toMatch(/Outi|Osallinen|outi\.osallinen/);
  });
});
