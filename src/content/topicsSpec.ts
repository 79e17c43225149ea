// The topic keys the content tree must cover (../shared/spec/topics.yaml): read,
// validated and flattened so `content check` and `content schema` can use them.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseYamlText } from './parseYamlText.js';
import { z } from 'zod';
import { ContentError } from '../errors.js';
import { actionSchema } from './schema.js';

export const topicSpecSchema = z.object({
  scope: z.enum(['national', 'local']),
  default_action: actionSchema,
  must_say: z.array(z.string().min(1)).default([]),
});

/** Groups (menu areas, roughly) of topics by key; new groups may appear, so keys are free. */
export const topicsSpecFileSchema = z.record(z.string(), z.record(z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/), topicSpecSchema));

export type TopicSpec = z.infer<typeof topicSpecSchema> & { key: string; group: string };
export type TopicsSpec = Map<string, TopicSpec>;

export function parseTopicsSpec(text: string, where: string): TopicsSpec {
  let raw: unknown;
  try {
    raw = parseYamlText(text);
  } catch (error) {
    throw new ContentError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = topicsSpecFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(
      `${where} is not a valid topics spec`,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const topics: TopicsSpec = new Map();
  for (const [group, entries] of Object.entries(parsed.data)) {
    for (const [key, spec] of Object.entries(entries)) {
      if (topics.has(key)) throw new ContentError(`${where}: topic ${key} appears twice`);
      topics.set(key, { ...spec, key, group });
    }
  }
  return topics;
}

export async function loadTopicsSpec(file: string): Promise<TopicsSpec> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ContentError(`cannot read the topics spec ${file} (set CONTENT_TOPICS_FILE)`, [String(error)]);
  });
  return parseTopicsSpec(text, file);
}

/**
 * Where the topics spec lives: CONTENT_TOPICS_FILE, else ../shared/spec/topics.yaml
 * beside the repository that holds the content folder. There is deliberately no
 * copy inside the repository: the evaluation labels use the shared file, and a
 * copy would drift from them without anyone noticing (docs/adr/0002).
 */
export function resolveTopicsFile(contentDir: string, envFile: string | undefined): string {
  if (envFile) return resolve(envFile);
  return join(dirname(resolve(contentDir)), '..', 'shared', 'spec', 'topics.yaml');
}
