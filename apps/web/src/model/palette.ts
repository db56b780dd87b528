/**
 * Colours of the map. Every fill and line reaches 3:1 against the white map (WCAG 2.1 1.4.11,
 * non-text contrast) and text colours 4.5:1 (1.4.3); palette.spec.ts checks both.
 */

export const BACKGROUND = '#ffffff';
export const TEXT = '#1b1f24';
export const MUTED_TEXT = '#4a5560';

export const KIND_COLORS: Record<string, string> = {
  MUNICIPALITY: '#1f5fa8',
  WELLBEING_COUNTY: '#0b7285',
  AUTHORITY: '#5b4a9e',
  EDUCATION: '#b04a00',
  PARISH: '#8a3b8f',
  ASSOCIATION: '#2b7a2f',
  FOUNDATION: '#86670b',
  COMPANY: '#b3245a',
  OTHER: '#5f6b76',
};

export const SECTOR_COLORS: Record<string, string> = {
  PUBLIC: '#1f5fa8',
  THIRD: '#2b7a2f',
  PARISH: '#8a3b8f',
  PRIVATE: '#b3245a',
};

/** Non-organisation nodes: neutral fills, told apart by shape. */
export const NODE_KIND_COLORS: Record<string, string> = {
  PROJECT: '#6b4f1d',
  ACTIVITY: '#3f6e8c',
  NETWORK: '#1b1f24',
  OPERATING_MODEL: '#7a5c00',
};

export const NODE_SHAPES: Record<string, string> = {
  ORGANISATION: 'ellipse',
  PROJECT: 'diamond',
  ACTIVITY: 'round-rectangle',
  NETWORK: 'hexagon',
  OPERATING_MODEL: 'triangle',
};

export const EDGE_COLOR = '#6b7680';
export const OUTLIVED_COLOR = '#0a6b3d';
export const DIFF_COLORS = { added: '#0a6b3d', kept: '#5f6b76', lost: '#b3261e' } as const;
export const SELECTED_COLOR = '#c2410c';
/** Evidence and introduction paths lit on the map. */
export const SPOT_COLOR = '#6d28d9';

function channel(hex: string, i: number): number {
  const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export function nodeColor(kind: string, orgKind: string | null, sector: string | null, by: 'kind' | 'sector'): string {
  if (kind !== 'ORGANISATION') return NODE_KIND_COLORS[kind] ?? EDGE_COLOR;
  if (by === 'sector') return SECTOR_COLORS[sector ?? ''] ?? KIND_COLORS.OTHER;
  return KIND_COLORS[orgKind ?? ''] ?? KIND_COLORS.OTHER;
}
