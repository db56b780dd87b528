import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { QUERY_LIMITS, queryLimitRules, type QueryLimits } from './query-limits';

const schema = buildSchema(`
  type Query { organisations(first: Int): OrgConnection!  organisation(id: ID!): Org  search(text: String!, limit: Int): [Org!]!  municipalities: [Municipality!]! }
  type Municipality { code: String! name: String! }
  type OrgConnection { nodes: [Org!]! totalCount: Int! }
  type Org { id: ID! name: String! partners: [Org!]! parent: Org }
`);

const check = (query: string, limits: Partial<QueryLimits> = { maxDepth: 4, maxCost: 1000 }) =>
  validate(schema, parse(query), [...specifiedRules, ...queryLimitRules({ ...QUERY_LIMITS, ...limits })]).map((e) => e.message);

describe('query limits', () => {
  it('lets an ordinary query through', () => {
    expect(check('{ organisations(first: 20) { totalCount nodes { id name } } }')).toEqual([]);
  });

  it('refuses nesting deeper than allowed (a leaf field counts as a level), through fragments too', () => {
    expect(check('{ organisation(id: "a") { parent { parent { id } } } }')).toEqual([]);
    expect(check('{ organisation(id: "a") { parent { parent { parent { id } } } } }')).toEqual(['The query nests 5 levels deep; at most 4 are allowed.']);
    expect(check('query Deep { organisation(id: "a") { ...P } } fragment P on Org { parent { parent { parent { id } } } }')).toEqual([
      'The query Deep nests 5 levels deep; at most 4 are allowed.',
    ]);
  });

  it('prices a list by its page size, a connection by its first, and an unsized list at ten', () => {
    // 1 (organisations) + 200 × (1 nodes… ) : nodes is a list sized by the connection's first.
    expect(check('{ organisations(first: 200) { nodes { id name } } }', { maxDepth: 9, maxCost: 402 })).toEqual([]);
    expect(check('{ organisations(first: 200) { nodes { id name } } }', { maxDepth: 9, maxCost: 401 })[0]).toMatch(/about 402 fields; at most 401/);
    // search(limit: 5) × partners (10) × 1 field = 1 + 5 × (1 + 10 × 1) = 56
    expect(check('{ search(text: "x", limit: 5) { partners { id } } }', { maxDepth: 9, maxCost: 56 })).toEqual([]);
    expect(check('{ search(text: "x", limit: 5) { partners { id } } }', { maxDepth: 9, maxCost: 55 })).toHaveLength(1);
  });

  it('takes a page size given as a variable at its largest', () => {
    expect(check('query($n: Int) { organisations(first: $n) { nodes { id } } }', { maxDepth: 9, maxCost: 202 })).toEqual([]);
    expect(check('query($n: Int) { organisations(first: $n) { nodes { id } } }', { maxDepth: 9, maxCost: 201 })[0]).toMatch(/about 202 fields/);
  });

  it('stops a fan-out of nested lists', () => {
    const errors = check('{ organisations(first: 100) { nodes { partners { partners { partners { id } } } } } }', { maxDepth: 10, maxCost: 100_000 });
    expect(errors[0]).toMatch(/fields; at most 100000/);
  });

  it('does not count introspection', () => {
    expect(check('{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }')).toEqual([]);
  });

  it("refuses the issue's flood: 2,500 aliased municipalities, priced at their real number", () => {
    const flood = `{ ${Array.from({ length: 2_500 }, (_, i) => `m${i}: municipalities { code name }`).join(' ')} }`;
    expect(check(flood, {})).toEqual([
      'The query asks for 2500 top-level fields; at most 20 are allowed.',
      'The query has 2500 aliased fields; at most 30 are allowed.',
      expect.stringMatching(/about 1602500 fields; at most 100000/),
    ]);
    // One list of municipalities is 320 items, not the 10 an unsized list is taken to hold.
    expect(check('{ municipalities { code name } }', { maxCost: 641 })).toEqual([]);
    expect(check('{ municipalities { code name } }', { maxCost: 640 })).toHaveLength(1);
  });

  it('counts a root field repeated without aliases, and through fragments', () => {
    const repeated = (n: number) => `{ ${'municipalities { code } '.repeat(n)} }`;
    expect(check(repeated(20), {})).toEqual([]);
    expect(check(repeated(21), {})).toEqual(['The query asks for 21 top-level fields; at most 20 are allowed.']);
    const spread = `query { ...F ...F } fragment F on Query { ${'municipalities { code } '.repeat(11)} }`;
    expect(check(spread, {})).toEqual(['The query asks for 22 top-level fields; at most 20 are allowed.']);
  });

  it('counts aliases at any depth', () => {
    const nested = (n: number) => `{ organisation(id: "a") { ${Array.from({ length: n }, (_, i) => `n${i}: name`).join(' ')} } }`;
    expect(check(nested(30), {})).toEqual([]);
    expect(check(nested(31), {})).toEqual(['The query has 31 aliased fields; at most 30 are allowed.']);
    // An alias equal to the field's name is no alias.
    expect(check(`{ organisation(id: "a") { ${'name: name '.repeat(40)} } }`, {})).toEqual([]);
  });
});
