import { rooting, rootingReports, type RootingKey, type RootingReport } from '@verkosto/analytics';
import type { GraphEdge, GraphNode } from '@verkosto/domain';
import { activity, edge, model, network, org, project, snapshot, takesPart } from './snapshots.fixture';
import { expectNoNaN } from './expect-finite.fixture';

const part = (r: RootingReport, key: RootingKey) => r.parts.find((p) => p.key === key)!;

/**
 * Project P (2020–2021) in network N runs activity x with a (public), b (third sector) and c (parish).
 * The project organisation h coordinates N during the project.
 */
function base(extraNodes: GraphNode[] = [], extraEdges: GraphEdge[] = []) {
  return snapshot(
    [
      org('a', 'PUBLIC'),
      org('b', 'THIRD'),
      org('c', 'PARISH'),
      org('h', 'PUBLIC', false),
      project('P', '2020-01-01', '2021-12-31'),
      activity('x', '2020-02-01', '2021-12-31'),
      network('N'),
      ...extraNodes,
    ],
    [
      edge('RUNS_UNDER', 'x', 'P'),
      edge('IN_NETWORK', 'P', 'N'),
      takesPart('a', 'x', null, null, 'ORGANISER'),
      takesPart('b', 'x'),
      takesPart('c', 'x'),
      takesPart('h', 'N', '2020-01-01', '2021-12-31', 'COORDINATOR'),
      ...extraEdges,
    ],
  );
}

describe('rooting of a project', () => {
  it('a project whose only ties end with it scores 0 tie survival and 0 continuation', () => {
    const r = rooting(base(), { projectId: 'P' }, '2022-06-30');
    expect(r.ended).toBe(true);
    expect(part(r, 'tieSurvival')).toMatchObject({ value: 0, basis: { counted: 0, of: 3 }, evidence: { ties: [] } });
    expect(part(r, 'activityContinuation').value).toBe(0);
    expect(part(r, 'coordinationHandover').value).toBe(0);
    expect(part(r, 'independence').value).toBeNull(); // nobody is tied any more
    // Only shared responsibility (a organised, h coordinated) lifts the index above 0.
    expect(r.index).toBeCloseTo((0.1 * part(r, 'sharedResponsibility').value!) / 0.65, 10);
    expectNoNaN(r);
  });

  it('a continued activity counts, and the ties it keeps survive', () => {
    const s = base([activity('x2', '2022-06-01', '2022-08-31')], [edge('CONTINUES', 'x2', 'x'), takesPart('a', 'x2'), takesPart('b', 'x2')]);
    const during = rooting(s, { projectId: 'P' }, '2022-07-01');
    expect(part(during, 'activityContinuation')).toMatchObject({ value: 1, evidence: { activities: ['x', 'x2'] } });
    expect(part(during, 'tieSurvival')).toMatchObject({ value: 1 / 3, evidence: { ties: ['a|b'] } });
    const later = rooting(s, { projectId: 'P' }, '2023-01-01');
    expect(part(later, 'activityContinuation').value).toBe(1); // started after the end: still a continuation
    expect(part(later, 'tieSurvival').value).toBe(0);
  });

  it('coordination handed over to a permanent organisation holds', () => {
    const s = base([], [takesPart('a', 'N', '2022-01-01', null, 'COORDINATOR')]);
    expect(part(rooting(s, { projectId: 'P' }, '2021-06-30'), 'coordinationHandover').value).toBe(0);
    const after = part(rooting(s, { projectId: 'P' }, '2023-06-30'), 'coordinationHandover');
    expect(after).toMatchObject({ value: 1, evidence: { organisations: ['a'] } });
  });

  it('independence: who stays connected without the project’s activities', () => {
    // a and b also meet in a permanently funded activity z; c only meets them through the project.
    const s = base([activity('z', '2019-01-01', null)], [takesPart('a', 'z'), takesPart('b', 'z')]);
    const r = rooting(s, { projectId: 'P' }, '2021-06-01');
    expect(part(r, 'independence')).toMatchObject({
      value: 2 / 3,
      evidence: { organisations: ['a', 'b'], ties: ['a|c', 'b|c'] },
    });
    expect(part(r, 'tieSurvival').reason).toMatch(/after the project ends/);
  });

  it('breadth blends sectors involved and cross-sector ties', () => {
    const r = rooting(base(), { projectId: 'P' }, '2021-06-01');
    // 3 of 4 sectors; all 3 ties cross sectors.
    expect(part(r, 'breadth').value).toBeCloseTo((3 / 4 + 1) / 2, 10);
  });

  it('adoption: permanent participants with an active adoption of the operating model', () => {
    const s = base([model('M')], [edge('ADOPTED', 'a', 'M', '2022-01-01')]);
    expect(part(rooting(s, { projectId: 'P' }, '2021-06-01'), 'adoption').value).toBe(0);
    expect(part(rooting(s, { projectId: 'P' }, '2022-06-01'), 'adoption')).toMatchObject({
      value: 1 / 3,
      evidence: { organisations: ['a'] },
    });
    expect(part(rooting(base(), { projectId: 'P' }, '2022-06-01'), 'adoption').value).toBeNull();
  });

  it('shared responsibility: one holder scores 0, two equal holders 0.5, long coordination is penalised', () => {
    const one = rooting(base(), { projectId: 'P' }, '2021-06-01');
    // a organises x (from its start) and h coordinates N (from the project start): nearly even.
    expect(part(one, 'sharedResponsibility').value).toBeGreaterThan(0.45);
    const solo = snapshot(
      [org('a'), project('Q', '2020-01-01', '2020-12-31'), activity('y', '2020-01-01', '2020-12-31')],
      [edge('RUNS_UNDER', 'y', 'Q'), takesPart('a', 'y', null, null, 'ORGANISER')],
    );
    expect(part(rooting(solo, { projectId: 'Q' }, '2020-06-01'), 'sharedResponsibility').value).toBe(0);
    const long = snapshot([org('a'), org('b'), network('M')], [takesPart('a', 'M', '2014-01-01', null, 'COORDINATOR'), takesPart('b', 'M', '2014-01-01', null, 'BUDGET_HOLDER')]);
    const p = part(rooting(long, { networkId: 'M' }, '2019-12-31'), 'sharedResponsibility');
    expect(p.value).toBeCloseTo((0.5 * 3) / (2191 / 365.25), 6); // 2,191 days of coordination, limit 3 years
    expect(p.explanation).toMatch(/longer than 3/);
  });

  it('the index is the weighted mean of the applicable parts', () => {
    const r = rooting(base([model('M')], [edge('ADOPTED', 'a', 'M')]), { projectId: 'P' }, '2022-06-30');
    const applicable = r.parts.filter((p) => p.value !== null);
    const mean = applicable.reduce((s, p) => s + p.weight * p.value!, 0) / applicable.reduce((s, p) => s + p.weight, 0);
    expect(r.index).toBeCloseTo(mean, 12);
    expect(r.weights.tieSurvival).toBe(0.2);
    const custom = rooting(base(), { projectId: 'P' }, '2022-06-30', { weights: { adoption: 0, breadth: 5 } });
    expect(part(custom, 'breadth').weight).toBe(5);
  });
});

describe('rooting edge cases', () => {
  it('a project with no end date yet: after-end parts say why they do not apply', () => {
    const s = snapshot([org('a'), project('P', '2020-01-01', null)], [takesPart('a', 'P', null, null, 'LEAD')]);
    const r = rooting(s, { projectId: 'P' }, '2024-01-01');
    expect(part(r, 'tieSurvival')).toMatchObject({ value: null, reason: 'The project has no end date yet.' });
    expect(r.ended).toBe(false);
    expectNoNaN(r);
    expect(rootingReports(s, 'P')).toEqual([]);
  });

  it('one organisation, no ties: finite values or nulls with reasons', () => {
    const s = snapshot(
      [org('a'), project('P', '2020-01-01', '2020-12-31'), activity('x')],
      [edge('RUNS_UNDER', 'x', 'P'), takesPart('a', 'P', null, null, 'LEAD'), takesPart('a', 'x')],
    );
    const r = rooting(s, { projectId: 'P' }, '2021-06-01');
    expect(part(r, 'tieSurvival').value).toBeNull();
    expect(part(r, 'activityContinuation').value).toBe(1); // an undated activity has not ended
    expect(r.parts.filter((p) => p.value === null).every((p) => p.reason)).toBe(true);
    expectNoNaN(r);
  });

  it('an empty project gives a null index, not NaN', () => {
    const r = rooting(snapshot([project('P')], []), { projectId: 'P' }, '2021-01-01');
    expect(r.index).toBeNull();
    expectNoNaN(r);
  });

  it('unknown ids are NOT_FOUND; both or neither id is bad input', () => {
    expect(() => rooting(base(), { projectId: 'nope' }, '2021-01-01')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => rooting(base(), { networkId: 'P' }, '2021-01-01')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => rootingReports(base(), 'nope')).toThrow(expect.objectContaining({ name: 'DomainError' }));
    expect(() => rooting(base(), {} as { projectId: string }, '2021-01-01')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('rooting of a network and milestone reports', () => {
  it('a network is read through its projects', () => {
    const r = rooting(base(), { networkId: 'N' }, '2022-06-30');
    expect(r.scope).toMatchObject({ kind: 'NETWORK', projects: ['P'], end: '2021-12-31', networks: ['N'] });
    expect(part(r, 'tieSurvival').value).toBe(0);
  });

  it('a network without projects has no project end to measure after', () => {
    const s = snapshot([org('a'), network('M')], [takesPart('a', 'M', '2020-01-01', null, 'COORDINATOR')]);
    const r = rooting(s, { networkId: 'M' }, '2021-01-01');
    expect(part(r, 'tieSurvival').value).toBeNull();
    expect(part(r, 'coordinationHandover').value).toBe(1);
    expectNoNaN(r);
  });

  it('reports at the end and 6, 12 and 24 months after', () => {
    const reports = rootingReports(base(), 'P');
    expect(reports.map((m) => [m.monthsAfterEnd, m.at])).toEqual([
      [0, '2021-12-31'],
      [6, '2022-06-30'],
      [12, '2022-12-31'],
      [24, '2023-12-31'],
    ]);
    expect(part(reports[0].report, 'tieSurvival').value).toBeNull();
    expect(part(reports[1].report, 'tieSurvival').value).toBe(0);
  });
});
