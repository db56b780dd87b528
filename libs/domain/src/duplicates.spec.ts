import { businessIdConflict, likelyDuplicates, type DuplicateCandidate, type RawDuplicateGroup } from './duplicates';

const org = (id: string, name: string, businessId: string | null = null): DuplicateCandidate => ({ id, name, businessId });
const index = (...orgs: DuplicateCandidate[]) => new Map(orgs.map((o) => [o.id, o]));

describe('likely duplicate organisations', () => {
  it('lists organisations sharing a business ID, the one with a business ID first in a name group', () => {
    const orgs = index(org('a', 'Kylätalo ry', '0208916-8'), org('b', 'KYLÄTALO RY', '0208916-8'), org('c', 'Kylätalo r.y.'), org('d', 'Kylatalo ry', null));
    const raw: RawDuplicateGroup[] = [
      { reason: 'NAME', key: 'kylataloryx', ids: ['c', 'd', 'a'] },
      { reason: 'BUSINESS_ID', key: '0208916-8', ids: ['b', 'a'] },
    ];
    const groups = likelyDuplicates(raw, orgs);
    expect(groups.map((g) => [g.reason, g.members.map((m) => m.id)])).toEqual([
      ['BUSINESS_ID', ['a', 'b']],
      ['NAME', ['a', 'd', 'c']],
    ]);
  });

  it('leaves out a name group already shown whole by a business-ID group', () => {
    const orgs = index(org('a', 'Sama', '0208916-8'), org('b', 'sama', '0208916-8'));
    const groups = likelyDuplicates(
      [
        { reason: 'BUSINESS_ID', key: '0208916-8', ids: ['a', 'b'] },
        { reason: 'NAME', key: 'sama', ids: ['a', 'b'] },
      ],
      orgs,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0].reason).toBe('BUSINESS_ID');
  });

  it('does not offer two organisations with different business IDs, however alike their names', () => {
    const orgs = index(org('a', 'Seurakunta', '0208916-8'), org('b', 'Seurakunta', '0179377-8'));
    expect(likelyDuplicates([{ reason: 'NAME', key: 'seurakunta', ids: ['a', 'b'] }], orgs)).toEqual([]);
    // …but a third without one could be either, so the group is shown.
    const three = index(...orgs.values(), org('c', 'SEURAKUNTA'));
    expect(likelyDuplicates([{ reason: 'NAME', key: 'seurakunta', ids: ['a', 'b', 'c'] }], three)[0].members).toHaveLength(3);
  });

  it('ignores ids it has no organisation for and groups that shrink to one', () => {
    expect(likelyDuplicates([{ reason: 'NAME', key: 'x', ids: ['a', 'gone'] }], index(org('a', 'X')))).toEqual([]);
  });
});

describe('business-ID conflicts in a merge', () => {
  it('refuses another business ID than the survivor’s', () => {
    const keep = org('a', 'A', '0208916-8');
    expect(businessIdConflict(keep, [org('b', 'B'), org('c', 'C', '0179377-8')])).toEqual({ other: org('c', 'C', '0179377-8'), businessId: '0208916-8' });
    expect(businessIdConflict(keep, [org('b', 'B', '0208916-8'), org('c', 'C')])).toBeNull();
  });

  it('checks against the business ID the survivor takes over when it has none', () => {
    const keep = org('a', 'A');
    expect(businessIdConflict(keep, [org('b', 'B', '0208916-8'), org('c', 'C', '0179377-8')])?.other.id).toBe('c');
    expect(businessIdConflict(keep, [org('b', 'B', '0208916-8'), org('c', 'C', '0208916-8')])).toBeNull();
  });
});
