// Language identification for short, code-mixed messages: the script decides
// where it can (Ge'ez, Cyrillic), Arabic script is split into Arabic and Persian
// by letters and function words, and Latin script is scored with franc's trigram
// model (restricted to our languages) plus function words and Arabizi digits.
import type { Locale } from '../content/schema.js';
import { defaultDomainTerms } from './domainTerms.js';
import {
  type CompiledMarkers,
  type LatinLanguage,
  compiledArabicScriptMarkers,
  compiledLatinMarkers,
  localeOfLatin,
} from './languageMarkers.js';
import { type Script, normalizeAndTokenize, scriptOf } from './normalizeText.js';
import { trigramScores } from './trigramLanguage.js';

export interface LanguageGuess {
  lang: Locale;
  /** 0..1: how sure the guess is. */
  confidence: number;
  /** false when the text was too short or ambiguous and `previous` (if any) was kept. */
  decided: boolean;
  /** Latin-script Arabic ("3andi su2al"): the features for Arabic use a shared skeleton. */
  arabizi?: boolean;
}

export interface DetectLanguageOptions {
  /** Dutch domain words to ignore (default: the built-in list). */
  domainTerms?: ReadonlySet<string>;
  /** The traits of token number `i` (default: worked out with `languageTraits`); the router keeps those of known words. */
  traitsOf?: (token: string, i: number) => LanguageTraits;
}

/**
 * What language identification reads from one token, the same wherever it occurs:
 * its script, whether it is a Dutch domain term, and its points per language from
 * function words (plus Arabizi digits and Somali spelling for Latin words, the
 * Arabic article for Arabic-script words). Only the text-level letter counts and
 * franc look at the message as a whole.
 */
export interface LanguageTraits {
  numeric: boolean;
  script: Script;
  /** A Latin-script Dutch domain term ("zorgtoeslag", "huisartsen"): it decides nothing. */
  domain: boolean;
  /** Points per Latin-script language, in the order of `latinLanguages`. */
  latin: readonly number[];
  /** Points for Persian and for Arabic when the message is in Arabic script. */
  fa: number;
  ar: number;
}

const latinLanguages = ['nl', 'en', 'tr', 'so', 'arabizi'] as const;
const francLatin = new Map<string, LatinLanguage>([
  ['nld', 'nl'],
  ['eng', 'en'],
  ['tur', 'tr'],
  ['som', 'so'],
]);
const francLatinCodes = [...francLatin.keys()];
/** The markers of each Latin-script language, in the order of `latinLanguages`. */
const latinMarkers = latinLanguages.map((language) => compiledLatinMarkers[language]);
const turkish = latinLanguages.indexOf('tr');
const francArabicCodes = ['arb', 'pes', 'prs'];
const arabizeWord = /^(?![0-9]+(?:e|de|ste|th|st|nd|rd|x)$)(?=.*[a-z])(?:[a-z]*[235679][a-z]+|[a-z]+[235679])$/;
const somaliSpelling = /[aeiou]x[aeiou]|^x[aeiou]|dh[aeiou]{2}|^c[aeiou]{2}/;
/** The Turkish present tense ("geliyor", "kalkamiyor", "bekliyoruz"), written without Turkish letters too: no other language here ends a word so. */
const turkishTense = /[iuı]yor(?:um|sun|uz|sunuz|lar|du|mus|muş)?$/;

/** Identifies the language of a message; see LanguageGuess.decided for short messages. */
export function detectLanguage(text: string, previous?: Locale, options: DetectLanguageOptions = {}): LanguageGuess {
  return detectLanguageOfTokens(text, normalizeAndTokenize(text), previous, options);
}

/** The traits of one normalised token (see LanguageTraits). */
export function languageTraits(token: string, domainTerms: ReadonlySet<string> = defaultDomainTerms): LanguageTraits {
  const numeric = /^\d+$/.test(token);
  const script = scriptOf(token);
  const domain = script === 'latin' && (domainTerms.has(token) || isDomainCompound(token, domainTerms));
  const latin = latinMarkers.map((markers) => markerPoints(token, markers));
  latin[latinLanguages.indexOf('arabizi')]! += arabizeWord.test(token) ? 2.5 : 0;
  latin[latinLanguages.indexOf('so')]! += somaliSpelling.test(token) ? 1 : 0;
  latin[latinLanguages.indexOf('tr')]! += turkishTense.test(token) ? 1 : 0;
  const article = token.length > 3 && token.startsWith('ال') && !/^ال(ان|بته)$/.test(token) ? 1 : 0;
  return {
    numeric,
    script,
    domain,
    latin,
    fa: markerPoints(token, compiledArabicScriptMarkers.fa),
    ar: markerPoints(token, compiledArabicScriptMarkers.ar) + article,
  };
}

/** detectLanguage for a message that is already normalised and tokenised (the router does that once). */
export function detectLanguageOfTokens(text: string, allTokens: readonly string[], previous?: Locale, options: DetectLanguageOptions = {}): LanguageGuess {
  const domainTerms = options.domainTerms ?? defaultDomainTerms;
  const traitsOf = options.traitsOf ?? traitsOnce(allTokens, domainTerms);
  // Letters per script first; the words themselves are gathered for the one guess that reads them.
  let latin = 0;
  let arabic = 0;
  let cyrillic = 0;
  let ethiopic = 0;
  let latinWords = 0;
  for (let i = 0; i < allTokens.length; i++) {
    const trait = traitsOf(allTokens[i]!, i);
    if (trait.numeric || (trait.script === 'latin' && trait.domain)) continue;
    const length = allTokens[i]!.length;
    if (trait.script === 'latin') {
      latinWords++;
      latin += length;
    } else if (trait.script === 'arabic') arabic += length;
    else if (trait.script === 'cyrillic') cyrillic += length;
    else if (trait.script === 'ethiopic') ethiopic += length;
  }
  const foreign = Math.max(arabic, cyrillic, ethiopic);
  if (foreign > 0 && foreign * 2 >= latin) {
    if (ethiopic === foreign) return { lang: 'ti', confidence: 0.99, decided: true };
    if (cyrillic === foreign) return { lang: 'uk', confidence: 0.97, decided: true };
    const { tokens, traits } = wordsWhere(allTokens, traitsOf, (trait) => !trait.numeric);
    return guessArabicScript(text, tokens, traits, previous);
  }
  if (latinWords === 0) {
    // Only Dutch domain words (or nothing): keep the conversation's language.
    return { lang: previous ?? 'nl', confidence: previous ? 0.5 : 0.3, decided: false };
  }
  const { tokens, traits } = wordsWhere(allTokens, traitsOf, (trait) => !trait.numeric && trait.script === 'latin' && !trait.domain);
  return guessLatin(text, tokens, traits, previous);
}

/** Each token's traits, worked out once (the guess reads them twice). */
function traitsOnce(tokens: readonly string[], domainTerms: ReadonlySet<string>): (token: string, i: number) => LanguageTraits {
  const traits = tokens.map((token) => languageTraits(token, domainTerms));
  return (_, i) => traits[i]!;
}

/** The tokens (and their traits) whose traits pass `keep`, in order. */
function wordsWhere(
  allTokens: readonly string[],
  traitsOf: (token: string, i: number) => LanguageTraits,
  keep: (trait: LanguageTraits) => boolean,
): { tokens: string[]; traits: LanguageTraits[] } {
  const tokens: string[] = [];
  const traits: LanguageTraits[] = [];
  for (let i = 0; i < allTokens.length; i++) {
    const trait = traitsOf(allTokens[i]!, i);
    if (!keep(trait)) continue;
    tokens.push(allTokens[i]!);
    traits.push(trait);
  }
  return { tokens, traits };
}

// "zorgtoeslagaanvraag", "huisartsen": a domain term with a short Dutch tail.
function isDomainCompound(token: string, domainTerms: ReadonlySet<string>): boolean {
  for (let cut = token.length - 1; cut >= 5 && cut >= token.length - 8; cut--) {
    if (domainTerms.has(token.slice(0, cut))) return true;
  }
  return false;
}

function markerPoints(token: string, markers: CompiledMarkers): number {
  return markers.strong.has(token) ? 2 : markers.weak.has(token) ? 1 : 0;
}

function guessLatin(text: string, tokens: readonly string[], traits: readonly LanguageTraits[], previous: Locale | undefined): LanguageGuess {
  const joined = tokens.join(' ');
  // Points per language, in the order of `latinLanguages` (an array: read by position, not by name).
  const scores = [0, 0, 0, 0, 0];
  for (const trait of traits) for (let i = 0; i < latinLanguages.length; i++) scores[i]! += trait.latin[i]!;
  // Turkish letters, counted as Turkish lower-casing would see them (it makes every I a dotless ı).
  scores[turkish]! += Math.min(6, 2 * countMatches(text, /[şğıŞĞI]/g)) + Math.min(1.5, 0.5 * countMatches(text, /[çöüÇÖÜ]/g));
  // Trigram statistics get more weight the longer the text is; they are skipped
  // when function words already decide (franc is the slowest step of routing).
  let [best, second] = topTwo(scores);
  if (scores[best]! - scores[second]! < 4) {
    const francWeight = 3 * Math.min(1, joined.length / 30);
    for (const [code, score] of trigramScores(joined, 'Latin', francLatinCodes)) {
      const language = francLatin.get(code);
      if (language) scores[latinLanguages.indexOf(language)]! += francWeight * score;
    }
    [best, second] = topTwo(scores);
  }
  const margin = scores[best]! - scores[second]!;
  const lang = localeOfLatin(latinLanguages[best]!);
  const enough = (tokens.length >= 2 && margin >= 1.5) || (joined.length >= 15 && margin >= 0.75) || margin >= 3;
  const confidence = Math.min(0.99, 0.5 + margin / 8);
  if (!enough && previous) return { lang: previous, confidence: 0.5, decided: false };
  return { lang, confidence, decided: enough, arabizi: latinLanguages[best] === 'arabizi' };
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The positions of the two best scores; a tie goes to the earlier language (as a stable sort would have it). */
function topTwo(scores: readonly number[]): [number, number] {
  let best = 0;
  let second = 1;
  if (scores[second]! > scores[best]!) [best, second] = [second, best];
  for (let i = 2; i < scores.length; i++) {
    if (scores[i]! > scores[best]!) {
      second = best;
      best = i;
    } else if (scores[i]! > scores[second]!) second = i;
  }
  return [best, second];
}

function guessArabicScript(text: string, tokens: readonly string[], traits: readonly LanguageTraits[], previous: Locale | undefined): LanguageGuess {
  const count = (pattern: RegExp): number => countMatches(text, pattern);
  let fa = Math.min(9, 3 * count(/[پچژگ]/g)) + Math.min(4.5, 1.5 * count(/[یک\u06C0\u200C]/g));
  let ar = Math.min(6, 2 * count(/ة/g)) + Math.min(3, count(/[يكى]/g));
  for (const trait of traits) {
    fa += trait.fa;
    ar += trait.ar;
  }
  const arabicText = tokens.filter((_, i) => traits[i]!.script === 'arabic').join(' ');
  const francWeight = 2 * Math.min(1, arabicText.length / 30);
  for (const [code, score] of Math.abs(ar - fa) < 5 ? trigramScores(arabicText, 'Arabic', francArabicCodes) : []) {
    if (code === 'arb') ar += francWeight * score;
    else fa += (francWeight * score) / 2;
  }
  const margin = Math.abs(ar - fa);
  const lang: Locale = ar >= fa ? 'ar' : 'fa';
  const enough = margin >= 1.5;
  if (!enough && (previous === 'ar' || previous === 'fa')) return { lang: previous, confidence: 0.5, decided: false };
  return { lang, confidence: Math.min(0.99, 0.55 + margin / 10), decided: enough };
}
