// When an appointment's reminders fall due: the evening before (or at once when
// booked later than that), and optionally two hours before.
import type { ReminderKind } from './AppointmentRepository.js';
import { addDays, localDateOf, zonedInstant } from '../time/zonedTime.js';

export interface ReminderSettings {
  timeZone: string;
  /** Local hour of the day-before reminder, e.g. 18. */
  dayBeforeHour: number;
  twoHourReminder: boolean;
}

/** A reminder this close to the start adds nothing to the confirmation just sent. */
const TOO_CLOSE_MS = 3 * 3_600_000;

export function reminderTimes(slotStart: Date, bookedAt: Date, settings: ReminderSettings): { kind: ReminderKind; dueAt: Date }[] {
  const times: { kind: ReminderKind; dueAt: Date }[] = [];
  const dayBefore = addDays(localDateOf(slotStart, settings.timeZone), -1);
  const evening = zonedInstant(dayBefore, `${String(settings.dayBeforeHour).padStart(2, '0')}:00`, settings.timeZone);
  const dayBeforeDue = evening.getTime() > bookedAt.getTime() ? evening : bookedAt;
  if (slotStart.getTime() - dayBeforeDue.getTime() >= TOO_CLOSE_MS) times.push({ kind: 'day_before', dueAt: dayBeforeDue });
  const twoHours = new Date(slotStart.getTime() - 2 * 3_600_000);
  if (settings.twoHourReminder && twoHours.getTime() > bookedAt.getTime()) times.push({ kind: 'two_hours', dueAt: twoHours });
  return times;
}
