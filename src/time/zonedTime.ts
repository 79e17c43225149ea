// Wall-clock dates and times in the spreekuur's time zone (Europe/Amsterdam),
// converted to and from instants with Intl only, so summer time needs no table
// and the server may run in UTC. Shared by appointments and the handoff estimate.

/** A calendar day as people in the time zone see it. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in the time zone. */
export function wallClockOf(instant: Date, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClockOf(instant, timeZone);
  return { year, month, day };
}

/** How far the zone is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const wall = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show this date and HH:MM. Spreekuur
 * times never fall in the night-time gap of a summer-time change, so the
 * second pass (offset after the guess) settles every real case.
 */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  const naive = Date.UTC(date.year, date.month - 1, date.day, hour ?? 0, minute ?? 0);
  const first = naive - offsetAt(new Date(naive), timeZone);
  return new Date(naive - offsetAt(new Date(first), timeZone));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function weekdayOf(date: LocalDate): Weekday {
  return weekdays[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] ?? 'sunday';
}

/** YYYY-MM-DD, the form the console's URLs and the ICS export use. */
export function isoDay(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function parseIsoDay(value: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isoDay(addDays(date, 0)) === value ? date : undefined;
}
