// Loads and validates the content tree once: national nodes, menu areas and
// tenant layers. Every problem is collected and reported together.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
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

export async function loadContentTree(dir: string): Promise<ContentTree> {
  const problems: string[] = [];
  const read = async <T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    const where = relative(dir, file);
    let raw: unknown;
    try {
      raw = parseYaml(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      return undefined;
    }
    return parsed.data;
  };

  const nodes = new Map<string, ContentNode>();
  for (const file of await listYamlFiles(join(dir, 'nodes'))) {
    const node = await read(file, contentNodeSchema);
    if (!node) continue;
    if (nodes.has(node.id)) problems.push(`${relative(dir, file)}: duplicate node id ${node.id}`);
    nodes.set(node.id, node);
  }

  const areasFile = await read(join(dir, 'areas.yaml'), areasFileSchema);
  const areas = [...(areasFile?.areas ?? [])].sort((a, b) => a.order - b.order);

  const tenants = new Map<string, TenantContent>();
  for (const key of await listFolders(join(dir, 'tenants'))) {
    const tenantDir = join(dir, 'tenants', key);
    const tenant = await read(join(tenantDir, 'tenant.yaml'), tenantSchema);
    const schedule = (await readOptional(join(tenantDir, 'schedule.yaml'), scheduleSchema, read)) ?? scheduleSchema.parse({});
    const waste = (await readOptional(join(tenantDir, 'waste.yaml'), wasteSchema, read)) ?? wasteSchema.parse({});
    const overrides = new Map<string, AnswerOverride>();
    for (const file of await listYamlFiles(join(tenantDir, 'answers'))) {
      const override = await read(file, answerOverrideSchema);
      if (override) overrides.set(override.node, override);
    }
    if (!tenant) continue;
    if (tenant.key !== key) problems.push(`tenants/${key}/tenant.yaml: key ${tenant.key} differs from its folder`);
    tenants.set(key, { tenant, schedule, waste, overrides, dir: tenantDir });
  }

  if (problems.length > 0) throw new ContentError(`The content tree in ${dir} has ${problems.length} problem(s)`, problems);
  return { dir, nodes, areas, tenants };
}

async function readOptional<T>(
  file: string,
  schema: z.ZodType<T>,
  read: (file: string, schema: z.ZodType<T>) => Promise<T | undefined>,
): Promise<T | undefined> {
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
