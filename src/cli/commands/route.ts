// `spreekuur route [--tenant KEY] < in.jsonl > out.jsonl` (routing-contract.md):
// every line is routed as the first message of a new conversation, with the
// same routeMessage the live bot uses. No database, no network.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ContentError } from '../../errors.js';
import { loadRouter } from '../../nlu/loadRouter.js';
import { routeMessage } from '../../nlu/routeMessage.js';
import type { CliCommand } from '../main.js';

const usage = 'usage: spreekuur route [--tenant KEY] < questions.jsonl > routed.jsonl\n\nenvironment: CONTENT_DIR (default content)\n';

export const envSchema = z.object({ CONTENT_DIR: z.string().min(1).default('content') });
const inputLineSchema = z.looseObject({ text: z.string() });

export const routeCommand: CliCommand = async (argv, io) => {
  let tenant: string | undefined;
  try {
    tenant = parseArgs({ args: argv, options: { tenant: { type: 'string' } }, strict: true }).values.tenant;
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const env = envSchema.parse(process.env);
  let router;
  try {
    router = await loadRouter(env.CONTENT_DIR);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (tenant !== undefined && !router.tenantKeys.has(tenant)) {
    io.stderr.write(`unknown tenant ${tenant}; known: ${[...router.tenantKeys].join(', ') || '(none)'}\n`);
    return 2;
  }
  let bad = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const input = parseLine(line);
    if (!input) {
      bad++;
      io.stderr.write(`line ${lineNumber}: not a JSON object with a "text" string\n`);
      io.stdout.write(`${JSON.stringify({ error: 'invalid input line', line: lineNumber })}\n`);
      continue;
    }
    const result = routeMessage(input.text, { tenantKey: tenant }, router.index);
    const { text, lang, topic, action, confidence, reason, alternatives } = result;
    io.stdout.write(`${JSON.stringify({ text, lang, topic, action, confidence, reason, alternatives })}\n`);
  }
  return bad > 0 ? 1 : 0;
};

function parseLine(line: string): { text: string } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = inputLineSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
