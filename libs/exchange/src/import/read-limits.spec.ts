import ExcelJS from 'exceljs';
import { zipBombXlsx } from '../testing/zip-bomb';
import { READ_LIMITS, checkXlsxLimits } from './read-limits';
import { readCsv, readXlsx } from './sheets';

async function workbook(rows: number, columns: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Organisaatiot');
  sheet.addRow(['Organisaatio', 'Tyyppi', ...Array.from({ length: columns - 2 }, (_, i) => `Sarake ${i}`)]);
  for (let i = 0; i < rows; i++) sheet.addRow([`Yhdistys ${i} ry`, 'Yhdistys', ...Array.from({ length: columns - 2 }, () => 'x')]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: { code?: string; message: string }) => [e.code, e.message],
  );

describe('read limits of an .xlsx', () => {
  let bomb: Uint8Array;
  let lyingBomb: Uint8Array;
  beforeAll(async () => {
    [bomb, lyingBomb] = await Promise.all([zipBombXlsx(2_000_000), zipBombXlsx(2_000_000, { lieAboutSize: true })]);
  });

  it('is a real workbook when small: the bomb of three rows reads as three rows', async () => {
    const [sheet] = await readXlsx(await zipBombXlsx(3, { readable: true }), 'pieni.xlsx');
    expect(sheet.header).toEqual(['Organisaatio', 'Tyyppi']);
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['Pommi ry', 'Yhdistys'],
      ['Pommi ry', 'Yhdistys'],
      ['Pommi ry', 'Yhdistys'],
    ]);
  });

  it('refuses two million rows in 0.7 MB by the declared size, at once', async () => {
    expect(bomb.length).toBeLessThan(1_000_000);
    const started = performance.now();
    expect(await refusal(readXlsx(bomb, 'pommi.xlsx'))).toEqual(['unzippedTooLarge', expect.stringMatching(/over 40 MB unzipped/)]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('counts the inflated bytes when the zip directory lies, and stops at the cap, in bounded memory', async () => {
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(await refusal(checkXlsxLimits(lyingBomb, 'pommi.xlsx', { ...READ_LIMITS, maxRows: 10_000_000, maxCells: 100_000_000 }))).toEqual([
      'unzippedTooLarge',
      expect.any(String),
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('stops at the row cap and at the cell cap while inflating', async () => {
    expect(await refusal(readXlsx(lyingBomb, 'pommi.xlsx'))).toEqual(['tooManyRowsInFile', expect.stringMatching(/more than 100,000 rows/)]);
    const wide = await workbook(100, 12);
    await expect(checkXlsxLimits(wide, 'w.xlsx', { ...READ_LIMITS, maxRows: 100, maxCells: 1_212 })).resolves.toBeUndefined();
    expect(await refusal(checkXlsxLimits(wide, 'w.xlsx', { ...READ_LIMITS, maxRows: 99 }))).toEqual(['tooManyRowsInFile', expect.any(String)]);
    expect(await refusal(checkXlsxLimits(wide, 'w.xlsx', { ...READ_LIMITS, maxCells: 1_211 }))).toEqual(['tooManyCells', expect.any(String)]);
  });

  it('counts a tag cut by a chunk boundary once', async () => {
    // 65,536 bytes an inflate chunk: rows of odd length put their tags across boundaries.
    const file = await workbook(5_000, 3);
    await expect(checkXlsxLimits(file, 'w.xlsx', { ...READ_LIMITS, maxRows: 5_000, maxCells: 15_003 })).resolves.toBeUndefined();
    expect(await refusal(checkXlsxLimits(file, 'w.xlsx', { ...READ_LIMITS, maxCells: 15_002 }))).toEqual(['tooManyCells', expect.any(String)]);
  });

  it('refuses what is not a zip, in words', async () => {
    expect(await refusal(checkXlsxLimits(new TextEncoder().encode('not a zip'), 'x.xlsx'))).toEqual(['unreadableFile', expect.stringMatching(/not a zip/)]);
  });
});

describe('read limits of a CSV', () => {
  it('stops parsing one record past the row cap', () => {
    const csv = `Organisaatio;Tyyppi\n${'Yhdistys ry;Yhdistys\n'.repeat(11)}`;
    expect(readCsv(csv, 'o.csv', { ...READ_LIMITS, maxRows: 11 }).rows).toHaveLength(11);
    expect(() => readCsv(csv, 'o.csv', { ...READ_LIMITS, maxRows: 10 })).toThrow(/more than 10 rows/);
  });
});
