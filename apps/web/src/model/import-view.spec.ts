import { canImport, changingRows, fileContent, newJobId, rowsToShow, toBase64, type ImportReport, type ReportRow } from './import-view';

const report = (totals: Partial<ImportReport['totals']>): ImportReport =>
  ({ totals: { rows: 0, created: 0, updated: 0, unchanged: 0, merged: 0, rejected: 0, ...totals } }) as ImportReport;

describe('the import page model', () => {
  it('sends a workbook as base64 and a CSV as text, in UTF-8 or Windows-1252', () => {
    const xlsx = fileContent('kumppanit.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4]));
    expect(xlsx).toEqual({ content: 'UEsDBA==', encoding: 'BASE64' });
    expect(fileContent('x.csv', new TextEncoder().encode('\uFEFFNimi;Säätiö'))).toEqual({ content: 'Nimi;Säätiö', encoding: 'TEXT' });
    expect(fileContent('x.csv', Uint8Array.from([0x53, 0xe4, 0xe4, 0x74, 0x69, 0xf6])).content).toBe('Säätiö');
  });

  it('encodes large files in base64 without overflowing the argument list', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('filters rows by outcome', () => {
    const rows = [{ outcome: 'REJECTED' }, { outcome: 'CREATED' }, { outcome: 'CREATED' }] as ReportRow[];
    expect(rowsToShow(rows, 'ALL')).toHaveLength(3);
    expect(rowsToShow(rows, 'CREATED')).toHaveLength(2);
  });

  it('lets the import write only something, and rejected rows only when they are skipped', () => {
    expect(changingRows(report({ created: 2, updated: 1, merged: 1, unchanged: 5 }))).toBe(4);
    expect(canImport(report({ created: 2 }), false)).toBe(true);
    expect(canImport(report({ created: 2, rejected: 1 }), false)).toBe(false);
    expect(canImport(report({ created: 2, rejected: 1 }), true)).toBe(true);
    expect(canImport(report({ unchanged: 3 }), true)).toBe(false);
  });

  it('makes job ids the API accepts', () => {
    expect(newJobId(() => 0.5)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
