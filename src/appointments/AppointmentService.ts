// Appointments at the spreekuur: open slots from the tenant's schedule, booking
// with a capacity the database enforces (slot_seats), the person's own cancel
// and change, and the reminders that go with a booked time.
import type { ContentTree } from '../content/loadContentTree.js';
import { localeSchema, type Schedule } from '../content/schema.js';
import { ValidationError } from '../errors.js';
import type { AuditLog } from '../handoff/AuditLog.js';
import type { Logger } from '../logger.js';
import type { DbContext } from '../storage/DbContext.js';
import type { AppointmentBooking, BookingRequest, BookingResult, ChangeStart } from './AppointmentBooking.js';
import type { AppointmentNotifier, NotifierSettings } from './AppointmentNotifier.js';
import { activeStatuses, type Appointment, type AppointmentRepository } from './AppointmentRepository.js';
import { computeSlots, findSlot, type Slot, slotKey } from './computeSlots.js';
import { reminderTimes, type ReminderSettings } from './reminderTimes.js';

export interface AppointmentSettings extends ReminderSettings, NotifierSettings {
  /** How far ahead the dialog offers times (14 days). */
  lookAheadDays: number;
  /** Slots starting sooner than this are not offered: nobody could read the confirmation in time. */
  minLeadMinutes: number;
}

export interface AppointmentServiceDeps {
  ctx: DbContext;
  repository: AppointmentRepository;
  audit: AuditLog;
  notifier: AppointmentNotifier;
  content: () => ContentTree;
  settings: AppointmentSettings;
  logger: Logger;
  now?: () => Date;
}

export class AppointmentService implements AppointmentBooking {
  protected readonly repository: AppointmentRepository;
  protected readonly now: () => Date;

  constructor(protected readonly deps: AppointmentServiceDeps) {
    this.repository = deps.repository;
    this.now = deps.now ?? (() => new Date());
  }

  get timeZone(): string {
    return this.deps.settings.timeZone;
  }

  scheduleOf(tenantKey: string): Schedule | undefined {
    return this.deps.content().tenants.get(tenantKey)?.schedule;
  }

  async openSlots(tenantKey: string, options: { locationId?: string | undefined; after?: Date; limit?: number } = {}): Promise<Slot[]> {
    const schedule = this.scheduleOf(tenantKey);
    if (!schedule) return [];
    const { lookAheadDays, minLeadMinutes, timeZone } = this.deps.settings;
    const from = new Date(this.now().getTime() + minLeadMinutes * 60_000);
    const after = options.after?.getTime() ?? -Infinity;
    const candidates = computeSlots(schedule, { from, days: lookAheadDays, timeZone, locationId: options.locationId }).filter(
      (slot) => slot.start.getTime() > after,
    );
    const first = candidates[0];
    const last = candidates.at(-1);
    if (!first || !last) return [];
    const taken = await this.repository.takenSeats(tenantKey, first.start, last.end);
    return candidates.filter((slot) => (taken.get(slotKey(slot)) ?? 0) < slot.capacity).slice(0, options.limit ?? 5);
  }

  /** Books a slot (or records a request for another time); a full slot comes back with the next free one. */
  async book(request: BookingRequest): Promise<BookingResult> {
    return this.deps.ctx.transaction(async () => {
      const { slotStart, locationId } = request;
      const values = {
        contactId: request.contactId,
        tenantKey: request.tenantKey,
        topic: request.topic,
        note: request.note,
        locationId,
        interpreterLocale: request.interpreterLocale,
        name: request.name,
        status: 'requested',
      };
      if (!slotStart || !locationId) {
        const appointment = await this.repository.insert({ ...values, slotStart: null, preferredTime: request.preferredTime });
        await this.replace(request.replaces, request.contactId);
        this.deps.logger.info({ appointmentId: appointment.id }, 'appointment requested without a slot');
        return { kind: 'requested', appointment };
      }
      const slot = this.bookableSlot(request.tenantKey, locationId, slotStart);
      const appointment = await this.repository.insert({ ...values, slotStart, preferredTime: null });
      const seat = await this.repository.claimSeat(appointment.id, { tenantKey: request.tenantKey, locationId, slotStart, capacity: slot.capacity });
      if (seat === undefined) {
        await this.repository.deleteUnseated(appointment.id);
        const [next] = await this.openSlots(request.tenantKey, { locationId, after: slotStart, limit: 1 });
        return { kind: 'full', next };
      }
      await this.scheduleReminders(appointment);
      await this.replace(request.replaces, request.contactId);
      this.deps.logger.info({ appointmentId: appointment.id, seat }, 'appointment booked');
      return { kind: 'booked', appointment };
    });
  }

  async get(id: number): Promise<Appointment | undefined> {
    return this.repository.get(id);
  }

  async nextActiveFor(contactId: number): Promise<Appointment | undefined> {
    return this.repository.nextActiveFor(contactId, this.now());
  }

  async cancelByPerson(contactId: number): Promise<Appointment | undefined> {
    return this.deps.ctx.transaction(async () => {
      const next = await this.repository.nextActiveFor(contactId, this.now());
      if (!next) return undefined;
      const cancelled = await this.release(next, 'cancelled');
      await this.deps.audit.record({ userId: null, action: 'appointment.cancel', details: { appointmentId: next.id, by: 'person' } });
      return cancelled;
    });
  }

  async startChange(contactId: number): Promise<ChangeStart | undefined> {
    const next = await this.repository.nextActiveFor(contactId, this.now());
    if (!next) return undefined;
    const { id, tenantKey, topic, note, locationId, name } = next;
    const interpreter = localeSchema.safeParse(next.interpreterLocale);
    return { replaces: id, tenantKey, topic, note, locationId, name, interpreterLocale: interpreter.success ? interpreter.data : null };
  }

  /**
   * Sends the earliest reminder due at `now`, if any: claimed and queued in one
   * transaction, so a crash or a second worker can neither lose nor repeat it.
   */
  async sendNextDueReminder(now: Date): Promise<boolean> {
    return this.deps.ctx.transaction(async () => {
      const reminder = await this.repository.claimDueReminder(now);
      if (!reminder) return false;
      const appointment = await this.repository.get(reminder.appointmentId);
      const stillComing = appointment?.slotStart && appointment.slotStart.getTime() > now.getTime() && activeStatuses.some((status) => status === appointment.status);
      if (!appointment || !stillComing) {
        // A reminder for a past or cancelled appointment (the process was down) would only confuse.
        await this.repository.setReminderStatus(reminder.id, 'cancelled');
        return true;
      }
      const plan = await this.deps.notifier.remind(appointment, reminder.kind === 'two_hours' ? 'two_hours' : 'day_before');
      this.deps.logger.info({ appointmentId: appointment.id, reminderId: reminder.id, kind: reminder.kind, plan }, 'reminder queued');
      return true;
    });
  }

  /** Frees the appointment's place and stops its reminders, leaving it in `status`. */
  protected async release(appointment: Appointment, status: Appointment['status']): Promise<Appointment> {
    await this.repository.releaseSeat(appointment.id);
    await this.repository.cancelReminders(appointment.id);
    return this.repository.update(appointment.id, { status });
  }

  protected async scheduleReminders(appointment: Appointment): Promise<void> {
    await this.repository.cancelReminders(appointment.id);
    if (!appointment.slotStart) return;
    for (const { kind, dueAt } of reminderTimes(appointment.slotStart, this.now(), this.deps.settings)) {
      await this.repository.scheduleReminder(appointment.id, kind, dueAt);
    }
  }

  /** A slot of the tenant's schedule that has not started yet; anything else is a bad request. */
  protected bookableSlot(tenantKey: string, locationId: string, start: Date): Slot {
    const schedule = this.scheduleOf(tenantKey);
    const slot = schedule ? findSlot(schedule, locationId, start, this.timeZone) : undefined;
    if (!slot) throw new ValidationError(`no slot at ${locationId} ${start.toISOString()} in the schedule of ${tenantKey}`);
    if (slot.start.getTime() <= this.now().getTime()) throw new ValidationError('that slot has already started');
    return slot;
  }

  private async replace(replaces: number | undefined, contactId: number): Promise<void> {
    if (replaces === undefined) return;
    const old = await this.repository.get(replaces);
    // Only the person's own, still active appointment can be replaced from a chat.
    if (!old || old.contactId !== contactId || !activeStatuses.some((status) => status === old.status)) return;
    await this.release(old, 'cancelled');
    await this.deps.audit.record({ userId: null, action: 'appointment.change', details: { appointmentId: old.id, by: 'person' } });
  }
}
