import { onlyImportData } from './body-limit';

describe('large request bodies', () => {
  it('are allowed for an operation that is importData alone', () => {
    expect(onlyImportData({ query: 'mutation I($input: ImportInput!) { importData(input: $input) { written } }' })).toBe(true);
    expect(onlyImportData({ query: 'query Q { x } mutation I { importData(input: {}) { written } __typename }', operationName: 'I' })).toBe(true);
  });

  it('are refused for anything else riding along or instead', () => {
    expect(onlyImportData({ query: 'mutation { importData(input: {}) { written } deleteOrganisation(id: "x") { id } }' })).toBe(false);
    expect(onlyImportData({ query: '{ organisations { totalCount } }' })).toBe(false);
    expect(onlyImportData({ query: 'mutation A { importData(input: {}) { written } } mutation B { importData(input: {}) { written } }' })).toBe(false);
    expect(onlyImportData({ query: 'mutation { ...F } fragment F on Mutation { importData(input: {}) { written } }' })).toBe(false);
    expect(onlyImportData({ query: 'not graphql' })).toBe(false);
    expect(onlyImportData([{ query: 'mutation { importData(input: {}) { written } }' }])).toBe(false);
  });
});
