import { contrast } from './palette';
import { CHART_BOX, CHART_COLORS, chartGeometry, LEVEL_COLORS, niceTicks } from './chart';

describe('chart geometry', () => {
  it('picks round ticks of 1, 2 or 5 × 10ⁿ from 0 to at least the largest value', () => {
    expect(niceTicks(12)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(28)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(0.49)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(1)).toEqual([0, 0.5, 1]);
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
    // Nothing to draw still gives an axis, never NaN.
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('draws bars from the baseline, taller for larger values, inside the box', () => {
    const g = chartGeometry({ labels: ['2020-Q1', '2020-Q2', '2020-Q3'], values: [3, 11, 0], kind: 'bar', integer: true });
    const base = CHART_BOX.height - CHART_BOX.bottom;
    expect(g.bars).toHaveLength(3);
    for (const b of g.bars) {
      expect(b.y + b.height).toBeCloseTo(base, 5);
      expect(b.x).toBeGreaterThanOrEqual(CHART_BOX.left);
      expect(b.x + b.width).toBeLessThanOrEqual(CHART_BOX.width - CHART_BOX.right);
    }
    expect(g.bars[1].height).toBeGreaterThan(g.bars[0].height);
    expect(g.bars[2].height).toBe(0);
    expect(g.yMax).toBeGreaterThanOrEqual(11);
    expect(g.points).toEqual([]);
  });

  it('breaks a line where a value is missing and keeps shares on a 0..1 scale', () => {
    const g = chartGeometry({ labels: ['a', 'b', 'c', 'd'], values: [null, 1, 0.5, 0.9], kind: 'line', max: 1 });
    expect(g.yMax).toBe(1);
    expect(g.points.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(g.path.startsWith('M')).toBe(true);
    expect(g.path.match(/M/g)).toHaveLength(1);
    const gap = chartGeometry({ labels: ['a', 'b', 'c'], values: [1, null, 1], kind: 'line', max: 1 });
    expect(gap.path.match(/M/g)).toHaveLength(2);
    expect(gap.points[0].y).toBe(CHART_BOX.top);
  });

  it('thins the x labels and places the marker after its period', () => {
    const labels = Array.from({ length: 24 }, (_, i) => `m${i}`);
    const g = chartGeometry({ labels, values: labels.map(() => 1), kind: 'bar', markerAfter: 11, maxLabels: 6 });
    expect(g.xTicks.length).toBeLessThanOrEqual(6);
    expect(g.xTicks[0].label).toBe('m0');
    const band = (CHART_BOX.width - CHART_BOX.left - CHART_BOX.right) / 24;
    expect(g.marker!.x).toBeCloseTo(CHART_BOX.left + band * 12, 0);
    expect(chartGeometry({ labels, values: labels.map(() => 1), kind: 'bar', markerAfter: -1 }).marker).toBeNull();
  });

  it('copes with no periods at all', () => {
    const g = chartGeometry({ labels: [], values: [], kind: 'bar' });
    expect(g.bars).toEqual([]);
    expect(g.xTicks).toEqual([]);
    expect(g.yTicks.every((t) => Number.isFinite(t.y))).toBe(true);
  });

  it.each(Object.entries({ ...CHART_COLORS, ...LEVEL_COLORS }).filter(([k]) => k !== 'grid'))('%s (%s) reaches 3:1 against white', (_k, colour) => {
    expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
