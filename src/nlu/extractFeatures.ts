// Turns a message into weighted features for the topic classifier. The same
// function runs on training examples and on incoming messages, so everything
// the classifier learns is in the same space as what it will see.
import type { Locale } from '../content/schema.js';
import { skeletonOfArabic, skeletonOfArabizi } from './arabicSkeleton.js';
import { scriptOf } from './normalizeText.js';
import { ethiopicConsonants, stemToken } from './stemToken.js';

export type Features = Map<string, number>;

/** How much each kind of feature counts, relative to a stemmed word. */
export interface FeatureWeights {
  word: number;
  ngram: number;
  skeleton: number;
  concept: number;
}

export const defaultFeatureWeights: FeatureWeights = { word: 1, ngram: 0.5, skeleton: 0.6, concept: 3 };

export interface FeatureContext {
  lang: Locale;
  /** Latin-script Arabic: add skeleton features for Latin words too. */
  arabizi: boolean;
  /** Words kept as they are (Dutch domain terms), not stemmed with the message's language. */
  verbatim: ReadonlySet<string>;
  /** Concepts found in the message (from the concept lexicon). */
  concepts: Iterable<string>;
  weights?: FeatureWeights;
  /** Per-token features already computed (training sees the same words thousands of times). */
  cache?: Map<string, readonly (readonly [string, number])[]>;
}

/** Features of a tokenised message (typos already corrected, see analyseMessage). */
export function extractFeatures(tokens: readonly string[], context: FeatureContext): Features {
  const weights = context.weights ?? defaultFeatureWeights;
  const features: Features = new Map();
  for (const token of tokens) {
    if (/^\d+$/.test(token)) continue;
    const key = `${context.lang}${context.arabizi ? '+' : ''}:${token}`;
    let own = context.cache?.get(key);
    if (!own) {
      own = tokenFeatures(token, context, weights);
      context.cache?.set(key, own);
    }
    for (const [feature, weight] of own) features.set(feature, (features.get(feature) ?? 0) + weight);
  }
  for (const concept of context.concepts) features.set(`c:${concept}`, (features.get(`c:${concept}`) ?? 0) + weights.concept);
  return features;
}

function tokenFeatures(token: string, context: FeatureContext, weights: FeatureWeights): (readonly [string, number])[] {
  const script = scriptOf(token);
  const stem = context.verbatim.has(token) ? token : stemToken(token, context.lang);
  const out: (readonly [string, number])[] = [[`w:${stem}`, weights.word]];
  const ethiopic = script === 'ethiopic';
  for (const gram of charNgrams(ethiopic ? ethiopicConsonants(token) : token, ethiopic ? 2 : 3, ethiopic ? 4 : 5)) {
    out.push([`g:${gram}`, weights.ngram]);
  }
  const skeleton = script === 'arabic' ? skeletonOfArabic(token) : context.arabizi && script === 'latin' ? skeletonOfArabizi(token) : '';
  if (skeleton.length >= 2) out.push([`k:${skeleton}`, weights.skeleton]);
  return out;
}

/** Character n-grams of a word with boundary marks, so prefixes and suffixes are features of their own. */
function charNgrams(word: string, min: number, max: number): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  }
  return grams;
}
