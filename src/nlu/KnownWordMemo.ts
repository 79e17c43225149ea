// Per-word facts the router derives again and again (a token's forms, its language
// traits, ...), worked out on a known word's first use and kept. A known word always
// gives the same answer, and people use the same few thousand words all the time.
// Unknown words are worked out afresh each time and not kept, so a memo never holds
// more than the content's vocabulary, whatever people send.
export class KnownWordMemo<T> {
  private readonly kept = new Map<string, T>();

  constructor(
    private readonly known: { has(word: string): boolean },
    private readonly compute: (word: string) => T,
  ) {}

  get(word: string): T {
    const kept = this.kept.get(word);
    if (kept !== undefined) return kept;
    const value = this.compute(word);
    if (this.known.has(word)) this.kept.set(word, value);
    return value;
  }
}
