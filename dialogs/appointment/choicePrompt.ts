// Prompt options for the NumberedPrompt: the question, the numbered lines
// (also as buttons where the channel has them) and the retry text.
import type { PromptOptions } from 'botbuilder-dialogs';
import type { Translate } from '../ports.js';
import { numbered, toActivity } from '../replies.js';
import type { NumberedValidations } from './NumberedPrompt.js';

export const NUMBERED_PROMPT = 'appointment.numbered';

export function choicePrompt(t: Translate, locale: string, lines: string[], labels: string[], allowText = false): PromptOptions {
  const text = [lines.filter(Boolean).join('\n'), numbered(labels)].filter(Boolean).join('\n\n');
  const validations: NumberedValidations = { labels, allowText };
  return {
    prompt: toActivity({ text, choices: [] }, labels),
    retryPrompt: toActivity({ text: `${t(locale, 'appointment:notUnderstood')}\n\n${text}`, choices: [] }, labels),
    validations,
  };
}

/** A question answered in the person's own words (a preferred time). */
export function textPrompt(lines: string[]): PromptOptions {
  const text = lines.filter(Boolean).join('\n');
  const validations: NumberedValidations = { labels: [], allowText: true };
  return { prompt: text, retryPrompt: text, validations };
}
