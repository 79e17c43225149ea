// Loads and validates the content tree once: national nodes, menu areas and
// tenant layers. Every problem is collected and reported together.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseYamlText } from './parseYamlText.js';
import type { z } from 'zod';
import { ContentError } from '../errors.js';
import {
  type Area,
  type ContentNode,
  type Schedule,
  type Tenant,
  type Waste,
  answerOverrideSchema,
  areasFileSchema,
  contentNodeSchema,
  scheduleSchema,
  tenantSchema,
  wasteSchema,
} from './schema.js';

export type AnswerOverride = z.infer<typeof answerOverrideSchema>;

export interface TenantContent {
  tenant: Tenant;
  /** The tenant's schedule, or its sample (sample: true) when it has no sessions yet. */
  schedule: Schedule;
  waste: Waste;
  /** Local answers by node id. */
  overrides: Map<string, AnswerOverride>;
  /** Absolute folder of this tenant, for calendar files. */
  dir: string;
}

export interface ContentTree {
  dir: string;
  nodes: Map<string, ContentNode>;
  areas: Area[];
  tenants: Map<string, TenantContent>;
}

export interface LoadOptions {
  /** Fall back to samples/schedule.sample.yaml when schedule.yaml has no sessions (default true). */
  useSamples?: boolean;
}

/** A file that failed to parse or validate; `path` is the field inside it ('' for the whole file). */
export interface LoadProblem {
  file: string;
  path: string;
  message: string;
}

export async function loadContentTree(dir: string, options: LoadOptions = {}): Promise<ContentTree> {
  const { tree, problems } = await readContentTree(dir, options);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${problem.file}: ${problem.path || '(file)'}: ${problem.message}`);
    throw new ContentError(`The content tree in ${dir} has ${problems.length} problem(s)`, lines);
  }
  return tree;
}

/** Like loadContentTree, but returns what loaded beside the problems, so `content check` can report everything. */
export async function readContentTree(dir: string, options: LoadOptions = {}): Promise<{ tree: ContentTree; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  const read = createReader(dir, problems);

  const nodes = new Map<string, ContentNode>();
  for (const file of await listYamlFiles(join(dir, 'nodes'))) {
    const node = await read(file, contentNodeSchema);
    if (!node) continue;
    if (nodes.has(node.id)) problems.push({ file: relative(dir, file), path: 'id', message: `duplicate node id ${node.id}` });
    nodes.set(node.id, node);
  }

  const areasFile = await read(join(dir, 'areas.yaml'), areasFileSchema);
  const areas = [...(areasFile?.areas ?? [])].sort((a, b) => a.order - b.order);

  const tenants = new Map<string, TenantContent>();
  for (const key of await listFolders(join(dir, 'tenants'))) {
    const tenantDir = join(dir, 'tenants', key);
    const tenant = await read(join(tenantDir, 'tenant.yaml'), tenantSchema);
    const schedule = await readSchedule(tenantDir, read, options.useSamples ?? true);
    const waste = (await readOptional(join(tenantDir, 'waste.yaml'), wasteSchema, read)) ?? wasteSchema.parse({});
    const overrides = new Map<string, AnswerOverride>();
    for (const file of await listYamlFiles(join(tenantDir, 'answers'))) {
      const override = await read(file, answerOverrideSchema);
      if (override) overrides.set(override.node, override);
    }
    if (!tenant) continue;
    if (tenant.key !== key) problems.push({ file: `tenants/${key}/tenant.yaml`, path: 'key', message: `key ${tenant.key} differs from its folder` });
    tenants.set(key, { tenant, schedule, waste, overrides, dir: tenantDir });
  }

  return { tree: { dir, nodes, areas, tenants }, problems };
}

type Reader = <T>(file: string, schema: z.ZodType<T>) => Promise<T | undefined>;

function createReader(dir: string, problems: LoadProblem[]): Reader {
  return async (file, schema) => {
    const where = relative(dir, file);
    let raw: unknown;
    try {
      raw = parseYamlText(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push({ file: where, path: '', message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file: where, path: issue.path.join('.'), message: issue.message });
      return undefined;
    }
    return parsed.data;
  };
}

/**
 * A tenant without real spreekuur times may ship invented ones so the dialogs can
 * be tried out; they stay flagged sample: true so the bot never presents them as fact.
 */
async function readSchedule(tenantDir: string, read: Reader, useSamples: boolean): Promise<Schedule> {
  const own = (await readOptional(join(tenantDir, 'schedule.yaml'), scheduleSchema, read)) ?? scheduleSchema.parse({});
  if (own.sessions.length > 0 || !useSamples) return own;
  const sample = await readOptional(join(tenantDir, 'samples', 'schedule.sample.yaml'), scheduleSchema, read);
  if (!sample) return own;
  // The tenant's own note (facts known without times) beats the sample's.
  return { ...sample, sample: true, note: own.note ?? sample.note };
}

async function readOptional<T>(file: string, schema: z.ZodType<T>, read: Reader): Promise<T | undefined> {
  const exists = await readFile(file).then(
    () => true,
    () => false,
  );
  return exists ? read(file, schema) : undefined;
}

async function listYamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function listFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}
