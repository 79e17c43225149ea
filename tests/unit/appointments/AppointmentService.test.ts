import { eq } from 'drizzle-orm';
import type { BookingRequest } from '../../../src/appointments/AppointmentBooking.js';
import { UserRepository } from '../../../src/auth/UserRepository.js';
import { ConflictError, ValidationError } from '../../../src/errors.js';
import { auditLog, slotSeats } from '../../../src/storage/schema.js';
import { type AppointmentKit, createPerson, openAppointmentKit, outboxOf } from './appointmentTestKit.js';

const tuesday0900 = new Date('2026-03-03T08:00:00Z');
const tuesday0930 = new Date('2026-03-03T08:30:00Z');
const thursday1300 = new Date('2026-03-05T12:00:00Z');

describe('AppointmentService', () => {
  let kit: AppointmentKit;

  beforeAll(async () => {
    kit = await openAppointmentKit();
  });
  afterAll(() => kit.test.drop());

  function request(contactId: number, overrides: Partial<BookingRequest> = {}): BookingRequest {
    return {
      contactId,
      tenantKey: 'testdorp',
      topic: 'toeslagen.huurtoeslag',
      note: null,
      locationId: 'buurthuis',
      slotStart: thursday1300,
      preferredTime: null,
      interpreterLocale: 'ar',
      name: null,
      ...overrides,
    };
  }

  async function freePlaces(start: Date): Promise<number | undefined> {
    const slots = await kit.desk.openSlots('testdorp', { limit: 20 });
    const slot = slots.find((candidate) => candidate.start.getTime() === start.getTime());
    if (!slot) return undefined;
    const seats = await kit.test.handle.db.select().from(slotSeats).where(eq(slotSeats.slotStart, start));
    return slot.capacity - seats.length;
  }

  it('offers at most five open slots of the next two weeks, earliest first', async () => {
    const slots = await kit.desk.openSlots('testdorp');
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([
      '2026-03-03T08:00:00.000Z',
      '2026-03-03T08:30:00.000Z',
      '2026-03-05T12:00:00.000Z',
      '2026-03-10T08:00:00.000Z',
      '2026-03-10T08:30:00.000Z',
    ]);
  });

  it('gives the last place to exactly one of two people booking at the same moment; the other is offered the next slot', async () => {
    const [first, second] = await Promise.all([createPerson(kit), createPerson(kit)]);
    if (!first || !second) throw new Error('no people');
    const results = await Promise.all([kit.desk.book(request(first.contact.id)), kit.desk.book(request(second.contact.id))]);
    const kinds = results.map((result) => result.kind).sort();
    expect(kinds).toEqual(['booked', 'full']);
    const full = results.find((result) => result.kind === 'full');
    expect(full?.kind === 'full' && full.next?.start.toISOString()).toBe('2026-03-10T08:00:00.000Z');
    const seats = await kit.test.handle.db.select().from(slotSeats).where(eq(slotSeats.slotStart, thursday1300));
    expect(seats).toHaveLength(1);
    expect((await kit.desk.openSlots('testdorp', { limit: 20 })).some((slot) => slot.start.getTime() === thursday1300.getTime())).toBe(false);
  });

  it('frees the place when the person cancels, and stops the reminders', async () => {
    const { contact } = await createPerson(kit);
    const before = await freePlaces(tuesday0930);
    const booked = await kit.desk.book(request(contact.id, { slotStart: tuesday0930 }));
    if (booked.kind !== 'booked') throw new Error(`expected booked, got ${booked.kind}`);
    expect(await freePlaces(tuesday0930)).toBe((before ?? 0) - 1);
    expect((await kit.repository.remindersOf(booked.appointment.id)).map((reminder) => [reminder.kind, reminder.dueAt.toISOString(), reminder.status])).toEqual([
      ['day_before', '2026-03-02T17:00:00.000Z', 'pending'],
    ]);

    const cancelled = await kit.desk.cancelByPerson(contact.id);
    expect(cancelled?.status).toBe('cancelled');
    expect(await freePlaces(tuesday0930)).toBe(before);
    expect((await kit.repository.remindersOf(booked.appointment.id)).map((reminder) => reminder.status)).toEqual(['cancelled']);
    expect(await kit.desk.cancelByPerson(contact.id)).toBeUndefined();
  });

  it('a change keeps the old place until the new time is booked, then frees it', async () => {
    const { contact } = await createPerson(kit);
    const old = await kit.desk.book(request(contact.id, { slotStart: tuesday0900, name: 'Amal' }));
    if (old.kind !== 'booked') throw new Error('expected booked');
    const change = await kit.desk.startChange(contact.id);
    expect(change).toMatchObject({ replaces: old.appointment.id, name: 'Amal', interpreterLocale: 'ar', locationId: 'buurthuis' });
    const renewed = await kit.desk.book(request(contact.id, { slotStart: new Date('2026-03-10T08:30:00Z'), replaces: change?.replaces }));
    expect(renewed.kind).toBe('booked');
    expect((await kit.desk.get(old.appointment.id))?.status).toBe('cancelled');
    const seats = await kit.test.handle.db.select().from(slotSeats).where(eq(slotSeats.appointmentId, old.appointment.id));
    expect(seats).toHaveLength(0);
  });

  it('records a request for another time without taking a place', async () => {
    const { contact } = await createPerson(kit);
    const result = await kit.desk.book(request(contact.id, { slotStart: null, preferredTime: 'woensdagmiddag' }));
    expect(result.kind).toBe('requested');
    expect(result.kind === 'requested' && result.appointment).toMatchObject({ slotStart: null, preferredTime: 'woensdagmiddag', status: 'requested' });
  });

  it('refuses a time that is not a slot of the schedule', async () => {
    const { contact } = await createPerson(kit);
    await expect(kit.desk.book(request(contact.id, { slotStart: new Date('2026-03-03T08:15:00Z') }))).rejects.toBeInstanceOf(ValidationError);
  });

  describe('in the console', () => {
    let coordinator: number;

    beforeAll(async () => {
      const user = await new UserRepository(kit.ctx).create({ email: 'coordinator@example.org', passwordHash: 'x', role: 'coordinator', tenants: ['testdorp'] });
      if (!user) throw new Error('no user');
      coordinator = user.id;
    });

    async function bookFor(locale: string, slotStart: Date, lastInboundAt?: Date | null) {
      const person = await createPerson(kit, { locale, lastInboundAt });
      const booked = await kit.desk.book(request(person.contact.id, { slotStart }));
      if (booked.kind !== 'booked') throw new Error(`expected booked, got ${booked.kind}`);
      return { ...person, id: booked.appointment.id };
    }

    it('confirms, moves and cancels, telling the person each time in their language', async () => {
      const { conversation, id } = await bookFor('ar', new Date('2026-03-10T08:00:00Z'));
      await kit.desk.confirm(id, coordinator);
      const moved = await kit.desk.move(id, { locationId: 'buurthuis', slotStart: new Date('2026-03-12T12:00:00Z') }, coordinator);
      expect(moved.slotStart?.toISOString()).toBe('2026-03-12T12:00:00.000Z');
      expect((await kit.repository.remindersOf(id)).find((reminder) => reminder.status === 'pending')?.dueAt.toISOString()).toBe('2026-03-11T17:00:00.000Z');
      await kit.desk.cancel(id, coordinator);
      expect(await freePlaces(new Date('2026-03-12T12:00:00Z'))).toBe(1);

      const bodies = (await outboxOf(kit, conversation.id)).map((item) => item.body);
      expect(bodies).toHaveLength(3);
      expect(bodies[0]).toContain('تم تأكيد موعدك');
      expect(bodies[0]).toContain('Buurthuis De Brug, Brugstraat 1');
      expect(bodies[1]).toContain('تم تغيير موعدك');
      expect(bodies[1]).toContain('12 مارس');
      expect(bodies[2]).toContain('لن يتم');
      const actions = await kit.test.handle.db.select().from(auditLog).where(eq(auditLog.userId, coordinator));
      expect(actions.map((row) => row.action)).toEqual(['appointment.confirm', 'appointment.move', 'appointment.cancel']);
    });

    it('sends the change as the approved template first when the WhatsApp window is closed', async () => {
      const { conversation, id } = await bookFor('ti', new Date('2026-03-10T08:30:00Z'), null);
      await kit.desk.confirm(id, coordinator);
      const items = await outboxOf(kit, conversation.id);
      expect(items.map((item) => [item.contentSid, item.status])).toEqual([
        ['HX00000000000000000000000000000002', 'pending'],
        [null, 'held'],
      ]);
      expect(items[1]?.body).toContain('ቆጸራኻ ተረጋጊጹ');
    });

    it('will not move into a full slot and keeps the old place', async () => {
      const { id } = await bookFor('nl', new Date('2026-03-10T08:00:00Z'));
      const taken = new Date('2026-03-05T12:00:00Z'); // capacity 1, booked in the race test
      await expect(kit.desk.move(id, { locationId: 'buurthuis', slotStart: taken }, coordinator)).rejects.toBeInstanceOf(ConflictError);
      const seats = await kit.test.handle.db.select().from(slotSeats).where(eq(slotSeats.appointmentId, id));
      expect(seats.map((seat) => seat.slotStart.toISOString())).toEqual(['2026-03-10T08:00:00.000Z']);
    });

    it('marks attendance only once the appointment has started, for the no-show count', async () => {
      const { id } = await bookFor('nl', new Date('2026-03-03T08:00:00Z'));
      await expect(kit.desk.markAttendance(id, 'no_show', coordinator)).rejects.toBeInstanceOf(ValidationError);
      kit.clock.now = new Date('2026-03-03T09:00:00Z');
      try {
        expect((await kit.desk.markAttendance(id, 'no_show', coordinator)).status).toBe('no_show');
        expect((await kit.desk.markAttendance(id, 'attended', coordinator)).status).toBe('attended');
      } finally {
        kit.clock.now = new Date('2026-03-02T09:00:00Z');
      }
    });

    it('lists the day per slot with its appointments', async () => {
      const day = await kit.desk.dayList('testdorp', { year: 2026, month: 3, day: 3 });
      expect(day.slots.map((group) => [group.start.toISOString(), group.slot?.capacity, group.appointments.length])).toEqual([
        ['2026-03-03T08:00:00.000Z', 2, expect.any(Number)],
        ['2026-03-03T08:30:00.000Z', 2, expect.any(Number)],
      ]);
      expect(day.slots[0]?.appointments.length).toBeGreaterThan(0);
    });
  });
});
