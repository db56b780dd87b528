import { TestApp } from './support/app';

describe('explore', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());
  it('explores', async () => {
    for (const at of [null, '2022-06-01']) {
      const r = await app.ok(`query($i: PartnerRequestInput!) { partnerSuggestions(input: $i) { at asker { id label } existingPartners { id label }
        suggestions { organisation { id label sector } score parts { key value weight } sharedPartners { label } explanation { fi sv en } evidence }
        gaps { kind id share networks { id } } similarNetworks { id } } }`,
        { i: { organisationId: 'org-lapin-ammattikorkeakoulu', municipalityCode: '305', methodIds: ['nature-based'], targetGroupIds: ['immigrants'], at } });
      console.log(JSON.stringify(r, null, 1));
    }
    const r2 = await app.ok(`query($i: PartnerRequestInput!) { partnerSuggestions(input: $i) { at suggestions { organisation { id label } score explanation { en } } } }`,
        { i: { municipalityCode: '305', methodIds: ['nature-based'], targetGroupIds: ['immigrants'] } });
    console.log(JSON.stringify(r2, null, 1));
    const p = await app.ok(`{ introductionPaths(fromId: "org-ksakki", toId: "org-lapin-ammattikorkeakoulu", at: "2021-06-01") { hops organisations { label } steps { from { label } to { label } via { label kind } } } }`);
    console.log(JSON.stringify(p, null, 1));
  }, 60_000);
});
