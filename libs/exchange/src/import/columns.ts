import { nameKey } from '@verkosto/domain';
import type { ImportLang } from './messages';

/**
 * The four import templates: their columns with Finnish, Swedish and English headers (any of them,
 * or the field's own name, is accepted in any case and spacing) and an example row. Headers differ
 * between templates where a sheet's kind must be told from its header row alone.
 */
export const TEMPLATE_KINDS = ['organisations', 'projects', 'activities', 'participations'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface Column {
  key: string;
  headers: Record<ImportLang, string>;
  required?: boolean;
  /** Several values in one cell, separated by semicolons or line breaks. */
  list?: boolean;
  /** More header spellings met in the wild. */
  aliases?: string[];
  example: string;
}

export interface Template {
  kind: TemplateKind;
  title: Record<ImportLang, string>;
  columns: Column[];
}

const col = (key: string, fi: string, sv: string, en: string, example: string, extra: Partial<Column> = {}): Column => ({
  key,
  headers: { fi, sv, en },
  example,
  ...extra,
});

export const TEMPLATES: Record<TemplateKind, Template> = {
  organisations: {
    kind: 'organisations',
    title: { fi: 'Organisaatiot', sv: 'Organisationer', en: 'Organisations' },
    columns: [
      col('name', 'Organisaatio', 'Organisation', 'Organisation', 'Kokkolan kaupunki', { required: true, aliases: ['Organisaation nimi'] }),
      col('businessId', 'Y-tunnus', 'FO-nummer', 'Business ID', '0179377-8', { aliases: ['Ytunnus', 'FO nr'] }),
      col('kind', 'Tyyppi', 'Typ', 'Kind', 'Kunta', { aliases: ['Organisaation tyyppi', 'Laji'] }),
      col('sector', 'Sektori', 'Sektor', 'Sector', 'Julkinen'),
      col('municipality', 'Kunta', 'Kommun', 'Municipality', 'Kokkola', { aliases: ['Kotikunta', 'Kuntanumero'] }),
      col('website', 'Verkkosivu', 'Webbplats', 'Website', 'https://www.kokkola.fi', { aliases: ['Verkkosivut', 'WWW'] }),
      col('permanent', 'Pysyvä toimija', 'Permanent aktör', 'Permanent actor', 'Kyllä', { aliases: ['Pysyvä'] }),
    ],
  },
  projects: {
    kind: 'projects',
    title: { fi: 'Hankkeet', sv: 'Projekt', en: 'Projects' },
    columns: [
      col('code', 'Hankekoodi', 'Projektkod', 'Project code', 'S21858', { aliases: ['Koodi'] }),
      col('name', 'Hankkeen nimi', 'Projektets namn', 'Project name', 'Kulttuurit yhteisellä polulla (KUPO)', { required: true, aliases: ['Projektin nimi'] }),
      col('programme', 'Ohjelma', 'Program', 'Programme', 'Kestävää kasvua ja työtä 2014–2020'),
      col('fund', 'Rahasto', 'Fond', 'Fund', 'ESR'),
      col('priorityAxis', 'Toimintalinja', 'Insatsområde', 'Priority axis', '5', { aliases: ['Tl'] }),
      col('startDate', 'Alkaa', 'Börjar', 'Starts', '1.1.2020', { aliases: ['Alkamispäivä', 'Aloituspvm'] }),
      col('endDate', 'Päättyy', 'Slutar', 'Ends', '31.12.2022', { aliases: ['Päättymispäivä', 'Päättymispvm'] }),
      col('budget', 'Budjetti', 'Budget', 'Budget', '900000', { aliases: ['Kokonaisbudjetti'] }),
      col('publicFunding', 'Julkinen rahoitus', 'Offentlig finansiering', 'Public funding', '854220'),
      col('grantedFunding', 'Myönnetty EU- ja valtion rahoitus', 'Beviljad EU- och statlig finansiering', 'Granted EU and state funding', '683376', {
        aliases: ['Myönnetty rahoitus'],
      }),
      col('paidFunding', 'Maksettu EU- ja valtion rahoitus', 'Utbetald EU- och statlig finansiering', 'Paid EU and state funding', '683376', {
        aliases: ['Toteutunut EU- ja valtion rahoitus', 'Maksettu rahoitus'],
      }),
      col('predecessor', 'Edeltävä hanke', 'Föregående projekt', 'Predecessor project', 'S20915', { aliases: ['Edeltäjä'] }),
      col('networks', 'Verkostot', 'Nätverk', 'Networks', 'Kuusamon osallisuusverkosto', { list: true, aliases: ['Verkosto'] }),
      col('methods', 'Menetelmät', 'Metoder', 'Methods', 'Luontolähtöiset menetelmät; Vertaistuki', { list: true }),
      col('targetGroups', 'Kohderyhmät', 'Målgrupper', 'Target groups', 'Maahanmuuttajat', { list: true }),
      col('description', 'Kuvaus', 'Beskrivning', 'Description', 'Luontolähtöiset vertaisryhmät maahanmuuttajille ja kantaväestölle.'),
      col('outputs', 'Tulokset', 'Resultat', 'Outputs', 'Viherryhmäohjaajien koulutusmalli.'),
    ],
  },
  activities: {
    kind: 'activities',
    title: { fi: 'Toiminnot', sv: 'Verksamheter', en: 'Activities' },
    columns: [
      col('name', 'Toiminnan nimi', 'Verksamhetens namn', 'Activity name', 'Kuusamon kesäkeidas 2021', { required: true, aliases: ['Toiminta'] }),
      col('type', 'Toiminnan tyyppi', 'Verksamhetens typ', 'Activity type', 'Tapahtuma', { required: true }),
      col('startDate', 'Alkaa', 'Börjar', 'Starts', '1.6.2021', { aliases: ['Alkamispäivä'] }),
      col('endDate', 'Päättyy', 'Slutar', 'Ends', '31.8.2021', { aliases: ['Päättymispäivä'] }),
      col('municipality', 'Kunta', 'Kommun', 'Municipality', 'Kuusamo', { aliases: ['Paikkakunta'] }),
      col('project', 'Hanke', 'Projekt', 'Project', 'S21858', { aliases: ['Hankekoodi'] }),
      col('continues', 'Jatkaa toimintaa', 'Fortsätter verksamheten', 'Continues', 'Kuusamon kesäkeidas 2020', { aliases: ['Jatkaa', 'Edellinen kausi'] }),
      col('networks', 'Verkostot', 'Nätverk', 'Networks', 'Kuusamon osallisuusverkosto', { list: true, aliases: ['Verkosto'] }),
      col('methods', 'Menetelmät', 'Metoder', 'Methods', 'Luontolähtöiset menetelmät', { list: true }),
      col('targetGroups', 'Kohderyhmät', 'Målgrupper', 'Target groups', 'Nuoret; Maahanmuuttajat', { list: true }),
      col('description', 'Kuvaus', 'Beskrivning', 'Description', 'Kesän avoin kohtaamispaikka luonnossa.'),
    ],
  },
  participations: {
    kind: 'participations',
    title: { fi: 'Osallistumiset', sv: 'Deltaganden', en: 'Participations' },
    columns: [
      col('organisation', 'Organisaatio', 'Organisation', 'Organisation', 'Kokkolan kaupunki', { required: true }),
      col('businessId', 'Y-tunnus', 'FO-nummer', 'Business ID', '0179377-8', { aliases: ['Ytunnus'] }),
      col('target', 'Kohde', 'Objekt', 'Target', 'Kuusamon kesäkeidas 2021', { required: true, aliases: ['Mihin osallistuu'] }),
      col('targetKind', 'Kohteen laji', 'Objektets typ', 'Target kind', 'Toiminta', { aliases: ['Kohteen tyyppi'] }),
      col('role', 'Rooli', 'Roll', 'Role', 'Kumppani', { required: true }),
      col('validFrom', 'Alkaen', 'Från', 'From', '1.6.2021', { aliases: ['Alkaa'] }),
      col('validTo', 'Päättyen', 'Till', 'To', '31.8.2021', { aliases: ['Päättyy'] }),
    ],
  },
};

/** A header as compared: case, accents, spaces and punctuation ignored. */
export const headerKey = (header: string) => nameKey(header.replace(/\*$/, ''));

/** Which template columns a header row names (by position), and which headers it does not know. */
export function matchColumns(template: Template, header: string[]): { columns: (Column | null)[]; unknown: string[] } {
  const byKey = new Map<string, Column>();
  for (const c of template.columns) {
    for (const h of [c.key, ...Object.values(c.headers), ...(c.aliases ?? [])]) byKey.set(headerKey(h), c);
  }
  const seen = new Set<Column>();
  const columns = header.map((h) => {
    const c = byKey.get(headerKey(h)) ?? null;
    if (!c || seen.has(c)) return null; // a repeated column: the first one counts
    seen.add(c);
    return c;
  });
  const unknown = header.filter((h, i) => h.trim() !== '' && columns[i] === null);
  return { columns, unknown };
}

/** Names of the record fields in the three languages, for "Changes: …" messages. */
const FIELD_LABELS: Record<string, Record<ImportLang, string>> = {
  name: { fi: 'nimi', sv: 'namn', en: 'name' },
  businessId: { fi: 'Y-tunnus', sv: 'FO-nummer', en: 'business ID' },
  kind: { fi: 'tyyppi', sv: 'typ', en: 'kind' },
  sector: { fi: 'sektori', sv: 'sektor', en: 'sector' },
  municipalityCode: { fi: 'kunta', sv: 'kommun', en: 'municipality' },
  website: { fi: 'verkkosivu', sv: 'webbplats', en: 'website' },
  permanent: { fi: 'pysyvyys', sv: 'permanens', en: 'permanence' },
  mergedNames: { fi: 'rinnakkaisnimet', sv: 'parallellnamn', en: 'other names' },
  code: { fi: 'hankekoodi', sv: 'projektkod', en: 'project code' },
  programme: { fi: 'ohjelma', sv: 'program', en: 'programme' },
  fund: { fi: 'rahasto', sv: 'fond', en: 'fund' },
  priorityAxis: { fi: 'toimintalinja', sv: 'insatsområde', en: 'priority axis' },
  startDate: { fi: 'alkamispäivä', sv: 'startdatum', en: 'start date' },
  endDate: { fi: 'päättymispäivä', sv: 'slutdatum', en: 'end date' },
  budget: { fi: 'budjetti', sv: 'budget', en: 'budget' },
  publicFunding: { fi: 'julkinen rahoitus', sv: 'offentlig finansiering', en: 'public funding' },
  grantedFunding: { fi: 'myönnetty rahoitus', sv: 'beviljad finansiering', en: 'granted funding' },
  paidFunding: { fi: 'maksettu rahoitus', sv: 'utbetald finansiering', en: 'paid funding' },
  predecessorId: { fi: 'edeltävä hanke', sv: 'föregående projekt', en: 'predecessor' },
  networkIds: { fi: 'verkostot', sv: 'nätverk', en: 'networks' },
  methodIds: { fi: 'menetelmät', sv: 'metoder', en: 'methods' },
  targetGroupIds: { fi: 'kohderyhmät', sv: 'målgrupper', en: 'target groups' },
  description: { fi: 'kuvaus', sv: 'beskrivning', en: 'description' },
  outputs: { fi: 'tulokset', sv: 'resultat', en: 'outputs' },
  type: { fi: 'toiminnan tyyppi', sv: 'verksamhetens typ', en: 'activity type' },
  projectId: { fi: 'hanke', sv: 'projekt', en: 'project' },
  continuesId: { fi: 'jatkaa toimintaa', sv: 'fortsätter verksamheten', en: 'continues' },
  validFrom: { fi: 'alkaen', sv: 'från', en: 'from' },
  validTo: { fi: 'päättyen', sv: 'till', en: 'to' },
};

export function fieldLabel(field: string, lang: ImportLang): string {
  return FIELD_LABELS[field]?.[lang] ?? field;
}
