import { TestApp } from './support/app';

/** Scenario tests of the measures on the demo data from the seeds, over real HTTP. */
describe('Is the network taking root? (demo scenarios)', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  const REPORT = `index ended parts { key value reason weight evidence { ties activities organisations } explanation }`;
  const part = (report: any, key: string) => report.parts.find((p: any) => p.key === key);
  const orgId = async (search: string) => (await app.ok(`query($s: String) { organisations(search: $s) { nodes { id name } } }`, { s: search })).organisations.nodes[0].id;

  it('hands the Nature and creativity round table over to the City of Kuusamo after the projects', async () => {
    const { rooting } = await app.ok(`{ rooting(projectId: "prj-taida", at: "2023-06-01") { ${REPORT} } }`);
    const handover = part(rooting, 'coordinationHandover');
    expect(rooting.ended).toBe(true);
    expect(handover.value).toBe(1);
    expect(handover.evidence.organisations).toContain(await orgId('Kuusamon kaupunki'));
    expect(part(rooting, 'activityContinuation').value).toBeGreaterThan(0);
  });

  it('counts Kuusamon kesäkeidas as continued in 2021', async () => {
    const { rooting } = await app.ok(`{ rooting(projectId: "prj-luonnollisesti", at: "2022-06-01") { ${REPORT} } }`);
    const continuation = part(rooting, 'activityContinuation');
    expect(continuation.value).toBeGreaterThan(0);
    expect(continuation.evidence.activities).toEqual(expect.arrayContaining(['act-kesakeidas-2020', 'act-kesakeidas-2021']));
  });

  it('scores an invented project whose only ties end with it near 0', async () => {
    const { createProject: project } = await app.ok(`mutation { createProject(input: {
      name: "Kokeiluhanke", startDate: "2023-01-01", endDate: "2023-12-31" }) { id } }`);
    const { createActivity: activity } = await app.ok(
      `mutation($p: String) { createActivity(input: {
      name: "Kokeiluryhmä", type: PEER_GROUP, startDate: "2023-02-01", endDate: "2023-11-30", projectId: $p }) { id } }`,
      { p: project.id },
    );
    for (const name of ['Kokeiluyhdistys A ry', 'Kokeiluyhdistys B ry', 'Kokeilusäätiö C sr']) {
      const { createOrganisation: org } = await app.ok(`mutation($n: String!) { createOrganisation(input: { name: $n, kind: ASSOCIATION }) { id } }`, { n: name });
      for (const [target, role] of [
        [activity.id, 'PARTNER'],
        [project.id, 'PARTNER'],
      ]) {
        await app.ok(
          `mutation($o: String!, $t: String!, $r: ParticipationRole!) { addParticipation(input: {
          organisationId: $o, targetId: $t, role: $r, validFrom: "2023-01-01", validTo: "2023-12-31" }) { id } }`,
          { o: org.id, t: target, r: role },
        );
      }
    }
    const { rooting } = await app.ok(`query($p: ID) { rooting(projectId: $p, at: "2024-06-01") { ${REPORT} } }`, { p: project.id });
    expect(part(rooting, 'tieSurvival').value).toBe(0);
    expect(part(rooting, 'activityContinuation').value).toBe(0);
    expect(rooting.index).toBeLessThan(0.2);
    const { rootingMilestones } = await app.ok(`query($p: ID!) { rootingMilestones(projectId: $p) { monthsAfterEnd at report { index } } }`, { p: project.id });
    expect(rootingMilestones.map((m: any) => m.monthsAfterEnd)).toEqual([0, 6, 12, 24]);
    expect(rootingMilestones[1].at).toBe('2024-06-30');
  });

  it('measures the Kuusamo network at its busiest summer, and its growth by quarter', async () => {
    const { networkMetrics: m } = await app.ok(`{ networkMetrics(networkId: "net-kuusamo", at: "2020-07-01") {
      size ties density components { count } communities { count modularity } organisations { id betweenness } } }`);
    expect(m.size).toBeGreaterThan(5);
    expect(m.density).toBeGreaterThan(0);
    expect(m.density).toBeLessThanOrEqual(1);
    for (const o of m.organisations) expect(Number.isFinite(o.betweenness)).toBe(true);
    const { growth } = await app.ok(`{ growth(networkId: "net-kuusamo", from: "2019-01-01", to: "2021-12-31", interval: QUARTER) { label activeOrganisations retention } }`);
    expect(growth).toHaveLength(12);
    expect(growth[0].retention).toBeNull();
    const summer = growth.find((g: any) => g.label === '2020-Q3');
    expect(summer.activeOrganisations).toBeGreaterThan(growth[0].activeOrganisations);
  });

  it('says how betweenness was computed, keeps the answer until a write, and answers afresh after one', async () => {
    const ask = async () =>
      (
        await app.ok(`{ networkMetrics(networkId: "net-kuusamo", at: "2020-07-01") {
        size centrality { mode sources estimated errorBound confidence estimatedOrganisations } organisations { id closeness } } }`)
      ).networkMetrics;
    const first = await ask();
    expect(first.centrality).toMatchObject({ mode: 'exact', estimated: false, errorBound: null, confidence: null, estimatedOrganisations: 0 });
    expect(first.centrality.sources).toBeGreaterThan(0); // one BFS per set of twins
    expect(first.centrality.sources).toBeLessThanOrEqual(first.size);
    expect(await ask()).toEqual(first);
    const { createOrganisation: org } = await app.ok(`mutation { createOrganisation(input: { name: "Välimuistitesti ry", kind: ASSOCIATION }) { id } }`);
    await app.ok(`mutation($o: String!) { addParticipation(input: { organisationId: $o, targetId: "net-kuusamo", role: MEMBER, validFrom: "2020-01-01" }) { id } }`, { o: org.id });
    const after = await ask();
    expect(after.size).toBe(first.size + 1);
    expect(after.organisations.find((o: any) => o.id === org.id).closeness).toBe(0);
  });

  it('explains bad requests in words', async () => {
    expect(await app.fails(`{ rooting(at: "2023-01-01") { index } }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.fails(`{ rooting(projectId: "prj-ei-ole") { index } }`)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await app.fails(`{ growth(networkId: "net-kuusamo", from: "2022-01-01", to: "2021-01-01") { label } }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
