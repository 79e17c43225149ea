// The per-message work that every lexicon and the classifier share, done once:
// normalise, tokenise, correct typos against the known vocabulary, and list the
// forms each token may match as (itself, without attached prefixes, corrected).
import type { FuzzyLexicon } from './FuzzyLexicon.js';
import { normalizeText, tokenize } from './normalizeText.js';
import { type PhraseMatch, type PhraseMatcher, tokenVariants } from './PhraseMatcher.js';

export interface AnalysedMessage {
  normalized: string;
  tokens: string[];
  /** Each token, or the known word it is one typo away from. */
  corrected: string[];
  /** The forms of each token that lexicon phrases may match. */
  forms: string[][];
  /** Each form's number among the words the router knows (-1: unknown), for the phrase matchers. */
  formIds?: number[][];
  /** Matches per phrase matcher, so lexicons that share a matcher match the message once. */
  matches: Map<PhraseMatcher, PhraseMatch[]>;
}

/** The matches of a phrase matcher in a message, computed at most once per message. */
export function matchesIn(message: Pick<AnalysedMessage, 'forms' | 'formIds' | 'matches'>, matcher: PhraseMatcher): PhraseMatch[] {
  let matches = message.matches.get(matcher);
  if (!matches) {
    matches = matcher.match(message.forms, message.formIds);
    message.matches.set(matcher, matches);
  }
  return matches;
}

/**
 * `vocabulary`: every known word (training examples and lexicons), for the classifier;
 * `wordIds`: the numbered known forms the phrase matchers were primed with.
 * A known word is never corrected: "kaydolmak" (to register) is not a typo for a
 * lexicon's "kaybolmak" (to disappear), however rare it is in the content. A typo
 * the content itself makes ("afsprak") still reaches its phrase through the phrase
 * matcher's own one-typo tolerance for words of six letters or more.
 */
export function analyseMessage(
  text: string,
  vocabulary?: FuzzyLexicon,
  wordIds?: ReadonlyMap<string, number>,
): AnalysedMessage {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const corrected = tokens.map((token) => (/\d/.test(token) ? token : (vocabulary?.correct(token) ?? token)));
  const forms = tokens.map((token, i) => {
    const variants = tokenVariants(token);
    const fix = corrected[i];
    if (fix !== undefined && fix !== token) variants.push(...tokenVariants(fix));
    return variants;
  });
  return { normalized, tokens, corrected, forms, formIds: wordIds && idsOf(forms, wordIds), matches: new Map() };
}

/** The id of every form in `wordIds`, -1 for an unknown one. */
export function idsOf(forms: readonly (readonly string[])[], wordIds: ReadonlyMap<string, number>): number[][] {
  return forms.map((variants) => variants.map((form) => wordIds.get(form) ?? -1));
}
