// Starts the real app on a random port with a fresh test database, Twilio
// credentials pointing at a fake Twilio API, and helpers to post webhooks
// signed with Twilio's own helper.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import twilio from 'twilio';
import { z } from 'zod';
import { type App, createApp } from '../../src/app/createApp.js';
import { queryRows } from './queryRows.js';
import { createTestDatabaseUrl } from './testDatabase.js';

export const TEST_ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
export const WHATSAPP_FROM = 'whatsapp:+3197010000001';
export const SMS_FROM = '+3197010000002';

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Reuse a database across restarts: pass what a previous start returned. */
  storage?: TestStorage;
  twilioApiUrl?: string;
}

export interface TestStorage {
  databaseUrl: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

export interface TestApp {
  app: App;
  url: string;
  storage: TestStorage;
  /** Stops the app; the storage stays for a restart. */
  stop(): Promise<void>;
  /** Stops the app and deletes its database. */
  dispose(): Promise<void>;
  postTwilio(path: '/twilio/inbound' | '/twilio/status', params: Record<string, string>, options?: { signature?: string | null }): Promise<Response>;
}

export async function createTestStorage(): Promise<TestStorage> {
  const { url, drop } = await createTestDatabaseUrl();
  const dataDir = url ? 'memory://' : mkdtempSync(join(tmpdir(), 'spreekuur-test-'));
  return {
    databaseUrl: url,
    dataDir,
    drop: async () => {
      await drop();
      if (dataDir !== 'memory://') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const storage = options.storage ?? (await createTestStorage());
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: storage.databaseUrl,
    DATA_DIR: storage.dataDir,
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
    TWILIO_SMS_FROM: SMS_FROM,
    TWILIO_API_BASE_URL: options.twilioApiUrl ?? 'http://127.0.0.1:9',
    OUTBOX_POLL_MS: '100',
    OUTBOX_BACKOFF_MS: '50',
    SESSION_SECRET: 'test-session-secret-0123456789abcdef0123',
    ...options.env,
  };
  const app = await createApp(env);
  await app.start();
  const url = app.url;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.stop();
  };
  return {
    app,
    url,
    storage,
    stop,
    dispose: async () => {
      await stop();
      await storage.drop();
    },
    async postTwilio(path, params, postOptions = {}) {
      const signature = postOptions.signature === undefined ? twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${url}${path}`, params) : postOptions.signature;
      return fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
        body: new URLSearchParams(params).toString(),
      });
    },
  };
}

let sidCounter = 0;
/** A fresh, valid-looking MessageSid. */
export function newMessageSid(): string {
  sidCounter += 1;
  return `SM${process.pid.toString(16).padStart(8, '0')}${Date.now().toString(16).padStart(12, '0')}${sidCounter.toString(16).padStart(12, '0')}`.slice(0, 34);
}

export function whatsappInbound(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  return { MessageSid: newMessageSid(), From: `whatsapp:${from}`, To: WHATSAPP_FROM, Body: body, NumMedia: '0', ...extra };
}

export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until every stored message is processed and every reply sent: nothing received or pending is left. */
export async function waitForQuiet(app: App, timeoutMs = 15_000): Promise<void> {
  await waitFor(
    async () => {
      await app.inbox.idle();
      const [row] = await queryRows(
        app.services.database.db,
        sql`select (select count(*) from messages where status = 'received')::int + (select count(*) from outbox where status in ('pending', 'sending'))::int as n`,
        z.object({ n: z.number() }),
      );
      return row?.n === 0 || undefined;
    },
    timeoutMs,
    'every message processed and every reply sent',
  );
}
