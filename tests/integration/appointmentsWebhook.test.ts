// An appointment booked over WhatsApp end to end: signed webhooks in, the bot's
// questions and the confirmation out through the real Twilio SDK to a fake
// Twilio API, the appointment and its reminder in the database.
import { waitFor, whatsappInbound } from '../helpers/startTestApp.js';
import { useTwilioTestApp } from '../helpers/twilioTestKit.js';
import { createAppointmentDesk } from '../../src/appointments/createAppointmentDesk.js';

describe('appointment over WhatsApp', () => {
  const kit = useTwilioTestApp();

  const person = '+31612349901';

  /** Sends one message and waits until a reply containing `expected` has arrived at Twilio. */
  async function say(body: string, expected: string): Promise<string> {
    const before = kit.fake.delivered().length;
    const response = await kit.test.postTwilio('/twilio/inbound', whatsappInbound(person, body));
    expect(response.status).toBe(200);
    return waitFor(
      () => {
        const text = kit.fake.delivered().slice(before).filter((call) => call.to === `whatsapp:${person}`).map((call) => call.body ?? '').join('\n');
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

    const { services } = kit.test.app;
    const found = await services.contacts.findOrCreate('whatsapp', person, 'whatsapp:+3197010000001');
    const appointment = await createAppointmentDesk(services).nextActiveFor(found.contact.id);
    expect(appointment).toMatchObject({ tenantKey: 'het-hogeland', note: 'Een brief van de Belastingdienst', name: 'Noor', status: 'requested' });
  });
});
