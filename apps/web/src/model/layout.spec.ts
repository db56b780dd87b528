import { buildMapGraph, type ApiGraph } from './graph-model';
import { seededRng } from '@verkosto/domain/random';
import { computePositions, FORCE_LAYOUT_ABOVE } from './layout';

function star(n: number): ApiGraph {
  const nodes: ApiGraph['nodes'] = [
    {
      id: 'act',
      kind: 'ACTIVITY',
      label: 'act',
      orgKind: null,
      sector: null,
      permanent: null,
      activityType: 'EVENT',
      municipalityCode: null,
      validFrom: '2020-01-01',
      validTo: null,
      methodIds: [],
      targetGroupIds: [],
    },
  ];
  const edges: ApiGraph['edges'] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({
      id: `o${i}`,
      kind: 'ORGANISATION',
      label: `o${i}`,
      orgKind: 'OTHER',
      sector: 'THIRD',
      permanent: true,
      activityType: null,
      municipalityCode: null,
      validFrom: null,
      validTo: null,
      methodIds: [],
      targetGroupIds: [],
    });
    edges.push({ id: `p${i}`, kind: 'PARTICIPATES', source: `o${i}`, target: 'act', role: 'PARTNER', validFrom: `2020-0${1 + (i % 9)}-01`, validTo: null });
  }
  return { nodes, edges, firstDate: '2020-01-01', lastDate: '2020-09-01' };
}

describe('layout', () => {
  it('places every node, the same way every time', () => {
    const graph = buildMapGraph(star(12), 'bipartite');
    const a = computePositions(graph);
    const b = computePositions(graph);
    expect(Object.keys(a).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(a).toEqual(b);
    for (const p of Object.values(a)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('spreads nodes apart', () => {
    const positions = Object.values(computePositions(buildMapGraph(star(8), 'bipartite')));
    const xs = positions.map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(50);
  });

  it('handles an empty graph', () => {
    expect(computePositions(buildMapGraph({ nodes: [], edges: [], firstDate: null, lastDate: null }, 'orgs'))).toEqual({});
  });

  it('seeds a repeatable generator', () => {
    const [r1, r2] = [seededRng(7), seededRng(7)];
    expect([r1(), r1()]).toEqual([r2(), r2()]);
  });
});

describe('layout of a large map', () => {
  it('uses the force layout above the threshold: every node placed, repeatably, none on top of another', () => {
    const graph = buildMapGraph(star(FORCE_LAYOUT_ABOVE + 50), 'bipartite');
    const a = computePositions(graph);
    expect(Object.keys(a).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(computePositions(graph)).toEqual(a);
    const points = Object.values(a);
    const closest = Math.min(...points.slice(1).map((p) => Math.hypot(p.x - points[0].x, p.y - points[0].y)));
    expect(closest).toBeGreaterThan(10);
  });
});
