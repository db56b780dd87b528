import { nextSeason, nextSeasonName, nextSeasonParticipants, shiftYears } from './seasons';

describe("next season's activity", () => {
  it('moves the year in the name on by one', () => {
    expect(nextSeasonName('Kuusamon kesäkeidas 2020', '2020-06-01')).toBe('Kuusamon kesäkeidas 2021');
    expect(nextSeasonName('Kesäkeidas 2020–2021', '2021-06-01')).toBe('Kesäkeidas 2020–2022');
    expect(nextSeasonName('Kesäkeidas 2019', null)).toBe('Kesäkeidas 2020');
    expect(nextSeasonName('Luontoryhmä', '2020-06-01')).toBe('Luontoryhmä');
    expect(nextSeasonName('Teema 12345', '2020-01-01')).toBe('Teema 12345');
  });

  it('moves dates a year on, 29 February to 28', () => {
    expect(shiftYears('2020-06-01', 1)).toBe('2021-06-01');
    expect(shiftYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(shiftYears(null, 1)).toBeNull();
  });

  it('copies the fields and continues the earlier activity', () => {
    const source = {
      id: 'act-2020',
      name: 'Kesäkeidas 2020',
      type: 'EVENT',
      startDate: '2020-06-01',
      endDate: '2020-08-31',
      municipalityCode: '305',
      description: 'Kesän tapahtuma',
      projectId: 'prj-1',
      networkIds: ['net-1'],
      methodIds: ['nature-based'],
      targetGroupIds: ['immigrants'],
    };
    expect(nextSeason(source)).toEqual({
      name: 'Kesäkeidas 2021',
      type: 'EVENT',
      startDate: '2021-06-01',
      endDate: '2021-08-31',
      municipalityCode: '305',
      description: 'Kesän tapahtuma',
      projectId: 'prj-1',
      continuesId: 'act-2020',
      networkIds: ['net-1'],
      methodIds: ['nature-based'],
      targetGroupIds: ['immigrants'],
    });
  });

  it('carries the participants a year on, once per organisation and role', () => {
    expect(
      nextSeasonParticipants(
        [
          { organisationId: 'o1', role: 'ORGANISER', validFrom: '2020-06-01', validTo: '2020-08-31' },
          { organisationId: 'o1', role: 'ORGANISER', validFrom: '2020-08-01', validTo: null },
          { organisationId: 'o2', role: 'VENUE', validFrom: null, validTo: null },
        ],
        '2021-06-01',
      ),
    ).toEqual([
      { organisationId: 'o1', role: 'ORGANISER', validFrom: '2021-06-01', validTo: '2021-08-31' },
      { organisationId: 'o2', role: 'VENUE', validFrom: '2021-06-01', validTo: null },
    ]);
  });
});
