// Shared set-up for the console's integration and browser tests: the real app
// against a fake Twilio API that also serves media (with basic auth, as
// Twilio does), accounts, handoffs, and a logged-in HTTP client.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../src/auth/passwords.js';
import { type Role, UserRepository, type User } from '../../src/auth/UserRepository.js';
import type { AppServices } from '../../src/app/AppServices.js';
import type { HandoffReason, Thread } from '../../src/handoff/HandoffQueue.js';
import { threads } from '../../src/storage/schema.js';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fakeTwilio.js';
import { startTestApp, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp, waitFor, whatsappInbound } from '../helpers/startTestApp.js';

export const TEMPLATE_SID = `HX${'b2'.repeat(16)}`;
export const PASSWORD = 'a long test password';
/** A 1x1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface ConsoleWorld {
  test: TestApp;
  services: AppServices;
  twilio: FakeTwilio;
  /** Base URL of the app (the console is at /console). */
  url: string;
  /** A media URL on the fake Twilio API; fetching it needs the account's credentials. */
  mediaUrl(name: string): string;
  mediaFetches: { authorized: boolean }[];
  close(): Promise<void>;
}

/** Twilio's media: GET with basic auth; everything else goes on to the fake REST API. */
async function startTwilioFront(fake: FakeTwilio, fetches: { authorized: boolean }[]): Promise<Server> {
  const expected = `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString('base64')}`;
  const server = createServer(async (req, res) => {
    if (req.method === 'GET' && /\/Media\/ME[0-9a-f]+$/.test(req.url ?? '')) {
      const authorized = req.headers.authorization === expected;
      fetches.push({ authorized });
      if (!authorized) res.writeHead(401).end();
      else res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG.length) }).end(PNG);
      return;
    }
    const body = await readBody(req);
    const upstream = await fetch(`${fake.url}${req.url ?? ''}`, {
      method: req.method ?? 'GET',
      headers: { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
      body: req.method === 'GET' ? undefined : body,
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export async function startConsoleWorld(env: Record<string, string> = {}): Promise<ConsoleWorld> {
  const twilio = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
  const mediaFetches: { authorized: boolean }[] = [];
  const front = await startTwilioFront(twilio, mediaFetches);
  const frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  const test = await startTestApp({ twilioApiUrl: frontUrl, env: { TWILIO_WHATSAPP_TEMPLATE_SID: TEMPLATE_SID, ...env } });
  return {
    test,
    services: test.app.services,
    twilio,
    url: test.url,
    mediaUrl: (name) => `${frontUrl}/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages/MM${'c3'.repeat(16)}/Media/ME${name}`,
    mediaFetches,
    async close() {
      await test.dispose();
      await new Promise<void>((resolve) => {
        front.close(() => resolve());
        front.closeAllConnections();
      });
      await twilio.close();
    },
  };
}

export async function createUser(services: AppServices, email: string, role: Role, tenants: string[], displayName?: string): Promise<User> {
  const user = await new UserRepository(services.ctx).create({ email, passwordHash: await hashPassword(PASSWORD), role, tenants, displayName: displayName ?? null });
  if (!user) throw new Error(`user ${email} exists`);
  return user;
}

/** A person writes on WhatsApp; resolves with the thread the bot opened for them. */
export async function handOffViaWebhook(world: ConsoleWorld, phone: string, body: string, extra: Record<string, string> = {}): Promise<Thread> {
  const response = await world.test.postTwilio('/twilio/inbound', whatsappInbound(phone, body, extra));
  if (response.status >= 300) throw new Error(`webhook answered ${response.status}`);
  const { contacts } = world.services;
  return waitFor(async () => {
    const found = await contacts.findOrCreate('whatsapp', phone, 'whatsapp:+3197010000001');
    const [thread] = await world.services.ctx.db.select().from(threads).where(and(eq(threads.contactId, found.contact.id)));
    return thread;
  }, 20_000, 'a handoff thread');
}

export interface DirectHandoff {
  phone: string;
  tenantKey: string;
  locale: string;
  body: string;
  reason?: HandoffReason;
  media?: { url: string; contentType: string; mediaFileId?: number }[];
  /** When the person last wrote; older than 24 hours means outside the WhatsApp window. */
  lastInboundAt?: Date;
}

/** A handoff made through the services, for cases the bot's routing does not produce by itself. */
export async function handOffDirect(services: AppServices, input: DirectHandoff): Promise<Thread> {
  const { contact, conversation } = await services.contacts.findOrCreate('whatsapp', input.phone, 'whatsapp:+3197010000001');
  await services.contacts.update(contact.id, { tenantKey: input.tenantKey, locale: input.locale, lastInboundAt: input.lastInboundAt ?? new Date() });
  const message = await services.messages.insertInbound({ conversationId: conversation.id, channelMessageId: `SM${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`, body: input.body, media: input.media ?? [] });
  if (message) await services.messages.markProcessed(message.id, null);
  const { thread } = await services.handoff.handOff({
    contactId: contact.id,
    conversationId: conversation.id,
    tenantKey: input.tenantKey,
    locale: input.locale,
    topic: null,
    reason: input.reason ?? 'person',
    summary: 'Wants to talk to a person',
  });
  return thread;
}

/** A console client over plain HTTP: keeps the session cookie and the CSRF token. */
export class ConsoleClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly base: string) {}

  async login(email: string, password = PASSWORD): Promise<Response> {
    const form = await this.request('GET', '/console/login');
    const token = /name="_login" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const response = await this.request('POST', '/console/login', { email, password, _login: token });
    if (response.status === 303) {
      const queue = await this.request('GET', '/console/queue');
      this.csrf = /name="csrf-token" content="([^"]+)"/.exec(await queue.text())?.[1] ?? '';
    }
    return response;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('GET', path, undefined, headers);
  }

  /** A form post carrying the session's CSRF token unless one is given. */
  post(path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('POST', path, { _csrf: this.csrf, ...form }, headers);
  }

  async request(method: string, path: string, form?: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
