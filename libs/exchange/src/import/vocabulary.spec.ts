import { messageText } from './messages';
import { guessOrganisationKind, parseAmount, parseChoice, parseDate, readAmount } from './vocabulary';

describe('cell values', () => {
  it('reads Finnish and ISO dates and refuses what is not a calendar date', () => {
    expect(parseDate('1.4.2008')).toBe('2008-04-01');
    expect(parseDate('31.12.2015')).toBe('2015-12-31');
    expect(parseDate('2021-06-01')).toBe('2021-06-01');
    expect(parseDate('2021-06-01T00:00:00.000Z')).toBe('2021-06-01');
    expect(parseDate('7560')).toBeNull();
    expect(parseDate('31.2.2020')).toBeNull();
    expect(parseDate('2020/06/01')).toBeNull();
  });

  it('reads amounts the way people type euros', () => {
    expect(parseAmount('308999')).toBe(308999);
    expect(parseAmount('66166.42')).toBe(66166.42);
    expect(parseAmount('1 234,50 €')).toBe(1234.5);
    expect(parseAmount('1.234.567,89')).toBe(1234567.89);
    expect(parseAmount('1,234,567.89')).toBe(1234567.89);
    expect(parseAmount('-876')).toBe(-876);
    expect(parseAmount('12\u00a0500')).toBe(12500);
    expect(parseAmount('31.12.2015')).toBeNull(); // a date in a money column
    expect(parseAmount('1,2,3')).toBeNull();
    expect(parseAmount('n/a')).toBeNull();
    expect(parseAmount(' ')).toBeNull();
  });

  it.each([
    // Finnish forms
    ['1 500,00', 1500],
    ['1\u00a0500,00', 1500], // no-break space
    ['1\u202f500,00', 1500], // narrow no-break space
    ['1 500 000', 1500000],
    ['1\u202f500\u202f000 €', 1500000],
    ['2.000.000', 2000000],
    ['1.234,50', 1234.5],
    ['1500,50', 1500.5],
    ['854 220 €', 854220],
    ['0,500', 0.5], // a leading zero is never a group of thousands
    // international forms
    ['1500.50', 1500.5],
    ['1,234.50', 1234.5],
    ['2,000,000', 2000000],
    ['1 500.50', 1500.5],
    ['1234.567', 1234.567], // four digits before the point: it cannot be a thousands group
    ['-1 500', -1500],
    ['−876,5', -876.5],
    ['+12', 12],
  ])('reads %j as %d euros, unambiguously', (text, euros) => {
    expect(readAmount(text)).toEqual({ kind: 'amount', euros });
    expect(parseAmount(text)).toBe(euros);
  });

  it.each([
    ['1.500', 1.5, 1500],
    ['1,500', 1.5, 1500],
    ['12,345', 12.345, 12345],
    ['999.999', 999.999, 999999],
    ['-1.500 €', -1.5, -1500],
  ])('refuses %j: it is %d or %d, never guessed', (text, asDecimal, asThousands) => {
    expect(readAmount(text)).toEqual({ kind: 'ambiguous', asDecimal, asThousands });
    expect(parseAmount(text)).toBeNull();
  });

  it.each(['31.12.2015', '1,2,3', '1.50.000', '1 50', '1 500,00,0', '1.234.5', '1,234.567,89', '12 34', 'n/a', '', ' ', '1e5', '1'.repeat(400)])(
    'says %j is not an amount',
    (text) => expect(readAmount(text)).toEqual({ kind: 'none' }),
  );

  it('names both readings of an ambiguous amount in three languages', () => {
    const params = { column: 'Myönnetty rahoitus', value: '1.500', asDecimal: 1.5, asThousands: 1500 };
    expect(messageText('fi', { code: 'ambiguousAmount', params })).toMatch(/^”1\.500” sarakkeessa ”Myönnetty rahoitus” on monitulkintainen: se voi olla 1,5 € tai 1\s500 €/);
    expect(messageText('sv', { code: 'ambiguousAmount', params })).toMatch(/är tvetydigt: det kan vara 1,5 € eller 1\s500 €/);
    expect(messageText('en', { code: 'ambiguousAmount', params })).toMatch(/is ambiguous: it can be read as 1\.5 € or 1,500 €/);
  });

  it('takes codes and names in three languages for coded columns', () => {
    expect(parseChoice('kind', 'Yhdistys')).toBe('ASSOCIATION');
    expect(parseChoice('kind', 'förening')).toBe('ASSOCIATION');
    expect(parseChoice('kind', 'company')).toBe('COMPANY');
    expect(parseChoice('role', 'Päätoteuttaja')).toBe('LEAD');
    expect(parseChoice('role', 'co_implementer')).toBe('CO_IMPLEMENTER');
    expect(parseChoice('targetKind', 'Verksamhet')).toBe('ACTIVITY');
    expect(parseChoice('boolean', 'kyllä')).toBe('true');
    expect(parseChoice('boolean', 'Nej')).toBe('false');
    expect(parseChoice('activityType', 'Pyöreä pöytä')).toBe('ROUND_TABLE');
    expect(parseChoice('kind', 'Kerho')).toBeNull();
  });

  it('infers an organisation kind from the words and legal form in its name', () => {
    expect(guessOrganisationKind('Kuusamon kaupunki')).toBe('MUNICIPALITY');
    expect(guessOrganisationKind('Lapin ammattikorkeakoulu Oy')).toBe('EDUCATION');
    expect(guessOrganisationKind('SISUWOOD OY')).toBe('COMPANY');
    expect(guessOrganisationKind('Ytyä - Yhteistyötä työttömät ry.')).toBe('ASSOCIATION');
    expect(guessOrganisationKind('Suomen Lasten ja Nuorten Säätiö')).toBe('FOUNDATION');
    expect(guessOrganisationKind('Vähänkyrön seurakunta')).toBe('PARISH');
    expect(guessOrganisationKind('Pohjois-Pohjanmaan elinkeino- liikenne- ja ympäristökeskus')).toBe('AUTHORITY');
    expect(guessOrganisationKind('Etelä-Savon maakuntaliitto')).toBe('AUTHORITY');
    expect(guessOrganisationKind('Lapin liitto')).toBe('AUTHORITY');
    expect(guessOrganisationKind('Sosiaali- ja terveysministeriö')).toBe('AUTHORITY');
    expect(guessOrganisationKind('Haukiputaan kunta/ Perusturvapalvelut')).toBe('MUNICIPALITY');
    expect(guessOrganisationKind('LEVIN ERÄTULET')).toBe('OTHER');
    expect(guessOrganisationKind('Finnvera', 'AUTHORITY')).toBe('AUTHORITY');
  });

  it('renders messages in three languages, with coded parameters translated', () => {
    const m = { code: 'kindGuessed' as const, params: { kind: 'COMPANY' } };
    expect(messageText('fi', m)).toContain('Yritys');
    expect(messageText('sv', m)).toContain('Företag');
    expect(messageText('en', m)).toContain('Company');
    const allowed = { code: 'roleNotForTarget' as const, params: { role: 'MEMBER', targetKind: 'PROJECT', allowed: 'roles:PROJECT' } };
    expect(messageText('fi', allowed)).toBe('Rooli Jäsen ei käy kohteeseen, joka on Hanke; vaihtoehdot: Päätoteuttaja, Osatoteuttaja, Rahoittaja, Kumppani, Ohjausryhmä.');
    expect(messageText('en', { code: 'changed', params: { fields: 'endDate,grantedFunding' } })).toBe('Changes: end date, granted funding.');
  });
});
