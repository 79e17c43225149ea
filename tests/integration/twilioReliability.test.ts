import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../helpers/queryRows.js';
import { waitFor, waitForQuiet, whatsappInbound } from '../helpers/startTestApp.js';
import { useTwilioTestApp } from '../helpers/twilioTestKit.js';

describe('Twilio channel reliability', () => {
  const kit = useTwilioTestApp();

  const repliesTo = (to: string) => kit.fake.delivered().filter((call) => call.to === to);

  it('answers the same MessageSid posted 5 times concurrently exactly once', async () => {
    const params = whatsappInbound('+31612340001', 'wat is huurtoeslag');
    const responses = await Promise.all(Array.from({ length: 5 }, () => kit.test.postTwilio('/twilio/inbound', params)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    await waitFor(() => repliesTo('whatsapp:+31612340001').length >= 2 || undefined);
    await waitForQuiet(kit.test.app);
    const stored = await queryRows(kit.test.app.services.database.db, sql`select count(*)::int as n from messages where channel_message_id = ${params.MessageSid}`, z.object({ n: z.number() }));
    expect(stored[0]?.n).toBe(1);
    // One turn: the welcome and the answer, nothing twice.
    const bodies = repliesTo('whatsapp:+31612340001').map((call) => call.body);
    expect(bodies).toHaveLength(new Set(bodies).size);
    expect(bodies.filter((body) => body?.includes('Hallo'))).toHaveLength(1);
    expect(bodies.join('\n')).toMatch(/huurtoeslag/i);
  });

  it('retries 500 and 429 with back-off and delivers once, recording every attempt', async () => {
    const to = 'whatsapp:+31612340002';
    kit.fake.respondTo(to, 500, 429);
    await kit.test.postTwilio('/twilio/inbound', whatsappInbound('+31612340002', 'stop'));
    await waitFor(() => repliesTo(to).length >= 1 || undefined);
    // The fake has answered 201; the worker records it a moment later.
    await waitForQuiet(kit.test.app);
    const attemptsForTo = kit.fake.calls.filter((call) => call.to === to);
    expect(attemptsForTo.map((call) => call.status)).toEqual([500, 429, 201]);
    const attempts = await queryRows(
      kit.test.app.services.database.db,
      sql`select a.http_status as status, a.outcome from outbox_attempts a join outbox o on o.id = a.outbox_id where o.to_address = ${to} order by a.id`,
      z.object({ status: z.number().nullable(), outcome: z.string() }),
    );
    expect(attempts).toEqual([
      { status: 500, outcome: 'retry' },
      { status: 429, outcome: 'retry' },
      { status: null, outcome: 'sent' },
    ]);
  });

  it('processes ten messages from one person in order without losing state', async () => {
    const to = 'whatsapp:+31612340003';
    // 0 = menu, then area 1 (toeslagen) and its topic 1 (zorgtoeslag), and so on:
    // each answer depends on the choices the previous turn saved.
    const burst = ['0', '1', '1', '0', '3', '1', '0', '1', '2', 'menu'];
    // Twilio posts one webhook after the other; each is acknowledged at once, long
    // before its turn runs, so the turns pile up behind each other.
    const statuses: number[] = [];
    for (const body of burst) statuses.push((await kit.test.postTwilio('/twilio/inbound', whatsappInbound('+31612340003', body))).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    await waitForQuiet(kit.test.app);
    const processed = await queryRows(
      kit.test.app.services.database.db,
      sql`select m.id, m.body from messages m join conversations c on c.id = m.conversation_id join contacts k on k.id = c.contact_id where k.address = '+31612340003' and m.direction = 'in' order by m.processed_at, m.id`,
      z.object({ id: z.coerce.number(), body: z.string() }),
    );
    expect(processed.map((row) => row.body)).toEqual(burst);
    const bodies = repliesTo(to).map((call) => call.body ?? '');
    expect(bodies.filter((body) => body.startsWith('Hallo'))).toHaveLength(1);
    const all = bodies.join('\n---\n');
    expect(all).toContain('Zorgtoeslag is geld');
    expect(all).toMatch(/huisarts/i);
    expect(all).toMatch(/Dienst Toeslagen/);
  });

  it('stores a photo with its content type and passes it to a volunteer as a letter', async () => {
    const params = whatsappInbound('+31612340004', '', {
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC00/Messages/MM00/Media/ME00',
      MediaContentType0: 'image/jpeg',
    });
    await kit.test.postTwilio('/twilio/inbound', params);
    await waitFor(() => repliesTo('whatsapp:+31612340004').length >= 2 || undefined);
    const rows = await queryRows(
      kit.test.app.services.database.db,
      sql`select media from messages where channel_message_id = ${params.MessageSid}`,
      z.object({ media: z.array(z.object({ url: z.string(), contentType: z.string() })) }),
    );
    expect(rows[0]?.media).toEqual([{ url: params.MediaUrl0, contentType: 'image/jpeg' }]);
    const threads = await queryRows(
      kit.test.app.services.database.db,
      sql`select t.reason, t.status from threads t join contacts k on k.id = t.contact_id where k.address = '+31612340004'`,
      z.object({ reason: z.string(), status: z.string() }),
    );
    expect(threads).toEqual([{ reason: 'letter', status: 'open' }]);
    expect(repliesTo('whatsapp:+31612340004').map((call) => call.body).join('\n')).toMatch(/brief/i);
  });
});
