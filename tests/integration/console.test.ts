// The console over HTTP against the real app and database: login and lockout,
// CSRF, tenant isolation, escaping, the media proxy, replies inside and
// outside WhatsApp's 24-hour window, atomic claims, accounts and the audit log.
import { eq } from 'drizzle-orm';
import { messages, outbox } from '../../src/storage/schema.js';
import { waitFor } from '../helpers/startTestApp.js';
import { ConsoleClient, type ConsoleWorld, createUser, handOffDirect, PASSWORD, PNG, startConsoleWorld, TEMPLATE_SID } from './consoleKit.js';

describe('console over HTTP', () => {
  let world: ConsoleWorld;
  let volunteer: ConsoleClient;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await createUser(world.services, 'vera@example.org', 'volunteer', ['het-hogeland'], 'Vera Visser');
    await createUser(world.services, 'tom@example.org', 'volunteer', ['tynaarlo']);
    await createUser(world.services, 'lock@example.org', 'volunteer', ['het-hogeland']);
    await createUser(world.services, 'root@example.org', 'admin', []);
    await createUser(world.services, 'coco@example.org', 'coordinator', ['het-hogeland']);
    volunteer = new ConsoleClient(world.url);
    expect((await volunteer.login('vera@example.org')).status).toBe(303);
  });
  afterAll(() => world.close());

  it('sends a visitor without a session to the login form, and API calls get 401', async () => {
    const anonymous = new ConsoleClient(world.url);
    const page = await anonymous.get('/console/queue', { accept: 'text/html' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/console/login?next=%2Fconsole%2Fqueue');
    expect((await anonymous.get('/console/api/threads', { accept: 'application/json' })).status).toBe(401);
    const login = await anonymous.get('/console/login');
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('sets an httpOnly SameSite=Lax session cookie and a strict CSP without inline scripts', async () => {
    const client = new ConsoleClient(world.url);
    const response = await client.login('vera@example.org');
    expect(response.headers.getSetCookie().find((line) => line.startsWith('spreekuur_session='))).toMatch(/Path=\/console; HttpOnly; SameSite=Lax/);
    const queue = await client.get('/console/queue');
    const csp = queue.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await queue.text()).not.toMatch(/<script>|<script [^>]*>[^<]/);
  });

  it('locks an account after 5 wrong passwords, even against the right one', async () => {
    const client = new ConsoleClient(world.url);
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await client.login('lock@example.org', 'wrong password')).status).toBe(401);
    const fifth = await client.login('lock@example.org', 'wrong password');
    expect(await fifth.text()).toContain('15');
    const right = await client.login('lock@example.org', PASSWORD);
    expect(right.status).toBe(401);
  });

  it('refuses a state change with a wrong or missing CSRF token (403)', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31611110001', tenantKey: 'het-hogeland', locale: 'nl', body: 'hallo' });
    expect((await volunteer.post(`/console/threads/${thread.id}/claim`, { _csrf: 'wrong' })).status).toBe(403);
    expect((await volunteer.request('POST', `/console/threads/${thread.id}/claim`, {})).status).toBe(403);
    expect((await world.services.handoff.get(thread.id))?.status).toBe('open');
    const ok = await volunteer.post(`/console/threads/${thread.id}/claim`, {}, { accept: 'application/json' });
    expect(ok.status).toBe(200);
  });

  it("gives a volunteer of tenant A 404 on tenant B's thread, by URL and by API", async () => {
    const other = await handOffDirect(world.services, { phone: '+31611110002', tenantKey: 'tynaarlo', locale: 'ti', body: 'private', media: [{ url: world.mediaUrl('aa01'), contentType: 'image/png' }] });
    const [message] = await world.services.messages.listConversation(other.conversationId);
    expect((await volunteer.get(`/console/threads/${other.id}`)).status).toBe(404);
    expect((await volunteer.get(`/console/api/threads/${other.id}`, { accept: 'application/json' })).status).toBe(404);
    expect((await volunteer.get(`/console/threads/${other.id}/messages`)).status).toBe(404);
    expect((await volunteer.post(`/console/threads/${other.id}/claim`, {}, { accept: 'application/json' })).status).toBe(404);
    expect((await volunteer.get(`/console/media/${message?.id}/0`)).status).toBe(404);
    const list = await (await volunteer.get('/console/api/threads', { accept: 'application/json' })).json();
    expect(JSON.stringify(list)).not.toContain(`"id":${other.id},`);
    const tom = new ConsoleClient(world.url);
    await tom.login('tom@example.org');
    expect((await tom.get(`/console/api/threads/${other.id}`, { accept: 'application/json' })).status).toBe(200);
  });

  it('escapes a hostile message and shows a right-to-left override as a visible mark', async () => {
    const hostile = 'kijk <img src=x onerror=alert(1)> \u202Egnp.exe';
    const thread = await handOffDirect(world.services, { phone: '+31611110003', tenantKey: 'het-hogeland', locale: 'nl', body: hostile });
    const page = await (await volunteer.get(`/console/threads/${thread.id}`)).text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('\u202E');
    expect(page).toContain('[U+202E]');
    expect(page).toMatch(/<div class="bubble" dir="auto">kijk &lt;img/);
  });

  it('streams a Twilio photo with the account credentials and never shows the Twilio URL', async () => {
    const url = world.mediaUrl('bb02');
    const thread = await handOffDirect(world.services, { phone: '+31611110004', tenantKey: 'het-hogeland', locale: 'ar', body: 'رسالة', reason: 'letter', media: [{ url, contentType: 'image/png' }] });
    const [message] = await world.services.messages.listConversation(thread.conversationId);
    const page = await (await volunteer.get(`/console/threads/${thread.id}`)).text();
    expect(page).toContain(`/console/media/${message?.id}/0`);
    expect(page).not.toContain(url);
    expect(page).not.toContain('twilio');
    const media = await volunteer.get(`/console/media/${message?.id}/0`);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer())).toEqual(PNG);
    expect(world.mediaFetches.at(-1)).toEqual({ authorized: true });
    expect((await new ConsoleClient(world.url).get(`/console/media/${message?.id}/0`)).status).toBe(303);
  });

  it('serves a web-chat upload from media_files', async () => {
    const fileId = await world.services.mediaFiles.insert('application/pdf', Buffer.from('%PDF-1.4 test'));
    const thread = await handOffDirect(world.services, { phone: '+31611110005', tenantKey: 'het-hogeland', locale: 'nl', body: 'brief', media: [{ url: `/webchat/media/${fileId}`, contentType: 'application/pdf', mediaFileId: fileId }] });
    const [message] = await world.services.messages.listConversation(thread.conversationId);
    const media = await volunteer.get(`/console/media/${message?.id}/0`);
    expect(media.headers.get('content-type')).toBe('application/pdf');
    expect(await media.text()).toBe('%PDF-1.4 test');
  });

  it('sends a reply inside the 24-hour window as free text on WhatsApp', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31611110006', tenantKey: 'het-hogeland', locale: 'nl', body: 'vraag' });
    await volunteer.post(`/console/threads/${thread.id}/claim`);
    const page = await (await volunteer.get(`/console/threads/${thread.id}`)).text();
    expect(page).toContain('data-plan="free-text"');
    const before = world.twilio.delivered().length;
    const reply = await volunteer.post(`/console/threads/${thread.id}/reply`, { text: 'Ik help u morgen met de brief.' });
    expect(reply.status).toBe(303);
    const calls = await world.twilio.waitForDelivered(before + 1);
    expect(calls.at(-1)).toMatchObject({ to: 'whatsapp:+31611110006', body: 'Ik help u morgen met de brief.', contentSid: undefined });
    const [sent] = await world.services.ctx.db.select().from(messages).where(eq(messages.sender, `volunteer:${(await userId('vera@example.org'))}`));
    expect(sent?.body).toBeDefined();
    await waitFor(async () => (await (await volunteer.get(`/console/threads/${thread.id}/messages`)).text()).includes('data-status="sent"') || undefined, 10_000, 'sent status shown');
  });

  it('outside the 24-hour window sends the approved template and holds the reply', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31611110007', tenantKey: 'het-hogeland', locale: 'ar', body: 'سؤال', lastInboundAt: new Date(Date.now() - 30 * 3_600_000) });
    await volunteer.post(`/console/threads/${thread.id}/claim`);
    const page = await (await volunteer.get(`/console/threads/${thread.id}`)).text();
    expect(page).toContain('data-plan="template-then-held"');
    const before = world.twilio.delivered().length;
    const reply = await volunteer.post(`/console/threads/${thread.id}/reply`, { text: 'مرحبا، أنا فيرا' }, { accept: 'application/json' });
    expect(await reply.json()).toMatchObject({ plan: 'template-then-held' });
    const calls = await world.twilio.waitForDelivered(before + 1);
    expect(calls.at(-1)).toMatchObject({ to: 'whatsapp:+31611110007', contentSid: TEMPLATE_SID, contentVariables: JSON.stringify({ 1: 'Vera' }) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.twilio.delivered()).toHaveLength(before + 1);
    const held = await world.services.ctx.db.select().from(outbox).where(eq(outbox.toAddress, 'whatsapp:+31611110007'));
    expect(held.map((item) => item.status).sort()).toEqual(['held', 'sent']);
  });

  it('gives a thread to exactly one of two volunteers who claim at once', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31611110008', tenantKey: 'het-hogeland', locale: 'nl', body: 'wie?' });
    const coco = new ConsoleClient(world.url);
    await coco.login('coco@example.org');
    const results = await Promise.all([volunteer, coco].map((client) => client.post(`/console/threads/${thread.id}/claim`, {}, { accept: 'application/json' })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const loser = results.find((result) => result.status === 409);
    expect(await loser?.json()).toMatchObject({ error: 'alreadyClaimed' });
  });

  it('keeps notes, transfers, closes with an outcome, and shows it all to admins in the audit log', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31611110009', tenantKey: 'het-hogeland', locale: 'nl', body: 'help' });
    const coco = new ConsoleClient(world.url);
    await coco.login('coco@example.org');
    await volunteer.post(`/console/threads/${thread.id}/claim`);
    expect((await volunteer.post(`/console/threads/${thread.id}/notes`, { body: 'Belt morgen terug' })).status).toBe(303);
    expect((await coco.post(`/console/threads/${thread.id}/reply`, { text: 'x' }, { accept: 'application/json' })).status).toBe(200);
    expect((await volunteer.post(`/console/threads/${thread.id}/transfer`, { to: String(await userId('coco@example.org')) })).status).toBe(303);
    expect((await volunteer.post(`/console/threads/${thread.id}/close`, { outcome: 'answered' }, { accept: 'application/json' })).status).toBe(409);
    const before = world.twilio.delivered().length;
    expect((await coco.post(`/console/threads/${thread.id}/close`, { outcome: 'answered' })).status).toBe(303);
    expect(await world.services.handoff.get(thread.id)).toMatchObject({ status: 'closed', outcome: 'answered' });
    // The person hears that the question is done and that they may ask again.
    const calls = await world.twilio.waitForDelivered(before + 1);
    expect(calls.filter((call) => call.to === 'whatsapp:+31611110009').at(-1)?.body).toMatch(/^✅ Een vrijwilliger heeft uw vraag afgerond/);

    expect((await volunteer.get('/console/audit')).status).toBe(403);
    const admin = new ConsoleClient(world.url);
    await admin.login('root@example.org');
    const audit = await (await admin.get(`/console/audit?thread=${thread.id}`)).text();
    for (const action of ['handoff', 'claim', 'note', 'reply', 'transfer', 'close']) expect(audit).toContain(`<td>${action}</td>`);
    expect(audit).not.toContain('Belt morgen terug');
  });

  it('lets admins manage accounts, and coordinators only volunteers of their tenants', async () => {
    const admin = new ConsoleClient(world.url);
    await admin.login('root@example.org');
    const created = await admin.post('/console/users', { email: 'new@example.org', password: 'another long password', role: 'volunteer', tenants: 'tynaarlo', displayName: 'Nina' });
    expect(created.status).toBe(303);
    const nina = new ConsoleClient(world.url);
    expect((await nina.login('new@example.org', 'another long password')).status).toBe(303);

    const coco = new ConsoleClient(world.url);
    await coco.login('coco@example.org');
    expect((await coco.post('/console/users', { email: 'boss@example.org', password: 'another long password', role: 'admin' })).status).toBe(403);
    expect((await coco.post('/console/users', { email: 'far@example.org', password: 'another long password', role: 'volunteer', tenants: 'tynaarlo' })).status).toBe(403);
    expect((await coco.get(`/console/users/${await userId('new@example.org')}`)).status).toBe(404);
    expect((await volunteer.get('/console/users')).status).toBe(403);

    const disable = await admin.post(`/console/users/${await userId('new@example.org')}`, { role: 'volunteer', tenants: 'tynaarlo', disabled: '1' });
    expect(disable.status).toBe(303);
    expect((await nina.get('/console/queue')).status).toBe(303);
  });

  it("inserts an answer from the content tree in the person's language", async () => {
    const thread = await handOffDirect(world.services, { phone: '+31611110010', tenantKey: 'het-hogeland', locale: 'ar', body: 'زورخ توسلاخ؟' });
    const node = world.services.content.nodes.get('toeslagen.zorgtoeslag');
    const arabic = node?.locales.ar?.answer.trim() ?? '';
    expect(arabic).not.toBe('');
    const answer = await volunteer.get(`/console/threads/${thread.id}/answer?node=toeslagen.zorgtoeslag`, { accept: 'application/json' });
    expect(await answer.json()).toEqual({ text: arabic, locale: 'ar', fallback: false });
    await volunteer.post(`/console/threads/${thread.id}/claim`);
    // Without the script, the same choice prefills the reply box.
    const page = await (await volunteer.get(`/console/threads/${thread.id}?insert=toeslagen.zorgtoeslag`)).text();
    const firstLine = arabic.split('\n')[0] ?? '';
    expect(page).toContain(`<textarea name="text" id="reply-text" rows="6" dir="auto" maxlength="4000" required>${firstLine}`);
  });

  it('hands a thread back to the bot', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31611110011', tenantKey: 'het-hogeland', locale: 'nl', body: 'klaar' });
    await volunteer.post(`/console/threads/${thread.id}/claim`);
    const before = world.twilio.delivered().length;
    const back = await volunteer.post(`/console/threads/${thread.id}/handback`);
    expect(back.headers.get('location')).toBe('/console/queue');
    expect(await world.services.handoff.get(thread.id)).toMatchObject({ status: 'closed', outcome: 'handed-back' });
    expect(await world.services.handoff.activeThread(thread.contactId)).toBeUndefined();
    const calls = await world.twilio.waitForDelivered(before + 1);
    expect(calls.filter((call) => call.to === 'whatsapp:+31611110011').at(-1)?.body).toMatch(/teruggegeven aan de assistent/);
  });

  async function userId(email: string): Promise<number> {
    const user = (await world.services.ctx.db.query.users.findFirst({ where: (users, { eq: equals }) => equals(users.email, email) }));
    if (!user) throw new Error(`no user ${email}`);
    return user.id;
  }
});
