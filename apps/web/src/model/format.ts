/** Numbers and dates as the evaluator and partner pages print them, per language. Pure. */
import { LOCALES, type Lang } from './i18n';

/** A measure in 0..1 (or any decimal) with a fixed number of decimals: 0,41 in Finnish, 0.41 in English. */
export function formatDecimal(lang: Lang, value: number, digits = 2): string {
  return value.toLocaleString(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A share as a whole percentage: 0.2 → "20 %" (fi, sv) or "20%" (en). */
export function formatPercent(lang: Lang, share: number): string {
  return share.toLocaleString(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 });
}

export function formatInteger(lang: Lang, value: number): string {
  return Math.round(value).toLocaleString(LOCALES[lang]);
}

/** Today in the user's own time zone, YYYY-MM-DD (toISOString would give the UTC day). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A value clamped to 0..1 as a CSS width percentage for a bar. */
export function barPercent(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  return Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 10;
}
