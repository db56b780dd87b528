/**
 * The partner finder's logic without a DOM: the form turned into a request, the answer into ranked
 * rows with their score parts, gaps and introduction chains, and the API's errors into words.
 * The score and its parts are defined in docs/measures.md ("Partner finder") and computed by the server.
 */
import { isIsoDate } from '@verkosto/domain/dates';
import { barPercent, formatDecimal, formatPercent } from './format';
import { formatDate, type Lang } from './i18n';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const PART_KEYS = ['fit', 'place', 'proximity', 'complementarity', 'permanence', 'recency'] as const;
export type PartKey = (typeof PART_KEYS)[number];

export interface Ref {
  id: string;
  label: string;
}
export type Localised = Record<Lang, string>;

export interface Asker {
  id: string;
  kind: 'ORGANISATION' | 'PROJECT';
  label: string;
}

export interface SuggestionData {
  score: number;
  organisation: { id: string; label: string; municipalityCode: string | null; orgKind: string | null; permanent: boolean | null; sector: string | null };
  explanation: Localised;
  parts: { key: PartKey; value: number; weight: number }[];
  sharedPartners: Ref[];
  evidence: string[];
}

export interface GapData {
  id: string;
  kind: 'SECTOR' | 'METHOD' | 'TARGET_GROUP';
  label: Localised;
  networks: Ref[];
  share: number;
}

export interface SuggestionsData {
  asker: { id: string; kind: string; label: string } | null;
  at: string;
  existingPartners: Ref[];
  gaps: GapData[];
  similarNetworks: Ref[];
  suggestions: SuggestionData[];
}

export interface PathData {
  hops: number;
  organisations: Ref[];
  steps: { from: Ref; to: Ref; via: { id: string; kind: string; label: string }[] }[];
}

// ---------- the request ----------

export interface PartnerForm {
  asker: Asker | null;
  /** What is typed in the asker field: text without a chosen asker is a mistake to point out. */
  askerText: string;
  methodIds: string[];
  targetGroupIds: string[];
  /** '' (anywhere), 'm:<municipality code>' or 'r:<region code>'. */
  place: string;
  orgKinds: string[];
  sectors: string[];
  onlyPermanent: boolean;
  /** YYYY-MM-DD, or '' for the server's default (the latest date in the data). */
  at: string;
  limit: number;
}

/** The API's PartnerRequestInput: only what the user gave, so the server's defaults apply to the rest. */
export interface PartnerRequest {
  organisationId?: string;
  projectId?: string;
  methodIds?: string[];
  targetGroupIds?: string[];
  municipalityCode?: string;
  regionCode?: string;
  orgKinds?: string[];
  sectors?: string[];
  onlyPermanent?: boolean;
  at?: string;
  limit?: number;
}

/**
 * The request for the form, or the text key of what is wrong with it. Only mistakes the server
 * cannot see are caught here (a name typed but not chosen, a malformed date); the rest, such as an
 * empty request, the server answers and partnerErrorText puts into words.
 */
export function buildPartnerRequest(form: PartnerForm): { request: PartnerRequest } | { errorKey: string } {
  const typed = form.askerText.trim();
  if (typed && (!form.asker || form.asker.label !== typed)) return { errorKey: 'partners.error.chooseAsker' };
  if (form.at && !isIsoDate(form.at)) return { errorKey: 'partners.error.date' };
  const request: PartnerRequest = {};
  if (form.asker && typed) {
    if (form.asker.kind === 'ORGANISATION') request.organisationId = form.asker.id;
    else request.projectId = form.asker.id;
  }
  if (form.methodIds.length) request.methodIds = [...form.methodIds];
  if (form.targetGroupIds.length) request.targetGroupIds = [...form.targetGroupIds];
  if (form.place.startsWith('m:')) request.municipalityCode = form.place.slice(2);
  else if (form.place.startsWith('r:')) request.regionCode = form.place.slice(2);
  if (form.orgKinds.length) request.orgKinds = [...form.orgKinds];
  if (form.sectors.length) request.sectors = [...form.sectors];
  if (form.onlyPermanent) request.onlyPermanent = true;
  if (form.at) request.at = form.at;
  request.limit = form.limit;
  return { request };
}

const FIELD_TEXT: Record<string, string> = {
  methodIds: 'partners.methods',
  targetGroupIds: 'partners.targetGroups',
  municipalityCode: 'partners.place',
  regionCode: 'partners.place',
  orgKinds: 'partners.kinds',
  sectors: 'partners.sectors',
};

/**
 * An API error in the user's language. The server's messages are English; its `extensions.code`
 * and `field` (docs/measures.md, "Errors") say which mistake it was. Anything not recognised is
 * shown as the server said it, so no error is ever hidden.
 */
export function partnerErrorText(error: { message: string; code?: string; field?: string }, t: Translate): string {
  const { message, code, field } = error;
  if (code === 'NOT_FOUND') return t('partners.error.notFound');
  if (code !== 'BAD_USER_INPUT') return t('partners.error.other', { message });
  if (/not both/i.test(message)) return t(field === 'regionCode' ? 'partners.error.place' : 'partners.error.both');
  if (!field && /empty/i.test(message)) return t('partners.error.empty');
  if (field && FIELD_TEXT[field]) return t('partners.error.unknown', { field: t(FIELD_TEXT[field]) });
  if (field === 'limit') return t('partners.error.limit');
  if (field === 'maxHops') return t('partners.error.maxHops');
  if (field === 'toId') return t('partners.error.same');
  return t('partners.error.server', { message });
}

// ---------- the answer ----------

export interface PartRowView {
  key: PartKey;
  label: string;
  valueText: string;
  percent: number;
  weightText: string;
  /** value × weight: this part's share of the score. */
  pointsText: string;
}

export interface SuggestionRow {
  rank: number;
  id: string;
  label: string;
  meta: string;
  score: number;
  scoreText: string;
  percent: number;
  explanation: string;
  parts: PartRowView[];
  shared: Ref[];
  evidence: Ref[];
}

export interface Describe {
  orgKind(kind: string): string;
  sector(sector: string): string;
  place(code: string): string;
  /** The name of an activity or project the suggestion rests on. */
  label(id: string): string;
}

export function suggestionRows(data: SuggestionsData, lang: Lang, t: Translate, describe: Describe): SuggestionRow[] {
  return data.suggestions.map((s, i) => {
    const o = s.organisation;
    const meta = [
      o.orgKind ? describe.orgKind(o.orgKind) : null,
      o.sector ? describe.sector(o.sector) : null,
      o.municipalityCode ? describe.place(o.municipalityCode) : null,
      o.permanent === null ? null : t(o.permanent ? 'partners.meta.permanent' : 'partners.meta.project'),
    ]
      .filter(Boolean)
      .join(' · ');
    const order = new Map(PART_KEYS.map((k, j) => [k, j]));
    const parts = [...s.parts]
      .sort((a, b) => order.get(a.key)! - order.get(b.key)!)
      .map((p) => ({
        key: p.key,
        label: t(`partners.part.${p.key}`),
        valueText: formatDecimal(lang, p.value),
        percent: barPercent(p.value),
        weightText: formatPercent(lang, p.weight),
        pointsText: formatDecimal(lang, p.value * p.weight),
      }));
    return {
      rank: i + 1,
      id: o.id,
      label: o.label,
      meta,
      score: s.score,
      scoreText: formatDecimal(lang, s.score),
      percent: barPercent(s.score),
      explanation: s.explanation[lang],
      parts,
      shared: s.sharedPartners,
      evidence: s.evidence.map((id) => ({ id, label: describe.label(id) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    };
  });
}

export interface GapGroup {
  kind: GapData['kind'];
  title: string;
  items: { id: string; label: string; share: string; networks: string }[];
}

export function gapGroups(data: SuggestionsData, lang: Lang, t: Translate): GapGroup[] {
  const of = data.similarNetworks.length;
  return (['SECTOR', 'METHOD', 'TARGET_GROUP'] as const)
    .map((kind) => ({
      kind,
      title: t(`partners.gaps.kind.${kind}`),
      items: data.gaps
        .filter((g) => g.kind === kind)
        .sort((a, b) => b.share - a.share || a.label[lang].localeCompare(b.label[lang], lang))
        .map((g) => ({ id: g.id, label: g.label[lang], share: t('partners.gaps.share', { n: g.networks.length, of }), networks: g.networks.map((n) => n.label).join(', ') })),
    }))
    .filter((g) => g.items.length > 0);
}

/**
 * Where an introduction chain may start: the asking organisation itself, or for a project its
 * participants on the date — those who already work with the candidate first.
 */
export function introSources(data: SuggestionsData, suggestion: SuggestionData): Ref[] {
  const asker = data.asker;
  if (!asker) return [];
  if (asker.kind === 'ORGANISATION') return [{ id: asker.id, label: asker.label }];
  const shared = new Set(suggestion.sharedPartners.map((p) => p.id));
  return [...suggestion.sharedPartners, ...data.existingPartners.filter((p) => !shared.has(p.id))];
}

export interface PathView {
  title: string;
  steps: { text: string; via: string }[];
  /** The organisations of the chain and the activities or projects that tie them: what the map lights. */
  nodeIds: string[];
  /** "A → B → C" */
  chain: string;
}

export function pathView(path: PathData, index: number, t: Translate): PathView {
  const nodeIds = new Set(path.organisations.map((o) => o.id));
  for (const step of path.steps) for (const v of step.via) nodeIds.add(v.id);
  return {
    title: t('partners.intro.path', { n: index + 1, hops: path.hops }),
    steps: path.steps.map((s) => ({
      text: t('partners.intro.step', { from: s.from.label, to: s.to.label }),
      via: t('partners.intro.via', { via: s.via.map((v) => v.label).join(', ') }),
    })),
    nodeIds: [...nodeIds],
    chain: path.organisations.map((o) => o.label).join(' → '),
  };
}

/** The spotlight caption of a chain: its date and organisations, and how many of them this map holds. */
export function pathCaption(view: PathView, at: string, shownOrgs: number, totalOrgs: number, lang: Lang, t: Translate): string {
  const chain = shownOrgs < totalOrgs ? t('partners.intro.partial', { path: view.chain, shown: shownOrgs, of: totalOrgs }) : view.chain;
  return t('partners.intro.caption', { date: formatDate(lang, at), path: chain });
}
