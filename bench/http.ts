// `npm run bench:http`: webhook intake throughput on this machine. Each request
// is a fresh, signed Twilio webhook (stored, acknowledged, processed by the bot);
// the baseline in the same run is /healthz, which does no work.
import autocannon from 'autocannon';
import twilio from 'twilio';
import { createApp } from '../src/app/createApp.js';

const TOKEN = 'bench-auth-token';
const app = await createApp({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: 'memory://',
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  LOG_LEVEL: 'silent',
  TWILIO_ACCOUNT_SID: `AC${'b'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_WHATSAPP_FROM: 'whatsapp:+3197000000000',
  TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
  WORKERS: 'inbox',
});
await app.start();
const duration = Number(process.env.BENCH_SECONDS ?? 10);

async function run(title: string, options: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon({ connections: 10, duration, ...options });
  console.log(`${title.padEnd(28)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`);
  return result;
}

let counter = 0;
const baseline = await run('GET /healthz (baseline)', { url: `${app.url}/healthz` });
const webhook = await run('POST /twilio/inbound', {
  url: `${app.url}/twilio/inbound`,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  requests: [
    {
      setupRequest: (request) => {
        counter += 1;
        const params = {
          MessageSid: `SM${counter.toString(16).padStart(32, '0')}`,
          From: `whatsapp:+316${String(counter % 500).padStart(8, '0')}`,
          To: 'whatsapp:+3197000000000',
          Body: 'hoe vraag ik zorgtoeslag aan',
          NumMedia: '0',
        };
        const signature = twilio.getExpectedTwilioSignature(TOKEN, `${app.url}/twilio/inbound`, params);
        return { ...request, body: new URLSearchParams(params).toString(), headers: { ...request.headers, 'x-twilio-signature': signature } };
      },
    },
  ],
});
console.log(`webhook intake / baseline: ${(webhook.requests.average / baseline.requests.average).toFixed(3)}`);
const started = Date.now();
await app.inbox.idle();
console.log(`bot turns drained ${counter} messages in ${((Date.now() - started) / 1000).toFixed(1)} s after the load ended`);
await app.stop();
