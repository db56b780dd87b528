import ExcelJS from 'exceljs';
import { TEMPLATES, type Column, type TemplateKind } from './columns';
import type { ImportLang } from './messages';
import { allowedLabels, labelOf, parseChoice, type VocabularyName } from './vocabulary';

/**
 * Downloadable templates: a header row in the chosen language and one example row. The CSV uses
 * semicolons and a byte-order mark, which is what Excel in Finland opens as columns; the workbook
 * adds an instructions sheet and drop-down lists for coded columns. The reader accepts both.
 */
export const INSTRUCTION_SHEETS = ['Ohjeet', 'Anvisningar', 'Instructions'];
const INSTRUCTIONS: Record<ImportLang, string> = { fi: 'Ohjeet', sv: 'Anvisningar', en: 'Instructions' };

const CHOICES: Record<string, VocabularyName | `roles`> = {
  kind: 'kind',
  sector: 'sector',
  type: 'activityType',
  role: 'roles',
  targetKind: 'targetKind',
  permanent: 'boolean',
};

type Hint = Record<ImportLang, string>;
const HINTS: Record<string, Hint> = {
  date: { fi: 'Päivämäärä, esim. 31.12.2024', sv: 'Datum, t.ex. 31.12.2024', en: 'A date, e.g. 31.12.2024' },
  amount: {
    fi: 'Euroina, esim. 12500 tai 12 500,50 (ei 12.500: se voisi olla 12,5)',
    sv: 'I euro, t.ex. 12500 eller 12 500,50 (inte 12.500: det kunde vara 12,5)',
    en: 'Euros, e.g. 12500 or 12 500,50 (not 12.500: it could be 12.5)',
  },
  list: { fi: 'Useita voi erottaa puolipisteellä', sv: 'Flera kan skiljas med semikolon', en: 'Separate several with semicolons' },
  businessId: { fi: 'Muodossa 1234567-8', sv: 'I formen 1234567-8', en: 'As 1234567-8' },
  municipality: { fi: 'Kunnan nimi tai kuntanumero', sv: 'Kommunens namn eller nummer', en: 'The municipality’s name or number' },
  project: { fi: 'Hankekoodi tai hankkeen nimi', sv: 'Projektkod eller projektets namn', en: 'Project code or name' },
  continues: {
    fi: 'Edellisen kauden saman toiminnan nimi',
    sv: 'Namnet på samma verksamhet föregående säsong',
    en: 'The name of the same activity in the previous season',
  },
  target: {
    fi: 'Hankekoodi tai hankkeen, toiminnan tai verkoston nimi',
    sv: 'Projektkod eller namnet på ett projekt, en verksamhet eller ett nätverk',
    en: 'A project code, or the name of a project, activity or network',
  },
  networks: { fi: 'Olemassa olevan verkoston nimi', sv: 'Namnet på ett befintligt nätverk', en: 'The name of an existing network' },
  terms: { fi: 'Sanaston termi', sv: 'En term i vokabulären', en: 'A term of the vocabulary' },
  required: { fi: 'Pakollinen', sv: 'Obligatorisk', en: 'Required' },
  choose: { fi: 'Vaihtoehdot', sv: 'Alternativ', en: 'Choose from' },
  column: { fi: 'Sarake', sv: 'Kolumn', en: 'Column' },
  guide: { fi: 'Ohje', sv: 'Anvisning', en: 'Guidance' },
  intro: {
    fi: 'Täytä yksi rivi kutakin kohden ja poista esimerkkirivi. Tyhjä solu jättää tallennetun tiedon ennalleen. Tuonti näyttää ensin esikatselun.',
    sv: 'Fyll i en rad per objekt och ta bort exempelraden. En tom cell lämnar sparade uppgifter orörda. Importen visar först en förhandsgranskning.',
    en: 'Fill in one row per item and delete the example row. An empty cell leaves the stored value alone. The import shows a preview first.',
  },
};

function hint(column: Column, lang: ImportLang): string {
  const key = column.key;
  const choice = CHOICES[key];
  const parts: string[] = [];
  if (column.required) parts.push(HINTS.required[lang]);
  if (choice) parts.push(`${HINTS.choose[lang]}: ${choice === 'roles' ? allowedLabels('role', lang) : allowedLabels(choice, lang)}`);
  else if (/Date$|^valid/.test(key)) parts.push(HINTS.date[lang]);
  else if (/Funding$|^budget$/.test(key)) parts.push(HINTS.amount[lang]);
  else if (key === 'businessId') parts.push(HINTS.businessId[lang]);
  else if (key === 'municipality') parts.push(HINTS.municipality[lang]);
  else if (key === 'project' || key === 'predecessor') parts.push(HINTS.project[lang]);
  else if (key === 'continues') parts.push(HINTS.continues[lang]);
  else if (key === 'target') parts.push(HINTS.target[lang]);
  else if (key === 'networks') parts.push(HINTS.networks[lang]);
  else if (key === 'methods' || key === 'targetGroups') parts.push(HINTS.terms[lang]);
  if (column.list) parts.push(HINTS.list[lang]);
  return parts.join('. ');
}

/** The example value in the chosen language (coded values are translated). */
function example(column: Column, lang: ImportLang): string {
  const choice = CHOICES[column.key];
  if (!choice) return column.example;
  const vocabulary = choice === 'roles' ? 'role' : choice;
  const code = parseChoice(vocabulary, column.example);
  return code ? labelOf(vocabulary, code, lang) : column.example;
}

export interface TemplateFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export function templateFileName(kind: TemplateKind, lang: ImportLang, extension: 'csv' | 'xlsx'): string {
  return `verkosto-${TEMPLATES[kind].title[lang].toLowerCase()}.${extension}`;
}

export function templateCsv(kind: TemplateKind, lang: ImportLang = 'fi'): TemplateFile {
  const columns = TEMPLATES[kind].columns;
  const line = (cells: string[]) => cells.map(csvCell).join(';');
  const text = `\uFEFF${line(columns.map((c) => c.headers[lang]))}\r\n${line(columns.map((c) => example(c, lang)))}\r\n`;
  return { fileName: templateFileName(kind, lang, 'csv'), contentType: 'text/csv; charset=utf-8', body: Buffer.from(text, 'utf8') };
}

const csvCell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function templateXlsx(kind: TemplateKind, lang: ImportLang = 'fi'): Promise<TemplateFile> {
  const template = TEMPLATES[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Verkosto';
  const sheet = workbook.addWorksheet(template.title[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = template.columns.map((c) => ({
    header: c.headers[lang],
    key: c.key,
    width: Math.min(48, Math.max(14, c.headers[lang].length + 4, example(c, lang).length + 2)),
  }));
  sheet.addRow(Object.fromEntries(template.columns.map((c) => [c.key, example(c, lang)])));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  template.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = hint(c, lang);
    if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE8A3' } };
    const choice = CHOICES[c.key];
    if (!choice) return;
    const labels = (choice === 'roles' ? allowedLabels('role', lang) : allowedLabels(choice, lang)).split(', ');
    // A list validation on the data rows; the reader also accepts codes and the other languages.
    for (let row = 2; row <= 500; row++) {
      sheet.getCell(row, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        showErrorMessage: false,
        formulae: [`"${labels.join(',')}"`],
      };
    }
  });
  const guide = workbook.addWorksheet(INSTRUCTIONS[lang]);
  guide.columns = [
    { header: HINTS.column[lang], key: 'column', width: 34 },
    { header: HINTS.guide[lang], key: 'guide', width: 100 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of template.columns) guide.addRow({ column: c.headers[lang], guide: hint(c, lang) });
  guide.addRow({});
  guide.addRow({ column: HINTS.intro[lang] });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: templateFileName(kind, lang, 'xlsx'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
