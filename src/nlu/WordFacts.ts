// Facts about the router's known words, in typed arrays by word id (the numbering of
// RouterIndex.wordIds): reading a byte by id costs far less than asking a large
// string-keyed Set for every form of every word of every message. A form without an
// id (-1) is no known word; for the sets that also hold other strings (stems), the
// string itself is asked.
import type { Locale } from '../content/schema.js';

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

export class WordFacts {
  private readonly known: Uint8Array;
  private readonly emergency: Uint8Array;
  /** Per language, whether a form's stem is an emergency word (worked out on first use). */
  private readonly emergencyStem = new Map<Locale, Uint8Array>();
  /** Per language, where the classifier keeps a word's stem feature, plus 2 (0: not worked out yet). */
  private readonly stemBlocks = new Map<Locale, Int32Array>();

  constructor(
    private readonly wordIds: ReadonlyMap<string, number>,
    knownWords: ReadonlySet<string>,
    private readonly emergencyWords: ReadonlySet<string>,
  ) {
    this.known = new Uint8Array(wordIds.size);
    this.emergency = new Uint8Array(wordIds.size);
    for (const [word, id] of wordIds) {
      if (knownWords.has(word)) this.known[id] = 1;
      if (emergencyWords.has(word)) this.emergency[id] = 1;
    }
  }

  /**
   * Where the classifier keeps the stem feature of `word` (the known word `id`, or unknown: -1)
   * in `lang` (-1: never seen), from `find(word)` on the first request; an unknown word is found every time.
   */
  stemBlock(lang: Locale, id: number, word: string, find: (word: string) => number): number {
    if (id < 0) return find(word);
    let table = this.stemBlocks.get(lang);
    if (!table) this.stemBlocks.set(lang, (table = new Int32Array(this.wordIds.size)));
    if (table[id] === 0) table[id] = find(word) + 2;
    return table[id]! - 2;
  }

  /** Whether any of the forms is a known word (training texts, keywords, lexicons, domain terms). */
  anyKnown(ids: readonly number[]): boolean {
    for (const id of ids) if (id >= 0 && this.known[id] === 1) return true;
    return false;
  }

  /** Whether any of the forms, or its stem in `lang`, occurs in the examples of an emergency topic. */
  anyEmergency(forms: readonly string[], ids: readonly number[], lang: Locale, stem: (form: string) => string): boolean {
    let table = this.emergencyStem.get(lang);
    if (!table) this.emergencyStem.set(lang, (table = new Uint8Array(this.wordIds.size)));
    for (let f = 0; f < forms.length; f++) {
      const id = ids[f] ?? -1;
      if (id < 0 ? this.emergencyWords.has(forms[f]!) : this.emergency[id] === 1) return true;
    }
    for (let f = 0; f < forms.length; f++) {
      const id = ids[f] ?? -1;
      if (id < 0) {
        if (this.emergencyWords.has(stem(forms[f]!))) return true;
        continue;
      }
      if (table[id] === UNKNOWN) table[id] = this.emergencyWords.has(stem(forms[f]!)) ? YES : NO;
      if (table[id] === YES) return true;
    }
    return false;
  }
}
