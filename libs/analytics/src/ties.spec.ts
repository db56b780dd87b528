import { indexCollaborations, tieGraph, tiesOf } from '@verkosto/analytics';
import { activity, network, org, project, snapshot, takesPart } from './snapshots.fixture';

describe('tieGraph', () => {
  const s = snapshot(
    [org('a'), org('b'), org('c'), activity('x', '2021-01-01', '2021-06-30'), project('p', '2021-01-01', '2022-12-31'), network('n')],
    [
      takesPart('a', 'x'),
      takesPart('b', 'x'),
      takesPart('a', 'p', '2021-01-01', null, 'LEAD'),
      takesPart('b', 'p', '2021-03-01', null, 'CO_IMPLEMENTER'),
      takesPart('c', 'n', null, null, 'MEMBER'),
    ],
  );

  it('ties appear and end with the shared activity’s dates', () => {
    expect(tieGraph(s, '2020-12-31').ties).toEqual([]);
    expect(tieGraph(s, '2021-02-01').ties).toEqual([{ id: 'a|b', source: 'a', target: 'b', weight: 1, contexts: ['x'], from: '2021-01-01', to: '2021-06-30' }]);
    expect(tieGraph(s, '2022-12-31').ties.map((t) => [t.id, t.contexts])).toEqual([['a|b', ['p']]]);
    expect(tieGraph(s, '2023-01-01').ties).toEqual([]);
  });

  it('weight counts the activities and projects shared that day', () => {
    expect(tieGraph(s, '2021-04-01').ties[0]).toMatchObject({ weight: 2, contexts: ['p', 'x'] });
  });

  it('a window counts every tie that existed on some day in it', () => {
    const tg = tieGraph(s, { from: '2020-01-01', to: '2021-01-31' });
    expect(tg.window).toEqual({ from: '2020-01-01', to: '2021-01-31' });
    expect(tg.ties.map((t) => [t.id, t.weight])).toEqual([['a|b', 1]]);
    expect(tieGraph(s, { from: null, to: null }).ties[0].weight).toBe(2);
  });

  it('network membership puts an organisation on the map but ties no one', () => {
    expect(tieGraph(s, '2021-04-01').organisations).toEqual(['a', 'b', 'c']);
    expect(tieGraph(s, '2023-06-01').organisations).toEqual(['c']);
  });

  it('two organisations in the same activity on different days are not tied', () => {
    const t = snapshot([org('a'), org('b'), activity('x', '2021-01-01', '2021-12-31')], [takesPart('a', 'x', '2021-01-01', '2021-02-28'), takesPart('b', 'x', '2021-03-01')]);
    expect(tieGraph(t, { from: null, to: null }).ties).toEqual([]);
  });

  it('an activity with no dates is open at both ends', () => {
    const t = snapshot([org('a'), org('b'), activity('x')], [takesPart('a', 'x'), takesPart('b', 'x')]);
    expect(tieGraph(t, '1990-01-01').ties).toHaveLength(1);
    expect(tieGraph(t, '2090-01-01').ties[0]).toMatchObject({ from: null, to: null });
  });

  it('an index paired for one day or window answers inside it as the all-time index does, and refuses outside it', () => {
    const all = indexCollaborations(s);
    for (const when of ['2021-02-01', '2021-04-01', '2022-12-31', { from: '2021-01-01', to: '2021-02-28' }] as const) {
      expect(tiesOf(indexCollaborations(s, when), when)).toEqual(tiesOf(all, when));
    }
    const day = indexCollaborations(s, '2022-06-01');
    expect(day.pairSpells.map((p) => p.context)).toEqual(['p']); // x had ended: not paired at all
    expect(() => tiesOf(day, '2022-06-02')).toThrow(/index built for 2022-06-01/);
    expect(() => tiesOf(indexCollaborations(s, { from: '2021-01-01', to: null }), { from: null, to: '2021-03-01' })).toThrow(/index built/);
  });

  it('ignores edges to unknown nodes and rejects a backwards window', () => {
    const t = snapshot([org('a')], [takesPart('a', 'ghost'), takesPart('ghost', 'x')]);
    expect(tieGraph(t, '2021-01-01')).toMatchObject({ organisations: [], ties: [] });
    expect(() => tieGraph(t, { from: '2022-01-01', to: '2021-01-01' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
