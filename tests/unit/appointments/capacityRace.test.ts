import { eq } from 'drizzle-orm';
import { slotSeats } from '../../../src/storage/schema.js';
import { type AppointmentKit, createPerson, openAppointmentKit } from './appointmentTestKit.js';

// With TEST_DATABASE_URL these transactions really overlap on PostgreSQL; on
// PGlite they run one after the other. Either way the seat rows decide.
describe('capacity under concurrent bookings', () => {
  let kit: AppointmentKit;

  beforeAll(async () => {
    kit = await openAppointmentKit({
      schedule: {
        locations: [{ id: 'wijkcentrum', name: 'Wijkcentrum' }],
        sessions: [{ location: 'wijkcentrum', weekday: 'wednesday', start: '10:00', end: '11:00', capacity: 3, slot_minutes: 30 }],
      },
    });
  });
  afterAll(() => kit.test.drop());

  it('gives a three-place slot to exactly three of ten people booking at once; the others are offered the next slot', async () => {
    const slotStart = new Date('2026-03-04T09:00:00Z');
    const people = await Promise.all(Array.from({ length: 10 }, () => createPerson(kit)));
    const results = await Promise.all(
      people.map(({ contact }) =>
        kit.desk.book({ contactId: contact.id, tenantKey: 'testdorp', topic: null, note: null, locationId: 'wijkcentrum', slotStart, preferredTime: null, interpreterLocale: null, name: null }),
      ),
    );
    expect(results.filter((result) => result.kind === 'booked')).toHaveLength(3);
    const offered = results.flatMap((result) => (result.kind === 'full' ? [result.next?.start.toISOString()] : []));
    expect(offered).toEqual(Array.from({ length: 7 }, () => '2026-03-04T09:30:00.000Z'));
    const seats = await kit.test.handle.db.select().from(slotSeats).where(eq(slotSeats.slotStart, slotStart));
    expect(seats.map((seat) => seat.seat).sort()).toEqual([1, 2, 3]);
  });

  it('a cancellation frees the place for the next person', async () => {
    const slotStart = new Date('2026-03-04T09:30:00Z');
    const book = async () => {
      const { contact } = await createPerson(kit);
      return { contact, result: await kit.desk.book({ contactId: contact.id, tenantKey: 'testdorp', topic: null, note: null, locationId: 'wijkcentrum', slotStart, preferredTime: null, interpreterLocale: null, name: null }) };
    };
    const booked = [await book(), await book(), await book()];
    expect(booked.map(({ result }) => result.kind)).toEqual(['booked', 'booked', 'booked']);
    expect((await book()).result.kind).toBe('full');
    await kit.desk.cancelByPerson(booked[1]?.contact.id ?? 0);
    expect((await book()).result.kind).toBe('booked');
  });
});
