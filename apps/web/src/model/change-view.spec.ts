import { formatDate } from './i18n';
import { actorName, canUndo, changeTitle, conflictReason, fieldChanges, formatDateTime, formatValue, type ApiChange } from './change-view';

const change = (overrides: Partial<ApiChange>): ApiChange => ({
  id: 'chg-1',
  at: '2025-03-12T12:05:00.000Z',
  operation: 'UPDATE',
  entityKind: 'ORGANISATION',
  entityId: 'org-1',
  label: 'Kuusamon kaupunki',
  before: null,
  after: null,
  undoOf: null,
  undoneBy: null,
  actor: { id: 'u-1', email: 'koordinaattori@example.fi' },
  ...overrides,
});

describe('the history panel’s reading of a change', () => {
  it('lists the fields an update changed, with both values, and nothing else', () => {
    const update = change({
      before: JSON.stringify({ id: 'org-1', name: 'Kuusamon kunta', website: null, permanent: true, updatedAt: '2025-01-01T00:00:00Z' }),
      after: JSON.stringify({ id: 'org-1', name: 'Kuusamon kaupunki', website: 'https://kuusamo.fi/', permanent: true, updatedAt: '2025-03-12T12:05:00Z' }),
    });
    expect(fieldChanges(update, 'fi')).toEqual([
      { field: 'name', label: 'Nimi', before: 'Kuusamon kunta', after: 'Kuusamon kaupunki' },
      { field: 'website', label: 'Verkkosivu', before: '–', after: 'https://kuusamo.fi/' },
    ]);
  });

  it('shows a tie added by its role, period and source', () => {
    const tie = change({
      operation: 'CREATE',
      entityKind: 'PARTICIPATION',
      after: JSON.stringify({ role: 'MEMBER', validFrom: '2024-01-01', validTo: null, source: { kind: 'IMPORT', ref: 'kumppanit.xlsx#12' } }),
    });
    expect(fieldChanges(tie, 'en').map((f) => [f.label, f.before, f.after])).toEqual([
      ['Role', '', 'Member'],
      ['From', '', formatDate('en', '2024-01-01')],
      ['To', '', '–'],
      ['Source', '', 'imported from a file (kumppanit.xlsx#12)'],
    ]);
    expect(formatValue('fi', 'validFrom', '2024-01-01')).toBe('1.1.2024');
    expect(formatValue('fi', 'source', { kind: 'MANUAL', ref: 'anonymous' })).toBe('syötetty käsin (kirjautumaton käyttäjä)');
    expect(formatValue('en', 'source', { kind: 'MANUAL', ref: 'a@b.fi' })).toBe('entered by hand (a@b.fi)');
  });

  it('names no fields for a created organisation or a load, whose title says it all', () => {
    expect(fieldChanges(change({ operation: 'CREATE', after: JSON.stringify({ name: 'x' }) }), 'fi')).toEqual([]);
    expect(fieldChanges(change({ operation: 'LOAD', entityKind: 'DATASET', after: JSON.stringify({ organisations: 3 }) }), 'fi')).toEqual([]);
  });

  it('formats values: lists, yes/no, times in Finnish time, unknown fields by their key', () => {
    expect(formatValue('fi', 'methodIds', ['nature-based', 'arts-based'])).toBe('nature-based, arts-based');
    expect(formatValue('sv', 'permanent', false)).toBe('nej');
    expect(formatValue('fi', 'methodIds', [])).toBe('–');
    expect(formatDateTime('fi', '2025-03-12T12:05:00.000Z')).toMatch(/^12\.3\.2025.*14[.:]05$/);
    expect(fieldChanges(change({ before: '{"newField":1}', after: '{"newField":2}' }), 'fi')[0].label).toBe('newField');
  });

  it('says who: the email, the system, or someone not signed in', () => {
    expect(actorName('fi', { id: 'u-1', email: 'a@b.fi' })).toBe('a@b.fi');
    expect(actorName('en', { id: 'system', email: null })).toBe('Verkosto (the system)');
    expect(actorName('sv', { id: 'anonymous', email: null })).toBe('ej inloggad användare');
  });

  it('titles a change by kind, name and what happened', () => {
    expect(changeTitle('fi', change({}))).toBe('Organisaatio “Kuusamon kaupunki” · muokattu');
    expect(changeTitle('en', change({ operation: 'ERASE', entityKind: 'PERSON', label: '' }))).toBe('Person · personal data erased');
  });

  it('offers an undo unless the change was undone, or is a load or an erasure', () => {
    expect(canUndo(change({}))).toBe(true);
    expect(canUndo(change({ operation: 'UNDO' }))).toBe(true);
    expect(canUndo(change({ undoneBy: 'chg-2' }))).toBe(false);
    expect(canUndo(change({ operation: 'LOAD' }))).toBe(false);
    expect(canUndo(change({ operation: 'ERASE' }))).toBe(false);
  });

  it('explains a refused undo in words: what depends on it, already undone, or the server’s reason', () => {
    const dependents = [{ id: 'chg-9', operation: 'CREATE', entityKind: 'PARTICIPATION', label: 'Yhdistys → Verkosto', at: '2025-03-12T12:05:00.000Z', actor: 'b@c.fi' }];
    const text = conflictReason('fi', { message: 'Later changes depend on this one…', extensions: { code: 'CONFLICT', dependents } });
    expect(text).toMatch(
      /^Muutosta ei voi perua, koska myöhemmät muutokset nojaavat siihen: Osallistuminen “Yhdistys → Verkosto” · lisätty \(12\.3\.2025.*, b@c\.fi\)\. Peru ne ensin\.$/,
    );
    const bySystem = conflictReason('en', { message: '', extensions: { dependents: [{ ...dependents[0], actor: 'system' }] } });
    expect(bySystem).toMatch(/, Verkosto \(the system\)\)\. Undo those first\.$/);
    expect(conflictReason('sv', { message: 'x', extensions: { undoneBy: 'chg-3' } })).toBe('Ändringen har redan ångrats.');
    expect(conflictReason('en', { message: '"X" no longer exists.', extensions: {} })).toBe('This change cannot be undone: "X" no longer exists.');
  });
});
