import { lazilyNamed, nameEvidence, namedTie } from './evidence';

const labels: Record<string, string> = { a: 'Kuusamon kaupunki', b: 'Ksakki ry', x: 'Kesäkeidas 2020' };
const labelOf = (id: string) => labels[id] ?? id;

describe('named evidence', () => {
  it('names a tie by both ends', () => {
    expect(namedTie('a|b', labelOf)).toEqual({
      id: 'a|b',
      label: 'Kuusamon kaupunki – Ksakki ry',
      source: { id: 'a', label: 'Kuusamon kaupunki' },
      target: { id: 'b', label: 'Ksakki ry' },
    });
  });

  it('keeps the ids and adds the named items', () => {
    expect(nameEvidence({ organisations: ['a'], activities: ['x'] }, labelOf)).toEqual({
      organisations: ['a'],
      activities: ['x'],
      organisationItems: [{ id: 'a', label: 'Kuusamon kaupunki' }],
      activityItems: [{ id: 'x', label: 'Kesäkeidas 2020' }],
    });
  });

  it('names lazily, only the lists that are read', () => {
    let calls = 0;
    const view = lazilyNamed({ ties: ['a|b'], retained: ['a'], newOrganisations: [] as string[] }, (id) => (calls++, labelOf(id)));
    expect(calls).toBe(0);
    expect(view.retainedItems).toEqual([{ id: 'a', label: 'Kuusamon kaupunki' }]);
    expect(view.tieItems).toEqual([namedTie('a|b', labelOf)]);
    expect(view.newOrganisationItems).toEqual([]);
    expect(view.ties).toEqual(['a|b']);
  });
});
