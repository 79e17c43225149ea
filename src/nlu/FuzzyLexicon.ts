// Typo-tolerant word lookup ("zorgtoslag" → "zorgtoeslag"): a deletion index
// finds candidates in constant time per letter, a distance-one check confirms
// them (the same answer as natural's DamerauLevenshteinDistance(a, b) <= 1, which
// builds a full matrix per pair and was the slowest step of routing; the unit
// tests hold the two to the same results). Short words are never corrected.
// The index keys are hashes of "the word without letter i", computed without
// building those strings, all of a word's in one pass (a polynomial hash of the
// prefix before i and the suffix after it): tens of thousands of words load
// without garbage, and a long unknown word costs linear time, not quadratic.
import { BucketIds } from './BucketIds.js';
import { withinOneEdit } from './phraseParts.js';

const NONE = -1;

export class FuzzyLexicon {
  /** Variant hash (30 bits) → the number of its list of words. */
  private readonly listOf = new BucketIds();
  private readonly lists: string[][] = [];
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
    const keys = variantHashes(word);
    for (let skip = NONE; skip < word.length; skip++) {
      const key = keys[skip + 1]!;
      const list = this.lists[this.listOf.get(key)];
      if (list) list.push(word);
      else {
        this.listOf.set(key, this.lists.length);
        this.lists.push([word]);
      }
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
    const keys = variantHashes(token);
    for (let skip = NONE; skip < token.length; skip++) {
      const list = this.lists[this.listOf.get(keys[skip + 1]!)];
      if (!list) continue;
      for (const word of list) {
        if (word === best || (best && word.length <= best.length)) continue;
        if (withinOneEdit(token, word)) best = word;
      }
    }
    return best;
  }
}

const BASE = 0x01000193;
let prefix = new Int32Array(64);
let suffix = new Int32Array(64);
let powers = new Int32Array(64);
let keys = new Int32Array(64);

/**
 * Hashes of `word` whole (index 0) and without its letter at i (index i + 1), in 30 bits:
 * small-integer map keys, no boxed numbers. The array is reused by the next call.
 */
function variantHashes(word: string): Int32Array {
  const n = word.length;
  if (n + 1 > keys.length) {
    prefix = new Int32Array(2 * (n + 1));
    suffix = new Int32Array(2 * (n + 1));
    powers = new Int32Array(2 * (n + 1));
    keys = new Int32Array(2 * (n + 1));
  }
  // prefix[i]: hash of word[0, i); suffix[i]: hash of word[i, n); powers[i]: BASE^i (all mod 2^32).
  prefix[0] = 0;
  powers[0] = 1;
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + word.charCodeAt(i)) | 0;
    powers[i + 1] = Math.imul(powers[i]!, BASE);
  }
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(word.charCodeAt(i), powers[n - 1 - i]!) + suffix[i + 1]!) | 0;
  keys[0] = prefix[n]! & 0x3fffffff;
  for (let skip = 0; skip < n; skip++) keys[skip + 1] = (Math.imul(prefix[skip]!, powers[n - 1 - skip]!) + suffix[skip + 1]!) & 0x3fffffff;
  return keys;
}
