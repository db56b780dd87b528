/**
 * What an import says about a row or a file, as a stable code with parameters: the API and the
 * command line render it in Finnish, Swedish or English; a client may render the code itself.
 */
import { fieldLabel } from './columns';
import { allowedLabels, labelOf } from './vocabulary';

export const IMPORT_LANGS = ['fi', 'sv', 'en'] as const;
export type ImportLang = (typeof IMPORT_LANGS)[number];

export type Severity = 'error' | 'warning' | 'info';
export type MessageParams = Record<string, string | number>;

export interface ImportMessage {
  severity: Severity;
  code: MessageCode;
  params: MessageParams;
}

type Texts = Record<ImportLang, string>;

/** Every message, in three languages. `{x}` is a parameter; values named in LABELLED are translated too. */
const TEXTS = {
  // ── the row is rejected ──
  required: {
    fi: 'Sarake ”{column}” on pakollinen, mutta se on tyhjä.',
    sv: 'Kolumnen ”{column}” är obligatorisk men tom.',
    en: 'The column “{column}” is required but empty.',
  },
  invalidDate: {
    fi: '”{value}” sarakkeessa ”{column}” ei ole päivämäärä (kirjoita 31.12.2024 tai 2024-12-31).',
    sv: '”{value}” i kolumnen ”{column}” är inget datum (skriv 31.12.2024 eller 2024-12-31).',
    en: '“{value}” in the column “{column}” is not a date (write 31.12.2024 or 2024-12-31).',
  },
  invalidAmount: {
    fi: '”{value}” sarakkeessa ”{column}” ei ole euromäärä.',
    sv: '”{value}” i kolumnen ”{column}” är inget belopp i euro.',
    en: '“{value}” in the column “{column}” is not an amount in euros.',
  },
  negativeAmount: {
    fi: 'Sarakkeen ”{column}” summa ei voi olla negatiivinen ({value}).',
    sv: 'Beloppet i kolumnen ”{column}” kan inte vara negativt ({value}).',
    en: 'The amount in the column “{column}” cannot be negative ({value}).',
  },
  invalidChoice: {
    fi: '”{value}” ei käy sarakkeeseen ”{column}”; vaihtoehdot: {allowed}.',
    sv: '”{value}” passar inte i kolumnen ”{column}”; alternativ: {allowed}.',
    en: '“{value}” does not fit the column “{column}”; choose from: {allowed}.',
  },
  invalidBusinessId: {
    fi: '”{value}” ei ole kelvollinen Y-tunnus (muoto 1234567-8, tarkistusmerkin on täsmättävä).',
    sv: '”{value}” är inget giltigt FO-nummer (formen 1234567-8, kontrolltecknet måste stämma).',
    en: '“{value}” is not a valid Finnish business ID (form 1234567-8, the check digit must match).',
  },
  invalidWebsite: {
    fi: '”{value}” ei ole verkko-osoite.',
    sv: '”{value}” är ingen webbadress.',
    en: '“{value}” is not a web address.',
  },
  tooLong: {
    fi: 'Sarakkeen ”{column}” teksti on yli {max} merkkiä pitkä.',
    sv: 'Texten i kolumnen ”{column}” är längre än {max} tecken.',
    en: 'The text in the column “{column}” is longer than {max} characters.',
  },
  invalidName: {
    fi: 'Sarakkeen ”{column}” nimessä on oltava ainakin yksi kirjain tai numero, eikä siinä saa olla ohjausmerkkejä (kuten NUL).',
    sv: 'Namnet i kolumnen ”{column}” måste ha minst en bokstav eller siffra och får inte innehålla styrtecken (som NUL).',
    en: 'The name in the column “{column}” needs at least one letter or digit and may not contain control characters (such as NUL).',
  },
  endBeforeStart: {
    fi: 'Päättymispäivä {end} on ennen alkamispäivää {start}.',
    sv: 'Slutdatumet {end} är före startdatumet {start}.',
    en: 'The end date {end} is before the start date {start}.',
  },
  invalidCode: {
    fi: '”{value}” ei ole hankekoodi (esim. S21858).',
    sv: '”{value}” är ingen projektkod (t.ex. S21858).',
    en: '“{value}” is not a project code (e.g. S21858).',
  },
  unknownMunicipality: {
    fi: 'Kuntaa ”{value}” ei tunneta; kirjoita kunnan nimi tai kuntanumero.',
    sv: 'Kommunen ”{value}” är okänd; skriv kommunens namn eller nummer.',
    en: 'The municipality “{value}” is unknown; write its name or number.',
  },
  unknownMethod: {
    fi: 'Menetelmää ”{value}” ei ole sanastossa.',
    sv: 'Metoden ”{value}” finns inte i vokabulären.',
    en: 'The method “{value}” is not in the vocabulary.',
  },
  unknownTargetGroup: {
    fi: 'Kohderyhmää ”{value}” ei ole sanastossa.',
    sv: 'Målgruppen ”{value}” finns inte i vokabulären.',
    en: 'The target group “{value}” is not in the vocabulary.',
  },
  unknownNetwork: {
    fi: 'Verkostoa ”{value}” ei löydy; luo se ensin.',
    sv: 'Nätverket ”{value}” finns inte; skapa det först.',
    en: 'There is no network “{value}”; create it first.',
  },
  unknownProject: {
    fi: 'Hanketta ”{value}” ei löydy (koodilla tai nimellä).',
    sv: 'Projektet ”{value}” finns inte (med kod eller namn).',
    en: 'There is no project “{value}” (by code or name).',
  },
  unknownEarlierActivity: {
    fi: 'Aiempaa toimintaa ”{value}” ei löydy; tuo se ensin tai korjaa nimi.',
    sv: 'Den tidigare verksamheten ”{value}” finns inte; importera den först eller rätta namnet.',
    en: 'There is no earlier activity “{value}”; import it first or correct the name.',
  },
  continuesItself: {
    fi: 'Toiminta ei voi jatkaa itseään.',
    sv: 'En verksamhet kan inte fortsätta sig själv.',
    en: 'An activity cannot continue itself.',
  },
  followsItself: {
    fi: 'Hanke ei voi olla oma edeltäjänsä.',
    sv: 'Ett projekt kan inte föregå sig själv.',
    en: 'A project cannot be its own predecessor.',
  },
  unknownOrganisation: {
    fi: 'Organisaatiota ”{value}” ei löydy; tuo organisaatiot ensin.',
    sv: 'Organisationen ”{value}” finns inte; importera organisationerna först.',
    en: 'There is no organisation “{value}”; import the organisations first.',
  },
  unknownTarget: {
    fi: 'Hanketta, toimintaa tai verkostoa ”{value}” ei löydy.',
    sv: 'Inget projekt, ingen verksamhet och inget nätverk heter ”{value}”.',
    en: 'There is no project, activity or network “{value}”.',
  },
  ambiguousTarget: {
    fi: '”{value}” voi olla {count} eri kohdetta; kerro kohteen laji (hanke, toiminta tai verkosto) tai käytä hankekoodia.',
    sv: '”{value}” kan vara {count} olika objekt; ange objektets typ (projekt, verksamhet eller nätverk) eller projektkoden.',
    en: '“{value}” could be {count} different targets; give the target kind (project, activity or network) or the project code.',
  },
  ambiguousName: {
    fi: 'Nimellä ”{value}” löytyy {count} hanketta; käytä hankekoodia.',
    sv: 'Det finns {count} projekt med namnet ”{value}”; använd projektkoden.',
    en: 'There are {count} projects named “{value}”; use the project code.',
  },
  roleNotForTarget: {
    fi: 'Rooli {role} ei käy kohteeseen, joka on {targetKind}; vaihtoehdot: {allowed}.',
    sv: 'Rollen {role} passar inte för ett objekt av typen {targetKind}; alternativ: {allowed}.',
    en: 'The role {role} does not fit a target that is a {targetKind}; choose from: {allowed}.',
  },
  businessIdConflict: {
    fi: 'Organisaatiolla ”{name}” on jo Y-tunnus {existing}, mutta tiedostossa on {given}; tarkista kumpi on oikein.',
    sv: 'Organisationen ”{name}” har redan FO-nummer {existing}, men filen anger {given}; kontrollera vilket som stämmer.',
    en: 'The organisation “{name}” already has business ID {existing}, but the file gives {given}; check which is right.',
  },
  overlappingParticipation: {
    fi: 'Organisaatiolla on jo sama rooli tässä kohteessa päällekkäisellä jaksolla ({from} – {to}); päätä se ensin tai käytä samaa alkamispäivää.',
    sv: 'Organisationen har redan samma roll här under en överlappande period ({from} – {to}); avsluta den först eller använd samma startdatum.',
    en: 'The organisation already has this role there for an overlapping period ({from} – {to}); end it first or use the same start date.',
  },
  duplicateCode: {
    fi: 'Hankekoodi {code} on jo rivillä {line}.',
    sv: 'Projektkoden {code} finns redan på rad {line}.',
    en: 'The project code {code} is already on row {line}.',
  },
  shiftedColumns: {
    fi: 'Sarakkeet ovat siirtyneet: sarakkeessa ”{column}” on ”{value}”. Riviä ei tuotu; korjaa se lähdetiedostossa.',
    sv: 'Kolumnerna har förskjutits: i kolumnen ”{column}” står ”{value}”. Raden importerades inte; rätta den i källfilen.',
    en: 'The columns are shifted: the column “{column}” holds “{value}”. The row was not imported; correct it in the source file.',
  },
  // The code a mutation's refusal carries; names nothing, as the row may touch what the caller may not read.
  FORBIDDEN: {
    fi: 'Sinulla ei ole oikeutta tehdä tämän rivin muutosta, tai rivi koskee tietoja, joita et voi nähdä. Muokkausoikeus annetaan verkostoittain.',
    sv: 'Du har inte rätt att göra ändringen på den här raden, eller så gäller raden uppgifter du inte kan se. Redigeringsrätt ges per nätverk.',
    en: 'You may not make the change on this row, or it concerns data you cannot see. Editing rights are given per network.',
  },
  // ── the row is imported, with a remark ──
  kindGuessed: {
    fi: 'Organisaation tyyppiä ei annettu; nimen perusteella se on {kind}.',
    sv: 'Organisationens typ saknades; utifrån namnet är den {kind}.',
    en: 'No organisation kind was given; from the name it is taken to be {kind}.',
  },
  noLeadImplementer: {
    fi: 'Toteuttajaa ei ole nimetty; hanke tuotiin ilman päätoteuttajaa.',
    sv: 'Ingen genomförare har angetts; projektet importerades utan huvudgenomförare.',
    en: 'No implementer is named; the project was imported without a lead.',
  },
  noFunder: {
    fi: 'Rahoittavaa viranomaista ei ole nimetty; hanke tuotiin ilman rahoittajaa.',
    sv: 'Ingen finansierande myndighet har angetts; projektet importerades utan finansiär.',
    en: 'No funding authority is named; the project was imported without a funder.',
  },
  amountNotStored: {
    fi: 'Sarakkeen ”{column}” negatiivista summaa {value} (takaisinperintä) ei tallennettu.',
    sv: 'Det negativa beloppet {value} i kolumnen ”{column}” (återkrav) sparades inte.',
    en: 'The negative amount {value} in the column “{column}” (a recovery) was not stored.',
  },
  sameOrganisation: {
    fi: '”{name}” on sama organisaatio kuin ”{as}” (nimi eroaa vain kirjainkoolta, välimerkeiltä tai väleiltä).',
    sv: '”{name}” är samma organisation som ”{as}” (namnet skiljer sig bara i skiftläge, skiljetecken eller mellanslag).',
    en: '“{name}” is the same organisation as “{as}” (the names differ only in case, punctuation or spacing).',
  },
  matchedByBusinessId: {
    fi: '”{name}” on Y-tunnuksen {businessId} perusteella sama organisaatio kuin ”{as}”; nimi tallennettiin rinnakkaisnimeksi.',
    sv: '”{name}” är enligt FO-numret {businessId} samma organisation som ”{as}”; namnet sparades som parallellnamn.',
    en: '“{name}” is, by business ID {businessId}, the same organisation as “{as}”; the name was kept as another name.',
  },
  sameAsRow: {
    fi: 'Sama kuin rivillä {line}.',
    sv: 'Samma som på rad {line}.',
    en: 'The same as on row {line}.',
  },
  changed: {
    fi: 'Muuttuu: {fields}.',
    sv: 'Ändras: {fields}.',
    en: 'Changes: {fields}.',
  },
  // ── about the whole file ──
  sheetSkipped: {
    fi: 'Välilehteä ”{sheet}” ei tunnistettu tuontipohjaksi, joten se ohitettiin.',
    sv: 'Fliken ”{sheet}” kändes inte igen som en importmall och hoppades över.',
    en: 'The sheet “{sheet}” is not an import template and was skipped.',
  },
  columnsIgnored: {
    fi: 'Näitä sarakkeita ei tunnistettu, ja ne ohitettiin: {columns}.',
    sv: 'Dessa kolumner kändes inte igen och hoppades över: {columns}.',
    en: 'These columns were not recognised and were ignored: {columns}.',
  },
  nothingWritten: {
    fi: 'Hylättyjä rivejä on {count}, joten mitään ei tallennettu. Korjaa rivit ja tuo tiedosto uudelleen, tai tuo muut rivit ohittaen hylätyt.',
    sv: 'Avvisade rader: {count}, så inget sparades. Rätta raderna och importera filen igen, eller importera de övriga raderna och hoppa över de avvisade.',
    en: 'Rejected rows: {count}, so nothing was written. Correct them and import the file again, or import the other rows and skip the rejected ones.',
  },
  rejectedSkipped: {
    fi: 'Hylätyt rivit ({count}) ohitettiin; muut rivit tallennettiin.',
    sv: 'De avvisade raderna ({count}) hoppades över; de övriga raderna sparades.',
    en: 'The rejected rows ({count}) were skipped; the other rows were written.',
  },
  kindsGuessed: {
    fi: 'Rekisterissä ei ole organisaatioiden tyyppejä; uusien organisaatioiden tyyppi ({count}) pääteltiin nimestä.',
    sv: 'Registret saknar organisationstyper; typen för nya organisationer ({count}) härleddes ur namnet.',
    en: 'The registry gives no organisation kinds; the kinds of new organisations ({count}) were inferred from their names.',
  },
  // ── the file cannot be imported ──
  emptyFile: {
    fi: 'Tiedostossa ei ole rivejä.',
    sv: 'Filen innehåller inga rader.',
    en: 'The file has no rows.',
  },
  unreadableFile: {
    fi: 'Tiedostoa ”{file}” ei voitu lukea: {reason}',
    sv: 'Filen ”{file}” kunde inte läsas: {reason}',
    en: 'The file “{file}” could not be read: {reason}',
  },
  unrecognisedHeader: {
    fi: 'Tiedoston otsikkoriviä ei tunnistettu. Käytä tuontipohjaa (organisaatiot, hankkeet, toiminnot tai osallistumiset) tai rakennerahastojen hankelistaa. Otsikot: {columns}.',
    sv: 'Filens rubrikrad kändes inte igen. Använd en importmall (organisationer, projekt, verksamheter eller deltaganden) eller strukturfondernas projektlista. Rubriker: {columns}.',
    en: 'The header row was not recognised. Use an import template (organisations, projects, activities or participations) or the structural-fund project list. Headers: {columns}.',
  },
  notRegistry: {
    fi: 'Tiedosto ei ole rakennerahastojen hankelista: sarakkeet {columns} puuttuvat.',
    sv: 'Filen är ingen projektlista från strukturfonderna: kolumnerna {columns} saknas.',
    en: 'The file is not a structural-fund project list: the columns {columns} are missing.',
  },
  tooManyRows: {
    fi: 'Tiedostossa on {count} riviä; yhdellä kertaa voi tuoda enintään {max}.',
    sv: 'Filen har {count} rader; högst {max} kan importeras åt gången.',
    en: 'The file has {count} rows; at most {max} can be imported at once.',
  },
  tooManyRowsInFile: {
    fi: 'Tiedostossa on yli {max} riviä; yhdellä kertaa voi tuoda enintään {max}. Jaa tiedosto osiin.',
    sv: 'Filen har fler än {max} rader; högst {max} kan importeras åt gången. Dela upp filen.',
    en: 'The file has more than {max} rows; at most {max} can be imported at once. Split the file.',
  },
  tooManyCells: {
    fi: 'Tiedoston taulukoissa on yli {max} solua; yhdellä kertaa voi tuoda enintään {max}. Poista tyhjät sarakkeet tai jaa tiedosto osiin.',
    sv: 'Filens blad har fler än {max} celler; högst {max} kan importeras åt gången. Ta bort tomma kolumner eller dela upp filen.',
    en: 'The sheets of the file have more than {max} cells; at most {max} can be imported at once. Remove empty columns or split the file.',
  },
  unzippedTooLarge: {
    fi: 'Tiedosto on purettuna yli {max} Mt; yhdellä kertaa voi tuoda enintään {max} Mt. Jaa tiedosto osiin.',
    sv: 'Filen är över {max} MB uppackad; högst {max} MB kan importeras åt gången. Dela upp filen.',
    en: 'The file is over {max} MB unzipped; at most {max} MB can be imported at once. Split the file.',
  },
  importsBusy: {
    fi: 'Palvelimella on juuri nyt käynnissä {max} tuontia. Yritä uudelleen {seconds} sekunnin kuluttua.',
    sv: 'Servern kör just nu {max} importer. Försök igen om {seconds} sekunder.',
    en: 'The server is running {max} imports right now. Try again in {seconds} seconds.',
  },
} satisfies Record<string, Texts>;

export type MessageCode = keyof typeof TEXTS;

/**
 * Parameters whose values are codes, shown in the reader's language: an organisation kind, a role,
 * a target kind, a record field, or (`allowed`) the name of a vocabulary whose labels are listed.
 */
const LABELLED: Partial<Record<string, (lang: ImportLang, value: string) => string>> = {
  kind: (lang, code) => labelOf('kind', code, lang),
  role: (lang, code) => labelOf('role', code, lang),
  targetKind: (lang, code) => labelOf('targetKind', code, lang),
  allowed: (lang, vocabulary) => allowedLabels(vocabulary, lang),
  fields: (lang, fields) =>
    fields
      .split(',')
      .map((f) => fieldLabel(f, lang))
      .join(', '),
};

export function messageText(lang: ImportLang, message: Pick<ImportMessage, 'code' | 'params'>): string {
  const text = TEXTS[message.code][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in message.params)) return whole;
    const value = message.params[name];
    const label = LABELLED[name];
    return label && typeof value === 'string' ? label(lang, value) : formatParam(lang, value);
  });
}

function formatParam(lang: ImportLang, value: string | number): string {
  if (typeof value === 'number') return value.toLocaleString(lang === 'en' ? 'en-GB' : `${lang}-FI`);
  return value;
}

export const message = (severity: Severity, code: MessageCode, params: MessageParams = {}): ImportMessage => ({
  severity,
  code,
  params,
});

/**
 * A problem that stops a whole file (unreadable, unrecognised): thrown, never half-imported.
 * It carries the code so the API can answer in the caller's language.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
  ) {
    super(messageText('en', { code, params }));
    this.name = 'ImportFileError';
  }
}

export function isImportLang(value: unknown): value is ImportLang {
  return typeof value === 'string' && (IMPORT_LANGS as readonly string[]).includes(value);
}
