import { messageText, type ImportLang } from './messages';
import type { EntityName, RowOutcome, RowResult } from './plan';
import type { ImportReport } from './run';

/** An import report as plain text, for the command line: counts, file notices, then rows worth reading. */
const WORDS = {
  fi: {
    dryRun: 'Esikatselu (mitään ei tallennettu)',
    written: 'Tallennettu',
    notWritten: 'Ei tallennettu',
    rows: 'Rivejä',
    outcome: { created: 'uusia', updated: 'päivitettyjä', unchanged: 'ennallaan', merged: 'yhdistettyjä', rejected: 'hylättyjä' },
    row: { created: 'uusi', updated: 'päivitetty', unchanged: 'ennallaan', merged: 'yhdistetty', rejected: 'hylätty' },
    entity: { organisations: 'Organisaatiot', projects: 'Hankkeet', activities: 'Toiminnot', participations: 'Osallistumiset' },
    counts: 'uusia {created}, päivitettyjä {updated}, ennallaan {unchanged}',
    funders: 'Rahoittajia (eri organisaatioita)',
    mergedNames: 'Nimen kirjoitusasuja yhdistetty',
    line: 'rivi',
    quiet: 'Muita rivejä ilman huomautuksia: {count} (--all näyttää kaikki).',
    took: 'Aikaa kului {seconds} s.',
  },
  sv: {
    dryRun: 'Förhandsgranskning (inget sparades)',
    written: 'Sparat',
    notWritten: 'Inte sparat',
    rows: 'Rader',
    outcome: { created: 'nya', updated: 'uppdaterade', unchanged: 'oförändrade', merged: 'sammanslagna', rejected: 'avvisade' },
    row: { created: 'ny', updated: 'uppdaterad', unchanged: 'oförändrad', merged: 'sammanslagen', rejected: 'avvisad' },
    entity: { organisations: 'Organisationer', projects: 'Projekt', activities: 'Verksamheter', participations: 'Deltaganden' },
    counts: 'nya {created}, uppdaterade {updated}, oförändrade {unchanged}',
    funders: 'Finansiärer (olika organisationer)',
    mergedNames: 'Namnformer sammanslagna',
    line: 'rad',
    quiet: 'Övriga rader utan anmärkningar: {count} (--all visar alla).',
    took: 'Det tog {seconds} s.',
  },
  en: {
    dryRun: 'Dry run (nothing was written)',
    written: 'Written',
    notWritten: 'Not written',
    rows: 'Rows',
    outcome: { created: 'created', updated: 'updated', unchanged: 'unchanged', merged: 'merged', rejected: 'rejected' },
    row: { created: 'created', updated: 'updated', unchanged: 'unchanged', merged: 'merged', rejected: 'rejected' },
    entity: { organisations: 'Organisations', projects: 'Projects', activities: 'Activities', participations: 'Participations' },
    counts: 'created {created}, updated {updated}, unchanged {unchanged}',
    funders: 'Funders (distinct organisations)',
    mergedNames: 'Name spellings merged',
    line: 'row',
    quiet: 'Other rows without remarks: {count} (--all shows every row).',
    took: 'Took {seconds} s.',
  },
} satisfies Record<ImportLang, unknown>;

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

/** Rows with something to say: any message, or an outcome other than created or unchanged. */
export const isNotable = (row: RowResult) => row.messages.length > 0 || (row.outcome !== 'created' && row.outcome !== 'unchanged');

export function formatReport(report: ImportReport, lang: ImportLang, options: { allRows?: boolean } = {}): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  const state = report.dryRun ? w.dryRun : report.written ? w.written : w.notWritten;
  lines.push(`${report.fileName} (${report.sheets.map((s) => `${s.name}: ${s.kind}, ${s.rows}`).join('; ')}) — ${state}`);
  const outcomes = (Object.keys(w.outcome) as RowOutcome[]).map((o) => `${w.outcome[o]} ${report.totals[o]}`).join(', ');
  lines.push(`${w.rows} ${report.totals.rows}: ${outcomes}`);
  for (const entity of Object.keys(w.entity) as EntityName[]) {
    const c = report.entities[entity];
    if (c.created + c.updated + c.unchanged > 0) lines.push(`${w.entity[entity]}: ${fill(w.counts, { ...c })}`);
  }
  if (report.funders > 0) lines.push(`${w.funders}: ${report.funders}`);
  if (report.mergedNames > 0) lines.push(`${w.mergedNames}: ${report.mergedNames}`);
  for (const notice of report.notices) lines.push(`! ${messageText(lang, notice)}`);
  lines.push('');
  let quiet = 0;
  for (const row of report.rows) {
    if (!options.allRows && !isNotable(row)) {
      quiet++;
      continue;
    }
    const where = report.sheets.length > 1 ? `${row.sheet} ${w.line} ${row.line}` : `${w.line} ${row.line}`;
    const remarks = row.messages.map((m) => messageText(lang, m)).join(' ');
    lines.push(`${where}: ${w.row[row.outcome]} — ${row.label}${remarks ? ` — ${remarks}` : ''}`);
  }
  if (quiet > 0) lines.push(fill(w.quiet, { count: quiet }));
  lines.push(fill(w.took, { seconds: (report.durationMs / 1000).toFixed(1) }));
  return lines.join('\n');
}
