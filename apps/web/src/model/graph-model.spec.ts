import {
  buildMapGraph,
  computeFrame,
  diffFrames,
  isEmptyGraph,
  nodeDetails,
  nodeSize,
  NO_FILTERS,
  searchNodes,
  stopIndex,
  timelineStops,
  toCyElements,
  type ApiEdge,
  type ApiGraph,
  type ApiNode,
} from './graph-model';

const node = (id: string, kind: ApiNode['kind'], extra: Partial<ApiNode> = {}): ApiNode => ({
  id,
  kind,
  label: id,
  orgKind: kind === 'ORGANISATION' ? 'ASSOCIATION' : null,
  sector: kind === 'ORGANISATION' ? 'THIRD' : null,
  permanent: kind === 'ORGANISATION' ? true : null,
  activityType: kind === 'ACTIVITY' ? 'EVENT' : null,
  municipalityCode: null,
  validFrom: null,
  validTo: null,
  methodIds: [],
  targetGroupIds: [],
  ...extra,
});

const edge = (source: string, target: string, kind: ApiEdge['kind'], extra: Partial<ApiEdge> = {}): ApiEdge => ({
  id: `${kind}:${source}>${target}:${extra.role ?? ''}`,
  kind,
  source,
  target,
  role: null,
  validFrom: null,
  validTo: null,
  ...extra,
});

/** A small network shaped like the Kuusamo demo: a project, its summer activity, a continuation after it. */
function fixture(): ApiGraph {
  return {
    nodes: [
      node('net', 'NETWORK'),
      node('prj', 'PROJECT', { validFrom: '2019-01-01', validTo: '2021-12-31' }),
      node('summer', 'ACTIVITY', { validFrom: '2020-06-01', validTo: '2020-08-31', methodIds: ['nature-based'], municipalityCode: '305' }),
      node('table', 'ACTIVITY', { validFrom: '2020-01-01', validTo: '2021-12-31', methodIds: ['arts-based'] }),
      node('table2', 'ACTIVITY', { validFrom: '2022-01-01', validTo: null, methodIds: ['arts-based'] }),
      node('city', 'ORGANISATION', { orgKind: 'MUNICIPALITY', sector: 'PUBLIC', municipalityCode: '305' }),
      node('assoc', 'ORGANISATION'),
      node('school', 'ORGANISATION', { orgKind: 'EDUCATION', sector: 'PUBLIC' }),
    ],
    edges: [
      edge('assoc', 'prj', 'PARTICIPATES', { role: 'LEAD', validFrom: '2019-01-01', validTo: '2021-12-31' }),
      edge('assoc', 'net', 'PARTICIPATES', { role: 'MEMBER', validFrom: '2019-01-01', validTo: null }),
      edge('city', 'net', 'PARTICIPATES', { role: 'MEMBER', validFrom: '2020-06-01', validTo: null }),
      edge('city', 'summer', 'PARTICIPATES', { role: 'PARTNER', validFrom: '2020-06-01', validTo: '2020-08-31' }),
      edge('assoc', 'summer', 'PARTICIPATES', { role: 'ORGANISER', validFrom: '2020-06-01', validTo: '2020-08-31' }),
      edge('school', 'summer', 'PARTICIPATES', { role: 'VENUE', validFrom: '2020-06-01', validTo: '2020-08-31' }),
      edge('city', 'table', 'PARTICIPATES', { role: 'PARTNER', validFrom: '2020-01-01', validTo: '2021-12-31' }),
      edge('assoc', 'table', 'PARTICIPATES', { role: 'ORGANISER', validFrom: '2020-01-01', validTo: '2021-12-31' }),
      edge('city', 'table2', 'PARTICIPATES', { role: 'ORGANISER', validFrom: '2022-01-01', validTo: null }),
      edge('assoc', 'table2', 'PARTICIPATES', { role: 'PARTNER', validFrom: '2022-01-01', validTo: null }),
      edge('summer', 'prj', 'RUNS_UNDER'),
      edge('table', 'prj', 'RUNS_UNDER'),
      edge('table2', 'table', 'CONTINUES'),
      edge('prj', 'net', 'IN_NETWORK'),
    ],
    firstDate: '2019-01-01',
    lastDate: '2022-01-01',
  };
}

describe('bipartite map', () => {
  const graph = buildMapGraph(fixture(), 'bipartite');

  it('keeps every node and edge of the history', () => {
    expect(graph.nodes).toHaveLength(8);
    expect(graph.edges).toHaveLength(14);
  });

  it('grows over time: organisations appear with their first tie', () => {
    const early = computeFrame(graph, '2019-06-01');
    const later = computeFrame(graph, '2020-07-01');
    expect(early.nodes.get('city')!.state).toBe('future');
    expect(early.nodes.get('assoc')!.state).toBe('active');
    expect(later.nodes.get('city')!.state).toBe('active');
    expect(later.activeNodes).toBeGreaterThan(early.activeNodes);
  });

  it('fades ties after they end instead of dropping them', () => {
    const frame = computeFrame(graph, '2021-01-01');
    expect(frame.edges.get('PARTICIPATES:school>summer:VENUE')!.state).toBe('ended');
    expect(frame.nodes.get('school')!.state).toBe('ended');
    expect(frame.nodes.get('summer')!.state).toBe('ended');
  });

  it('marks a tie rooted when it outlives its project, also through a continued activity', () => {
    const during = computeFrame(graph, '2021-06-01');
    const after = computeFrame(graph, '2022-06-01');
    expect(during.rootedEdges).toBe(0);
    expect(after.edges.get('PARTICIPATES:city>table2:ORGANISER')!.rooted).toBe(true);
    // The association's membership began while the project ran and continues past it.
    expect(after.edges.get('PARTICIPATES:assoc>net:MEMBER')!.rooted).toBe(true);
    // The city joined after the project started but during it; also rooted.
    expect(after.edges.get('PARTICIPATES:city>net:MEMBER')!.rooted).toBe(true);
    expect(after.edges.get('PARTICIPATES:assoc>prj:LEAD')!.rooted).toBe(false);
  });

  it('structural links last while both ends do', () => {
    const frame = computeFrame(graph, '2019-06-01');
    expect(frame.edges.get('RUNS_UNDER:summer>prj:')!.state).toBe('future');
    expect(computeFrame(graph, '2020-07-01').edges.get('RUNS_UNDER:summer>prj:')!.state).toBe('active');
  });

  it('sizes by active ties', () => {
    const frame = computeFrame(graph, '2020-07-01');
    expect(frame.nodes.get('assoc')!.degree).toBe(4);
    expect(nodeSize(4, 'ORGANISATION')).toBeGreaterThan(nodeSize(1, 'ORGANISATION'));
    expect(nodeSize(10_000, 'ORGANISATION')).toBeLessThanOrEqual(66);
  });

  it('filters by kind, method, municipality and role', () => {
    const byKind = computeFrame(graph, '2020-07-01', { ...NO_FILTERS, orgKinds: ['MUNICIPALITY'] });
    expect(byKind.nodes.get('assoc')!.shown).toBe(false);
    expect(byKind.nodes.get('city')!.shown).toBe(true);
    const byMethod = computeFrame(graph, '2020-07-01', { ...NO_FILTERS, methods: ['nature-based'] });
    expect(byMethod.nodes.get('table')!.shown).toBe(false);
    expect(byMethod.nodes.get('summer')!.shown).toBe(true);
    const byRole = computeFrame(graph, '2020-07-01', { ...NO_FILTERS, roles: ['VENUE'] });
    expect(byRole.nodes.get('school')!.shown).toBe(true);
    expect(byRole.nodes.get('city')!.shown).toBe(false);
    expect(byRole.edges.get('PARTICIPATES:city>summer:PARTNER')!.shown).toBe(false);
    const byPlace = computeFrame(graph, '2020-07-01', { ...NO_FILTERS, municipalities: ['305'] });
    expect(byPlace.nodes.get('summer')!.shown).toBe(true);
    expect(byPlace.nodes.get('table')!.shown).toBe(false);
  });
});

describe('organisation-to-organisation view', () => {
  const graph = buildMapGraph(fixture(), 'orgs');
  const tie = (a: string, b: string) => graph.edges.find((e) => e.id === `tie:${a < b ? a : b}|${a < b ? b : a}`)!;

  it('has only organisations, tied by shared activities and projects', () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['assoc', 'city', 'school']);
    expect(graph.edges).toHaveLength(3);
    expect(
      tie('city', 'assoc')
        .intervals.map((i) => i.via)
        .sort(),
    ).toEqual(['summer', 'table', 'table2']);
  });

  it('weights a tie by activities shared on the date', () => {
    const frame = computeFrame(graph, '2020-07-01');
    expect(frame.edges.get(tie('city', 'assoc').id)!.weight).toBe(2);
    expect(computeFrame(graph, '2021-01-01').edges.get(tie('city', 'assoc').id)!.weight).toBe(1);
    expect(computeFrame(graph, '2021-01-01').edges.get(tie('school', 'assoc').id)!.state).toBe('ended');
  });

  it('marks a tie rooted after its project ended', () => {
    expect(computeFrame(graph, '2021-06-01').edges.get(tie('city', 'assoc').id)!.rooted).toBe(false);
    expect(computeFrame(graph, '2022-06-01').edges.get(tie('city', 'assoc').id)!.rooted).toBe(true);
  });

  it('applies method filters to the activities behind a tie', () => {
    const frame = computeFrame(graph, '2020-07-01', { ...NO_FILTERS, methods: ['arts-based'] });
    expect(frame.edges.get(tie('school', 'assoc').id)!.shown).toBe(false);
    expect(frame.edges.get(tie('city', 'assoc').id)!.weight).toBe(1);
    expect(frame.nodes.get('school')!.shown).toBe(false);
  });
});

describe('compare two dates', () => {
  it('tells added, kept and lost apart', () => {
    const graph = buildMapGraph(fixture(), 'orgs');
    const diff = diffFrames(computeFrame(graph, '2020-07-01'), computeFrame(graph, '2022-06-01'));
    expect(diff.counts.edges).toEqual({ added: 0, kept: 1, lost: 2 });
    expect(diff.nodes.get('school')).toBe('lost');
    expect(diff.nodes.get('city')).toBe('kept');
  });
});

describe('timeline', () => {
  it('stops at every month and every start and end', () => {
    const stops = timelineStops(fixture());
    expect(stops[0]).toBe('2019-01-01');
    expect(stops[stops.length - 1]).toBe('2022-01-01');
    expect(stops).toContain('2020-08-31');
    expect(stops).toContain('2019-07-01');
    expect([...stops].sort()).toEqual(stops);
    expect(stops[stopIndex(stops, '2020-06-15')]).toBe('2020-06-01');
  });

  it('has no stops for an empty network', () => {
    expect(timelineStops({ nodes: [], edges: [], firstDate: null, lastDate: null })).toEqual([]);
  });
});

describe('elements and details', () => {
  it('maps to Cytoscape definitions with positions', () => {
    const graph = buildMapGraph(fixture(), 'bipartite');
    const elements = toCyElements(graph, { city: { x: 1, y: 2 } });
    const city = elements.find((e) => e.data.id === 'city')!;
    expect(city.group).toBe('nodes');
    expect(city.position).toEqual({ x: 1, y: 2 });
    expect(city.classes).toBe('organisation');
    const runs = elements.find((e) => e.data.id === 'RUNS_UNDER:summer>prj:')!;
    expect(runs).toMatchObject({ group: 'edges', data: { source: 'summer', target: 'prj' } });
  });

  it('describes an organisation: roles, partners and projects', () => {
    const d = nodeDetails(fixture(), 'city', '2022-06-01')!;
    expect(d.roles.map((r) => r.role)).toEqual(['PARTNER', 'MEMBER', 'PARTNER', 'ORGANISER']);
    expect(d.roles.find((r) => r.targetId === 'table2')!.rooted).toBe(true);
    expect(d.partners[0]).toEqual({ id: 'assoc', label: 'assoc', shared: 3 });
    expect(d.projects.map((p) => p.id)).toEqual(['prj']);
  });

  it('describes an activity: participants and links', () => {
    const d = nodeDetails(fixture(), 'table2', '2022-06-01')!;
    expect(d.participants.map((p) => p.targetId).sort()).toEqual(['assoc', 'city']);
    expect(d.related).toEqual([{ id: 'table', label: 'table', kind: 'CONTINUES', direction: 'out' }]);
    expect(nodeDetails(fixture(), 'nope', '2022-01-01')).toBeNull();
  });

  it('searches labels ignoring case and accents', () => {
    const api = fixture();
    api.nodes.push(node('kirjasto', 'ORGANISATION', { label: 'Kuusamon kaupungin kirjasto' }));
    const graph = buildMapGraph(api, 'bipartite');
    expect(searchNodes(graph, 'KIRJ').map((n) => n.id)).toEqual(['kirjasto']);
    expect(searchNodes(graph, 'kaupungin').map((n) => n.id)).toEqual(['kirjasto']);
    expect(searchNodes(graph, '  ')).toEqual([]);
  });

  it('knows an empty network', () => {
    expect(isEmptyGraph({ nodes: [node('net', 'NETWORK')], edges: [], firstDate: null, lastDate: null })).toBe(true);
    expect(isEmptyGraph(fixture())).toBe(false);
  });
});
