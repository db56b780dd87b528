import {
  changedMeanwhile,
  emptyValues,
  FORM_FIELDS,
  FORM_LEVEL,
  mapScopeOf,
  parseMoney,
  placeServerProblem,
  rolesFor,
  toInput,
  validateCoordination,
  validateForm,
  validateParticipation,
  valuesFrom,
} from './data-forms';
import { DICTIONARIES, LANGS } from './i18n';

describe('data forms', () => {
  it('labels every field, hint and option in all three languages', () => {
    for (const lang of LANGS) {
      for (const fields of Object.values(FORM_FIELDS)) {
        for (const f of fields) {
          expect([f.name, DICTIONARIES[lang][`data.field.${f.name}`]]).toEqual([f.name, expect.any(String)]);
          if (f.hint) expect(DICTIONARIES[lang][f.hint]).toEqual(expect.any(String));
          for (const o of f.options ?? []) expect([o, DICTIONARIES[lang][`${f.optionPrefix}${o}`]]).toEqual([o, expect.any(String)]);
        }
      }
    }
  });

  it('refuses an invalid business ID beside the field, in the words of the dictionary', () => {
    const values = { ...emptyValues('organisation'), name: 'Kylätalo ry', businessId: '1234567-8' };
    expect(validateForm('organisation', values)).toEqual({ businessId: { key: 'data.error.businessId', params: { value: '1234567-8' } } });
    expect(DICTIONARIES.fi['data.error.businessId']).toMatch(/Y-tunnus/);
    expect(validateForm('organisation', { ...values, businessId: '1234567-1' })).toEqual({});
    expect(validateForm('organisation', { ...values, businessId: '12345671' })).toEqual({}); // the hyphen may be left out
  });

  it('asks for a name, and finds every problem at once', () => {
    const errors = validateForm('project', { ...emptyValues('project'), name: '  ', startDate: '2021-05-01', endDate: '2021-04-30', budget: '12 tuhatta' });
    expect(errors).toEqual({
      name: { key: 'data.error.nameRequired' },
      endDate: { key: 'data.error.endBeforeStart' },
      budget: { key: 'data.error.amount' },
    });
    expect(validateForm('network', { ...emptyValues('network'), name: 'x'.repeat(301) }).name.key).toBe('data.error.nameTooLong');
  });

  it('says why a name is refused: control characters, or no letter or digit', () => {
    expect(validateForm('network', { ...emptyValues('network'), name: '\u0000' }).name.key).toBe('data.error.nameControl');
    expect(validateForm('organisation', { ...emptyValues('organisation'), name: 'Kylä\ttalo', kind: 'ASSOCIATION' }).name.key).toBe('data.error.nameControl');
    expect(validateForm('activity', { ...emptyValues('activity'), name: '– –' }).name.key).toBe('data.error.nameNoLetters');
    expect(validateForm('organisation', { ...emptyValues('organisation'), name: 'Kylätalo ry', kind: 'ASSOCIATION', website: 'ftp://x' }).website.key).toBe('data.error.website');
  });

  it('refuses a half-typed date and a negative amount', () => {
    const errors = validateForm('activity', { ...emptyValues('activity'), name: 'Kesäkeidas', startDate: 'incomplete' });
    expect(errors).toEqual({ startDate: { key: 'data.error.date' } });
    expect(validateForm('project', { ...emptyValues('project'), name: 'H', publicFunding: '-5' }).publicFunding.key).toBe('data.error.amount');
  });

  it('reads money as people write it', () => {
    expect(parseMoney('125 000,50')).toBe(125000.5);
    expect(parseMoney('125000.5 €')).toBe(125000.5);
    expect(parseMoney('1\u00a0000')).toBe(1000);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('12 tuhatta')).toBeNaN();
  });

  it('turns values into an input that clears emptied fields, and back', () => {
    const project = { id: 'p', name: 'Hanke', code: 'S1', budget: 1000.5, startDate: '2021-01-01', networkIds: ['n1'], methodIds: [], targetGroupIds: [], programme: null };
    const values = valuesFrom('project', project, 'fi');
    expect(values).toMatchObject({ name: 'Hanke', budget: '1000,5', startDate: '2021-01-01', networkIds: ['n1'], programme: '' });
    expect(valuesFrom('project', project, 'en').budget).toBe('1000.5');
    const input = toInput('project', { ...values, code: '  ' });
    expect(input).toMatchObject({ name: 'Hanke', code: null, budget: 1000.5, networkIds: ['n1'], programme: null, endDate: null });
    expect(Object.keys(input).sort()).toEqual(FORM_FIELDS.project.map((f) => f.name).sort());
    expect(toInput('organisation', emptyValues('organisation'))).toMatchObject({ kind: 'ASSOCIATION', permanent: true, sector: null });
  });

  it('checks a participation: both ends, a role that fits, dates in order', () => {
    const base = { organisationId: 'o', targetId: 'p', targetKind: 'PROJECT' as const, role: 'LEAD', validFrom: '2021-01-01', validTo: '' };
    expect(validateParticipation(base)).toEqual({});
    expect(validateParticipation({ ...base, organisationId: '', role: '' })).toEqual({
      organisationId: { key: 'data.error.pickOrganisation' },
      role: { key: 'data.error.pickRole' },
    });
    expect(validateParticipation({ ...base, role: 'BUDGET_HOLDER' }).role.key).toBe('data.error.roleDoesNotFit');
    expect(validateParticipation({ ...base, validTo: '2020-12-31' }).validTo.key).toBe('data.error.endBeforeStart');
    expect(rolesFor('NETWORK')).toEqual(['MEMBER', 'COORDINATOR', 'BUDGET_HOLDER']);
    expect(rolesFor(null)).toEqual([]);
  });

  it('checks a coordination handover', () => {
    expect(validateCoordination({ organisationId: '', from: '' })).toEqual({ organisationId: { key: 'data.error.pickOrganisation' }, from: { key: 'data.error.dateRequired' } });
    expect(validateCoordination({ organisationId: 'o', from: '2021-02-30' }).from.key).toBe('data.error.date');
  });

  it("places the server's refusals against their field, in the user's language where it knows them", () => {
    const fields = FORM_FIELDS.organisation.map((f) => f.name);
    expect(
      placeServerProblem(fields, { message: 'An organisation with business ID … exists', code: 'CONFLICT', field: 'businessId', existingId: 'org-x', existingName: 'Kylätalo ry' }),
    ).toEqual({
      field: 'businessId',
      message: { key: 'data.error.businessIdTaken', params: { name: 'Kylätalo ry' } },
    });
    expect(placeServerProblem(fields, { message: 'Unknown municipality code "999".', code: 'BAD_USER_INPUT', field: 'municipalityCode' })).toEqual({
      field: 'municipalityCode',
      message: { key: 'data.error.server', params: { message: 'Unknown municipality code "999".' } },
    });
    expect(placeServerProblem(fields, { message: 'no connection to the server' }).field).toBe(FORM_LEVEL);
    expect(placeServerProblem(['code'], { message: 'x', code: 'CONFLICT', field: 'code', existingName: 'KUPO' }).message.key).toBe('data.error.codeTaken');
    // A duplicate in a network the user is not in: neither named nor linked.
    expect(placeServerProblem(['businessId'], { message: 'x', code: 'CONFLICT', field: 'businessId', existingHidden: true })).toEqual({
      field: 'businessId',
      message: { key: 'data.error.businessIdTakenHidden' },
    });
    // A network's name taken: the other network is not named (it may be private).
    expect(placeServerProblem(['name'], { message: 'A network with this name already exists.', code: 'CONFLICT', field: 'name' })).toEqual({
      field: 'name',
      message: { key: 'data.error.networkNameTaken' },
    });
  });

  it('finds the map an item is seen on', () => {
    expect(mapScopeOf('network', { id: 'n' })).toEqual({ type: 'network', id: 'n' });
    expect(mapScopeOf('project', { id: 'p' })).toEqual({ type: 'project', id: 'p' });
    expect(mapScopeOf('activity', { id: 'a', projectId: 'p', networkIds: ['n'] })).toEqual({ type: 'project', id: 'p' });
    expect(mapScopeOf('activity', { id: 'a', projectId: null, networkIds: ['n'] })).toEqual({ type: 'network', id: 'n' });
    expect(mapScopeOf('activity', { id: 'a' })).toBeNull();
    expect(mapScopeOf('organisation', { id: 'o' })).toBeNull();
  });
});

describe('changedMeanwhile', () => {
  it('names the form fields someone else changed, with the value now stored', () => {
    const opened = { name: 'Kylätalo ry', website: null, kind: 'ASSOCIATION', mergedNames: [] };
    const stored = { name: 'Kylätalo ry', website: 'https://kylatalo.example.fi/', kind: 'FOUNDATION', mergedNames: ['x'] };
    expect(changedMeanwhile('organisation', opened, stored)).toEqual([
      { name: 'kind', value: 'FOUNDATION' },
      { name: 'website', value: 'https://kylatalo.example.fi/' },
    ]);
    expect(changedMeanwhile('organisation', opened, opened)).toEqual([]);
  });
});
