// What the classifier knows of each training word, ready to add up at routing time.
import type { LabelEvidence } from './TopicClassifier.js';

/**
 * The evidence of every word of one language, one record of 4 + 2n numbers per word
 * (known, total, pooled, weight, n scores, n seen) in a single array: adding a known
 * word to a message reads one stretch of memory.
 */
export class WordEvidenceTable {
  constructor(
    private readonly offsets: ReadonlyMap<string, number>,
    private readonly data: Float32Array,
    private readonly labelCount: number,
  ) {}

  get size(): number {
    return this.offsets.size;
  }

  /** Where each word's record starts, by the router's word id (see `numberWords`; -1: not in the table). */
  private byId: Int32Array | undefined;

  /** Numbers the table's words as `wordIds` does, so that `addWord` finds a record by id, not by string. */
  numberWords(wordIds: ReadonlyMap<string, number>): void {
    const byId = new Int32Array(wordIds.size).fill(-1);
    for (const [word, id] of wordIds) {
      const at = this.offsets.get(word);
      if (at !== undefined) byId[id] = at;
    }
    this.byId = byId;
  }

  /** addTo for a word whose id in the numbering of `numberWords` is `id` (-1: no known word, so in no table). */
  addWord(word: string, id: number, into: LabelEvidence): boolean {
    if (!this.byId) return this.addTo(word, into);
    const at = id >= 0 && id < this.byId.length ? this.byId[id]! : -1;
    return at >= 0 && this.addAt(at, into);
  }

  /** Adds `word`'s evidence to `into` (its "seen" weights by reference); false when the table does not know the word. */
  addTo(word: string, into: LabelEvidence): boolean {
    const at = this.offsets.get(word);
    return at !== undefined && this.addAt(at, into);
  }

  private addAt(at: number, into: LabelEvidence): boolean {
    const { data, labelCount: n } = this;
    const { scores } = into;
    into.known += data[at]!;
    into.total += data[at + 1]!;
    into.pooled += data[at + 2]!;
    into.weight += data[at + 3]!;
    for (let i = 0, s = at + 4; i < n; i++, s++) scores[i] = scores[i]! + data[s]!;
    const { words } = into;
    words.tables[words.count] = data;
    words.at[words.count++] = at;
    return true;
  }
}
