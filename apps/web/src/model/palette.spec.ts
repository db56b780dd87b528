import {
  BACKGROUND,
  contrast,
  DIFF_COLORS,
  EDGE_COLOR,
  KIND_COLORS,
  MUTED_TEXT,
  NODE_KIND_COLORS,
  nodeColor,
  ROOTED_COLOR,
  SECTOR_COLORS,
  SELECTED_COLOR,
  SPOT_COLOR,
  TEXT,
} from './palette';

describe('palette (WCAG 2.1 AA)', () => {
  const graphics = { ...KIND_COLORS, ...SECTOR_COLORS, ...NODE_KIND_COLORS, EDGE_COLOR, ROOTED_COLOR, SELECTED_COLOR, SPOT_COLOR, ...DIFF_COLORS };

  it.each(Object.entries(graphics))('%s (%s) reaches 3:1 against the map', (_name, colour) => {
    expect(contrast(colour, BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('text reaches 4.5:1', () => {
    expect(contrast(TEXT, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(MUTED_TEXT, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it('computes the known ratio of black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('colours organisations by kind or sector and others by node kind', () => {
    expect(nodeColor('ORGANISATION', 'MUNICIPALITY', 'PUBLIC', 'kind')).toBe(KIND_COLORS.MUNICIPALITY);
    expect(nodeColor('ORGANISATION', 'PARISH', 'PARISH', 'sector')).toBe(SECTOR_COLORS.PARISH);
    expect(nodeColor('PROJECT', null, null, 'kind')).toBe(NODE_KIND_COLORS.PROJECT);
  });
});
