import { DICTIONARIES, formatDate, formatPeriod, isLang, LANGS, translate } from './i18n';

describe('i18n', () => {
  const keys = Object.keys(DICTIONARIES.fi);

  it.each(LANGS)('%s has every key, none empty', (lang) => {
    expect(Object.keys(DICTIONARIES[lang]).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(DICTIONARIES[lang][k].trim()).not.toBe('');
  });

  it('keeps the same placeholders in every language', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of keys) for (const lang of LANGS) expect([k, placeholders(DICTIONARIES[lang][k])]).toEqual([k, placeholders(DICTIONARIES.fi[k])]);
  });

  it('fills placeholders and shows unknown keys', () => {
    expect(translate('en', 'panel.shared', { n: 3 })).toBe('3 shared');
    expect(translate('sv', 'no.such.key')).toBe('no.such.key');
  });

  it('formats dates per language', () => {
    expect(formatDate('fi', '2020-06-01')).toBe('1.6.2020');
    expect(formatPeriod('en', '2020-06-01', null)).toMatch(/^from /);
    expect(formatPeriod('fi', null, null)).toBe('aina');
  });

  it('recognises languages', () => {
    expect(isLang('sv')).toBe(true);
    expect(isLang('de')).toBe(false);
  });
});
