// A character trie of phrases' first parts, walked along a word (forwards or backwards).
import type { Phrase } from './phraseParts.js';

/** A character trie of first-part texts: walking a word visits every phrase whose text is a prefix of it. */
export class PartTrie {
  private readonly root: TrieNode = { children: new Map(), phrases: [] };

  add(text: string, phrase: Phrase): void {
    let node = this.root;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), phrases: [] };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.phrases.push(phrase);
  }

  /** Adds the phrases of every text that `word` starts with at `from`, stepping by `step` (+1 forward, -1 backward), to `found`. */
  walk(word: string, from: number, step: 1 | -1, found: Phrase[]): void {
    let node: TrieNode | undefined = this.root;
    for (let i = from; i >= 0 && i < word.length; i += step) {
      node = node.children.get(word.charCodeAt(i));
      if (!node) return;
      for (const phrase of node.phrases) found.push(phrase);
    }
  }
}

/** Children by UTF-16 code unit: a small-integer key, where a one-letter string key would be hashed on every step. */
interface TrieNode {
  children: Map<number, TrieNode>;
  phrases: Phrase[];
}
