// JSON Schemas for the content files, generated from the zod schemas so editors
// (VS Code with the YAML extension) autocomplete and underline mistakes while a
// writer types. The topic keys from topics.yaml are filled in as an enum.
import { z } from 'zod';
import {
  answerOverrideSchema,
  areasFileSchema,
  contentNodeSchema,
  partnerSchema,
  scheduleSchema,
  tenantSchema,
  wasteSchema,
} from './schema.js';
import type { TopicsSpec } from './topicsSpec.js';

/** File name under content/schema/ -> JSON Schema. */
export function buildJsonSchemas(topics: TopicsSpec): Record<string, Record<string, unknown>> {
  const keys = [...topics.keys()];
  // z.string() stays for an empty spec, so the schemas never reject every topic.
  const topicSchema = keys.length > 0 ? z.enum(keys) : z.string();
  const nodeSchema = contentNodeSchema.extend({ topic: topicSchema });
  const tenantWithTopics = tenantSchema.extend({
    partners: z.array(partnerSchema.extend({ topics: z.array(topicSchema).default([]) })).default([]),
  });
  const schemas = {
    'node.json': nodeSchema.meta({ title: 'Spreekuur content node', description: 'content/nodes/<area>/<id>.yaml: one answer in eight locales' }),
    'areas.json': areasFileSchema.meta({ title: 'Spreekuur menu areas', description: 'content/areas.yaml' }),
    'tenant.json': tenantWithTopics.meta({ title: 'Spreekuur tenant', description: 'content/tenants/<key>/tenant.yaml: a municipality and its partners' }),
    'schedule.json': scheduleSchema.meta({ title: 'Spreekuur schedule', description: 'content/tenants/<key>/schedule.yaml or samples/schedule.sample.yaml' }),
    'waste.json': wasteSchema.meta({ title: 'Spreekuur waste streams and calendars', description: 'content/tenants/<key>/waste.yaml' }),
    'answer.json': answerOverrideSchema.meta({ title: 'Spreekuur local answer', description: 'content/tenants/<key>/answers/<node id>.yaml' }),
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([file, schema]) => [
      file,
      // io 'input': fields with a default are optional to the writer; draft-07 is what yaml-language-server knows best.
      z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }),
    ]),
  );
}
