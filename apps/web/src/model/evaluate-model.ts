/**
 * The evaluator page's logic without a DOM: rooting reports, growth periods and network measures
 * from the API turned into rows, readings in the user's language, chart series and map spotlights.
 * The measures themselves are defined in docs/measures.md and computed by the server.
 */
import { addMonths } from '@verkosto/domain/dates';
import { barPercent, formatDecimal, formatInteger, formatPercent } from './format';
import { formatDate, formatPeriod, type Lang } from './i18n';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const ROOTING_KEYS = ['tieSurvival', 'activityContinuation', 'coordinationHandover', 'independence', 'sharedResponsibility', 'breadth', 'adoption'] as const;
export type RootingKey = (typeof ROOTING_KEYS)[number];

export interface EvidenceItem {
  id: string;
  label: string;
}

export interface Evidence {
  ties?: string[] | null;
  activities?: string[] | null;
  organisations?: string[] | null;
  /** The same, named by the server (absent from older answers: then named from the map). */
  tieItems?: (EvidenceItem & { source: EvidenceItem; target: EvidenceItem })[] | null;
  activityItems?: EvidenceItem[] | null;
  organisationItems?: EvidenceItem[] | null;
}

/** The names the server gave an evidence set, by id (a tie's ends included). */
export function evidenceLabels(evidence: Evidence): Map<string, string> {
  const labels = new Map<string, string>();
  for (const item of [...(evidence.organisationItems ?? []), ...(evidence.activityItems ?? [])]) labels.set(item.id, item.label);
  for (const tie of evidence.tieItems ?? []) {
    labels.set(tie.id, tie.label);
    labels.set(tie.source.id, tie.source.label);
    labels.set(tie.target.id, tie.target.label);
  }
  return labels;
}

export interface RootingPartData {
  key: RootingKey;
  value: number | null;
  weight: number;
  reason: string | null;
  /** The server's reason code (absent from older answers: then read from the scope, see reasonOf). */
  reasonCode?: ReasonKey | null;
  /** Left out because data is missing, not scored 0. */
  missingData?: boolean;
  basis: { counted: number; of: number } | null;
  evidence: Evidence;
  explanation: string;
  /** Shared responsibility: one organisation coordinating one network too long (absent from older answers). */
  coordinationRun?: { organisation: EvidenceItem; network: EvidenceItem; years: number; penalty: number } | null;
}

export interface RootingReportData {
  at: string;
  ended: boolean;
  index: number | null;
  /** Parts left out of the index (absent from older answers). */
  leftOut?: RootingKey[];
  parts: RootingPartData[];
  weights: { key: RootingKey; weight: number }[];
  scope: { kind: 'PROJECT' | 'NETWORK'; id: string; label: string; start: string | null; end: string | null; projects: string[]; networks: string[] };
}

export interface GrowthPeriodData {
  label: string;
  from: string;
  to: string;
  activeOrganisations: number;
  newOrganisations: number;
  ties: number;
  activities: number;
  density: number;
  retention: number | null;
}

export interface MetricsData {
  at: string;
  size: number;
  ties: number;
  density: number;
  degreeCentralisation: number;
  maxCore: number;
  maxCoreMembers: string[];
  components: { count: number; largest: number; largestMembers: string[] };
  communities: { count: number; modularity: number; members: string[][] };
  articulationPoints: string[];
  bridges: string[];
  organisations: { id: string; label: string; degree: number; betweenness: number | null; isArticulationPoint: boolean }[];
  /** How betweenness was computed; estimated above the server's exact limit (docs/measures.md). */
  centrality?: { estimated: boolean; errorBound: number | null; confidence: number | null; sources: number };
}

/** What the page knows about a node: its name, and an organisation's sector (for breadth). */
export interface NodeInfo {
  label: string;
  sector?: string | null;
}
export type NodeIndex = Map<string, NodeInfo>;

export type Level = 'high' | 'mid' | 'low';

/** Thirds of 0..1: a plain-language band for a part or the index. */
export function levelOf(value: number): Level {
  return value >= 2 / 3 ? 'high' : value >= 1 / 3 ? 'mid' : 'low';
}

const labelOf = (nodes: NodeIndex, id: string) => nodes.get(id)?.label ?? id;

/** A tie id is "A|B": the two organisations. */
export function tieEnds(tieId: string): [string, string] {
  const cut = tieId.indexOf('|');
  return cut < 0 ? [tieId, tieId] : [tieId.slice(0, cut), tieId.slice(cut + 1)];
}

export function tieLabel(nodes: NodeIndex, tieId: string): string {
  const [a, b] = tieEnds(tieId);
  return `${labelOf(nodes, a)} – ${labelOf(nodes, b)}`;
}

/** Every node an evidence set names: organisations, both ends of each tie, activities. */
export function evidenceNodeIds(evidence: Evidence): string[] {
  const ids = new Set<string>();
  for (const id of evidence.organisations ?? []) ids.add(id);
  for (const tie of evidence.ties ?? []) tieEnds(tie).forEach((id) => ids.add(id));
  for (const id of evidence.activities ?? []) ids.add(id);
  return [...ids];
}

/** Which condition made a part not apply (the server's RootingReason); the page says it in the reader's language. */
export type ReasonKey =
  | 'noProjects'
  | 'noEnd'
  | 'notEnded'
  | 'notStarted'
  | 'noBornTies'
  | 'noActivities'
  | 'noNetwork'
  | 'noCoImplementers'
  | 'fewTied'
  | 'noRoles'
  | 'noneActive'
  | 'noPermanent'
  | 'noAdoption';

/** The reason a part is null: the server's code, or else read from the report's own scope and date (docs/measures.md). */
export function reasonOf(part: RootingPartData, report: RootingReportData): ReasonKey | null {
  if (part.value !== null) return null;
  if (part.reasonCode) return part.reasonCode;
  const s = report.scope;
  const afterEnd = (): ReasonKey | null => {
    if (s.kind === 'NETWORK' && s.projects.length === 0) return 'noProjects';
    if (s.end === null) return 'noEnd';
    if (report.at <= s.end) return 'notEnded';
    return null;
  };
  switch (part.key) {
    case 'tieSurvival':
      return afterEnd() ?? 'noBornTies';
    case 'activityContinuation':
      return afterEnd() ?? 'noActivities';
    case 'coordinationHandover':
      return 'noNetwork';
    case 'independence':
      return 'fewTied';
    case 'sharedResponsibility':
      return 'noRoles';
    case 'breadth':
      return 'noneActive';
    case 'adoption':
      // The two conditions cannot be told apart from the numbers; the server's sentence names the model.
      return /operating model/i.test(part.reason ?? '') ? 'noAdoption' : 'noPermanent';
  }
}

export interface EvidenceGroup {
  kind: 'organisations' | 'ties' | 'activities';
  title: string;
  items: { id: string; label: string }[];
}

export interface PartRow {
  key: RootingKey;
  name: string;
  meaning: string;
  value: number | null;
  valueText: string;
  percent: number;
  level: Level | null;
  levelText: string;
  weight: number;
  weightText: string;
  /** One plain sentence: what was counted, or why the part does not apply. */
  reading: string;
  /** Left out because data is missing: the reading says what to enter. */
  missingData: boolean;
  evidence: EvidenceGroup[];
  evidenceCount: number;
  nodeIds: string[];
}

function basisParams(part: RootingPartData, nodes: NodeIndex, at: string): Record<string, string | number> {
  const orgs = part.evidence.organisations ?? [];
  const ties = part.evidence.ties ?? [];
  const sectors = new Set(orgs.map((id) => nodes.get(id)?.sector).filter((s): s is string => !!s));
  return {
    counted: part.basis?.counted ?? 0,
    of: part.basis?.of ?? 0,
    n: orgs.length,
    projectOnly: ties.length,
    cross: ties.length,
    sectors: sectors.size,
    at,
  };
}

/** The seven parts as the page shows them, in the order of docs/measures.md. */
export function partRows(report: RootingReportData, nodes: NodeIndex, lang: Lang, t: Translate): PartRow[] {
  const at = formatDate(lang, report.at);
  const order = new Map(ROOTING_KEYS.map((k, i) => [k, i]));
  return [...report.parts]
    .sort((a, b) => order.get(a.key)! - order.get(b.key)!)
    .map((part) => {
      const level = part.value === null ? null : levelOf(part.value);
      const reason = reasonOf(part, report);
      const run = part.coordinationRun;
      const reading =
        part.value === null
          ? t(`evaluate.reason.${reason}`, { at, start: formatDate(lang, report.scope.start), end: formatDate(lang, report.scope.end) })
          : t(`evaluate.part.${part.key}.basis`, basisParams(part, nodes, at)) +
            (run
              ? ` ${t('evaluate.part.sharedResponsibility.run', {
                  holder: run.organisation.label,
                  network: run.network.label,
                  years: formatDecimal(lang, run.years, 1),
                  max: formatDecimal(lang, run.years * run.penalty, 0),
                  penalty: formatDecimal(lang, run.penalty),
                })}`
              : '');
      const named = evidenceLabels(part.evidence);
      const nameOf = (id: string) => named.get(id) ?? labelOf(nodes, id);
      const groups: EvidenceGroup[] = [];
      const add = (kind: EvidenceGroup['kind'], ids: string[] | null | undefined, label: (id: string) => string) => {
        if (!ids?.length) return;
        const items = ids.map((id) => ({ id, label: label(id) })).sort((a, b) => a.label.localeCompare(b.label, lang));
        groups.push({ kind, title: t(`evaluate.evidence.${part.key}.${kind}`), items });
      };
      add('organisations', part.evidence.organisations, nameOf);
      add('ties', part.evidence.ties, (id) => named.get(id) ?? tieLabel(nodes, id));
      add('activities', part.evidence.activities, nameOf);
      return {
        key: part.key,
        name: t(`evaluate.part.${part.key}`),
        meaning: t(`evaluate.part.${part.key}.meaning`),
        value: part.value,
        valueText: part.value === null ? '–' : formatDecimal(lang, part.value),
        percent: barPercent(part.value),
        level,
        levelText: level ? t(`evaluate.level.${level}`) : t('evaluate.notApplicable'),
        weight: part.weight,
        weightText: t('evaluate.weight', { weight: formatPercent(lang, part.weight) }),
        reading,
        missingData: part.value === null && (part.missingData ?? false),
        evidence: groups,
        evidenceCount: groups.reduce((n, g) => n + g.items.length, 0),
        nodeIds: evidenceNodeIds(part.evidence),
      };
    });
}

export interface IndexSummary {
  value: number | null;
  valueText: string;
  percent: number;
  level: Level | null;
  levelText: string;
  reading: string;
  basis: string;
  /** The parts left out of the index by name, and those among them for want of data; '' when none. */
  leftOut: string;
  missing: string;
  /** "Tie survival 20 %, …": the weights used, for the report. */
  weights: string;
  /** Where the project stands on the date (running, ended, no end). */
  status: string;
}

const partOrder = new Map(ROOTING_KEYS.map((k, i) => [k, i]));
const sortedParts = (parts: RootingPartData[]) => [...parts].sort((a, b) => partOrder.get(a.key)! - partOrder.get(b.key)!);

export function indexSummary(report: RootingReportData, lang: Lang, t: Translate): IndexSummary {
  const applicable = report.parts.filter((p) => p.value !== null).length;
  const level = report.index === null ? null : levelOf(report.index);
  const order = new Map(ROOTING_KEYS.map((k, i) => [k, i]));
  const weights = [...report.weights]
    .sort((a, b) => order.get(a.key)! - order.get(b.key)!)
    .map((w) => `${t(`evaluate.part.${w.key}`)} ${formatPercent(lang, w.weight)}`)
    .join(', ');
  const names = (parts: RootingPartData[]) =>
    sortedParts(parts)
      .map((p) => t(`evaluate.part.${p.key}`))
      .join(', ');
  const out = report.parts.filter((p) => p.value === null || p.weight === 0);
  const missing = out.filter((p) => p.value === null && p.missingData);
  const s = report.scope;
  const noProjects = s.kind === 'NETWORK' && s.projects.length === 0;
  const status = noProjects
    ? t('evaluate.reason.noProjects')
    : s.end === null
      ? t('evaluate.noEnd')
      : report.ended
        ? t('evaluate.ended', { date: formatDate(lang, s.end) })
        : t('evaluate.running');
  // While a project runs, the after-the-end parts are left out: the reading speaks of structures, not survival.
  const running = !report.ended && !noProjects;
  return {
    value: report.index,
    valueText: report.index === null ? '–' : formatDecimal(lang, report.index),
    percent: barPercent(report.index),
    level,
    levelText: level ? t(`evaluate.level.${level}`) : t('evaluate.notApplicable'),
    reading: level ? t(running ? `evaluate.index.running.${level}` : `evaluate.index.reading.${level}`) : t('evaluate.index.none'),
    basis: t('evaluate.index.basis', { n: applicable }),
    leftOut: out.length ? t('evaluate.index.leftOut', { parts: names(out) }) : '',
    missing: missing.length ? t('evaluate.index.missing', { parts: names(missing) }) : '',
    weights: t('evaluate.weightsNote', { weights }),
    status,
  };
}

/** "Project period 1.1.2019–31.12.2021." or the network's span of projects. */
export function periodText(report: RootingReportData, lang: Lang, t: Translate): string {
  const s = report.scope;
  if (!s.start && !s.end) return t('evaluate.period.none');
  return t(`evaluate.period.${s.kind}`, { period: formatPeriod(lang, s.start, s.end) });
}

// ---------- before / at end / after ----------

export type MilestoneKey = 'start' | 'end' | 'm6' | 'm12' | 'm24';

export interface MilestoneDate {
  key: MilestoneKey;
  at: string;
  monthsAfterEnd: number | null;
}

/**
 * The dates of the comparison: the start (what existed before the project's work), the end, and
 * 6, 12 and 24 months after it, the same day of the month clipped to the month's end (as the
 * server's rootingMilestones). No end date → no comparison.
 */
export function milestoneDates(start: string | null, end: string | null): MilestoneDate[] {
  if (!end) return [];
  const dates: MilestoneDate[] = [];
  if (start && start < end) dates.push({ key: 'start', at: start, monthsAfterEnd: null });
  dates.push({ key: 'end', at: end, monthsAfterEnd: 0 });
  for (const months of [6, 12, 24] as const) dates.push({ key: `m${months}`, at: addMonths(end, months), monthsAfterEnd: months });
  return dates;
}

export interface MilestoneColumn extends MilestoneDate {
  report: RootingReportData;
}

export interface MilestoneTable {
  columns: { key: MilestoneKey; at: string; title: string; date: string; future: boolean }[];
  rows: { key: RootingKey | 'index'; label: string; cells: { value: number | null; text: string; level: Level | null }[] }[];
  /** How the index moved from the end to the last report after it, in words; null when it cannot be said. */
  trend: string | null;
}

export function milestoneTable(columns: MilestoneColumn[], today: string, lang: Lang, t: Translate): MilestoneTable {
  const cell = (value: number | null) => ({ value, text: value === null ? '–' : formatDecimal(lang, value), level: value === null ? null : levelOf(value) });
  const title = (c: MilestoneColumn) =>
    c.key === 'start' ? t('evaluate.milestones.start') : c.key === 'end' ? t('evaluate.milestones.end') : t('evaluate.milestones.after', { months: c.monthsAfterEnd ?? 0 });
  const rows: MilestoneTable['rows'] = [
    { key: 'index', label: t('evaluate.index.title'), cells: columns.map((c) => cell(c.report.index)) },
    ...ROOTING_KEYS.map((key) => ({
      key,
      label: t(`evaluate.part.${key}`),
      cells: columns.map((c) => cell(c.report.parts.find((p) => p.key === key)?.value ?? null)),
    })),
  ];
  const end = columns.find((c) => c.key === 'end');
  const last = [...columns].reverse().find((c) => c.monthsAfterEnd !== null && c.monthsAfterEnd > 0 && c.report.index !== null && c.at <= today);
  let trend: string | null = null;
  if (end && last && end.report.index !== null && last.report.index !== null) {
    const diff = last.report.index - end.report.index;
    const word = Math.abs(diff) < 0.005 ? 'held' : diff > 0 ? 'rose' : 'fell';
    trend = t(`evaluate.milestones.trend.${word}`, { from: formatDecimal(lang, end.report.index), to: formatDecimal(lang, last.report.index), months: last.monthsAfterEnd! });
  }
  return {
    columns: columns.map((c) => ({ key: c.key, at: c.at, title: title(c), date: formatDate(lang, c.at), future: c.at > today })),
    rows,
    trend,
  };
}

// ---------- growth ----------

export const GROWTH_SERIES = [
  { key: 'activeOrganisations', kind: 'bar', share: false },
  { key: 'newOrganisations', kind: 'bar', share: false },
  { key: 'ties', kind: 'bar', share: false },
  { key: 'activities', kind: 'bar', share: false },
  { key: 'density', kind: 'line', share: true },
  { key: 'retention', kind: 'line', share: true },
] as const;
export type GrowthKey = (typeof GROWTH_SERIES)[number]['key'];

export interface GrowthSeries {
  key: GrowthKey;
  title: string;
  kind: 'bar' | 'line';
  share: boolean;
  labels: string[];
  values: (number | null)[];
  /** A sentence for screen readers and the chart's <desc>: the range, the peak, the latest value. */
  description: string;
}

export function formatMeasure(lang: Lang, value: number | null, share: boolean): string {
  if (value === null) return '–';
  return share ? formatDecimal(lang, value) : formatInteger(lang, value);
}

export function growthSeries(periods: GrowthPeriodData[], lang: Lang, t: Translate): GrowthSeries[] {
  const labels = periods.map((p) => p.label);
  return GROWTH_SERIES.map((s) => {
    const values = periods.map((p) => p[s.key]);
    const title = t(`evaluate.series.${s.key}`);
    let maxAt = -1;
    values.forEach((v, i) => {
      if (v !== null && (maxAt < 0 || v > (values[maxAt] as number))) maxAt = i;
    });
    const lastAt = values.map((v, i) => (v === null ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
    const description =
      periods.length === 0
        ? title
        : t('evaluate.growth.desc', {
            series: title,
            from: labels[0],
            to: labels[labels.length - 1],
            max: maxAt < 0 ? '–' : formatMeasure(lang, values[maxAt], s.share),
            maxAt: maxAt < 0 ? '–' : labels[maxAt],
            last: lastAt < 0 ? '–' : formatMeasure(lang, values[lastAt], s.share),
          });
    return { key: s.key, title, kind: s.kind, share: s.share, labels, values, description };
  });
}

/** The index of the period that contains `date`, or -1. */
export function periodIndexOf(periods: GrowthPeriodData[], date: string | null): number {
  if (!date) return -1;
  return periods.findIndex((p) => p.from <= date && date <= p.to);
}

/**
 * The window the growth charts cover: from the first date in the data (or the project start) to
 * two years after the end, or to the last date in the data if later, never past today.
 */
export function growthWindow(firstDate: string | null, lastDate: string | null, start: string | null, end: string | null, today: string): { from: string; to: string } | null {
  const from = [firstDate, start].filter((d): d is string => !!d).sort()[0];
  if (!from) return null;
  const candidates = [lastDate, end ? addMonths(end, 24) : null].filter((d): d is string => !!d).sort();
  let to = candidates[candidates.length - 1] ?? today;
  if (to > today) to = today > from ? today : to;
  return to < from ? { from, to: from } : { from, to };
}

// ---------- network measures ----------

export interface MetricRow {
  key: string;
  label: string;
  value: string;
  help: string;
}

export function metricRows(m: MetricsData, lang: Lang, t: Translate): MetricRow[] {
  const row = (key: string, value: string, params: Record<string, string | number> = {}) => ({
    key,
    label: t(`evaluate.metrics.${key}`),
    value,
    help: t(`evaluate.metrics.${key}.help`, params),
  });
  const rows = [
    row('size', formatInteger(lang, m.size)),
    row('ties', formatInteger(lang, m.ties)),
    row('density', formatDecimal(lang, m.density)),
    row('components', formatInteger(lang, m.components.count), { largest: m.components.largest }),
    row('centralisation', formatDecimal(lang, m.degreeCentralisation)),
    row('communities', formatInteger(lang, m.communities.count), { modularity: formatDecimal(lang, m.communities.modularity) }),
  ];
  // Without ties there is no core to speak of (every organisation has coreness 0).
  if (m.maxCore > 0) rows.push(row('core', `k = ${m.maxCore}`, { n: m.maxCoreMembers.length, k: m.maxCore }));
  return rows;
}

export interface NamedItem {
  id: string;
  label: string;
  nodeIds: string[];
  detail?: string;
}

/** The organisations lying on the most shortest paths (betweenness above 0), most first; "≈" before an estimate. */
export function brokers(m: MetricsData, lang: Lang, limit = 5): NamedItem[] {
  const approx = m.centrality?.estimated ? '≈ ' : '';
  return m.organisations
    .filter((o) => (o.betweenness ?? 0) > 0)
    .sort((a, b) => (b.betweenness ?? 0) - (a.betweenness ?? 0) || a.label.localeCompare(b.label, lang))
    .slice(0, limit)
    .map((o) => ({ id: o.id, label: o.label, nodeIds: [o.id], detail: approx + formatDecimal(lang, o.betweenness ?? 0) }));
}

/** Said beside the brokers when betweenness is an estimate: "estimated (±0.024, 95 % confidence) …"; null when exact. */
export function estimateNote(m: MetricsData, lang: Lang, t: Translate): string | null {
  const c = m.centrality;
  if (!c?.estimated) return null;
  return t('evaluate.metrics.estimated', {
    bound: formatDecimal(lang, c.errorBound ?? 0, 3),
    confidence: formatPercent(lang, c.confidence ?? 0.95),
    sources: formatInteger(lang, c.sources),
  });
}

export function articulationItems(m: MetricsData, lang: Lang): NamedItem[] {
  const names = new Map(m.organisations.map((o) => [o.id, o.label]));
  return m.articulationPoints.map((id) => ({ id, label: names.get(id) ?? id, nodeIds: [id] })).sort((a, b) => a.label.localeCompare(b.label, lang));
}

export function bridgeItems(m: MetricsData, lang: Lang): NamedItem[] {
  const nodes: NodeIndex = new Map(m.organisations.map((o) => [o.id, { label: o.label }]));
  return m.bridges.map((id) => ({ id, label: tieLabel(nodes, id), nodeIds: tieEnds(id) })).sort((a, b) => a.label.localeCompare(b.label, lang));
}

export function communityItems(m: MetricsData, lang: Lang, t: Translate): NamedItem[] {
  const names = new Map(m.organisations.map((o) => [o.id, o.label]));
  return m.communities.members
    .filter((members) => members.length > 1)
    .map((members, i) => ({
      id: `community-${i + 1}`,
      label: t('evaluate.metrics.community', { n: i + 1, size: members.length }),
      nodeIds: members,
      detail: members
        .map((id) => names.get(id) ?? id)
        .sort((a, b) => a.localeCompare(b, lang))
        .join(', '),
    }));
}
