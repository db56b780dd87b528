import { foldText, nameKey } from './text';

describe('text folding', () => {
  it('lets "vahankyron" find "Vähänkyrön seurakunta"', () => {
    expect(foldText('Vähänkyrön seurakunta')).toContain('vahankyron');
  });
  it('meets spellings that differ in case, spacing and punctuation', () => {
    expect(nameKey('Pohjois-Pohjanmaan  ELY-keskus')).toBe(nameKey('POHJOIS-POHJANMAAN ELY -KESKUS'));
  });
});
