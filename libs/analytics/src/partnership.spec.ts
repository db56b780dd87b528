import { partnershipMeasures } from '@verkosto/analytics';
import { activity, network, org, project, snapshot, takesPart } from './snapshots.fixture';
import { expectNoNaN } from './expect-finite.fixture';

const AT = '2024-01-01';

describe('E-I index by sector', () => {
  // a (public), b (public), c (third), d (parish): a–b internal; a–c, b–c, c–d external.
  const s = snapshot(
    [org('a', 'PUBLIC'), org('b', 'PUBLIC'), org('c', 'THIRD'), org('d', 'PARISH'), activity('x'), activity('y')],
    [takesPart('a', 'x'), takesPart('b', 'x'), takesPart('c', 'x'), takesPart('c', 'y'), takesPart('d', 'y')],
  );

  it('counts external minus internal over all ties, and per sector', () => {
    const m = partnershipMeasures(s, AT);
    expect(m.eiIndex).toMatchObject({ value: (3 - 1) / 4, internal: 1, external: 3, internalTies: ['a|b'] });
    expect(m.eiIndex.externalTies.sort()).toEqual(['a|c', 'b|c', 'c|d']);
    const bySector = Object.fromEntries(m.eiIndex.bySector.map((x) => [x.sector, x]));
    expect(bySector.PUBLIC).toMatchObject({ organisations: ['a', 'b'], internal: 1, external: 2, value: 1 / 3 });
    expect(bySector.THIRD).toMatchObject({ internal: 0, external: 3, value: 1 });
    expect(bySector.PARISH).toMatchObject({ internal: 0, external: 1, value: 1 });
  });

  it('reads an organisation without a recorded sector by its kind (a parish is the parish sector)', () => {
    const parish = { ...org('p'), sector: null, orgKind: 'PARISH' as const };
    const m = partnershipMeasures(snapshot([org('a', 'PARISH'), parish, activity('x')], [takesPart('a', 'x'), takesPart('p', 'x')]), AT);
    expect(m.eiIndex).toMatchObject({ value: -1, internalTies: ['a|p'], bySector: [{ sector: 'PARISH', organisations: ['a', 'p'] }] });
  });

  it('is −1 with one sector only, and null without ties', () => {
    const one = snapshot([org('a'), org('b'), activity('x')], [takesPart('a', 'x'), takesPart('b', 'x')]);
    expect(partnershipMeasures(one, AT).eiIndex).toMatchObject({ value: -1, internal: 1, external: 0 });
    const none = snapshot([org('a'), network('n')], [takesPart('a', 'n', null, null, 'MEMBER')]);
    const m = partnershipMeasures(none, AT);
    expect(m.eiIndex.value).toBeNull();
    expect(m.eiIndex.bySector).toEqual([{ sector: 'PUBLIC', organisations: ['a'], value: null, internal: 0, external: 0, internalTies: [], externalTies: [] }]);
    expectNoNaN(m);
  });
});

describe('transitivity and average clustering', () => {
  it('are 1 in a triangle, and match networkx on a triangle with a tail', () => {
    const tri = snapshot(
      [org('a'), org('b'), org('c'), activity('x')],
      ['a', 'b', 'c'].map((o) => takesPart(o, 'x')),
    );
    expect(partnershipMeasures(tri, AT).clustering).toMatchObject({ transitivity: 1, averageClustering: 1, triangles: 1, triples: 3 });
    // Triangle a-b-c and tail c–d: triangles 1, triples 1+1+3+0 = 5 → 3/5; local 1, 1, 1/3, 0 → 7/12.
    const tail = snapshot(
      [org('a'), org('b'), org('c'), org('d'), activity('x'), activity('y')],
      [...['a', 'b', 'c'].map((o) => takesPart(o, 'x')), takesPart('c', 'y'), takesPart('d', 'y')],
    );
    const c = partnershipMeasures(tail, AT).clustering;
    expect(c.transitivity).toBeCloseTo(3 / 5, 12);
    expect(c.averageClustering).toBeCloseTo(7 / 12, 12);
    expect(c.triangleTies.sort()).toEqual(['a|b', 'a|c', 'b|c']);
  });

  it('are 0 without ties or without triangles (a lone organisation counts as 0 in the average)', () => {
    expect(partnershipMeasures(snapshot([], []), AT).clustering).toMatchObject({ transitivity: 0, averageClustering: 0, triangles: 0 });
    const path = snapshot([org('a'), org('b'), org('c'), activity('x'), activity('y')], [takesPart('a', 'x'), takesPart('b', 'x'), takesPart('b', 'y'), takesPart('c', 'y')]);
    expect(partnershipMeasures(path, AT).clustering).toMatchObject({ transitivity: 0, averageClustering: 0, triples: 1 });
  });
});

describe('multiplexity', () => {
  it('counts ties joined in two or more ways: activity, project, same network', () => {
    const s = snapshot(
      [org('a'), org('b'), org('c'), activity('x'), activity('x2'), project('p'), network('n')],
      [
        takesPart('a', 'x'),
        takesPart('b', 'x'),
        takesPart('a', 'p'), // a–b: activity and project → multiplex
        takesPart('b', 'p'),
        takesPart('b', 'x2'),
        takesPart('c', 'x2'),
        takesPart('c', 'x'), // b–c: two activities only → not multiplex; a–c: activity and network → multiplex
        takesPart('a', 'n', null, null, 'MEMBER'),
        takesPart('c', 'n', null, '2023-06-30', 'MEMBER'),
      ],
    );
    expect(partnershipMeasures(s, '2023-01-01').multiplexity).toMatchObject({ value: 2 / 3, multiplex: 2, ties: 3, multiplexTies: ['a|b', 'a|c'] });
    // After c leaves the network, a–c is a single strand again.
    expect(partnershipMeasures(s, AT).multiplexity).toMatchObject({ multiplex: 1, multiplexTies: ['a|b'] });
  });

  it('is null without ties', () => {
    expect(partnershipMeasures(snapshot([org('a')], []), AT).multiplexity).toEqual({ value: null, multiplex: 0, ties: 0, multiplexTies: [] });
  });
});

describe('tie retention between two dates', () => {
  const s = snapshot(
    [org('a'), org('b'), org('c'), org('d'), activity('old', '2022-01-01', '2022-12-31'), activity('long', '2022-01-01', '2024-12-31'), activity('new', '2024-01-01')],
    [
      takesPart('a', 'long'),
      takesPart('b', 'long'), // a–b kept
      takesPart('c', 'old'),
      takesPart('a', 'old'), // a–c lost
      takesPart('d', 'new'),
      takesPart('b', 'new'), // b–d new
    ],
  );

  it('is |kept| ÷ |kept ∪ lost ∪ new|, whichever date comes first', () => {
    const r = partnershipMeasures(s, '2024-06-01', { comparedTo: '2022-06-01' }).retention;
    expect(r).toEqual({ from: '2022-06-01', to: '2024-06-01', value: 1 / 3, keptTies: ['a|b'], lostTies: ['a|c'], newTies: ['b|d'] });
    expect(partnershipMeasures(s, '2022-06-01', { comparedTo: '2024-06-01' }).retention).toEqual(r);
  });

  it('is 1 on identical dates with ties, null when neither date has a tie, and absent when not asked', () => {
    expect(partnershipMeasures(s, '2022-06-01', { comparedTo: '2022-06-01' }).retention).toMatchObject({ value: 1, lostTies: [], newTies: [] });
    expect(partnershipMeasures(s, '2021-01-01', { comparedTo: '2021-06-01' }).retention).toMatchObject({ value: null, keptTies: [] });
    expect(partnershipMeasures(s, AT).retention).toBeNull();
  });

  it('refuses a bad date', () => {
    expect(() => partnershipMeasures(s, AT, { comparedTo: '2024-13-01' })).toThrow(/comparedTo/);
  });
});

describe('the network without the project’s own actors', () => {
  // lead L runs project p with a, b; a and b also meet in activity x with c; d only in p.
  const s = snapshot(
    [org('lead', 'PUBLIC'), org('a', 'THIRD'), org('b', 'THIRD'), org('c', 'PARISH'), org('d', 'PRIVATE'), project('p'), activity('x')],
    [
      takesPart('lead', 'p', null, null, 'LEAD'),
      takesPart('a', 'p'),
      takesPart('b', 'p'),
      takesPart('d', 'p'),
      takesPart('lead', 'x'),
      takesPart('a', 'x'),
      takesPart('b', 'x'),
      takesPart('c', 'x'),
    ],
  );

  it('drops the project as a place to meet, its leads, and those who only took part in the project', () => {
    const m = partnershipMeasures(s, AT, { projectId: 'p' });
    expect(m).toMatchObject({ size: 5, ties: 9 });
    const w = m.withoutProject!;
    expect(w).toMatchObject({ projectId: 'p', removedOrganisations: ['lead'], size: 3, ties: 3, density: 1, organisations: ['a', 'b', 'c'] });
    expect(w.components).toEqual({ count: 1, largest: 3, largestMembers: ['a', 'b', 'c'] });
    expect(w.clustering.transitivity).toBe(1);
    expect(w.multiplexity.multiplex).toBe(0); // a–b met in p and x; without p, in x only
    expect(m.multiplexity.multiplexTies).toContain('a|b');
    expect(w.eiIndex).toMatchObject({ internal: 1, external: 2 });
  });

  it('is null for a network scope and NOT_FOUND for an unknown project', () => {
    expect(partnershipMeasures(s, AT).withoutProject).toBeNull();
    expect(() => partnershipMeasures(s, AT, { projectId: 'x' })).toThrow(/Project/);
  });

  it('leaves nothing when the lead was the only link', () => {
    const star = snapshot([org('lead'), org('a'), project('p')], [takesPart('lead', 'p', null, null, 'LEAD'), takesPart('a', 'p')]);
    const w = partnershipMeasures(star, AT, { projectId: 'p' }).withoutProject!;
    expect(w).toMatchObject({ size: 0, ties: 0, density: 0, components: { count: 0, largest: 0, largestMembers: [] } });
    expect(w.eiIndex.value).toBeNull();
    expectNoNaN(w);
  });
});
