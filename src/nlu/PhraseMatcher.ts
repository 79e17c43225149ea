// Finds lexicon phrases in a tokenised message, fast enough to run every signal
// lexicon on every message. Phrase syntax (also in content/signals/README.md):
//   words in order, up to `maxGap` other words between them;
//   `word*` any word starting with "word", `*word` ending with it, `*word*` containing it;
//   other words match exactly, or with one typo when they have 6 letters or more;
//   Arabic and Tigrinya words also match without their attached prefixes (و, ال, ب, ን, ብ, ...).
// Matching works on token forms (see analyseMessage): each token with its variants
// (prefix stripped, typo corrected), computed once per message for all lexicons.
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
  const variants = [token];
  const first = token.charCodeAt(0);
  const pattern = first >= 0x0600 && first <= 0x06ff ? arabicProclitics : first >= 0x1200 && first <= 0x137f ? ethiopicProclitics : undefined;
  if (pattern) {
    const stripped = token.replace(pattern, '');
    if (stripped !== token && stripped.length >= 2) variants.push(stripped);
  }
  return variants;
}

export class PhraseMatcher {
  private readonly exact = new Map<string, Phrase[]>();
  private readonly prefix = new Map<string, Phrase[]>();
  private readonly suffix = new Map<string, Phrase[]>();
  private readonly contains: Phrase[] = [];
  /** The words a message token may be corrected to for this matcher: exact phrase words. */
  readonly words = new Set<string>();

  constructor(
    groups: PhraseGroups,
    private readonly maxGap = 2,
  ) {
    for (const [group, phrases] of Object.entries(groups)) {
      for (const source of phrases) this.addPhrase(group, source);
    }
  }

  private addPhrase(group: string, source: string): void {
    const parts = parsePhrase(source);
    const first = parts[0];
    if (!first) return;
    const phrase: Phrase = { group, source, parts };
    if (first.kind === 'contains') this.contains.push(phrase);
    else push(first.kind === 'exact' ? this.exact : first.kind === 'prefix' ? this.prefix : this.suffix, first.text, phrase);
    for (const part of parts) if (part.kind === 'exact') this.words.add(part.text);
  }

  /** Every phrase found in the message (one match per phrase and start position); `forms[i]` are token i's forms. */
  match(variants: readonly (readonly string[])[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < variants.length; i++) {
      for (const phrase of this.candidates(variants[i] ?? [])) {
        const end = matchRest(phrase.parts, variants, i, this.maxGap);
        const key = `${phrase.group}\u0000${phrase.source}\u0000${i}`;
        if (end < 0 || seen.has(key)) continue;
        seen.add(key);
        found.push({ group: phrase.group, phrase: phrase.source, start: i, end });
      }
    }
    return found;
  }

  /** The groups with at least one match. */
  groupsIn(variants: readonly (readonly string[])[]): Set<string> {
    return new Set(this.match(variants).map((match) => match.group));
  }

  private candidates(forms: readonly string[]): Phrase[] {
    const out: Phrase[] = [...this.contains];
    for (const form of forms) {
      out.push(...(this.exact.get(form) ?? []));
      for (let length = 1; length <= form.length; length++) {
        out.push(...(this.prefix.get(form.slice(0, length)) ?? []));
        out.push(...(this.suffix.get(form.slice(form.length - length)) ?? []));
      }
    }
    return out;
  }
}

function push(map: Map<string, Phrase[]>, key: string, phrase: Phrase): void {
  const list = map.get(key);
  if (list) list.push(phrase);
  else map.set(key, [phrase]);
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
export function partMatches(part: Part, forms: readonly string[]): boolean {
  return forms.some((form) => {
    switch (part.kind) {
      case 'exact':
        return form === part.text || (part.text.length >= 6 && Math.abs(form.length - part.text.length) <= 1 && withinOneEdit(form, part.text));
      case 'prefix':
        return form.startsWith(part.text);
      case 'suffix':
        return form.endsWith(part.text);
      case 'contains':
        return form.includes(part.text);
    }
  });
}

// Returns the index of the last matched token, or -1.
function matchRest(parts: readonly Part[], variants: readonly (readonly string[])[], start: number, maxGap: number): number {
  const [first, ...rest] = parts;
  if (!first || !partMatches(first, variants[start] ?? [])) return -1;
  let position = start;
  for (const part of rest) {
    let next = -1;
    for (let j = position + 1; j <= position + 1 + maxGap && j < variants.length; j++) {
      if (partMatches(part, variants[j] ?? [])) {
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
