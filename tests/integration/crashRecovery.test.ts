// A real crash: the service runs in a child process, accepts a message and is
// killed with SIGKILL before the reply is sent. A restarted service on the same
// database must send the reply exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import twilio from 'twilio';
import { z } from 'zod';
import { startFakeTwilio, type FakeTwilio } from '../helpers/fakeTwilio.js';
import { queryRows } from '../helpers/queryRows.js';
import {
  createTestStorage,
  SMS_FROM,
  startTestApp,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestStorage,
  WHATSAPP_FROM,
  waitFor,
  waitForQuiet,
  whatsappInbound,
} from '../helpers/startTestApp.js';

interface Child {
  process: ChildProcess;
  url: string;
  logs: string[];
}

async function startChild(storage: TestStorage, workers: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', "import('./src/cli/main.ts').then((cli) => cli.runCli(['serve']))"], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      WORKERS: workers,
      ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
      DATA_DIR: storage.dataDir,
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
      TWILIO_SMS_FROM: SMS_FROM,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const match = /running at (http:\/\/\S+?)\/? /.exec(`${line} `);
      if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
  });
  return { process: child, url, logs };
}

async function kill(child: Child): Promise<void> {
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGKILL');
  await exited;
}

function post(url: string, params: Record<string, string>): Promise<Response> {
  const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${url}/twilio/inbound`, params);
  return fetch(`${url}/twilio/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

describe('crash recovery', () => {
  let fake: FakeTwilio;
  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
  });
  afterAll(async () => fake?.close());

  it.each([
    ['stored but not yet processed', 'none', 'inbound stored'],
    ['processed, reply queued but not sent', 'inbox', 'turn processed'],
  ])('sends the reply exactly once after a kill when the message was %s', async (_label, workers, milestone) => {
    const storage = await createTestStorage();
    const person = `+3161234${workers === 'none' ? '5001' : '5002'}`;
    const child = await startChild(storage, workers);
    try {
      const response = await post(child.url, whatsappInbound(person, 'hoe krijg ik een DigiD'));
      expect(response.status).toBe(200);
      await waitFor(() => child.logs.some((line) => line.includes(`"msg":"${milestone}"`)) || undefined, 30_000, milestone);
      expect(child.logs.join('\n')).not.toContain(person.slice(1));
    } finally {
      await kill(child);
    }
    expect(fake.delivered().filter((call) => call.to === `whatsapp:${person}`)).toHaveLength(0);

    const restarted = await startTestApp({ storage, twilioApiUrl: fake.url });
    try {
      await waitForQuiet(restarted.app, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const replies = fake.delivered().filter((call) => call.to === `whatsapp:${person}`);
      const outboxRows = await queryRows(restarted.app.services.database.db, sql`select count(*)::int as n from outbox where to_address = ${`whatsapp:${person}`}`, z.object({ n: z.number() }));
      expect(replies.length).toBeGreaterThan(0);
      expect(replies).toHaveLength(outboxRows[0]?.n ?? -1);
      expect(replies.map((call) => call.body).join('\n')).toMatch(/DigiD/);
    } finally {
      await restarted.dispose();
    }
  }, 240_000);
});
