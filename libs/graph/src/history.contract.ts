/**
 * The store contract for the change history, undo, tie sources and named persons: every engine
 * available, like store.contract.ts. Fault injection wraps the embedded engine.
 */
import type { Change, ChangeTouches, JsonObject, PersonInput } from '@verkosto/domain';
import { SYSTEM_ACTOR } from '@verkosto/domain';
import { actor, dataset, expectDomainError, expectRefusedUnchanged, legs, tag, tempDir, walk } from './contract.fixture';
import type { StorageEngine } from './engine/engine';
import { SqliteEngine } from './engine/sqlite-engine';
import type { GraphStore } from './graph-store';
import { openStore } from './open-store';
import { ensureReferenceData } from './reference-data';
import { CypherGraphStore } from './store/cypher-graph-store';

jest.setTimeout(60_000);

const other = { id: 'user-other', email: 'toinen@example.fi' };
const consent = (organisationId: string, overrides: Partial<PersonInput> = {}): PersonInput => ({
  name: `Maija Meikäläinen ${tag()}`,
  email: `maija.${tag()}@example.fi`,
  organisationId,
  roleTitle: 'verkostokoordinaattori',
  consentText: 'Suostun siihen, että nimeni ja roolini näkyvät verkostokartalla.',
  consentGivenAt: '2024-03-01',
  ...overrides,
});

describe.each(legs)('history contract on $name', (leg) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await openStore(await leg.config(tempDir()));
  });
  afterAll(async () => {
    await store?.close();
  });

  const org = (name = `Yhdistys ${tag()}`) => store.createOrganisation({ name, kind: 'ASSOCIATION' }, actor);
  const network = () => store.createNetwork({ name: `Verkosto ${tag()}` }, actor);
  const history = async (entityId: string) => (await store.listChanges({ entityId, first: 200 })).items;
  const state = (change: Change, id: string) => change.effects.find((e) => e.id === id)!;

  describe('recording', () => {
    it('records who created an organisation, when, and its fields after', async () => {
      const started = new Date().toISOString();
      const created = await org();
      const [change] = await history(created.id);
      expect(change).toMatchObject({
        actor,
        operation: 'CREATE',
        entityKind: 'ORGANISATION',
        entityId: created.id,
        label: created.name,
        entityIds: [created.id],
        undoOf: null,
        undoneBy: null,
      });
      expect(change.at >= started && change.at <= new Date().toISOString()).toBe(true);
      expect(state(change, created.id).before).toBeNull();
      expect(state(change, created.id).after).toMatchObject({ ...created, adoptions: [] });
      expect(await store.getChange(change.id)).toEqual(change);
    });

    it('records an update with the fields before and after, newest first in the history', async () => {
      const created = await org();
      const renamed = await store.updateOrganisation(created.id, { name: `Uusi nimi ${tag()}`, website: 'example.fi' }, other);
      const [update, create] = await history(created.id);
      expect(create.operation).toBe('CREATE');
      expect(update).toMatchObject({ operation: 'UPDATE', actor: other, label: renamed.name });
      expect(state(update, created.id).before).toMatchObject({ name: created.name, website: null });
      expect(state(update, created.id).after).toMatchObject({ name: renamed.name, website: 'https://example.fi/' });
    });

    it('leaves no record of an update that changed nothing', async () => {
      const created = await org();
      await store.updateOrganisation(created.id, { name: created.name }, actor);
      expect(await history(created.id)).toHaveLength(1);
    });

    it('finds a tie’s change under its organisation, its target and the network it belongs to', async () => {
      const n = await network();
      const p = await store.createProject({ name: `Hanke ${tag()}`, networkIds: [n.id] }, actor);
      const o = await org();
      const tie = await store.addParticipation({ organisationId: o.id, targetId: p.id, role: 'PARTNER' }, actor);
      const [change] = await history(tie.id);
      expect(change).toMatchObject({ operation: 'CREATE', entityKind: 'PARTICIPATION', label: `${o.name} → ${p.name}` });
      expect(change.refIds).toEqual([o.id, p.id].sort());
      expect(change.networkIds).toEqual([n.id]);
      expect((await history(o.id)).map((c) => c.id)).toContain(change.id);
      expect((await history(p.id)).map((c) => c.id)).toContain(change.id);
      // Renaming the organisation touches the network it now takes part in.
      await store.updateOrganisation(o.id, { name: `Nimi ${tag()}` }, actor);
      const inNetwork = (await store.listChanges({ networkId: n.id })).items;
      expect(inNetwork.map((c) => [c.operation, c.entityKind])).toEqual([
        ['UPDATE', 'ORGANISATION'],
        ['CREATE', 'PARTICIPATION'],
        ['CREATE', 'PROJECT'],
        ['CREATE', 'NETWORK'],
      ]);
    });

    it('records a deletion with everything it took along: ties and the links of other items', async () => {
      const p = await store.createProject({ name: `Hanke ${tag()}` }, actor);
      const a = await store.createActivity({ name: `Toiminta ${tag()}`, type: 'EVENT', projectId: p.id }, actor);
      const o = await org();
      const tie = await store.addParticipation({ organisationId: o.id, targetId: p.id, role: 'LEAD' }, actor);
      await store.deleteProject(p.id, actor);
      const [change] = await history(p.id);
      expect(change).toMatchObject({ operation: 'DELETE', entityKind: 'PROJECT', entityId: p.id });
      expect(change.entityIds).toEqual([a.id, p.id, tie.id].sort());
      expect(state(change, tie.id)).toMatchObject({ before: { id: tie.id, role: 'LEAD' }, after: null });
      expect(state(change, a.id)).toMatchObject({ before: { projectId: p.id }, after: { projectId: null } });
    });

    it('records a whole load as one change that names every item it brought', async () => {
      const { ids, data } = dataset(tag());
      await store.loadDataset(data, actor, { label: 'kumppanit.xlsx', source: { kind: 'IMPORT', ref: 'kumppanit.xlsx' } });
      const [change] = await history(ids.city);
      expect(change).toMatchObject({ operation: 'LOAD', entityKind: 'DATASET', label: 'kumppanit.xlsx', networkIds: [ids.net] });
      expect(change.entityIds).toEqual(expect.arrayContaining([ids.city, ids.p1, ids.a3, ids.net]));
      expect(change.effects[0].after).toMatchObject({ organisations: 3, participations: 8 });
      expect((await history(ids.p2)).map((c) => c.id)).toEqual([change.id]);
    });

    it('pages the history newest first and filters it by day', async () => {
      const created = await org();
      for (let i = 0; i < 4; i++) await store.updateOrganisation(created.id, { name: `Nimi ${i} ${tag()}` }, actor);
      const { pages, ids } = await walk((after) => store.listChanges({ entityId: created.id, first: 2, after }));
      expect(pages.map((p) => [p.items.length, p.totalCount, p.hasNextPage])).toEqual([
        [2, 5, true],
        [2, 5, true],
        [1, 5, false],
      ]);
      const all = await history(created.id);
      expect(ids).toEqual(all.map((c) => c.id));
      expect(all.map((c) => c.at)).toEqual([...all.map((c) => c.at)].sort().reverse());
      const today = all[0].at.slice(0, 10);
      expect((await store.listChanges({ entityId: created.id, from: today, to: today })).totalCount).toBe(5);
      expect((await store.listChanges({ entityId: created.id, to: '2000-01-01' })).totalCount).toBe(0);
    });

    it("leaves out of the page and the count the changes the caller's rule refuses, reading on past them", async () => {
      const created = await org();
      for (let i = 0; i < 5; i++) await store.updateOrganisation(created.id, { name: `Suodatettu ${i} ${tag()}` }, actor);
      const all = await history(created.id);
      const refused = new Set(all.filter((_, i) => i % 2 === 0).map((c) => c.id));
      // A page's batch holds whole changes: refuse every other one by id.
      const readable = async () => (change: ChangeTouches) => !refused.has((change as Change).id);
      const { pages, ids } = await walk((after) => store.listChanges({ entityId: created.id, first: 2, after, readable, withTotal: false }));
      expect(ids).toEqual(all.filter((c) => !refused.has(c.id)).map((c) => c.id));
      expect(pages.map((p) => [p.items.length, p.hasNextPage])).toEqual([
        [2, true],
        [1, false],
      ]);
      // The count reads only what each change touches, the rule's own material.
      const none = async () => (change: ChangeTouches) => !change.entityIds.includes(created.id);
      expect((await store.listChanges({ entityId: created.id, readable: none })).totalCount).toBe(0);
      expect((await store.listChanges({ entityId: created.id, readable: none, withTotal: false })).totalCount).toBeNull();
    });

    it('asks for exactly one of entity and network, and a sound window', async () => {
      await expectDomainError(store.listChanges({}), 'BAD_USER_INPUT');
      await expectDomainError(store.listChanges({ entityId: 'x', networkId: 'y' }), 'BAD_USER_INPUT');
      await expectDomainError(store.listChanges({ entityId: 'x', from: '2024-02-01', to: '2024-01-01' }), 'BAD_USER_INPUT');
      await expectDomainError(store.listChanges({ entityId: 'x', first: 500 }), 'BAD_USER_INPUT');
    });

    it('records nothing for a write that is refused half-way', async () => {
      const a = await store.createActivity({ name: `Toiminta ${tag()}`, type: 'WORKSHOP' }, actor);
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.updateActivity(a.id, { name: `Uusi ${tag()}`, methodIds: ['green-care', 'no-such-method'] }, actor));
      expect(await history(a.id)).toHaveLength(1);
    });
  });

  describe('undo', () => {
    it('puts back the fields before an update, records the undo, and can undo the undo', async () => {
      const created = await org();
      await store.updateOrganisation(created.id, { name: `Väärä nimi ${tag()}`, municipalityCode: '305' }, actor);
      const [update] = await history(created.id);
      const undo = await store.undoChange(update.id, other);
      expect(undo).toMatchObject({ operation: 'UNDO', undoOf: update.id, actor: other, entityId: created.id });
      expect(await store.getOrganisation(created.id)).toMatchObject({ name: created.name, municipalityCode: null });
      expect((await store.getChange(update.id))?.undoneBy).toBe(undo.id);
      const again = await expectDomainError(store.undoChange(update.id, actor), 'CONFLICT');
      expect(again.message).toMatch(/already undone/);
      await store.undoChange(undo.id, actor); // redo
      expect(await store.getOrganisation(created.id)).toMatchObject({ municipalityCode: '305' });
      expect((await history(created.id)).map((c) => c.operation)).toEqual(['UNDO', 'UNDO', 'UPDATE', 'CREATE']);
    });

    it('refuses to undo a change a later change to the same entity depends on, naming it', async () => {
      const created = await org();
      await store.updateOrganisation(created.id, { website: 'eka.fi' }, actor);
      await store.updateOrganisation(created.id, { website: 'toka.fi' }, other);
      const [second, first] = await history(created.id);
      const before = await store.counts();
      const error = await expectDomainError(store.undoChange(first.id, actor), 'CONFLICT');
      expect(error.message).toMatch(/Later changes depend on this one: UPDATE of ORGANISATION/);
      expect(error.details.dependents).toEqual([expect.objectContaining({ id: second.id, operation: 'UPDATE', actor: other.email })]);
      expect(await store.counts()).toEqual(before);
      // Once the later change is undone, the earlier one can be.
      await store.undoChange(second.id, actor);
      await store.undoChange(first.id, actor);
      expect((await store.getOrganisation(created.id))?.website).toBeNull();
    });

    it('refuses to undo creating an organisation a tie was later attached to', async () => {
      const created = await org();
      const n = await network();
      const tie = await store.addParticipation({ organisationId: created.id, targetId: n.id, role: 'MEMBER' }, actor);
      const create = (await history(created.id)).find((c) => c.operation === 'CREATE' && c.entityId === created.id)!;
      const error = await expectDomainError(store.undoChange(create.id, actor), 'CONFLICT');
      expect(error.details.dependents).toEqual([expect.objectContaining({ entityKind: 'PARTICIPATION', entityId: tie.id })]);
      await store.undoChange((await history(tie.id))[0].id, actor);
      expect(await store.listParticipations({ targetId: n.id })).toEqual([]);
      await store.undoChange(create.id, actor);
      expect(await store.getOrganisation(created.id)).toBeNull();
    });

    it('brings a deleted project back with its ties (same ids and sources) and the activities under it', async () => {
      const n = await network();
      const p = await store.createProject({ name: `Hanke ${tag()}`, code: `U${tag()}`, networkIds: [n.id], methodIds: ['nature-based'] }, actor);
      const a = await store.createActivity({ name: `Toiminta ${tag()}`, type: 'EVENT', projectId: p.id }, actor);
      const o = await org();
      const tie = await store.addParticipation(
        { organisationId: o.id, targetId: p.id, role: 'LEAD', validFrom: '2024-01-01', source: { kind: 'IMPORT', ref: 'hankkeet.csv#4' } },
        actor,
      );
      await store.deleteProject(p.id, actor);
      const [deletion] = await history(p.id);
      await store.undoChange(deletion.id, actor);
      expect(await store.getProject(p.id)).toEqual({ ...p, updatedAt: expect.any(String) });
      expect((await store.listProjects({ networkId: n.id })).items.map((x) => x.id)).toEqual([p.id]);
      expect((await store.getActivity(a.id))?.projectId).toBe(p.id);
      expect(await store.listParticipations({ targetId: p.id })).toEqual([tie]);
    });

    it('takes a merge apart again: the merged organisation, its ties and the kept one as it was', async () => {
      const keep = await org();
      const merged = await org();
      const n = await network();
      const p = await store.createProject({ name: `Hanke ${tag()}` }, actor);
      await store.addParticipation({ organisationId: keep.id, targetId: n.id, role: 'MEMBER' }, actor);
      const mergedTies = [
        await store.addParticipation({ organisationId: merged.id, targetId: n.id, role: 'MEMBER' }, actor),
        await store.addParticipation({ organisationId: merged.id, targetId: p.id, role: 'PARTNER', source: { kind: 'REGISTRY', ref: 'eura:S1' } }, actor),
      ];
      const result = await store.mergeOrganisations(keep.id, [merged.id], other);
      expect(result.movedRelationships).toBe(1);
      const moved = (await store.listParticipations({ targetId: p.id }))[0];
      expect(moved).toMatchObject({ organisationId: keep.id, source: { kind: 'REGISTRY', ref: 'eura:S1' } });
      const [merge] = await history(keep.id);
      expect(merge).toMatchObject({ operation: 'MERGE', actor: other, entityId: keep.id });
      expect(merge.networkIds).toEqual([n.id]);
      await store.undoChange(merge.id, actor);
      expect(await store.getOrganisation(keep.id)).toEqual({ ...keep, updatedAt: expect.any(String) });
      expect(await store.getOrganisation(merged.id)).toEqual({ ...merged, updatedAt: expect.any(String) });
      expect(await store.listParticipations({ organisationId: merged.id })).toEqual(expect.arrayContaining(mergedTies));
      expect(await store.listParticipations({ targetId: p.id })).toEqual([mergedTies[1]]);
    });

    it('undoes a handover of coordination: the old term is open again, the new one gone', async () => {
      const n = await network();
      const [first, second] = [await org(), await org()];
      const term = await store.setCoordinator(n.id, first.id, '2023-01-01', actor);
      const next = await store.setCoordinator(n.id, second.id, '2024-06-01', actor);
      expect((await store.listParticipations({ targetId: n.id, role: 'COORDINATOR' })).map((p) => p.validTo)).toEqual(['2024-05-31', null]);
      const [handover] = await history(next.id);
      expect(handover).toMatchObject({ operation: 'SET_COORDINATOR', entityIds: [term.id, next.id].sort() });
      await store.undoChange(handover.id, actor);
      expect(await store.listParticipations({ targetId: n.id, role: 'COORDINATOR' })).toEqual([term]);
    });

    it('refuses to undo a data load or an unknown change', async () => {
      const { ids, data } = dataset(tag());
      await store.loadDataset(data, actor);
      const [load] = await history(ids.city);
      expect((await expectDomainError(store.undoChange(load.id, actor), 'CONFLICT')).message).toMatch(/data load/);
      await expectDomainError(store.undoChange(`chg-missing-${tag()}`, actor), 'NOT_FOUND');
    });

    it('refuses to put a tie back when its target has been deleted since', async () => {
      const o = await org();
      const n = await network();
      const tie = await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER' }, actor);
      await store.removeParticipation(tie.id, actor);
      await store.deleteNetwork(n.id, actor);
      const [removal] = (await history(tie.id)).filter((c) => c.operation === 'DELETE' && c.entityId === tie.id);
      const error = await expectRefusedUnchanged(store, 'CONFLICT', () => store.undoChange(removal.id, actor));
      expect(error.message).toMatch(/no longer exists/);
    });
  });

  describe('tie sources', () => {
    it('records a tie entered by hand with who entered it, confirmed at entry', async () => {
      const o = await org();
      const n = await network();
      const before = new Date().toISOString();
      const tie = await store.addParticipation({ organisationId: o.id, targetId: n.id, role: 'MEMBER' }, actor);
      expect(tie.source).toEqual({ kind: 'MANUAL', ref: actor.email });
      expect(tie.confirmedAt! >= before).toBe(true);
      expect(await store.listParticipations({ targetId: n.id })).toEqual([tie]);
    });

    it('records an imported or registry tie with its reference; asks for one; keeps DEMO to the demo', async () => {
      const o = await org();
      const p = await store.createProject({ name: `Hanke ${tag()}` }, actor);
      const imported = await store.addParticipation({ organisationId: o.id, targetId: p.id, role: 'PARTNER', source: { kind: 'IMPORT', ref: ' kumppanit.xlsx#12 ' } }, actor);
      expect(imported).toMatchObject({ source: { kind: 'IMPORT', ref: 'kumppanit.xlsx#12' }, confirmedAt: null });
      const error = await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () =>
        store.addParticipation({ organisationId: o.id, targetId: p.id, role: 'FUNDER', source: { kind: 'REGISTRY', ref: ' ' } }, actor),
      );
      expect(error.details).toMatchObject({ field: 'source.ref' });
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () =>
        store.addParticipation({ organisationId: o.id, targetId: p.id, role: 'FUNDER', source: { kind: 'DEMO', ref: 'x' } }, actor),
      );
    });

    it('gives loaded ties the load’s source unless a row names its own', async () => {
      const { ids, data } = dataset(tag());
      data.participations[0] = { ...data.participations[0], source: { kind: 'REGISTRY', ref: 'eura:P1' }, confirmedAt: '2024-05-01T10:00:00.000Z' };
      await store.loadDataset(data, actor, { label: 'verkosto.csv', source: { kind: 'IMPORT', ref: 'verkosto.csv' } });
      const [lead] = await store.listParticipations({ targetId: ids.p1 });
      expect(lead).toMatchObject({ source: { kind: 'REGISTRY', ref: 'eura:P1' }, confirmedAt: '2024-05-01T10:00:00.000Z' });
      const members = await store.listParticipations({ targetId: ids.net, role: 'MEMBER' });
      expect(members).toEqual([expect.objectContaining({ source: { kind: 'IMPORT', ref: 'verkosto.csv' }, confirmedAt: null })]);
    });

    it('confirms a tie: confirmedAt moves to now and the confirmation is a change of its own', async () => {
      const { ids, data } = dataset(tag());
      await store.loadDataset(data, SYSTEM_ACTOR);
      const [member] = await store.listParticipations({ targetId: ids.net, role: 'MEMBER' });
      expect(member.confirmedAt).toBeNull();
      const confirmed = await store.confirmParticipation(member.id, other);
      expect(confirmed.confirmedAt).not.toBeNull();
      expect(await store.listParticipations({ targetId: ids.net, role: 'MEMBER' })).toEqual([confirmed]);
      const [change] = await history(member.id);
      expect(change).toMatchObject({ operation: 'CONFIRM', actor: other, networkIds: [ids.net] });
      expect((state(change, member.id).before as JsonObject).confirmedAt).toBeNull();
      await expectDomainError(store.confirmParticipation(`par-missing-${tag()}`, actor), 'NOT_FOUND');
    });
  });

  describe('named persons', () => {
    it('names a person only with a recorded consent', async () => {
      const o = await org();
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.createPerson(consent(o.id, { consentText: '' }), actor));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.createPerson(consent(o.id, { consentGivenAt: '2999-01-01' }), actor));
      await expectRefusedUnchanged(store, 'BAD_USER_INPUT', () => store.createPerson(consent(o.id, { email: 'ei-osoite' }), actor));
      await expectRefusedUnchanged(store, 'NOT_FOUND', () => store.createPerson(consent(`org-missing-${tag()}`), actor));
      const person = await store.createPerson(consent(o.id), actor);
      expect(person).toMatchObject({ organisationId: o.id, consentGivenAt: '2024-03-01', roleTitle: 'verkostokoordinaattori' });
      expect(person.id).toMatch(/^per-[0-9a-f]{12}$/); // nothing of the name in the id, which outlives an erasure
      expect(await store.listPersons(o.id)).toEqual([person]);
    });

    it('exports everything held about a person', async () => {
      const o = await org();
      const person = await store.createPerson(consent(o.id), actor);
      await store.updatePerson(person.id, { roleTitle: 'hankepäällikkö' }, actor);
      const exported = await store.exportPerson(person.id);
      expect(exported.person).toMatchObject({ ...person, roleTitle: 'hankepäällikkö', updatedAt: expect.any(String) });
      expect(exported.organisation).toEqual({ id: o.id, name: o.name });
      expect(exported.changes.map((c) => c.operation)).toEqual(['CREATE', 'UPDATE']);
      await expectDomainError(store.exportPerson(`per-missing-${tag()}`), 'NOT_FOUND');
    });

    it('erases a person and their name and email from the history, keeping the records', async () => {
      const o = await org();
      const person = await store.createPerson(consent(o.id), actor);
      await store.updatePerson(person.id, { roleTitle: 'kehittäjä' }, actor);
      const result = await store.erasePerson(person.id, actor);
      expect(result).toEqual({ id: person.id, scrubbedChanges: 2 });
      expect(await store.getPerson(person.id)).toBeNull();
      const changes = await history(person.id);
      expect(changes.map((c) => c.operation)).toEqual(['ERASE', 'UPDATE', 'CREATE']);
      const text = JSON.stringify(changes);
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.email);
      expect(changes[2].effects[0]).toEqual({ kind: 'PERSON', id: person.id, before: null, after: { id: person.id, erased: true } });
      expect((await expectDomainError(store.undoChange(changes[0].id, actor), 'CONFLICT')).message).toMatch(/final/);
      await expectDomainError(store.erasePerson(person.id, actor), 'NOT_FOUND');
    });

    it('keeps an organisation with named persons from being deleted, and moves them in a merge', async () => {
      const keep = await org();
      const o = await org();
      const person = await store.createPerson(consent(o.id), actor);
      await expectRefusedUnchanged(store, 'CONFLICT', () => store.deleteOrganisation(o.id, actor));
      await store.mergeOrganisations(keep.id, [o.id], actor);
      expect(await store.getPerson(person.id)).toMatchObject({ organisationId: keep.id });
    });
  });
});

// ── embedded only ───────────────────────────────────────────────────────────────────────────

/** The engine, with one kind of statement made to fail inside write transactions. */
function failing(engine: StorageEngine, statement: RegExp): StorageEngine {
  return {
    name: engine.name,
    queries: engine.queries,
    accountQueries: engine.accountQueries,
    migrate: () => engine.migrate(),
    read: (query, params) => engine.read(query, params),
    close: () => engine.close(),
    write: (work) =>
      engine.write((tx) =>
        work({
          run: (query, params) => (statement.test(query) ? Promise.reject(new Error('injected failure')) : tx.run(query, params)),
          bulkLoad: (tables) => tx.bulkLoad(tables),
        }),
      ),
  };
}

describe('history on the embedded engine', () => {
  it('writes a change and its record together or not at all', async () => {
    const engine = new SqliteEngine(tempDir());
    await engine.migrate();
    await ensureReferenceData(engine);
    const store = new CypherGraphStore(engine);
    try {
      const broken = new CypherGraphStore(failing(engine, /^INSERT INTO "Change"/));
      const before = await store.counts();
      const name = `Ei tallennu ${tag()}`;
      await expect(broken.createOrganisation({ name, kind: 'PARISH' }, actor)).rejects.toThrow('injected failure');
      const { data } = dataset(tag());
      await expect(broken.loadDataset(data, actor)).rejects.toThrow('injected failure');
      expect(await store.counts()).toEqual(before);
      expect((await store.listOrganisations({ search: name })).totalCount).toBe(0);
      // And the other way round: an undo that fails after its own record was written leaves neither.
      const o = await store.createOrganisation({ name: `Yhdistys ${tag()}`, kind: 'ASSOCIATION' }, actor);
      const renamed = await store.updateOrganisation(o.id, { name: `Uusi nimi ${tag()}` }, actor);
      const [update] = (await store.listChanges({ entityId: o.id })).items;
      const late = new CypherGraphStore(failing(engine, /SET undoneBy/));
      await expect(late.undoChange(update.id, actor)).rejects.toThrow('injected failure');
      expect(await store.getOrganisation(o.id)).toEqual(renamed);
      expect((await store.listChanges({ entityId: o.id })).items.map((c) => [c.operation, c.undoneBy])).toEqual([
        ['UPDATE', null],
        ['CREATE', null],
      ]);
    } finally {
      await store.close();
    }
  });
});
