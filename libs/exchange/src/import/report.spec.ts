import { message } from './messages';
import { formatReport } from './report';
import type { ImportReport } from './run';

const report: ImportReport = {
  fileName: 'kumppanit.csv',
  format: 'csv',
  sheets: [{ name: 'kumppanit.csv', kind: 'organisations', rows: 3 }],
  dryRun: false,
  written: false,
  totals: { rows: 3, created: 1, updated: 0, unchanged: 1, merged: 0, rejected: 1 },
  entities: {
    organisations: { created: 1, updated: 0, unchanged: 1 },
    projects: { created: 0, updated: 0, unchanged: 0 },
    activities: { created: 0, updated: 0, unchanged: 0 },
    participations: { created: 0, updated: 0, unchanged: 0 },
  },
  funders: 0,
  mergedNames: 0,
  notices: [message('error', 'nothingWritten', { count: 1 })],
  rows: [
    { sheet: 'kumppanit.csv', line: 2, kind: 'organisations', outcome: 'created', label: 'Uusi ry', id: 'org-1', messages: [] },
    { sheet: 'kumppanit.csv', line: 3, kind: 'organisations', outcome: 'unchanged', label: 'Vanha ry', id: 'org-2', messages: [] },
    {
      sheet: 'kumppanit.csv',
      line: 4,
      kind: 'organisations',
      outcome: 'rejected',
      label: 'Väärä Oy',
      id: null,
      messages: [message('error', 'invalidBusinessId', { value: '1234567-8' })],
    },
  ],
  durationMs: 1234,
};

describe('the command-line report', () => {
  it('gives counts, notices and the rows worth reading, in English', () => {
    expect(formatReport(report, 'en').split('\n')).toEqual([
      'kumppanit.csv (kumppanit.csv: organisations, 3) — Not written',
      'Rows 3: created 1, updated 0, unchanged 1, merged 0, rejected 1',
      'Organisations: created 1, updated 0, unchanged 1',
      '! Rejected rows: 1, so nothing was written. Correct them and import the file again, or import the other rows and skip the rejected ones.',
      '',
      'row 4: rejected — Väärä Oy — “1234567-8” is not a valid Finnish business ID (form 1234567-8, the check digit must match).',
      'Other rows without remarks: 2 (--all shows every row).',
      'Took 1.2 s.',
    ]);
  });

  it('lists every row on request, in Finnish', () => {
    const text = formatReport(report, 'fi', { allRows: true });
    expect(text).toContain('rivi 2: uusi — Uusi ry');
    expect(text).toContain('rivi 4: hylätty — Väärä Oy — ”1234567-8” ei ole kelvollinen Y-tunnus');
    expect(text).not.toContain('ilman huomautuksia');
  });
});
