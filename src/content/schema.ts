// The content tree's file formats: every YAML file under content/ is parsed
// with one of these schemas, and the JSON Schema for editors is exported from them.
import { z } from 'zod';

export const localeCodes = ['nl', 'en', 'ar', 'ti', 'fa', 'tr', 'uk', 'so'] as const;
export const localeSchema = z.enum(localeCodes);
export type Locale = z.infer<typeof localeSchema>;

export const actionSchema = z.enum(['answer', 'ask', 'appointment', 'handoff', 'emergency']);
export type Action = z.infer<typeof actionSchema>;

export const areaKeys = [
  'toeslagen',
  'afval',
  'gezondheid',
  'partners',
  'administratie',
  'spreekuur',
  'veiligheid',
] as const;
export const areaKeySchema = z.enum(areaKeys);
export type AreaKey = z.infer<typeof areaKeySchema>;

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/**
 * Dutch numbers as people dial them: 112, 0800-0543, 088-1234567, +31 50 123 4567,
 * and the municipal 14 + area code numbers (14 050, 14 0595).
 */
export const phoneSchema = z
  .string()
  .regex(
    /^(?:1\d{2}|14 ?0\d{2,3}|\+31[ -]?\d{1,3}(?:[ -]?\d{2,4}){2,4}|0\d{2,3}-?\d{4,7}|0\d{2}[ -]\d{3}[ -]\d{2}[ -]\d{2})$/,
    'not a Dutch phone number (examples: 112, 0800-0543, 050-1234567, +31 50 123 4567, 14 050)',
  );

export const translationStatusSchema = z.enum(['source', 'draft', 'reviewed']);

export const nodeLocaleSchema = z.object({
  /** source for nl; draft until a native speaker has reviewed it. */
  status: translationStatusSchema,
  /** The revision of the Dutch text this translation was made from (not on nl). */
  from_revision: z.number().int().positive().optional(),
  title: z.string().min(1).max(60),
  answer: z.string().min(1),
  /**
   * For a handoff topic: what the bot adds when it actually passes the question to a
   * volunteer ("I am passing your question on now"). A node whose locales have one
   * also answers routine questions about its topic (routing-contract.md): the answer
   * without this note, with a volunteer offered as a choice.
   */
  handoff_note: z.string().min(1).optional(),
  examples: z.array(z.string().min(1)).default([]),
  keywords: z.array(z.string().min(1)).default([]),
});
export type NodeLocale = z.infer<typeof nodeLocaleSchema>;

export const followUpSchema = z.union([
  z.object({ node: z.string().min(1) }),
  z.object({ action: z.enum(['appointment', 'handoff']) }),
]);
export type FollowUp = z.infer<typeof followUpSchema>;

/** Kinds of tenant fact an answer can depend on. */
export const localFactSchema = z.enum(['partners', 'schedule', 'waste', 'huisartsenpost', 'website']);
export type LocalFact = z.infer<typeof localFactSchema>;

export const contentNodeSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/),
  topic: z.string().min(1),
  area: areaKeySchema,
  action: actionSchema,
  /** Position in the area's menu. */
  order: z.number().int().nonnegative().default(100),
  /** Dutch (source) revision; bump it when the Dutch answer changes. */
  revision: z.number().int().positive(),
  review_by: isoDateSchema,
  sources: z.array(z.url()).default([]),
  /** Phone numbers the answer mentions: checked for format, listed for the coordinator. */
  phones: z.array(phoneSchema).default([]),
  /** Terms in any language (usually Dutch) that point to this node whatever language the person writes in. */
  keywords: z.array(z.string().min(1)).default([]),
  /** Kinds of tenant fact the answer is incomplete without; the bot appends them and `content check` lists gaps. */
  local_facts: z.array(localFactSchema).default([]),
  follow_ups: z.array(followUpSchema).default([]),
  locales: z.partialRecord(localeSchema, nodeLocaleSchema),
});
export type ContentNode = z.infer<typeof contentNodeSchema>;

export const areaSchema = z.object({
  key: areaKeySchema,
  order: z.number().int(),
  emoji: z.string().default(''),
  titles: z.partialRecord(localeSchema, z.string().min(1).max(40)),
});
export const areasFileSchema = z.object({ areas: z.array(areaSchema) });
export type Area = z.infer<typeof areaSchema>;

const localizedTextSchema = z.partialRecord(localeSchema, z.string().min(1));

export const partnerSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** What they do, per locale (nl required). */
  does: localizedTextSchema,
  topics: z.array(z.string().min(1)).default([]),
  phone: phoneSchema.optional(),
  website: z.url().optional(),
  email: z.email().optional(),
  address: z.string().optional(),
  opening_hours: z.string().optional(),
  /** Where this entry comes from (a seed document, a website). */
  source: z.string().min(1),
});
export type Partner = z.infer<typeof partnerSchema>;

export const tenantSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  municipality_website: z.url().optional(),
  waste_calendar_url: z.url().optional(),
  huisartsenpost_phone: phoneSchema.optional(),
  /** Twilio numbers (E.164, without the whatsapp: prefix) that belong to this tenant. */
  numbers: z.array(z.string().regex(/^\+\d{6,15}$/)).default([]),
  /** The first digits of postcodes in this municipality, to place a person who gives a postcode. */
  postcode_prefixes: z.array(z.string().regex(/^\d{2,4}$/)).default([]),
  /** Interpreter languages the spreekuur can offer. */
  languages: z.array(localeSchema).default([]),
  partners: z.array(partnerSchema).default([]),
});
export type Tenant = z.infer<typeof tenantSchema>;

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');

export const spreekuurLocationSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  address: z.string().optional(),
});

export const spreekuurSessionSchema = z.object({
  location: z.string(),
  weekday: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
  start: timeSchema,
  end: timeSchema,
  /** Appointments per slot. */
  capacity: z.number().int().positive().default(2),
  slot_minutes: z.number().int().positive().default(30),
  language_help: z.array(localeSchema).default([]),
});

export const scheduleSchema = z.object({
  /** true when the times below are an invented sample, never to be presented as fact. */
  sample: z.boolean().default(false),
  /** Facts we know without times, e.g. "4 times a week" from a seed document. */
  note: localizedTextSchema.optional(),
  locations: z.array(spreekuurLocationSchema).default([]),
  sessions: z.array(spreekuurSessionSchema).default([]),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const wasteStreamKeys = ['gft', 'pmd', 'papier', 'glas', 'rest', 'textiel', 'grofvuil'] as const;
export const wasteStreamKeySchema = z.enum(wasteStreamKeys);
export type WasteStreamKey = z.infer<typeof wasteStreamKeySchema>;
export const wasteStreamSchema = z.object({
  key: wasteStreamKeySchema,
  /** Which bin or where it goes, per locale. */
  how: localizedTextSchema,
});

export const wasteCalendarEntrySchema = z.object({
  area: z.string().min(1),
  /** Relative to the tenant folder, e.g. calendars/noord.ics. */
  file: z.string().min(1),
  /** 4-digit postcodes cover every address under them; 6-character ones (9981AB) one street or part of it. */
  postcodes: z.array(z.string().regex(/^\d{4}(?:[A-Z]{2})?$/)).min(1),
  sample: z.boolean().default(false),
});
export type WasteCalendarEntry = z.infer<typeof wasteCalendarEntrySchema>;

export const wasteSchema = z.object({
  streams: z.array(wasteStreamSchema).default([]),
  /** Calendar files under the tenant folder (ICS or CSV), each for an area of postcodes. */
  calendars: z.array(wasteCalendarEntrySchema).default([]),
});
export type Waste = z.infer<typeof wasteSchema>;

/** A tenant's local version of a national answer, per locale. */
export const answerOverrideSchema = z.object({
  node: z.string().min(1),
  locales: z.partialRecord(localeSchema, z.object({ answer: z.string().min(1) })),
});
