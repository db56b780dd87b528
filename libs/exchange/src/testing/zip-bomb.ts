import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

/**
 * A highly compressed .xlsx for tests and the bench: an organisations sheet of `rows` identical
 * rows (two million: 210 MB from 0.7 MB). exceljs reads cells only with their references
 * (`A2`), which `readable` writes, at 8 bytes a row zipped. With `lieAboutSize` the zip directory
 * declares each entry at most 100 bytes long, so only counting the inflated bytes catches it.
 */
export async function zipBombXlsx(rows: number, options: { lieAboutSize?: boolean; readable?: boolean } = {}): Promise<Uint8Array> {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Organisaatio</t></is></c><c r="B1" t="inlineStr"><is><t>Tyyppi</t></is></c></row>';
  const at = (ref: string) => (options.readable ? ` r="${ref}"` : '');
  const row = (n: number) => `<row${at(String(n))}><c${at(`A${n}`)} t="inlineStr"><is><t>Pommi ry</t></is></c><c${at(`B${n}`)} t="inlineStr"><is><t>Yhdistys</t></is></c></row>`;
  const sheet = await deflateRows(head, row, rows, '</sheetData></worksheet>', !!options.readable);
  const entries: ZipEntry[] = [
    plain(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    plain(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    plain(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Organisaatiot" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    plain(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    { name: 'xl/worksheets/sheet1.xml', method: 8 as const, ...sheet },
  ];
  return zip(entries.map((e) => (options.lieAboutSize ? { ...e, size: Math.min(e.size, 100) } : e)));
}

interface ZipEntry {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  size: number;
  crc: number;
}

function plain(name: string, text: string): ZipEntry {
  const data = Buffer.from(text);
  return { name, method: 0, data, size: data.length, crc: crc32(data) };
}

/** Rows that are all alike are one block written again; their CRC is left 0 (JSZip does not check it). */
async function deflateRows(head: string, row: (n: number) => string, rows: number, tail: string, distinct: boolean) {
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  const write = async (buffer: Buffer) => {
    if (distinct) crc = crc32(buffer, crc);
    size += buffer.length;
    if (!deflate.write(buffer)) await once(deflate, 'drain');
  };
  await write(Buffer.from(head));
  const alike = distinct ? null : Buffer.from(row(0).repeat(1000));
  for (let from = 2; from < rows + 2; from += 1000) {
    const length = Math.min(1000, rows + 2 - from);
    await write(alike && length === 1000 ? alike : Buffer.from(Array.from({ length }, (_, i) => row(from + i)).join('')));
  }
  await write(Buffer.from(tail));
  deflate.end();
  await once(deflate, 'end');
  return { data: Buffer.concat(out), size, crc };
}

function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
