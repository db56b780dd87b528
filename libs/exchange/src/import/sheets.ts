import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ImportFileError } from './messages';
import { READ_LIMITS, checkXlsxLimits, type ReadLimits } from './read-limits';

/**
 * A file's tables as text cells: what the planner reads, whichever format the file came in.
 * Row numbers are the ones a spreadsheet shows (the header is row 1), so messages point at them.
 */
export interface SheetRow {
  line: number;
  cells: string[];
}

export interface Sheet {
  /** The worksheet's name, or the file name for CSV. */
  name: string;
  header: string[];
  rows: SheetRow[];
}

/** Bytes of a text file: UTF-8 (with or without BOM), else Windows-1252, as older Excel saves CSV. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * CSV as Excel and registries write it: the delimiter (comma, semicolon or tab) is the one the
 * header line uses most; quoted cells may hold delimiters and line breaks.
 */
export function readCsv(text: string, name: string, limits: ReadLimits = READ_LIMITS): Sheet {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  // Parsing stops one record past the cap (empty lines count: row numbers come from positions).
  const to = limits.maxRows + 2;
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, relax_quotes: true, bom: true, to }) as string[][];
  } catch (error) {
    throw new ImportFileError('unreadableFile', { file: name, reason: error instanceof Error ? error.message : String(error) });
  }
  if (records.length >= to) throw new ImportFileError('tooManyRowsInFile', { max: limits.maxRows });
  return toSheet(name, records);
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Every worksheet of an .xlsx workbook, cells as text: dates as ISO dates, numbers as written.
 * The zip is inflated and counted against `limits` first, so exceljs only builds what fits.
 */
export async function readXlsx(bytes: Uint8Array, name: string, limits: ReadLimits = READ_LIMITS): Promise<Sheet[]> {
  await checkXlsxLimits(bytes, name, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types want a Node Buffer; its reader takes any ArrayBuffer view.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ImportFileError('unreadableFile', { file: name, reason: error instanceof Error ? error.message : String(error) });
  }
  return workbook.worksheets.map((sheet) => {
    const records: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
      records[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    return toSheet(
      sheet.name,
      Array.from(records, (r) => r ?? []),
    );
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text); // hyperlink
  if ('error' in value) return '';
  return String(value);
}

/** The first non-empty record is the header; rows wholly empty are dropped but keep their numbers. */
function toSheet(name: string, records: string[][]): Sheet {
  const trimmed = records.map((r) => r.map((c) => (c ?? '').trim()));
  const headerIndex = trimmed.findIndex((r) => r.some((c) => c !== ''));
  if (headerIndex < 0) return { name, header: [], rows: [] };
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    if (trimmed[i].some((c) => c !== '')) rows.push({ line: i + 1, cells: records[i].map((c) => c ?? '') });
  }
  return { name, header: trimmed[headerIndex], rows };
}
