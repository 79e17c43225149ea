// What volunteers and coordinators do with appointments in the console:
// confirm, move, cancel, mark attendance, and the day's list. Every change is
// audited and, where the person should know, told to them in their language.
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { type Appointment, activeStatuses } from './AppointmentRepository.js';
import { AppointmentService } from './AppointmentService.js';
import { type Slot, slotKey, slotsOnDay } from './computeSlots.js';
import { addDays, type LocalDate, zonedInstant } from '../time/zonedTime.js';

/** The chosen slot has no place left. */
export class SlotFullError extends ConflictError {}

export type Attendance = 'attended' | 'no_show';

export interface DayList {
  date: LocalDate;
  /** The schedule's slots of the day with their appointments, plus any booked slot the schedule no longer has. */
  slots: { slot: Slot | undefined; locationId: string; start: Date; appointments: Appointment[] }[];
}

export class AppointmentDesk extends AppointmentService {
  /** Requests waiting for a time, and appointments from `from` up to `to`, of the given tenants. */
  async list(tenantKeys: readonly string[], from: Date, to: Date): Promise<Appointment[]> {
    return this.repository.listForTenants(tenantKeys, from, to);
  }

  /** The appointment, if it belongs to one of the tenants the user may see. */
  async getVisible(id: number, tenantKeys: readonly string[]): Promise<Appointment> {
    const appointment = await this.repository.get(id);
    if (!appointment || !tenantKeys.includes(appointment.tenantKey)) throw new NotFoundError(`appointment ${id} not found`);
    return appointment;
  }

  async confirm(id: number, userId: number): Promise<Appointment> {
    return this.change(id, userId, 'confirm', async (appointment) => {
      if (appointment.status !== 'requested' || !appointment.slotStart) throw new ConflictError('only a requested appointment with a time can be confirmed');
      const confirmed = await this.repository.update(id, { status: 'confirmed' });
      await this.deps.notifier.notify(confirmed, 'confirmed');
      return confirmed;
    });
  }

  async cancel(id: number, userId: number): Promise<Appointment> {
    return this.change(id, userId, 'cancel', async (appointment) => {
      requireActive(appointment);
      const cancelled = await this.release(appointment, 'cancelled');
      await this.deps.notifier.notify(cancelled, 'cancelled');
      return cancelled;
    });
  }

  /** Gives the appointment another slot (or a first one, for a request with a preferred time). */
  async move(id: number, target: { locationId: string; slotStart: Date }, userId: number): Promise<Appointment> {
    return this.change(id, userId, 'move', async (appointment) => {
      requireActive(appointment);
      const slot = this.bookableSlot(appointment.tenantKey, target.locationId, target.slotStart);
      await this.repository.releaseSeat(appointment.id);
      const seat = await this.repository.claimSeat(appointment.id, { tenantKey: appointment.tenantKey, locationId: slot.locationId, slotStart: slot.start, capacity: slot.capacity });
      // Throwing rolls the transaction back, so the old place is kept.
      if (seat === undefined) throw new SlotFullError('that slot is full');
      const moved = await this.repository.update(id, { locationId: slot.locationId, slotStart: slot.start, status: 'confirmed' });
      await this.scheduleReminders(moved);
      await this.deps.notifier.notify(moved, 'moved');
      return moved;
    });
  }

  /** A coordinator records whether the person came; the annual report counts no-shows. */
  async markAttendance(id: number, outcome: Attendance, userId: number): Promise<Appointment> {
    return this.change(id, userId, outcome, async (appointment) => {
      const settled: readonly string[] = [...activeStatuses, 'attended', 'no_show'];
      if (!appointment.slotStart || !settled.includes(appointment.status)) throw new ConflictError('only an appointment with a time can be marked');
      if (appointment.slotStart.getTime() > this.now().getTime()) throw new ValidationError('the appointment has not started yet');
      await this.repository.cancelReminders(id);
      return this.repository.update(id, { status: outcome });
    });
  }

  async dayList(tenantKey: string, date: LocalDate): Promise<DayList> {
    const schedule = this.scheduleOf(tenantKey);
    const from = zonedInstant(date, '00:00', this.timeZone);
    const to = zonedInstant(addDays(date, 1), '00:00', this.timeZone);
    const booked = (await this.repository.listForTenants([tenantKey], from, to)).filter((appointment) => appointment.slotStart);
    const groups = new Map<string, DayList['slots'][number]>();
    for (const slot of schedule ? slotsOnDay(schedule, date, this.timeZone) : []) {
      groups.set(slotKey(slot), { slot, locationId: slot.locationId, start: slot.start, appointments: [] });
    }
    for (const appointment of booked) {
      const locationId = appointment.locationId ?? '';
      const start = appointment.slotStart ?? from;
      const key = slotKey({ locationId, start });
      const group = groups.get(key) ?? { slot: undefined, locationId, start, appointments: [] };
      group.appointments.push(appointment);
      groups.set(key, group);
    }
    const slots = [...groups.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.locationId.localeCompare(b.locationId));
    return { date, slots };
  }

  private async change(id: number, userId: number, action: string, apply: (appointment: Appointment) => Promise<Appointment>): Promise<Appointment> {
    return this.deps.ctx.transaction(async () => {
      const appointment = await this.repository.get(id);
      if (!appointment) throw new NotFoundError(`appointment ${id} not found`);
      const changed = await apply(appointment);
      await this.deps.audit.record({ userId, action: `appointment.${action}`, details: { appointmentId: id, from: appointment.status, to: changed.status } });
      this.deps.logger.info({ appointmentId: id, userId, action }, 'appointment changed');
      return changed;
    });
  }
}

function requireActive(appointment: Appointment): void {
  const status: string = appointment.status;
  if (!activeStatuses.some((active) => active === status)) throw new ConflictError(`appointment ${appointment.id} is ${status}`);
}
