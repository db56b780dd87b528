import { DomainError } from './errors';
import { validatePerson } from './person';
import { checkAmount, checkPaidAmount, checkWebsite, requireName, validateActivity, validateNetwork, validateOrganisation, validateProject } from './validation';

/** The refusal a check throws: a BAD_USER_INPUT DomainError, with its field and reason. */
function refusal(check: () => unknown): DomainError {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the check accepted the value');
}

const person = (name: string) =>
  validatePerson({ name, organisationId: 'org-x', consentText: 'Suostun nimeni näyttämiseen Verkostossa.', consentGivenAt: '2024-01-01' }, '2025-01-01');

/** Every validator that takes a name, so each rule is seen on each kind of item. */
const NAMED: [string, (name: string) => unknown][] = [
  ['organisation', (name) => validateOrganisation({ name, kind: 'ASSOCIATION' })],
  ['project', (name) => validateProject({ name })],
  ['activity', (name) => validateActivity({ name, type: 'WORKSHOP' })],
  ['network', (name) => validateNetwork({ name })],
  ['person', person],
];

describe('names', () => {
  const refused: [string, string, string][] = [
    ['only a NUL', '\u0000', 'controlCharacters'],
    ['NULs and spaces', ' \u0000 \u0000 ', 'controlCharacters'],
    ['only C0 controls', '\u0001\u0002\u001f', 'controlCharacters'],
    ['a C1 control', 'Kylä\u0085talo', 'controlCharacters'],
    ['DEL', 'Kylätalo\u007f', 'controlCharacters'],
    ['a NUL inside a name', 'Kuusamon\u0000 kaupunki', 'controlCharacters'],
    ['a tab inside', 'Kuusamon\tkaupunki', 'controlCharacters'],
    ['a line break inside', 'Kuusamon\nkaupunki', 'controlCharacters'],
    ['only whitespace', ' \t\n ', 'required'],
    ['empty', '', 'required'],
    ['only punctuation', '–.–', 'noLetters'],
    ['301 characters', 'x'.repeat(301), 'tooLong'],
  ];
  describe.each(NAMED)('%s', (_kind, validate) => {
    it.each(refused)('refuses %s', (_what, name, reason) => {
      const error = refusal(() => validate(name));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details).toEqual({ field: 'name', reason });
    });

    it.each([
      'Vähänkyrön seurakunta',
      'Kokkolan kaupunki – sivistystoimi',
      'Kaakkois-Suomen ammattikorkeakoulu Oy',
      "O'Learyn kahvila",
      'Åbo Akademi',
      'Föreningen Ålands Öar r.f.',
      '4H-yhdistys',
    ])('keeps %s', (name) => expect(validate(name)).toMatchObject({ name }));
  });

  it('trims the ends, where a tab or line break is only whitespace', () => {
    expect(requireName('\t Kuusamon kaupunki \n', 'An organisation')).toBe('Kuusamon kaupunki');
  });

  it('says which rule, in the message', () => {
    expect(refusal(() => requireName('\u0000', 'A network')).message).toBe(
      'A network name may not contain control characters (such as NUL, tabs or line breaks): write it on one line.',
    );
  });
});

describe('money', () => {
  it.each(['budget', 'publicFunding', 'grantedFunding'] as const)('refuses a negative %s', (field) => {
    const error = refusal(() => validateProject({ name: 'Hanke', [field]: -1 }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %s as any amount', (value) => {
    expect(refusal(() => checkAmount(value, 'budget')).details).toEqual({ field: 'budget' });
    expect(refusal(() => checkPaidAmount(value, 'paidFunding')).details).toEqual({ field: 'paidFunding' });
  });

  it('keeps zero, and no amount', () => {
    expect(validateProject({ name: 'Hanke', budget: 0, publicFunding: 0, grantedFunding: 0, paidFunding: 0 })).toMatchObject({
      budget: 0,
      publicFunding: 0,
      grantedFunding: 0,
      paidFunding: 0,
    });
    expect(validateProject({ name: 'Hanke', budget: null })).toMatchObject({ budget: null, paidFunding: null });
  });

  it('keeps a negative paidFunding: a recovery, as the structural-fund registry records (S10194: −876 €)', () => {
    expect(validateProject({ name: 'Hanke', paidFunding: -876 })).toMatchObject({ paidFunding: -876 });
  });
});

describe('websites', () => {
  it.each([
    ['kuusamo.fi', 'https://kuusamo.fi/'],
    ['www.kuusamo.fi', 'https://www.kuusamo.fi/'],
    ['https://www.lapinamk.fi', 'https://www.lapinamk.fi/'],
    ['http://www.kpedu.fi', 'http://www.kpedu.fi/'],
    ['HTTPS://Example.FI/a,b?x=1#y', 'https://example.fi/a,b?x=1#y'],
    ['kuusamo.fi:8080/polku', 'https://kuusamo.fi:8080/polku'],
    ['https://www.vähänkyrö.fi', 'https://www.xn--vhnkyr-buab0o.fi/'],
  ])('keeps %s as %s', (input, expected) => expect(checkWebsite(input)).toBe(expected));

  it('keeps a 2,000-character address', () => {
    const url = `https://kuusamo.fi/${'a'.repeat(2000 - 'https://kuusamo.fi/'.length)}`;
    expect(checkWebsite(url)).toBe(url);
  });

  it.each([
    ['ftp', 'ftp://x'],
    ['ftp with a host', 'ftp://ftp.kuusamo.fi'],
    ['a mailto: address', 'mailto:info@kuusamo.fi'],
    ['javascript:', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<b>x</b>'],
    ['3,000 characters of non-URL', 'x'.repeat(3000)],
    ['a 2,001-character address', `https://kuusamo.fi/${'a'.repeat(2001 - 'https://kuusamo.fi/'.length)}`],
    ['a word, no host name', 'kuusamo'],
    ['no host at all', 'https://'],
    ['a sentence', 'katso kotisivut'],
    ['a NUL', 'kuusamo.fi\u0000'],
    ['a user name and password', 'https://user:pass@kuusamo.fi'],
    ['a bare IP address', '192.168.1.1'],
    ['a doubled scheme', 'https://ftp://x'],
  ])('refuses %s', (_what, input) => {
    const error = refusal(() => validateOrganisation({ name: 'Kylätalo ry', kind: 'ASSOCIATION', website: input }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'website' });
    expect(error.message.length).toBeLessThan(300);
  });

  it('keeps no website', () => {
    expect(checkWebsite('  ')).toBeNull();
    expect(checkWebsite(null)).toBeNull();
  });
});
