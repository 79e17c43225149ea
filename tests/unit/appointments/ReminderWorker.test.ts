import { AppointmentNotifier } from '../../../src/appointments/AppointmentNotifier.js';
import { ReminderWorker } from '../../../src/appointments/ReminderWorker.js';
import { createLogger } from '../../../src/logger.js';
import { type AppointmentKit, createPerson, openAppointmentKit, outboxOf } from './appointmentTestKit.js';

const logger = createLogger('silent');
const tuesday = new Date('2026-03-10T08:00:00Z');
/** The evening before, 18:00 in Amsterdam. */
const due = new Date('2026-03-09T17:00:00Z');

function workerFor(kit: AppointmentKit): ReminderWorker {
  return new ReminderWorker({ sender: kit.desk, logger, pollMs: 20, now: () => kit.clock.now });
}

async function settle(ms = 300): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('ReminderWorker', () => {
  let kit: AppointmentKit;

  beforeAll(async () => {
    kit = await openAppointmentKit();
  });
  afterAll(() => kit.test.drop());

  async function bookTuesday(locale: string, lastInboundAt?: Date | null, slotStart = tuesday) {
    kit.clock.now = new Date('2026-03-02T09:00:00Z');
    const person = await createPerson(kit, { locale, lastInboundAt });
    const booked = await kit.desk.book({
      contactId: person.contact.id,
      tenantKey: 'testdorp',
      topic: null,
      note: null,
      locationId: 'buurthuis',
      slotStart,
      preferredTime: null,
      interpreterLocale: null,
      name: null,
    });
    if (booked.kind !== 'booked') throw new Error('expected booked');
    return { ...person, id: booked.appointment.id };
  }

  it('sends a reminder that fell due while the process was down exactly once after restarts', async () => {
    const { conversation, id } = await bookTuesday('nl');

    const before = workerFor(kit);
    before.start();
    await settle(100);
    await before.stop();
    expect(await outboxOf(kit, conversation.id)).toHaveLength(0);

    // Down from Monday evening until Tuesday morning; then two instances start at once.
    kit.clock.now = new Date('2026-03-10T06:00:00Z');
    const restarted = await openAppointmentKit({ database: kit.test });
    restarted.clock.now = kit.clock.now;
    const workers = [workerFor(restarted), workerFor(restarted)];
    for (const worker of workers) worker.start();
    await settle();
    await Promise.all(workers.map((worker) => worker.stop()));

    const again = workerFor(restarted);
    again.start();
    await settle(100);
    await again.stop();

    const sent = await outboxOf(kit, conversation.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain('Herinnering: u heeft een afspraak bij het spreekuur.');
    expect(sent[0]?.body).toContain("Stuur 'afzeggen'");
    expect((await kit.repository.remindersOf(id)).map((reminder) => [reminder.dueAt.toISOString(), reminder.status])).toEqual([[due.toISOString(), 'sent']]);
  });

  it('keeps the reminder when sending fails before the commit, and sends it on the next round', async () => {
    const { conversation } = await bookTuesday('so');
    kit.clock.now = new Date('2026-03-09T18:00:00Z');
    let failures = 1;
    class FailingOnce extends AppointmentNotifier {
      override async remind(...args: Parameters<AppointmentNotifier['remind']>) {
        const result = await super.remind(...args);
        if (failures-- > 0) throw new Error('crash after the enqueue, before the commit');
        return result;
      }
    }
    const flaky = await openAppointmentKit({ database: kit.test, notifier: (deps) => new FailingOnce(deps) });
    flaky.clock.now = kit.clock.now;
    const worker = workerFor(flaky);
    expect(await worker.tick()).toBe(0);
    expect(await outboxOf(kit, conversation.id)).toHaveLength(0);
    expect(await worker.tick()).toBe(1);
    const sent = await outboxOf(kit, conversation.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain('Xusuusin');
  });

  it('outside the WhatsApp window sends the reminder template, holding the full text until the person answers', async () => {
    const { conversation } = await bookTuesday('fa', null, new Date('2026-03-10T08:30:00Z'));
    kit.clock.now = new Date('2026-03-09T17:30:00Z');
    expect(await workerFor(kit).tick()).toBeGreaterThanOrEqual(1);
    const items = await outboxOf(kit, conversation.id);
    expect(items.map((item) => [item.contentSid, item.status])).toEqual([
      ['HX00000000000000000000000000000001', 'pending'],
      [null, 'held'],
    ]);
    // {{1}} is the time in the person's language and Gregorian calendar.
    expect(items[0]?.contentVariables).toEqual({ '1': expect.stringContaining('مارس'), '2': 'Buurthuis De Brug, Brugstraat 1' });
  });

  it('drops a reminder whose appointment has already begun', async () => {
    const { conversation, id } = await bookTuesday('nl', undefined, new Date('2026-03-10T08:30:00Z'));
    kit.clock.now = new Date('2026-03-10T09:00:00Z');
    await workerFor(kit).tick();
    expect(await outboxOf(kit, conversation.id)).toHaveLength(0);
    expect((await kit.repository.remindersOf(id)).map((reminder) => reminder.status)).toEqual(['cancelled']);
  });
});

