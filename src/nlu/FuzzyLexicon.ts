// Typo-tolerant word lookup ("zorgtoslag" → "zorgtoeslag"): a deletion index
// finds candidates in constant time per letter, a distance-one check confirms
// them (the same answer as natural's DamerauLevenshteinDistance(a, b) <= 1, which
// builds a full matrix per pair and was the slowest step of routing; the unit
// tests hold the two to the same results). Short words are never corrected.
// The index keys are hashes of "the word without letter i", computed without
// building those strings, all of a word's in one pass (a polynomial hash of the
// prefix before i and the suffix after it): tens of thousands of words load
// without garbage, and a long unknown word costs linear time, not quadratic.
import { withinOneEdit } from './phraseParts.js';

const NONE = -1;

export class FuzzyLexicon {
  /** Variant hash → its list of words, in an open-addressing table (keys are 30-bit, -1 is free). */
  private keys = new Int32Array(1024).fill(-1);
  private listOf = new Int32Array(1024);
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
      const list = this.lists[this.find(key)];
      if (list) list.push(word);
      else this.insert(key, [word]);
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
      const list = this.lists[this.find(keys[skip + 1]!)];
      if (!list) continue;
      for (const word of list) {
        if (word === best || (best && word.length <= best.length)) continue;
        if (withinOneEdit(token, word)) best = word;
      }
    }
    return best;
  }

  /** The number of `key`'s list, or -1. */
  private find(key: number): number {
    const { keys, listOf } = this;
    const mask = keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> 12 & mask; ; slot = (slot + 1) & mask) {
      const found = keys[slot]!;
      if (found === key) return listOf[slot]!;
      if (found === -1) return -1;
    }
  }

  private insert(key: number, list: string[]): void {
    if (2 * (this.lists.length + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 12 & mask;
    while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.listOf[slot] = this.lists.length;
    this.lists.push(list);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLists = this.listOf;
    this.keys = new Int32Array(oldKeys.length * 2).fill(-1);
    this.listOf = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i]!;
      if (key === -1) continue;
      let slot = Math.imul(key, 0x9e3779b1) >>> 12 & mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.listOf[slot] = oldLists[i]!;
    }
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
