import { buildMapGraph, computeFrame } from '../apps/web/src/model/graph-model';
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

  it('tells the evaluator that KUPO’s co-implementers and model adoption are missing, instead of scoring 0', async () => {
    const { rooting } = await app.ok(`{ rooting(projectId: "prj-s21858", at: "2023-06-30") {
      index leftOut parts { key value reasonCode missingData } } }`);
    expect(part(rooting, 'tieSurvival')).toMatchObject({ value: null, reasonCode: 'noCoImplementers', missingData: true });
    expect(part(rooting, 'sharedResponsibility')).toMatchObject({ value: null, reasonCode: 'noCoImplementers', missingData: true });
    expect(part(rooting, 'adoption')).toMatchObject({ value: null, reasonCode: 'noAdoption', missingData: true });
    expect(rooting.leftOut).toEqual(expect.arrayContaining(['tieSurvival', 'sharedResponsibility', 'adoption']));
  });

  it('names organisations in every explanation and evidence item, and measures a coordinator’s whole run', async () => {
    const { rooting } = await app.ok(`{ rooting(projectId: "prj-taida", at: "2024-12-31") { parts { key explanation
      evidence { organisations organisationItems { id label } tieItems { id label source { label } target { label } } }
      coordinationRun { organisation { id label } network { label } years } } } }`);
    const shared = part(rooting, 'sharedResponsibility');
    // KSAK Oy coordinated the Kuusamo network 2019–2022: four years, though TAIDA! began in 2020.
    expect(shared.explanation).toMatch(/KSAK Oy has coordinated Kuusamon osallisuusverkosto for 4\.0 years/);
    expect(shared.coordinationRun).toMatchObject({ organisation: { id: 'org-ksak', label: 'KSAK Oy' }, network: { label: 'Kuusamon osallisuusverkosto' } });
    expect(shared.coordinationRun.years).toBeCloseTo(4, 1);
    expect(shared.evidence.organisationItems).toContainEqual({ id: 'org-ksak', label: 'KSAK Oy' });
    for (const p of rooting.parts) {
      expect(p.explanation).not.toMatch(/\b(org|act|prj|net)-/);
      expect((p.evidence.organisationItems ?? []).map((i: any) => i.id)).toEqual(p.evidence.organisations ?? []);
    }
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
    // Evidence is named wherever it is given: the day's ties, a quarter's organisations.
    const named = await app.ok(`{ networkMetrics(networkId: "net-kuusamo", at: "2020-07-01") { evidence { ties tieItems { id label } } }
      growth(networkId: "net-kuusamo", from: "2020-07-01", to: "2020-09-30", interval: QUARTER) { evidence { organisationItems { id label } } } }`);
    expect(named.networkMetrics.evidence.tieItems.map((t: any) => t.id)).toEqual(named.networkMetrics.evidence.ties);
    expect(named.networkMetrics.evidence.tieItems.map((t: any) => t.label)).toContain('KSAK Oy – Kuusamon kaupungin kirjasto');
    expect(named.growth[0].evidence.organisationItems).toContainEqual({ id: 'org-ksak', label: 'KSAK Oy' });
  });

  it('gives the Kuusamo network’s partnership measures, its tie retention since 2020, and the Luonnollisesti network without KSAK Oy', async () => {
    const { partnershipMeasures: m } = await app.ok(`{ partnershipMeasures(networkId: "net-kuusamo", at: "2022-06-01", comparedTo: "2020-07-01") {
      at size ties eiIndex { value internal external bySector { sector value organisations { organisationItems { label } } } }
      clustering { transitivity averageClustering } multiplexity { value multiplex ties evidence { tieItems { label } } }
      retention { from to value kept lost gained keptTies { ties tieItems { id label } } } withoutProject { size } } }`);
    expect(m).toMatchObject({ at: '2022-06-01', size: 9, ties: 4, eiIndex: { value: 0, internal: 2, external: 2 }, multiplexity: { multiplex: 1, ties: 4 }, withoutProject: null });
    expect(m.eiIndex.bySector.map((s: any) => s.sector)).toEqual(['PUBLIC', 'THIRD']);
    expect(m.clustering.transitivity).toBeCloseTo(0.6, 12);
    expect(m.retention).toMatchObject({ from: '2020-07-01', to: '2022-06-01', kept: 4, lost: 23, gained: 0 });
    expect(m.retention.value).toBeCloseTo(4 / 27, 12);
    expect(m.retention.keptTies.tieItems.map((t: any) => t.id)).toEqual(m.retention.keptTies.ties);
    const { partnershipMeasures: p } = await app.ok(`{ partnershipMeasures(projectId: "prj-luonnollisesti", at: "2020-07-01") {
      size ties withoutProject { projectId size ties density components { count largest } eiIndex { value } clustering { transitivity }
        removedOrganisations { organisationItems { id label } } } } }`);
    expect(p).toMatchObject({ size: 10, ties: 24 });
    expect(p.withoutProject).toMatchObject({ projectId: 'prj-luonnollisesti', size: 7, ties: 15, components: { count: 2, largest: 6 }, clustering: { transitivity: 1 } });
    expect(p.withoutProject.removedOrganisations.organisationItems).toEqual([{ id: 'org-ksak', label: 'KSAK Oy' }]);
    expect(await app.fails(`{ partnershipMeasures(projectId: "prj-ei-ole") { at } }`)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('speaks of ties and survival as the map does: the same ties, the same survivors, on every date', async () => {
    const GRAPH = `nodes { id kind label orgKind sector permanent activityType municipalityCode validFrom validTo methodIds targetGroupIds }
      edges { id kind source target role validFrom validTo } firstDate lastDate`;
    for (const [arg, id] of [
      ['networkId', 'net-kuusamo'],
      ['projectId', 'prj-luonnollisesti'],
      ['projectId', 'prj-s20634'],
    ]) {
      const { networkGraph } = await app.ok(`query($id: ID!) { networkGraph(${arg}: $id) { ${GRAPH} } }`, { id });
      const map = buildMapGraph(networkGraph, 'orgs');
      if (id === 'net-kuusamo') {
        // The example: the actors-and-activities view's lines are links (memberships, the City's
        // round table), which continue after the projects; they are not ties.
        const links = computeFrame(buildMapGraph(networkGraph, 'bipartite'), '2023-01-01');
        expect([links.activeEdges, links.outlivedEdges, computeFrame(map, '2023-01-01').activeEdges]).toEqual([10, 7, 0]);
      }
      for (const at of ['2020-07-01', '2021-06-01', '2022-06-30', '2023-01-01', '2024-06-01']) {
        const { networkMetrics, rooting } = await app.ok(
          `query($id: ID!, $at: Date) {
          networkMetrics(${arg}: $id, at: $at) { ties } rooting(${arg}: $id, at: $at) { parts { key value evidence { ties } } } }`,
          { id, at },
        );
        const frame = computeFrame(map, at);
        expect([id, at, frame.activeEdges]).toEqual([id, at, networkMetrics.ties]);
        const survived = [...frame.edges].filter(([, f]) => f.outlived).map(([tieId]) => tieId.replace(/^tie:/, ''));
        const report = part(rooting, 'tieSurvival');
        if (report.value !== null) expect([id, at, survived.sort()]).toEqual([id, at, [...report.evidence.ties].sort()]);
      }
    }
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
