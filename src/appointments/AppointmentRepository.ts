// Appointments, the seats they hold in a slot, and their reminders. The seat
// rows' primary key is what decides who gets the last place in a slot.
import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbContext } from '../storage/DbContext.js';
import type { Contact, Conversation } from '../storage/ContactRepository.js';
import { appointments, contacts, conversations, reminders, slotSeats } from '../storage/schema.js';

export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = Omit<typeof appointments.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type Reminder = typeof reminders.$inferSelect;
export type AppointmentStatus = 'requested' | 'confirmed' | 'cancelled' | 'attended' | 'no_show';
export type ReminderKind = 'day_before' | 'two_hours';

/** Statuses in which an appointment still holds its place. */
export const activeStatuses: readonly AppointmentStatus[] = ['requested', 'confirmed'];

export class AppointmentRepository {
  constructor(private readonly ctx: DbContext) {}

  async insert(values: NewAppointment): Promise<Appointment> {
    const [row] = await this.ctx.db.insert(appointments).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async get(id: number): Promise<Appointment | undefined> {
    const [row] = await this.ctx.db.select().from(appointments).where(eq(appointments.id, id));
    return row;
  }

  /** Removes an appointment that never got a seat (the slot filled up under it). */
  async deleteUnseated(id: number): Promise<void> {
    await this.ctx.db.delete(appointments).where(eq(appointments.id, id));
  }

  async update(id: number, changes: Partial<Pick<Appointment, 'status' | 'locationId' | 'slotStart' | 'preferredTime'>>): Promise<Appointment> {
    const [row] = await this.ctx.db
      .update(appointments)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(appointments.id, id))
      .returning();
    if (!row) throw new Error(`appointment ${id} vanished`);
    return row;
  }

  /**
   * Takes the lowest free seat of the slot for the appointment. A seat another
   * open transaction holds blocks until that one ends, so the database, not a
   * count read earlier, decides who gets the last place.
   */
  async claimSeat(appointmentId: number, slot: { tenantKey: string; locationId: string; slotStart: Date; capacity: number }): Promise<number | undefined> {
    for (let seat = 1; seat <= slot.capacity; seat++) {
      const [row] = await this.ctx.db
        .insert(slotSeats)
        .values({ tenantKey: slot.tenantKey, locationId: slot.locationId, slotStart: slot.slotStart, seat, appointmentId })
        .onConflictDoNothing()
        .returning({ seat: slotSeats.seat });
      if (row) return row.seat;
    }
    return undefined;
  }

  async releaseSeat(appointmentId: number): Promise<void> {
    await this.ctx.db.delete(slotSeats).where(eq(slotSeats.appointmentId, appointmentId));
  }

  /** Taken seats per slot (key location@ISO start) between two instants. */
  async takenSeats(tenantKey: string, from: Date, to: Date): Promise<Map<string, number>> {
    const rows = await this.ctx.db
      .select({ locationId: slotSeats.locationId, slotStart: slotSeats.slotStart, taken: sql<number>`count(*)::int` })
      .from(slotSeats)
      .where(and(eq(slotSeats.tenantKey, tenantKey), gte(slotSeats.slotStart, from), lt(slotSeats.slotStart, to)))
      .groupBy(slotSeats.locationId, slotSeats.slotStart);
    return new Map(rows.map((row) => [`${row.locationId}@${row.slotStart.toISOString()}`, Number(row.taken)]));
  }

  /** The person's next appointment that still holds a place (or waits for a time). */
  async nextActiveFor(contactId: number, now: Date): Promise<Appointment | undefined> {
    const [row] = await this.ctx.db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.contactId, contactId),
          inArray(appointments.status, [...activeStatuses]),
          or(isNull(appointments.slotStart), gte(appointments.slotStart, now)),
        ),
      )
      .orderBy(sql`${appointments.slotStart} asc nulls last`, asc(appointments.id))
      .limit(1);
    return row;
  }

  /** Appointments of the tenants between two instants, plus requests still waiting for a time. */
  async listForTenants(tenantKeys: readonly string[], from: Date, to: Date): Promise<Appointment[]> {
    if (tenantKeys.length === 0) return [];
    return this.ctx.db
      .select()
      .from(appointments)
      .where(
        and(
          inArray(appointments.tenantKey, [...tenantKeys]),
          or(
            and(gte(appointments.slotStart, from), lt(appointments.slotStart, to)),
            and(isNull(appointments.slotStart), eq(appointments.status, 'requested')),
          ),
        ),
      )
      .orderBy(sql`${appointments.slotStart} asc nulls first`, asc(appointments.id));
  }

  async scheduleReminder(appointmentId: number, kind: ReminderKind, dueAt: Date): Promise<void> {
    await this.ctx.db
      .insert(reminders)
      .values({ appointmentId, kind, dueAt, status: 'pending' })
      .onConflictDoUpdate({ target: [reminders.appointmentId, reminders.kind], set: { dueAt, status: 'pending', sentAt: null } });
  }

  async cancelReminders(appointmentId: number): Promise<void> {
    await this.ctx.db
      .update(reminders)
      .set({ status: 'cancelled' })
      .where(and(eq(reminders.appointmentId, appointmentId), eq(reminders.status, 'pending')));
  }

  async setReminderStatus(id: number, status: 'sent' | 'cancelled'): Promise<void> {
    await this.ctx.db.update(reminders).set({ status }).where(eq(reminders.id, id));
  }

  async remindersOf(appointmentId: number): Promise<Reminder[]> {
    return this.ctx.db.select().from(reminders).where(eq(reminders.appointmentId, appointmentId)).orderBy(asc(reminders.id));
  }

  /**
   * Marks the earliest due reminder sent and returns it. Called in the same
   * transaction as the outbound enqueue: a crash before the commit leaves it
   * pending, and a second worker skips the row the first one holds.
   */
  async claimDueReminder(now: Date): Promise<Reminder | undefined> {
    const [row] = await this.ctx.db
      .update(reminders)
      .set({ status: 'sent', sentAt: now })
      .where(
        sql`${reminders.id} = (
          select id from reminders
          where status = 'pending' and due_at <= ${now.toISOString()}::timestamptz
          order by due_at, id
          limit 1
          for update skip locked)`,
      )
      .returning();
    return row;
  }

  /** The person and their conversation, to write to them. */
  async conversationOf(contactId: number): Promise<{ contact: Contact; conversation: Conversation } | undefined> {
    const [row] = await this.ctx.db
      .select({ contact: contacts, conversation: conversations })
      .from(contacts)
      .innerJoin(conversations, eq(conversations.contactId, contacts.id))
      .where(eq(contacts.id, contactId));
    return row;
  }
}
