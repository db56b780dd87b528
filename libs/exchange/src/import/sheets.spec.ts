import ExcelJS from 'exceljs';
import { TEMPLATES, TEMPLATE_KINDS } from './columns';
import { recogniseSheet } from './run';
import { decodeText, readCsv, readXlsx } from './sheets';
import { templateCsv, templateXlsx } from './templates';

describe('reading CSV', () => {
  it('finds the delimiter from the header and keeps quoted delimiters and line breaks', () => {
    const sheet = readCsv('\uFEFFOrganisaatio;Y-tunnus;Kunta\r\n"Keski- ja Etelä-Pohjanmaan Martat; ry";;Kokkola\r\n"Kahden\nrivin nimi";0179377-8;\r\n', 'o.csv');
    expect(sheet.header).toEqual(['Organisaatio', 'Y-tunnus', 'Kunta']);
    expect(sheet.rows.map((r) => r.cells[0])).toEqual(['Keski- ja Etelä-Pohjanmaan Martat; ry', 'Kahden\nrivin nimi']);
    expect(sheet.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads the registry as exported: commas, raw cells with their spaces', () => {
    const sheet = readCsv('Koodi,Rahasto,Hankkeen nimi,Viranomainen\nA70301,EAKR,Reaktek, Innovaatiorahoituskeskus Tekes\n', 'r.csv');
    expect(sheet.rows[0].cells).toEqual(['A70301', 'EAKR', 'Reaktek', ' Innovaatiorahoituskeskus Tekes']);
  });

  it('drops empty rows but keeps the row numbers a spreadsheet shows', () => {
    const sheet = readCsv('a,b\n1,2\n\n,\n3,4\n', 'x.csv');
    expect(sheet.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [5, '3'],
    ]);
  });

  it('decodes UTF-8, and falls back to Windows-1252 as old Excel saves CSV', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFSäätiö'))).toBe('Säätiö');
    expect(decodeText(Uint8Array.from([0x53, 0xe4, 0xe4, 0x74, 0x69, 0xf6]))).toBe('Säätiö');
  });
});

describe('reading XLSX', () => {
  it('reads every sheet; dates become ISO dates, formulas their results, rich text its text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Toiminnot');
    sheet.addRow(['Toiminnan nimi', 'Toiminnan tyyppi', 'Alkaa', 'Kuvaus']);
    sheet.addRow([{ richText: [{ text: 'Kesä' }, { text: 'keidas' }] }, 'Tapahtuma', new Date(Date.UTC(2021, 5, 1)), { formula: '1+1', result: 2 }]);
    workbook.addWorksheet('Tyhjä');
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 'w.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(['Toiminnot', 'Tyhjä']);
    expect(sheets[0].rows).toEqual([{ line: 2, cells: ['Kesäkeidas', 'Tapahtuma', '2021-06-01', '2'] }]);
    expect(sheets[1].header).toEqual([]);
  });

  it('refuses a file that is not a workbook, in words', async () => {
    await expect(readXlsx(new TextEncoder().encode('not a zip'), 'x.xlsx')).rejects.toThrow(/could not be read/);
  });
});

describe('templates', () => {
  it.each(TEMPLATE_KINDS)('%s: CSV and XLSX templates read back as that template, with the example row', async (kind) => {
    const csv = readCsv(decodeText(templateCsv(kind).body), 'pohja.csv');
    expect(recogniseSheet(csv.header)).toBe(kind);
    expect(csv.header).toEqual(TEMPLATES[kind].columns.map((c) => c.headers.fi));
    expect(csv.rows).toHaveLength(1);
    const [sheet, instructions] = await readXlsx(new Uint8Array((await templateXlsx(kind)).body), 'pohja.xlsx');
    expect(recogniseSheet(sheet.header)).toBe(kind);
    expect(sheet.rows[0].cells).toEqual(csv.rows[0].cells);
    expect(instructions.name).toBe('Ohjeet');
  });

  it('gives the headers in Swedish and English too, and recognises them', () => {
    for (const lang of ['sv', 'en'] as const) {
      const sheet = readCsv(decodeText(templateCsv('participations', lang).body), 'x.csv');
      expect(recogniseSheet(sheet.header)).toBe('participations');
    }
    expect(decodeText(templateCsv('organisations', 'sv').body)).toContain('FO-nummer;Typ');
  });

  it('tells organisations from participations, and the registry from a projects sheet', () => {
    expect(recogniseSheet(['Organisaatio', 'Y-tunnus'])).toBe('organisations');
    expect(recogniseSheet(['Organisaatio', 'Y-tunnus', 'Kohde', 'Rooli'])).toBe('participations');
    expect(recogniseSheet(['Koodi', 'Rahasto', 'Hankkeen nimi', 'Tl', 'Viranomainen', 'Toteuttajan nimi'])).toBe('registry');
    expect(recogniseSheet(['Hankekoodi', 'Hankkeen nimi'])).toBe('projects');
    expect(recogniseSheet(['Nimi', 'Osoite'])).toBeNull();
  });
});
