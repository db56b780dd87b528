/**
 * Geometry of the small growth charts: scales, ticks, bars, lines and a marker, in SVG user units.
 * Pure numbers (chart.spec.ts); pages/evaluate.ts turns them into <svg> elements.
 */

/** The drawing box: a viewBox of width × height with room for the axes' labels. */
export const CHART_BOX = { width: 360, height: 176, left: 38, right: 8, top: 18, bottom: 30 } as const;

/** Chart marks. Each reaches 3:1 against white (chart.spec.ts), as WCAG 1.4.11 asks of graphics. */
export const CHART_COLORS = { bar: '#1f5fa8', line: '#0a6b3d', marker: '#b3261e', grid: '#c9ced4', axis: '#4a5560' } as const;

/** Levels of a rooting part, by colour and (always) by word beside it. */
export const LEVEL_COLORS = { high: '#0a6b3d', mid: '#86670b', low: '#b3261e' } as const;

export type ChartKind = 'bar' | 'line';

export interface ChartInput {
  labels: string[];
  values: (number | null)[];
  kind: ChartKind;
  /** A fixed top of the scale (1 for shares); otherwise a round number above the largest value. */
  max?: number;
  /** Whole-number ticks only (counts). */
  integer?: boolean;
  /** Draw a vertical line after this period (e.g. the one in which the project ends). */
  markerAfter?: number | null;
  /** At most this many labels under the x axis; the rest are skipped evenly. */
  maxLabels?: number;
}

export interface ChartGeometry {
  yTicks: { value: number; y: number }[];
  xTicks: { index: number; x: number; label: string }[];
  bars: { index: number; x: number; y: number; width: number; height: number; value: number }[];
  points: { index: number; x: number; y: number; value: number }[];
  /** The line through the points; a null value breaks it ("M" starts a new piece). */
  path: string;
  marker: { x: number } | null;
  yMax: number;
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, about `count` of them. */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
  if (integer) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(input: ChartInput): ChartGeometry {
  const { width, height, left, right, top, bottom } = CHART_BOX;
  const n = input.labels.length;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const finite = input.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const ticks = input.max !== undefined ? niceTicks(input.max, 4, false).filter((v) => v <= input.max! + 1e-9) : niceTicks(Math.max(0, ...finite), 4, input.integer);
  const yMax = ticks[ticks.length - 1] || 1;
  const y = (v: number) => round(top + plotH - (Math.min(Math.max(v, 0), yMax) / yMax) * plotH);
  const band = n > 0 ? plotW / n : plotW;
  const cx = (i: number) => round(left + band * (i + 0.5));
  const every = Math.max(1, Math.ceil(n / (input.maxLabels ?? 6)));
  const xTicks = input.labels.map((label, index) => ({ index, x: cx(index), label })).filter((t) => t.index % every === 0);
  const bars: ChartGeometry['bars'] = [];
  const points: ChartGeometry['points'] = [];
  let path = '';
  let pen = false;
  input.values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      pen = false;
      return;
    }
    if (input.kind === 'bar') {
      const w = Math.max(1, round(band * 0.7));
      const top = y(value);
      bars.push({ index, x: round(cx(index) - w / 2), y: top, width: w, height: round(y(0) - top), value });
    } else {
      points.push({ index, x: cx(index), y: y(value), value });
      path += `${pen ? 'L' : 'M'}${cx(index)} ${y(value)}`;
      pen = true;
    }
  });
  const after = input.markerAfter;
  const marker = after !== null && after !== undefined && after >= 0 && after < n ? { x: round(left + band * (after + 1)) } : null;
  return { yTicks: ticks.map((value) => ({ value, y: y(value) })), xTicks, bars, points, path, marker, yMax };
}
