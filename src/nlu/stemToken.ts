// One stemmer per language for the classifier's word features: natural's Porter
// stemmers where it has one (Dutch, English, Ukrainian), light affix stripping
// written for this project elsewhere (Arabic, Persian, Somali, Tigrinya), and
// prefix truncation for Turkish, whose suffix chains defeat a small rule set.
import stemmers from 'natural/lib/natural/stemmers/index.js';
import type { Locale } from '../content/schema.js';
import { scriptOf } from './normalizeText.js';

const { PorterStemmer, PorterStemmerNl, PorterStemmerUk } = stemmers;

const arabicPrefixes = /^(?:وال|بال|كال|فال|لل|ال)(?=...)/;
const arabicSuffixes = /(?:ها|ان|ات|ون|ين|يه|ته|هم|كم|نا|ني)$/;
const persianSuffixes = /(?:هاي|ها|ترين|تر|مان|تان|شان|ام|ات|اش|اي)$/;
const somaliSuffixes =
  /(?:ooyinka|ooyinkii|kayga|gayga|tayda|dayda|kaaga|taada|kooda|kiisa|teeda|yaasha|ooyin|yaal|kii|tii|gii|dii|hii|sha|ka|ta|ga|da|ha|na)$/;
const tigrinyaPrefixes = /^(?:ካብ|ኣብ|ናብ|ምስ|ናይ|ከም|ን|ብ|ዝ)(?=..)/;

/** Stems one normalised token; `lang` is the language of the message it comes from. */
export function stemToken(token: string, lang: Locale): string {
  switch (scriptOf(token)) {
    case 'arabic':
      return lang === 'fa' ? stemPersian(token) : stemArabic(token);
    case 'cyrillic':
      return PorterStemmerUk.stem(token);
    case 'ethiopic':
      return ethiopicConsonants(token.replace(tigrinyaPrefixes, ''));
    case 'latin':
      return stemLatin(token, lang);
    default:
      return token;
  }
}

function stemLatin(token: string, lang: Locale): string {
  if (/\d/.test(token)) return token;
  switch (lang) {
    case 'en':
      return PorterStemmer.stem(token);
    case 'tr':
      return token.slice(0, 5);
    case 'so':
      return token.length > 4 ? token.replace(somaliSuffixes, '') : token;
    case 'ar':
      return token;
    default:
      // Dutch, and Dutch words inside Persian, Tigrinya or Ukrainian messages.
      return PorterStemmerNl.stem(token);
  }
}

function stemArabic(token: string): string {
  let out = token.replace(arabicPrefixes, '');
  if (out.length >= 4 && out.startsWith('و')) out = out.slice(1);
  if (out.length >= 5) out = out.replace(arabicSuffixes, '');
  else if (out.length >= 4) out = out.replace(/[هي]$/, '');
  return out;
}

function stemPersian(token: string): string {
  let out = token;
  if (out.length >= 5) out = out.replace(/^(?:نمي|مي)/, '');
  if (out.length >= 5) out = out.replace(persianSuffixes, '');
  else if (out.length >= 4) out = out.replace(/ي$/, '');
  return out;
}

/**
 * Ge'ez letters are syllables (consonant + vowel) laid out in rows of eight;
 * mapping each to its row's first letter keeps the consonants, which survive
 * inflection and spelling variation far better than the vowels.
 */
export function ethiopicConsonants(token: string): string {
  let out = '';
  for (const ch of token) {
    const code = ch.charCodeAt(0);
    out += code >= 0x1200 && code <= 0x135a ? String.fromCharCode(code - ((code - 0x1200) % 8)) : ch;
  }
  return out;
}
