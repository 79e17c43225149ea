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
  /** Matches per phrase matcher, so lexicons that share a matcher match the message once. */
  matches: Map<PhraseMatcher, PhraseMatch[]>;
}

/** The matches of a phrase matcher in a message, computed at most once per message. */
export function matchesIn(message: Pick<AnalysedMessage, 'forms' | 'matches'>, matcher: PhraseMatcher): PhraseMatch[] {
  let matches = message.matches.get(matcher);
  if (!matches) {
    matches = matcher.match(message.forms);
    message.matches.set(matcher, matches);
  }
  return matches;
}

/**
 * `vocabulary`: every known word (training examples and lexicons), for the classifier;
 * `lexiconWords`: the words of the lexicon phrases, so that a typo the content itself
 * contains ("afsprak") still reaches the phrase it stands for.
 */
export function analyseMessage(text: string, vocabulary?: FuzzyLexicon, lexiconWords?: FuzzyLexicon): AnalysedMessage {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const corrected = tokens.map((token) => (/\d/.test(token) ? token : (vocabulary?.correct(token) ?? token)));
  const forms = tokens.map((token, i) => {
    const variants = tokenVariants(token);
    const fix = corrected[i];
    if (fix !== undefined && fix !== token) variants.push(...tokenVariants(fix));
    else if (lexiconWords && !lexiconWords.has(token) && !/\d/.test(token)) {
      const lexical = lexiconWords.correct(token);
      if (lexical) variants.push(...tokenVariants(lexical));
    }
    return variants;
  });
  return { normalized, tokens, corrected, forms, matches: new Map() };
}
