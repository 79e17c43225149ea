// What the appointment dialog needs from the appointment service: a port, so
// the dialog stays free of the database and can be tested with a fake.
import type { Locale } from '../content/schema.js';
import type { Appointment } from './AppointmentRepository.js';
import type { Slot } from './computeSlots.js';

export interface AppointmentBooking {
  /** The zone in which the spreekuur's times are meant (Europe/Amsterdam). */
  readonly timeZone: string;
  /** The next slots with a free place in the coming days, earliest first. */
  openSlots(tenantKey: string, options?: { locationId?: string | undefined; after?: Date; limit?: number }): Promise<Slot[]>;
  book(request: BookingRequest): Promise<BookingResult>;
  /** The person's next appointment that still holds a place, if any. */
  nextActiveFor(contactId: number): Promise<Appointment | undefined>;
  /** The person cancels their next appointment (a reply to a reminder); frees the place. */
  cancelByPerson(contactId: number): Promise<Appointment | undefined>;
  /** What a change starts from: the next appointment's answers, to ask only for a new time. */
  startChange(contactId: number): Promise<ChangeStart | undefined>;
}

export interface BookingRequest {
  contactId: number;
  tenantKey: string;
  /** A topic key from the conversation, when known. */
  topic: string | null;
  /** The person's own words about what it is about. */
  note: string | null;
  locationId: string | null;
  /** A slot from openSlots; null with preferredTime ("other"). */
  slotStart: Date | null;
  preferredTime: string | null;
  interpreterLocale: Locale | null;
  name: string | null;
  /** An appointment this one replaces (a change): cancelled in the same transaction. */
  replaces?: number | undefined;
}

export type BookingResult =
  | { kind: 'booked'; appointment: Appointment }
  | { kind: 'requested'; appointment: Appointment }
  /** The slot filled up in the meantime; `next` is the next slot with a free place there. */
  | { kind: 'full'; next: Slot | undefined };

export interface ChangeStart {
  replaces: number;
  tenantKey: string;
  topic: string | null;
  note: string | null;
  locationId: string | null;
  interpreterLocale: Locale | null;
  name: string | null;
}
