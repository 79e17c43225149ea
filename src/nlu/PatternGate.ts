// The regular expressions of a signal lexicon would run on every message. Most of them
// can only match where a word of the message starts with one of a few literal words
// ("(?:^| )(?:vader|moeder|...)..."), or where a word contains one ("(?:^| )\\S*(?:ضربني|...)"):
// the gate reads those words off each expression once, and lets an expression run only
// when the message has such a word. An expression of several lookaheads ("^(?=...A...)(?=...B...)",
// words anywhere in any order) runs only when the message has a word of each one it can read.
// An expression whose first words it cannot read always runs.

import { PairSet, markPairs, pairHash } from './PhraseMatcher.js';

/** Patterns start like this when what follows must begin a word of the text. */
const wordStartWrappers = ['^(?=(?:.* )?', '^(?=.*(?:^| )', '(?:^| )'];
/** Before a literal: the literal may stand anywhere inside a word. */
const withinWord = '\\S*';
const special = new Set(['\\', '(', ')', '[', ']', '{', '}', '?', '*', '+', '|', '.', '^', '$', ' ']);
const optionalMarks = new Set(['?', '*', '{']);

/** What a gate looks for: a word starting with one of `starts`, equal to one of `words`, or containing one of `within`. */
export interface GateKeys {
  starts: string[];
  words: string[];
  within: string[];
}

interface GateNode {
  children: Map<number, GateNode>;
  /** Keys (one per key set of an expression) opened by a word that starts with the letters that lead here. */
  patterns: number[];
  /** Keys opened by a word that is the letters that lead here. */
  wordPatterns: number[];
}

const newNode = (): GateNode => ({ children: new Map(), patterns: [], wordPatterns: [] });

export class PatternGate {
  private readonly root = newNode();
  /** The pairs of letters (pairHash, a space after a one-letter word) the literals of `root` start with: other words are skipped unread. */
  private readonly startPairs = new PairSet();
  /** Literals that may stand anywhere inside a word: tried from every letter that one starts with. */
  private readonly withinRoot = newNode();
  /** The pairs of letters (pairHash) an inside-word literal starts with: a walk starts only there. */
  private readonly withinPairs = new PairSet();
  private readonly always: Uint8Array;
  /** Expression i needs each of its keys keys[keyStart[i], keyStart[i + 1]) opened by the text (a key: one set of GateKeys). */
  private readonly keyStart: Int32Array;
  /** Per key, the number of the last `open` whose text opened it. */
  private readonly openAt: Int32Array;
  private generation = 0;

  constructor(sources: readonly string[]) {
    this.always = new Uint8Array(sources.length);
    this.keyStart = new Int32Array(sources.length + 1);
    let key = 0;
    sources.forEach((source, i) => {
      this.keyStart[i] = key;
      const sets = gateKeySets(source);
      if (!sets) this.always[i] = 1;
      else for (const keys of sets) this.addKeys(keys, key++);
    });
    this.keyStart[sources.length] = key;
    this.openAt = new Int32Array(key);
  }

  private addKeys(keys: GateKeys, key: number): void {
    for (const start of keys.starts) {
      add(this.root, start).patterns.push(key);
      markPairs(this.startPairs, start);
    }
    for (const word of keys.words) {
      add(this.root, word).wordPatterns.push(key);
      // The space that ends the word is its second letter when it has one letter only.
      markPairs(this.startPairs, `${word} `);
    }
    for (const literal of keys.within) {
      add(this.withinRoot, literal).patterns.push(key);
      markPairs(this.withinPairs, literal);
    }
  }

  /** Opens the expressions that may match `text` (normalised: words separated by single spaces), until the next call: see `isOpen`. */
  open(text: string): void {
    // Only expressions that run on every message: nothing to read.
    if (this.openAt.length === 0) return;
    const generation = ++this.generation;
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf(' ', at);
      if (end < 0) end = text.length;
      const second = at + 1 < end ? text.charCodeAt(at + 1) : 0x20;
      if (this.startPairs.has(pairHash(text.charCodeAt(at), second))) this.openWord(text, at, end, generation);
      at = end + 1;
    }
    if (this.withinRoot.children.size > 0) this.openWithin(text, generation);
  }

  /** Opens the expressions whose literals start the word text[from, end), or are that word. */
  private openWord(text: string, from: number, end: number, generation: number): void {
    let node = this.root;
    for (let at = from; at < end; at++) {
      const next = node.children.get(text.charCodeAt(at));
      if (!next) return;
      node = next;
      for (const i of node.patterns) this.openAt[i] = generation;
    }
    for (const i of node.wordPatterns) this.openAt[i] = generation;
  }

  private openWithin(text: string, generation: number): void {
    for (let from = 0; from < text.length; from++) {
      const next = from + 1 < text.length ? text.charCodeAt(from + 1) : 0x20;
      if (!this.withinPairs.has(pairHash(text.charCodeAt(from), next))) continue;
      let node = this.withinRoot.children.get(text.charCodeAt(from));
      for (let at = from + 1; node; at++) {
        for (const i of node.patterns) this.openAt[i] = generation;
        if (at >= text.length) break;
        node = node.children.get(text.charCodeAt(at));
      }
    }
  }

  /** Whether expression `i` may match the text of the last `open`. */
  isOpen(i: number): boolean {
    if (this.always[i] === 1) return true;
    for (let key = this.keyStart[i]!, end = this.keyStart[i + 1]!; key < end; key++) if (this.openAt[key] !== this.generation) return false;
    return true;
  }
}

/** The node `literal` leads to from `root`, made where missing. */
function add(root: GateNode, literal: string): GateNode {
  let node = root;
  for (let i = 0; i < literal.length; i++) {
    const unit = literal.charCodeAt(i);
    let child = node.children.get(unit);
    if (!child) node.children.set(unit, (child = newNode()));
    node = child;
  }
  return node;
}

/**
 * The key sets of an expression, each of which a match needs a literal of: the first as in
 * gateKeys, then one for each further top-level lookahead ("^(?=A)(?=B)") whose literals can
 * be read and all begin a word (one left out only makes the gate open more often). Undefined
 * when the first cannot be read.
 */
export function gateKeySets(source: string): GateKeys[] | undefined {
  const first = gateKeys(source);
  if (!first) return undefined;
  const sets = [first];
  if (!source.startsWith('^(?=')) return sets;
  for (let at = 1, index = 0; source.startsWith('(?=', at); index++) {
    const group = readGroup(source.slice(at));
    if (!group) break;
    const next = at + group.close + 1;
    const keys = index === 0 ? undefined : gateKeys(`^${source.slice(at, next)}`);
    // Inside-word literals are looked for from every letter of the text: only the first set's are worth that.
    if (keys && keys.within.length === 0) sets.push(keys);
    at = next;
  }
  return sets;
}

/** The literals one of which a match must begin a word with or hold inside a word, or undefined when they cannot be read. */
export function gateKeys(source: string): GateKeys | undefined {
  const wrapper = wordStartWrappers.find((prefix) => source.startsWith(prefix));
  if (wrapper === undefined) return undefined;
  const keys: GateKeys = { starts: [], words: [], within: [] };
  return addKeys(source.slice(wrapper.length), false, keys) ? keys : undefined;
}

/** Adds the literal `text` certainly begins with (an alternative of each group it begins with); false when one has none. */
function addKeys(text: string, within: boolean, keys: GateKeys): boolean {
  if (text.startsWith(withinWord)) return addKeys(text.slice(withinWord.length), true, keys);
  if (text.startsWith('(?:')) {
    const group = readGroup(text);
    if (!group || optionalMarks.has(text.charAt(group.close + 1))) return false;
    const rest = text.slice(group.close + 1);
    return group.alternatives.every((alternative) => addKeys(alternative + rest, within, keys));
  }
  const start = literalStart(text);
  if (start.length === 0) return false;
  // A literal followed by a space that is not optional is a whole word of the text.
  const wholeWord = text.charAt(start.length) === ' ' && !optionalMarks.has(text.charAt(start.length + 1));
  (within ? keys.within : wholeWord ? keys.words : keys.starts).push(start);
  return true;
}

/** The letters an alternative certainly begins with (a letter made optional by what follows it is left out). */
function literalStart(alternative: string): string {
  let end = 0;
  while (end < alternative.length && !special.has(alternative.charAt(end))) end++;
  if (end > 0 && optionalMarks.has(alternative.charAt(end))) end--;
  return alternative.slice(0, end);
}

/** The group `(?:...)` (or lookahead `(?=...)`) at the start of `text`: its top-level alternatives and the index of its closing parenthesis. */
function readGroup(text: string): { alternatives: string[]; close: number } | undefined {
  const alternatives: string[] = [];
  let depth = 0;
  let from = 3;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(text, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) {
      alternatives.push(text.slice(from, i));
      return { alternatives, close: i };
    } else if (ch === '|' && depth === 1) {
      alternatives.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

function classEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    if (text.charAt(i) === '\\') i++;
    else if (text.charAt(i) === ']') return i;
  }
  return text.length;
}
