import type { IsoDate } from './model';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Inclusive interval test used by every dated view: open ends reach forever. */
export function isActiveAt(from: IsoDate | null, to: IsoDate | null, at: IsoDate): boolean {
  return (from === null || from <= at) && (to === null || to >= at);
}

/** True when [from, to] overlaps the window [start, end] (either end of the window may be open). */
export function overlaps(from: IsoDate | null, to: IsoDate | null, start: IsoDate | null, end: IsoDate | null): boolean {
  return (end === null || from === null || from <= end) && (start === null || to === null || to >= start);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}
