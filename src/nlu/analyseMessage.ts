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
 * `lexiconWords`: the words of the lexicon phrases, so that a typo the content itself
 * contains ("afsprak") still reaches the phrase it stands for;
 * `wordIds`: the numbered known forms the phrase matchers were primed with;
 * `commonWords`: words of two or more training texts, real words and never a typo for a
 * lexicon word (Persian "میگیره", takes, is not "میمیره", dies).
 */
export function analyseMessage(
  text: string,
  vocabulary?: FuzzyLexicon,
  lexiconWords?: FuzzyLexicon,
  wordIds?: ReadonlyMap<string, number>,
  commonWords?: ReadonlySet<string>,
): AnalysedMessage {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const corrected = tokens.map((token) => (/\d/.test(token) ? token : (vocabulary?.correct(token) ?? token)));
  const forms = tokens.map((token, i) => {
    const variants = tokenVariants(token);
    const fix = corrected[i];
    if (fix !== undefined && fix !== token) variants.push(...tokenVariants(fix));
    // A rare known word may still be a typo the content itself makes ("afsprak") for a lexicon
    // word; an unknown word without a correction in the vocabulary has none among the lexicon
    // words either (they are part of it).
    else if (lexiconWords && vocabulary?.has(token) !== false && !commonWords?.has(token) && !lexiconWords.has(token) && !/\d/.test(token)) {
      const lexical = lexiconWords.correct(token);
      if (lexical) variants.push(...tokenVariants(lexical));
    }
    return variants;
  });
  return { normalized, tokens, corrected, forms, formIds: wordIds && idsOf(forms, wordIds), matches: new Map() };
}

/** The id of every form in `wordIds`, -1 for an unknown one. */
export function idsOf(forms: readonly (readonly string[])[], wordIds: ReadonlyMap<string, number>): number[][] {
  return forms.map((variants) => variants.map((form) => wordIds.get(form) ?? -1));
}
