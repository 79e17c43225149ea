// The per-message work that every lexicon and the classifier share, done once:
// normalise, tokenise, correct typos against the known vocabulary, and list the
// forms each token may match as (itself, without attached prefixes, corrected).
import type { FuzzyLexicon } from './FuzzyLexicon.js';
import { normalizeText, tokenize } from './normalizeText.js';
import { type PhraseMatch, type PhraseMatcher, tokenVariants } from './PhraseMatcher.js';
import { PhraseSection } from './PhraseSection.js';

export interface AnalysedMessage {
  normalized: string;
  tokens: string[];
  /** Each token, or the known word it is one typo away from. */
  corrected: string[];
  /** The forms of each token that lexicon phrases may match (shared between messages: never change them). */
  forms: (readonly string[])[];
  /** Each form's number among the words the router knows (-1: unknown), for the phrase matchers. */
  formIds?: (readonly number[])[];
  /** Matches per phrase matcher (and section), so lexicons that share a matcher match the message once. */
  matches: Map<PhraseMatcher | PhraseSection, PhraseMatch[]>;
}

/** The matches of a phrase matcher (or of one section of it) in a message, computed at most once per message. */
export function matchesIn(message: Pick<AnalysedMessage, 'forms' | 'formIds' | 'matches'>, lexicon: PhraseMatcher | PhraseSection): PhraseMatch[] {
  let matches = message.matches.get(lexicon);
  if (!matches) {
    matches = lexicon instanceof PhraseSection ? lexicon.pick(matchesIn(message, lexicon.matcher)) : lexicon.match(message.forms, message.formIds);
    message.matches.set(lexicon, matches);
  }
  return matches;
}

/** What analysis makes of one token: its correction, its forms and their ids. */
export interface TokenForms {
  readonly corrected: string;
  readonly forms: readonly string[];
  readonly ids: readonly number[] | undefined;
  /** The id of `corrected` in `wordIds` (-1: unknown, or no ids). */
  readonly correctedId: number;
}

/** The analysis of one token: corrected against `vocabulary`, its forms and their ids in `wordIds`. */
export function analyseToken(token: string, vocabulary: FuzzyLexicon | undefined, wordIds: ReadonlyMap<string, number> | undefined): TokenForms {
  // A word the router knows (training, a lexicon, a domain term) is never corrected, however short
  // and whatever the vocabulary holds: Arabizi "balak" (mind) is not Somali "balan" (appointment).
  const corrected = /\d/.test(token) || wordIds?.has(token) === true ? token : (vocabulary?.correct(token) ?? token);
  const forms = tokenVariants(token);
  // The correction is the first of its variants, which follow the token's own.
  const correctedAt = corrected === token ? 0 : forms.length;
  if (corrected !== token) forms.push(...tokenVariants(corrected));
  const ids = wordIds && forms.map((form) => wordIds.get(form) ?? -1);
  return { corrected, forms, ids, correctedId: ids?.[correctedAt] ?? -1 };
}

/**
 * `vocabulary`: every known word (training examples and lexicons), for the classifier;
 * `wordIds`: the numbered known forms the phrase matchers were primed with.
 * A known word is never corrected: "kaydolmak" (to register) is not a typo for a
 * lexicon's "kaybolmak" (to disappear), however rare it is in the content. A typo
 * the content itself makes ("afsprak") still reaches its phrase through the phrase
 * matcher's own one-typo tolerance for words of six letters or more.
 */
export function analyseMessage(text: string, vocabulary?: FuzzyLexicon, wordIds?: ReadonlyMap<string, number>): AnalysedMessage {
  return analyseTokens(text, (token) => ({ analysis: analyseToken(token, vocabulary, wordIds) }), wordIds !== undefined).message;
}

/**
 * analyseMessage with each token's analysis from `factsOf` (the router keeps those of known
 * words, with other facts of the word); `withIds`: the analyses carry ids. Also returns
 * each token's facts, in order.
 */
export function analyseTokens<T extends { analysis: TokenForms }>(text: string, factsOf: (token: string) => T, withIds: boolean): { message: AnalysedMessage; facts: T[] } {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const count = tokens.length;
  const corrected = new Array<string>(count);
  const forms = new Array<readonly string[]>(count);
  const formIds: (readonly number[])[] | undefined = withIds ? [] : undefined;
  const facts = new Array<T>(count);
  for (let i = 0; i < count; i++) {
    const fact = factsOf(tokens[i]!);
    const { analysis } = fact;
    facts[i] = fact;
    corrected[i] = analysis.corrected;
    forms[i] = analysis.forms;
    if (formIds && analysis.ids) formIds.push(analysis.ids);
  }
  return { message: { normalized, tokens, corrected, forms, formIds, matches: new Map() }, facts };
}

/** The id of every form in `wordIds`, -1 for an unknown one. */
export function idsOf(forms: readonly (readonly string[])[], wordIds: ReadonlyMap<string, number>): number[][] {
  return forms.map((variants) => variants.map((form) => wordIds.get(form) ?? -1));
}
