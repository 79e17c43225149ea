// Finds lexicon phrases in a tokenised message, fast enough to run every signal
// lexicon on every message. Phrase syntax (also in content/signals/README.md):
//   words in order, up to `maxGap` other words between them;
//   `word*` any word starting with "word", `*word` ending with it, `*word*` containing it;
//   other words match exactly, or with one typo when they have 6 letters or more;
//   Arabic and Tigrinya words also match without their attached prefixes (و, ال, ب, ን, ብ, ...).
// Matching works on token forms (see analyseMessage): each token with its variants
// (prefix stripped, typo corrected), computed once per message for all lexicons.
// The first word of every phrase is indexed by kind and length, so a message
// costs a few map lookups per token whatever the size of the lexicon.
import { normalizeText } from './normalizeText.js';

type PartKind = 'exact' | 'prefix' | 'suffix' | 'contains';
interface Part {
  kind: PartKind;
  text: string;
}
interface Phrase {
  group: string;
  source: string;
  parts: Part[];
  maxGap: number;
}

export interface PhraseMatch {
  group: string;
  /** The phrase as written in the lexicon. */
  phrase: string;
  /** Index of the first and last matched token. */
  start: number;
  end: number;
}

/** Phrases by group name; the matcher does not care about locales. */
export type PhraseGroups = Record<string, readonly string[]>;

const arabicProclitics = /^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?/;
const ethiopicProclitics = /^(?:ካብ|ኣብ|ናብ|ምስ|ከም|ን|ብ|ዝ|ክ|እ)/;

/** A token and the forms it also counts as (without attached prefixes). */
export function tokenVariants(token: string): string[] {
  const first = token.charCodeAt(0);
  const pattern = first >= 0x0600 && first <= 0x06ff ? arabicProclitics : first >= 0x1200 && first <= 0x137f ? ethiopicProclitics : undefined;
  if (pattern) {
    const stripped = token.replace(pattern, '');
    if (stripped !== token && stripped.length >= 2) return [token, stripped];
  }
  return [token];
}

/** A character trie of first-part texts: walking a word visits every phrase whose text is a prefix of it. */
class PartTrie {
  private readonly root: TrieNode = { children: new Map(), phrases: [] };

  add(text: string, phrase: Phrase): void {
    let node = this.root;
    for (const ch of text) {
      let child = node.children.get(ch);
      if (!child) {
        child = { children: new Map(), phrases: [] };
        node.children.set(ch, child);
      }
      node = child;
    }
    node.phrases.push(phrase);
  }

  /** Visits the phrases of every text that `word` starts with at `from`, stepping by `step` (+1 forward, -1 backward). */
  walk(word: string, from: number, step: 1 | -1, visit: (phrase: Phrase) => void): void {
    let node: TrieNode | undefined = this.root;
    for (let i = from; node && i >= 0 && i < word.length; i += step) {
      node = node.children.get(word[i] ?? '');
      if (node) for (const phrase of node.phrases) visit(phrase);
    }
  }
}

interface TrieNode {
  children: Map<string, TrieNode>;
  phrases: Phrase[];
}

const noPhrases: readonly Phrase[] = [];

export class PhraseMatcher {
  private readonly exact = new Map<string, Phrase[]>();
  private readonly prefix = new PartTrie();
  /** Suffix texts are stored reversed and walked from the end of the word. */
  private readonly suffix = new PartTrie();
  private readonly contains = new PartTrie();
  /** First letters of the `*infix*` texts: words without any of them skip the infix search. */
  private readonly containsInitials = new Set<string>();
  /** The words a message token may be corrected to for this matcher: exact phrase words. */
  readonly words = new Set<string>();
  /** The candidate phrases of the words `prime` was given, by word id (most are the one empty list). */
  private byId: (readonly Phrase[])[] = [];

  constructor(groups: PhraseGroups = {}, maxGap = 2) {
    this.addGroups(groups, maxGap);
  }

  /** Adds groups and returns the exact words of their phrases; `maxGap` is how many other words may come between the words of a phrase. */
  addGroups(groups: PhraseGroups, maxGap = 2): Set<string> {
    const words = new Set<string>();
    for (const [group, phrases] of Object.entries(groups)) {
      for (const source of phrases) for (const word of this.addPhrase(group, source, maxGap)) words.add(word);
    }
    return words;
  }

  private addPhrase(group: string, source: string, maxGap: number): string[] {
    const parts = parsePhrase(source);
    const first = parts[0];
    if (!first) return [];
    const phrase: Phrase = { group, source, parts, maxGap };
    if (first.kind === 'exact') {
      const list = this.exact.get(first.text);
      if (list) list.push(phrase);
      else this.exact.set(first.text, [phrase]);
    } else if (first.kind === 'suffix') {
      this.suffix.add([...first.text].reverse().join(''), phrase);
    } else {
      this[first.kind].add(first.text, phrase);
      if (first.kind === 'contains') this.containsInitials.add(first.text.charAt(0));
    }
    const exact = parts.filter((part) => part.kind === 'exact').map((part) => part.text);
    for (const word of exact) this.words.add(word);
    return exact;
  }

  /**
   * Looks up, once, the phrases that may start at each word of `wordIds` (the words
   * training and the lexicons know, with their variants, numbered), so that matching a
   * known word costs an array read instead of trie walks. Call it after the last `addGroups`;
   * messages then carry their forms' ids (analyseMessage), shared by every matcher.
   */
  prime(wordIds: ReadonlyMap<string, number>): void {
    this.byId = new Array<readonly Phrase[]>(wordIds.size).fill(noPhrases);
    for (const [word, id] of wordIds) {
      const found = this.collect(word);
      if (found.length > 0) this.byId[id] = found;
    }
  }

  /**
   * Every phrase found in the message (one match per phrase and start position); `forms[i]`
   * are token i's forms and `formIds[i]` their ids in the map `prime` was given (-1: unknown).
   */
  match(forms: readonly (readonly string[])[], formIds?: readonly (readonly number[])[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    for (let i = 0; i < forms.length; i++) {
      const tokenForms = forms[i] ?? [];
      const ids = formIds?.[i];
      let candidates = this.candidatesOf(tokenForms[0] ?? '', ids?.[0]);
      if (tokenForms.length > 1) {
        // Usually only one form has candidates: merge (without repeats) only when several do.
        for (let f = 1; f < tokenForms.length; f++) {
          const more = this.candidatesOf(tokenForms[f] ?? '', ids?.[f]);
          if (more.length === 0) continue;
          candidates = candidates.length === 0 ? more : [...new Set([...candidates, ...more])];
        }
      }
      for (let c = 0; c < candidates.length; c++) {
        const phrase = candidates[c]!;
        const end = matchRest(phrase.parts, forms, i, phrase.maxGap);
        if (end >= 0) found.push({ group: phrase.group, phrase: phrase.source, start: i, end });
      }
    }
    return found;
  }

  private candidatesOf(form: string, id: number | undefined): readonly Phrase[] {
    return (id !== undefined && id >= 0 ? this.byId[id] : undefined) ?? this.collect(form);
  }

  /** The distinct phrases whose first part may match `form`. */
  private collect(form: string): Phrase[] {
    const found = new Set<Phrase>();
    this.eachCandidate(form, (phrase) => found.add(phrase));
    return [...found];
  }

  /** The groups with at least one match. */
  groupsIn(forms: readonly (readonly string[])[]): Set<string> {
    return new Set(this.match(forms).map((match) => match.group));
  }

  private eachCandidate(form: string, visit: (phrase: Phrase) => void): void {
    for (const phrase of this.exact.get(form) ?? []) visit(phrase);
    this.prefix.walk(form, 0, 1, visit);
    this.suffix.walk(form, form.length - 1, -1, visit);
    for (let at = 0; at < form.length; at++) if (this.containsInitials.has(form.charAt(at))) this.contains.walk(form, at, 1, visit);
  }
}

function parsePhrase(source: string): Part[] {
  const parts: Part[] = [];
  for (const word of source.trim().split(/\s+/)) {
    const starts = word.startsWith('*');
    const ends = word.endsWith('*') && word.length > 1;
    const words = normalizeText(word.replace(/^\*|\*$/g, '')).split(' ').filter(Boolean);
    words.forEach((text, index) => {
      const prefixOpen = ends && index === words.length - 1;
      const suffixOpen = starts && index === 0;
      const kind: PartKind = prefixOpen && suffixOpen ? 'contains' : prefixOpen ? 'prefix' : suffixOpen ? 'suffix' : 'exact';
      parts.push({ kind, text });
    });
  }
  return parts;
}

/** Whether a token (in any of its forms) matches one part of a phrase. */
function partMatches(part: Part, forms: readonly string[]): boolean {
  const { kind, text } = part;
  for (let f = 0; f < forms.length; f++) {
    const form = forms[f]!;
    switch (kind) {
      case 'exact':
        if (form === text || (text.length >= 6 && withinOneEdit(form, text))) return true;
        break;
      case 'prefix':
        if (form.startsWith(text)) return true;
        break;
      case 'suffix':
        if (form.endsWith(text)) return true;
        break;
      case 'contains':
        if (form.includes(text)) return true;
        break;
    }
  }
  return false;
}

// Returns the index of the last matched token, or -1.
function matchRest(parts: readonly Part[], forms: readonly (readonly string[])[], start: number, maxGap: number): number {
  const first = parts[0];
  if (!first || !partMatches(first, forms[start] ?? [])) return -1;
  let position = start;
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p]!;
    let next = -1;
    for (let j = position + 1; j <= position + 1 + maxGap && j < forms.length; j++) {
      if (partMatches(part, forms[j] ?? [])) {
        next = j;
        break;
      }
    }
    if (next < 0) return -1;
    position = next;
  }
  return position;
}

/** Damerau-Levenshtein distance of at most one, without building a matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
