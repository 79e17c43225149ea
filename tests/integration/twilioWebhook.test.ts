import { sql } from 'drizzle-orm';
import { startFakeTwilio, type FakeTwilio } from '../helpers/fakeTwilio.js';
import { startTestApp, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp, WHATSAPP_FROM, whatsappInbound } from '../helpers/startTestApp.js';

describe('Twilio WhatsApp webhook', () => {
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

  const countMessages = async () => {
    const result = await test.app.services.database.db.execute(sql`select count(*)::int as n from messages`);
    return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
  };

  it('answers a signed message through the Twilio API with the right From, To and body', async () => {
    const before = fake.delivered().length;
    const response = await test.postTwilio('/twilio/inbound', whatsappInbound('+31612345001', 'hoe vraag ik zorgtoeslag aan'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Response>');
    const delivered = await fake.waitForDelivered(before + 1);
    const replies = delivered.slice(before);
    expect(replies.every((call) => call.from === WHATSAPP_FROM && call.to === 'whatsapp:+31612345001' && call.authorized)).toBe(true);
    await fake.waitForDelivered(before + 2);
    const text = fake.delivered().slice(before).map((call) => call.body).join('\n');
    expect(text).toMatch(/Zorgtoeslag/i);
    expect(text).toContain('0800-0543');
  });

  it('rejects an unsigned or tampered webhook with 403 and stores nothing', async () => {
    const before = await countMessages();
    const params = whatsappInbound('+31612345002', 'hallo');
    const unsigned = await test.postTwilio('/twilio/inbound', params, { signature: null });
    expect(unsigned.status).toBe(403);
    const tampered = await test.postTwilio('/twilio/inbound', params, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(tampered.status).toBe(403);
    expect(await countMessages()).toBe(before);
  });
});
