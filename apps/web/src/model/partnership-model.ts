/**
 * The evaluator page's "Partnership measures" block without a DOM: the server's partnershipMeasures
 * (docs/measures.md) turned into rows of a value, a one-line explanation and the named evidence.
 */
import { addMonths } from '@verkosto/domain/dates';
import { formatDecimal, formatInteger } from './format';
import { formatDate, type Lang } from './i18n';
import type { Translate } from './evaluate-model';

interface NamedTie {
  id: string;
  label: string;
}
interface TieEvidence {
  tieItems?: NamedTie[] | null;
}
interface OrganisationEvidence {
  organisationItems?: { id: string; label: string }[] | null;
}

export interface EiData {
  value: number | null;
  internal: number;
  external: number;
  externalTies: TieEvidence;
}

export interface PartnershipStructureData {
  size: number;
  ties: number;
  density: number;
  components: { count: number; largest: number };
  eiIndex: EiData & { bySector: (EiData & { sector: string })[] };
  clustering: { transitivity: number; averageClustering: number; triangles: number; evidence: TieEvidence };
  multiplexity: { value: number | null; multiplex: number; ties: number; evidence: TieEvidence };
}

export interface PartnershipData extends PartnershipStructureData {
  at: string;
  retention: {
    from: string;
    to: string;
    value: number | null;
    kept: number;
    lost: number;
    gained: number;
    keptTies: TieEvidence;
    lostTies: TieEvidence;
    newTies: TieEvidence;
  } | null;
  withoutProject: (PartnershipStructureData & { removedOrganisations: OrganisationEvidence }) | null;
}

/** The retention compares `at` with one year earlier: "which partnerships held over the last year". */
export const retentionBaseline = (at: string): string => addMonths(at, -12);

export interface PartnershipEvidence {
  title: string;
  items: string[];
}

export interface PartnershipRow {
  key: 'eiIndex' | 'transitivity' | 'multiplexity' | 'retention' | 'withoutProject';
  label: string;
  value: string;
  /** One line: what the number means here, in words. */
  help: string;
  evidence: PartnershipEvidence[];
}

const sortedLabels = (items: { label: string }[] | null | undefined): string[] => (items ?? []).map((i) => i.label).sort((a, b) => a.localeCompare(b));
const names = (e: TieEvidence): string[] => sortedLabels(e.tieItems);

const signed = (lang: Lang, v: number) => (v > 0 ? '+' : '') + formatDecimal(lang, v);

/** The five measures as the page shows them; "withoutProject" only for a project. */
export function partnershipRows(p: PartnershipData, lang: Lang, t: Translate): PartnershipRow[] {
  const ev = (key: string, items: string[]): PartnershipEvidence[] => (items.length ? [{ title: t(`evaluate.partnership.${key}.evidence`), items }] : []);
  const ei = p.eiIndex;
  const sectors = ei.bySector
    .filter((s) => s.value !== null)
    .map((s) => `${t(`sector.${s.sector}`)} ${signed(lang, s.value!)}`)
    .join(', ');
  const rows: PartnershipRow[] = [
    {
      key: 'eiIndex',
      label: t('evaluate.partnership.eiIndex'),
      value: ei.value === null ? '–' : signed(lang, ei.value),
      help:
        ei.value === null
          ? t('evaluate.partnership.noTies')
          : t('evaluate.partnership.eiIndex.help', { external: formatInteger(lang, ei.external), internal: formatInteger(lang, ei.internal), sectors: sectors || '–' }),
      evidence: ev('eiIndex', names(ei.externalTies)),
    },
    {
      key: 'transitivity',
      label: t('evaluate.partnership.transitivity'),
      value: formatDecimal(lang, p.clustering.transitivity),
      help:
        p.ties === 0
          ? t('evaluate.partnership.noTies')
          : t('evaluate.partnership.transitivity.help', { triangles: formatInteger(lang, p.clustering.triangles), average: formatDecimal(lang, p.clustering.averageClustering) }),
      evidence: ev('transitivity', names(p.clustering.evidence)),
    },
    {
      key: 'multiplexity',
      label: t('evaluate.partnership.multiplexity'),
      value: p.multiplexity.value === null ? '–' : formatDecimal(lang, p.multiplexity.value),
      help:
        p.multiplexity.value === null
          ? t('evaluate.partnership.noTies')
          : t('evaluate.partnership.multiplexity.help', { n: formatInteger(lang, p.multiplexity.multiplex), of: formatInteger(lang, p.multiplexity.ties) }),
      evidence: ev('multiplexity', names(p.multiplexity.evidence)),
    },
  ];
  const r = p.retention;
  if (r)
    rows.push({
      key: 'retention',
      label: t('evaluate.partnership.retention'),
      value: r.value === null ? '–' : formatDecimal(lang, r.value),
      help: t(r.value === null ? 'evaluate.partnership.retention.none' : 'evaluate.partnership.retention.help', {
        from: formatDate(lang, r.from),
        to: formatDate(lang, r.to),
        kept: formatInteger(lang, r.kept),
        lost: formatInteger(lang, r.lost),
        gained: formatInteger(lang, r.gained),
      }),
      evidence: [...ev('retention.kept', names(r.keptTies)), ...ev('retention.lost', names(r.lostTies)), ...ev('retention.new', names(r.newTies))],
    });
  const w = p.withoutProject;
  if (w)
    rows.push({
      key: 'withoutProject',
      label: t('evaluate.partnership.withoutProject'),
      value: `${formatInteger(lang, w.ties)} / ${formatInteger(lang, p.ties)}`,
      help: t('evaluate.partnership.withoutProject.help', {
        size: formatInteger(lang, w.size),
        ties: formatInteger(lang, w.ties),
        groups: formatInteger(lang, w.components.count),
        largest: formatInteger(lang, w.components.largest),
        density: formatDecimal(lang, w.density),
        transitivity: formatDecimal(lang, w.clustering.transitivity),
        ei: w.eiIndex.value === null ? '–' : signed(lang, w.eiIndex.value),
      }),
      evidence: ev('withoutProject', sortedLabels(w.removedOrganisations.organisationItems)),
    });
  return rows;
}
