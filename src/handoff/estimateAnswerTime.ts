// When a volunteer will roughly answer, from the tenant's spreekuur schedule
// and the queue ahead. Only times from the schedule are ever returned.
import type { TenantContent } from '../content/loadContentTree.js';
import type { Schedule } from '../content/schema.js';
import { addDays, localDateOf, weekdayOf, zonedInstant } from '../time/zonedTime.js';

export type AnswerEstimate =
  | { kind: 'next-spreekuur'; start: Date; sample: boolean }
  /** No schedule to go by, or a spreekuur is on now with room for this thread. */
  | { kind: 'asap' };

export interface EstimateOptions {
  timeZone?: string;
  /**
   * Threads a spreekuur works through per hour. A rough figure (a volunteer
   * reads, looks up and answers in about a quarter of an hour); it only decides
   * which session, never a time that is not in the schedule.
   */
  threadsPerHour?: number;
  /** How far ahead to look for a session. */
  horizonDays?: number;
}

interface Occurrence {
  start: Date;
  end: Date;
}

export function estimateAnswerTime(tenantContent: TenantContent | undefined, queueAhead: number, now: Date, options: EstimateOptions = {}): AnswerEstimate {
  const schedule = tenantContent?.schedule;
  if (!schedule || schedule.sessions.length === 0) return { kind: 'asap' };
  const perHour = options.threadsPerHour ?? 4;
  let ahead = Math.max(0, queueAhead);
  for (const occurrence of upcomingSessions(schedule.sessions, now, options.timeZone ?? 'Europe/Amsterdam', options.horizonDays ?? 14)) {
    const from = Math.max(occurrence.start.getTime(), now.getTime());
    const capacity = Math.max(1, Math.floor(((occurrence.end.getTime() - from) / 3_600_000) * perHour));
    if (ahead < capacity) {
      return occurrence.start <= now ? { kind: 'asap' } : { kind: 'next-spreekuur', start: occurrence.start, sample: schedule.sample };
    }
    ahead -= capacity;
  }
  return { kind: 'asap' };
}

type Session = Schedule['sessions'][number];

/** Sessions that have not ended yet, in order, over the next horizonDays days. */
function upcomingSessions(sessions: readonly Session[], now: Date, timeZone: string, horizonDays: number): Occurrence[] {
  const today = localDateOf(now, timeZone);
  const occurrences: Occurrence[] = [];
  for (let offset = 0; offset <= horizonDays; offset += 1) {
    const day = addDays(today, offset);
    const weekday = weekdayOf(day);
    for (const session of sessions.filter((candidate) => candidate.weekday === weekday)) {
      const occurrence = { start: zonedInstant(day, session.start, timeZone), end: zonedInstant(day, session.end, timeZone) };
      if (occurrence.end > now && occurrence.end > occurrence.start) occurrences.push(occurrence);
    }
  }
  return occurrences.sort((a, b) => a.start.getTime() - b.start.getTime());
}
