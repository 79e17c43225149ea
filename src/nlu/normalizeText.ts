// Text normalisation shared by training and routing: the same message written
// with another keyboard, with or without diacritics, must give the same tokens.

/** Arabic-script letter variants that people type interchangeably (Arabic and Persian keyboards). */
const arabicLetterMap: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ی': 'ي',
  'ې': 'ي',
  'ئ': 'ي',
  'ک': 'ك',
  'ة': 'ه',
  'ۀ': 'ه',
  'ھ': 'ه',
  'ہ': 'ه',
  'ؤ': 'و',
  'ء': '',
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

const arabicDiacritics = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const zeroWidth = /[\u200B\u200C\u200D\u2060\uFEFF]/g;
const apostrophes = /[\u2018\u2019\u02BC\u02BB\u0060\u00B4\u2032']/g;
const apostropheInWord = /([\p{L}\p{N}])[\u2018\u2019\u02BC\u02BB\u0060\u00B4\u2032'](?=\p{L})/gu;
const digitsArabicIndic = /[\u0660-\u0669]/g;
const digitsPersian = /[\u06F0-\u06F9]/g;
// Everything that is not a letter, a digit or a combining mark separates words.
const separators = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * Lower-cases and folds a message into comparable form: NFKC, Turkish dotted and
 * dotless i, Latin diacritics, Arabic/Persian letter variants and diacritics,
 * Persian/Arabic digits, apostrophes inside words (Ukrainian, Somali, English),
 * Ge'ez letter variants, runs of a repeated letter ("pleeeease"), punctuation.
 */
export function normalizeText(text: string): string {
  let out = text.normalize('NFKC').replace(zeroWidth, '');
  // toLowerCase maps İ to i + U+0307; plain I must become i (not ı) for mixed writers.
  out = out.replace(/İ/g, 'i').toLowerCase().replace(/ı/g, 'i');
  out = foldLatinDiacritics(out);
  out = out.replace(arabicDiacritics, '');
  out = out.replace(/[\u0600-\u06FF]/g, (ch) => arabicLetterMap[ch] ?? ch);
  out = out
    .replace(digitsArabicIndic, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(digitsPersian, (d) => String(d.charCodeAt(0) - 0x06f0));
  out = foldEthiopic(out);
  // An apostrophe inside a word is part of it (п'ять, ba'an, don't): drop it, keep the word whole.
  out = out.replace(apostropheInWord, '$1').replace(apostrophes, ' ');
  out = out.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return out.replace(separators, ' ').trim();
}

/** Splits a normalised text into words. */
export function tokenize(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}

/** normalizeText followed by tokenize. */
export function normalizeAndTokenize(text: string): string[] {
  return tokenize(normalizeText(text));
}

// Strip combining marks only after Latin letters: Cyrillic й and ї keep theirs.
function foldLatinDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o');
}

function foldEthiopic(text: string): string {
  return text.replace(/[\u1200-\u137F]/g, (ch) => {
    const code = ch.charCodeAt(0);
    for (const [from, to] of ethiopicRowFolds) {
      if (code >= from && code < from + 8) return String.fromCharCode(to + (code - from));
    }
    return ch;
  });
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
