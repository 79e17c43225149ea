// The console in Chromium: a volunteer sees an Arabic handoff arrive live,
// claims it, opens the photo and replies on WhatsApp; two browsers race for
// one thread; a hostile message stays inert text.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { ConsoleClient, type ConsoleWorld, createUser, handOffDirect, handOffViaWebhook, PASSWORD, startConsoleWorld } from './consoleKit.js';

describe('console in the browser', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
    await createUser(world.services, 'amal@example.org', 'volunteer', ['het-hogeland'], 'Amal Haddad');
    await createUser(world.services, 'bert@example.org', 'volunteer', ['het-hogeland'], 'Bert de Boer');
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await world?.close();
  });

  async function openPage(): Promise<{ page: Page; dialogs: string[] }> {
    const context = await browser.newContext({ locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return { page, dialogs };
  }

  async function logIn(page: Page, email: string, path = '/console/queue'): Promise<void> {
    await page.goto(`${world.url}${path}`);
    expect(page.url()).toContain('/console/login?next=');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === path), page.click('button[type=submit]')]);
  }

  it('shows a new Arabic handoff without reloading; the volunteer claims it, sees the photo and replies on WhatsApp', async () => {
    const { page } = await openPage();
    await logIn(page, 'amal@example.org');
    // The test runs without DOM typings, so in-page code is given as strings.
    await page.evaluate('window.stillTheSamePage = true');

    const thread = await handOffViaWebhook(world, '+31622220001', 'ممكن اتكلم مع شخص؟ عندي رسالة', {
      NumMedia: '1',
      MediaUrl0: world.mediaUrl('dd04'),
      MediaContentType0: 'image/png',
    });
    const row = page.locator(`tr[data-thread="${thread.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await page.evaluate('window.stillTheSamePage')).toBe(true);
    expect(await row.locator('td').nth(2).textContent()).toBe('Arabisch');

    await Promise.all([page.waitForURL(`**/console/threads/${thread.id}`), row.locator('a.open-thread').click()]);
    await Promise.all([page.waitForURL(`**/console/threads/${thread.id}?done=claimed`), page.click('#claim')]);
    expect(await page.locator('#thread-status').textContent()).toContain('Amal Haddad');

    const [first] = await world.services.messages.listConversation(thread.conversationId);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('#m-${first?.id} .bubble')).direction`)).toBe('rtl');
    const photo = page.locator('.msg-in .media img').first();
    await photo.waitFor();
    await page.waitForFunction("Array.from(document.querySelectorAll('.media img')).some((image) => image.complete && image.naturalWidth > 0)");
    expect(await photo.getAttribute('src')).toMatch(/^\/console\/media\/\d+\/0$/);
    expect(world.mediaFetches.some((fetch) => fetch.authorized)).toBe(true);

    expect(await page.locator('#delivery-plan').getAttribute('data-plan')).toBe('free-text');
    const before = world.twilio.delivered().length;
    await page.fill('#reply-text', 'مرحبا، أنا أمل من الـ spreekuur. أرسلي الرسالة كاملة من فضلك.');
    await Promise.all([page.waitForURL(`**/console/threads/${thread.id}?done=sent`), page.click('#send')]);
    const calls = await world.twilio.waitForDelivered(before + 1);
    expect(calls.at(-1)).toMatchObject({ to: 'whatsapp:+31622220001', body: 'مرحبا، أنا أمل من الـ spreekuur. أرسلي الرسالة كاملة من فضلك.' });
    // The delivery status moves on in the open page without a reload.
    await page.locator('.msg-out .delivery[data-status="sent"]').last().waitFor({ timeout: 10_000 });
  });

  it('lets only one of two browsers claim the same thread', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31622220002', tenantKey: 'het-hogeland', locale: 'fa', body: 'سلام، کمک می‌خواهم' });
    const [a, b] = await Promise.all([openPage(), openPage()]);
    await logIn(a.page, 'amal@example.org', `/console/threads/${thread.id}`);
    await logIn(b.page, 'bert@example.org', `/console/threads/${thread.id}`);
    const responses = await Promise.all(
      [a.page, b.page].map(async (page) => {
        const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith(`/threads/${thread.id}/claim`)), page.click('#claim')]);
        await page.waitForLoadState();
        return response.status();
      }),
    );
    expect(responses.sort()).toEqual([303, 409]);
    const texts = await Promise.all([a.page, b.page].map((page) => page.locator('main').textContent()));
    expect(texts.filter((text) => text?.includes('U heeft dit gesprek opgepakt.'))).toHaveLength(1);
    expect(texts.filter((text) => text?.includes('Iemand anders heeft dit gesprek net opgepakt.'))).toHaveLength(1);
  });

  it('renders <img onerror> and a right-to-left override as inert text', async () => {
    const hostile = 'zie <img src=x onerror=alert(1)> bijlage \u202Efdp.exe';
    const thread = await handOffDirect(world.services, { phone: '+31622220003', tenantKey: 'het-hogeland', locale: 'nl', body: hostile });
    const { page, dialogs } = await openPage();
    await logIn(page, 'bert@example.org', `/console/threads/${thread.id}`);
    const [message] = await world.services.messages.listConversation(thread.conversationId);
    const bubble = page.locator(`#m-${message?.id} .bubble`);
    expect(await bubble.locator('img').count()).toBe(0);
    expect(await bubble.textContent()).toBe('zie <img src=x onerror=alert(1)> bijlage [U+202E]fdp.exe');
    expect(await bubble.getAttribute('dir')).toBe('auto');
    expect(await page.evaluate(`getComputedStyle(document.querySelector('#m-${message?.id} .bubble')).unicodeBidi`)).toBe('isolate');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('answers a form post with a wrong CSRF token with 403', async () => {
    const thread = await handOffDirect(world.services, { phone: '+31622220004', tenantKey: 'het-hogeland', locale: 'nl', body: 'hallo' });
    const { page } = await openPage();
    await logIn(page, 'bert@example.org', `/console/threads/${thread.id}`);
    await page.evaluate(`document.querySelector('form[action$="/claim"] input[name=_csrf]').value = 'forged'`);
    const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith('/claim')), page.click('#claim')]);
    expect(response.status()).toBe(403);
    expect((await world.services.handoff.get(thread.id))?.status).toBe('open');
    // The API client sees the same refusal.
    const client = new ConsoleClient(world.url);
    await client.login('bert@example.org');
    expect((await client.post(`/console/threads/${thread.id}/claim`, { _csrf: 'forged' })).status).toBe(403);
  });
});
