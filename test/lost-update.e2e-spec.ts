import { TestApp } from './support/app';

jest.setTimeout(60_000);

/** Two people edit one organisation from the same read: the second save is refused, not lost. */
describe('concurrent edits', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  const SAVE = `mutation($id: ID!, $input: UpdateOrganisationInput!, $expected: String) {
    updateOrganisation(id: $id, input: $input, expectedUpdatedAt: $expected) { name website updatedAt } }`;

  it('refuses the second stale save with CONFLICT and the values now stored', async () => {
    const { createOrganisation: read } = await app.ok(`mutation { createOrganisation(input: { name: "Yhteinen yhdistys ry", kind: ASSOCIATION }) { id updatedAt } }`);
    const first = await app.ok(SAVE, { id: read.id, input: { website: 'ensimmainen.example.fi' }, expected: read.updatedAt });
    const second = await app.fails(SAVE, { id: read.id, input: { name: 'Toisen nimi ry' }, expected: read.updatedAt });
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toMatch(/changed by someone else/);
    expect(second.extensions).toMatchObject({
      field: 'expectedUpdatedAt',
      updatedAt: first.updateOrganisation.updatedAt,
      current: { name: 'Yhteinen yhdistys ry', website: first.updateOrganisation.website },
    });
    const { organisation } = await app.ok('query($id: ID!) { organisation(id: $id) { name website } }', { id: read.id });
    expect(organisation).toEqual({ name: 'Yhteinen yhdistys ry', website: first.updateOrganisation.website });
    // A script that sends no version saves as before.
    expect((await app.ok(SAVE, { id: read.id, input: { name: 'Toisen nimi ry' } })).updateOrganisation.name).toBe('Toisen nimi ry');
  });
});
