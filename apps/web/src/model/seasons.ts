/**
 * Recurring activities: next season's activity continues this one (Kesäkeidas 2020 → 2021). The
 * API records that as `continuesId` (a CONTINUES link from the new activity to the earlier one).
 */

export interface SeasonSource {
  id: string;
  name: string;
  type: string;
  startDate: string | null;
  endDate: string | null;
  municipalityCode: string | null;
  description: string | null;
  projectId: string | null;
  networkIds: string[];
  methodIds: string[];
  targetGroupIds: string[];
}

export interface SeasonParticipant {
  organisationId: string;
  role: string;
  validFrom: string | null;
  validTo: string | null;
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function shiftYears(iso: string | null, years: number): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The name of next season's activity: the year in the name moves on by one — the activity's own
 * start year when the name has it, else the last year-like number. A name without a year stays.
 */
export function nextSeasonName(name: string, startDate: string | null): string {
  const own = startDate?.slice(0, 4);
  const years = [...name.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)];
  const match = years.find((m) => m[0] === own) ?? years[years.length - 1];
  if (!match || match.index === undefined) return name;
  return name.slice(0, match.index) + String(Number(match[0]) + 1) + name.slice(match.index + 4);
}

/** The values of next season's activity: the same activity a year later, continuing this one. */
export function nextSeason(source: SeasonSource) {
  return {
    name: nextSeasonName(source.name, source.startDate),
    type: source.type,
    startDate: shiftYears(source.startDate, 1),
    endDate: shiftYears(source.endDate, 1),
    municipalityCode: source.municipalityCode,
    description: source.description,
    projectId: source.projectId,
    continuesId: source.id,
    networkIds: [...source.networkIds],
    methodIds: [...source.methodIds],
    targetGroupIds: [...source.targetGroupIds],
  };
}

/**
 * This season's participants with their roles, a year later. An open-ended participation stays
 * open; the new one starts when the new season does if it had no start of its own.
 */
export function nextSeasonParticipants(participants: SeasonParticipant[], newStart: string | null): SeasonParticipant[] {
  const seen = new Set<string>();
  return participants.flatMap((p) => {
    const key = `${p.organisationId}|${p.role}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ organisationId: p.organisationId, role: p.role, validFrom: shiftYears(p.validFrom, 1) ?? newStart, validTo: shiftYears(p.validTo, 1) }];
  });
}
