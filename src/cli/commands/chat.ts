// `spreekuur chat [--url URL] [--lang ar]`: talk to the bot in this terminal.
// Without --url it starts its own service with an in-memory database, so it
// never touches a running server's data folder; with --url it joins that server.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { createApp } from '../../app/createApp.js';
import type { CliCommand } from '../main.js';

const eventSchema = z.object({ body: z.string(), buttons: z.array(z.object({ value: z.string(), title: z.string() })) });

export const chatCommand: CliCommand = async (args, io) => {
  const urlIndex = args.indexOf('--url');
  const langIndex = args.indexOf('--lang');
  const own = urlIndex === -1 ? await createApp({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', DATABASE_URL: '', LOG_LEVEL: 'silent' }) : undefined;
  if (own) await own.start();
  const base = own?.url ?? args[urlIndex + 1] ?? 'http://localhost:3978';
  const clientId = randomUUID();
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const events = await fetch(`${base}/webchat/api/events?clientId=${clientId}`);
  // The stream ends when the service stops at the end of the chat.
  printEvents(events, io.stdout).catch(() => undefined);
  io.stdout.write('Type a message (Ctrl+D to quit).\n');
  const lang = langIndex === -1 ? undefined : args[langIndex + 1];
  if (lang) await post('/webchat/api/language', { clientId, locale: lang });
  const lines = createInterface({ input: io.stdin, terminal: false });
  for await (const line of lines) {
    const text = line.trim();
    if (text) await post('/webchat/api/messages', { clientId, clientMessageId: randomUUID(), text });
  }
  await own?.stop();
  return 0;
};

async function printEvents(response: Response, out: NodeJS.WritableStream): Promise<void> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (!data) continue;
      const event = eventSchema.safeParse(JSON.parse(data.slice(6)));
      if (event.success) out.write(`\n🤖 ${event.data.body}\n\n> `);
    }
  }
}
