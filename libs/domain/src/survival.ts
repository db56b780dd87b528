/**
 * One vocabulary, one set of date rules, for the map, the evaluator page and the rooting report
 * (docs/measures.md, "Collaboration tie" and "tieSurvival"). Dependency-free: the browser uses it too.
 *
 * - A **tie**: two organisations taking part in the same activity or project on the same day, each
 *   participation clipped to the days its target (and the organisation) exist.
 * - A tie **survived** a project on a date when it was born during the project (the pair's first
 *   shared day, over all the data, lies in the project period), the project had ended before that
 *   date, both were the project's participants, and the tie is active on that date.
 * - "Rooted" is the reading of the rooting index, not a property of one tie.
 */
import type { IsoDate } from './model';

export interface Period {
  from: IsoDate | null;
  to: IsoDate | null;
}

// Open ends: a null start is -∞, a null end is +∞.
export const laterStart = (a: IsoDate | null, b: IsoDate | null): IsoDate | null => (a === null ? b : b === null ? a : a > b ? a : b);
export const earlierEnd = (a: IsoDate | null, b: IsoDate | null): IsoDate | null => (a === null ? b : b === null ? a : a < b ? a : b);

/** A participation as it counts: clipped to its target's and its organisation's own dates; null when nothing is left. */
export function clipParticipation(participation: Period, target: Period, organisation: Period): Period | null {
  const from = laterStart(laterStart(participation.from, target.from), organisation.from);
  const to = earlierEnd(earlierEnd(participation.to, target.to), organisation.to);
  return from === null || to === null || from <= to ? { from, to } : null;
}

/** "After the end": the project has an end date and `at` is later than it. */
export const hasEnded = (project: Period, at: IsoDate): boolean => project.to !== null && at > project.to;

/** A tie's birth (null = since before the data) lies inside the project period (which needs an end). */
export const bornDuring = (birth: IsoDate | null, project: Period): boolean =>
  birth !== null && project.to !== null && (project.from === null || birth >= project.from) && birth <= project.to;

/** The tie survived the project on `at` (both ends being the project's participants is the caller's to check). */
export const survivedProject = (birth: IsoDate | null, activeOnDate: boolean, project: Period, at: IsoDate): boolean =>
  activeOnDate && hasEnded(project, at) && bornDuring(birth, project);
