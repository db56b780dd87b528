import { createInflateRaw } from 'node:zlib';
import { ImportFileError } from './messages';

/**
 * How much one file may hold, checked while it is read: a spreadsheet is built in memory whole
 * (exceljs holds about 500 bytes per cell), so a 1.6 MB zip of two million rows must be stopped
 * while it inflates, not after.
 */
export interface ReadLimits {
  /** Data rows in the whole file (every sheet). */
  maxRows: number;
  /** Cells of every worksheet of an .xlsx, empty ones written in the file included. */
  maxCells: number;
  /** Bytes of an .xlsx's contents once unzipped, every entry together. */
  maxUnzippedBytes: number;
}

/** 100,000 rows of a template; 600,000 cells (the registry list as .xlsx has 400,000) take about 350 MB while read. */
export const READ_LIMITS: ReadLimits = { maxRows: 100_000, maxCells: 600_000, maxUnzippedBytes: 40 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row or cell start tag, with or without a namespace prefix; `<rowBreaks>` and `<cols>` are not. */
const TAG = /<(?:\w+:)?(row|c)[\s>/]/g;
/** Longest tag TAG matches that a chunk boundary could cut: `<` + a prefix + `row` + one character. */
const TAG_OVERLAP = 24;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/**
 * Reads an .xlsx's zip directory and inflates every entry as a stream, counting bytes, rows and
 * cells as they come, and refuses the file as soon as a limit is passed (declared sizes are
 * checked first; the inflated bytes count whatever the directory claims). Memory stays at one
 * inflate chunk; nothing is kept.
 */
export async function checkXlsxLimits(bytes: Uint8Array, name: string, limits: ReadLimits = READ_LIMITS): Promise<void> {
  const entries = zipEntries(bytes, name);
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > limits.maxUnzippedBytes) throw unzippedTooLarge(limits);
  const count = { bytes: 0, rows: 0, cells: 0 };
  for (const entry of entries) {
    const data = entryData(bytes, entry, name);
    const worksheet = WORKSHEET.test(entry.name);
    let tail = '';
    for await (const chunk of inflate(data, entry.method, name)) {
      count.bytes += chunk.length;
      if (count.bytes > limits.maxUnzippedBytes) throw unzippedTooLarge(limits);
      if (!worksheet) continue;
      // latin1 keeps one character per byte; the tags are ASCII.
      const text = tail + chunk.toString('latin1');
      for (const match of text.matchAll(TAG)) {
        if (match.index + match[0].length <= tail.length) continue; // counted with the previous chunk
        if (match[1] === 'row') count.rows++;
        else count.cells++;
      }
      tail = text.slice(-TAG_OVERLAP);
      // The header row is one of them.
      if (count.rows > limits.maxRows + 1) throw new ImportFileError('tooManyRowsInFile', { max: limits.maxRows });
      if (count.cells > limits.maxCells) throw new ImportFileError('tooManyCells', { max: limits.maxCells });
    }
  }
}

const unzippedTooLarge = (limits: ReadLimits) => new ImportFileError('unzippedTooLarge', { max: Math.floor(limits.maxUnzippedBytes / (1024 * 1024)) });

const unreadable = (name: string, reason: string) => new ImportFileError('unreadableFile', { file: name, reason });

function zipEntries(bytes: Uint8Array, name: string): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable(name, 'it is not a zip file (an .xlsx is one).');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw unreadable(name, 'its zip directory is damaged.');
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: Entry, name: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw unreadable(name, 'its zip directory is damaged.');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw unreadable(name, 'it is cut short.');
  return bytes.subarray(start, start + entry.compressedSize);
}

async function* inflate(data: Uint8Array, method: number, name: string): AsyncGenerator<Buffer> {
  if (method === STORED) {
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return;
  }
  if (method !== DEFLATED) throw unreadable(name, `it uses a zip compression (${method}) that spreadsheets do not.`);
  // Inflated on the thread pool, a chunk at a time; leaving the loop early destroys the stream.
  const stream = createInflateRaw();
  stream.end(data);
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw unreadable(name, error instanceof Error ? error.message : String(error));
  }
}
