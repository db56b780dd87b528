/** Pure logic of the import page: reading the chosen file for the API, and what the preview offers. */

export const OUTCOMES = ['REJECTED', 'MERGED', 'UPDATED', 'CREATED', 'UNCHANGED'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ReportMessage {
  severity: 'ERROR' | 'WARNING' | 'INFO';
  code: string;
  text: string;
}

export interface ReportRow {
  sheet: string;
  line: number;
  kind: string;
  outcome: Outcome;
  label: string;
  messages: ReportMessage[];
}

type Count = { created: number; updated: number; unchanged: number };

export interface ImportReport {
  fileName: string;
  dryRun: boolean;
  written: boolean;
  durationMs: number;
  sheets: { name: string; kind: string; rows: number }[];
  totals: { rows: number; created: number; updated: number; unchanged: number; merged: number; rejected: number };
  entities: { organisations: Count; projects: Count; activities: Count; participations: Count };
  funders: number;
  mergedNames: number;
  notices: ReportMessage[];
  rows: ReportRow[];
  rowsMatching: number;
}

export interface FileContent {
  content: string;
  encoding: 'TEXT' | 'BASE64';
}

/** A workbook goes as base64; a CSV as text, decoded as UTF-8 or else as Windows-1252 (older Excel). */
export function fileContent(name: string, bytes: Uint8Array): FileContent {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip || /\.xls[xm]$/i.test(name)) return { content: toBase64(bytes), encoding: 'BASE64' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return { content: text.replace(/^\uFEFF/, ''), encoding: 'TEXT' };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function rowsToShow(rows: ReportRow[], filter: Outcome | 'ALL'): ReportRow[] {
  return filter === 'ALL' ? rows : rows.filter((r) => r.outcome === filter);
}

/** Rows whose import changes something: new, updated or merged. */
export function changingRows(report: ImportReport): number {
  return report.totals.created + report.totals.updated + report.totals.merged;
}

/** Whether the import button may write: something to change, and no rejected row unless they are skipped. */
export function canImport(report: ImportReport, skipRejected: boolean): boolean {
  return changingRows(report) > 0 && (report.totals.rejected === 0 || skipRejected);
}

/** Records the import will create and update, for the summary line. */
export function recordCounts(report: ImportReport) {
  const e = report.entities;
  return {
    organisations: e.organisations.created,
    projects: e.projects.created,
    activities: e.activities.created,
    participations: e.participations.created,
    updates: e.organisations.updated + e.projects.updated + e.activities.updated + e.participations.updated,
  };
}

/** An id for polling importJob while an import runs. */
export function newJobId(random: () => number = Math.random): string {
  return `web-${Date.now().toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;
}
