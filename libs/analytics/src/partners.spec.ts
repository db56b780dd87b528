import { introductionPaths, partnerSuggestions, type PartnerRequest } from '@verkosto/analytics';
import { DomainError, MUNICIPALITIES, type GraphNode, type GraphSnapshot, type Sector } from '@verkosto/domain';
import { activity, edge, network, org, project, snapshot, takesPart } from './snapshots.fixture';

const AT = '2022-06-01';
const options = { municipalities: MUNICIPALITIES, today: '2030-01-01' };
const named = (n: GraphNode, label: string, municipalityCode: string | null = null): GraphNode => ({ ...n, label, municipalityCode });
const withTerms = (n: GraphNode, methodIds: string[], targetGroupIds: string[], municipalityCode: string | null = null): GraphNode => ({
  ...n,
  methodIds,
  targetGroupIds,
  municipalityCode,
});
const organisation = (id: string, label: string, municipalityCode: string | null, sector: Sector = 'THIRD', permanent = true) =>
  named(org(id, sector, permanent), label, municipalityCode);

/**
 * The asker A (Kuusamo) works with P1 (Kuusamon kaupunki) and P2 (Ksakki ry).
 * B shares nature-based work with immigrants in Kuusamo and both partners, and is a parish.
 * C is only in Kuusamo. D is in Oulu (same region) and does arts. E ended its tie with P1 in 2021.
 */
function world(): GraphSnapshot {
  return snapshot(
    [
      organisation('a', 'Asker ry', '305'),
      organisation('p1', 'Kuusamon kaupunki', '305', 'PUBLIC'),
      organisation('p2', 'Ksakki ry', '305'),
      organisation('b', 'Kuusamon seurakunta', '305', 'PARISH'),
      organisation('c', 'Kuusamon yritys Oy', '305', 'PRIVATE'),
      organisation('d', 'Oulun taideyhdistys ry', '564'),
      organisation('e', 'Entinen kumppani ry', '091'),
      withTerms(activity('x1', '2022-01-01', '2022-12-31'), ['co-development'], ['young-people'], '305'),
      withTerms(activity('x2', '2022-01-01', '2022-12-31'), ['nature-based'], ['immigrants'], '305'),
      withTerms(activity('x3', '2022-01-01', '2022-12-31'), ['peer-support'], ['older-people', 'young-people'], '305'),
      withTerms(activity('x4', '2022-01-01', '2022-12-31'), ['arts-based'], ['young-people'], '564'),
      withTerms(activity('x5', '2020-01-01', '2021-06-30'), ['peer-support'], [], '091'),
      withTerms(activity('x6', '2022-01-01', '2022-12-31'), ['workshop-activity'], [], null),
    ],
    [
      takesPart('a', 'x1'),
      takesPart('p1', 'x1'),
      takesPart('p2', 'x1'),
      takesPart('b', 'x2'),
      takesPart('p1', 'x2'),
      takesPart('b', 'x3'),
      takesPart('p2', 'x3'),
      takesPart('d', 'x4'),
      takesPart('e', 'x5'),
      takesPart('p1', 'x5'),
      takesPart('c', 'x6'),
    ],
  );
}

const ask = (request: PartnerRequest, s = world()) => partnerSuggestions(s, { at: AT, ...request }, options);
const ids = (xs: { organisation: { id: string } }[]) => xs.map((x) => x.organisation.id);

describe('partnerSuggestions', () => {
  it('ranks a candidate sharing method, place and two partners above one sharing only a place', () => {
    const r = ask({ organisationId: 'a', methodIds: ['nature-based'], targetGroupIds: ['immigrants'], municipalityCode: '305' });
    expect(ids(r.suggestions)[0]).toBe('b');
    const b = r.suggestions[0];
    const c = r.suggestions.find((s) => s.organisation.id === 'c')!;
    expect(b.score).toBeGreaterThan(c.score);
    const part = (s: typeof b, key: string) => s.parts.find((p) => p.key === key)!.value;
    expect(part(b, 'fit')).toBe(1);
    expect(part(c, 'fit')).toBe(0);
    expect(part(c, 'place')).toBe(1);
    expect(part(b, 'proximity')).toBeGreaterThan(0);
    expect(part(c, 'proximity')).toBe(0);
    // The parts add up to the score.
    expect(b.parts.reduce((s, p) => s + p.value * p.weight, 0)).toBeCloseTo(b.score, 5);
    expect(b.parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 5);
  });

  it('names the true shared partners and explains in three languages', () => {
    const r = ask({ organisationId: 'a', methodIds: ['nature-based'], targetGroupIds: ['immigrants'], municipalityCode: '305' });
    const b = r.suggestions[0];
    expect(b.sharedPartners).toEqual([
      { id: 'p2', label: 'Ksakki ry' },
      { id: 'p1', label: 'Kuusamon kaupunki' },
    ]);
    expect(b.explanation.en).toBe('works with immigrants using nature-based methods in Kuusamo; you share 2 partners: Ksakki ry, Kuusamon kaupunki; brings the parish sector');
    expect(b.explanation.fi).toContain('maahanmuuttajat');
    expect(b.explanation.fi).toContain('Kuusamo');
    expect(b.explanation.fi).toContain('2 yhteistä kumppania: Ksakki ry, Kuusamon kaupunki');
    expect(b.explanation.sv).toContain('invandrare');
    expect(b.explanation.sv).toContain('församlingarna');
    expect(b.evidence).toEqual(['x2']);
    const c = r.suggestions.find((s) => s.organisation.id === 'c')!;
    expect(c.sharedPartners).toEqual([]);
    expect(c.explanation.en).not.toContain('share');
  });

  it('keeps the asker and its current partners out of the ranking and lists the partners apart', () => {
    const r = ask({ organisationId: 'a', municipalityCode: '305' });
    expect(ids(r.suggestions)).not.toContain('a');
    expect(ids(r.suggestions)).not.toContain('p1');
    expect(ids(r.suggestions)).not.toContain('p2');
    expect(r.existingPartners.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(r.asker).toEqual({ id: 'a', label: 'Asker ry', kind: 'ORGANISATION' });
  });

  it('counts the same region as half a place', () => {
    const r = ask({ methodIds: ['arts-based'], municipalityCode: '305' });
    const d = r.suggestions.find((s) => s.organisation.id === 'd')!;
    expect(d.parts.find((p) => p.key === 'place')!.value).toBe(0.5);
    const byRegion = ask({ methodIds: ['arts-based'], regionCode: '17' });
    expect(byRegion.suggestions.find((s) => s.organisation.id === 'd')!.parts.find((p) => p.key === 'place')!.value).toBe(1);
  });

  it('filters by kind, sector and permanence, and respects the limit', () => {
    expect(ids(ask({ municipalityCode: '305', sectors: ['PARISH'] }).suggestions)).toEqual(['b']);
    expect(ask({ municipalityCode: '305', limit: 2 }).suggestions).toHaveLength(2);
    const s = world();
    s.nodes = s.nodes.map((n) => (n.id === 'b' ? { ...n, permanent: false } : n));
    expect(ids(ask({ municipalityCode: '305', onlyPermanent: true }, s).suggestions)).not.toContain('b');
    expect(ids(ask({ orgKinds: ['MUNICIPALITY'] }).suggestions)).toEqual([]);
  });

  it('scores recency from the last day of activity', () => {
    const r = ask({ methodIds: ['peer-support'] });
    const e = r.suggestions.find((s) => s.organisation.id === 'e')!;
    const b = r.suggestions.find((s) => s.organisation.id === 'b')!;
    expect(b.parts.find((p) => p.key === 'recency')!.value).toBe(1);
    const recency = e.parts.find((p) => p.key === 'recency')!.value;
    expect(recency).toBeGreaterThan(0);
    expect(recency).toBeLessThan(1);
  });

  it('suggests for a project: its participants are the existing partners', () => {
    const s = world();
    s.nodes.push(withTerms(project('prj', '2022-01-01', '2022-12-31'), ['nature-based'], ['immigrants']));
    s.edges.push(edge('RUNS_UNDER', 'x1', 'prj'), takesPart('a', 'prj', null, null, 'LEAD'));
    const r = ask({ projectId: 'prj' }, s);
    expect(r.asker).toMatchObject({ id: 'prj', kind: 'PROJECT' });
    expect(r.existingPartners.map((p) => p.id).sort()).toEqual(['a', 'p1', 'p2']);
    expect(ids(r.suggestions)[0]).toBe('b');
  });

  it('finds gaps against similar networks', () => {
    const s = world();
    s.nodes.push(network('net-other'), named(network('net-own'), 'Own network'));
    s.nodes = s.nodes.map((n) => (n.id === 'net-other' ? { ...n, label: 'Other network' } : n));
    s.edges.push(edge('IN_NETWORK', 'x2', 'net-other'), edge('IN_NETWORK', 'x3', 'net-other'), edge('IN_NETWORK', 'x1', 'net-own'));
    const r = ask({ organisationId: 'a' }, s);
    expect(r.similarNetworks).toEqual([{ id: 'net-other', label: 'Other network' }]);
    const keys = r.gaps.map((g) => `${g.kind}:${g.id}`);
    expect(keys).toContain('SECTOR:PARISH');
    expect(keys).toContain('METHOD:nature-based');
    expect(keys).toContain('TARGET_GROUP:immigrants');
    expect(keys).not.toContain('SECTOR:PUBLIC'); // p1 is public, so the asker's network has it
    expect(keys).not.toContain('METHOD:co-development');
  });

  it('refuses bad requests', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DomainError ? e.code : String(e);
      }
      return 'no error';
    };
    expect(code(() => partnerSuggestions(world(), {}, options))).toBe('BAD_USER_INPUT');
    expect(code(() => ask({ organisationId: 'nobody' }))).toBe('NOT_FOUND');
    expect(code(() => ask({ organisationId: 'x1' }))).toBe('NOT_FOUND');
    expect(code(() => ask({ projectId: 'nothing' }))).toBe('NOT_FOUND');
    expect(code(() => ask({ methodIds: ['no-such-method'] }))).toBe('BAD_USER_INPUT');
    expect(code(() => ask({ municipalityCode: '999' }))).toBe('BAD_USER_INPUT');
    expect(code(() => ask({ municipalityCode: '305', limit: 51 }))).toBe('BAD_USER_INPUT');
    expect(code(() => ask({ municipalityCode: '305', at: '2022-13-01' }))).toBe('BAD_USER_INPUT');
  });
});

describe('introductionPaths', () => {
  /**
   * a–b–d and a–c–d are the two shortest routes (2 hops); a–e–f–d is longer; the tie a–g–d ended
   * before the date, so it must not be used.
   */
  function graph(): GraphSnapshot {
    const orgs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => organisation(id, id.toUpperCase(), null));
    const pairs: [string, string, string | null][] = [
      ['a', 'b', null],
      ['b', 'd', null],
      ['a', 'c', null],
      ['c', 'd', null],
      ['a', 'e', null],
      ['e', 'f', null],
      ['f', 'd', null],
      ['a', 'g', '2021-12-31'],
      ['g', 'd', '2021-12-31'],
    ];
    const acts = pairs.map(([s, t, end]) => named(activity(`act-${s}${t}`, '2020-01-01', end ?? '2023-12-31'), `Activity ${s}${t}`));
    const edges = pairs.flatMap(([s, t]) => [takesPart(s, `act-${s}${t}`), takesPart(t, `act-${s}${t}`)]);
    return snapshot([...orgs, ...acts], edges);
  }

  it('returns every shortest path, naming who connects to whom through which activity', () => {
    const paths = introductionPaths(graph(), 'a', 'd', AT, 4);
    expect(paths.map((p) => p.organisations.map((o) => o.id))).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
    ]);
    expect(paths[0].hops).toBe(2);
    expect(paths[0].steps[0]).toEqual({
      from: { id: 'a', label: 'A' },
      to: { id: 'b', label: 'B' },
      via: [{ id: 'act-ab', label: 'Activity ab', kind: 'ACTIVITY' }],
    });
  });

  it('uses only ties active on the date', () => {
    const s = graph();
    // Before 2022 the route through g is as short as the others.
    expect(introductionPaths(s, 'a', 'd', '2021-06-01', 4).map((p) => p.organisations.map((o) => o.id).join(''))).toEqual(['abd', 'acd', 'agd']);
    // Drop b and c's ties: the only route left on the date is the 3-hop one, not the ended a–g–d.
    const only = { ...s, edges: s.edges.filter((e) => !['act-ab', 'act-cd'].includes(e.target)) };
    expect(introductionPaths(only, 'a', 'd', AT, 4).map((p) => p.organisations.map((o) => o.id).join(''))).toEqual(['aefd']);
    expect(introductionPaths(only, 'a', 'd', AT, 2)).toEqual([]);
  });

  it('refuses bad input', () => {
    expect(() => introductionPaths(graph(), 'a', 'd', AT, 5)).toThrow(/maxHops/);
    expect(() => introductionPaths(graph(), 'a', 'd', AT, 0)).toThrow(/maxHops/);
    expect(() => introductionPaths(graph(), 'a', 'nobody', AT, 4)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => introductionPaths(graph(), 'a', 'a', AT, 4)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('a frozen snapshot (as the store shares between writes)', () => {
  const deepFrozen = (s: GraphSnapshot): GraphSnapshot => {
    s.nodes.forEach((n) => Object.freeze(n));
    s.edges.forEach((e) => Object.freeze(e));
    return Object.freeze({ nodes: Object.freeze(s.nodes) as GraphNode[], edges: Object.freeze(s.edges) as GraphSnapshot['edges'] });
  };

  it('an empty snapshot or a lone organisation gets no suggestions and no paths, not an error', () => {
    const empty = deepFrozen(snapshot([], []));
    expect(partnerSuggestions(empty, { methodIds: ['nature-based'], at: AT }, options).suggestions).toEqual([]);
    const lone = deepFrozen(snapshot([organisation('a', 'Yksin ry', '305'), network('n')], [takesPart('a', 'n', '2020-01-01', null, 'MEMBER')]));
    const r = partnerSuggestions(lone, { organisationId: 'a' }, options);
    expect(r).toMatchObject({ at: '2020-01-01', suggestions: [], existingPartners: [], gaps: [] });
    expect(() => introductionPaths(lone, 'a', 'b', AT)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('answers every question, date after date and asked again, as an unfrozen copy does', () => {
    const frozen = deepFrozen(world());
    const requests: PartnerRequest[] = [
      { organisationId: 'a', methodIds: ['nature-based'], municipalityCode: '305' },
      { organisationId: 'p1' },
      { methodIds: ['peer-support'], regionCode: '19' },
      { organisationId: 'a' },
    ];
    for (const at of ['2020-06-01', AT, '2021-01-01', AT, '2020-06-01']) {
      for (const request of requests) {
        expect(partnerSuggestions(frozen, { ...request, at }, options)).toEqual(partnerSuggestions(world(), { ...request, at }, options));
      }
      expect(introductionPaths(frozen, 'a', 'b', at)).toEqual(introductionPaths(world(), 'a', 'b', at));
    }
  });
});
