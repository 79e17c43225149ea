// The format of content/signals/*.yaml: lexicons that coordinators can extend
// (emergencies, requests for a person or an appointment, personal cases, and
// cross-lingual concepts that help the topic classifier, and small talk:
// greetings, thanks, yes/no that get the menu instead of a guessed topic).
import { z } from 'zod';
import { type Locale, localeCodes, localeSchema } from '../content/schema.js';
import { expandPhrase } from './phraseParts.js';

/** `all` holds terms that count whatever language the message is in (112, Veilig Thuis). */
export const signalLocaleSchema = z.enum([...localeCodes, 'all']);
export type SignalLocale = z.infer<typeof signalLocaleSchema>;

/** A phrase as written: `{a|b}` alternatives must be well formed (see expandPhrase). */
const writtenPhraseSchema = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    try {
      expandPhrase(source);
    } catch (error) {
      context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  });
const phrasesByLocaleSchema = z.partialRecord(signalLocaleSchema, z.array(writtenPhraseSchema));

export const signalGroupSchema = z.object({
  description: z.string().optional(),
  /** The topic key this group stands for (emergency kinds, appointment, person). */
  topic: z.string().optional(),
  /** How much one match counts; groups below 1 need company to decide anything. */
  weight: z.number().positive().max(5).default(1),
  /** Phrases: words in order, up to two other words between them; see the file header for `*`. */
  phrases: phrasesByLocaleSchema.default({}),
  /** Regular expressions over the normalised text (lower case, no punctuation), for amounts and the like. */
  patterns: z.array(z.string().refine(isRegExp, 'not a valid regular expression')).default([]),
  /** Count this group only when the classifier's best topic is one of these (death words within mental health). */
  only_with_topics: z.array(z.string().min(1)).default([]),
  /**
   * personal-case only: do not count this group when the classifier's best topic is one of these
   * ("I cannot pay the school trip" is the very question the Leergeld topic answers, not an own debt).
   */
  not_with_topics: z.array(z.string().min(1)).default([]),
  /** Phrases that cancel this group when present (an appointment with the huisarts is not ours). */
  unless: phrasesByLocaleSchema.default({}),
});
export type SignalGroup = z.infer<typeof signalGroupSchema>;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export const signalKinds = ['emergency', 'person', 'appointment', 'personal-case', 'concepts', 'smalltalk'] as const;
export const signalKindSchema = z.enum(signalKinds);
export type SignalKind = z.infer<typeof signalKindSchema>;

export const signalFileSchema = z
  .object({
    signal: signalKindSchema,
    groups: z.record(z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/), signalGroupSchema),
  })
  .superRefine((file, context) => {
    // Only personal-case markers are weighed after the classifier has ranked the topics.
    if (file.signal === 'personal-case') return;
    for (const [key, group] of Object.entries(file.groups)) {
      if (group.not_with_topics.length > 0) {
        context.addIssue({ code: 'custom', path: ['groups', key, 'not_with_topics'], message: `not_with_topics is only read in personal-case lexicons, not in ${file.signal}` });
      }
    }
  });
export type SignalFile = z.infer<typeof signalFileSchema>;

/**
 * content/signals/not-covered.yaml: questions no topic answers (school holidays, driving
 * lessons, ...), per locale. The topic classifier learns them as one more class, so that
 * such a question resembles "not covered" more than a look-alike topic.
 */
export const notCoveredFileSchema = z.object({
  signal: z.literal('not-covered'),
  examples: z.partialRecord(localeSchema, z.array(z.string().min(1))),
});

/** All signal files by kind (a kind without a file is an empty record), and the not-covered examples. */
export type Signals = Record<SignalKind, Record<string, SignalGroup>> & { notCovered: Partial<Record<Locale, string[]>> };
