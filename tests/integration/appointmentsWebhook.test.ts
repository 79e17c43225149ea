// An appointment booked over WhatsApp end to end: signed webhooks in, the bot's
// questions and the confirmation out through the real Twilio SDK to a fake
// Twilio API, the appointment and its reminder in the database.
import { type FakeTwilio, startFakeTwilio } from '../helpers/fakeTwilio.js';
import { startTestApp, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp, waitFor, whatsappInbound } from '../helpers/startTestApp.js';
import { createAppointmentDesk } from '../../src/appointments/createAppointmentDesk.js';

describe('appointment over WhatsApp', () => {
  let fake: FakeTwilio;
  let test: TestApp;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    test = await startTestApp({ twilioApiUrl: fake.url });
  });
  afterAll(async () => {
    await test?.dispose();
    await fake?.close();
  });

  const person = '+31612349901';

  /** Sends one message and waits until a reply containing `expected` has arrived at Twilio. */
  async function say(body: string, expected: string): Promise<string> {
    const before = fake.delivered().length;
    const response = await test.postTwilio('/twilio/inbound', whatsappInbound(person, body));
    expect(response.status).toBe(200);
    return waitFor(
      () => {
        const text = fake.delivered().slice(before).filter((call) => call.to === `whatsapp:${person}`).map((call) => call.body ?? '').join('\n');
        return text.includes(expected) ? text : undefined;
      },
      15_000,
      `a reply containing "${expected}" to "${body}"`,
    );
  }

  it('asks its questions and ends with the confirmation message at the Twilio API', async () => {
    const tenants = await say('Ik wil een afspraak maken', 'In welke gemeente woont u?');
    const hogeland = /(\d)\. Het Hogeland/.exec(tenants)?.[1];
    if (!hogeland) throw new Error(`no Het Hogeland in:\n${tenants}`);
    await say(hogeland, 'Waarover gaat het?');
    const times = await say('Een brief van de Belastingdienst', 'Wanneer kunt u komen?');
    expect(times).toContain('voorbeeldtijden (sample)');
    await say('1', 'Heeft u een tolk nodig?');
    await say('1', 'Wilt u uw naam geven?');
    await say('Noor', 'Klopt dit?');
    const confirmation = await say('1', 'Dank u! Uw afspraak:');
    expect(confirmation).toContain("Stuur 'afzeggen'.");
    expect(confirmation).toContain('sample');

    const { services } = test.app;
    const found = await services.contacts.findOrCreate('whatsapp', person, 'whatsapp:+3197010000001');
    const appointment = await createAppointmentDesk(services).nextActiveFor(found.contact.id);
    expect(appointment).toMatchObject({ tenantKey: 'het-hogeland', note: 'Een brief van de Belastingdienst', name: 'Noor', status: 'requested' });
  });
});
