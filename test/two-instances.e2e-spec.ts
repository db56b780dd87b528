import { TestApp } from './support/app';

jest.setTimeout(120_000);

type Graph = { networkGraph: { nodes: { id: string; label: string }[] } };
const GRAPH = '{ networkGraph(networkId: "net-kuusamo") { nodes { id label } } }';
const labelOf = (graph: Graph, id: string) => graph.networkGraph.nodes.find((n) => n.id === id)?.label;

/**
 * Two app processes on one database (one Neo4j, or one SQLite file): each sees the other's writes
 * on its next read, although both keep snapshots of the map between writes.
 */
describe('two instances on one database', () => {
  const first = new TestApp();
  const second = new TestApp(first.dataDir);
  beforeAll(async () => {
    await first.start();
    await second.start();
  }, 120_000);
  afterAll(async () => {
    await second.stop();
    await first.remove();
  });

  it("shows each instance the other's write on its next read", async () => {
    const before = await second.ok<Graph>(GRAPH);
    const org = before.networkGraph.nodes.find((n) => n.id.startsWith('org-'))!;
    expect(labelOf(await second.ok<Graph>(GRAPH), org.id)).toBe(org.label); // now kept by the second

    const renamed = `${org.label} (uusi nimi)`;
    await first.ok('mutation($id: ID!, $name: String!) { updateOrganisation(id: $id, input: { name: $name }) { id } }', { id: org.id, name: renamed });
    expect(labelOf(await second.ok<Graph>(GRAPH), org.id)).toBe(renamed);
    const { organisation } = await second.ok('query($id: ID!) { organisation(id: $id) { name } }', { id: org.id });
    expect(organisation.name).toBe(renamed);

    // And the other way round, through the history the second records.
    await second.ok('mutation($id: ID!, $name: String!) { updateOrganisation(id: $id, input: { name: $name }) { id } }', { id: org.id, name: org.label });
    expect(labelOf(await first.ok<Graph>(GRAPH), org.id)).toBe(org.label);
    const { changes } = await first.ok('query($id: ID!) { changes(entityId: $id, first: 2) { nodes { operation } } }', { id: org.id });
    expect(changes.nodes.map((c: { operation: string }) => c.operation)).toEqual(['UPDATE', 'UPDATE']);
  });
});
