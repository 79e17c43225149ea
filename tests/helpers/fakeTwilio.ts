// A fake Twilio REST API on 127.0.0.1: the real twilio SDK posts
// /2010-04-01/Accounts/{sid}/Messages.json here; tests read what arrived and
// choose how it answers (e.g. 500, then 429, then 201).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface FakeTwilioCall {
  accountSid: string;
  from: string;
  to: string;
  body: string | undefined;
  contentSid: string | undefined;
  contentVariables: string | undefined;
  mediaUrl: string[];
  statusCallback: string | undefined;
  authorized: boolean;
  /** The HTTP status this call was answered with. */
  status: number;
  sid: string | undefined;
}

export interface FakeTwilio {
  url: string;
  calls: FakeTwilioCall[];
  /** Calls answered 201. */
  delivered(): FakeTwilioCall[];
  /** The next requests get these statuses, in order; afterwards 201. */
  respondWith(...statuses: number[]): void;
  /** The next requests to this recipient get these statuses, in order. */
  respondTo(to: string, ...statuses: number[]): void;
  waitForDelivered(count: number, timeoutMs?: number): Promise<FakeTwilioCall[]>;
  close(): Promise<void>;
}

export async function startFakeTwilio(credentials: { accountSid: string; authToken: string }): Promise<FakeTwilio> {
  const calls: FakeTwilioCall[] = [];
  const queue: number[] = [];
  const queues = new Map<string, number[]>();
  const server: Server = createServer(async (req, res) => {
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'not found', status: 404 }));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const expected = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
    const status = queues.get(form.get('To') ?? '')?.shift() ?? queue.shift() ?? 201;
    const sid = status === 201 ? `SM${randomBytes(16).toString('hex')}` : undefined;
    calls.push({
      accountSid: match[1] ?? '',
      from: form.get('From') ?? '',
      to: form.get('To') ?? '',
      body: form.get('Body') ?? undefined,
      contentSid: form.get('ContentSid') ?? undefined,
      contentVariables: form.get('ContentVariables') ?? undefined,
      mediaUrl: form.getAll('MediaUrl'),
      statusCallback: form.get('StatusCallback') ?? undefined,
      authorized: req.headers.authorization === expected,
      status,
      sid,
    });
    if (status !== 201) {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: status === 429 ? 20429 : 20500, message: 'fake failure', status }));
      return;
    }
    res.writeHead(201, { 'content-type': 'application/json' }).end(
      JSON.stringify({ sid, account_sid: match[1], from: form.get('From'), to: form.get('To'), body: form.get('Body'), status: 'queued', num_media: '0' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const delivered = () => calls.filter((call) => call.status === 201);
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    delivered,
    respondWith: (...statuses) => queue.push(...statuses),
    respondTo: (to, ...statuses) => queues.set(to, [...(queues.get(to) ?? []), ...statuses]),
    async waitForDelivered(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (delivered().length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} delivered messages at the fake Twilio API, got ${delivered().length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return delivered();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
