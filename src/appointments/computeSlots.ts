// The appointment slots a tenant's weekly schedule offers: a pure function of
// the schedule, a day range and the time zone, so tests and the console agree.
import type { Locale, Schedule } from '../content/schema.js';
import { addDays, type LocalDate, localDateOf, weekdayOf, zonedInstant } from '../time/zonedTime.js';

export interface Slot {
  locationId: string;
  start: Date;
  end: Date;
  /** Appointments this slot can take. */
  capacity: number;
  languageHelp: Locale[];
}

export interface SlotRange {
  /** Slots starting before this instant are left out. */
  from: Date;
  /** Calendar days to look ahead, counting the day of `from`. */
  days: number;
  timeZone: string;
  locationId?: string | undefined;
}

/** Every slot of the schedule in the range, in time order. */
export function computeSlots(schedule: Schedule, range: SlotRange): Slot[] {
  const firstDay = localDateOf(range.from, range.timeZone);
  const slots: Slot[] = [];
  for (let offset = 0; offset < range.days; offset++) {
    slots.push(...slotsOnDay(schedule, addDays(firstDay, offset), range.timeZone, range.locationId));
  }
  return slots.filter((slot) => slot.start.getTime() >= range.from.getTime()).sort(bySlotOrder);
}

/** The slots of one calendar day, whether past or not (the console's day view). */
export function slotsOnDay(schedule: Schedule, date: LocalDate, timeZone: string, locationId?: string): Slot[] {
  const weekday = weekdayOf(date);
  const slots: Slot[] = [];
  for (const session of schedule.sessions) {
    if (session.weekday !== weekday) continue;
    if (locationId !== undefined && session.location !== locationId) continue;
    const sessionEnd = zonedInstant(date, session.end, timeZone).getTime();
    const step = session.slot_minutes * 60_000;
    for (let start = zonedInstant(date, session.start, timeZone).getTime(); start + step <= sessionEnd; start += step) {
      slots.push({
        locationId: session.location,
        start: new Date(start),
        end: new Date(start + step),
        capacity: session.capacity,
        languageHelp: session.language_help,
      });
    }
  }
  return slots.sort(bySlotOrder);
}

/** The schedule's slot at this location and start, if the schedule has one. */
export function findSlot(schedule: Schedule, locationId: string, start: Date, timeZone: string): Slot | undefined {
  return slotsOnDay(schedule, localDateOf(start, timeZone), timeZone, locationId).find((slot) => slot.start.getTime() === start.getTime());
}

/** Locations that have at least one session: the only ones worth offering. */
export function bookableLocations(schedule: Schedule): Schedule['locations'] {
  return schedule.locations.filter((location) => schedule.sessions.some((session) => session.location === location.id));
}

export function slotKey(slot: { locationId: string; start: Date }): string {
  return `${slot.locationId}@${slot.start.toISOString()}`;
}

function bySlotOrder(a: Slot, b: Slot): number {
  return a.start.getTime() - b.start.getTime() || a.locationId.localeCompare(b.locationId);
}
