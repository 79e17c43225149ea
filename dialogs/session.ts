// The conversation's own memory between turns: the numbered choices last
// shown, whether the welcome was given, and how often the bot was unsure.
import { z } from 'zod';
import { localeSchema } from '../src/content/schema.js';

export const choiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), key: z.string() }),
  z.object({ kind: z.literal('node'), id: z.string() }),
  z.object({ kind: z.literal('lang'), locale: localeSchema }),
  z.object({ kind: z.literal('tenant'), key: z.string(), then: z.string().optional() }),
  z.object({ kind: z.literal('person'), topic: z.string().nullable().default(null) }),
  z.object({ kind: z.literal('appointment'), topic: z.string().nullable().default(null) }),
  z.object({ kind: z.literal('afval-address') }),
]);
export type Choice = z.infer<typeof choiceSchema>;

export const sessionSchema = z.object({
  welcomed: z.boolean().default(false),
  choices: z.array(choiceSchema).default([]),
  lowConfidenceStreak: z.number().int().default(0),
  lastTopic: z.string().optional(),
  /** The thread the person was last told their messages are added to. */
  ackedThreadId: z.number().int().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export function parseSession(value: unknown): Session {
  const parsed = sessionSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : sessionSchema.parse({});
}

/** "3", " 3 ", "٣" or "۳" -> 3; anything else undefined. */
export function parseChoiceNumber(text: string): number | undefined {
  const western = text
    .trim()
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[.)]$/, '');
  return /^\d{1,2}$/.test(western) ? Number.parseInt(western, 10) : undefined;
}
