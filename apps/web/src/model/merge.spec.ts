import { mergePreview, type MergeMember, type MemberParticipation } from './merge';

const part = (targetId: string, role: string, validFrom: string | null = '2020-01-01'): MemberParticipation => ({
  id: `${targetId}-${role}-${validFrom}`,
  targetId,
  targetKind: 'PROJECT',
  targetName: targetId.toUpperCase(),
  role,
  validFrom,
  validTo: null,
});
const member = (id: string, over: Partial<MergeMember> = {}): MergeMember => ({
  id,
  name: id,
  businessId: null,
  website: null,
  municipalityCode: null,
  participations: [],
  ...over,
});

describe('merge preview', () => {
  it('moves what the survivor lacks and keeps what it has once', () => {
    const keep = member('keep', { participations: [part('p1', 'LEAD')] });
    const other = member('other', { participations: [part('p1', 'LEAD'), part('p2', 'PARTNER')], municipalityCode: '305', website: 'https://x.fi/' });
    const preview = mergePreview(keep, [other]);
    expect(preview.moves.map((m) => [m.targetId, m.role, m.fromName])).toEqual([['p2', 'PARTNER', 'other']]);
    expect(preview.alreadyThere.map((m) => m.targetId)).toEqual(['p1']);
    expect(preview.takesOver).toEqual([
      { field: 'website', value: 'https://x.fi/', fromName: 'other' },
      { field: 'municipalityCode', value: '305', fromName: 'other' },
    ]);
    expect(preview.conflict).toBeNull();
    expect(preview.removed.map((m) => m.id)).toEqual(['other']);
  });

  it('counts a participation two merged ones share only once', () => {
    const preview = mergePreview(member('keep'), [member('a', { participations: [part('p1', 'LEAD')] }), member('b', { participations: [part('p1', 'LEAD')] })]);
    expect(preview.moves).toHaveLength(1);
    expect(preview.alreadyThere).toHaveLength(1);
  });

  it('refuses two business IDs, as the server does', () => {
    const preview = mergePreview(member('keep'), [member('a', { businessId: '0208916-8' }), member('b', { businessId: '0179377-8' })]);
    expect(preview.conflict).toEqual({ name: 'b', businessId: '0179377-8', keeps: '0208916-8' });
    expect(preview.takesOver).toEqual([{ field: 'businessId', value: '0208916-8', fromName: 'a' }]);
  });
});
