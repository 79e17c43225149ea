// Text normalisation shared by training and routing: the same message written
// with another keyboard, with or without diacritics, must give the same tokens.
// It runs several times per message, so it is one pass over the characters with
// a per-character mapping that is computed once and remembered.

/** Arabic-script letter variants that people type interchangeably (Arabic and Persian keyboards). */
const arabicLetterMap: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي', 'ک': 'ك',
  'ة': 'ه', 'ۀ': 'ه', 'ھ': 'ه', 'ہ': 'ه', 'ؤ': 'و', 'ء': '',
};

/**
 * Ge'ez letters that Tigrinya writers swap freely (ሠ/ሰ, ፀ/ጸ, ኀ/ሐ, ዐ/አ): fold each
 * whole row of seven vowel orders onto one row, so spelling variants match.
 */
const ethiopicRowFolds: [from: number, to: number][] = [
  [0x1220, 0x1230],
  [0x1340, 0x1338],
  [0x1280, 0x1210],
  [0x12d0, 0x12a0],
];

/** Apostrophes of every keyboard: ' ` ´ ʻ ʼ ‘ ’ ′. */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x60 || code === 0xb4 || code === 0x2bb || code === 0x2bc || code === 0x2018 || code === 0x2019 || code === 0x2032;
}
// Arabic diacritics and tatweel, zero-width characters, and the dot that toLowerCase leaves after İ.
const droppedRanges: [number, number][] = [
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x0640, 0x0640],
  [0x200b, 0x200d],
  [0x2060, 0x2060],
  [0xfeff, 0xfeff],
  [0x0307, 0x0307],
];
const isDropped = (code: number): boolean => droppedRanges.some(([from, to]) => code >= from && code <= to);
const wordChar = /[\p{L}\p{N}\p{M}]/u;
const SPACE = ' ';
const DROP = '';
/** mapChar's answers by UTF-16 code unit, filled on first use (an array read, where a Map would hash the character). */
const charTable: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);

/** What one (lower-cased) character becomes: itself, a folded form, '' (dropped) or ' ' (separator). */
function mapChar(ch: string): string {
  const unit = ch.charCodeAt(0);
  const cached = ch.length === 1 ? charTable[unit] : undefined;
  if (cached !== undefined) return cached;
  let out: string;
  const code = ch.codePointAt(0) ?? 0;
  if (ch === 'ı') out = 'i';
  else if (ch === 'ß') out = 'ss';
  else if (ch === 'æ') out = 'ae';
  else if (ch === 'ø') out = 'o';
  else if (isDropped(code)) out = DROP;
  else if (arabicLetterMap[ch] !== undefined) out = arabicLetterMap[ch] ?? ch;
  else if (code >= 0x0660 && code <= 0x0669) out = String(code - 0x0660);
  else if (code >= 0x06f0 && code <= 0x06f9) out = String(code - 0x06f0);
  else if (code >= 0x1200 && code <= 0x135f) out = foldEthiopic(code);
  else if (!wordChar.test(ch)) out = SPACE;
  else if (code >= 0xc0 && code <= 0x24f) out = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  else out = ch;
  if (ch.length === 1) charTable[unit] = out;
  return out;
}

function foldEthiopic(code: number): string {
  for (const [from, to] of ethiopicRowFolds) {
    if (code >= from && code < from + 8) return String.fromCharCode(to + (code - from));
  }
  return String.fromCharCode(code);
}

/**
 * Lower-cases and folds a message into comparable form: NFKC, Turkish dotted and
 * dotless i, Latin diacritics, Arabic/Persian letter variants and diacritics,
 * Persian/Arabic digits, apostrophes inside words (Ukrainian, Somali, English:
 * dropped, the word stays whole), Ge'ez letter variants, runs of one letter
 * ("pleeeease" → "pleease"), punctuation; the euro sign becomes the word "euro".
 */
export function normalizeText(text: string): string {
  // toLowerCase maps İ to i + U+0307 (dropped below); plain I must become i, not ı.
  // Plain ASCII (most Latin-script messages) is its own NFKC form and has no İ or €.
  const source = (isAscii(text) ? text : text.normalize('NFKC').replace(/İ/g, 'i').replace(/€/g, ' euro ')).toLowerCase();
  const out = units.start(source.length);
  // Emoji and other astral characters arrive as two surrogate halves: both map to a separator.
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      out.put(code);
      continue;
    }
    let mapped: string;
    if (isApostrophe(code)) {
      const inWord = out.last !== NONE && out.last !== SPACE_CODE && i + 1 < source.length && mapUnit(source, i + 1) !== SPACE;
      mapped = inWord ? DROP : SPACE;
    } else mapped = mapUnit(source, i);
    for (let j = 0; j < mapped.length; j++) out.put(mapped.charCodeAt(j));
  }
  return out.text();
}

const SPACE_CODE = 0x20;
const NONE = -1;

/**
 * The normalised text as it is written: spaces collapsed, runs of three or more of one
 * letter cut to two (not digits: 1000), a trailing space left off. One writer with one
 * buffer of code units serves every call, where adding to a string would allocate a piece
 * per character. (One long-lived writer, not one per call: V8 drops optimised code that
 * knows the shape of an object when a garbage collection finds no object of that shape.)
 */
class CodeUnits {
  private buffer = new Uint16Array(1024);
  private length = 0;
  /** The last letter or space written (NONE before the first letter). */
  last = NONE;
  private run = 0;

  /** Empties the writer for a text of about `expected` code units. */
  start(expected: number): this {
    if (this.buffer.length < 2 * expected) this.buffer = new Uint16Array(4 * expected);
    this.length = 0;
    this.last = NONE;
    this.run = 0;
    return this;
  }

  put(unit: number): void {
    if (unit === SPACE_CODE) {
      if (this.last !== SPACE_CODE && this.last !== NONE) this.append(unit);
      if (this.last !== NONE) this.last = SPACE_CODE;
      this.run = 0;
    } else if (unit === this.last && !(unit >= 0x30 && unit <= 0x39)) {
      if (this.run < 2) this.append(unit);
      this.run++;
    } else {
      this.append(unit);
      this.last = unit;
      this.run = 1;
    }
  }

  private append(unit: number): void {
    if (this.length === this.buffer.length) {
      const buffer = new Uint16Array(2 * this.buffer.length);
      buffer.set(this.buffer);
      this.buffer = buffer;
    }
    this.buffer[this.length++] = unit;
  }

  text(): string {
    const end = this.last === SPACE_CODE ? this.length - 1 : this.length;
    // Every unit is a whole character (surrogate halves became separators), so UTF-16 decoding is exact.
    return utf16.decode(this.buffer.subarray(0, end));
  }
}

const units = new CodeUnits();
/** Reads the buffer's code units in the machine's own byte order. */
const utf16 = new TextDecoder(new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');

/** mapChar of the code unit at `i` (one code unit: a surrogate half maps to a separator). */
function mapUnit(source: string, i: number): string {
  return charTable[source.charCodeAt(i)] ?? mapChar(source.charAt(i));
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// Persian writes the verb prefix می/نمی and the plural ها as separate words,
// joined by a zero-width non-joiner, or glued on: all three become one word.
const persianPrefixes = new Set(['مي', 'نمي']);
const persianSuffixes = new Set(['ها', 'هاي']);

/** Splits a normalised text into words. */
export function tokenize(normalized: string): string[] {
  if (normalized.length === 0) return [];
  const words = normalized.split(SPACE);
  if (!/[\u0600-\u06ff]/.test(normalized)) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (persianPrefixes.has(word) && next !== undefined && /^[\u0600-\u06ff]/.test(next)) {
      out.push(word + next);
      i++;
    } else if (persianSuffixes.has(word) && out.length > 0) {
      out.push(`${out.pop() ?? ''}${word}`);
    } else {
      out.push(word);
    }
  }
  return out;
}

/** normalizeText followed by tokenize. */
export function normalizeAndTokenize(text: string): string[] {
  return tokenize(normalizeText(text));
}

/** The scripts this project tells apart. */
export type Script = 'latin' | 'arabic' | 'cyrillic' | 'ethiopic' | 'other';

/** Which script a word is written in, by its first letter. */
export function scriptOf(word: string): Script {
  const ch = word.codePointAt(0) ?? 0;
  if (ch >= 0x0600 && ch <= 0x06ff) return 'arabic';
  if ((ch >= 0x0750 && ch <= 0x077f) || (ch >= 0xfb50 && ch <= 0xfeff)) return 'arabic';
  if (ch >= 0x0400 && ch <= 0x052f) return 'cyrillic';
  if (ch >= 0x1200 && ch <= 0x139f) return 'ethiopic';
  if ((ch >= 0x41 && ch <= 0x7a) || (ch >= 0xc0 && ch <= 0x24f) || (ch >= 0x30 && ch <= 0x39)) return 'latin';
  return 'other';
}
