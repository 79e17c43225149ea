// Typo-tolerant word lookup ("zorgtoslag" → "zorgtoeslag"): a deletion index
// finds candidates in constant time per letter, a distance-one check confirms
// them (the same answer as natural's DamerauLevenshteinDistance(a, b) <= 1, which
// builds a full matrix per pair and was the slowest step of routing; the unit
// tests hold the two to the same results). Short words are never corrected.
// The index keys are hashes of "the word without letter i", computed without
// building those strings: tens of thousands of words load without garbage.
import { withinOneEdit } from './PhraseMatcher.js';

const NONE = -1;

export class FuzzyLexicon {
  private readonly byVariant = new Map<number, string[]>();
  private readonly words = new Set<string>();

  constructor(
    words: Iterable<string> = [],
    private readonly minLength = 5,
  ) {
    for (const word of words) this.add(word);
  }

  add(word: string): void {
    if (word.length < this.minLength || this.words.has(word)) return;
    this.words.add(word);
    for (let skip = NONE; skip < word.length; skip++) {
      const key = variantHash(word, skip);
      const list = this.byVariant.get(key);
      if (list) list.push(word);
      else this.byVariant.set(key, [word]);
    }
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  all(): IterableIterator<string> {
    return this.words.values();
  }

  /** The known word at Damerau-Levenshtein distance 1 from `token` (the longest when several), or undefined. */
  correct(token: string): string | undefined {
    if (token.length < this.minLength || this.words.has(token)) return undefined;
    let best: string | undefined;
    for (let skip = NONE; skip < token.length; skip++) {
      for (const word of this.byVariant.get(variantHash(token, skip)) ?? []) {
        if (word === best || (best && word.length <= best.length)) continue;
        if (withinOneEdit(token, word)) best = word;
      }
    }
    return best;
  }
}

/** FNV-1a of `word` without its letter at `skip` (NONE: the whole word), in 30 bits: small-integer map keys, no boxed numbers. */
function variantHash(word: string, skip: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i === skip) continue;
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x3fffffff;
}
