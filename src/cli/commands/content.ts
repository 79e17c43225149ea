// `spreekuur content check | schema | import-waste`: the content tree's tooling
// for writers and coordinators. The work is done in src/content; this module
// reads arguments and environment, and prints.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { ContentError } from '../../errors.js';
import { buildJsonSchemas } from '../../content/buildJsonSchemas.js';
import { checkContentTree } from '../../content/checkContentTree.js';
import { type ContentProblem, type ContentReport, problem } from '../../content/contentReport.js';
import { importWasteCalendar } from '../../content/importWasteCalendar.js';
import { toDayNumber, todayInAmsterdam } from '../../content/isoDate.js';
import { type ContentTree, readContentTree } from '../../content/loadContentTree.js';
import { loadTopicsSpec, resolveTopicsFile } from '../../content/topicsSpec.js';
import { buildRouterIndex } from '../../nlu/buildRouterIndex.js';
import { checkEmergencyExamples } from '../../nlu/checkEmergencyExamples.js';
import type { CliCommand, CliIo } from '../main.js';

const usage = `usage:
  spreekuur content check [--json] [--today YYYY-MM-DD] [--dir DIR] [--topics FILE]
  spreekuur content schema [--dir DIR] [--topics FILE]
  spreekuur content import-waste --tenant KEY --area NAME --postcodes 9981,9982AB [--sample] [--dir DIR] FILE.ics|FILE.csv

environment: CONTENT_DIR (default ./content), CONTENT_USE_SAMPLES, CONTENT_TOPICS_FILE (default ../shared/spec/topics.yaml beside the repository)
`;

// CONTENT_TOPICS_FILE matters to this command only; the rest comes from src/config.ts.
const topicsEnvSchema = z.object({ CONTENT_TOPICS_FILE: z.string().min(1).optional() });

const argsSchema = z.object({
  json: z.boolean().default(false),
  sample: z.boolean().default(false),
  today: z
    .string()
    .refine((value) => toDayNumber(value) !== undefined, '--today must be a date, YYYY-MM-DD')
    .optional(),
  dir: z.string().min(1).optional(),
  topics: z.string().min(1).optional(),
  tenant: z.string().optional(),
  area: z.string().optional(),
  postcodes: z.string().optional(),
});
type ContentArgs = z.infer<typeof argsSchema> & { dir: string; topicsFile: string; useSamples: boolean; files: string[] };

export const contentCommand: CliCommand = async (argv, io) => {
  const [name, ...rest] = argv;
  const run = name === undefined ? undefined : subcommands[name];
  if (!run) {
    io.stderr.write(usage);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  const args = readArgs(rest, io);
  if (!args) return 2;
  try {
    return await run(args, io);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
};

function readArgs(argv: string[], io: CliIo): ContentArgs | undefined {
  const parsed = parseArgv(argv, io);
  if (!parsed) return undefined;
  const options = argsSchema.safeParse(parsed.values);
  const env = topicsEnvSchema.safeParse(process.env);
  if (!options.success || !env.success) {
    const issues = [...(options.error?.issues ?? []), ...(env.error?.issues ?? [])];
    io.stderr.write(`${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')}\n${usage}`);
    return undefined;
  }
  const config = loadConfig();
  const dir = options.data.dir ?? config.CONTENT_DIR;
  const topicsFile = options.data.topics ?? resolveTopicsFile(dir, env.data.CONTENT_TOPICS_FILE);
  return { ...options.data, dir, topicsFile, useSamples: config.CONTENT_USE_SAMPLES, files: parsed.positionals };
}

function parseArgv(argv: string[], io: CliIo): { values: Record<string, unknown>; positionals: string[] } | undefined {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        sample: { type: 'boolean' },
        today: { type: 'string' },
        dir: { type: 'string' },
        topics: { type: 'string' },
        tenant: { type: 'string' },
        area: { type: 'string' },
        postcodes: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return undefined;
  }
}

async function runCheck(args: ContentArgs, io: CliIo): Promise<number> {
  const topics = await loadTopicsSpec(args.topicsFile);
  const { tree, problems } = await readContentTree(args.dir, { useSamples: args.useSamples });
  const report = checkContentTree(tree, topics, {
    today: args.today ?? todayInAmsterdam(),
    readFile: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    loadProblems: problems,
    routingProblems: problems.length === 0 ? checkRouting(tree) : [],
  });
  io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, tree.nodes.size, tree.tenants.size));
  return report.ok ? 0 : 1;
}

/** Builds the router from the tree and its signal lexicons, and routes the content's own examples. */
function checkRouting(tree: ContentTree): ContentProblem[] {
  try {
    return checkEmergencyExamples(tree, buildRouterIndex(tree));
  } catch (error) {
    if (error instanceof ContentError) return [problem('invalid-file', 'signals', error.message.replace(/\n\s*/g, ' '))];
    throw error;
  }
}

/** One line per problem, errors first, then a summary line. */
export function formatReport(report: ContentReport, nodeCount: number, tenantCount: number): string {
  const ordered = [...report.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const lines = ordered.map((item) => `${item.severity.padEnd(8)} ${item.kind.padEnd(18)} ${item.where}: ${item.message}`);
  const verdict = report.ok ? 'ok' : 'FAILED';
  lines.push(`content check ${verdict}: ${report.errors} error(s), ${report.warnings} warning(s) in ${nodeCount} node(s) and ${tenantCount} tenant(s)`);
  return `${lines.join('\n')}\n`;
}

async function runSchema(args: ContentArgs, io: CliIo): Promise<number> {
  const schemas = buildJsonSchemas(await loadTopicsSpec(args.topicsFile));
  const outDir = join(args.dir, 'schema');
  await mkdir(outDir, { recursive: true });
  for (const [file, schema] of Object.entries(schemas)) {
    await writeFile(join(outDir, file), `${JSON.stringify(schema, null, 2)}\n`);
    io.stdout.write(`wrote ${relative(process.cwd(), join(outDir, file))}\n`);
  }
  return 0;
}

async function runImportWaste(args: ContentArgs, io: CliIo): Promise<number> {
  const [file, ...extra] = args.files;
  if (!args.tenant || !args.area || !args.postcodes || !file || extra.length > 0) {
    io.stderr.write(`import-waste needs --tenant, --area, --postcodes and one calendar file\n${usage}`);
    return 2;
  }
  const result = await importWasteCalendar({
    contentDir: args.dir,
    tenant: args.tenant,
    area: args.area,
    postcodes: args.postcodes.split(',').map((code) => code.trim()),
    file,
    sample: args.sample,
  });
  const skipped = result.skipped.length > 0 ? `; left out ${result.skipped.length} event(s) of no known stream: ${[...new Set(result.skipped)].join(', ')}` : '';
  io.stdout.write(
    `${result.added ? 'added' : 'updated'} ${args.area} in tenants/${args.tenant}/waste.yaml: ${result.calendarFile}, ${result.collections} collection(s)${skipped}\n`,
  );
  return 0;
}

const subcommands: Record<string, (args: ContentArgs, io: CliIo) => Promise<number>> = {
  check: runCheck,
  schema: runSchema,
  'import-waste': runImportWaste,
};
