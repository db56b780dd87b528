import type { Change } from './history';
import { mayReadChange, personOrganisationIds, withPersonsFor, type HistoryRights } from './history-access';

const change = (over: Partial<Change>): Change => ({
  id: 'chg-1',
  at: '2025-01-01T00:00:00.000Z',
  actor: { id: 'usr-1', email: 'a@b.fi' },
  operation: 'CREATE',
  entityKind: 'PARTICIPATION',
  entityId: 'par-1',
  label: 'Yhdistys → Hanke',
  entityIds: ['par-1'],
  refIds: ['org-open', 'prj-open'],
  networkIds: ['net-open'],
  effects: [],
  undoOf: null,
  undoneBy: null,
  ...over,
});

/** An outsider of net-closed, with prj-closed in it only, who keeps org-kept. */
const rights: HistoryRights = {
  reads: (id) => !['net-closed', 'prj-closed'].includes(id),
  reportsOn: (id) => id === 'net-open',
  keepsPeopleOf: (id) => id === 'org-kept',
};

describe('the history rule', () => {
  it('lets a record through when every item it touches is readable and every network reportable', () => {
    expect(mayReadChange(change({}), rights)).toBe(true);
  });

  it('hides a record of a public organisation that names a private project, or was recorded in a private network', () => {
    expect(mayReadChange(change({ refIds: ['org-open', 'prj-closed'] }), rights)).toBe(false);
    expect(mayReadChange(change({ networkIds: ['net-open', 'net-closed'] }), rights)).toBe(false);
    expect(mayReadChange(change({ entityIds: ['prj-closed'], refIds: [] }), rights)).toBe(false);
  });

  it("leaves a person's email and consent text out unless the caller keeps their organisation", () => {
    const person = (organisationId: string) => ({ id: 'per-1', name: 'Outi', email: 'outi@x.fi', consentText: 'Suostun…', organisationId });
    const record = change({
      entityKind: 'PERSON',
      effects: [
        { kind: 'PERSON', id: 'per-1', before: person('org-kept'), after: person('org-other') },
        { kind: 'ORGANISATION', id: 'org-kept', before: null, after: { email: 'info@org.fi' } },
      ],
    });
    expect(personOrganisationIds([record])).toEqual(['org-kept', 'org-other']);
    const [moved, org] = withPersonsFor(record, rights).effects;
    expect(moved.before).toEqual(person('org-kept'));
    expect(moved.after).toEqual({ id: 'per-1', name: 'Outi', organisationId: 'org-other' });
    expect(org.after).toEqual({ email: 'info@org.fi' });
  });
});
