import { TestApp } from './support/app';

/** The partner finder on the demo data from the seeds, over real HTTP. */
describe('Who should we work with, and who can introduce us? (demo scenarios)', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  const RESULT = `at asker { id kind } existingPartners { id label }
    suggestions { organisation { id label sector } score parts { key value weight } sharedPartners { id label } evidence explanation { fi sv en } }
    gaps { kind id share label { en } networks { id } } similarNetworks { id }`;
  const suggest = async (input: Record<string, unknown>) =>
    (await app.ok(`query($i: PartnerRequestInput!) { partnerSuggestions(input: $i) { ${RESULT} } }`, { i: input })).partnerSuggestions;
  const KUUSAMO_NATURE = { municipalityCode: '305', methodIds: ['nature-based'], targetGroupIds: ['immigrants'] };
  const KUUSAMO_DOERS = ['org-ksak', 'org-ksakki'];

  it('a new project lead planning nature-based work with immigrants in Kuusamo is pointed to the Kuusamo actors who did it', async () => {
    const r = await suggest(KUUSAMO_NATURE);
    expect(r.asker).toBeNull();
    expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(KUUSAMO_DOERS).toContain(r.suggestions[0].organisation.id);
    const top = r.suggestions[0];
    expect(top.parts.find((p: any) => p.key === 'fit').value).toBeGreaterThan(0.5);
    expect(top.parts.find((p: any) => p.key === 'place').value).toBe(1);
    expect(top.explanation.en).toContain('Kuusamo');
    expect(top.explanation.en).toContain('nature-based methods');
    expect(top.explanation.fi).toContain('Kuusamo');
    expect(top.explanation.sv).toContain('Kuusamo');
    for (let i = 1; i < r.suggestions.length; i++) expect(r.suggestions[i - 1].score).toBeGreaterThanOrEqual(r.suggestions[i].score);
    expect(r.suggestions.length).toBeLessThanOrEqual(10);
  });

  it('the KUPO lead (Lapin AMK) gets Kuusamo partners it does not already have, with gaps against similar networks', async () => {
    const r = await suggest({ ...KUUSAMO_NATURE, organisationId: 'org-lapin-ammattikorkeakoulu', at: '2022-06-01', limit: 5 });
    expect(r.asker).toEqual({ id: 'org-lapin-ammattikorkeakoulu', kind: 'ORGANISATION' });
    const ranked = r.suggestions.map((s: any) => s.organisation.id);
    expect(ranked).toHaveLength(5);
    expect(ranked).not.toContain('org-lapin-ammattikorkeakoulu');
    for (const p of r.existingPartners) expect(ranked).not.toContain(p.id);
    expect(KUUSAMO_DOERS).toContain(ranked[0]);
    expect(r.gaps.length).toBeGreaterThan(0);
    for (const g of r.gaps) expect(g.share).toBeGreaterThan(0);
  });

  it('names shared partners when the asker is tied to them on the date', async () => {
    const r = await suggest({ organisationId: 'org-ksakki', at: '2021-06-01', limit: 50 });
    const partners = new Set(r.existingPartners.map((p: any) => p.id));
    expect(partners.size).toBeGreaterThan(0);
    for (const s of r.suggestions) for (const p of s.sharedPartners) expect(partners.has(p.id)).toBe(true);
  });

  it('finds who can introduce whom, only through ties active on the date', async () => {
    const q = `query($f: ID!, $t: ID!, $at: Date) { introductionPaths(fromId: $f, toId: $t, at: $at) {
      hops organisations { id } steps { from { id } to { id } via { id kind } } } }`;
    const during = (await app.ok(q, { f: 'org-ksakki', t: 'org-lapin-ammattikorkeakoulu', at: '2021-06-01' })).introductionPaths;
    expect(during[0].hops).toBe(1);
    expect(during[0].steps[0].via.map((v: any) => v.id)).toContain('prj-luonnollisesti');
    const after = (await app.ok(q, { f: 'org-ksakki', t: 'org-lapin-ammattikorkeakoulu', at: '2022-06-01' })).introductionPaths;
    for (const path of after) {
      expect(path.hops).toBeGreaterThan(1);
      for (const step of path.steps) expect(step.via.map((v: any) => v.id)).not.toContain('prj-luonnollisesti');
    }
  });

  it('explains bad requests in words', async () => {
    const s = `query($i: PartnerRequestInput!) { partnerSuggestions(input: $i) { at } }`;
    expect(await app.fails(s, { i: {} })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.fails(s, { i: { organisationId: 'org-ei-ole' } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await app.fails(s, { i: { methodIds: ['ei-menetelma'] } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.fails(s, { i: { municipalityCode: '305', limit: 500 } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const p = (from: string, to: string, hops: number) => `{ introductionPaths(fromId: "${from}", toId: "${to}", maxHops: ${hops}) { hops } }`;
    expect(await app.fails(p('org-ksakki', 'org-ksak', 5))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.fails(p('org-ksakki', 'org-ksak', 0))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.fails(p('org-ksakki', 'org-ei-ole', 3))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
