// The rules `content check` applies to one national node: complete locales,
// known topic and references, answers that fit a message, phone numbers that
// are well formed and listed, and the freshness warnings.
import { type ContentProblem, answerLimits, minExamplesPerLocale, problem } from './contentReport.js';
import { findPhoneNumbers, normalizePhone } from './phoneNumbers.js';
import { type ContentNode, localeCodes } from './schema.js';
import type { TopicsSpec } from './topicsSpec.js';

export interface NodeCheckContext {
  nodeIds: ReadonlySet<string>;
  topics: TopicsSpec;
  /** YYYY-MM-DD; ISO dates compare correctly as strings. */
  today: string;
}

export function checkNode(node: ContentNode, context: NodeCheckContext): ContentProblem[] {
  const where = `node ${node.id}`;
  const problems: ContentProblem[] = [];
  if (!context.topics.has(node.topic)) problems.push(problem('unknown-topic', where, `topic ${node.topic} is not in topics.yaml`));
  for (const followUp of node.follow_ups) {
    if ('node' in followUp && !context.nodeIds.has(followUp.node)) {
      problems.push(problem('broken-reference', where, `follow-up node ${followUp.node} does not exist`));
    }
  }
  if (node.review_by < context.today) problems.push(problem('review-overdue', where, `review date ${node.review_by} has passed`));
  for (const locale of localeCodes) {
    const text = node.locales[locale];
    if (!text) {
      problems.push(problem('missing-locale', where, `no ${locale} translation`));
      continue;
    }
    problems.push(...checkAnswer(text.answer, node.phones, `${where} (${locale})`));
    if (text.examples.length < minExamplesPerLocale) {
      problems.push(problem('few-examples', where, `${locale} has ${text.examples.length} examples, fewer than ${minExamplesPerLocale}`));
    }
    if (locale === 'nl') continue;
    if (text.from_revision === undefined) {
      problems.push(problem('stale-translation', where, `${locale} does not say which Dutch revision it translates (from_revision)`));
    } else if (text.from_revision < node.revision) {
      problems.push(problem('stale-translation', where, `${locale} translates revision ${text.from_revision}, Dutch is at ${node.revision}`));
    }
  }
  return problems;
}

/** Length and phone rules for one answer text; `listed` are the numbers this answer may contain. */
export function checkAnswer(answer: string, listed: readonly string[], where: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Code points, not UTF-16 units: Twilio counts characters as people see them.
  const length = [...answer.trim()].length;
  if (length > answerLimits.max) {
    problems.push(problem('answer-too-long', where, `answer has ${length} characters, over the channel limit of ${answerLimits.max}`));
  } else if (length > answerLimits.comfortable) {
    problems.push(problem('long-answer', where, `answer has ${length} characters; keep it under ${answerLimits.comfortable} for WhatsApp`));
  }
  problems.push(...checkPhonesInText(answer, listed, where));
  return problems;
}

/** Every number in a text the bot sends must be dialable and listed, so a coordinator can verify it. */
export function checkPhonesInText(text: string, listed: readonly string[], where: string): ContentProblem[] {
  const known = new Set(listed.map(normalizePhone));
  return findPhoneNumbers(text).flatMap((phone) => {
    if (!phone.valid) {
      return [problem('invalid-phone', where, `"${phone.raw}" in the text is not written as a Dutch phone number (050-1234567, 0800-0543, 112)`)];
    }
    return known.has(phone.normalized) ? [] : [problem('unlisted-phone', where, `${phone.raw} is in the text but not listed in phones`)];
  });
}
