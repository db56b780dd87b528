import { XMLParser } from 'fast-xml-parser';
import { TestApp } from './support/app';

/** GET /api/export: files Gephi, spreadsheets and Cytoscape open, with dates intact. */
describe('export', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  const get = (query: string) => fetch(`${app.url}/api/export?${query}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

  it('writes GraphML that parses back with the dates of every participation', async () => {
    const response = await get('networkId=net-kuusamo&format=graphml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/verkosto-net-kuusamo-history\.graphml/);
    const doc = parser.parse(await response.text());
    const keys = new Map(asList<any>(doc.graphml.key).map((k) => [k.id, k['attr.name']]));
    const edges = asList<any>(doc.graphml.graph.edge).map((e) => ({
      ...e,
      data: Object.fromEntries(asList<any>(e.data).map((d) => [keys.get(d.key), String(d['#text'])])),
    }));
    const participations = edges.filter((e) => e.data.kind === 'PARTICIPATES');
    expect(participations.length).toBeGreaterThan(10);
    for (const e of participations) if (e.data.validFrom) expect(e.data.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(participations.some((e) => e.data.validFrom && e.data.validTo)).toBe(true);
  });

  it('writes dynamic GEXF with start and end intervals for Gephi', async () => {
    const doc = parser.parse(await (await get('networkId=net-kuusamo&format=gexf')).text());
    expect(doc.gexf.graph.mode).toBe('dynamic');
    expect(doc.gexf.graph.timeformat).toBe('date');
    const edges = asList<any>(doc.gexf.graph.edges.edge);
    expect(edges.some((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.start) && /^\d{4}-\d{2}-\d{2}$/.test(e.end))).toBe(true);
  });

  it('keeps every date of the history as the API has it, in GraphML and as GEXF intervals', async () => {
    type Dated = { id: string; validFrom: string | null; validTo: string | null };
    const { networkGraph } = await app.ok<{ networkGraph: { nodes: Dated[]; edges: Dated[] } }>(
      '{ networkGraph(networkId: "net-kuusamo") { nodes { id validFrom validTo } edges { id validFrom validTo } } }',
    );
    const expected = (items: Dated[]) => new Map(items.map((x) => [x.id, `${x.validFrom ?? ''}/${x.validTo ?? ''}`]));
    expect([...expected(networkGraph.edges).values()].filter((v) => /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(v)).length).toBeGreaterThan(5);

    const graphml = parser.parse(await (await get('networkId=net-kuusamo&format=graphml')).text());
    const keys = new Map(asList<any>(graphml.graphml.key).map((k) => [k.id, k['attr.name']]));
    const dated = (items: any[]) =>
      new Map(
        items.map((x) => {
          const data = Object.fromEntries(asList<any>(x.data).map((d) => [keys.get(d.key), String(d['#text'])]));
          return [String(x.id), `${data.validFrom ?? ''}/${data.validTo ?? ''}`];
        }),
      );
    expect(dated(asList(graphml.graphml.graph.edge))).toEqual(expected(networkGraph.edges));
    expect(dated(asList(graphml.graphml.graph.node))).toEqual(expected(networkGraph.nodes));

    const gexf = parser.parse(await (await get('networkId=net-kuusamo&format=gexf')).text());
    const spans = (items: any[]) => new Map(items.map((x) => [String(x.id), `${x.start ?? ''}/${x.end ?? ''}`]));
    expect(spans(asList(gexf.gexf.graph.edges.edge))).toEqual(expected(networkGraph.edges));
    expect(spans(asList(gexf.gexf.graph.nodes.node))).toEqual(expected(networkGraph.nodes));
    for (const x of [...asList<any>(gexf.gexf.graph.edges.edge), ...asList<any>(gexf.gexf.graph.nodes.node)]) {
      if (x.start && x.end) expect(x.start <= x.end).toBe(true);
    }
  });

  it('writes CSV of edges and nodes at a date, and Cytoscape JSON', async () => {
    const edges = await (await get('networkId=net-kuusamo&format=csv&at=2020-07-01')).text();
    const [header, ...rows] = edges.trim().split('\r\n');
    expect(header).toBe('id,source,sourceLabel,target,targetLabel,kind,role,validFrom,validTo');
    expect(rows.length).toBeGreaterThan(5);
    const nodes = await (await get('networkId=net-kuusamo&format=csv&part=nodes&at=2020-07-01')).text();
    expect(nodes).toMatch(/Kuusamon kaupunki/);
    const json: any = await (await get('networkId=net-kuusamo&format=json')).json();
    expect(json.elements.nodes.length).toBeGreaterThan(5);
    expect(json.elements.edges[0].data).toHaveProperty('source');
  });

  it('writes the Excel-fi dialect byte for byte: a byte-order mark, semicolons, the same rows (issue 15)', async () => {
    const standard = await (await get('networkId=net-kuusamo&format=csv&part=nodes&at=2020-07-01')).text();
    const response = await get('networkId=net-kuusamo&format=csv&part=nodes&at=2020-07-01&dialect=excel-fi');
    expect(response.headers.get('content-disposition')).toMatch(/nodes-excel-fi\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(standard.split('\r\n')[0].replaceAll(',', ';'));
    expect(text.split('\r\n').length).toBe(standard.split('\r\n').length);
    expect(text).toMatch(/;Kuusamon kaupunki;/);
    expect((await get('networkId=net-kuusamo&format=csv&dialect=excel-se')).status).toBe(400);
  });

  it('answers a bad request in words', async () => {
    const bad = await get('networkId=net-kuusamo&format=pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/Unknown format/);
    expect((await get('networkId=net-ei-ole&format=csv')).status).toBe(404);
  });
});
