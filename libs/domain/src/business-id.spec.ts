import { normaliseBusinessId } from './business-id';

describe('normaliseBusinessId', () => {
  it.each([
    ['0208916-8', '0208916-8'], // Keski-Pohjanmaan koulutuskuntayhtymä (seed 004)
    ['0179377-8', '0179377-8'], // Kokkolan kaupunki (seed 004)
    [' 02089168 ', '0208916-8'],
    ['208916-8', '0208916-8'],
  ])('accepts %s', (input, expected) => expect(normaliseBusinessId(input)).toBe(expected));

  it.each(['0208916-7', '1234567-2', 'abc', '', '12345-6'])('rejects %s', (input) => expect(normaliseBusinessId(input)).toBeNull());
});
