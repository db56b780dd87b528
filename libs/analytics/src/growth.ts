/** Growth series (DESIGN §5): how the network grows and keeps its members, month by month or quarter by quarter. */
import { addMonths, badInput, type GraphSnapshot, type IsoDate } from '@verkosto/domain';
import { assertDate, indexCollaborations } from './ties';

export type GrowthInterval = 'MONTH' | 'QUARTER';

export interface GrowthPeriod {
  /** '2021-03' for a month, '2021-Q1' for a quarter. */
  label: string;
  /** Calendar period clipped to the asked from–to. */
  from: IsoDate;
  to: IsoDate;
  activeOrganisations: number;
  newOrganisations: number;
  ties: number;
  activities: number;
  density: number;
  /** Share of the previous period's active organisations active again; null for the first period. */
  retention: number | null;
  evidence: { organisations: string[]; newOrganisations: string[]; retained: string[]; ties: string[]; activities: string[] };
}

/** Guards against asking for a century of months by accident. */
const MAX_PERIODS = 1200;

function dayBefore(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function periods(from: IsoDate, to: IsoDate, interval: GrowthInterval): { label: string; from: IsoDate; to: IsoDate }[] {
  const months = interval === 'MONTH' ? 1 : 3;
  const [y, m] = from.split('-').map(Number);
  const firstMonth = interval === 'MONTH' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  let start = `${String(y).padStart(4, '0')}-${String(firstMonth).padStart(2, '0')}-01`;
  const out: { label: string; from: IsoDate; to: IsoDate }[] = [];
  while (start <= to) {
    if (out.length >= MAX_PERIODS) throw badInput(`A growth series is limited to ${MAX_PERIODS} periods.`, { from, to, interval });
    const next = addMonths(start, months);
    const month = Number(start.slice(5, 7));
    const label = interval === 'MONTH' ? start.slice(0, 7) : `${start.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
    out.push({ label, from: start < from ? from : start, to: dayBefore(next) > to ? to : dayBefore(next) });
    start = next;
  }
  return out;
}

/**
 * For consecutive periods, what touches each one: every interval is placed in the periods it
 * overlaps by binary search, so a long series costs what it returns rather than periods × intervals.
 */
class PeriodBuckets {
  private readonly buckets: number[][];

  constructor(private readonly periods: { from: IsoDate; to: IsoDate }[]) {
    this.buckets = periods.map(() => []);
  }

  add(from: IsoDate | null, to: IsoDate | null, item: number): void {
    const p = this.periods;
    let first = 0;
    if (from !== null) {
      let hi = p.length;
      while (first < hi) {
        const mid = (first + hi) >> 1;
        if (p[mid].to < from) first = mid + 1;
        else hi = mid;
      }
    }
    let last = p.length - 1;
    if (to !== null) {
      let lo = -1;
      while (lo < last) {
        const mid = (lo + last + 1) >> 1;
        if (p[mid].from <= to) lo = mid;
        else last = mid - 1;
      }
    }
    for (let i = first; i <= last; i++) this.buckets[i].push(item);
  }

  /** The distinct items of period i, in increasing order. */
  items(i: number): number[] {
    const sorted = Int32Array.from(this.buckets[i]).sort();
    this.buckets[i] = []; // each period is asked once
    const distinct: number[] = [];
    sorted.forEach((x, k) => (k === 0 || x !== sorted[k - 1]) && distinct.push(x));
    return distinct;
  }
}

/** Per period: organisations, new organisations, ties, activities, density and retention. */
export function growth(snapshot: GraphSnapshot, from: IsoDate, to: IsoDate, interval: GrowthInterval): GrowthPeriod[] {
  assertDate(from, 'from');
  assertDate(to, 'to');
  if (from > to) throw badInput('"from" must be on or before "to".', { from, to });
  const index = indexCollaborations(snapshot, { from, to });
  const series = periods(from, to, interval);

  // An organisation is new in the period holding its first day of taking part in anything.
  // An open start (null) means "since before the data", so it is never counted as new.
  // Everything below goes by place in id order, so each period's lists come out sorted.
  const orgIndex = new Map(index.organisationIds.map((id, i) => [id, i]));
  const firstDay: (IsoDate | null | undefined)[] = new Array(index.organisationIds.length);
  const activeIn = new PeriodBuckets(series);
  for (const s of index.spells) {
    const k = orgIndex.get(s.organisationId)!;
    const cur = firstDay[k];
    if (cur === undefined || (cur !== null && (s.from === null || s.from < cur))) firstDay[k] = s.from;
    activeIn.add(s.from, s.to, k);
  }
  const tiedIn = new PeriodBuckets(series);
  for (const ps of index.pairSpells) tiedIn.add(ps.from, ps.to, ps.pair);
  const activities = snapshot.nodes.filter((n) => n.kind === 'ACTIVITY').sort((a, b) => (a.id < b.id ? -1 : 1));
  const runningIn = new PeriodBuckets(series);
  activities.forEach((a, i) => runningIn.add(a.validFrom, a.validTo, i));

  let previous: Uint8Array | null = null;
  let previousCount = 0;
  return series.map((p, i) => {
    const present = activeIn.items(i);
    const orgs = present.map((k) => index.organisationIds[k]);
    const ties = tiedIn.items(i).map((pair) => index.pairIds[pair]);
    const fresh = present
      .filter((k) => {
        const d = firstDay[k];
        return d !== undefined && d !== null && d >= p.from && d <= p.to;
      })
      .map((k) => index.organisationIds[k]);
    const acts = runningIn.items(i).map((k) => activities[k].id);
    const prev: Uint8Array | null = previous;
    const retained = prev ? present.filter((k) => prev[k] === 1).map((k) => index.organisationIds[k]) : [];
    const retention = prev && previousCount > 0 ? retained.length / previousCount : null;
    previous = new Uint8Array(index.organisationIds.length);
    for (const k of present) previous[k] = 1;
    previousCount = present.length;
    const n = orgs.length;
    return {
      label: p.label,
      from: p.from,
      to: p.to,
      activeOrganisations: n,
      newOrganisations: fresh.length,
      ties: ties.length,
      activities: acts.length,
      density: n > 1 ? (2 * ties.length) / (n * (n - 1)) : 0,
      retention,
      evidence: { organisations: orgs, newOrganisations: fresh, retained, ties, activities: acts },
    };
  });
}
