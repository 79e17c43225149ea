// Finds lexicon phrases in a tokenised message, fast enough to run every signal
// lexicon on every message. Phrase syntax (also in content/signals/README.md):
//   words in order, up to `maxGap` other words between them;
//   `word*` any word starting with "word", `*word` ending with it, `*word*` containing it;
//   other words match exactly, or with one typo when they have 6 letters or more;
//   Arabic and Tigrinya words also match without their attached prefixes (و, ال, ب, ን, ብ, ...);
//   `{a|b c}` stands for each of its alternatives (expandPhrase): one written phrase, several phrases.
// Matching works on token forms (see analyseMessage): each token with its variants
// (prefix stripped, typo corrected), computed once per message for all lexicons.
// The first word of every phrase is indexed by kind and length, so a message
// costs a few map lookups per token whatever the size of the lexicon.
import { PartTrie } from './PartTrie.js';
import { type Phrase, expandPhrase, matchRest, parsePhrase } from './phraseParts.js';

export interface PhraseMatch {
  group: string;
  /** The lexicon of the phrase, when several share the matcher ('' otherwise; see PhraseSection). */
  section: string;
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

const noPhrases: readonly Phrase[] = [];

/** Every id is a word the matcher was primed with (0 <= id < size). */
function allKnown(ids: readonly number[], size: number): boolean {
  for (const id of ids) if (id < 0 || id >= size) return false;
  return true;
}

/** Two code units folded into 16 bits, for bitmaps of the letter pairs a word or an infix starts with (here and in PatternGate). */
export function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e37) ^ second) & 0xffff;
}

/**
 * A set of pair hashes, one bit each: 8 kB, where a byte per hash took 64 kB and missed
 * the processor's cache on nearly every letter of a message routed after other work.
 */
export class PairSet {
  private readonly bits = new Int32Array(1 << 11);

  add(hash: number): void {
    this.bits[hash >>> 5]! |= 1 << (hash & 31);
  }

  has(hash: number): boolean {
    return (this.bits[hash >>> 5]! & (1 << (hash & 31))) !== 0;
  }
}

/** Adds to `pairs` the pair of letters `literal` starts with; a one-letter literal could start anywhere, so every pair its letter begins. */
export function markPairs(pairs: PairSet, literal: string): void {
  const first = literal.charCodeAt(0);
  if (literal.length > 1) pairs.add(pairHash(first, literal.charCodeAt(1)));
  else for (let next = 0; next < 1 << 16; next++) pairs.add(pairHash(first, next));
}

export class PhraseMatcher {
  private readonly exact = new Map<string, Phrase[]>();
  private readonly prefix = new PartTrie();
  /** Suffix texts are stored reversed and walked from the end of the word. */
  private readonly suffix = new PartTrie();
  private readonly contains = new PartTrie();
  /**
   * The first two letters of the `*infix*` texts, hashed into a bitmap: a position of a
   * word where no such pair starts is not walked (a stray hit only costs a walk).
   */
  private readonly containsStarts = new PairSet();
  private hasContains = false;
  /** The words a message token may be corrected to for this matcher: exact phrase words. */
  readonly words = new Set<string>();
  /** The candidate phrases of the words `prime` was given, by word id (most are the one empty list). */
  private byId: (readonly Phrase[])[] = [];
  /** Per word id, the number of the last `match` whose message contains it (no clearing between messages). */
  private present = new Int32Array(0);
  private generation = 0;
  /**
   * The same candidates in typed arrays, so that the common case (every form of a token is a
   * known word) reads a few compact arrays and touches a phrase object only when it may match:
   * the phrases numbered, word id → its phrase numbers (candidates[candidateStart[id], candidateStart[id + 1])),
   * per phrase whether it is one word, and its required word ids (required[requiredStart[p], requiredStart[p + 1])).
   */
  private numbered: Phrase[] = [];
  private candidateStart = new Int32Array(1);
  private candidates = new Int32Array(0);
  private oneWord = new Uint8Array(0);
  private requiredStart = new Int32Array(1);
  private required = new Int32Array(0);
  /** Per phrase number, the last token that took it as a candidate (so a phrase is tried once per token). */
  private takenAt = new Int32Array(0);
  private token = 0;

  constructor(groups: PhraseGroups = {}, maxGap = 2) {
    this.addGroups(groups, maxGap);
  }

  /**
   * Adds groups and returns the exact words of their phrases; `maxGap` is how many other words
   * may come between the words of a phrase; `section` names the lexicon, when several share the matcher.
   */
  addGroups(groups: PhraseGroups, maxGap = 2, section = ''): Set<string> {
    const words = new Set<string>();
    for (const [group, phrases] of Object.entries(groups)) {
      for (const written of phrases) {
        for (const source of expandPhrase(written)) for (const word of this.addPhrase(group, section, source, maxGap)) words.add(word);
      }
    }
    return words;
  }

  private addPhrase(group: string, section: string, source: string, maxGap: number): string[] {
    const parts = parsePhrase(source);
    const first = parts[0];
    if (!first) return [];
    const phrase: Phrase = { group, section, source, parts, maxGap };
    if (first.kind === 'exact') {
      const list = this.exact.get(first.text);
      if (list) list.push(phrase);
      else this.exact.set(first.text, [phrase]);
    } else if (first.kind === 'suffix') {
      this.suffix.add([...first.text].reverse().join(''), phrase);
    } else {
      this[first.kind].add(first.text, phrase);
      if (first.kind === 'contains') {
        this.hasContains = true;
        markPairs(this.containsStarts, first.text);
      }
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
    this.present = new Int32Array(wordIds.size);
    const primed = new Set<Phrase>();
    for (const [word, id] of wordIds) {
      const phrases = this.collect(word);
      this.byId[id] = phrases;
      for (const phrase of phrases) primed.add(phrase);
    }
    for (const phrase of primed) {
      const required = phrase.parts.slice(1).flatMap((part) => (part.kind === 'exact' && part.text.length < 6 && wordIds.has(part.text) ? [wordIds.get(part.text)!] : []));
      if (required.length > 0) phrase.required = Int32Array.from(required);
    }
    this.pack(wordIds.size, primed);
  }

  /** Fills the typed candidate tables from `byId` (see `numbered`). */
  private pack(size: number, primed: ReadonlySet<Phrase>): void {
    this.numbered = [...primed];
    const numberOf = new Map(this.numbered.map((phrase, p) => [phrase, p]));
    this.candidateStart = new Int32Array(size + 1);
    let total = 0;
    for (let id = 0; id < size; id++) {
      this.candidateStart[id] = total;
      total += this.byId[id]!.length;
    }
    this.candidateStart[size] = total;
    this.candidates = new Int32Array(total);
    for (let id = 0, at = 0; id < size; id++) for (const phrase of this.byId[id]!) this.candidates[at++] = numberOf.get(phrase)!;
    const count = this.numbered.length;
    this.oneWord = Uint8Array.from(this.numbered, (phrase) => (phrase.parts.length === 1 ? 1 : 0));
    this.requiredStart = new Int32Array(count + 1);
    let requiredTotal = 0;
    this.numbered.forEach((phrase, p) => {
      this.requiredStart[p] = requiredTotal;
      requiredTotal += phrase.required?.length ?? 0;
    });
    this.requiredStart[count] = requiredTotal;
    this.required = new Int32Array(requiredTotal);
    this.numbered.forEach((phrase, p) => phrase.required && this.required.set(phrase.required, this.requiredStart[p]!));
    this.takenAt = new Int32Array(count);
  }

  /**
   * Every phrase found in the message (one match per phrase and start position); `forms[i]`
   * are token i's forms and `formIds[i]` their ids in the map `prime` was given (-1: unknown).
   */
  match(forms: readonly (readonly string[])[], formIds?: readonly (readonly number[])[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    // With ids, a phrase whose exact later words are not all in the message is skipped unread.
    const generation = formIds ? this.markPresent(formIds) : 0;
    for (let i = 0; i < forms.length; i++) {
      const tokenForms = forms[i] ?? [];
      const ids = formIds?.[i];
      if (generation > 0 && ids && this.takenAt.length > 0 && allKnown(ids, this.present.length)) {
        this.matchKnownToken(ids, forms, i, generation, found);
        continue;
      }
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
        if (generation > 0 && phrase.required && !this.allPresent(phrase.required, generation)) continue;
        // The candidate lookup already matched the first part against one of the token's forms.
        const end = phrase.parts.length === 1 ? i : matchRest(phrase.parts, forms, i, phrase.maxGap);
        if (end >= 0) found.push({ group: phrase.group, section: phrase.section, phrase: phrase.source, start: i, end });
      }
    }
    return found;
  }

  /** match() for a token all of whose forms are known words: the typed tables only, phrase objects for the survivors. */
  private matchKnownToken(ids: readonly number[], forms: readonly (readonly string[])[], i: number, generation: number, found: PhraseMatch[]): void {
    const token = ++this.token;
    const { candidateStart, candidates, oneWord, requiredStart, required, present, takenAt } = this;
    for (let f = 0; f < ids.length; f++) {
      const id = ids[f]!;
      for (let k = candidateStart[id]!, end = candidateStart[id + 1]!; k < end; k++) {
        const p = candidates[k]!;
        // A phrase that several forms of the token start is tried once, at its first form.
        if (takenAt[p] === token) continue;
        takenAt[p] = token;
        let last = i;
        if (oneWord[p] === 0) {
          let missing = false;
          for (let r = requiredStart[p]!, rEnd = requiredStart[p + 1]!; r < rEnd; r++) {
            if (present[required[r]!] !== generation) {
              missing = true;
              break;
            }
          }
          if (missing) continue;
          const phrase = this.numbered[p]!;
          last = matchRest(phrase.parts, forms, i, phrase.maxGap);
          if (last < 0) continue;
        }
        const phrase = this.numbered[p]!;
        found.push({ group: phrase.group, section: phrase.section, phrase: phrase.source, start: i, end: last });
      }
    }
  }

  private markPresent(formIds: readonly (readonly number[])[]): number {
    const generation = ++this.generation;
    for (const ids of formIds) for (const id of ids) if (id >= 0 && id < this.present.length) this.present[id] = generation;
    return generation;
  }

  private allPresent(required: Int32Array, generation: number): boolean {
    for (let r = 0; r < required.length; r++) if (this.present[required[r]!] !== generation) return false;
    return true;
  }

  private candidatesOf(form: string, id: number | undefined): readonly Phrase[] {
    return (id !== undefined && id >= 0 ? this.byId[id] : undefined) ?? this.collect(form);
  }

  /** The distinct phrases whose first part may match `form` (the one empty list when none does). */
  private collect(form: string): readonly Phrase[] {
    const found: Phrase[] = [];
    const exact = this.exact.get(form);
    if (exact) found.push(...exact);
    this.prefix.walk(form, 0, 1, found);
    this.suffix.walk(form, form.length - 1, -1, found);
    if (this.hasContains) {
      for (let at = 0; at + 1 < form.length; at++) {
        if (this.containsStarts.has(pairHash(form.charCodeAt(at), form.charCodeAt(at + 1)))) this.contains.walk(form, at, 1, found);
      }
      // The last letter alone can only start a one-letter infix.
      if (form.length > 0) this.contains.walk(form, form.length - 1, 1, found);
    }
    if (found.length === 0) return noPhrases;
    return found.length === 1 ? found : [...new Set(found)];
  }

  /** The groups with at least one match. */
  groupsIn(forms: readonly (readonly string[])[]): Set<string> {
    return new Set(this.match(forms).map((match) => match.group));
  }
}
