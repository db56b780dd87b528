import {
  ACTIVITY_TYPES,
  ORGANISATION_KINDS,
  PARTICIPATION_ROLES,
  PARTICIPATION_TARGETS,
  ROLES_BY_TARGET,
  SECTORS,
  foldText,
  isIsoDate,
  nameKey,
  type IsoDate,
  type OrganisationKind,
  type ParticipationTarget,
} from '@verkosto/domain';
import type { ImportLang } from './messages';

/**
 * The values a spreadsheet cell may hold for a coded field: the code itself (COMPANY) or its name
 * in Finnish, Swedish or English (Yritys, Företag, Company), in any case and spacing.
 */
type Labels = Record<string, Record<ImportLang, string>>;

const KIND_LABELS: Labels = {
  MUNICIPALITY: { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' },
  WELLBEING_COUNTY: { fi: 'Hyvinvointialue', sv: 'Välfärdsområde', en: 'Wellbeing services county' },
  AUTHORITY: { fi: 'Viranomainen', sv: 'Myndighet', en: 'Authority' },
  EDUCATION: { fi: 'Oppilaitos', sv: 'Läroanstalt', en: 'Education' },
  PARISH: { fi: 'Seurakunta', sv: 'Församling', en: 'Parish' },
  ASSOCIATION: { fi: 'Yhdistys', sv: 'Förening', en: 'Association' },
  FOUNDATION: { fi: 'Säätiö', sv: 'Stiftelse', en: 'Foundation' },
  COMPANY: { fi: 'Yritys', sv: 'Företag', en: 'Company' },
  OTHER: { fi: 'Muu', sv: 'Övrig', en: 'Other' },
};

const SECTOR_LABELS: Labels = {
  PUBLIC: { fi: 'Julkinen', sv: 'Offentlig', en: 'Public' },
  THIRD: { fi: 'Kolmas sektori', sv: 'Tredje sektorn', en: 'Third sector' },
  PARISH: { fi: 'Seurakunnat', sv: 'Församlingar', en: 'Parishes' },
  PRIVATE: { fi: 'Yksityinen', sv: 'Privat', en: 'Private' },
};

const ACTIVITY_TYPE_LABELS: Labels = {
  EVENT: { fi: 'Tapahtuma', sv: 'Evenemang', en: 'Event' },
  WORKSHOP: { fi: 'Työpaja', sv: 'Workshop', en: 'Workshop' },
  PEER_GROUP: { fi: 'Vertaisryhmä', sv: 'Kamratgrupp', en: 'Peer group' },
  ROUND_TABLE: { fi: 'Pyöreä pöytä', sv: 'Rundabordssamtal', en: 'Round table' },
  EXHIBITION: { fi: 'Näyttely', sv: 'Utställning', en: 'Exhibition' },
  TRAINING: { fi: 'Koulutus', sv: 'Utbildning', en: 'Training' },
  POP_UP: { fi: 'Pop up', sv: 'Pop up', en: 'Pop-up' },
  SERVICE: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' },
  COORDINATION_GROUP: { fi: 'Koordinaatioryhmä', sv: 'Koordinationsgrupp', en: 'Coordination group' },
  OTHER: { fi: 'Muu toiminta', sv: 'Annan verksamhet', en: 'Other activity' },
};

const ROLE_LABELS: Labels = {
  LEAD: { fi: 'Päätoteuttaja', sv: 'Huvudgenomförare', en: 'Lead' },
  CO_IMPLEMENTER: { fi: 'Osatoteuttaja', sv: 'Delgenomförare', en: 'Co-implementer' },
  FUNDER: { fi: 'Rahoittaja', sv: 'Finansiär', en: 'Funder' },
  PARTNER: { fi: 'Kumppani', sv: 'Partner', en: 'Partner' },
  STEERING_GROUP: { fi: 'Ohjausryhmä', sv: 'Styrgrupp', en: 'Steering group' },
  ORGANISER: { fi: 'Järjestäjä', sv: 'Arrangör', en: 'Organiser' },
  VENUE: { fi: 'Tapahtumapaikka', sv: 'Plats', en: 'Venue' },
  PARTICIPANT: { fi: 'Osallistuja', sv: 'Deltagare', en: 'Participant' },
  MEMBER: { fi: 'Jäsen', sv: 'Medlem', en: 'Member' },
  COORDINATOR: { fi: 'Koordinaattori', sv: 'Koordinator', en: 'Coordinator' },
  BUDGET_HOLDER: { fi: 'Budjettivastaava', sv: 'Budgetansvarig', en: 'Budget holder' },
};

const TARGET_KIND_LABELS: Labels = {
  PROJECT: { fi: 'Hanke', sv: 'Projekt', en: 'Project' },
  ACTIVITY: { fi: 'Toiminta', sv: 'Verksamhet', en: 'Activity' },
  NETWORK: { fi: 'Verkosto', sv: 'Nätverk', en: 'Network' },
};

const BOOLEAN_LABELS: Labels = {
  true: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
  false: { fi: 'Ei', sv: 'Nej', en: 'No' },
};

const VOCABULARIES = {
  kind: { codes: ORGANISATION_KINDS, labels: KIND_LABELS },
  sector: { codes: SECTORS, labels: SECTOR_LABELS },
  activityType: { codes: ACTIVITY_TYPES, labels: ACTIVITY_TYPE_LABELS },
  role: { codes: PARTICIPATION_ROLES, labels: ROLE_LABELS },
  targetKind: { codes: PARTICIPATION_TARGETS, labels: TARGET_KIND_LABELS },
  boolean: { codes: ['true', 'false'], labels: BOOLEAN_LABELS },
} as const;
export type VocabularyName = keyof typeof VOCABULARIES;

/** Extra spellings people write: short forms and the English code words. */
const SYNONYMS: Partial<Record<VocabularyName, Record<string, string>>> = {
  boolean: { k: 'true', x: 'true', y: 'true', j: 'true', true: 'true', '1': 'true', e: 'false', n: 'false', false: 'false', '0': 'false' },
  targetKind: { projekti: 'PROJECT', aktiviteetti: 'ACTIVITY' },
  role: { toteuttaja: 'LEAD', vetaja: 'LEAD', koordinoija: 'COORDINATOR' },
};

const lookups = new Map<VocabularyName, Map<string, string>>();

function lookup(vocabulary: VocabularyName): Map<string, string> {
  let map = lookups.get(vocabulary);
  if (!map) {
    map = new Map();
    const { codes, labels } = VOCABULARIES[vocabulary];
    for (const code of codes) {
      map.set(nameKey(code), code);
      for (const label of Object.values(labels[code])) map.set(nameKey(label), code);
    }
    for (const [word, code] of Object.entries(SYNONYMS[vocabulary] ?? {})) map.set(nameKey(word), code);
    lookups.set(vocabulary, map);
  }
  return map;
}

/** The code a cell names, or null when it names none. */
export function parseChoice(vocabulary: VocabularyName, text: string): string | null {
  return lookup(vocabulary).get(nameKey(text)) ?? null;
}

export function labelOf(vocabulary: VocabularyName, code: string, lang: ImportLang): string {
  return VOCABULARIES[vocabulary].labels[code]?.[lang] ?? code;
}

/** "Kunta, Viranomainen, …" for a vocabulary, or `roles:PROJECT` for the roles a target kind allows. */
export function allowedLabels(vocabulary: string, lang: ImportLang): string {
  const [name, target] = vocabulary.split(':');
  if (name === 'roles') return ROLES_BY_TARGET[target as ParticipationTarget].map((r) => labelOf('role', r, lang)).join(', ');
  if (!(name in VOCABULARIES)) return vocabulary;
  const { codes } = VOCABULARIES[name as VocabularyName];
  return codes.map((c) => labelOf(name as VocabularyName, c, lang)).join(', ');
}

// ── dates and amounts ──────────────────────────────────────────────────────────────────────────

/** 31.12.2024, 31.12.2024 klo …, 2024-12-31 or 2024-12-31T… → '2024-12-31'; null when it is none. */
export function parseDate(text: string): IsoDate | null {
  const value = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(value);
  if (m) return isoOrNull(m[3], m[2], m[1]);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (m) return isoOrNull(m[1], m[2], m[3]);
  return null;
}

function isoOrNull(year: string, month: string, day: string): IsoDate | null {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Euros as people type them: 1234, 1234.5, 1 234,50 €, 1.234,50, 1,234.50, -876. A lone comma
 * is a decimal comma (the Finnish way); grouped thousands must come in threes, so a date such as
 * 31.12.2015 is not taken for an amount. Null when the text is not an amount.
 */
export function parseAmount(text: string): number | null {
  const value = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|eur|euroa?)$/i, '')
    .replace('−', '-');
  let m = /^([-+]?\d+)(?:[.,](\d+))?$/.exec(value);
  if (!m) m = /^([-+]?\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(value);
  if (!m) m = /^([-+]?\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(value);
  if (!m) return null;
  const amount = Number(`${m[1].replace(/[.,]/g, '')}${m[2] ? `.${m[2]}` : ''}`);
  return Number.isFinite(amount) ? amount : null;
}

// ── organisation kinds from names ─────────────────────────────────────────────────────────────

/**
 * The kind a name reveals, by the Finnish and Swedish words and legal forms it carries, strongest
 * first: a parish or an education provider even when it is an Oy; a registered association or a
 * foundation before generic words; then companies, municipalities and authorities. OTHER when
 * nothing tells.
 */
const KIND_RULES: [RegExp, OrganisationKind][] = [
  // Written without accents: names are folded (foldText) before the test.
  [/seurakun|forsamling|\bparish\b/, 'PARISH'],
  [/hyvinvointialue|valfardsomrade/, 'WELLBEING_COUNTY'],
  [
    /yliopisto|korkeakoulu|opisto\b|oppilaitos|koulutus(kuntayhtyma|yhtyma|keskus|konserni|saatio)|aikuiskoulutus|ammatti-instituutti|lukio\b|\bkoulu\b|akademi\b|universitet|hogskola|\buniversity\b|\bcollege\b|\bschool\b/,
    'EDUCATION',
  ],
  [/\bry\b|\br\.y\.|\brf\b|\br\.f\.|yhdistys|forening|\bassociation\b/, 'ASSOCIATION'],
  [/saatio|stiftelse|\bfoundation\b|\bsr\b/, 'FOUNDATION'],
  [/\b(oy|oyj|ab|abp|ltd|ou|gmbh|inc|ky|ay|tmi|osk)\b|osakeyhtio|osuuskunta|avoin yhtio/, 'COMPANY'],
  [/\b(kaupunki|kunta|kaupungin|kunnan|stad|kommun|samkommun|municipality)\b|kuntayht/, 'MUNICIPALITY'],
  [
    /ministerio|virasto|\bely\b|elinkeino-|keskus\b|maakuntaliitto|satakuntaliitto|\bliitto$|laitos\b|laaninhallitus|elinkeinotoimisto|te-toimisto|departementet|verket\b|\bministry\b|\bagency\b|\bauthority\b/,
    'AUTHORITY',
  ],
];

export function guessOrganisationKind(name: string, fallback: OrganisationKind = 'OTHER'): OrganisationKind {
  const text = foldText(name);
  return KIND_RULES.find(([rule]) => rule.test(text))?.[1] ?? fallback;
}
