import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../helpers/queryRows.js';
import { newMessageSid, SMS_FROM, waitFor, WHATSAPP_FROM, whatsappInbound } from '../helpers/startTestApp.js';
import { useTwilioTestApp } from '../helpers/twilioTestKit.js';

describe('Twilio WhatsApp webhook', () => {
  const kit = useTwilioTestApp();

  const countMessages = async () => {
    const [row] = await queryRows(kit.test.app.services.database.db, sql`select count(*)::int as n from messages`, z.object({ n: z.number() }));
    return row?.n;
  };
  const sms = (from: string, body: string) => ({ MessageSid: newMessageSid(), From: from, To: SMS_FROM, Body: body, NumMedia: '0' });

  it('answers a signed message through the Twilio API with the right From, To and body', async () => {
    const before = kit.fake.delivered().length;
    const response = await kit.test.postTwilio('/twilio/inbound', whatsappInbound('+31612345001', 'hoe vraag ik zorgtoeslag aan'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Response>');
    const delivered = await kit.fake.waitForDelivered(before + 1);
    const replies = delivered.slice(before);
    expect(replies.every((call) => call.from === WHATSAPP_FROM && call.to === 'whatsapp:+31612345001' && call.authorized)).toBe(true);
    await kit.fake.waitForDelivered(before + 2);
    const text = kit.fake.delivered().slice(before).map((call) => call.body).join('\n');
    expect(text).toMatch(/Zorgtoeslag/i);
    expect(text).toContain('0800-0543');
  });

  it('rejects an unsigned or tampered webhook with 403 and stores nothing', async () => {
    const before = await countMessages();
    const params = whatsappInbound('+31612345002', 'hallo');
    const unsigned = await kit.test.postTwilio('/twilio/inbound', params, { signature: null });
    expect(unsigned.status).toBe(403);
    const tampered = await kit.test.postTwilio('/twilio/inbound', params, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(tampered.status).toBe(403);
    expect(await countMessages()).toBe(before);
  });

  it('ends messages on SMS with STOP and resumes with START', async () => {
    const person = '+31612345003';
    await kit.test.postTwilio('/twilio/inbound', sms(person, 'STOP'));
    const [confirmation] = await waitFor(() => {
      const replies = kit.fake.delivered().filter((call) => call.to === person);
      return replies.length > 0 ? replies : undefined;
    });
    expect(confirmation?.from).toBe(SMS_FROM);
    expect(confirmation?.body).toMatch(/geen berichten meer|no more messages/);
    await kit.test.postTwilio('/twilio/inbound', sms(person, 'hoe vraag ik huurtoeslag aan'));
    await kit.test.app.inbox.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(kit.fake.delivered().filter((call) => call.to === person)).toHaveLength(1);
    await kit.test.postTwilio('/twilio/inbound', sms(person, 'START'));
    await waitFor(() => kit.fake.delivered().filter((call) => call.to === person).length === 2 || undefined);
  });

  it('records delivery statuses, and marks a contact opted out on Twilio error 21610', async () => {
    const person = '+31612345004';
    await kit.test.postTwilio('/twilio/inbound', whatsappInbound(person, 'wat is kinderbijslag'));
    const reply = await waitFor(() => kit.fake.delivered().find((call) => call.to === `whatsapp:${person}`));
    const statusOf = async (sid: string) =>
      (await queryRows(kit.test.app.services.database.db, sql`select status, error_code from messages where channel_message_id = ${sid}`, z.object({ status: z.string(), error_code: z.string().nullable() })))[0];
    await waitFor(async () => (await statusOf(reply.sid ?? ''))?.status === 'sent' || undefined);
    for (const status of ['delivered', 'read']) {
      const response = await kit.test.postTwilio('/twilio/status', { MessageSid: reply.sid ?? '', MessageStatus: status, To: `whatsapp:${person}` });
      expect(response.status).toBe(204);
      expect((await statusOf(reply.sid ?? ''))?.status).toBe(status);
    }
    // A late "sent" does not move a read message backwards.
    await kit.test.postTwilio('/twilio/status', { MessageSid: reply.sid ?? '', MessageStatus: 'sent', To: `whatsapp:${person}` });
    expect((await statusOf(reply.sid ?? ''))?.status).toBe('read');
    await kit.test.postTwilio('/twilio/status', { MessageSid: reply.sid ?? '', MessageStatus: 'undelivered', ErrorCode: '21610', To: `whatsapp:${person}` });
    expect(await statusOf(reply.sid ?? '')).toEqual({ status: 'undelivered', error_code: '21610' });
    const [contact] = await queryRows(kit.test.app.services.database.db, sql`select opted_out_at is not null as opted_out from contacts where address = ${person}`, z.object({ opted_out: z.boolean() }));
    expect(contact?.opted_out).toBe(true);
  });

  it('answers a malformed webhook with 400 and names the field', async () => {
    const response = await kit.test.postTwilio('/twilio/inbound', { MessageSid: 'nope', From: '+316', To: SMS_FROM });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('MessageSid');
  });
});
