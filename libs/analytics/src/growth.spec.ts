import { growth } from '@verkosto/analytics';
import { activity, org, snapshot, takesPart } from './snapshots.fixture';
import { expectNoNaN } from './expect-finite.fixture';

describe('growth', () => {
  // a and b meet in x (Jan–Mar); c joins a in y (Feb–Apr); b leaves with x.
  const s = snapshot(
    [org('a'), org('b'), org('c'), activity('x', '2021-01-01', '2021-03-31'), activity('y', '2021-02-01', '2021-04-30')],
    [takesPart('a', 'x'), takesPart('b', 'x'), takesPart('a', 'y'), takesPart('c', 'y')],
  );

  it('counts organisations, new ones, ties, activities, density and retention per month', () => {
    const series = growth(s, '2021-01-01', '2021-04-30', 'MONTH');
    expect(series.map((p) => p.label)).toEqual(['2021-01', '2021-02', '2021-03', '2021-04']);
    expect(series.map((p) => [p.activeOrganisations, p.newOrganisations, p.ties, p.activities])).toEqual([
      [2, 2, 1, 1],
      [3, 1, 2, 2],
      [3, 0, 2, 2],
      [2, 0, 1, 1],
    ]);
    expect(series.map((p) => p.retention)).toEqual([null, 1, 1, 2 / 3]);
    expect(series[1].density).toBeCloseTo(2 / 3, 10);
    expect(series[1].evidence.newOrganisations).toEqual(['c']);
    expect(series[3].evidence.retained).toEqual(['a', 'c']);
    expect(series[3]).toMatchObject({ from: '2021-04-01', to: '2021-04-30' });
  });

  it('quarters are calendar quarters clipped to the window', () => {
    const series = growth(s, '2021-02-15', '2021-05-10', 'QUARTER');
    expect(series.map((p) => [p.label, p.from, p.to])).toEqual([
      ['2021-Q1', '2021-02-15', '2021-03-31'],
      ['2021-Q2', '2021-04-01', '2021-05-10'],
    ]);
    expect(series[1].retention).toBeCloseTo(2 / 3, 10);
  });

  it('an empty snapshot gives zeros and a null retention where nobody was active', () => {
    const series = growth(snapshot([], []), '2021-01-01', '2021-03-31', 'MONTH');
    expect(series).toHaveLength(3);
    expect(series.every((p) => p.activeOrganisations === 0 && p.density === 0 && p.retention === null)).toBe(true);
    expectNoNaN(series);
  });

  it('a single organisation has density 0 and full retention', () => {
    const one = snapshot([org('a'), activity('x', '2021-01-01', null)], [takesPart('a', 'x')]);
    const series = growth(one, '2021-01-01', '2021-02-28', 'MONTH');
    expect(series.map((p) => [p.activeOrganisations, p.density, p.retention])).toEqual([
      [1, 0, null],
      [1, 0, 1],
    ]);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => growth(s, '2021-05-01', '2021-01-01', 'MONTH')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
