// `spreekuur eval FILE`: routes every labelled line as `route` would and prints
// accuracy overall, per language and per topic, language-id accuracy, missed
// emergencies and the top confusions. A progress bar goes to stderr on a terminal.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ContentError } from '../../errors.js';
import { loadRouter } from '../../nlu/loadRouter.js';
import { routeMessage } from '../../nlu/routeMessage.js';
import { type LabelledLine, type RoutedLine, formatReport, parseLabelledLines, summariseScores } from '../../nlu/scoreRoutes.js';
import type { CliCommand, CliIo } from '../main.js';
import { envSchema } from './route.js';

const usage = 'usage: spreekuur eval [--tenant KEY] [--json] FILE.jsonl\n\nenvironment: CONTENT_DIR (default content)\n';

export const evalCommand: CliCommand = async (argv, io) => {
  let args;
  try {
    args = parseArgs({ args: argv, options: { tenant: { type: 'string' }, json: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const [file] = args.positionals;
  if (file === undefined) {
    io.stderr.write(usage);
    return 2;
  }
  const { lines, problems } = parseLabelledLines(await readFile(file, 'utf8'));
  for (const problem of problems) io.stderr.write(`${file}: ${problem}\n`);
  const env = envSchema.parse(process.env);
  try {
    const router = await loadRouter(env.CONTENT_DIR);
    const pairs = routeAll(lines, (text) => routeMessage(text, { tenantKey: args.values.tenant }, router.index), io);
    const report = summariseScores(pairs);
    io.stdout.write(args.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  return problems.length > 0 ? 1 : 0;
};

function routeAll(lines: readonly LabelledLine[], route: (text: string) => RoutedLine, io: CliIo): { label: LabelledLine; routed: RoutedLine }[] {
  const progress = isTerminal(io.stderr) ? io.stderr : undefined;
  const pairs = lines.map((label, i) => {
    if (progress && (i % 10 === 0 || i === lines.length - 1)) progress.write(`\r${progressBar(i + 1, lines.length)}`);
    return { label, routed: route(label.text) };
  });
  progress?.write('\r\u001b[2K');
  return pairs;
}

function progressBar(done: number, total: number, width = 30): string {
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

function isTerminal(stream: NodeJS.WritableStream): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}
