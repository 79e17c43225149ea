// One phrase of a lexicon, parsed into parts, and how a message's token forms match them
// (see PhraseMatcher for the phrase syntax).
import { normalizeText } from './normalizeText.js';

export type PartKind = 'exact' | 'prefix' | 'suffix' | 'contains';

export interface Part {
  kind: PartKind;
  text: string;
}

export interface Phrase {
  group: string;
  /** The lexicon that added it, when several share a matcher (see PhraseSection). */
  section: string;
  source: string;
  parts: Part[];
  maxGap: number;
  /**
   * Word ids (see `prime`) that the message must contain for the phrase to match: its later
   * words that only match exactly (shorter than six letters, so without typo tolerance).
   */
  required?: Int32Array;
}

/** At most this many phrases may one written phrase stand for (see expandPhrase). */
export const maxExpansions = 2000;

/**
 * The phrases a written phrase stands for: each `{a|b c|d*}` is one of its alternatives
 * ("{hart*|beroerte} {vorige week|jaar geleden}" is four phrases). Braces do not nest.
 * Throws on a brace left open or closed twice, an empty alternative, or more than
 * `maxExpansions` phrases (the schema reports these as content errors).
 */
export function expandPhrase(source: string): string[] {
  let phrases = [''];
  for (let at = 0; at < source.length; ) {
    const open = source.indexOf('{', at);
    const literal = source.slice(at, open < 0 ? source.length : open);
    if (literal.includes('}')) throw new Error(`"}" without "{" in "${source}"`);
    phrases = phrases.map((phrase) => phrase + literal);
    if (open < 0) break;
    const close = source.indexOf('}', open);
    if (close < 0 || source.slice(open + 1, close).includes('{')) throw new Error(`"{" without "}" in "${source}"`);
    const alternatives = source.slice(open + 1, close).split('|').map((alternative) => alternative.trim());
    if (alternatives.some((alternative) => alternative.length === 0)) throw new Error(`an empty alternative in "${source}"`);
    if (phrases.length * alternatives.length > maxExpansions) throw new Error(`"${source}" stands for more than ${maxExpansions} phrases`);
    phrases = phrases.flatMap((phrase) => alternatives.map((alternative) => phrase + alternative));
    at = close + 1;
  }
  return phrases.map((phrase) => phrase.trim().replace(/\s+/g, ' '));
}

/** The parts of a phrase as written in a lexicon (`word*`, `*word`, `*word*`, words; no `{a|b}`: see expandPhrase). */
export function parsePhrase(source: string): Part[] {
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
export function partMatches(part: Part, forms: readonly string[]): boolean {
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

// The index of the last token matched by the parts after the first (which matched at
// `start`), or -1.
export function matchRest(parts: readonly Part[], forms: readonly (readonly string[])[], start: number, maxGap: number): number {
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

/** Damerau-Levenshtein distance of at most one, without building a matrix (or any string). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** Whether a from `ia` on equals b from `ib` on. */
function sameFrom(a: string, ia: number, b: string, ib: number): boolean {
  if (a.length - ia !== b.length - ib) return false;
  for (let k = 0; ia + k < a.length; k++) if (a.charCodeAt(ia + k) !== b.charCodeAt(ib + k)) return false;
  return true;
}
