// Typo-tolerant word lookup ("zorgtoslag" → "zorgtoeslag"): a deletion index
// finds candidates in constant time per letter, a distance-one check confirms
// them (the same answer as natural's DamerauLevenshteinDistance(a, b) <= 1, which
// builds a full matrix per pair and was the slowest step of routing; the unit
// tests hold the two to the same results). Short words are never corrected.
import { withinOneEdit } from './PhraseMatcher.js';

export class FuzzyLexicon {
  private readonly byVariant = new Map<string, string[]>();
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
    for (const variant of [word, ...deletionsOf(word)]) {
      const list = this.byVariant.get(variant);
      if (list) list.push(word);
      else this.byVariant.set(variant, [word]);
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
    for (const variant of [token, ...deletionsOf(token)]) {
      for (const word of this.byVariant.get(variant) ?? []) {
        if (word === best || (best && word.length <= best.length)) continue;
        if (withinOneEdit(token, word)) best = word;
      }
    }
    return best;
  }
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
