import { messageText } from './messages';
import { guessOrganisationKind, parseAmount, parseChoice, parseDate } from './vocabulary';

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
