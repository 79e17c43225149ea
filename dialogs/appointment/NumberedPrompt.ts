// A prompt for numbered choices that works on SMS in every language: the
// choices are numbered lines in the text; the answer is a number (also Arabic-
// Indic, Persian or Ge'ez digits) or a choice's text. botbuilder's own choice
// recognisers do not know Tigrinya, Somali or Persian, so this does not use them.
import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import { normalizeText } from '../../src/nlu/normalizeText.js';
import { parseChoiceNumber } from '../session.js';

/** What the person answered: one of the choices, or their own words where those are allowed. */
export const numberedAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), index: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type NumberedAnswer = z.infer<typeof numberedAnswerSchema>;

/** A step's result as a NumberedAnswer, or undefined when the step before asked nothing. */
export function parseAnswer(value: unknown): NumberedAnswer | undefined {
  const parsed = numberedAnswerSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The index of the choice picked, or undefined for free text or no answer. */
export function choiceIndex(value: unknown): number | undefined {
  const answer = parseAnswer(value);
  return answer?.kind === 'choice' ? answer.index : undefined;
}

/** The person's own words, or undefined when they picked a choice. */
export function answerText(value: unknown): string | undefined {
  const answer = parseAnswer(value);
  return answer?.kind === 'text' ? answer.text : undefined;
}

export const numberedValidationsSchema = z.object({
  labels: z.array(z.string()),
  /** Free text is an answer too (a name, a preferred time); numbers still pick a choice. */
  allowText: z.boolean().default(false),
});
export type NumberedValidations = z.input<typeof numberedValidationsSchema>;

/** Longest free-text answer kept: a name or a time, not a letter. */
const MAX_TEXT = 300;

export class NumberedPrompt extends Prompt<NumberedAnswer> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<NumberedAnswer>> {
    const { labels, allowText } = numberedValidationsSchema.parse(options.validations ?? {});
    const text = (context.activity.text ?? '').trim();
    const index = matchChoice(text, labels);
    if (index !== undefined) return { succeeded: true, value: { kind: 'choice', index } };
    // A number that picks nothing is a mistake, not someone's own words.
    if (allowText && text.length > 0 && choiceNumber(text) === undefined) return { succeeded: true, value: { kind: 'text', text: text.slice(0, MAX_TEXT) } };
    return { succeeded: false };
  }
}

const geezDigits = /[\u1369-\u1371]/g;

/** "2", "٢", "۲" or "፪" -> 2. */
export function choiceNumber(text: string): number | undefined {
  return parseChoiceNumber(text.replace(geezDigits, (digit) => String(digit.charCodeAt(0) - 0x1368)));
}

/** The 0-based index of the choice a message picks, by number or by (the start of) its text. */
export function matchChoice(text: string, labels: readonly string[]): number | undefined {
  const number = choiceNumber(text);
  if (number !== undefined) return number >= 1 && number <= labels.length ? number - 1 : undefined;
  const said = normalizeText(text);
  if (!said) return undefined;
  const normalized = labels.map((label) => normalizeText(label));
  const exact = normalized.indexOf(said);
  if (exact >= 0) return exact;
  // "ja" for "Ja, het klopt": the first words of exactly one choice.
  const starts = normalized.flatMap((label, index) => (label.startsWith(`${said} `) ? [index] : []));
  return starts.length === 1 ? starts[0] : undefined;
}
